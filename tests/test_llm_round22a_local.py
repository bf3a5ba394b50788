"""The local engine, round 22a (issue 20): a heading that says what the form is about in the
kind's own words names the form by that subject — "Boiler repair callback", "Complaint about a
taxi driver", "Request a quote for garden landscaping", "Angebot für Dachreinigung anfordern" —
while a heading that is only the kind keeps the stock name, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_noun_phrase_ending_with_the_kind_is_the_name(user):
    for description, name in (
        ("Boiler repair callback: name, phone, best time to call", "Boiler Repair Callback"),
        ("Allotment waiting list: name, address, email, plot size", "Allotment Waiting List"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_the_kind_said_first_names_its_subject(user):
    for description, name in (
        ("Complaint about a taxi driver: name, email, taxi number", "Taxi Driver Complaint"),
        (
            "Request a quote for garden landscaping: name, email, garden size",
            "Garden Landscaping Quote",
        ),
        ("Ask for a callback about your pension: name, phone, best time", "Pension Callback"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_a_foreign_request_is_named_in_its_language(user):
    for description, name in (
        (
            "Angebot für Dachreinigung anfordern: Name, E-Mail, Dachfläche",
            "Dachreinigung – Angebot",
        ),
        (
            "Solicitar presupuesto para reforma de baño: nombre, email, metros",
            "Presupuesto de reforma de baño",
        ),
        (
            "Demander un devis pour une cuisine sur mesure: nom, email",
            "Devis de cuisine sur mesure",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_a_heading_that_is_only_the_kind_keeps_its_stock_name(user):
    for description, name in (
        ("Complaint form: name, email, complaint", "Complaint"),
        ("Request a callback: name, phone, best time", "Callback Request"),
        ("Join our waiting list: name, email", "Waitlist Signup"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_the_flow_and_fields_stay_as_they_were(user):
    config, _ = await generated(user, "Complaint about a taxi driver: name, email, taxi number")
    assert config["flow_id"] == "support_triage"
    assert [f["name"] for f in config["fields"]][:2] == ["name", "email"]
