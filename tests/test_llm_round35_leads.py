"""A buyer's security and compliance requirements (stop 23, from leads_v): "we need GDPR
data residency and SSO before a demo" was read as a data-protection request (a non-buyer,
no reply); now it is a buyer, and the reply names what they asked to be covered, in their
spelling. A request about the person's own data under GDPR stays a data request. Through a
published form's submission and the agent's processing."""

from __future__ import annotations

from tests.helpers_agents import emails_for, make_agent_form, qualified, submit_and_process


async def test_a_buyer_asking_about_gdpr_and_sso_is_a_buyer_and_hears_it_covered(app, user, db):
    data = {
        "email": "it-lead@cargoline.eu",
        "name": "Sofia Marin",
        "company": "Cargoline",
        "job_title": "IT Lead",
        "company_size": "201-1000",
        "message": "Before a demo we need to know about SAML single sign-on and GDPR data "
        "residency. We run 25 depots.",
    }
    qualify, deals = await qualified(app, user, db, "Demo request", data)
    assert qualify["score"] == "high" and "data-request" not in qualify["tags"], qualify
    assert deals
    form = await make_agent_form(user, name="Demo request")
    sid = await submit_and_process(app, user, form["id"], {**data, "email": "sofia@cargoline.eu"})
    body = (await emails_for(db, sid))[0]["body_text"]
    assert "SAML" in body and "GDPR" in body and "25 depots" in body, body


async def test_a_request_about_their_own_data_stays_a_data_request(app, user, db):
    data = {
        "email": "p.novak@seznam.cz",
        "name": "Petr Novak",
        "message": "Per GDPR, please tell me what personal data you hold on me.",
    }
    qualify, deals = await qualified(app, user, db, "Contact", data)
    assert qualify["score"] == "low" and "data-request" in qualify["tags"], qualify
    assert deals == []


async def test_a_german_never_signed_up_and_a_prize_nobody_entered_get_no_reply(app, user, db):
    for data, kind in (
        (
            {
                "email": "h.weber@gmx.net",
                "name": "Heike Weber",
                "message": "Ich war nie bei Ihnen angemeldet, bitte entfernen Sie meine E-Mail.",
            },
            "opt-out",
        ),
        (
            {
                "email": "winner@lucky-prize.top",
                "name": "Prize Team",
                "message": "Congratulations, you have won an iPhone 16! Claim your prize now.",
            },
            "test",
        ),
    ):
        form = await make_agent_form(user, name="Contact")
        sid = await submit_and_process(app, user, form["id"], data)
        qualify, _ = await qualified(app, user, db, "Contact", data)
        assert qualify["score"] == "low" and kind in qualify["tags"], qualify
        sent = await emails_for(db, sid)
        assert not [e for e in sent if e["to_addr"] == data["email"]], sent  # no reply to them


async def test_the_reply_names_the_tool_to_integrate_and_keeps_the_pain_whole(app, user, db):
    form = await make_agent_form(user, name="Demo request")
    data = {
        "email": "m.ford@keystone-lettings.co.uk",
        "name": "Maria Ford",
        "company": "Keystone Lettings",
        "job_title": "Operations Director",
        "company_size": "51-200",
        "message": "We lose landlords because our valuation requests sit in an inbox that nobody "
        "owns over the weekend. We'd want it integrating with HubSpot.",
    }
    sid = await submit_and_process(app, user, form["id"], data)
    body = (await emails_for(db, sid))[0]["body_text"]
    assert "HubSpot" in body and "nobody owns over the weekend" in body, body
