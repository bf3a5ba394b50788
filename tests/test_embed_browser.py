"""embed.js in a real browser, on a page served from a different origin."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"


FIELDS = [
    {
        "name": "email",
        "type": "email",
        "label": "Work email",
        "required": True,
        "help": "We reply here.",
    },
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "budget", "type": "select", "label": "Budget", "options": ["Small", "Large"]},
    {"name": "topics", "type": "multiselect", "label": "Topics", "options": ["AI", "Data"]},
    {"name": "consent", "type": "checkbox", "label": "You may contact me"},
]


def _api(base_url: str) -> httpx.Client:
    api = httpx.Client(base_url=base_url, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "mara@example.com",
            "password": PASSWORD,
            "name": "Mara",
            "workspace_name": "Mara's Studio",
        },
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return api


def _form(api, **extra) -> str:
    r = api.post(
        "/api/forms",
        json={
            "name": "Demo request",
            "status": "active",
            "fields": FIELDS,
            "response": {"thank_you_message": "Thanks, we will write soon."},
            **extra,
        },
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.mark.browser
def test_embed_renders_and_submits_on_a_foreign_origin(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = _form(api)
    second_id = _form(
        api, slug="second", fields=[{"name": "email", "type": "email", "label": "Email"}]
    )
    (
        foreign_site.root / "index.html"
    ).write_text(f"""<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Customer site</title></head><body>
<h1>Talk to us</h1>
<div data-formagent="{form_id}"></div>
<script src="{live_server.url}/embed.js" async></script>
<script src="{live_server.url}/embed.js" data-form-id="{second_id}"></script>
</body></html>""")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(foreign_site.url + "/index.html?utm_source=newsletter&utm_campaign=spring")
    assert foreign_site.url.split(":")[-1] != live_server.url.split(":")[-1]  # a different origin

    form = page.locator(f"form[data-fa-form='{form_id}']")
    form.wait_for()
    assert page.get_by_label("Work email").first.get_attribute("type") == "email"
    assert page.get_by_label("Budget").evaluate("e => e.tagName") == "SELECT"
    assert form.locator("input[name=topics]").count() == 2
    assert form.locator(".fa-hp input[name=_hp]").count() == 1
    assert not form.locator(".fa-hp").is_visible() or form.locator(".fa-hp").bounding_box()["x"] < 0
    page.locator(
        f"form[data-fa-form='{second_id}'] input[name=email]"
    ).wait_for()  # several forms per page
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # usable at 375 px

    # A server-side validation error is shown inline, tied to the field.
    form.locator("input[name=email]").fill("not-an-email")
    form.locator("button.fa-submit").click()
    error = form.locator(".fa-error")
    error.wait_for()
    described = form.locator("input[name=email]").get_attribute("aria-describedby")
    assert error.get_attribute("id") in described.split()

    form.locator("input[name=email]").fill("visitor@example.net")
    form.locator("input[name=company]").fill("Acme")
    form.locator("input[name=topics][value=AI]").check()
    form.locator("input[name=consent]").check()
    form.locator("button.fa-submit").click()
    page.get_by_text("Thanks, we will write soon.").wait_for()

    subs = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    assert len(subs) == 1
    sub = api.get(f"/api/submissions/{subs[0]['id']}").json()
    assert sub["data"]["email"] == "visitor@example.net" and sub["data"]["topics"] == ["AI"]
    assert sub["data"]["consent"] is True
    assert sub["meta"]["utm"] == {"utm_source": "newsletter", "utm_campaign": "spring"}
    assert sub["meta"]["page_url"].startswith(foreign_site.url + "/index.html")
    email_use = sub["field_interactions"]["email"]
    assert (
        email_use["focused"] is True and email_use["filled"] is True and email_use["time_ms"] >= 0
    )
    stats = api.get(f"/api/forms/{form_id}").json()["stats"]
    assert stats["views"] >= 1 and stats["starts"] >= 1
    api.close()


@pytest.mark.browser
def test_embed_shows_not_available_for_a_paused_form(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = _form(api, status="paused")
    (foreign_site.root / "p.html").write_text(f"""<!doctype html><html><body>
