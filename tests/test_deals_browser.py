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
