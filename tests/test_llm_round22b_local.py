"""The local engine, round 22b (issue 20): each listed item gets the kind of answer it asks
for — an amount needed or wanted is a number, a count of people attending a number, a
document handed over an upload, availability or support offered as a list several answers —
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _kind(config: dict, word: str) -> str:
    return next(f["type"] for f in config["fields"] if word in f["label"].lower())


async def test_an_amount_wanted_is_a_number_a_need_asked_stays_yes_or_no(user):
    config, _ = await generated(
        user, "B&B booking: name, email, arrival date, nights wanted, parking needed?"
    )
    assert _kind(config, "nights") == "number"
    parking = next(f for f in config["fields"] if "parking" in f["label"].lower())
    assert parking["options"] == ["Yes", "No"]
    config, _ = await generated(user, "Reserva: nombre, correo, noches deseadas")
    assert _kind(config, "noches") == "number"


async def test_a_count_of_people_attending_is_a_number(user):
    config, _ = await generated(user, "Wedding RSVP: name, email, number attending")
    assert _kind(config, "attending") == "number"


async def test_a_document_handed_over_is_an_upload_its_number_is_not(user):
    config, _ = await generated(user, "Supplier query: company name, email, invoice, amount")
    assert _kind(config, "invoice") == "file"
    config, _ = await generated(user, "Reklamation: Name, E-Mail, Bestellnummer, Rechnung")
    assert _kind(config, "rechnung") == "file"
    config, _ = await generated(user, "Accounts enquiry: name, email, invoice number")
    assert _kind(config, "invoice") != "file"


async def test_availability_takes_several_answers_a_single_pick_stays_one(user):
    config, _ = await generated(
        user, "Dog walker sign-up: name, phone, availability (mornings, afternoons, weekends)"
    )
    assert _kind(config, "availability") == "multiselect"
    config, _ = await generated(
        user, "Farm shop click & collect: name, phone, preferred day (Sat, Sun)"
    )
    assert _kind(config, "preferred day") in ("select", "radio")
