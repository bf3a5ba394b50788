"""Drafts and leads read on stop 31 (issue 20, round 44s). On the start commit "Talk feedback:
speaker name, …" made the speaker's name the visitor's own (required, mapped to the contact);
"age (18 or over)" became a dropdown of "18" and "Over"; "colour or black & grey" a choice
"Colour or black" and a field "Grey"; a clinical trial's pre-screening a software "Demo
Request"; German "schon eine Website?" a web address; and a buyer's "die Ausschreibung endet
am 15.01." was no timeline. Through POST /api/forms/generate and a published form's
submission processed by the agent."""

from __future__ import annotations

from tests.helpers_agents import emails_for, make_agent_form, qualified, submit_and_process
from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field


async def test_the_rated_persons_name_is_a_question_about_them(user):
    form = await generate(
        user,
        "Talk feedback: speaker name, session title, rate the talk 1-5, what did you learn, "
        "your email (optional)",
    )
    speaker = _field(form, "Speaker name")
    assert speaker["name"] != "name" and not speaker["required"] and not speaker["placeholder"]
    assert "contact.name" not in form["field_mapping"].values()
    form = await generate(user, "Speaker application: speaker name, email, talk title")
    assert _field(form, "Speaker name")["name"] == "name"  # here the speaker is the visitor


async def test_an_age_rule_answers_and_items_said_with_an_ampersand(user):
    for said in ("age (must be 18+)", "age (18 or over)"):
        form = await generate(user, f"Volunteer sign-up: name, email, {said}")
        age = _field(form, "Age")
        assert (age["type"], age["min"]) == ("number", 18), said
    form = await generate(user, "Tattoo booking: name, email, colour or black & grey, size")
    style = next(f for f in form["fields"] if f["type"] == "select")
    assert style["options"] == ["Colour", "Black & grey"]
    assert not any(f["label"] == "Grey" for f in form["fields"])


async def test_a_study_a_german_yes_no_and_a_shops_subscription(user):
    form = await generate(
        user,
        "Clinical trial pre-screening: age, sex, do you smoke?, any heart conditions?, email",
    )
    assert form["flow_id"] == "direct_route" and "Demo" not in form["name"]
    form = await generate(user, "Webdesign Anfrage: Name, E-Mail, Firma, schon eine Website?")
    assert _field(form, "Schon eine Website?")["options"] == ["Ja", "Nein"]
    form = await generate(user, "Farm shop veg box subscription: name, email, address")
    assert form["name"] == "Farm Shop Veg Box Subscription"


async def test_a_deadline_written_in_figures_is_their_timeline(app, user, db):
    data = {
        "email": "beschaffung@stadtwerke-ulm.de",
        "name": "Klaus Berger",
        "company": "Stadtwerke Ulm",
        "company_size": "1000+",
        "message": "Wir benötigen ein Angebot für 40 Nutzer, die Ausschreibung endet am 15.01.",
    }
    form = await make_agent_form(user, name="Quote request")
    sid = await submit_and_process(app, user, form["id"], data)
    bodies = " ".join(e["body_text"] for e in await emails_for(db, sid))
    assert "am 15.01." in bodies, bodies
    data = {
        "email": "compras@grupoalba.es",
        "name": "Lucía Gil",
        "company": "Grupo Alba",
        "company_size": "201-1000",
        "message": "Queremos ver una demo; el 3/4 de nuestras sedes usan papel. Decisión antes "
        "del 15/03.",
    }
    qualify, deals = await qualified(app, user, db, "Demo", data)
    assert qualify["score"] == "high" and "timeline" in qualify["tags"], qualify
    assert "4 de nuestras" not in qualify["reason"] and len(deals) == 1


async def test_an_agency_reselling_us_is_a_buyer_and_a_title_is_no_first_name(app, user, db):
    data = {
        "email": "hello@pixelagency.co",
        "name": "Mia",
        "company": "Pixel Agency",
        "company_size": "11-50",
        "message": "We build websites for 40+ clients and want to resell your forms under our "
        "brand. Do you have an agency plan?",
    }
    qualify, _ = await qualified(app, user, db, "Contact", data)
    assert qualify["score"] != "low" and "vendor" not in qualify["tags"], qualify
    data = {
        "email": "cio@regionhospital.org",
        "name": "Dr. Sam Okafor",
        "company": "Region Hospital",
        "company_size": "1000+",
        "message": "Patient intake forms for 3 sites, must be HIPAA compliant. Please contact "
        "me before end of Q1.",
    }
    form = await make_agent_form(user, name="Demo request")
    sid = await submit_and_process(app, user, form["id"], data)
    bodies = " ".join(e["body_text"] for e in await emails_for(db, sid))
    assert "Hi Dr" not in bodies and "Sam" in bodies, bodies


async def test_a_count_asked_as_a_question_keeps_its_limit_and_a_patients_form(user):
    form = await generate(
        user, "Pottery class booking: name, email, how many people are coming (max 4)"
    )
    assert _field(form, "How many people are coming?")["max"] == 4
    form = await generate(
        user,
        "Our dental practice wants new patients to fill this in before their first visit: "
        "full name, date of birth, GP name, current medications",
    )
    assert form["name"] == "Patient Intake" and form["flow_id"] != "email_marketing"


async def test_required_said_with_an_asterisk_a_bracket_or_for_all_but_one(user):
    form = await generate(
        user, "Contact sales: first name*, last name*, work email*, company*, phone, country*"
    )
    assert _field(form, "Company")["required"] and _field(form, "Country")["required"]
    assert not _field(form, "Phone")["required"]
    assert not any("*" in f["label"] for f in form["fields"])
    form = await generate(user, "Contact: name, email, phone (required), message")
    assert _field(form, "Phone")["required"]
    form = await generate(
        user,
        "Partner referral form - your name, your email, referred company, referred contact "
        "name, their email, notes. Required: everything except notes",
    )
    assert _field(form, "Referred company")["required"] and not _field(form, "Notes")["required"]
    assert _field(form, "Referred contact's email")["type"] == "email"


async def test_what_forms_ca_showed_after_the_merges(user):
    form = await generate(
        user, "Speaker application: name, email, talk title, abstract (300 words max)"
    )
    assert _field(form, "Abstract")["help"] == "Up to 300 words."
    form = await generate(
        user,
        "Complaint about a bus service: route number, what happened, name, email "
        "(optional if you want a reply)",
    )
    assert _field(form, "Email")["required"] is False
    form = await generate(
        user, "Survey: how satisfied (very satisfied to very unsatisfied), comments"
    )
    assert _field(form, "How satisfied?")["options"][0] == "Very satisfied"
    form = await generate(
        user,
        "Security questionnaire request: company, work email, which frameworks (SOC 2, "
        "ISO 27001, HIPAA, GDPR), due date",
    )
    assert not any(f["type"] == "consent" for f in form["fields"])
    assert form["flow_id"] != "notify_only"
