"""Leads read on stop 29 (issue 20, leads round 42): a charity asking us to donate a prize or
sponsor a table and a marketplace pitching a commission-based listing scored medium and were
asked what they hoped to achieve; an Italian farm-stay owner on free mail pricing a booking
form for her site scored low. Through a published form's submission and the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import qualified


async def test_someone_asking_for_our_money_or_selling_a_listing_is_no_buyer(app, user, db):
    for email, message in (
        (
            "events@cityhospice.org",
            "We're holding a charity gala in May and wondered if you'd donate a prize or sponsor a table?",
        ),
        (
            "alex@reseller-hub.io",
            "We run a marketplace of SaaS resellers in 40 countries. Interested in listing your "
            "product? Commission-based.",
        ),
    ):
        data = {"email": email, "name": "Mary Lane", "message": message}
        qualify, deals = await qualified(app, user, db, "Contact", data)
        assert qualify["score"] == "low" and "vendor" in qualify["tags"], (message, qualify)
        assert deals == []


async def test_an_owner_abroad_pricing_a_form_for_her_business_is_a_buyer(app, user, db):
    message = (
        "Ho un piccolo agriturismo, mi serve un modulo di prenotazione per il sito. "
        "Quanto costa al mese?"
    )
    data = {"email": "lucia.ferrari@libero.it", "name": "Lucia Ferrari", "message": message}
    qualify, deals = await qualified(app, user, db, "Pricing", data)
    assert qualify["score"] == "medium", qualify
    assert deals == []
