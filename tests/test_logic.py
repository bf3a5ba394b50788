"""Conditional logic and steps (SPEC §17): the rule table against the Python evaluator,
the save-time checks (422s), capture dropping hidden values, the public schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.services.forms.logic import rule_holds
from tests.factory import make_form, submit

TABLE = json.loads((Path(__file__).parent / "data" / "logic_cases.json").read_text())


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_rule_table_python(case):
    assert rule_holds(case["rule"], case["answers"], TABLE["types"]) is case["expected"]


QUOTE_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "customer", "type": "select", "label": "You are", "options": ["Personal", "Business"]},
    {
        "name": "company",
        "type": "text",
        "label": "Company",
        "required": True,
        "show_if": {"all": [{"field": "customer", "op": "equals", "value": "Business"}]},
    },
    {
        "name": "vat",
        "type": "text",
        "label": "VAT number",
        "show_if": {"all": [{"field": "company", "op": "filled"}]},
    },
    {"name": "budget", "type": "number", "label": "Budget"},
    {
        "name": "call",
        "type": "checkbox",
        "label": "Call me",
        "show_if": {"any": [{"field": "budget", "op": "gt", "value": 10000}]},
    },
]


async def _quote(user, **extra):
    return await make_form(user, fields=QUOTE_FIELDS, **extra)


async def _stored(user, submission_id):
    r = await user.api.get(f"/api/submissions/{submission_id}")
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def test_server_validates_only_visible_fields_and_drops_hidden_values(user):
    form = await _quote(user)
    # company is required only for business customers: a personal one passes without it,
    # and the values sent for hidden fields (company, vat, call) are not stored.
    r = await submit(
        user,
        form["id"],
        {
            "email": "p@example.com",
            "customer": "Personal",
            "company": "Sneaky Ltd",
            "vat": "X1",
            "budget": "500",
            "call": "on",
        },
    )
    assert r.status_code == 201, r.text
    data = await _stored(user, r.json()["submission_id"])
    assert data == {"email": "p@example.com", "customer": "Personal", "budget": 500}

    # a business customer must give the company; a hidden field's answer counts as empty
    # for the fields that depend on it (vat follows company)
    r = await submit(user, form["id"], {"email": "b@example.com", "customer": "Business"})
    assert r.status_code == 422
    assert set(r.json()["error"]["fields"]) == {"company"}

    r = await submit(
        user,
        form["id"],
        {
            "email": "c@example.com",
            "customer": "Business",
            "company": "Acme",
            "vat": "GB1",
            "budget": "20000",
            "call": "true",
        },
    )
    assert r.status_code == 201, r.text
    data = await _stored(user, r.json()["submission_id"])
    assert data["company"] == "Acme" and data["vat"] == "GB1" and data["call"] is True


async def test_a_hidden_step_hides_its_fields(user):
    form = await make_form(
        user,
        fields=[
            {"name": "email", "type": "email", "required": True},
            {"name": "kind", "type": "select", "options": ["Personal", "Business"]},
            {"name": "company", "type": "text", "required": True},
            {"name": "notes", "type": "textarea"},
        ],
        steps=[
            {"title": "You", "fields": ["email", "kind"]},
            {
                "title": "Your company",
                "fields": ["company"],
                "show_if": {"all": [{"field": "kind", "op": "equals", "value": "Business"}]},
            },
        ],
        layout="one_at_a_time",
    )
    # notes was named by no step: it joins the last one, and the stored steps say so
    assert form["steps"][-1]["fields"] == ["company", "notes"]
    assert form["layout"] == "one_at_a_time"
    r = await submit(
        user, form["id"], {"email": "a@example.com", "kind": "Personal", "company": "X"}
    )
    assert r.status_code == 201, r.text
    assert "company" not in await _stored(user, r.json()["submission_id"])
    r = await submit(user, form["id"], {"email": "b@example.com", "kind": "Business"})
    assert r.status_code == 422 and "company" in r.json()["error"]["fields"]


def _rule(field, op="filled", **value):
    return {"all": [{"field": field, "op": op, **value}]}


@pytest.mark.parametrize(
    "fields,steps,key,words",
    [
        (  # unknown field
            [{"name": "a", "type": "text", "show_if": _rule("nope")}],
            None,
            "fields[0].show_if",
            "no field named “nope”",
        ),
        (  # a later field
            [{"name": "a", "type": "text", "show_if": _rule("b")}, {"name": "b", "type": "text"}],
            None,
            "fields[0].show_if",
            "comes later",
        ),
        (  # a cycle
            [
                {"name": "a", "type": "text", "show_if": _rule("b")},
                {"name": "b", "type": "text", "show_if": _rule("a")},
            ],
            None,
            "fields[1].show_if",
            "cycle",
        ),
        (  # itself
            [{"name": "a", "type": "text", "show_if": _rule("a")}],
            None,
            "fields[0].show_if",
            "itself",
        ),
        (  # an op that does not fit the type
            [
                {"name": "a", "type": "text"},
                {"name": "b", "type": "text", "show_if": _rule("a", "gt", value=3)},
            ],
            None,
            "fields[1].show_if",
            "does not fit a text field",
        ),
        (  # an unknown op
            [
                {"name": "a", "type": "text"},
                {"name": "b", "type": "text", "show_if": _rule("a", "contains", value="x")},
            ],
            None,
            "fields[1].show_if",
            "Unknown comparison",
        ),
        (  # a value that is not an option
            [
                {"name": "a", "type": "select", "options": ["Yes", "No"]},
                {"name": "b", "type": "text", "show_if": _rule("a", "equals", value="Maybe")},
            ],
            None,
            "fields[1].show_if",
            "not an option",
        ),
        (  # a number compared with text
            [
                {"name": "a", "type": "number"},
                {"name": "b", "type": "text", "show_if": _rule("a", "lt", value="lots")},
            ],
            None,
            "fields[1].show_if",
            "compare it with a number",
        ),
        (  # the wrong shape
            [
                {"name": "a", "type": "text"},
                {"name": "b", "type": "text", "show_if": {"field": "a"}},
            ],
            None,
            "fields[1].show_if",
            '{"all": [conditions]}',
        ),
        (  # a step naming an unknown field
            [{"name": "a", "type": "text"}],
            [{"title": "One", "fields": ["a", "zz"]}],
            "steps[0].fields",
            "no field named “zz”",
        ),
        (  # a field in two steps
            [{"name": "a", "type": "text"}, {"name": "b", "type": "text"}],
            [{"title": "One", "fields": ["a"]}, {"title": "Two", "fields": ["a", "b"]}],
            "steps[1].fields",
            "already in step 1",
        ),
        (  # a step's rule on its own field
            [{"name": "a", "type": "text"}, {"name": "b", "type": "text"}],
            [
                {"title": "One", "fields": ["a"]},
                {"title": "Two", "fields": ["b"], "show_if": _rule("b")},
            ],
            "steps[1].show_if",
            "same step",
        ),
        (  # a rule on a field shown later because of the steps, not the field order
            [{"name": "a", "type": "text"}, {"name": "b", "type": "text", "show_if": _rule("a")}],
            [{"title": "One", "fields": ["b"]}, {"title": "Two", "fields": ["a"]}],
            "fields[1].show_if",
            "comes later",
        ),
    ],
)
async def test_bad_rules_are_a_422_keyed_to_the_rule(user, fields, steps, key, words):
    body = {"name": "Logic", "fields": fields}
    if steps is not None:
        body["steps"] = steps
    r = await user.api.post("/api/forms", json=body)
    assert r.status_code == 422, r.text
    problems = r.json()["error"]["fields"]
    assert key in problems and words in problems[key], problems


async def test_rules_are_stored_in_their_canonical_form_and_published(user, client):
    form = await make_form(
        user,
        fields=[
            {"name": "email", "type": "email"},
            {"name": "budget", "type": "number"},
            {"name": "agree", "type": "checkbox"},
            {
                "name": "more",
                "type": "text",
                "show_if": {
                    "any": [
                        {"field": "budget", "op": "gt", "value": "1000"},
                        {"field": "agree", "op": "equals", "value": "true"},
                        {"field": "email", "op": "in", "value": "a@x.com, b@x.com"},
                    ]
                },
            },
        ],
    )
    rule = form["fields"][3]["show_if"]
    assert rule == {
        "any": [
            {"field": "budget", "op": "gt", "value": 1000},
            {"field": "agree", "op": "equals", "value": True},
            {"field": "email", "op": "in", "value": ["a@x.com", "b@x.com"]},
        ]
    }
    schema = (await client.get(f"/api/forms/{form['id']}/schema")).json()
    assert schema["fields"][3]["show_if"] == rule
    assert "show_if" not in schema["fields"][0]  # only where set
    assert schema["steps"] == [] and schema["layout"] == "standard"
    # PUT takes back what GET returns
    current = (await user.api.get(f"/api/forms/{form['id']}")).json()
    r = await user.api.put(f"/api/forms/{form['id']}", json=current)
    assert r.status_code == 200, r.text
    assert r.json()["fields"][3]["show_if"] == rule


# -- the hosted page /f/{id}: server-side logic, with and without JavaScript ------------
TWO_STEPS = {
    "fields": [
        {"name": "email", "type": "email", "label": "Work email", "required": True},
        {
            "name": "customer",
            "type": "select",
            "label": "You are",
            "options": ["Personal", "Business"],
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
}
HTMX = {"HX-Request": "true"}


def _shown(html: str) -> str:
    return re.search(r'name="_fa_shown" value="([^"]*)"', html).group(1)


async def _subs(user, form_id):
    return (await user.api.get("/api/submissions", params={"form": form_id})).json()["data"]


async def test_hosted_page_without_javascript_shows_all_steps_and_re_renders_a_revealed_field(
    user, client
):
    form = await make_form(user, **TWO_STEPS)
    page = await client.get(f"/f/{form['id']}")
    assert page.status_code == 200
    html = page.text
    assert "About you" in html and "Your project" in html  # every step on one page
    assert 'name="notes"' in html and 'name="company"' not in html  # hidden until Business
    assert "<progress" not in html and 'value="next"' not in html

    # The visitor picks Business and submits: the company question appears, nothing is lost.
    posted = {"email": "ada@example.com", "customer": "Business", "_fa_shown": _shown(html)}
    r = await client.post(f"/f/{form['id']}", data=posted)
    assert r.status_code == 200 and "Your answers add a question: Company name." in r.text
    assert 'name="company"' in r.text and 'value="ada@example.com"' in r.text
    assert await _subs(user, form["id"]) == []

    posted = {**posted, "company": "Acme", "_fa_shown": _shown(r.text)}
    r = await client.post(f"/f/{form['id']}", data=posted)
    assert r.status_code == 200 and "Thank you" in r.text
    subs = await _subs(user, form["id"])
    data = (await user.api.get(f"/api/submissions/{subs[0]['id']}")).json()["data"]
    assert data == {"email": "ada@example.com", "customer": "Business", "company": "Acme"}


async def test_hosted_page_with_htmx_goes_step_by_step_keeping_answers(user, client):
    form = await make_form(user, **TWO_STEPS)
    url = f"/f/{form['id']}"
    # HTMX asks for the paged form once it loads
    assert 'hx-trigger="load"' in (await client.get(url)).text
    r = await client.post(url, data={"_fa_nav": "refresh"}, headers=HTMX)
    assert r.status_code == 200 and 'max="2" value="1"' in r.text
    assert 'name="email"' in r.text and 'name="notes"' not in r.text and "<html" not in r.text

    # next validates the page on the server
    r = await client.post(
        url, data={"_fa_nav": "next", "_fa_page": "0", "email": "x"}, headers=HTMX
    )
    assert r.status_code == 422 and "Enter an email address" in r.text and "Step 1 of 2" in r.text

    step1 = {"email": "ada@example.com", "customer": "Business", "_fa_page": "0"}
    r = await client.post(url, data={**step1, "_fa_nav": "next"}, headers=HTMX)
    assert r.status_code == 200 and "Step 2 of 2" in r.text and "Your project" in r.text
    assert 'name="company"' in r.text and 'name="email" value="ada@example.com"' in r.text

    # back keeps what step 2 had
    step2 = {"email": "ada@example.com", "customer": "Business", "company": "Acme"}
    r = await client.post(url, data={**step2, "_fa_page": "1", "_fa_nav": "back"}, headers=HTMX)
    assert "Step 1 of 2" in r.text and 'value="ada@example.com"' in r.text
    assert 'name="company" value="Acme"' in r.text  # carried while step 1 shows

    # a change re-renders: Personal hides company (its answer rides along, never stored)
    r = await client.post(
        url,
        data={**step2, "customer": "Personal", "_fa_page": "0", "_fa_nav": "refresh"},
        headers=HTMX,
    )
    assert 'max="1"' not in r.text and 'name="company" value="Acme"' in r.text

    # a change that shows what the page already shows answers 204: HTMX leaves the page
    # alone, so a redraw cannot swallow the click that blurred the field (Next, Back)
    shown = {**step2, "_fa_page": "1", "_fa_nav": "refresh"}
    r = await client.post(
        url, data={**shown, "_fa_shown": "email,customer,company,notes"}, headers=HTMX
    )
    assert r.status_code == 204 and r.text == ""
    r = await client.post(url, data={**shown, "_fa_shown": "email,customer,notes"}, headers=HTMX)
    assert r.status_code == 200 and "Step 2 of 2" in r.text and 'value="Acme"' in r.text
    # the unpaged first render still asks to be paged, however unchanged its answers are
    r = await client.post(
        url, data={"_fa_nav": "refresh", "_fa_shown": "email,customer,notes"}, headers=HTMX
    )
    assert r.status_code == 200 and 'max="2" value="1"' in r.text

    # the final submit's 422 for a step-1 field shows step 1 again
    bad = {**step2, "email": "a@b", "_fa_page": "1"}
    r = await client.post(url, data=bad, headers=HTMX)
    assert r.status_code == 422 and "Step 1 of 2" in r.text and 'aria-invalid="true"' in r.text
    r = await client.post(
        url, data={**step2, "customer": "Personal", "_fa_page": "1"}, headers=HTMX
    )
    assert r.status_code == 200 and "Thank you" in r.text
    subs = await _subs(user, form["id"])
    data = (await user.api.get(f"/api/submissions/{subs[0]['id']}")).json()["data"]
    assert data == {"email": "ada@example.com", "customer": "Personal"}


async def test_embed_js_loads_the_logic_script_only_by_its_versioned_url(client):
    script = (await client.get("/embed.js")).text
    found = re.search(r'"(/static/embed-logic\.js\?v=[0-9a-f]{12})"', script)
    assert found, "embed.js names the logic script with its hash"
    logic = await client.get(found.group(1))
    assert logic.status_code == 200 and "FormAgent" in logic.text and "show_if" in logic.text


async def test_a_partial_save_keeps_no_answer_of_a_hidden_field(user):
    form = await _quote(user, partials={"enabled": True})
    answers = {"email": "p@example.com", "customer": "Personal", "company": "Sneaky Ltd"}
    r = await user.web.post(f"/api/forms/{form['id']}/partials", json={"data": answers})
    assert r.status_code == 200, r.text
    [partial] = (await user.api.get(f"/api/forms/{form['id']}/partials")).json()["data"]
    assert partial["data"] == {"email": "p@example.com", "customer": "Personal"}
