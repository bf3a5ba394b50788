"""Leads read on stop 30 (issue 20, leads round 43): an investor asking "are you raising?" was
scored low but answered as an ordinary enquiry, with nobody told; a buyer's "30-person
architecture firm" was said back as "a 30-person". Through a published form's submission and
the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import (
    emails_for,
    make_agent_form,
    qualified,
    submission,
    submit_and_process,
)


async def test_an_investor_is_thanked_and_passed_to_the_founders_not_sold_to(app, user, db):
    data = {
        "email": "partners@growthfund.vc",
        "name": "Alex Rhee",
        "message": "We invest in seed-stage SaaS and love what you're building. Are you raising?",
    }
    form = await make_agent_form(user, name="Contact")
    sid = await submit_and_process(app, user, form["id"], data)
    steps = [a["details"] for a in (await submission(db, sid))["actions"]]
    qualify = next(d for d in steps if d.get("action") == "qualify_lead")
    assert qualify["score"] == "low" and "investor" in qualify["tags"], qualify
    assert any(d.get("action") == "escalate" and "founders" in str(d) for d in steps), steps
    bodies = " ".join(e["body_text"] for e in await emails_for(db, sid))
    assert "passed your message to our founders" in bodies
    assert "pricing" not in bodies.lower()


async def test_a_firm_that_invests_its_own_money_in_our_product_is_still_a_buyer(app, user, db):
    data = {
        "email": "ops@finlay-partners.com",
        "name": "Ruth Finlay",
        "company_size": "51-200",
        "message": "We're an investment firm and need to replace our client onboarding forms "
        "across 4 offices before March.",
    }
    qualify, deals = await qualified(app, user, db, "Demo", data)
    assert qualify["score"] == "high" and "investor" not in qualify["tags"], qualify
    assert len(deals) == 1


async def test_a_firms_size_is_said_back_with_its_describing_word(app, user, db):
    data = {
        "email": "nina.p@gmail.com",
        "name": "Nina Patel",
        "message": "I run marketing for a 30-person architecture firm and we're looking to "
        "replace our contact forms. Could you send pricing? We'd like something live next month.",
    }
    form = await make_agent_form(user, name="Contact")
    sid = await submit_and_process(app, user, form["id"], data)
    bodies = " ".join(e["body_text"] for e in await emails_for(db, sid))
    assert "a 30-person architecture firm" in bodies, bodies


async def test_a_customer_speaking_of_her_own_account_goes_to_support(app, user, db):
    for message in (
        "We bought the Pro plan last month. How do I change the logo on our forms?",
        "Please cancel our subscription at the end of this month.",
        "I forgot my password and the reset email never arrives.",
    ):
        data = {"email": "amy@brightsmile.com", "name": "Amy Lee", "message": message}
        qualify, deals = await qualified(app, user, db, "Contact", data)
        assert qualify["score"] == "low" and "support" in qualify["tags"], (message, qualify)
        assert deals == []


async def test_a_buyer_cancelling_another_tool_to_move_to_us_is_still_a_buyer(app, user, db):
    data = {
        "email": "raj@kettle.io",
        "name": "Raj Mehta",
        "company_size": "11-50",
        "message": "We're cancelling our Typeform subscription and moving to you next month. "
        "20 forms. Can we get the Team plan?",
    }
    qualify, _ = await qualified(app, user, db, "Pricing", data)
    assert qualify["score"] in ("high", "medium") and "support" not in qualify["tags"], qualify
