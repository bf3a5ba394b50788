"""Leads from the blind batch leads_q (issue 20, leads round 28), through a published
form's submission and the agent's processing: a director at a small team who says how many
and by when is a buyer without a figure yet; a German customer whose forms stopped showing
after an update is support; a Portuguese buyer's count is quoted with its rate."""

from __future__ import annotations

from tests.helpers_agents import qualified

WINERY = {
    "email": "r.costa@vinhosdouro.pt",
    "name": "Rui Costa",
    "company": "Vinhos do Douro",
    "job_title": "Diretor Comercial",
    "company_size": "11-50",
    "message": "Queremos automatizar os pedidos de provas e visitas à quinta. Temos cerca de 300 "
    "pedidos por mês e gostaríamos de começar em março.",
}


async def test_a_director_who_says_how_many_and_by_when_is_a_buyer(app, user, db):
    qualify, deals = await qualified(app, user, db, "Demo request", WINERY)
    assert qualify["score"] == "high" and len(deals) == 1, qualify
    assert "300 pedidos por mês" in qualify["reason"]


async def test_a_small_team_without_a_count_or_a_date_stays_medium(app, user, db):
    data = dict(WINERY, message="Queremos automatizar os pedidos de provas. Podem mostrar-nos?")
    qualify, deals = await qualified(app, user, db, "Demo request", data)
    assert qualify["score"] == "medium" and deals == [], qualify


async def test_a_customer_whose_forms_stopped_after_an_update_is_support(app, user, db):
    data = {
        "email": "anna@kleinmoebel.de",
        "name": "Anna Klein",
        "company": "Klein Möbel",
        "message": "Seit dem letzten Update werden unsere Formulare nicht mehr angezeigt. Wir "
        "sind Kunde seit 2024. Bitte um schnelle Hilfe.",
    }
    qualify, deals = await qualified(app, user, db, "Contact us", data)
    assert qualify["score"] == "low" and "support" in qualify["tags"], qualify
    assert deals == []


async def test_a_paid_listing_and_a_wrong_invoice_are_no_buyers(app, user, db):
    for kind, email, message in (
        (
            "vendor",
            "partners@leadboost.io",
            "We'd love to list you on our marketplace of marketing tools - 20k monthly "
            "visitors. Interested in a listing package?",
        ),
        (
            "support",
            "billing@oakfurniture.co.uk",
            "We were charged for 12 seats but only have 8 users. Can you fix the invoice?",
        ),
    ):
        data = {"email": email, "name": "Sam Oak", "message": message}
        qualify, deals = await qualified(app, user, db, "Contact us", data)
        assert qualify["score"] == "low" and kind in qualify["tags"], (message, qualify)
        assert deals == []


async def test_a_budget_and_a_deadline_are_quoted_whole(app, user, db):
    data = {
        "email": "cfo@northwindhealth.com",
        "name": "Daniel Ross",
        "company": "Northwind Health",
        "message": "Need pricing for 25 clinics, budget around $40k a year, decision soon.",
    }
    qualify, _ = await qualified(app, user, db, "Pricing request", data)
    assert "budget around $40k a year)" in qualify["reason"], qualify["reason"]
    data = {
        "email": "j.fischer@fischer-bau.de",
        "name": "Jonas Fischer",
        "message": "Wir sind ein Startup mit 6 Leuten und suchen ein Tool für Kontaktformulare. "
        "Budget 50 Euro im Monat.",
    }
    qualify, _ = await qualified(app, user, db, "Demo request", data)
    assert "budget 50 euro im monat" in qualify["reason"], qualify["reason"]
    data = {
        "email": "m.garcia@constructora-garcia.es",
        "name": "Miguel García",
        "company": "Constructora García",
        "message": "Necesitamos un sistema para las solicitudes de presupuesto de nuestras 4 "
        "delegaciones. ¿Pueden enviarnos una propuesta antes de fin de mes?",
    }
    qualify, _ = await qualified(app, user, db, "Contact us", data)
    assert "timeline: antes de fin de mes;" in qualify["reason"], qualify["reason"]
