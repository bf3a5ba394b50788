"""Refinements in the marketer's own words (issue 20, refine round 24r), through
POST /api/forms/generate: a rename said with "call" or "should be called", answers said with
"should have options" or "let them choose from", a number's bounds and a text's length in
English and es/fr/de/pt, and a question added by its subject."""

from __future__ import annotations

from tests.test_llm_local_forms import generate

CATERING = (
    "Catering enquiry: company name, contact, email, phone, date, number of people, "
    "dietary requirements, delivery address"
)


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_renames_and_answers_in_their_words(user):
    form = await generate(user, CATERING)
    config = await generate(user, "call the dietary one 'Dietary needs'", form)
    assert _field(config, "dietary")["label"] == "Dietary needs"
    config = await generate(user, "the contact field should be called Contact name", config)
    assert "Contact name" in [f["label"] for f in config["fields"]]
    config = await generate(
        user, "let them choose the dietary needs from vegetarian, vegan, halal", config
    )
    dietary = _field(config, "dietary")
    assert (dietary["type"], dietary["options"]) == ("select", ["Vegetarian", "Vegan", "Halal"])
    assert len(config["fields"]) == len(form["fields"])


async def test_bounds_on_numbers_and_lengths_on_text(user):
    form = await generate(user, CATERING + ", message")
    config = await generate(user, "number of people must be between 10 and 200", form)
    people = _field(config, "people")
    assert (people["type"], people["min"], people["max"]) == ("number", 10, 200)
    config = await generate(user, "limit the message to 500 characters", config)
    assert _field(config, "message")["max_length"] == 500
    config = await generate(user, "limit the message to 200 words", config)  # told, and capped
    message = _field(config, "message")
    assert (message["max_length"], message["help"]) == (1600, "Up to 200 words.")
    body = await generate(user, "the date should be at least 3", config, status=422)
    assert "takes no minimum or maximum" in body["error"]["message"]


async def test_a_bound_said_abroad(user):
    form = await generate(
        user, "Catering-Anfrage: Firma, Name, E-Mail, Telefon, Datum, Anzahl Personen"
    )
    config = await generate(user, "Anzahl Personen muss zwischen 10 und 200 liegen", form)
    people = _field(config, "personen")
    assert (people["min"], people["max"]) == (10, 200)


async def test_a_question_added_by_its_subject(user):
    form = await generate(user, CATERING)
    config = await generate(user, "add a question about parking after the delivery address", form)
    labels = [f["label"] for f in config["fields"]]
    assert labels[labels.index("Delivery address") + 1] == "Parking"


async def test_two_fields_added_at_once_and_several_answers_allowed(user):
    form = await generate(user, "Personal training enquiry: email, your goals (lose weight, rehab)")
    config = await generate(user, "add name and phone fields at the top", form)
    assert [f["type"] for f in config["fields"][:3]] == ["text", "phone", "email"]
    assert config["fields"][0]["label"] == "Full name"
    form = await generate(
        user, "Summer camp registration: parent name, email, which week (Week 1, Week 2)"
    )
    config = await generate(user, "let parents pick both weeks", form)
    assert _field(config, "week")["type"] == "multiselect"


async def test_required_said_verb_last_in_german(user):
    form = await generate(user, "Anmeldung zum Kurs: Vorname, Nachname, E-Mail, Firma")
    config = await generate(user, "Firma optional machen", form)
    assert _field(config, "firma")["required"] is False


async def test_uploads_take_more_files_and_people_are_not_agent_actions(user):
    form = await generate(user, "Damage report: name, email, photos of the damage")
    config = await generate(user, "allow up to 3 photos", form)
    assert _field(config, "photo")["max_files"] == 3
    body = await generate(user, "allow up to 30 photos", config, status=422)
    assert "at most 10 files" in body["error"]["message"]
    form = await generate(user, "Callback request: name, phone, best time to call")
    config = await generate(user, "let them skip the phone", form)
    assert _field(config, "phone")["required"] is False
    assert config["agent"]["allowed_actions"] == form["agent"]["allowed_actions"]


async def test_asked_for_in_their_words_and_the_rule_with_its_exception(user):
    form = await generate(user, "Event venue enquiry: name, email, phone, event date, message")
    config = await generate(
        user,
        "ask for their company size and add a dropdown for event type with wedding, birthday",
        form,
    )
    assert _field(config, "company size")["type"] == "select"
    assert _field(config, "event type")["options"] == ["Wedding", "Birthday"]
    config = await generate(user, "make all fields optional except email", config)
    assert [f["label"] for f in config["fields"] if f["required"]] == ["Email"]


async def test_consent_boxes_and_work_addresses(user):
    form = await generate(user, "Event venue enquiry: name, email, phone, event date, message")
    config = await generate(user, "add a checkbox for marketing consent", form)
    box = next(f for f in config["fields"] if f["type"] == "consent")
    assert box["required"] is False
    body = await generate(user, "add a required marketing consent checkbox", form, status=422)
    assert "cannot be required" in body["error"]["message"]
    config = await generate(user, "add a required consent checkbox", form)
    box = next(f for f in config["fields"] if f["type"] == "consent")
    assert box["required"] is True and "details being stored" in box["label"]
    config = await generate(user, "only allow business emails", form)
    assert config["security"]["free_mail"] == "block"
    assert _field(config, "email")["label"] == "Work email"
