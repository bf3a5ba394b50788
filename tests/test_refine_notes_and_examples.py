"""Refinements as marketers typed them on stop 27's blind drafts (issue 20), through
POST /api/forms/generate. Four of them changed the wrong thing on the start commit without a
word: "change the role example to Teacher" renamed the field "Teacher", "add a note under the
description: …" added a dropdown "Note" whose one option was the note, "should be a multiple
choice: …" made a single-choice dropdown, and "ajoute un champ adresse après le code postal"
added a field "Adresse après le code postal" at the end."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

LAW = "Contact form for a law firm: name, email, phone, area of law (family, property), your matter"
SCHOOL = "Report a concern (school): your name, your role, child's name, what did you see or hear"
HOTEL = "Hotel stay feedback: overall stay (1-10), cleanliness, staff friendliness, breakfast"
KITCHEN = "Demande de devis pour une cuisine : nom, email, téléphone, code postal, budget"


async def test_an_example_is_the_placeholder_never_the_label(user):
    form = await generate(user, SCHOOL)
    config = await generate(user, "change the role example to Teacher", form)
    assert _labels(config) == _labels(form)
    assert _field(config, "Role")["placeholder"] == "Teacher"
    said = "the role field shouldn't have Head of Operations as an example, use Class teacher"
    config = await generate(user, said, form)
    assert _field(config, "Role")["placeholder"] == "Class teacher"


async def test_a_note_is_help_text_under_the_field_named_or_the_last(user):
    form = await generate(user, LAW)
    note = "Submitting this form does not create a solicitor-client relationship."
    config = await generate(user, f"add a note under your matter: {note}", form)
    assert _labels(config) == _labels(form)
    assert config["fields"][-1]["help"] == note
    config = await generate(user, "add a note: We reply within 2 working days.", form)
    assert _labels(config) == _labels(form)
    assert config["fields"][-1]["help"] == "We reply within 2 working days."


async def test_both_fields_named_by_their_shared_words_are_removed(user):
    form = await generate(user, "Claim form: policy number, bank name, bank account number, notes")
    config = await generate(user, "remove both bank fields", form)
    assert not [label for label in _labels(config) if "Bank" in label]
    assert len(config["fields"]) == len(form["fields"]) - 2


async def test_ratings_out_of_five_and_the_old_scale_said_after(user):
    form = await generate(user, HOTEL)
    config = await generate(user, "make the ratings 1-5 instead of 1-10", form)
    scales = [(f["min"], f["max"]) for f in config["fields"] if f["type"] == "number"]
    assert scales == [(1, 5)] * 4
    form = await generate(user, "Event feedback: rate the venue, rate the content, comments")
    said = "the venue and content questions should be star ratings out of 5"
    config = await generate(user, said, form)
    rated = [f for f in config["fields"] if f["type"] == "number"]
    assert [(f["min"], f["max"]) for f in rated] == [(1, 5), (1, 5)]


async def test_multiple_choice_said_with_should_be_lets_people_pick_several(user):
    form = await generate(user, "Volunteer sign up: name, email, languages spoken")
    said = "languages spoken should be a multiple choice: English, Spanish, Polish"
    config = await generate(user, said, form)
    field = _field(config, "Languages spoken")
    assert (field["type"], field["options"]) == ("multiselect", ["English", "Spanish", "Polish"])


async def test_a_new_field_goes_where_a_foreign_instruction_says_in_that_language(user):
    form = await generate(user, KITCHEN)
    config = await generate(user, "ajoute un champ adresse après le code postal", form)
    labels = _labels(config)
    assert labels[labels.index("Code postal") + 1] == "Adresse"
    assert _field(config, "Adresse")["placeholder"] == "Rue, ville, code postal"
    form = await generate(user, "Anmeldung: Vorname, Nachname, Abteilung, E-Mail")
    said = "Abteilung als Dropdown: Vertrieb, Marketing, IT"
    config = await generate(user, said, form)
    assert _labels(config) == _labels(form)
    assert _field(config, "Abteilung")["options"] == ["Vertrieb", "Marketing", "IT"]


async def test_the_flow_said_plainly_and_a_complaint_before_the_change(user):
    form = await generate(user, "Room hire enquiry: name, email, date, expected numbers")
    config = await generate(user, "make it a booking request", form)
    assert config["flow_id"] == "booking_request"
    form = await generate(user, "Cancellation: email, reason for cancelling, pause instead?")
    said = "you missed the last question - add 'Anything else?' as a long text at the end"
    config = await generate(user, said, form)
    last = config["fields"][-1]
    assert (last["label"], last["type"]) == ("Anything else?", "textarea")


async def test_a_field_that_needs_a_bigger_box_becomes_a_long_answer(user):
    form = await generate(user, "Trade account application: company name, trade references")
    config = await generate(user, "trade references needs a bigger box", form)
    assert _field(config, "Trade references")["type"] == "textarea"


async def test_a_preset_answer_is_one_of_the_options_and_never_a_ticked_consent(user):
    form = await generate(user, "IT ticket: email, priority (low, medium, high), description")
    config = await generate(user, "priority should default to medium", form)
    assert _field(config, "Priority")["default"] == "Medium"
    answer = await generate(user, "set the default of priority to urgent", form, status=422)
    assert "not one of the options" in answer["error"]["message"]
    form = await generate(user, "Newsletter signup: email, marketing consent")
    consent = next(f for f in form["fields"] if f["type"] in ("consent", "checkbox"))
    said = f"tick {consent['label']} by default"
    answer = await generate(user, said, form, status=422)
    assert "never ticked in advance" in answer["error"]["message"]


async def test_a_field_shown_only_when_a_box_is_ticked_moves_after_the_box(user):
    form = await generate(user, "Hotel feedback: email, comments, may we contact you?")
    said = "the email is missing from the contact bit, it should only show if they tick the contact box"
    config = await generate(user, said, form)
    names = [f["name"] for f in config["fields"]]
    email = _field(config, "Email")
    box = next(f for f in config["fields"] if f["type"] == "checkbox")
    assert names.index("email") == names.index(box["name"]) + 1
    assert email["show_if"]["all"] == [{"field": box["name"], "op": "equals", "value": True}]


async def test_examples_for_two_fields_and_money_bands_with_thousands(user):
    form = await generate(user, "Room hire: name, email, start time, end time, monthly spend")
    config = await generate(user, "start time and end time need an example like 18:00", form)
    assert [_field(config, x)["placeholder"] for x in ("Start time", "End time")] == ["18:00"] * 2
    said = "monthly spend should be bands: under £500, £500-£2,000, over £2,000"
    config = await generate(user, said, form)
    assert _field(config, "Monthly spend")["options"] == [
        "Under £500",
        "£500-£2,000",
        "Over £2,000",
    ]


async def test_a_note_said_in_spanish_is_help_text_under_that_field(user):
    form = await generate(user, "Cita en el taller: nombre, teléfono, matrícula, fecha preferida")
    config = await generate(user, "añade una nota en la matrícula: por ejemplo 1234 ABC", form)
    assert _labels(config) == _labels(form)
    assert _field(config, "Matrícula")["help"] == "por ejemplo 1234 ABC"


async def test_a_box_said_with_its_words_and_a_kind_said_with_its_name(user):
    form = await generate(user, "Club sign-up: first name, email, confirm")
    said = "Confirm should be a required tick box saying I confirm I'm over 18"
    config = await generate(user, said, form)
    box = config["fields"][-1]
    assert (box["label"], box["type"], box["required"]) == (
        "I confirm I'm over 18",
        "checkbox",
        True,
    )
    form = await generate(user, "Wholesale enquiry: café name, email, roaster used now (yes/no)")
    said = "the roaster question isn't yes or no, make it a text field called Current roaster"
    config = await generate(user, said, form)
    field = config["fields"][-1]
    assert (field["label"], field["type"]) == ("Current roaster", "text")


async def test_two_fields_made_numbers_and_a_reason_between_two_changes(user):
    form = await generate(user, "Nutrition intake: name, email, height, weight, goals")
    said = "height and weight should be numbers and call the form Nutrition Consultation Intake"
    config = await generate(user, said, form)
    assert [_field(config, x)["type"] for x in ("Height", "Weight")] == ["number", "number"]
    assert config["name"] == "Nutrition Consultation Intake"
    form = await generate(user, "Newsletter: name, email, marketing consent, favourite topics")
    said = "take out the marketing consent box, people here are not customers, and call the form Topics"
    config = await generate(user, said, form)
    assert not [f for f in config["fields"] if f["type"] == "consent"]
    assert config["name"] == "Topics"


async def test_a_word_no_field_has_never_lands_on_the_only_field_of_that_kind(user):
    form = await generate(user, "Licence renewal: company, number of seats, purchase order number")
    said = "number of seats must be at least 5, and the PO number example should be PO-12345"
    config = await generate(user, said, form)
    assert _field(config, "Number of seats")["min"] == 5
    assert _field(config, "Number of seats")["placeholder"] == ""
    assert _field(config, "Purchase order number")["placeholder"] == "PO-12345"
