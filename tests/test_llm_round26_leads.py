"""Vendors, students and foreign-language buyers read for what they are (issue 20, leads
round 26): "we help startups 2x their …" and "podemos colocar a sua empresa no topo" are
pitches; a students.* address is a student; "¿Nos pueden llamar esta semana?" is a buyer's
timeline; a buyer who describes their own business with "we help" stays a buyer. Through a
published form's submission and the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import qualified


async def test_pitches_in_any_language_and_students_are_not_buyers(app, user, db):
    for kind, email, message in (
        (
            "vendor",
            "nina@pipelinepros.co",
            "We help B2B startups 2x their meetings. Worth a 10-minute chat?",
        ),
        ("vendor", "info@webtop.pt", "Podemos colocar a sua empresa no topo do Google em 30 dias."),
        (
            "vendor",
            "contact@croissance.fr",
            "Nous pouvons doubler vos demandes entrantes. Un appel ?",
        ),
        ("student", "anna.berg@students.uu.se", "Could I get a trial for a class project?"),
    ):
        data = {"email": email, "name": "Ana Lee", "message": message}
        qualify, deals = await qualified(app, user, db, "Demo request", data)
        assert qualify["score"] == "low" and kind in qualify["tags"], (message, qualify)
        assert "not a buyer" in qualify["reason"] and deals == []


async def test_a_buyer_saying_we_help_or_this_week_stays_a_buyer(app, user, db):
    for message in (
        "We help families keep their teeth healthy across 6 clinics. We need one booking form "
        "per clinic before we open the seventh in March.",
        "Tenemos una clínica dental con 3 sedes y queremos automatizar las solicitudes de cita. "
        "¿Nos pueden llamar esta semana?",
    ):
        data = {
            "email": "ops@brightsmile-dental.com",
            "name": "Maya Chen",
            "company": "BrightSmile Dental",
            "message": message,
        }
        qualify, _ = await qualified(app, user, db, "Demo request", data)
        assert qualify["score"] in ("medium", "high"), (message, qualify)
        assert "not-a-buyer" not in qualify["tags"], qualify
