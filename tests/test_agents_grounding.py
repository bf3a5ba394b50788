"""The grounding rule (issue 20): an agent's message states only facts from the
submission, contact, company or instructions; numbers as given; no marketing
without consent. End to end through the public submission endpoint."""

from __future__ import annotations

import re

from app.db import loads
from app.services.llm.grounding import ungrounded_facts
from tests.helpers_agents import (
    emails_for,
    make_agent_form,
    submission,
    submit_and_process,
)

CFO = {
    "email": "maria.keller@northwind-logistics.com",
    "name": "Maria Keller",
    "company": "Northwind Logistics",
    "job_title": "CFO",
    "company_size": "201-1000",
    "message": "We're a 500-person group consolidating 12 entities. Looking at a Q3 rollout.",
}


async def _agent_emails(db, sid):
    return [e for e in await emails_for(db, sid) if loads(e["related"], {}).get("action")]


async def _plan(db, sid):
    return loads(
        (await db.fetchone("SELECT plan FROM agent_runs WHERE submission_id = ?", (sid,)))["plan"],
        None,
    )


async def test_the_cfo_email_quotes_what_she_wrote_and_invents_nothing(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO)
    assert (await submission(db, sid))["status"] == "processed"
    [mail] = await _agent_emails(db, sid)
    body = mail["body_text"]
    assert "201-1000" in body  # a range stays a range
    assert "500-person group" in body and "12 entities" in body and "Q3 rollout" in body
    assert "600" not in body and "about 6" not in body and "team of about" not in body
    given = " ".join(CFO.values())
    assert all(n in given for n in re.findall(r"\d+", body))
    reasoning = (await _plan(db, sid))["reasoning"]
    assert "Fields used:" in reasoning and "company_size" in reasoning and "message" in reasoning
    assert await db.fetchall("SELECT id FROM deals") != []


