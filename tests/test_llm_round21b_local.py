"""The local engine, round 21b (issue 20): a form described in es/fr/de/pt is the kind its
heading names — a staff request, a parent's permission slip, a request for information, a
bare registration, a survey — with that kind's flow, name and thank-you in the form's
language, through POST /api/forms/generate. A quote, a booking and a newsletter stay."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_staff_request_is_an_internal_request_not_a_sale(user):
    config, _ = await generated(
        user,
        "Solicitud interna de material de oficina: nombre, departamento, artículos, cantidad",
    )
    assert config["flow_id"] == "notify_only"
    assert config["name"] == "Solicitud interna de material de oficina"
    assert "registrada" in config["response"]["thank_you_message"]
    assert "presupuesto" not in config["response"]["thank_you_message"]


async def test_a_german_staff_request_is_read_in_german(user):
    config, _ = await generated(
        user, "Interner Antrag auf Weiterbildung: Name, Abteilung, Kursname, Kosten, Begründung"
    )
    assert config["flow_id"] == "notify_only"
    assert config["fields"][0]["label"] == "Name"
    assert "erfasst" in config["response"]["thank_you_message"]


async def test_a_permission_slip_is_a_consent_form_never_a_booking(user):
    config, _ = await generated(
        user,
        "Autorisation parentale pour la sortie scolaire au musée : nom de l'élève, classe, "
        "nom du parent, téléphone en cas d'urgence",
    )
    assert config["flow_id"] == "direct_route"
    assert config["name"] == "Autorisation parentale pour la sortie scolaire au musée"
    assert (
        config["response"]["thank_you_message"] == "Merci : nous avons bien reçu votre formulaire."
    )
    assert "booking link" not in config["agent"]["instructions"]


async def test_an_information_request_is_no_price_request(user):
    config, _ = await generated(
        user,
        "Solicitud de información sobre el máster en marketing digital: nombre, email, teléfono",
    )
    assert config["flow_id"] == "direct_route"
    assert config["name"].startswith("Solicitud de información")
    assert "presupuesto" not in config["response"]["thank_you_message"]


async def test_a_bare_registration_is_no_newsletter(user):
    config, _ = await generated(user, "Anmeldung: Name, Verein, Startnummer, Altersklasse, E-Mail")
    assert config["flow_id"] == "direct_route"
    assert "Newsletter" not in config["name"]


async def test_a_survey_is_thanked_as_a_survey(user):
    config, _ = await generated(
        user, "Umfrage zu unserem neuen Angebot: Name, wie gefällt es Ihnen, Vorschläge"
    )
    assert config["flow_id"] == "notify_only"
    assert config["name"] == "Umfrage zu unserem neuen Angebot"
    assert "Feedback" in config["response"]["thank_you_message"]


async def test_quotes_bookings_and_newsletters_stay(user):
    for description, flow in (
        ("Demande de devis pour un site web : nom, entreprise, email, budget", "sales_lead"),
        ("Reserva de mesa para el sábado: nombre, número de personas, hora", "booking_request"),
        ("Newsletter-Anmeldung: Name, E-Mail", "email_marketing"),
        ("Anmeldung: Name, E-Mail", "email_marketing"),
    ):
        config, _ = await generated(user, description)
        assert config["flow_id"] == flow, description
