"""The editor's logic controls (SPEC §17): "Show this field when [field] [is] [value]"
rows on a field, and the steps and layout section; all plain posts (no JavaScript)."""

from __future__ import annotations

from tests.factory import make_form
from tests.helpers import soup

FIELDS = [
    {"name": "email", "type": "email", "label": "Work email", "required": True},
    {"name": "customer", "type": "select", "label": "You are", "options": ["Personal", "Business"]},
    {"name": "company", "type": "text", "label": "Company name"},
    {"name": "notes", "type": "textarea", "label": "Anything else"},
]
COMPANY = {"label": "Company name", "name": "company", "type": "text"}


async def _api_form(user, form_id):
    return (await user.api.get(f"/api/forms/{form_id}")).json()


async def test_rule_rows_save_a_rule_and_show_server_errors_by_the_row(user):
    form = await make_form(user, fields=FIELDS)
    url = f"/forms/{form['id']}/fields/company"
    edit = soup(await user.web.get(f"{url}/edit"))
    assert edit.select_one("legend").get_text() == "Show this field"
    row = edit.select_one(".rule-row")
    choices = [o.get_text() for o in row.select("select[name=rule_field_0] option")]
    assert choices == ["—", "Work email", "You are", "Anything else"]  # not itself
    assert "is one of" in row.select_one("select[name=rule_op_0]").get_text()

    rule = {
        **COMPANY,
        "show_mode": "all",
        "rule_field_0": "customer",
        "rule_op_0": "equals",
        "rule_value_0": "Business",
    }
    r = await user.post_form(url, rule)
    assert r.status_code == 303, r.text
    saved = (await _api_form(user, form["id"]))["fields"][2]["show_if"]
    assert saved == {"all": [{"field": "customer", "op": "equals", "value": "Business"}]}

    # "Add a condition" shows one more row and saves nothing
    r = await user.post_form(url, {**rule, "_rule": "add"})
    assert r.status_code == 200
    rows = soup(r).select("#edit-company-rules .rule-row")
    assert len(rows) == 2 and rows[0].select_one("input[name=rule_value_0]")["value"] == "Business"
    assert (await _api_form(user, form["id"]))["fields"][2]["show_if"] == saved

    # a later field and a comparison that does not fit: the message sits by its row
    bad = {
        **rule,
        "rule_field_1": "notes",
        "rule_op_1": "filled",
        "show_mode": "any",
    }
    r = await user.post_form(url, bad, htmx=True)
    assert r.status_code == 422
    row = soup(r).select(".rule-row")[1]
    assert "comes later in the form" in row.select_one(".error").get_text()
    assert row.select_one("select[name=rule_field_1]")["aria-invalid"] == "true"
    r = await user.post_form(url, {**rule, "rule_op_0": "gt", "rule_value_0": "3"}, htmx=True)
    assert (
        r.status_code == 422
        and "does not fit a select field" in soup(r).select_one(".rule-row .error").get_text()
    )

    # Remove drops the row; "always" removes the rule
    r = await user.post_form(url, {**bad, "_rule": "remove-1"})
    assert len(soup(r).select("#edit-company-rules .rule-row")) == 1
    r = await user.post_form(url, {**rule, "show_mode": "always"})
    assert r.status_code == 303
    assert "show_if" not in (await _api_form(user, form["id"]))["fields"][2]


async def test_steps_section_names_steps_and_places_fields(user):
    form = await make_form(user, fields=FIELDS)
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    section = page.select_one("#sec-steps")
    assert section.select_one("select[name=layout]") and section.select_one("#st-step_title_0")
    token = page.select_one("form#editor-settings input[name=csrf_token]")["value"]
    action = page.select_one("form#editor-settings")["action"]
    data = {
        "csrf_token": token,
        "_section": "steps",
        "layout": "one_at_a_time",
        "step_title_0": "About you",
        "step_title_1": "Your project",
        "step_of_email": "0",
        "step_of_customer": "0",
        "step_of_company": "1",
        "step_of_notes": "1",
    }
    r = await user.web.post(action, data=data)
    assert r.status_code == 303, r.text
    saved = await _api_form(user, form["id"])
    assert saved["layout"] == "one_at_a_time"
    assert saved["steps"] == [
        {"title": "About you", "fields": ["email", "customer"]},
        {"title": "Your project", "fields": ["company", "notes"]},
    ]
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    chosen = page.select_one("#st-step_of_company option[selected]")
    assert chosen.get_text() == "Step 2: Your project"

    # a step without fields is refused, said next to that step's name
    empty = {**data, "step_title_2": "Extras"}
    r = await user.web.post(action, data=empty, headers={"HX-Request": "true"})
    assert r.status_code == 422
    assert "This step has no fields" in soup(r).select_one("#st-step_title_2-error").get_text()


async def test_renaming_a_field_carries_its_steps_and_rules_and_deleting_a_used_one_is_refused(
    user,
):
    fields = [
        *FIELDS[:2],
        {
            **FIELDS[2],
            "show_if": {"all": [{"field": "customer", "op": "equals", "value": "Business"}]},
        },
        FIELDS[3],
    ]
    steps = [
        {"title": "About you", "fields": ["email", "customer"]},
        {"title": "Your project", "fields": ["company", "notes"]},
    ]
    form = await make_form(user, fields=fields, steps=steps)
    r = await user.post_form(
        f"/forms/{form['id']}/fields/customer",
        {
            "label": "You are",
            "name": "customer_kind",
            "type": "select",
            "options": "Personal\nBusiness",
        },
    )
    assert r.status_code == 303, r.text
    saved = await _api_form(user, form["id"])
    assert saved["steps"][0]["fields"] == ["email", "customer_kind"]
    assert saved["fields"][2]["show_if"]["all"][0]["field"] == "customer_kind"

    r = await user.post_form(f"/forms/{form['id']}/fields/customer_kind/delete", htmx=True)
    assert r.status_code == 422
    message = soup(r).select_one("#fields-error").get_text()
    assert "“customer_kind”" in message and "the rule of “company” uses it" in message

    r = await user.post_form(f"/forms/{form['id']}/fields/notes/delete")
    assert r.status_code == 303
    assert (await _api_form(user, form["id"]))["steps"][1]["fields"] == ["company"]
