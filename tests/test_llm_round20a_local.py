"""The local engine, round 20a (issue 20): a form whose heading says what it is never gets a
generic stock name — the trade in a chatty opening, a broken thing reported, a staff request,
a survey after a visit, the offer after marketing jargon, a table booked — through POST
/api/forms/generate; a description that says only the kind keeps its stock name."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_heading_names_the_form(user):
    for description, name in (
        (
            "hey, we're a small gutter cleaning firm and need a form for quotes: name, address",
            "Gutter Cleaning Quote",
        ),
        ("Tell us about a broken heater in your flat: flat number, phone", "Broken Heater Report"),
        ("Form for employees to book annual leave: name, team, manager", "Annual Leave Request"),
        (
            "Satisfaction survey after a visit to our showroom: rating, comments",
            "Showroom Visit Survey",
        ),
        ("Lead magnet: free website audit. Ask for name, email, website URL", "Free Website Audit"),
        ("Lead form for office cleaning: company, office size, email", "Office Cleaning Enquiry"),
        ("Book a table: name, party size, date, time, phone", "Table Booking"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_table_is_named_in_the_descriptions_language(user):
    for description, name in (
        ("Réserver une table : nom, nombre de personnes, date, heure", "Réservation de table"),
        ("Tisch reservieren: Name, Personen, Datum, Uhrzeit", "Tischreservierung"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_description_that_says_only_the_kind_keeps_its_stock_name(user):
    for description, name in (
        ("A contact form", "Contact Us"),
        ("A quote request form", "Quote Request"),
        ("We're a small design agency. Contact form: name, email, message", "Contact Us"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
