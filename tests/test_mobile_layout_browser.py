"""Phone and laptop layouts in a real browser (SPEC §16 "usable from 375 px", "navigation
works at 375 px through a menu button"): the menu button, the describe-a-form page's
draft beside its preview, and the deals board with long deal names."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"
LONG_NAME = "Enterprise-wide-annual-platform-renewal-with-premium-support-" * 2


def _owner(base: str, name: str = "Mo") -> httpx.Client:
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "mo@shop.test",
            "password": PASSWORD,
            "name": name,
            "workspace_name": "Shop",
        },
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return api


def _login(context, base: str):
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/login")
    page.get_by_label("Email").fill("mo@shop.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")
    return page


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.browser
def test_menu_button_opens_and_closes_the_nav_on_a_phone(live_server, browser):
    base = live_server.url
    _owner(base).close()
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = _login(context, base)
    menu = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.get_attribute("aria-controls") == "main-nav"
    assert not nav.is_visible()  # folded away: the page starts right under the top bar
    assert _page_width(page) <= 375

    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    deals = nav.get_by_role("link", name="Deals")
    assert deals.is_visible() and nav.get_by_role("link", name="API docs").is_visible()
    page.keyboard.press("Escape")  # closes and hands focus back to the button
    assert menu.get_attribute("aria-expanded") == "false" and not nav.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "main-nav"

    page.keyboard.press("Enter")  # the keyboard path: open, then Tab into the links
    assert nav.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    deals.click()
    page.wait_for_url(base + "/deals")
    assert not page.get_by_role("navigation", name="Main").is_visible()  # closed on arrival

    # On a laptop the sidebar is always there and the button is not.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    context.close()

    # Without JavaScript there is no button to press, so the links stay listed.
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = _login(context, base)
    assert (
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Deals").is_visible()
    )
    assert not page.get_by_role("button", name="Menu").is_visible()
    context.close()


@pytest.mark.browser
def test_describe_a_form_shows_the_preview_beside_the_draft_and_fits_a_phone(live_server, browser):
    base = live_server.url
    _owner(base).close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = _login(context, base)
    page.goto(base + "/forms/new")
    page.get_by_label("Describe the form").fill(
        "A demo request form for a B2B analytics product: work email, company and team size."
    )
    page.get_by_role("button", name="Generate the form").click()
    preview = page.locator("#draft aside.preview")
    preview.wait_for()
    draft = page.locator("#draft > div").first
    d, p = draft.bounding_box(), preview.bounding_box()
    assert p["x"] >= d["x"] + d["width"]  # beside it, not under it
    assert abs(p["y"] - d["y"]) < 5

    page.set_viewport_size({"width": 375, "height": 800})
    d, p = draft.bounding_box(), preview.bounding_box()
    assert p["y"] >= d["y"] + d["height"]  # stacked on a phone
    assert _page_width(page) <= 375
    context.close()


@pytest.mark.browser
def test_deals_board_with_long_names_fits_a_phone(live_server, browser):
    base = live_server.url
    api = _owner(base)
    for i, stage in enumerate(["open", "qualified", "proposal", "won", "lost"]):
        r = api.post("/api/deals", json={"name": f"{LONG_NAME}{i}", "amount": 1000, "stage": stage})
        assert r.status_code == 201, r.text
    api.close()
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = _login(context, base)
    page.goto(base + "/deals")
    assert _page_width(page) <= 375
    board = page.get_by_role("region", name="Deal board")
    # The board scrolls sideways inside itself, and the keyboard can reach the scroller.
    assert board.evaluate("b => b.scrollWidth > b.clientWidth && b.tabIndex === 0")
    card = page.locator("section.deal-column[data-stage=open] .deal-card").first
    column = page.locator("section.deal-column[data-stage=open]")
    c, col = card.bounding_box(), column.bounding_box()
    assert c["x"] + c["width"] <= col["x"] + col["width"] + 1  # the name wraps in its card
    context.close()


@pytest.mark.browser
def test_a_long_name_in_the_top_bar_never_pushes_a_phone_page_sideways(live_server, browser):
    base = live_server.url
    _owner(base, name="MaximilianAlexanderWorthingtonSmythe").close()  # no place to break
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = _login(context, base)
    for path in ("/", "/forms", "/forms/new"):
        page.goto(base + path)
        assert _page_width(page) <= 375, path  # the name is cut with an ellipsis instead
    assert page.locator(".who").is_visible()
    context.close()
