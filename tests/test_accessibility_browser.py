"""Accessibility gate (SPEC §16): axe-core finds no serious or critical violation on
the dashboard pages, the hosted form and the embedded form, and the embedded form
fits a 375 px wide screen.

axe-core is vendored in tests/vendor/axe-core (never served by the app); the browser
context bypasses the app's CSP so the script can be injected into the page.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery"
EMAIL = "ada@example.com"
BLOCKING = ("serious", "critical")

# Dashboard pages checked as the signed-in owner; "{form}" etc. are filled in.
PAGES = [
    "/",
    "/forms",
    "/forms/new",
    "/forms/{form}",
    "/forms/{form}/embed",
    "/forms/{form}/abandoned",
    "/forms/{form}/spam",
    "/forms/{form}/look",
    "/submissions",
    "/submissions/{submission}",
    "/contacts",
    "/contacts/{contact}",
    "/contacts/{contact}/erase",
    "/deals",
    "/deals/{deal}",
    "/sequences",
    "/sequences/{sequence}",
    "/campaigns",
    "/campaigns/new",
    "/campaigns/{campaign}",
    "/handlers",
    "/work",
    "/drafts",
    "/drafts/{draft}",
    "/live",
    "/agents",
    "/settings/members",
    "/settings/api-keys",
    "/settings/webhooks",
    "/settings/webhooks/{webhook}",
    "/settings/notifications",
    "/outbox",
    "/outbox/{email}",
    "/email-templates",
    "/email-templates/{template}",
    "/settings/workspace",
    "/settings/audit",
    "/notifications",
    "/api/docs",
    "/f/{form}",
]


def _context(browser, width=1280):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    return context


def _settle(page):
    """Wait until HTMX has finished the requests a page starts on load."""
    page.wait_for_load_state("load")
    page.wait_for_function("!document.querySelector('.htmx-request')")


def _axe(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def _describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")[:200]
        lines.append(
            f"{where}: [{v['impact']}] {v['id']} — {v['help']} ({len(v['nodes'])} nodes) "
            f"targets={targets} :: {summary}"
        )
    return lines


def _assert_clean(found: dict[str, list[dict]]):
    report = [line for where, vs in found.items() for line in _describe(where, vs)]
    if report:
        print("\n".join(report))
    assert not report, "axe-core serious/critical violations:\n" + "\n".join(report)


def _signup_in_browser(page, base_url: str):
    page.goto(base_url + "/signup")
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Work email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Workspace name").fill("Ada's Lab")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base_url + "/")


def _api(base_url: str) -> httpx.Client:
    api = httpx.Client(base_url=base_url, timeout=10)
    r = api.post("/api/auth/login", json={"email": EMAIL, "password": PASSWORD})
    assert r.status_code == 200, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return api


def _make_data(api: httpx.Client) -> dict:
    """A generated form, made active, with one submission and the contact it creates."""
    r = api.post(
        "/api/forms/generate",
        json={
            "description": "A demo request form for a B2B analytics product: "
            "work email, company, team size and a message."
        },
    )
    assert r.status_code == 200, r.text
    draft = r.json()["draft"]
    r = api.post("/api/forms", json={**draft, "status": "active"})
    assert r.status_code == 201, r.text
    form = r.json()
    typed = {
        "email": "margaret.hamilton-ritchie@northwind-analytics.example",  # long: must wrap at 375 px
        "phone": "+44 20 7946 0000",
        "url": "https://acme-analytics.com",
        "date": "2026-12-01",
        "number": 12,
        "checkbox": True,
    }
    values = {}
    for f in form["fields"]:
        if f["type"] in typed:
            values[f["name"]] = typed[f["type"]]
        elif f.get("options"):
            values[f["name"]] = f["options"][0] if f["type"] != "multiselect" else [f["options"][0]]
        else:
            values[f["name"]] = "Acme Analytics wants a demo next week."
    r = api.post(f"/api/submissions/{form['id']}", json=values)
    assert r.status_code in (200, 201, 202), r.text
    submission = r.json()["submission_id"]
    contacts, drafts = [], []
    deadline = time.monotonic() + 10  # the live server's worker processes the submission
    while not (contacts and drafts) and time.monotonic() < deadline:
        contacts = api.get("/api/contacts").json()["data"]
        drafts = api.get("/api/drafts").json()["data"]  # the form agent's planned reply
        time.sleep(0.1)
    assert contacts and drafts, "the submission did not create a contact and a draft"
    # a disposable address (spam score 50): held in quarantine, shown on the spam page
    email_field = next(f["name"] for f in form["fields"] if f["type"] == "email")
    r = api.post(f"/api/submissions/{form['id']}", json={**values, email_field: "x@mailinator.com"})
    assert r.status_code == 201, r.text
    r = api.post(
        "/api/deals",
        json={
            "name": "Acme Analytics pilot",
            "amount": 4800,
            "stage": "open",
            "contact_id": contacts[0]["id"],
            "source_submission_id": submission,
        },
    )
    assert r.status_code == 201, r.text
    deal = r.json()["id"]
    r = api.post(
        "/api/handlers",
        json={"type": "agent", "name": "Qualifier", "instructions": "Qualify inbound leads."},
    )
    assert r.status_code == 201, r.text
    workspace = api.get("/api/auth/me").json()["workspace"]["id"]
    r = api.post(
        f"/api/workspaces/{workspace}/invite", json={"email": "lin@example.com", "role": "member"}
    )
    assert r.status_code == 201, r.text
    r = api.post(
        "/api/email-templates",
        json={
            "name": "Welcome",
            "subject": "Welcome, {{first_name|there}}",
            "html": "<p>Hi {{first_name|there}}, here is <a href='{{asset_url}}'>your guide</a>.</p>",
        },
    )
    assert r.status_code == 201, r.text
    template = r.json()["id"]
    step = {"subject": "Welcome", "body": "Hi {{first_name|there}},\nWelcome.", "delay_days": 2}
    r = api.post("/api/sequences", json={"name": "Welcome series", "steps": [step, step]})
    assert r.status_code == 201, r.text
    sequence = r.json()["id"]
    r = api.post(f"/api/sequences/{sequence}/enroll", json={"contact_id": contacts[0]["id"]})
    assert r.status_code == 201, r.text
    r = api.post(
        "/api/campaigns",
        json={
            "name": "Spring guide",
            "inbound_form_ids": [form["id"]],
            "contact_tags": ["guide"],
            "asset_url": "https://acme-analytics.com/guide.pdf",
        },
    )
    assert r.status_code == 201, r.text
    campaign = r.json()["id"]
    r = api.post(f"/api/campaigns/{campaign}/contacts", json={"contact_id": contacts[0]["id"]})
    assert r.status_code == 201, r.text
    r = api.post(  # an address literal: no DNS needed; nothing is delivered to it here
        "/api/webhooks",
        json={"url": "https://93.184.216.34/formagent", "event_types": ["deal_created"]},
    )
    assert r.status_code == 201, r.text
    webhook = r.json()["id"]
    return {
        "webhook": webhook,
        "campaign": campaign,
        "email": api.get("/api/emails").json()["data"][0]["id"],
        "template": template,
        "form": form["id"],
        "submission": submission,
        "contact": contacts[0]["id"],
        "deal": deal,
        "sequence": sequence,
        "draft": drafts[0]["id"],
    }


@pytest.mark.browser
@pytest.mark.timeout(300)  # ~35 pages x 2 widths with axe: past 120 s on a busy machine
def test_dashboard_and_hosted_pages_have_no_serious_axe_violations(live_server, browser):
    base = live_server.url
    context = _context(browser)
    page = context.new_page()
    found: dict[str, list[dict]] = {}
    for path in ("/signup", "/login"):  # signed out
        page.goto(base + path)
        _settle(page)
        found[path] = _axe(page)

    _signup_in_browser(page, base)
    api = _api(base)
    ids = _make_data(api)
    for template in PAGES:
        path = template.format(**ids)
        response = page.goto(base + path)
        assert response.status == 200, f"{path} answered {response.status}"
        _settle(page)
        found[template] = _axe(page)

    # The same pages on a phone: nothing widens the page, and still no violations
    # (scrollers that appear only at this width must be reachable from the keyboard).
    page.set_viewport_size({"width": 375, "height": 800})
    too_wide = {}
    for template in PAGES:
        page.goto(base + template.format(**ids))
        _settle(page)
        found[template + " @375px"] = _axe(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[template] = width
    # The drafts bulk confirmation (a POST answer, so not in PAGES), at both widths.
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(base + "/drafts")
        page.locator(".draft-pick").first.check()
        page.get_by_role("button", name="Approve selected…").click()
        page.wait_for_url(base + "/drafts/bulk")
        _settle(page)
        found[f"/drafts/bulk (confirm) @{width}px"] = _axe(page)
        if page.evaluate("document.documentElement.scrollWidth") > width:
            too_wide[f"/drafts/bulk @{width}"] = page.evaluate(
                "document.documentElement.scrollWidth"
            )
    api.close()
    context.close()
    _assert_clean(found)
    assert not too_wide, f"pages wider than a 375 px screen (scrollWidth): {too_wide}"


@pytest.mark.browser
def test_embedded_form_has_no_serious_axe_violations_and_fits_375px(
    live_server, foreign_site, browser
):
    base = live_server.url
    context = _context(browser)
    page = context.new_page()
    _signup_in_browser(page, base)
    api = _api(base)
    r = api.post(
        "/api/forms",
        json={
            "name": "Contact sales",
            "status": "active",
            "fields": [
                {
                    "name": "email",
                    "type": "email",
                    "label": "Work email",
                    "required": True,
                    "help": "We reply here.",
                },
                {"name": "company", "type": "text", "label": "Company"},
                {
                    "name": "budget",
                    "type": "select",
                    "label": "Budget",
                    "options": ["Small", "Large"],
                },
                {
                    "name": "topics",
                    "type": "multiselect",
                    "label": "Topics",
                    "options": ["AI", "Data"],
                },
                {"name": "message", "type": "textarea", "label": "Message"},
                {"name": "consent", "type": "checkbox", "label": "You may contact me"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    form_id = r.json()["id"]
    api.close()
    (foreign_site.root / "index.html").write_text(f"""<!doctype html><html lang="en"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer site</title></head><body><main>
<h1>Talk to us</h1>
<div data-formagent="{form_id}"></div>
<script src="{base}/embed.js" async></script>
</main></body></html>""")
    context.close()

    # A visitor's fresh browser on a phone-sized screen.
    context = _context(browser, width=375)
    page = context.new_page()
    page.goto(foreign_site.url + "/index.html")
    form = page.locator(f"form[data-fa-form='{form_id}']")
    form.wait_for()
    found = {"embed (375 px)": _axe(page)}
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # The inline validation error state must be clean too.
    form.locator("input[name=email]").fill("not-an-email")
    form.locator("button.fa-submit").click()
    form.locator(".fa-error").first.wait_for()
    found["embed with a field error"] = _axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # And the thank-you state that replaces the form.
    form.locator("input[name=email]").fill("visitor@example.net")
    form.locator("button.fa-submit").click()
    page.get_by_text("Thank you!").first.wait_for()
    found["embed after submitting"] = _axe(page)
    context.close()
    _assert_clean(found)
