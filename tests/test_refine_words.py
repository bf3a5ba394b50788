"""Refinements as marketers typed them on stop 26's blind drafts (issue 20, "refine the rest
in their own words"), through POST /api/forms/generate: a wrong form name said as wrong, a
field drafted as the wrong thing, several fields put on one scale, one field split into two
dates, a reason after the change, and the words around a change following it."""

from __future__ import annotations

from tests.test_llm_local_forms import generate

GOLF = "Membership application for our golf club. Title, full name, date of birth, email"
SURVEY = "Broadband survey: how satisfied are you overall (1-5), speed, reliability, anything else"


def _field(config: dict, label: str) -> dict:
    return next(f for f in config["fields"] if f["label"] == label)


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_a_form_name_said_to_be_wrong_takes_the_marketers_words(user):
    form = await generate(user, "Course feedback form: which course, trainer name, comments")
    said = "the form name is wrong, it's a course feedback form not a testimonial request"
    config = await generate(user, said, form)
    assert config["name"] == "Course Feedback"
    assert _labels(config) == _labels(form)


async def test_a_form_name_only_called_wrong_is_asked_for_not_set(user):
    form = await generate(user, "Course feedback form: which course, trainer name, comments")
    answer = await generate(user, "the form name is wrong", form, status=422)
    assert "Say the name itself" in answer["error"]["message"]


async def test_a_field_drafted_as_the_wrong_thing_takes_the_marketers_word(user):
    form = await generate(user, GOLF)
    assert form["fields"][0]["label"] == "Job title"  # the draft's misreading of "Title"
    said = "title isn't a job title, it should be a dropdown: Mr, Mrs, Ms, Miss, Dr"
    config = await generate(user, said, form)
    title = config["fields"][0]
    assert (title["label"], title["type"]) == ("Title", "select")
    assert title["options"] == ["Mr", "Mrs", "Ms", "Miss", "Dr"]
    assert title["placeholder"] == ""  # "Head of Operations" was the job title's example
    assert config["name"] == form["name"]


async def test_a_field_made_a_dropdown_loses_its_typed_example(user):
    form = await generate(user, GOLF)
    config = await generate(user, "make job title a dropdown: Mr, Mrs", form)
    assert _field(config, "Job title")["placeholder"] == ""


async def test_several_fields_put_on_one_scale(user):
    form = await generate(user, SURVEY)
    said = "speed and reliability should be ratings from 1 to 5 like the first question"
    config = await generate(user, said, form)
    for label in ("Speed", "Reliability"):
        field = _field(config, label)
        assert (field["type"], field["min"], field["max"]) == ("number", 1, 5)
    assert len(config["fields"]) == len(form["fields"])


async def test_one_field_replaced_by_two_dates_in_its_place(user):
    form = await generate(user, "Room hire request: name, email, date, notes")
    config = await generate(user, "replace date with two dates, from and to", form)
    labels = _labels(config)
    assert len(labels) == len(form["fields"]) + 1 and "Notes" in labels
    at = labels.index("From")
    assert labels[at + 1] == "To"
    assert _field(config, "From")["type"] == _field(config, "To")["type"] == "date"


async def test_a_reason_that_names_the_field_adds_nothing(user):
    form = await generate(user, "Incident report: date, time, location, what happened")
    config = await generate(user, "time should be free text, we need the exact time", form)
    assert len(config["fields"]) == len(form["fields"])
    assert next(f for f in config["fields"] if "ime" in f["label"])["type"] == "text"


async def test_a_yes_no_added_in_english_answers_in_the_forms_language(user):
    form = await generate(
        user, "Aanmelding voetbalclub: naam kind, geboortedatum, e-mail, welke club"
    )
    said = "add a yes/no question 'Heeft uw kind eerder bij een club gespeeld?' before welke club"
    config = await generate(user, said, form)
    asked = _field(config, "Heeft uw kind eerder bij een club gespeeld?")
    assert asked["options"] == ["Ja", "Nee"]
    assert _labels(config).index(asked["label"]) + 1 == _labels(config).index("Club")


async def test_put_after_two_fields_is_after_the_later_and_moves_not_copies(user):
    form = await generate(user, "Car service booking: name, phone, make and model, notes")
    config = await generate(user, "put notes after make and model", form)
    labels = _labels(config)
    assert labels.count("Notes") == 1
    assert labels.index("Notes") == labels.index("Model") + 1


async def test_help_text_said_with_the_change_goes_on_the_field_even_with_an_if(user):
    form = await generate(
        user, "Tenant repair request: name, flat number, phone, what needs fixing"
    )
    config = await generate(
        user, "make flat number optional, with help text: if you have one", form
    )
    flat = _field(config, "Flat number")
    assert (flat["required"], flat["help"]) == (False, "if you have one")
    assert not flat.get("show_if")  # "if you have one" is words for the visitor, not a rule
