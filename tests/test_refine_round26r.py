"""Refinements that add a question the way a marketer says it (issue 20, refine round 26r),
through POST /api/forms/generate: a field added with its limit goes on the form's own
question when it has one, lower-case answers ending "halal and kosher" are two answers, a
dropdown added for a question the form asks in words changes that question, a new field is
typed as the description's list would type it, and a budget on a person's form is an amount."""

from __future__ import annotations

from tests.test_llm_local_forms import generate

CATERING = "Catering enquiry: name, email, event date, number of guests, dietary needs"


def _fields(config: dict, word: str) -> list[dict]:
    return [f for f in config["fields"] if word in f["label"].lower()]


async def test_a_limit_said_with_the_field_goes_on_the_one_the_form_has(user):
    form = await generate(user, CATERING)
    config = await generate(user, "add a field for guests, at least 1", form)
    (guests,) = _fields(config, "guest")
    assert (guests["type"], guests["min"]) == ("number", 1)
    assert len(config["fields"]) == len(form["fields"])
    form = await generate(user, "Campsite booking: name, email, arrival date")
    config = await generate(user, "add a nights field (max 14)", form)
    (nights,) = _fields(config, "night")
    assert (nights["label"], nights["type"], nights["max"]) == ("Number of nights", "number", 14)


async def test_answers_and_a_dropdown_for_a_question_asked_in_words(user):
    form = await generate(user, CATERING)
    config = await generate(
        user, "the dietary one should have options vegetarian, vegan, halal and kosher", form
    )
    assert _fields(config, "diet")[0]["options"] == ["Vegetarian", "Vegan", "Halal", "Kosher"]
    config = await generate(user, "add a dropdown for diet with vegan, halal and kosher", form)
    (diet,) = _fields(config, "diet")
    assert (diet["type"], diet["options"]) == ("select", ["Vegan", "Halal", "Kosher"])
    config = await generate(
        user, "add a service dropdown: full groom, nail clip, bath and brush", form
    )
    assert _fields(config, "service")[0]["options"] == ["Full groom", "Nail clip", "Bath and brush"]


async def test_new_fields_are_typed_as_a_list_would_type_them(user):
    form = await generate(user, "Wedding photography enquiry: names, email, wedding date, venue")
    config = await generate(user, "add an age field and add a budget field", form)
    assert _fields(config, "age")[0]["type"] == "number"
    budget = _fields(config, "budget")[0]
    assert (budget["type"], budget["options"]) == ("number", [])
    form = await generate(user, "Enterprise software demo request: name, work email, company size")
    config = await generate(user, "add a budget field", form)
    assert _fields(config, "budget")[0]["type"] == "select"


async def test_a_comments_field_is_called_what_the_marketer_called_it(user):
    form = await generate(
        user,
        "Grant application: organisation name, email, project summary, how will it help the "
        "community, I agree to the terms",
    )
    config = await generate(user, "add a comments field", form)
    labels = [f["label"] for f in config["fields"]]
    assert labels[-3:] == ["How will it help the community?", "Comments", "I agree to the terms"]
    assert config["fields"][-2]["type"] == "textarea"
