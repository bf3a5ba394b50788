"""The optimisation assistant in a real browser: "Apply to editor" shows the change
unsaved in the editor's preview, saving applies it, and "Dismiss" swaps the panel in
place (HTMX); the editor with suggestions has no serious axe violation and fits 375 px."""

from __future__ import annotations

import pytest

from tests.factory import browser_signup
from tests.test_accessibility_browser import _assert_clean, _axe, _settle

FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "phone", "type": "text", "label": "Phone"},
    {"name": "budget", "type": "text", "label": "Budget", "required": True},
]


def _feed(page, url: str) -> str:
    r = page.request.post(
        url + "/api/forms",
        data={
            "name": "Demo request",
            "status": "active",
            "fields": FIELDS,
            "security": {"max_submissions_per_ip": 1000},
        },
    )
    assert r.status == 201, r.text()
    form_id = r.json()["id"]
    for _ in range(100):
        page.request.post(url + f"/api/forms/{form_id}/beacon", data={"type": "start"})
    for i in range(40):
        data = {"email": f"lead{i}@example.com", "budget": "10k"}
        data["_interactions"] = {
            "phone": {"focused": True, "filled": False, "time_ms": 1000},
            "budget": {"focused": True, "filled": True, "time_ms": 30000},
        }
        r = page.request.post(url + f"/api/submissions/{form_id}", data=data)
        assert r.status == 201, r.text()
    return form_id


@pytest.mark.browser
def test_apply_previews_unsaved_then_saves_and_dismiss_swaps_in_place(live_server, browser):
    url = live_server.url
    context = browser.new_context(bypass_csp=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    browser_signup(page, url, "alice@example.com", "Acme")
    form_id = _feed(page, url)

    page.goto(url + f"/forms/{form_id}")
    _settle(page)
    panel = page.locator("#suggestions")
    assert panel.locator("li.suggestion").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    _assert_clean({"/forms/{form} with suggestions": _axe(page)})

    panel.locator("li.suggestion").first.get_by_role("link", name="Apply to editor").click()
    page.wait_for_selector("#pending-change")
    assert "Unsaved change" in page.locator("#pending-change h2").inner_text()
    assert page.locator("#form-preview [name=budget]").get_attribute("required") is None
    _assert_clean({"/forms/{form}?suggestion=…": _axe(page)})
    page.get_by_role("button", name="Save this change").click()
    page.wait_for_selector("#suggestions")
    budget = page.request.get(url + f"/api/forms/{form_id}").json()["fields"][2]
    assert budget["name"] == "budget" and budget["required"] is False

    before = page.url
    page.locator("#suggestions").get_by_role("button", name="Dismiss: Remove “Phone”").click()
    page.wait_for_selector("#suggestions .flash")
    assert page.url == before  # swapped in place, no navigation
    assert page.locator("#suggestions li.suggestion").count() == 0
    context.close()
