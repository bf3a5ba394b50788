"""The members page in a real browser: the HTMX role select and the confirm-then-remove swap."""

import pytest
from playwright.sync_api import expect

from tests.factory import browser_signup


@pytest.mark.browser
def test_role_select_and_cancel_invite_swap_in_place(live_server, page):
    url = live_server.url
    browser_signup(page, url, "alice@example.com", "Acme")
    page.goto(url + "/settings/members")
    page.fill("#f-email", "bob@example.com")
    page.click("button:has-text('Send invite')")
    page.wait_for_selector("text=Invitation for bob@example.com created")
    assert page.url == url + "/settings/members"  # swapped by HTMX, no navigation

    page.locator("tbody tr select").first.select_option("viewer")
    page.wait_for_selector("tbody tr >> text=Saved")
    page.reload()
    assert page.locator("tbody tr select").first.input_value() == "viewer"  # stored, not only shown

    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Cancel invite')")
    expect(page.locator("tbody tr")).to_have_count(1)
    page.reload()
    assert page.locator("tbody tr").count() == 1
