"""The size of a buyer read from what they write (round 39c): an agency that counts its
client sites and asks reseller pricing with a timeline is a buyer to call, not a small team
held at medium nor a partnership to route; a freelancer's "10-15 client sites" is said back
whole; a rival building the same kind of tool and a recruiter offering profiles carry the tag
a salesperson filters on. Through a published form's submission and the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import emails_for, make_agent_form, qualified, submit_and_process


async def test_an_agency_counting_its_client_sites_is_a_buyer(app, user, db):
    data = {
        "email": "tom@brightpixel.agency",
        "name": "Tom Reyes",
        "company": "Bright Pixel",
        "company_size": "11-50",
        "message": "We're an agency with about 30 client sites. Do you have reseller or agency "
        "pricing? We'd move all of them over this quarter.",
    }
    qualify, deals = await qualified(app, user, db, "Pricing request", data)
    assert qualify["score"] == "high" and "partner-enquiry" not in qualify["tags"], qualify
    assert deals


async def test_a_freelancers_range_of_client_sites_is_said_back_whole(app, user, db):
    data = {
        "email": "mike.dev@gmail.com",
        "name": "Mike Dunn",
        "message": "I'm a freelancer building sites for clients. Do you have an agency plan? "
        "I'd need it for 10-15 client sites.",
    }
    qualify, deals = await qualified(app, user, db, "Pricing request", data)
    assert qualify["score"] == "medium" and deals == [], qualify
    form = await make_agent_form(user, name="Pricing request")
    sid = await submit_and_process(app, user, form["id"], {**data, "email": "mike.d@gmail.com"})
    body = (await emails_for(db, sid))[0]["body_text"]
    assert "10-15 client sites" in body and "a 10-15" not in body, body


async def test_a_rival_and_a_recruiter_are_tagged(app, user, db):
    rival = {
        "email": "dev@formlyhq.com",
        "name": "Sam Reyes",
        "message": "We're building a form tool ourselves. Curious how you handle spam filtering "
        "and what your rate limits look like?",
    }
    qualify, deals = await qualified(app, user, db, "Contact", rival)
    assert qualify["score"] == "low" and "competitor" in qualify["tags"] and deals == []
    recruiter = {
        "email": "anna@techtalent.io",
        "name": "Anna Brooks",
        "message": "We place senior SaaS engineers within 3 weeks. Would you be open to seeing "
        "a few profiles?",
    }
    qualify, deals = await qualified(app, user, db, "Contact", recruiter)
    assert qualify["score"] == "low" and "vendor" in qualify["tags"] and deals == []


async def test_an_italian_lead_is_answered_in_italian_in_their_own_words(app, user, db):
    data = {
        "email": "m.rossi@gruppoalfa.it",
        "name": "Marco Rossi",
        "company": "Gruppo Alfa",
        "job_title": "CMO",
        "company_size": "201-1000",
        "message": "Stiamo cercando una soluzione per gestire i lead da 8 siti web. Budget "
        "approvato, vorremmo iniziare entro marzo.",
    }
    form = await make_agent_form(user, name="Demo request")
    sid = await submit_and_process(app, user, form["id"], data)
    body = (await emails_for(db, sid))[0]["body_text"]
    assert body.startswith("Gentile Marco"), body  # answered in Italian (round 41c)
    assert "8 siti" in body and "entro marzo" in body and "“" not in body, body
