"""The top-bar search in a real browser: "/" focuses it (but types a slash in other
fields), suggestions appear while typing, the keyboard reaches them, Escape closes them."""

from __future__ import annotations

import httpx
import pytest

from tests.factory import browser_signup


@pytest.mark.browser
def test_slash_shortcut_and_suggestions(live_server, page):
    base = live_server.url
    browser_signup(page, base, email="seller@shop.test")
    api = httpx.Client(base_url=base, timeout=10)
    token = api.post(
        "/api/auth/login", json={"email": "seller@shop.test", "password": "correct horse battery"}
    ).json()["token"]
    api.headers["Authorization"] = f"Bearer {token}"
    contact = api.post(
        "/api/contacts", json={"email": "maria@northwind-traders.com", "name": "María Santos"}
    ).json()
    api.close()

    page.goto(base + "/contacts")
    box = page.locator("#global-q")
    page.locator("#f-q").click()
    page.keyboard.type("a/b")
    assert page.locator("#f-q").input_value() == "a/b"  # typing in a field is not the shortcut
    page.locator("h1").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "global-q"
    assert box.input_value() == ""

    page.keyboard.type("northw")
    suggestion = page.locator("#global-suggest a", has_text="María Santos")
    suggestion.wait_for()
    assert suggestion.get_attribute("href") == f"/contacts/{contact['id']}"
    assert page.locator("#global-suggest-status").inner_text() == "1 result for northw"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").strip().startswith("María Santos")
    page.keyboard.press("Escape")
    assert page.locator("#global-suggest a").count() == 0
    assert page.evaluate("document.activeElement.id") == "global-q"

    page.keyboard.press("Enter")  # the plain form: the results page
    page.wait_for_url(base + "/search?q=northw")
    assert (
        page.locator("section.search-group[aria-label=Contacts] a")
        .first.inner_text()
        .startswith("María Santos")
    )
