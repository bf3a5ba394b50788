"""The consent field in a real browser: embed.js renders it on a customer's site as a
checkbox with the consent text and the policy link, sends it ticked, and the consent
log shows it; axe-core finds no serious violation on the embed or the contact page."""

from __future__ import annotations

import time

import pytest

from tests.test_accessibility_browser import (
    _api,
    _assert_clean,
    _axe,
    _context,
    _settle,
    _signup_in_browser,
)

TEXT = "Send me the monthly newsletter; I can unsubscribe at any time."
PRIVACY = "https://example.com/privacy"
FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {
        "name": "newsletter",
        "type": "consent",
        "label": TEXT,
        "privacy_url": PRIVACY,
        "required": True,
    },
]


@pytest.mark.browser
def test_embedded_consent_field_is_recorded_and_accessible(live_server, foreign_site, browser):
    context = _context(browser)  # bypasses CSP so axe can be injected
    page = context.new_page()
    _signup_in_browser(page, live_server.url)
    api = _api(live_server.url)
    r = api.post(
        "/api/forms",
        json={
            "name": "Newsletter",
            "status": "active",
            "flow_id": "email_marketing",
            "fields": FIELDS,
        },
    )
    assert r.status_code == 201, r.text
    form_id = r.json()["id"]
    (foreign_site.root / "index.html").write_text(
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head>
<body><main><h1>News</h1><div data-formagent="{form_id}"></div>
<script src="{live_server.url}/embed.js" async></script></main></body></html>"""
    )
    page.goto(foreign_site.url + "/index.html")
    form = page.locator(f"form[data-fa-form='{form_id}']")
    form.wait_for()
    box = page.get_by_label(TEXT, exact=False)
    assert box.get_attribute("type") == "checkbox" and box.get_attribute("required") is not None
    assert not box.is_checked()
    assert form.locator(f"label a[href='{PRIVACY}']").count() == 1
    found = {"embed": _axe(page)}

    form.locator("input[name=email]").fill("reader@example.net")
    box.check()
    form.locator("button.fa-submit").click()
    page.get_by_text("Thank you! We have received your submission.").wait_for()

    contact, log = None, []
    deadline = time.monotonic() + 10
    while not log and time.monotonic() < deadline:
        contacts = api.get("/api/contacts").json()["data"]
        contact = contacts[0] if contacts else None
        if contact:
            log = api.get(f"/api/contacts/{contact['id']}/consents").json()["data"]
        time.sleep(0.1)
    assert [(c["action"], c["source"], c["text"]) for c in log] == [("granted", "form", TEXT)]
    assert log[0]["ip"] == "127.0.0.1"

    page.goto(f"{live_server.url}/contacts/{contact['id']}")
    _settle(page)
    section = page.locator("#contact-consents")
    assert TEXT in section.inner_text() and "ticked on a form" in section.inner_text()
    found["contact page"] = _axe(page)
    api.close()
    context.close()
    _assert_clean(found)
