"""The whole capture journey in a real browser: a visitor submits through the embed
on a customer's site (another origin, restricted by allowed_origins); the marketer,
signed in, sees it processed in /submissions with its timeline and contact."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"


@pytest.mark.browser
def test_embed_submission_reaches_the_marketers_submissions_list(live_server, foreign_site, page):
    base = live_server.url
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "owner@studio.test",
            "password": PASSWORD,
            "name": "Olga",
            "workspace_name": "Studio",
        },
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    hana = api.post(
        "/api/handlers", json={"type": "human", "name": "Hana", "email": "hana@studio.test"}
    ).json()
    form = api.post(
        "/api/forms",
        json={
            "name": "Contact us",
            "status": "active",
            "flow_id": "direct_route",
            "assignment": {"type": "handler", "id": hana["id"]},
            "fields": [
                {"name": "email", "type": "email", "label": "Email", "required": True},
                {"name": "name", "type": "text", "label": "Name"},
                {"name": "company", "type": "text", "label": "Company"},
            ],
            "security": {"allowed_origins": [foreign_site.url]},
            "response": {"thank_you_message": "Got it, talk soon."},
        },
    )
    assert form.status_code == 201, form.text
    form_id = form.json()["id"]
    (
        foreign_site.root / "contact.html"
    ).write_text(f"""<!doctype html><html><head><meta charset="utf-8">
<title>Customer</title></head><body><h1>Contact</h1>
<div data-formagent="{form_id}"></div><script src="{base}/embed.js" async></script></body></html>""")

    page.goto(foreign_site.url + "/contact.html?utm_source=partner")
    embed = page.locator(f"form[data-fa-form='{form_id}']")
    embed.locator("input[name=email]").fill("visitor@bigco.test")
    embed.locator("input[name=name]").fill("Vera <Visitor>")
    embed.locator("input[name=company]").fill("BigCo")
    embed.locator("button.fa-submit").click()
    page.get_by_text("Got it, talk soon.").wait_for()

    # the marketer signs in and finds it, processed by the background worker
    page.goto(base + "/login")
    page.get_by_label("Email").fill("owner@studio.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/**")
    page.goto(base + "/submissions")
    row = page.locator("#submissions-table tbody tr").first
    row.wait_for()
    assert "Contact us" in row.inner_text() and "Vera <Visitor>" in row.inner_text()
    row.locator("a").first.click()
    page.locator("#timeline").wait_for()
    for _ in range(50):  # the worker processes it within moments; reload until the flow is done
        if page.locator("#timeline li", has_text="Done: processed").count():
            break
        page.wait_for_timeout(100)
        page.reload()
    assert page.locator("#timeline li", has_text="Done: processed").count() == 1
    assert page.locator("#timeline li", has_text="follow-up task").count() >= 1
    assert "Hana" in page.locator("main").inner_text()
    sub = api.get("/api/submissions", params={"form": form_id}).json()["data"][0]
    assert sub["status"] == "processed" and sub["meta"]["utm"] == {"utm_source": "partner"}
    assert sub["assigned_to"] == {"type": "handler", "id": hana["id"]} and sub["contact_id"]
    api.close()
