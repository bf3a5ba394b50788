"""Refinements that say a field's kind with "as a" (issue 20, refine round 28r), through
POST /api/forms/generate: "budget as a dropdown: …" changes the budget question (it added a
field "Budget as a"), "dietary needs as a long answer" makes it a long answer, and "add
preferred time as a dropdown: …" adds "Preferred time"; "merge first and last name into one
name field" and back, "… please", "we want to know whether …" are understood."""

from __future__ import annotations

from tests.test_llm_local_forms import generate

CATERING = (
    "Catering enquiry: name, email, phone, event date, number of guests, dietary needs, budget"
)


def _field(config: dict, word: str) -> dict:
    (field,) = [f for f in config["fields"] if word in f["label"].lower()]
    return field


async def test_a_kind_said_with_as_changes_the_field_the_form_has(user):
    form = await generate(user, CATERING)
    config = await generate(user, "budget as a dropdown: under £1k, £1-5k, £5k+", form)
    budget = _field(config, "budget")
    assert (budget["type"], budget["options"]) == ("select", ["Under £1k", "£1-5k", "£5k+"])
    assert len(config["fields"]) == len(form["fields"])
    config = await generate(user, "dietary needs as a long answer", config)
    assert _field(config, "dietary")["type"] == "textarea"


async def test_a_field_added_as_a_kind_is_named_without_it(user):
    form = await generate(user, CATERING)
    config = await generate(user, "add preferred time as a dropdown: lunch, dinner", form)
    added = _field(config, "preferred time")
    assert (added["label"], added["options"]) == ("Preferred time", ["Lunch", "Dinner"])
    config = await generate(user, "add the guests as a number", form)
    assert len(config["fields"]) == len(form["fields"])  # the form asks it already


async def test_one_name_field_or_first_and_last(user):
    form = await generate(user, "Demo request: first name, last name, work email, company")
    config = await generate(user, "merge first and last name into one name field", form)
    assert [f["label"] for f in config["fields"]][:2] == ["Full name", "Work email"]
    assert config["field_mapping"]["name"] == "contact.name"
    assert "first_name" not in config["field_mapping"]
    config = await generate(user, "split the name into first and last name", config)
    assert [f["label"] for f in config["fields"]][:2] == ["First name", "Last name"]
    assert all(f["required"] for f in config["fields"][:2])


async def test_politeness_and_what_they_want_to_know(user):
    form = await generate(user, "Demo request: first name, last name, work email, company, message")
    config = await generate(user, "make the message optional please", form)
    assert _field(config, "message")["required"] is False
    config = await generate(user, "we also want to know whether they use a CRM", form)
    crm = _field(config, "crm")
    assert (crm["label"], crm["options"]) == ("Do you use a CRM?", ["Yes", "No"])
    config = await generate(user, "add whether they use a CRM", form)
    assert _field(config, "crm")["label"] == "Do you use a CRM?"
