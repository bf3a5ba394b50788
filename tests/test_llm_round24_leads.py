"""Non-buyers read for what they are (issue 20, leads round 24): an existing customer whose
embedded form broke, a studio quoting its packages, a round-up for a magazine issue and an
opt-out in German or Portuguese get no deal and the right tag; a customer adding seats
stays a buyer. Through a published form's submission and the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import qualified


async def test_support_pitches_round_ups_and_opt_outs_are_not_buyers(app, user, db):
    for kind, message in (
        ("support", "We use your forms for bookings and the embedded form stopped showing today."),
        (
            "vendor",
            "We'd love to produce a brand film for your website. Our packages start at £900.",
        ),
        ("press", "We're compiling a round-up of lead tools for our spring issue."),
        ("opt-out", "Bitte löschen Sie mich aus Ihrem Verteiler, ich habe mich nie angemeldet."),
        ("opt-out", "Removam-me da vossa lista, nunca me inscrevi."),
    ):
        data = {
            "email": f"{kind}.{len(message)}@harbourlane.com",
            "name": "Ana Lee",
            "company": "Harbour Lane",
            "message": message,
        }
        qualify, deals = await qualified(app, user, db, "Demo request", data)
        assert qualify["score"] in ("low", "medium") and kind in qualify["tags"], (message, qualify)
        assert "not a buyer" in qualify["reason"] and deals == []


async def test_a_customer_adding_seats_stays_a_buyer(app, user, db):
    data = {
        "email": "ops@harbourhomes.com",
        "name": "Leo Grant",
        "company": "Harbour Homes",
        "job_title": "Head of Operations",
        "company_size": "51-200",
        "message": "We already use your forms in one office and want to add 30 more seats for "
        "the other four offices this quarter.",
    }
    qualify, deals = await qualified(app, user, db, "Demo request", data)
    assert qualify["score"] == "high" and "support" not in qualify["tags"], qualify
    assert len(deals) == 1
