"""The bell and the review banner in a real browser: the badge counts what is new,
clicking the bell opens the list under HTMX and clears the badge, Escape closes it;
"Looks good" on a semi-autonomous submission swaps the banner for "Reviewed by".
axe finds no serious violation with the panel open, at 1280 and 375 px."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.factory import browser_signup
from tests.helpers_agents import ALL_ACTIONS, CFO_LEAD, SALES_FIELDS
from tests.test_accessibility_browser import _axe, _context, _describe

PASSWORD = "correct horse battery"


def _api(base: str, email: str) -> httpx.Client:
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return api


def _processed(api: httpx.Client, autonomy: str, email: str) -> str:
    """A submission to an agent form with ``autonomy``, once the server's worker is done."""
    form = {
        "name": f"Sales {autonomy}",
        "status": "active",
        "type": "sales",
        "flow_id": "sales_lead",
        "fields": SALES_FIELDS,
        "agent": {"autonomy_level": autonomy, "allowed_actions": ALL_ACTIONS},
    }
    r = api.post("/api/forms", json=form)
    assert r.status_code == 201, r.text
    r = api.post(f"/api/submissions/{r.json()['id']}", json={**CFO_LEAD, "email": email})
    assert r.status_code == 201, r.text
    sid = r.json()["submission_id"]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if api.get(f"/api/submissions/{sid}").json()["status"] not in ("received", "processing"):
            return sid
        time.sleep(0.1)
    raise AssertionError("the submission was not processed")


@pytest.mark.browser
def test_bell_opens_under_htmx_clears_the_badge_and_passes_axe(live_server, browser):
    url = live_server.url
    page = _context(browser).new_page()  # axe is injected: the context bypasses the CSP
    browser_signup(page, url, "alice@example.com", "Acme")
    api = _api(url, "alice@example.com")
    _processed(api, "draft", "jane@bigcorp.com")
    _processed(api, "semi_autonomous", "joe@bigcorp.com")
    api.close()

    found = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(url + "/forms")
        bell = page.locator("a[data-bell]")
        if width == 1280:
            assert page.locator("#bell-count").inner_text() == "2"
        bell.click()
        panel = page.locator("#bell-panel")
        panel.locator(".notification").first.wait_for()
        assert panel.is_visible() and bell.get_attribute("aria-expanded") == "true"
        assert page.locator(".topbar #bell-count").is_hidden()
        assert panel.locator(".notification").count() == 2
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        found[f"bell open @{width}"] = _axe(page)
        page.keyboard.press("Escape")
        assert panel.is_hidden() and bell.get_attribute("aria-expanded") == "false"
    report = [line for where, vs in found.items() for line in _describe(where, vs)]
    assert not report, "\n".join(report)
    # read: the next page shows no badge
    page.goto(url + "/forms")
    assert page.locator("#bell-count").is_hidden()


@pytest.mark.browser
def test_looks_good_in_the_browser_replaces_the_review_banner(live_server, browser):
    url = live_server.url
    page = _context(browser).new_page()
    browser_signup(page, url, "bea@example.com", "Bea Co")
    api = _api(url, "bea@example.com")
    sid = _processed(api, "semi_autonomous", "jane@bigcorp.com")
    api.close()
    page.goto(url + f"/submissions/{sid}")
    state = page.locator("#sub-state")
    assert "acted on its own" in state.inner_text()
    found = {"submission with review banner": _axe(page)}
    state.get_by_role("button", name="Looks good").click()
    page.wait_for_selector("#sub-state:has-text('Reviewed by')")
    assert "acted on its own" not in page.locator("#sub-state").inner_text()
    found["submission reviewed"] = _axe(page)
    report = [line for where, vs in found.items() for line in _describe(where, vs)]
    assert not report, "\n".join(report)
