"""An owner on a free-mail address who prices a form for the one small business they run is a
buyer (issue 20, leads round 41, from the blind batch leads_ae): "what's the price for a single
booking form? I run a small dog grooming business" from hotmail scored low. Now medium, never
high or a deal without a budget; a price question that names no business stays low. Through a
published form's submission and the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import qualified


async def test_an_owner_pricing_a_form_for_their_business_is_a_buyer(app, user, db):
    for message in (
        "Hi, what's the price for a single booking form? I run a small dog grooming business.",
        "I have a small cattery and would like to know what an enquiry form costs.",
        "Quick one - what would a contact form cost per month? I run a family B&B.",
    ):
        data = {"email": "owner.mail@hotmail.com", "name": "Jess Allen", "message": message}
        qualify, deals = await qualified(app, user, db, "Contact", data)
        assert qualify["score"] == "medium", (message, qualify)
        assert deals == []


async def test_a_price_question_naming_no_business_stays_low(app, user, db):
    data = {"email": "dave.h@gmail.com", "name": "Dave Hart", "message": "What's the price?"}
    qualify, _ = await qualified(app, user, db, "Contact", data)
    assert qualify["score"] == "low", qualify


async def test_a_request_to_stop_in_any_wording_gets_no_email(app, user, db):
    for message in (
        "Merci de ne plus m'envoyer d'emails.",
        "Dejen de enviarme correos, por favor.",
        "Please don't send me any more newsletters.",
    ):
        data = {"email": "p.girard@orange.fr", "name": "Paul Girard", "message": message}
        qualify, deals = await qualified(app, user, db, "Contact", data)
        assert qualify["score"] == "low" and "opt-out" in qualify["tags"], (message, qualify)
        assert deals == []


async def test_someone_from_another_form_builder_is_a_competitor(app, user, db):
    message = "I'm a product manager at Formstack. Could you share your technical docs?"
    data = {"email": "j.park@formstack.com", "name": "Jin Park", "message": message}
    qualify, deals = await qualified(app, user, db, "Contact", data)
    assert "competitor" in qualify["tags"] and deals == []
    message = "We use Jotform today but it's too limited. Looking to switch this quarter, demo?"
    data = {"email": "ops@brightlane.co", "name": "Ana Ruiz", "message": message}
    qualify, _ = await qualified(app, user, db, "Contact", data)
    assert "competitor" not in qualify["tags"], qualify
