"""Items read as a marketer writes them (issue 20, round 33s), through POST /api/forms/generate:
the answer's type said in brackets ("which night (pick a date)" is a date), people updating
their details listed after a colon get those fields and no unasked phone or request text, and an
item written as a polite request is the thing requested ("bitte E-Mail eingeben" is "E-Mail",
"optionally say why" an optional reason)."""

from __future__ import annotations

from tests.test_llm_local_forms import generate


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


def _field(config: dict, words: str) -> dict:
    (field,) = [f for f in config["fields"] if words in f["label"].lower()]
    return field


async def test_a_type_said_in_brackets_sets_the_type(user):
    form = await generate(
        user,
        "Observatory stargazing night booking: name, email, which night (pick a date), number "
        "of adults",
    )
    assert _field(form, "night")["type"] == "date"
    assert "pick" not in " ".join(_labels(form)).lower()
    form = await generate(user, "Reserva: nombre, email, día de la visita (elige una fecha)")
    assert _field(form, "visita")["type"] == "date"
    form = await generate(user, "Supplier sign-up: company, website (link), region (dropdown)")
    assert _field(form, "website")["type"] == "url"


async def test_details_listed_after_their_name_are_the_fields(user):
    form = await generate(
        user,
        "Our alumni association wants alumni to update their details: name, graduation year, "
        "degree, current employer, email",
    )
    assert _labels(form) == ["Full name", "Graduation year", "Degree", "Current employer", "Email"]
    form = await generate(user, "Alumni update form")  # nothing listed: what changed is asked
    assert [f["type"] for f in form["fields"]][-1] == "textarea"
    form = await generate(user, "Contact form: their contact details and a message")
    assert {"Email", "Phone"} <= set(_labels(form))  # "contact details" still names the usual


async def test_a_polite_request_is_the_thing_requested(user):
    form = await generate(
        user, "Abmeldung vom Newsletter - bitte E-Mail eingeben und optional sagen warum"
    )
    assert _labels(form) == ["E-Mail", "Grund"]
    assert [f["required"] for f in form["fields"]] == [True, False]
    form = await generate(
        user,
        "Désinscription newsletter - merci d'indiquer votre email et éventuellement pourquoi",
    )
    assert _labels(form) == ["Email", "Raison"]
    form = await generate(user, "Unsubscribe - please enter email and optionally say why")
    assert _labels(form) == ["Email", "Reason"]
    form = await generate(user, "Shop order: name, email, optional extras (gift wrap, card)")
    assert _field(form, "extras")["options"] == ["Gift wrap", "Card"]  # a noun, not a request


async def test_who_answers_then_what_they_do_is_what_they_do(user):
    form = await generate(
        user,
        "we're a law firm; potential clients describe their legal issue and the area (family, "
        "employment, property) so a partner can call them back",
    )
    assert _field(form, "legal issue")["type"] == "textarea"
    assert _field(form, "area")["options"] == ["Family", "Employment", "Property"]
    assert _field(form, "phone")["type"] == "phone"  # "call them back" asks for a number
    assert not [f for f in form["fields"] if "quote" in f["label"].lower()]


async def test_tell_us_about_you_and_your_dog_is_one_question(user):
    form = await generate(
        user, "Dog walking enquiry: tell us about you and your dog, your email, area"
    )
    assert _field(form, "your dog")["type"] == "textarea"
    assert "Dog" not in _labels(form)


async def test_an_upload_de_x_is_x(user):
    form = await generate(
        user, "Inscrição no concurso de música: nome, email, upload de gravação, categoria"
    )
    upload = _field(form, "gravação")
    assert (upload["label"], upload["type"]) == ("Gravação", "file")


async def test_what_is_counted_with_its_bounds_is_a_number_and_arrival_a_date(user):
    form = await generate(
        user, "Ferienwohnung Anfrage: Name, E-Mail, Anreise, Abreise, Nächte (1-14), Gäste (max. 6)"
    )
    nights, guests = _field(form, "nächte"), _field(form, "gäste")
    assert (nights["type"], nights["min"], nights["max"]) == ("number", 1, 14)
    assert (guests["type"], guests["max"]) == ("number", 6)
    form = await generate(user, "Holiday flat enquiry: name, email, arrival, departure, nights")
    assert [_field(form, w)["type"] for w in ("arrival", "departure")] == ["date", "date"]
    form = await generate(user, "Flight quote: name, email, departure airport, departure")
    assert _field(form, "airport")["type"] == "text"  # a place, not a day


async def test_type_of_x_needed_asks_which_and_reproduce_asked_adds_no_steps(user):
    form = await generate(
        user, "Scaffold hire: name, phone, site address, start date, type of scaffold needed"
    )
    assert _field(form, "scaffold")["type"] == "text"
    form = await generate(
        user,
        "Bug report for our app: email, device, what went wrong, can you reproduce it "
        "(always, sometimes, once)",
    )
    assert _field(form, "reproduce")["options"] == ["Always", "Sometimes", "Once"]


async def test_bare_dates_of_a_stay_are_a_start_and_an_end(user):
    form = await generate(user, "Cat boarding booking: owner's name, phone, cat's name, dates")
    assert [f["type"] for f in form["fields"] if "date" in f["name"]] == ["date", "date"]
    assert "Dates" not in _labels(form)


async def test_a_long_goal_a_plural_pick_and_names_said_in_passing(user):
    form = await generate(
        user,
        "Customer onboarding questionnaire: company name, which tools do you use today "
        "(Salesforce, HubSpot, none), main goal for the first 90 days",
    )
    assert _field(form, "tools")["type"] == "multiselect"
    assert _field(form, "main goal")["label"] == "Main goal for the first 90 days"
    form = await generate(
        user, "we need a simple RSVP for our company summer party: name, will you come, dietary"
    )
    assert form["name"] == "Company Summer Party RSVP"