<div data-formagent="{form_id}"></div><script src="{live_server.url}/embed.js"></script></body></html>""")
    page.goto(foreign_site.url + "/p.html")
    page.get_by_text("This form is not available").wait_for()
    api.close()


@pytest.mark.browser
def test_hosted_page_submits_without_javascript(live_server, browser):
    api = _api(live_server.url)
    form_id = _form(api)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/f/{form_id}")
    page.get_by_label("Work email").fill("nojs@example.net")
    page.get_by_role("button", name="Submit").click()
    page.get_by_text("Thanks, we will write soon.").wait_for()
    context.close()
    assert len(api.get("/api/submissions", params={"form": form_id}).json()["data"]) == 1
    api.close()


@pytest.mark.browser
def test_editor_changes_swap_in_place_and_refresh_the_preview(live_server, page):
    base = live_server.url
    page.goto(base + "/signup")
    page.get_by_label("Your name").fill("Mara")
    page.get_by_label("Work email").fill("mara@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Workspace name").fill("Studio")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base + "/**")
    with httpx.Client(base_url=base, timeout=10) as api:
        token = api.post(
            "/api/auth/login", json={"email": "mara@example.com", "password": PASSWORD}
        ).json()["token"]
        r = api.post(
            "/api/forms",
            json={"name": "Editor test", "fields": FIELDS},
            headers={"Authorization": f"Bearer {token}"},
        )
        form_id = r.json()["id"]
    page.goto(f"{base}/forms/{form_id}")
    page.evaluate("window.__same = true")
    page.get_by_role("button", name="Move Company up").click()
    page.locator("#sec-fields li.field-row").first.filter(has_text="Company").wait_for()
    page.get_by_text("Add a field").click()
    page.locator("#add-label").fill("Team size")
    page.locator("#add-name").fill("team_size")
    page.locator("#add-type").select_option("number")
    page.get_by_role("button", name="Add field").click()
    page.locator("#form-preview input[name=team_size][type=number]").wait_for()
    page.locator("#ag-autonomy").fill("3")
    assert page.locator("output[for=ag-autonomy]").inner_text() == "fully autonomous"
    assert page.evaluate("window.__same") is True  # no page reload
    names = page.eval_on_selector_all("#form-preview form [name]", "els => els.map(e => e.name)")
    assert names[:2] == ["company", "email"] and "team_size" in names

    # drag and drop: the last field onto the first row (both rows on screen)
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.locator("#sec-fields").scroll_into_view_if_needed()
    page.evaluate(
        "window.scrollTo(0, document.querySelector('#sec-fields').getBoundingClientRect().top + scrollY)"
    )
    page.locator("#field-team_size .field-summary").drag_to(
        page.locator("#field-company .field-summary"), target_position={"x": 5, "y": 2}
    )
    page.locator("#sec-fields li.field-row").first.filter(has_text="Team size").wait_for()
    page.locator("#form-preview form > div:first-of-type input[name=team_size]").wait_for()
    assert page.evaluate("window.__same") is True


@pytest.mark.browser
def test_hosted_page_is_enhanced_by_htmx(live_server, page):
    api = _api(live_server.url)
    form_id = _form(api)
    page.goto(f"{live_server.url}/f/{form_id}")
    page.evaluate("window.__same = true")
    page.get_by_label("Work email").fill("js@example.net")
    page.get_by_label("Budget").select_option("Large")
    page.get_by_role("button", name="Submit").click()
    page.get_by_text("Thanks, we will write soon.").wait_for()
    assert page.evaluate("window.__same") is True  # swapped in place, no navigation
    sub = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    assert len(sub) == 1
    api.close()
