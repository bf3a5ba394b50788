"""Refinements that say a field's kind with "as a" (issue 20, refine round 28r), through
POST /api/forms/generate: "budget as a dropdown: …" changes the budget question (it added a
field "Budget as a"), "dietary needs as a long answer" makes it a long answer, and "add
preferred time as a dropdown: …" adds "Preferred time"."""

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
