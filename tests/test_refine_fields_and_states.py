"""Refinements as marketers typed them on stop 28's blind drafts (issue 20), through
POST /api/forms/generate: the fields an instruction names and what it says of them, however
it is said. On the start commit "add Beginner as a lesson type" added a field "Beginner as a
lesson type", "adiciona um campo para o código postal" a field "Para o código postal", and
"photos aren't required", "job title and company are optional", "Allergien bitte optional"
and "mortgage question only if they're not a cash buyer" were refused."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

GOLF = "Golf lesson booking: name, email, phone, lesson type: private, group, junior"
TENANT = "Tenant maintenance request: flat number, name, phone, what's broken, photos"
SPEAKER = "Speaker application: name, email, job title, company, talk title, abstract"
PARTY = "Anmeldung zur Weihnachtsfeier: Name, Abteilung, Essenswunsch (Fleisch, Fisch), Allergien"
SOLAR = "Pedido de orçamento para painéis solares: nome, email, telefone, morada, tipo de telhado"
VIEWING = "Book a viewing: your name, email, are you a cash buyer, mortgage agreed in principle?"
CATERING = "Catering quote: event date, guest count, venue postcode, contact details"


async def test_an_answer_added_to_a_choice_is_an_option_never_a_field(user):
    form = await generate(user, GOLF)
    config = await generate(user, "add Beginner as a lesson type", form)
    assert _labels(config) == _labels(form)
    assert _field(config, "Lesson type")["options"] == ["Private", "Group", "Junior", "Beginner"]
    config = await generate(user, "lesson type needs a 'Ladies' option too", config)
    assert _field(config, "Lesson type")["options"][-1] == "Ladies"


async def test_required_or_optional_however_it_is_said(user):
    form = await generate(user, TENANT)
    config = await generate(user, "flat number has to be filled in", form)
    assert _field(config, "Flat number")["required"] is True
    config = await generate(user, "photos aren't required, the phone can be left blank", config)
    assert _field(config, "Photos")["required"] is False
    assert _field(config, "Phone")["required"] is False
    form = await generate(user, SPEAKER)
    said = "job title and company are optional because not everyone has one"
    config = await generate(user, said, form)
    assert not _field(config, "Job title")["required"] and not _field(config, "Company")["required"]
    assert _labels(config) == _labels(form)


async def test_other_languages_say_a_state_without_a_verb_and_a_field_for_something(user):
    form = await generate(user, PARTY)
    config = await generate(user, "Abteilung als Pflichtfeld", form)
    assert _field(config, "Abteilung")["required"] is True
    config = await generate(user, "Allergien bitte optional", config)
    assert _field(config, "Allergien")["required"] is False
    form = await generate(user, SOLAR)
    config = await generate(user, "adiciona um campo para o código postal depois da morada", form)
    labels = _labels(config)
    assert labels[labels.index("Morada") + 1] == "Código postal"


async def test_a_condition_said_with_a_contracted_not(user):
    form = await generate(user, VIEWING)
    config = await generate(user, "mortgage question only if they're not a cash buyer", form)
    rule = _field(config, "Mortgage agreed in principle?")["show_if"]["all"][0]
    assert (
        rule["value"] == "No" and rule["field"] == _field(config, "Are you a cash buyer?")["name"]
    )


async def test_a_removal_said_twice_and_a_split_already_made(user):
    form = await generate(user, CATERING)
    config = await generate(user, "we don't need the venue postcode, remove it", form)
    assert "Venue postcode" not in _labels(config)
    config = await generate(user, "split contact details into name, email and phone", form)
    assert _labels(config) == _labels(form)
    assert any("already asks" in note for note in config["notes"])


SPEAKER_PHOTO = "Speaker application: name, email, talk title, abstract, headshot"
FACILITIES = "Facilities request: your name, floor, what needs fixing, how urgent, photo"
BAKERY = "Newsletter signup for our bakery: email and first name"


async def test_what_a_field_should_be_said_as_its_kind_its_answers_or_its_length(user):
    form = await generate(user, SPEAKER_PHOTO)
    config = await generate(user, "the headshot should be an upload", form)
    assert _field(config, "Headshot")["type"] == "file"
    config = await generate(user, "the abstract should be limited to 500 characters", config)
    assert _field(config, "Abstract")["max_length"] == 500
    form = await generate(user, FACILITIES)
    config = await generate(user, "how urgent should be low, medium or high", form)
    assert _field(config, "How urgent?")["options"] == ["Low", "Medium", "High"]


async def test_a_new_field_is_named_without_its_kind_or_flag(user):
    form = await generate(user, BAKERY)
    config = await generate(user, "add a birthday field (date), optional", form)
    birthday = _field(config, "Birthday")
    assert birthday["type"] == "date" and not birthday["required"]
    config = await generate(user, "add a phone number (optional)", form)
    assert _field(config, "Phone")["type"] == "phone"  # never a dropdown whose option is "Optional"
    config = await generate(user, "let them upload a photo of their cake idea", form)
    assert _field(config, "Photo of their cake idea")["type"] == "file"


async def test_an_instruction_never_becomes_a_field(user):
    form = await generate(user, SOLAR)
    said = "muda o tipo de telhado para uma lista: plano, inclinado, misto"
    config = await generate(user, said, form)
    assert _labels(config) == _labels(form)
    assert _field(config, "Tipo de telhado")["options"] == ["Plano", "Inclinado", "Misto"]
    form = await generate(user, "Party sign-up: name, coming with a partner (yes/no)")
    said = "ask for the number of guests only if they're coming with a partner"
    config = await generate(user, said, form)
    assert _field(config, "Number of guests")["show_if"]["all"][0]["value"] == "Yes"


RESTAURANT = "Modulo di prenotazione per il ristorante: nome, telefono, email, data, ora, note"
DENTIST = "Contactformulier voor onze tandartspraktijk: naam, e-mail, telefoon, bericht"


async def test_italian_and_dutch_instructions(user):
    form = await generate(user, RESTAURANT)
    config = await generate(user, "rendi l'email facoltativa e togli le note", form)
    assert _field(config, "Email")["required"] is False
    assert "Note" not in _labels(config)
    form = await generate(user, DENTIST)
    config = await generate(user, "voeg een veld geboortedatum toe na telefoon", form)
    labels = _labels(config)
    assert labels[labels.index("Telefoon") + 1] == "Geboortedatum"
    config = await generate(user, "maak telefoon verplicht", config)
    assert _field(config, "Telefoon")["required"] is True


GROOMING = (
    "Dog grooming appointment: owner name, phone, email, breed, service (full groom, bath and "
    "brush, nail trim), preferred date"
)


async def test_short_notes_on_a_draft(user):
    form = await generate(user, GROOMING)
    config = await generate(user, "no phone please", form)
    assert "Phone" not in _labels(config)
    config = await generate(user, "required: email, phone", form)
    assert _labels(config) == _labels(form)  # never a dropdown "A" offering Email and Phone
    assert _field(config, "Phone")["required"] and _field(config, "Email")["required"]
    config = await generate(user, "email first, then phone", form)
    assert _labels(config)[:2] == ["Email", "Phone"]
    config = await generate(user, "service should allow more than one", form)
    assert _field(config, "Service")["type"] == "multiselect"
    said = "preferred date should have a help text saying Tue-Sat only"
    config = await generate(user, said, form)
    assert _field(config, "Preferred date")["help"] == "Tue-Sat only"


COMPLAINT = "Complaint form: name, email, what happened, date it happened, photos"


async def test_two_states_in_one_sentence_and_a_reason_in_spanish(user):
    form = await generate(user, COMPLAINT)
    said = "the photos are optional and the date it happened has to be filled in"
    config = await generate(user, said, form)
    assert _field(config, "Photos")["required"] is False  # it was made required before
    assert _field(config, "Date it happened")["required"] is True
    form = await generate(user, "Solicitud de presupuesto: nombre, email, fotos de la cocina")
    config = await generate(user, "quita las fotos, no hace falta", form)
    assert not [label for label in _labels(config) if "otos" in label]
