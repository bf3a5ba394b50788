"""The local engine, round 27b (issue 20): an item's answers are shaped as a person expects
them — a bare "red/white/mixed" is its own choice, labelled by what the answers are; an
emergency contact's number is a phone in any language; "would you recommend us" is a yes/no
question; a relative clause reads as a label — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, label: str) -> dict:
    return next(f for f in config["fields"] if f["label"] == label)


async def test_a_bare_answer_list_is_its_own_choice(user):
    config, _ = await generated(
        user, "Wine club order: name, email, delivery address, red/white/mixed, bottles per case"
    )
    assert _field(config, "Delivery address")["type"] != "select"
    assert _field(config, "Wine preference")["options"] == ["Red", "White", "Mixed"]
    config, _ = await generated(
        user, "Anmeldung Sommerfest: Name, E-Mail, vegetarisch/Fleisch/Fisch, Anzahl Personen"
    )
    assert _field(config, "Menüwahl")["type"] == "select"


async def test_answers_after_their_noun_stay_on_it(user):
    config, _ = await generated(user, "Order form: name, email, size (S/M/L), colour")
    assert _field(config, "Size")["options"] == ["S", "M", "L"]
    config, _ = await generated(
        user, "Staff hoodie order: name, department, hoodie size, XS/S/M/L/XL, colour"
    )
    assert [f["label"] for f in config["fields"]].count("Size") == 0
    assert len([f for f in config["fields"] if "size" in f["name"]]) == 1


async def test_an_emergency_number_is_a_phone_in_any_language(user):
    for description in (
        "Mitarbeiterdaten: Name, E-Mail, Notfallnummer, Abteilung",
        "Fiche d'inscription : nom de l'enfant, e-mail, numéro d'urgence, allergies",
        "Ficha de inscrição: nome da criança, email, contacto de emergência, alergias",
    ):
        config, _ = await generated(user, description)
        assert any(f["type"] == "phone" and f["name"] != "phone" for f in config["fields"]), (
            description
        )


async def test_would_you_recommend_is_yes_or_no_how_likely_is_a_score(user):
    config, _ = await generated(
        user, "Clinic feedback: how would you rate your visit (1-5), would you recommend us"
    )
    assert _field(config, "Would you recommend us?")["options"] == ["Yes", "No"]
    assert _field(config, "Visit rating")["max"] == 5
    config, _ = await generated(
        user, "Software feedback: how likely are you to recommend us (0-10), what to improve"
    )
    assert any(f["type"] == "number" and f["max"] == 10 for f in config["fields"])


async def test_a_relative_clause_reads_as_a_label(user):
    config, _ = await generated(
        user, "Kitchen design enquiry: name, email, style they like (modern, shaker), budget"
    )
    assert _field(config, "Preferred style")["type"] == "select"
    config, _ = await generated(user, "Hair salon booking: name, phone, stylist they prefer")
    assert _field(config, "Preferred stylist")
