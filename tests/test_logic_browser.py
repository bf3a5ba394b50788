"""SPEC §17 in a real browser: embed.js's evaluator on the shared rule table, and a
two-step form with a conditional field (next validates, back keeps answers, a server
422 on an earlier step goes back to it, only visible values are stored)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_embed_browser import _api

TABLE = json.loads((Path(__file__).parent / "data" / "logic_cases.json").read_text())

QUOTE = {
    "name": "Quote",
    "status": "active",
    "fields": [
        {"name": "email", "type": "email", "label": "Work email", "required": True},
        {
            "name": "customer",
            "type": "select",
            "label": "You are",
            "options": ["Personal", "Business"],
            "required": True,
        },
        {
            "name": "company",
            "type": "text",
            "label": "Company name",
            "required": True,
            "show_if": {"all": [{"field": "customer", "op": "equals", "value": "Business"}]},
        },
        {"name": "notes", "type": "textarea", "label": "Anything else"},
    ],
    "steps": [
        {"title": "About you", "fields": ["email", "customer"]},
        {"title": "Your project", "fields": ["company", "notes"]},
    ],
    "response": {"thank_you_message": "Quote request received."},
}


def _page_with(foreign_site, live_server, form_id, name="q.html"):
    (foreign_site.root / name).write_text(
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head>
<body><div data-formagent="{form_id}"></div><script src="{live_server.url}/embed.js"></script>
</body></html>"""
    )
    return f"{foreign_site.url}/{name}"


