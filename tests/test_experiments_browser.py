"""An experiment in a real browser: two clicks from the editor to a running experiment,
the experiment page's "Optimize now" answers in place (HTMX), no serious axe violation,
and the page fits 375 px."""

from __future__ import annotations

import pytest

from tests.test_accessibility_browser import _assert_clean, _axe, _settle


@pytest.mark.browser
def test_start_from_the_editor_and_optimize_in_place(live_server, browser, tmp_path):
    url = live_server.url
    context = browser.new_context(bypass_csp=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(url + "/signup")
    page.fill("#f-email", "alice@example.com")
    page.fill("#f-password", "correct horse battery")
    page.fill("#f-workspace_name", "Acme")
    page.click("button:has-text('Create account')")
    page.wait_for_url(url + "/")
    fields = [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "phone", "type": "text", "label": "Phone"},
    ]
    r = page.request.post(
        url + "/api/forms", data={"name": "Demo request", "status": "active", "fields": fields}
    )
    form_id = r.json()["id"]

    page.goto(url + f"/forms/{form_id}")
    page.click("button:has-text('Start experiment')")
    page.wait_for_url(url + "/experiments/exp_*")
    _settle(page)
    assert page.locator(".exp-chart-row").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    found = {"experiment": _axe(page)}
    page.click("button:has-text('Optimize now')")
    page.wait_for_selector("text=Waiting for the minimum sample")
    assert page.url.startswith(url + "/experiments/exp_")  # swapped in place
    found["after optimize"] = _axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(tmp_path / "experiment.png"), full_page=True)
    _assert_clean(found)
    context.close()
