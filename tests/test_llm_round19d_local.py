"""The local engine, round 19d (issue 20): a heading written as sentences, in any of the five
languages, gives the form its name and its kind — "Somos un taller de bicicletas. Formulario
de reserva: …", "We fix laptops. Repair request form: …", "Anmeldung für unseren Kochkurs",
"Partnership form for Instagram creators" — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_foreign_business_sentence_names_the_form_in_its_language(user):
    for description, name in (
        (
            "Somos un taller de bicicletas. Formulario de reserva: nombre, teléfono, fecha",
            "Reserva de reparación de bicicletas",
        ),
        (
            "Nous vendons des bougies artisanales. Formulaire de commande : nom, email, parfum",
            "Commande de bougies artisanales",
        ),
        (
            "Wir reparieren Fahrräder. Buchungsformular: Name, Telefon, Wunschtermin",
            "Fahrradreparatur – Buchung",
        ),
        (
            "Para nuestra escuela de idiomas, un formulario de inscripción: nombre, email, nivel",
            "Inscripción en la escuela de idiomas",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_a_repair_trade_names_its_support_form(user):
    config, _ = await generated(
        user, "We fix laptops. Repair request form: name, email, laptop model"
    )
    assert config["name"] == "Laptop Repair Request"


async def test_a_course_registration_is_an_enrolment_not_a_booking(user):
    config, _ = await generated(user, "Anmeldung für unseren Kochkurs: Name, E-Mail, Termin")
    assert config["name"] == "Anmeldung zum Kochkurs"
    assert config["flow_id"] == "direct_route"
    assert config["response"]["thank_you_message"].startswith("Danke für Ihre Anmeldung")


async def test_a_creator_collaboration_is_no_b2b_partnership(user):
    config, _ = await generated(user, "Partnership form for Instagram creators")
    assert config["name"] == "Creator Collaboration"
    assert config["flow_id"] == "direct_route"
    labels = [f["label"] for f in config["fields"]]
    assert "How can we help?" not in labels and "Company" not in labels
    assert "Tell us about your content and audience" in labels


async def test_good_headings_and_b2b_partners_stay(user):
    for description, name in (
        (
            "Partnership form for software resellers: company, website, region",
            "Partnership Inquiry",
        ),
        # named for the business, as the English ones are (round 31b)
        (
            "Wir sind ein Steuerbüro. Kontaktformular: Name, E-Mail, Anliegen",
            "Kontakt – Steuerbüro",
        ),
        (
            "We repair sewing machines. Booking form: name, phone, fault",
            "Sewing Machine Repair Booking",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description