@pytest.mark.browser
def test_embed_evaluator_agrees_with_the_rule_table(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = api.post("/api/forms", json=QUOTE).json()["id"]
    page.goto(_page_with(foreign_site, live_server, form_id))
    page.locator("progress.fa-progress").wait_for()
    got = page.evaluate(
        "([cases, types]) => cases.map(c => window.FormAgent.rule(c.rule, c.answers, types))",
        [TABLE["cases"], TABLE["types"]],
    )
    wrong = [
        c["name"] for c, answer in zip(TABLE["cases"], got, strict=True) if answer != c["expected"]
    ]
    assert wrong == [] and len(got) == len(TABLE["cases"])
    api.close()


@pytest.mark.browser
def test_two_step_form_with_a_conditional_field(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = api.post("/api/forms", json=QUOTE).json()["id"]
    page.goto(_page_with(foreign_site, live_server, form_id))
    form = page.locator(f"form[data-fa-form='{form_id}']")
    progress = form.locator("progress.fa-progress")
    progress.wait_for()
    submit, back = form.locator("button.fa-submit:not(.fa-back)"), form.locator("button.fa-back")
    assert progress.get_attribute("max") == "2" and progress.get_attribute("value") == "1"
    assert submit.inner_text() == "Next" and not back.is_visible()
    assert not form.locator("input[name=company]").is_visible()
    assert form.locator(".fa-step-title").inner_text() == "About you"

    # Next validates step 1 in the browser: nothing is sent, the error sits by the field.
    submit.click()
    form.locator(".fa-error").first.wait_for()
    assert form.locator("input[name=email]").get_attribute("aria-invalid") == "true"
    assert progress.get_attribute("value") == "1"

    # "a@b" passes the browser's email check but not the server's: kept for later.
    form.locator("input[name=email]").fill("a@b")
    form.locator("select[name=customer]").select_option("Business")
    submit.click()
    form.locator("input[name=company]").wait_for(state="visible")
    assert progress.get_attribute("value") == "2" and submit.inner_text() == "Submit"
    assert not form.locator("input[name=email]").is_visible()
    form.locator("input[name=company]").fill("Acme")

    # Back keeps the answers of both steps.
    back.click()
    assert form.locator("input[name=email]").input_value() == "a@b"
    submit.click()
    assert form.locator("input[name=company]").input_value() == "Acme"

    # The server's 422 for a step-1 field takes the visitor back to step 1.
    submit.click()
    form.locator("input[name=email][aria-invalid=true]").wait_for(state="visible")
    assert progress.get_attribute("value") == "1"
    assert not api.get("/api/submissions", params={"form": form_id}).json()["data"]

    # A personal customer: the company field disappears and its typed value is not stored.
    form.locator("input[name=email]").fill("ada@example.com")
    form.locator("select[name=customer]").select_option("Personal")
    submit.click()
    form.locator("textarea[name=notes]").wait_for(state="visible")
    assert not form.locator("input[name=company]").is_visible()
    form.locator("textarea[name=notes]").fill("Two rooms")
    submit.click()
    page.get_by_text("Quote request received.").wait_for()
    subs = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    data = api.get(f"/api/submissions/{subs[0]['id']}").json()["data"]
    assert data == {"email": "ada@example.com", "customer": "Personal", "notes": "Two rooms"}
    api.close()


@pytest.mark.browser
def test_one_question_at_a_time(live_server, foreign_site, page):
    api = _api(live_server.url)
    form_id = api.post(
        "/api/forms",
        json={**QUOTE, "steps": [], "layout": "one_at_a_time", "slug": "one"},
    ).json()["id"]
    page.goto(_page_with(foreign_site, live_server, form_id, "one.html"))
    form = page.locator(f"form[data-fa-form='{form_id}']")
    progress = form.locator("progress.fa-progress")
    progress.wait_for()
    visible = "els => els.filter(e => e.offsetParent !== null).map(e => e.name)"
    fields = form.locator("input:not([type=hidden]):not([name=_hp]),select,textarea")
    assert fields.evaluate_all(visible) == ["email"]
    assert progress.get_attribute("max") == "3"  # company is hidden until "Business"
    form.locator("input[name=email]").fill("ada@example.com")
    form.locator("input[name=email]").press("Enter")  # Enter moves on, as Next does
    form.locator("select[name=customer]").wait_for(state="visible")
    form.locator("select[name=customer]").select_option("Business")
    assert progress.get_attribute("max") == "4"
    form.locator("button.fa-submit:not(.fa-back)").click()
    assert fields.evaluate_all(visible) == ["company"]
    api.close()


@pytest.mark.browser
def test_hosted_page_with_htmx_steps_and_live_logic(live_server, page):
    api = _api(live_server.url)
    form_id = api.post("/api/forms", json=QUOTE).json()["id"]
    page.goto(f"{live_server.url}/f/{form_id}")
    form = page.locator(f"form[data-fa-form='{form_id}']")
    progress = form.locator("progress.fa-progress")
    progress.wait_for()  # HTMX swapped in the paged form
    assert progress.get_attribute("aria-label") == "Step 1 of 2"
    page.get_by_label("Work email").fill("ada@example.com")
    page.get_by_label("You are").select_option("Business")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Company name").wait_for()
    assert progress.get_attribute("aria-label") == "Step 2 of 2"
    page.get_by_label("Company name").fill("Acme")
    # a slow click: the press blurs the field (its change asks for a live re-render) and
    # the release comes after the answer is back; a redraw in between would eat the click
    back = page.get_by_role("button", name="Back").bounding_box()
    page.mouse.move(back["x"] + back["width"] / 2, back["y"] + back["height"] / 2)
    page.mouse.down()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    page.mouse.up()
    page.get_by_label("Work email").wait_for()
    assert page.get_by_label("Work email").input_value() == "ada@example.com"
    page.get_by_role("button", name="Next").click()
    assert page.get_by_label("Company name").input_value() == "Acme"
    page.get_by_role("button", name="Submit").click()
    page.get_by_text("Quote request received.").wait_for()
    subs = api.get("/api/submissions", params={"form": form_id}).json()["data"]
    data = api.get(f"/api/submissions/{subs[0]['id']}").json()["data"]
    assert data == {"email": "ada@example.com", "customer": "Business", "company": "Acme"}
    api.close()


@pytest.mark.browser
def test_logic_pages_have_no_serious_axe_violations(live_server, foreign_site, browser):
    from tests import test_accessibility_browser as a11y

    base = live_server.url
    context = a11y._context(browser)
    page = context.new_page()
    a11y._signup_in_browser(page, base)
    api = a11y._api(base)
    form_id = api.post("/api/forms", json=QUOTE).json()["id"]
    api.close()
    found = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        for path in (f"/forms/{form_id}", f"/forms/{form_id}/fields/company/edit"):
            page.goto(base + path)
            a11y._settle(page)
            found[f"{path} @{width}"] = a11y._axe(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    context.close()

    context = a11y._context(browser, width=375)
    page = context.new_page()
    page.goto(f"{base}/f/{form_id}")
    page.locator("progress.fa-progress").wait_for()
    a11y._settle(page)
    page.get_by_label("Work email").fill("a@b")  # the browser lets it through, the server not
    page.get_by_label("You are").select_option("Personal")
    page.get_by_role("button", name="Next").click()  # the step's error state
    page.locator(".fa-error").first.wait_for()
    found["hosted, step 1 with an error"] = a11y._axe(page)
    page.goto(_page_with(foreign_site, live_server, form_id))
    form = page.locator(f"form[data-fa-form='{form_id}']")
    form.locator("progress.fa-progress").wait_for()
    form.locator("button.fa-submit:not(.fa-back)").click()
    form.locator(".fa-error").first.wait_for()
    found["embed, step 1 with an error"] = a11y._axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
    a11y._assert_clean(found)
