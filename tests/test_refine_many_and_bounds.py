"""Notes about several fields by place or kind, two limits at once, and an age rule (issue 20,
stop 31), through POST /api/forms/generate. On the start commit "guests must be 18 or older"
turned the guest count into a dropdown of "18" and "Older", "age must be 18 or over" did the
same to the message box on a form with no age, "delete everything after dietary
requirements" removed the dietary question itself, and "remove the last two questions",
"make every text field optional", "number of guests max 10, min 1" and "let's not ask for
email, phone is enough" were refused."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

GALA = (
    "Charity gala tickets: name, email, phone, ticket type (standard, VIP), number of guests, "
    "dietary requirements, message"
)
VOLUNTEERS = "Volunteer form: name, email, age, t-shirt size, availability"


async def test_fields_named_by_their_place(user):
    form = await generate(user, GALA)
    labels = _labels(form)
    config = await generate(user, "remove the last two questions", form)
    assert _labels(config) == labels[:-2]
    config = await generate(user, "delete everything after dietary requirements", form)
    assert _labels(config) == labels[:-1] and "Dietary requirements" in _labels(config)
    config = await generate(user, "everything after ticket type can go", form)
    assert _labels(config) == labels[: labels.index("Ticket type") + 1]
    config = await generate(user, "remove the first two questions", form)
    assert _labels(config) == labels[2:]
    answer = await generate(user, "remove the last 7 questions", form, status=422)
    assert "last 7 questions" in str(answer)


async def test_fields_named_by_their_kind(user):
    form = await generate(user, GALA)
    config = await generate(user, "make every text field optional", form)
    assert not _field(config, "Full name")["required"]
    assert _field(config, "Email")["required"]  # an email is no text field
    config = await generate(user, "make all the text fields required except message", form)
    assert _field(config, "Dietary requirements")["required"]
    assert not _field(config, "Message")["required"]
    assert _labels(config) == _labels(form)


async def test_one_contact_instead_of_another(user):
    form = await generate(user, GALA)
    config = await generate(user, "let's not ask for email, phone is enough", form)
    assert "Email" not in _labels(config) and _field(config, "Phone")["required"]


async def test_two_limits_in_one_breath(user):
    form = await generate(user, GALA)
    for note in ("number of guests max 10, min 2", "guests: at least 2, at most 10"):
        guests = _field(await generate(user, note, form), "Number of guests")
        assert (guests["type"], guests["min"], guests["max"]) == ("number", 2, 10), note
    form = await generate(user, VOLUNTEERS)
    age = _field(await generate(user, "set age min to 16 and max to 80", form), "Age")
    assert (age["min"], age["max"]) == (16, 80)


async def test_an_age_rule_sets_the_age_or_adds_a_tick_box(user):
    form = await generate(user, VOLUNTEERS)
    for note in ("volunteers must be 18 or older", "you have to be 18+", "the minimum age is 18"):
        config = await generate(user, note, form)
        assert _field(config, "Age")["min"] == 18, note
        assert _labels(config) == _labels(form), note
    form = await generate(user, GALA)
    config = await generate(user, "age must be 18 or over", form)
    box = _field(config, "I am 18 or older")
    assert box["type"] == "checkbox" and box["required"]
    assert _field(config, "Message")["type"] == "textarea"
    config = await generate(user, "guests must be 18 or older", form)
    assert _field(config, "Number of guests")["type"] == "number"
    assert _field(config, "All guests are 18 or older")["required"]


async def test_the_last_question_is_the_forms_as_the_note_found_it(user):
    form = await generate(user, GALA)
    config = await generate(user, "ask if there's a garden; remove the last question", form)
    labels = _labels(config)
    assert "Message" not in labels and "Is there a garden?" in labels
