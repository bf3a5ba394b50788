"""Describe-a-form with logic, steps and languages on the Claude engine (fake Messages API),
through POST /api/forms/generate: the schema asks for them, the answer is checked, a rule
naming a later field goes back to the model once."""

from __future__ import annotations

import copy

import pytest

from tests.fake_anthropic import claude_settings

CONFIG = {
    "name": "Quote Request",
    "type": "sales",
    "flow_id": "sales_lead",
    "fields": [
        {"name": "Email", "type": "email", "label": "Email", "required": True},
        {
            "name": "customer_type",
            "type": "select",
            "label": "Business or private?",
            "required": False,
            "options": ["Business", "Private"],
        },
        {
            "name": "company_size",
            "type": "select",
            "label": "Company size",
            "required": False,
            "options": ["1-10", "11+"],
            "show_if": {"all": [{"field": "customer_type", "op": "equals", "value": "Business"}]},
        },
    ],
    "field_mapping": {"Email": "contact.email"},
    "agent": {
        "instructions": "Qualify and reply.",
        "autonomy_level": "draft",
        "allowed_actions": ["qualify_lead"],
    },
    "response": {"thank_you_message": "Thanks!"},
    "steps": [
        {"title": "You", "fields": ["Email"]},
        {"title": "Your project", "fields": ["customer_type", "company_size"]},
    ],
    "translations": {
        "es": {
            "fields": {
                "Email": {"label": "Correo"},
                "customer_type": {
                    "label": "¿Empresa o particular?",
                    "options": ["Empresa", "Particular"],
                },
                "company_size": {"label": "Tamaño", "options": ["1-10", "11+"]},
            },
            "thank_you_message": "¡Gracias!",
            "submit_label": "Enviar",
            "step_titles": ["Usted", "Su proyecto"],
        }
    },
}


@pytest.fixture
def settings(tmp_path, fake_anthropic):  # noqa: F811  (the app runs the Claude engine)
    return claude_settings(tmp_path, fake_anthropic)


async def test_rules_steps_and_translations_come_through_with_repaired_names(
    app, user, fake_anthropic
):
    fake_anthropic.script(("json", CONFIG))
    r = await user.api.post(
        "/api/forms/generate",
        json={
            "description": "a two-step quote form, company size only for businesses, in Spanish too"
        },
    )
    assert r.status_code == 200, r.text
    draft = r.json()["draft"]
    # "Email" was repaired to "email": the steps and translations follow the new name
    assert [f["name"] for f in draft["fields"]] == ["email", "customer_type", "company_size"]
    assert draft["steps"][0]["fields"] == ["email"]
    assert draft["fields"][2]["show_if"]["all"][0]["field"] == "customer_type"
    assert draft["translations"]["es"]["fields"]["email"]["label"] == "Correo"
    request = fake_anthropic.requests[0]
    schema = request.body["tools"][0]["input_schema"]
    assert {"steps", "translations"} <= set(schema["properties"])
    assert "show_if" in schema["properties"]["fields"]["items"]["properties"]
    assert "EARLIER" in request.body["system"] or "earlier" in str(request.body["system"]).lower()
    await app.state.llm.aclose()


async def test_a_rule_on_a_later_field_or_lost_options_is_sent_back_once(app, user, fake_anthropic):
    bad = copy.deepcopy(CONFIG)
    bad["fields"][0]["show_if"] = {
        "all": [{"field": "company_size", "op": "filled", "value": None}]
    }
    bad["translations"]["es"]["fields"]["customer_type"]["options"] = ["Empresa"]
    bad["steps"][1]["fields"] = ["customer_type"]
    bad["fields"][2]["show_if"]["all"][0]["value"] = "Company"  # not one of its options
    fake_anthropic.script(("json", bad), ("json", CONFIG))
    r = await user.api.post("/api/forms/generate", json={"description": "a quote form"})
    assert r.status_code == 200, r.text
    retry = fake_anthropic.requests[1].last_user_text
    assert "not a field before" in retry
    assert "one-to-one" in retry and "missing: company_size" in retry
    assert "“Company” is not an option of “customer_type”" in retry
    assert "show_if" not in r.json()["draft"]["fields"][0]
    await app.state.llm.aclose()


