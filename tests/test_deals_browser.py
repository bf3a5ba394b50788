"""The deals board in a real browser: a deal moves between stages through HTMX,
without a page reload, and the stage totals follow."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"


@pytest.mark.browser
def test_deal_moves_across_the_board_without_reload(live_server, page):
    base = live_server.url
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "seller@shop.test",
            "password": PASSWORD,
            "name": "Sam",
            "workspace_name": "Shop",
        },
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    contact = api.post(
        "/api/contacts", json={"email": "buyer@big.test", "name": "Bea Buyer"}
    ).json()
    deal = api.post(
        "/api/deals", json={"name": "Big order", "amount": 1200, "contact_id": contact["id"]}
    ).json()
    api.post("/api/deals", json={"name": "Other", "amount": 300})

    page.goto(base + "/login")
    page.get_by_label("Email").fill("seller@shop.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/**")
    page.goto(base + "/deals")
    page.evaluate("window.__noReload = 'still here'")
    open_total = page.locator("section.deal-column[data-stage=open] .total")
    assert open_total.get_attribute("data-total") == "1500.00"

    page.get_by_label("Stage of Big order").select_option("won")  # data-autosubmit -> hx-post
    won_card = page.locator(f"section.deal-column[data-stage=won] #deal-{deal['id']}")
    won_card.wait_for()
    assert (
        page.locator("section.deal-column[data-stage=won] .total").get_attribute("data-total")
        == "1200.00"
    )
    assert open_total.get_attribute("data-total") == "300.00"
    assert page.evaluate("window.__noReload") == "still here"
    assert page.url == base + "/deals"
    stored = api.get(f"/api/deals/{deal['id']}").json()
    assert stored["stage"] == "won" and stored["closed_at"]
    api.close()


def _seller(base: str, email: str) -> httpx.Client:
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={"email": email, "password": PASSWORD, "name": "Sam", "workspace_name": "Shop"},
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return api


# The select shows its longest stage name whole: its inner width, less padding and the
# drop-down arrow, holds that text.
SELECT_FITS = """s => {
  const probe = document.createElement("span");
  probe.style.font = getComputedStyle(s).font;
  probe.style.position = "absolute";
  probe.textContent = [...s.options].map(o => o.text).sort((a, b) => b.length - a.length)[0];
  document.body.appendChild(probe);
  const cs = getComputedStyle(s), arrow = 16;
  const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - arrow;
  const fits = probe.getBoundingClientRect().width <= room;
  probe.remove();
  return fits;
}"""


def _login(page, base: str, email: str) -> None:
    page.goto(base + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/**")


@pytest.mark.browser
def test_a_deal_drags_to_another_stage_and_its_page_says_who_moved_it(live_server, page):
    base = live_server.url
    api = _seller(base, "drag@shop.test")
    deal = api.post(
        "/api/deals", json={"name": "Northwind — 40 seats", "amount": 18000, "currency": "EUR"}
    ).json()
    api.post("/api/deals", json={"name": "Globex — pilot", "amount": 2400, "stage": "proposal"})
    _login(page, base, "drag@shop.test")
    page.goto(base + "/deals")
    page.evaluate("window.__noReload = 'still here'")
    card = page.locator(f"#deal-{deal['id']}")
    assert card.locator(".deal-amount").inner_text() == "€18,000"
    # the Move button shows its whole label next to the select
    move = card.get_by_role("button", name="Move")
    assert move.evaluate("b => b.scrollWidth <= b.clientWidth")
    assert card.locator("select[name=stage]").evaluate(SELECT_FITS)

    card.drag_to(page.locator("section.deal-column[data-stage=proposal]"))
    moved = page.locator(f"section.deal-column[data-stage=proposal] #deal-{deal['id']}")
    moved.wait_for()
    assert page.locator(f"section.deal-column[data-stage=open] #deal-{deal['id']}").count() == 0
    assert (
        page.locator("section.deal-column[data-stage=proposal] .total").inner_text()
        == "$2,400 + €18,000"
    )
    assert page.evaluate("window.__noReload") == "still here"
    assert api.get(f"/api/deals/{deal['id']}").json()["stage"] == "proposal"

    page.goto(base + f"/deals/{deal['id']}")
    first = page.locator(".deal-timeline li").first
    assert "Moved from" in first.inner_text() and "Sam" in first.inner_text()
    page.get_by_label("Add a note").fill("Legal has the order form.")
    page.get_by_role("button", name="Add note").click()
    page.locator(".deal-note", has_text="Legal has the order form.").wait_for()
    api.close()


@pytest.mark.browser
def test_the_board_fits_a_phone_and_moves_by_its_select(live_server, browser):
    base = live_server.url
    api = _seller(base, "phone@shop.test")
    deal = api.post(
        "/api/deals",
        json={"name": "Initech — 75 seats", "amount": 36000, "expected_close_date": "2027-01-15"},
    ).json()
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    _login(page, base, "phone@shop.test")
    page.goto(base + "/deals")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    card = page.locator(f"#deal-{deal['id']}")
    assert card.get_by_role("button", name="Move").evaluate("b => b.scrollWidth <= b.clientWidth")
    assert card.locator("select[name=stage]").evaluate(SELECT_FITS)
    page.get_by_label("Stage of Initech — 75 seats").select_option("qualified")
    page.locator(f"section.deal-column[data-stage=qualified] #deal-{deal['id']}").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
    api.close()
