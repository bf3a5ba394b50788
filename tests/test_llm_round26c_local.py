"""The local engine, round 26c (issue 20): what the form cannot work without is required
(an existing customer's reference, the pet or vehicle booked, the only way back on a
request) and no stock field is added beside a list that says what it wants, through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _required(config: dict) -> dict:
    return {f["label"]: f["required"] for f in config["fields"]}


async def test_an_existing_customers_reference_is_required(user):
    for description, label in (
        ("Refund request: order number, email, reason for the refund", "Order number"),
        ("Solicitud de reembolso: número de pedido, correo, motivo", "Número de pedido"),
        ("Rücksendeformular: Bestellnummer, Name, E-Mail, Grund der Rücksendung", "Bestellnummer"),
    ):
        config, _ = await generated(user, description)
        assert _required(config).get(label) is True, (description, _required(config))


async def test_the_pet_or_vehicle_booked_is_required(user):
    for description, label in (
        ("Dog grooming booking: owner name, phone, dog's name, breed", "Dog's name"),
        ("Werkstatt Terminanfrage: Name, Telefon, Kennzeichen, gewünschter Termin", "Kennzeichen"),
    ):
        config, _ = await generated(user, description)
        assert _required(config).get(label) is True, (description, _required(config))


async def test_the_only_way_back_on_a_feature_request_is_required(user):
    config, _ = await generated(
        user, "Feature request form for our customers: their email, which feature, why"
    )
    assert [f["required"] for f in config["fields"] if f["type"] == "email"] == [True]


async def test_an_rsvp_gets_no_email_it_did_not_ask_for(user):
    config, _ = await generated(
        user, "Wedding RSVP: name, attending (yes/no), plus one, dietary requirements"
    )
    assert not [f for f in config["fields"] if f["type"] == "email"]


async def test_what_is_said_optional_stays_optional(user):
    for description, label in (
        ("Returns form: order number (if you remember), email, item, reason", "Order number"),
        ("Vereinsanmeldung: Name, E-Mail, Mitgliedsnummer (falls vorhanden)", "Mitgliedsnummer"),
    ):
        config, _ = await generated(user, description)
        assert _required(config).get(label) is False, (description, _required(config))


async def test_a_quote_request_keeps_its_question(user):
    config, _ = await generated(user, "Quote request for garden landscaping: name, phone, postcode")
    assert any(f["name"] == "requirements" for f in config["fields"])
