"""The local engine, round 13e (issue 20): bracketed answers stay on their noun (a multiselect
where several apply, never a field named "Choice"); "a ou b" keeps the marketer's language;
a franchise or sample enquiry is named for itself, not "Pricing Request"; service plans
are sales, staff forms are internal, trade emergencies are routed; a rating asked as a
question names what is rated — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_bracketed_answers_belong_to_their_noun_and_several_may_apply(user):
    config, fields = await generated(
        user,
        "IT security assessment enquiry: company, email, certifications you need "
        "(ISO 27001, SOC 2, Cyber Essentials), number of staff.",
    )
    assert not any(f["label"] == "Choice" or f["name"] == "choice" for f in config["fields"])
    wanted = next(f for f in config["fields"] if "certification" in f["name"])
    assert wanted["type"] == "multiselect"
    assert wanted["options"] == ["ISO 27001", "SOC 2", "Cyber Essentials"]
    _, fields = await generated(
        user, "Bike fitting booking: name, email, bike type (road, gravel, mountain), date."
    )
    assert fields["bike_type"]["type"] == "select"  # one bike: one answer
    _, fields = await generated(
        user, "Market stall application: name, email, days you want (Saturday, Sunday or both)."
    )
    days = next(f for f in fields.values() if f.get("options"))
    assert days["type"] == "select"  # "both" is an answer: one choice


async def test_a_foreign_a_or_b_item_keeps_the_marketers_words(user):
    config, _ = await generated(
        user, "Réservation de table : nom, e-mail, date, intérieur ou terrasse, nombre de personnes"
    )
    choice = next(f for f in config["fields"] if f["type"] == "select")
    assert choice["label"] == "Intérieur ou terrasse"
    assert choice["options"] == ["Intérieur", "Terrasse"]
    config, _ = await generated(
        user, "Reifenwechsel-Termin: Name, Telefon, Kennzeichen, Sommerreifen oder Winterreifen"
    )
    assert "Sommerreifen oder Winterreifen" in [f["label"] for f in config["fields"]]


async def test_a_franchise_or_sample_enquiry_is_named_for_itself(user):
    config, _ = await generated(
        user, "Franchise enquiry: name, email, region, investment budget, retail experience"
    )
    labels = [f["label"] for f in config["fields"]]
    assert config["name"] == "Franchise Enquiry"
    assert "What do you need a quote for?" not in labels and "Anything else?" in labels
    config, _ = await generated(
        user, "Solicitud de muestras: nombre, correo, empresa, dirección de envío"
    )
    assert config["name"] == "Solicitud de muestras"
    # round 24c: a listed sample request gets no unasked open box ("¿Algo más?")
    assert "¿Algo más?" not in [f["label"] for f in config["fields"]]


async def test_service_plans_are_sales_staff_forms_internal_emergencies_routed(user):
    plan, _ = await generated(
        user, "Contact us for a gutter cleaning plan: name, email, phone, address"
    )
    assert plan["flow_id"] == "sales_lead"
    staff, _ = await generated(
        user, "Onboarding checklist for HR: employee name, start date, manager, desk needed"
    )
    assert staff["flow_id"] == "notify_only" and staff["name"] == "Internal Request"
    emergency, _ = await generated(
        user, "Locked out? Emergency locksmith callback: name, phone, address"
    )
    assert emergency["flow_id"] in ("direct_route", "sales_lead")


async def test_a_rating_question_names_what_is_rated(user):
    _, fields = await generated(
        user, "Tasting feedback: email, how would you rate it 1-5, what would you change"
    )
    rating = next(f for f in fields.values() if f["type"] == "number")
    assert rating["label"] == "How would you rate it?"
    assert (rating["min"], rating["max"]) == (1, 5)
    config, _ = await generated(
        user, "Encuesta tras el taller: nombre, ¿cómo valoraría al profesor del 1 al 10?, ideas"
    )
    rating = next(f for f in config["fields"] if f["type"] == "number")
    assert rating["label"] == "¿Cómo valoraría al profesor?"
    assert (rating["min"], rating["max"]) == (1, 10)
