"""What a marketer adds in a note, read as meant (issue 20, stop 31), through POST
/api/forms/generate. On the start commit "ask for emergency contact name and phone" added one
phone field labelled "Emergency contact name and phone", "add a field for the mobile number"
a number, "add terms and conditions" a text box, "add a field for number of employees" a
second company size, "add a phone field, but only for UK" a text field "But" and a question
"Are you an UK?", "the phone should be longer" turned the phone into a text area, and "change
the thank you message to: Namaste!" kept the colon."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

RETREAT = "Yoga retreat booking: name, email, anything else"
DEMO = (
    "Demo request for our HR software: first name, last name, work email, company, company "
    "size, country, message"
)


async def test_two_things_asked_for_in_one_addition(user):
    form = await generate(user, RETREAT)
    config = await generate(user, "ask for emergency contact name and phone", form)
    assert _field(config, "Emergency contact name")["type"] == "text"
    assert _field(config, "Emergency contact phone")["type"] == "phone"
    config = await generate(user, "add a field for passport number and expiry date", form)
    assert _field(config, "Passport number")["type"] == "text"
    assert _field(config, "Passport expiry date")["type"] == "date"
    config = await generate(user, "add first and last name", form)
    assert {"First name", "Last name"} <= set(_labels(config))


async def test_a_phone_number_and_terms_to_agree_to(user):
    form = await generate(user, RETREAT)
    config = await generate(user, "add a field for the mobile number", form)
    assert _field(config, "Mobile number")["type"] == "phone"
    for note in ("add terms and conditions", "add a T&Cs checkbox"):
        box = _field(await generate(user, note, form), "I agree to the terms and conditions")
        assert box["type"] == "checkbox" and box["required"], note


async def test_a_question_the_form_asks_already_is_not_added_twice(user):
    form = await generate(user, DEMO)
    answer = await generate(user, "add a field for number of employees", form, status=422)
    assert "Company size" in str(answer)
    answer = await generate(user, "add a question asking which country", form, status=422)
    assert "Country" in str(answer)
    config = await generate(user, 'add a question called "Country of residence"', form)
    assert "Country of residence" in _labels(config)


async def test_a_condition_after_but_asks_who_the_visitor_is(user):
    form = await generate(user, DEMO)
    config = await generate(user, "add a phone field, but only for UK", form)
    assert "But" not in _labels(config)
    asked = _field(config, "Are you in the UK?")
    assert _field(config, "Phone")["show_if"]["all"][0]["field"] == asked["name"]
    config = await generate(user, "add a student ID field, only for students", form)
    assert _field(config, "Are you a student?")["options"] == ["Yes", "No"]


async def test_settings_said_after_a_colon_and_boxes_that_cannot_grow(user):
    form = await generate(user, RETREAT + ", phone")
    config = await generate(
        user, "change the thank you message to: Namaste! We'll be in touch.", form
    )
    assert config["response"]["thank_you_message"] == "Namaste! We'll be in touch."
    config = await generate(user, "rename the form to: Retreat 2027", form)
    assert config["name"] == "Retreat 2027"
    await generate(user, "the phone should be longer", form, status=422)


VALUATION = (
    "Property valuation request: name, email, phone, property address, property type (house, "
    "flat, bungalow), bedrooms"
)


def _added(form: dict, config: dict) -> list[dict]:
    before = {f["name"] for f in form["fields"]}
    return [f for f in config["fields"] if f["name"] not in before]


async def test_an_upload_or_a_box_added_with_its_limit(user):
    form = await generate(user, VALUATION)
    for note in ("add a photo upload, max 5 photos", "add a photo upload (max 5 photos)"):
        [photo] = _added(form, await generate(user, note, form))
        assert (photo["type"], photo["label"], photo["max_files"]) == ("file", "Photo", 5), note
    [notes] = _added(form, await generate(user, "add a notes box, max 500 characters", form))
    assert (notes["type"], notes["max_length"]) == ("textarea", 500)


async def test_questions_about_the_place_and_lists_said_without_a_colon(user):
    form = await generate(user, VALUATION)
    for note in ("ask if there's a garden", "we also need to know if there's a garden"):
        [garden] = _added(form, await generate(user, note, form))
        assert (garden["label"], garden["options"]) == ("Is there a garden?", ["Yes", "No"])
    config = await generate(user, "bedrooms should be a dropdown 1, 2, 3, 4, 5+", form)
    assert _field(config, "Bedrooms")["options"] == ["1", "2", "3", "4", "5+"]
    config = await generate(
        user, "the address needs to be split into street, town and postcode", form
    )
    assert {"Street", "Town"} <= set(_labels(config)) and "Property address" not in _labels(config)
    answer = await generate(user, "make bedrooms a dropdown", form, status=422)
    assert "Give the options" in str(answer)  # was a KeyError, a 500


async def test_an_answer_and_a_place_said_in_german_or_dutch(user):
    wedding = (
        "Anfrage Hochzeitsfotografie: Namen, E-Mail, Telefon, Hochzeitsdatum, Location, "
        "Paket (halber Tag, ganzer Tag), Nachricht"
    )
    form = await generate(user, wedding)
    for note in ("füge 'Elopement' zu den Paketen hinzu", "füge Elopement zum Paket hinzu"):
        config = await generate(user, note, form)
        assert _field(config, "Paket")["options"][-1] == "Elopement", note
        assert _labels(config) == _labels(form), note
    config = await generate(user, "Telefon nach oben verschieben", form)
    assert _labels(config)[0] == "Telefon"
    form = await generate(user, "Aanvraag offerte: naam, e-mail, type dak (plat, schuin)")
    config = await generate(user, "voeg 'riet' toe aan type dak", form)
    assert _field(config, "Type dak")["options"] == ["Plat", "Schuin", "Riet"]


async def test_a_group_of_questions_is_never_added_as_a_field(user):
    form = await generate(
        user, "Dog daycare registration: owner name, email, phone, dog's name, breed, age"
    )
    answer = await generate(user, "put the dog stuff before the owner stuff", form, status=422)
    assert "several of the form's questions" in str(answer)
