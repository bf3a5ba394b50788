"""/analytics in a real browser (SPEC §10, §16): at 375 px it fits the screen, axe-core
finds no serious or critical violation, and the custom range works without JavaScript."""

from __future__ import annotations

import pytest

from tests.test_accessibility_browser import _api, _assert_clean, _axe, _settle, _signup_in_browser


def _seed(api) -> str:
    r = api.post(
        "/api/forms",
        json={
            "name": "Demo request",
            "status": "active",
            "fields": [
                {"name": "email", "type": "email", "label": "Email", "required": True},
                {"name": "name", "type": "text", "label": "Name"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    form = r.json()["id"]
    for _ in range(5):
        api.post(f"/api/forms/{form}/beacon", json={"type": "view"})
    for i, source in enumerate(("google", "newsletter", "google")):
        body = {
            "email": f"lead{i}@example.com",
            "name": f"Lead {i}",
            "utm_source": source,
            "_interactions": {"email": {"focused": True, "filled": True, "time_ms": 3000}},
        }
        r = api.post(f"/api/submissions/{form}", json=body)
        assert r.status_code == 201, r.text
    r = api.post("/api/deals", json={"name": "Pilot", "amount": 4800, "stage": "won"})
    assert r.status_code == 201, r.text
    return form


@pytest.mark.browser
def test_analytics_page_at_375px_with_axe_and_without_javascript(live_server, browser):
    base = live_server.url
    context = browser.new_context(bypass_csp=True, viewport={"width": 375, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    _signup_in_browser(page, base)
    api = _api(base)
    _seed(api)
    api.close()

    page.goto(base + "/analytics?range=7d")
    _settle(page)
    found = {"/analytics @375px": _axe(page)}
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    card = page.locator('[data-kpi="submissions"] .value')
    assert card.inner_text() == "3"
    assert page.locator('[data-step="views"] .num').inner_text() == "5"
    assert page.get_by_role("img", name="Submissions per day").count() == 1
    assert page.get_by_role("row", name="google").count() >= 1
    context.close()

    # Without JavaScript the range picker is a plain GET form.
    plain = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = plain.new_page()
    page.goto(base + "/login")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.goto(base + "/analytics")
    page.get_by_label("From", exact=True).fill("2020-01-01")
    page.get_by_label("To", exact=True).fill("2020-01-31")
    page.get_by_role("button", name="Show custom range").click()
    page.wait_for_url("**/analytics?from=2020-01-01&to=2020-01-31")
    assert page.locator('[data-kpi="submissions"] .value').inner_text() == "0"
    plain.close()
    _assert_clean(found)
