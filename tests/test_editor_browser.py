"""The form editor in a real browser (issue 14 item 8): one Save whose HTMX answer says
"saved" in place, a warning before leaving with unsaved changes (and none after saving),
and the Required switch."""

import pytest
from playwright.sync_api import expect

from tests.factory import browser_signup
from tests.helpers_agents import SALES_FIELDS


@pytest.mark.browser
def test_save_feedback_and_unsaved_changes_warning(live_server, page):
    url = live_server.url
    browser_signup(page, url, "alice@example.com", "Acme")
    r = page.request.post(url + "/api/forms", data={"name": "Demo request", "fields": SALES_FIELDS})
    assert r.status == 201, r.text()
    form_id = r.json()["id"]
    editor = url + f"/forms/{form_id}"
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "Stay on this page"

    page.on("dialog", on_dialog)
    page.goto(editor)
    assert page.get_by_role("button", name="Save changes").count() == 1
    assert page.locator("button:has-text('Save')").count() == 1  # not one per section

    # typing marks the page dirty; leaving asks first and staying keeps the input
    page.locator("#det-name").fill("Demo request v2")
    assert page.locator("#save-status").inner_text() == "Unsaved changes"
    page.get_by_role("link", name="Embed").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"] and page.url.startswith(editor)
    assert page.locator("#det-name").input_value() == "Demo request v2"

    # one Save: HTMX answers in place with a visible confirmation; nothing reloads
    page.locator("#re-thank_you_message").fill("Thanks, we will call you.")
    page.get_by_role("button", name="Save changes").click()
    status = page.locator(".save-bar [role=status]")
    expect(status).to_contain_text("All changes saved")
    assert page.url == editor  # swapped in place
    saved = page.request.get(url + f"/api/forms/{form_id}").json()
    assert saved["name"] == "Demo request v2"
    assert saved["response"]["thank_you_message"] == "Thanks, we will call you."

    # after saving, leaving does not ask
    page.get_by_role("link", name="Embed").click()
    page.wait_for_url(url + f"/forms/{form_id}/embed")
    assert dialogs == ["beforeunload"]

    # the Required switch: named for its field, state in aria-checked
    page.goto(editor)
    switch = page.get_by_role("switch", name="Company required")
    before = switch.get_attribute("aria-checked")
    switch.click()
    flipped = "false" if before == "true" else "true"
    expect(page.get_by_role("switch", name="Company required")).to_have_attribute(
        "aria-checked", flipped
    )
    after = page.get_by_role("switch", name="Company required").get_attribute("aria-checked")
    assert {before, after} == {"true", "false"}
    fields = page.request.get(url + f"/api/forms/{form_id}").json()["fields"]
    assert next(f for f in fields if f["name"] == "company")["required"] is (after == "true")
    # a validation error: the status says so and the page stays dirty
    page.locator("#re-redirect_url").fill("ftp://nope")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#save-status")).to_contain_text("Not saved")
    assert page.locator("#re-redirect_url-error").is_visible()