async def test_a_refinement_keeps_the_model_s_translations(app, user, fake_anthropic):
    fake_anthropic.script(("json", CONFIG))
    r = await user.api.post(
        "/api/forms/generate",
        json={"description": "add a Spanish version", "draft": {**CONFIG, "translations": {}}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["draft"]["translations"]["es"]["submit_label"] == "Enviar"
    assert "add a Spanish version" in fake_anthropic.requests[0].last_user_text
    await app.state.llm.aclose()


async def test_a_clause_label_a_contact_details_box_and_a_rating_as_text_go_back(
    app, user, fake_anthropic
):
    bad = copy.deepcopy(CONFIG)
    bad["translations"] = {}
    bad["fields"] += [
        {
            "name": "licence",
            "type": "text",
            "label": "Driving licence only for drivers",
            "required": False,
        },
        {
            "name": "contact_details",
            "type": "textarea",
            "label": "Contact details",
            "required": False,
        },
        {"name": "rating_1_to_5", "type": "text", "label": "Rating 1 to 5", "required": False},
    ]
    bad["steps"][1]["fields"] += ["licence", "contact_details", "rating_1_to_5"]
    fake_anthropic.script(("json", bad), ("json", CONFIG))
    r = await user.api.post("/api/forms/generate", json={"description": "a quote form"})
    assert r.status_code == 200, r.text
    system = fake_anthropic.requests[0].body["system"]
    assert "number with min and max" in str(system) and "name, email and phone" in str(system)
    assert "are `file` fields with `accept`" in str(system)  # uploads, not url fields
    schema = fake_anthropic.requests[0].body["tools"][0]["input_schema"]
    field_schema = schema["properties"]["fields"]["items"]
    assert "file" in field_schema["properties"]["type"]["enum"]
    assert {"accept", "max_files"} <= set(field_schema["properties"])
    retry = fake_anthropic.requests[1].last_user_text
    assert "“Driving licence only for drivers” is a condition" in retry
    assert "“Contact details” is a step or the contact details" in retry
    assert "“Rating 1 to 5” is a rating on a scale" in retry
    assert [f["name"] for f in r.json()["draft"]["fields"]] == [
        "email",
        "customer_type",
        "company_size",
    ]
    await app.state.llm.aclose()


async def test_a_question_starting_with_when_is_accepted_but_a_when_clause_goes_back(
    app, user, fake_anthropic
):
    """ "When did you last order?" asks about a time; "When employed, employer name" is a
    condition written as a label (the shape check is shared with the local engine)."""
    fine = copy.deepcopy(CONFIG)
    fine["translations"] = {}
    fine["fields"] += [
        {"name": "last_order", "type": "date", "label": "When did you last order?"},
        {"name": "restart", "type": "text", "label": "When might you restart?"},
    ]
    fine["steps"][1]["fields"] += ["last_order", "restart"]
    clause = copy.deepcopy(fine)
    clause["fields"].append(
        {"name": "employer", "type": "text", "label": "When employed, employer"}
    )
    clause["steps"][1]["fields"].append("employer")
    fake_anthropic.script(("json", clause), ("json", fine))
    r = await user.api.post("/api/forms/generate", json={"description": "a win-back survey"})
    assert r.status_code == 200, r.text
    retry = fake_anthropic.requests[1].last_user_text
    assert "“When employed, employer” is a condition" in retry
    assert "When did you last order" not in retry and "When might you restart" not in retry
    labels = [f["label"] for f in r.json()["draft"]["fields"]]
    assert "When did you last order?" in labels and "When might you restart?" in labels
    await app.state.llm.aclose()