async def test_a_gmail_visitor_without_consent_gets_no_marketing_promise(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(
        app, user, form["id"], {"email": "sam.lee@gmail.com", "message": "what do you do?"}
    )
    [mail] = await _agent_emails(db, sid)
    body = mail["body_text"].lower()
    assert "thank you for getting in touch" in body
    assert not re.search(r"guides|newsletter|from time to time|updates", body)
    assert await db.fetchall("SELECT id FROM enrollments") == []
    assert await db.fetchall("SELECT id FROM deals") == []
    assert "No marketing consent" in (await _plan(db, sid))["reasoning"]


async def test_a_request_to_stop_emailing_gets_no_email_and_goes_to_a_human(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(
        app,
        user,
        form["id"],
        {"email": "d.murphy@acmeplumbing.ie", "message": "Please remove me from your list."},
    )
    assert await _agent_emails(db, sid) == []
    assert (await submission(db, sid))["status"] == "needs_human_review"
    assert await db.fetchall("SELECT id FROM deals") == []


def test_the_validator_finds_invented_numbers_and_accepts_quoted_ones():
    context = {"submission": {"id": "sub_12", "data": CFO}, "instructions": "Offer a 30-day pilot."}
    plan = {
        "actions": [
            {"action": "qualify_lead", "details": {"score": "high", "reason": "about 600 people"}},
            {"action": "send_email", "details": {"subject": "Hi", "body": "A team of about 600?"}},
            {
                "action": "send_email",
                "details": {"subject": "Hi", "body": "201-1000, a 30-day pilot"},
            },
            {"action": "respond_direct", "details": {"message": "Reference sub 12 in 2026"}},
        ]
    }
    assert ungrounded_facts(plan, context) == [
        {"index": 1, "action": "send_email", "numbers": ["600"], "dates": [], "names": []},
        {"index": 3, "action": "respond_direct", "numbers": ["2026"], "dates": [], "names": []},
    ]


def test_a_firm_named_in_capitals_is_a_name_the_inputs_must_hold():
    context = {"submission": {"id": "sub_12", "data": CFO}, "instructions": ""}
    body = "Teams like yours, including Deloitte and KPMG, use our API and SSO. Shall we talk?"
    plan = {"actions": [{"action": "send_email", "details": {"subject": "Hi", "body": body}}]}
    assert ungrounded_facts(plan, context) == [
        {
            "index": 0,
            "action": "send_email",
            "numbers": [],
            "dates": [],
            "names": ["KPMG", "Deloitte"],
        }
    ]
    plan["actions"][0]["details"]["body"] = "Our API and SSO work for your team. Shall we talk?"
    assert ungrounded_facts(plan, context) == []


async def test_an_opt_in_ticked_before_counts_as_consent_later(app, user, db):
    opt_in = {"name": "newsletter_opt_in", "type": "checkbox", "label": "Send me product news"}
    first = await make_agent_form(user, name="Guide form", extra_fields=[opt_in])
    second = await make_agent_form(user, name="Demo form")
    visitor = {"email": "sam.lee@gmail.com", "message": "what do you do?"}
    await submit_and_process(app, user, first["id"], {**visitor, "newsletter_opt_in": True})
    sid = await submit_and_process(app, user, second["id"], visitor)
    [mail] = await _agent_emails(db, sid)
    assert "as you agreed" in mail["body_text"]
    assert "No marketing consent" not in (await _plan(db, sid))["reasoning"]


async def test_the_reply_quotes_volumes_timeline_and_pain_whole(app, user, db):
    # The cut phrases once sent: "we noted 14 intake forms across, live by, 15 March".
    form = await make_agent_form(user)
    sid = await submit_and_process(
        app,
        user,
        form["id"],
        {
            "email": "r.hughes@kestrelfreight.com",
            "name": "Rachel Hughes",
            "company": "Kestrel Freight",
            "company_size": "201-1000",
            "message": "We lose bookings between the depots and the call centre. "
            "About 14 intake forms, and we want to go live by 15 March.",
        },
    )
    [mail] = await _agent_emails(db, sid)
    body = mail["body_text"]
    assert "14 intake forms" in body and "your timeline (by 15 March)" in body
    assert "You told us you are losing bookings between the depots and the call centre." in body
    assert not re.search(r"\b(?:across|by|our|the)[,.]", body)
    assert mail["subject"] == "Your enquiry, Rachel"
    reason = (await _plan(db, sid))["reasoning"]
    assert "timeline: by 15 March" in reason and "volume: about 14 intake forms" in reason


async def test_a_lead_who_writes_in_french_is_answered_in_french(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(
        app,
        user,
        form["id"],
        {
            "email": "a.fontaine@groupe-alize.fr",
            "name": "Antoine Fontaine",
            "company": "Groupe Alizé",
            "company_size": "201-1000",
            "message": "Nous avons 12 agences et nous perdons des demandes entre le site et le "
            "CRM. Nous voulons démarrer le mois prochain.",
        },
    )
    [mail] = await _agent_emails(db, sid)
    body = mail["body_text"]
    assert body.startswith("Bonjour Antoine,") and "Cordialement" in body
    assert "201-1000" in body and "12 agences" in body
    assert not re.search(r"\b(?:Thank|You|We|the)\b", body)  # no English sentence left
    given = "Nous avons 12 agences 201-1000"
    assert all(n in given for n in re.findall(r"\d+", body))  # every number is theirs


async def test_a_foreign_timeline_is_quoted_and_not_asked_for_again(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(
        app,
        user,
        form["id"],
        {
            "email": "c.roux@agence-ardoise.fr",
            "name": "Claire Roux",
            "company_size": "11-50",
            "message": "Bonjour, quel est le tarif pour 5 utilisateurs ? Nous aimerions "
            "démarrer avant l'été.",
        },
    )
    [mail] = await _agent_emails(db, sid)
    body = mail["body_text"]
    assert "votre calendrier (avant l'été)" in body and "5 utilisateurs" in body
    assert body.count("calendrier") == 1  # quoted once, never asked for again


async def test_the_question_a_lead_asked_is_quoted_whole_and_a_call_request_is_not(app, user, db):
    form = await make_agent_form(user)
    shop = {
        "email": "bob@bobsbikes.com",
        "name": "Bob",
        "company": "Bob's Bikes",
        "message": "just need a simple repair booking form, what's the cheapest option?",
    }
    sid = await submit_and_process(app, user, form["id"], shop)
    [mail] = await _agent_emails(db, sid)
    assert "You asked “what's the cheapest option?”" in mail["body_text"]
    assert "just need a simple" not in mail["body_text"]  # the question, not the sentence

    florist = {
        "email": "luz@floreria-luz.es",
        "name": "Luz Romero",
        "message": "Tenemos 3 tiendas. ¿Cuánto costaría para unos 5.000 envíos al mes? "
        "¿Podéis llamarme esta semana?",
    }
    sid = await submit_and_process(app, user, form["id"], florist)
    [mail] = await _agent_emails(db, sid)
    body = mail["body_text"]
    assert "«¿Cuánto costaría para unos 5.000 envíos al mes?»" in body
    assert "llamarme" not in body  # asking for a call is answered by the reply, not quoted
