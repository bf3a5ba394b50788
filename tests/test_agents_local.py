"""The local engine's agent: deterministic scoring and plans a sales team would accept."""

from __future__ import annotations

import pytest

from app.services.llm.agent_prompt import validate_plan
from app.services.llm.local_agent import parse_amount, plan_agent_actions

ALL = [
    "qualify_lead",
    "send_email",
    "create_deal",
    "create_ticket",
    "book_meeting",
    "enroll_sequence",
    "escalate",
    "respond_direct",
]


def ctx(
    data,
    *,
    allowed=ALL,
    flow="sales_lead",
    contact=None,
    history=None,
    booking_url="",
    company=None,
):
    return {
        "workspace": {"name": "Acme"},
        "form": {
            "name": "Demo request",
            "flow_id": flow,
            "type": "sales",
            "booking_url": booking_url,
        },
        "allowed_actions": allowed,
        "submission": {"data": data},
        "contact": contact,
        "company": company,
        "history": history or {},
        "ticket": None,
    }


def score_of(plan):
    return next(a["details"]["score"] for a in plan["actions"] if a["action"] == "qualify_lead")


def actions_of(plan):
    return [a["action"] for a in plan["actions"]]


CFO = {
    "email": "jane@bigcorp.com",
    "name": "Jane Miller",
    "company": "BigCorp",
    "job_title": "CFO",
    "company_size": "500",
    "budget": "$50K+",
    "message": "Can we get a demo next week?",
}


def test_cfo_at_500_person_company_asking_for_a_demo_is_high_with_deal_and_personal_email():
    plan = validate_plan(plan_agent_actions(ctx(CFO)))
    assert score_of(plan) == "high"
    assert actions_of(plan) == ["qualify_lead", "create_deal", "send_email"]
    deal = plan["actions"][1]["details"]
    assert deal == {"name": "BigCorp — Demo request", "amount": 50000.0}
    email = plan["actions"][2]["details"]
    assert (
        email["body"].startswith("Hi Jane,")
        and "BigCorp" in email["body"]
        and "$50K+" in email["body"]
    )
    assert "The Acme team" in email["body"]
    assert (
        "business email domain (bigcorp.com)" in plan["reasoning"]
        and "executive title (cfo)" in plan["reasoning"]
    )
    assert {"lead-high", "decision-maker", "enterprise", "intent-demo"} <= set(
        plan["actions"][0]["details"]["tags"]
    )


def test_high_lead_gets_a_booking_link_when_allowed_and_set():
    plan = plan_agent_actions(ctx(CFO, booking_url="https://cal.example/acme"))
    assert actions_of(plan) == ["qualify_lead", "create_deal", "book_meeting"]
    plan = plan_agent_actions(
        ctx(
            CFO,
            allowed=["qualify_lead", "send_email", "create_deal"],
            booking_url="https://cal.example/acme",
        )
    )
    assert actions_of(plan) == ["qualify_lead", "create_deal", "send_email"]


def test_gmail_vague_question_is_low_with_a_polite_reply_and_no_marketing_without_consent():
    plan = plan_agent_actions(ctx({"email": "sam@gmail.com", "message": "what is this?"}))
    assert score_of(plan) == "low"
    assert actions_of(plan) == ["qualify_lead", "send_email"]
    body = plan["actions"][1]["details"]["body"]
    assert body.startswith("Hello,") and "Thank you for getting in touch" in body
    assert "guides" not in body and "No marketing consent" in plan["reasoning"]
    assert "free-mail address (gmail.com)" in plan["reasoning"]


def test_a_ticked_opt_in_allows_the_nurture_sequence():
    data = {"email": "sam@gmail.com", "message": "what is this?", "consent": True}
    plan = plan_agent_actions(ctx(data))
    assert actions_of(plan) == ["qualify_lead", "send_email", "enroll_sequence"]
    assert "as you agreed" in plan["actions"][1]["details"]["body"]
    unsubscribed = {"email": "sam@gmail.com", "status": "unsubscribed", "marketing_consent": True}
    plan = plan_agent_actions(ctx(data, contact=unsubscribed))
    assert "enroll_sequence" not in actions_of(plan)


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"email": "tom@midco.io", "message": "pricing?"}, "medium"),  # business domain + intent
        ({"email": "tom@midco.io", "message": "hello"}, "low"),  # business domain only
        ({"email": "vp@midco.io", "job_title": "VP Sales", "company_size": "80"}, "medium"),
        (
            {
                "email": "a@gmail.com",
                "job_title": "CEO",
                "budget": "$50K+",
                "message": "urgent demo, buy asap",
            },
            "high",
        ),
        ({"email": "a@gmail.com", "budget": "<$10K"}, "low"),
        (
            {
                "email": "head@corp.com",
                "job_title": "Head of Finance",
                "budget": "$10K-$50K",
                "message": "evaluate",
            },
            "high",
        ),
    ],
)
def test_scoring_cases(data, expected):
    assert score_of(plan_agent_actions(ctx(data))) == expected


def test_medium_lead_gets_qualify_and_a_discovery_email_only():
    plan = plan_agent_actions(
        ctx({"email": "tom@midco.io", "name": "Tom", "message": "Pricing for 20 seats?"})
    )
    assert actions_of(plan) == ["qualify_lead", "send_email"]
    assert "could you tell us a little more" in plan["actions"][1]["details"]["body"]


def test_returning_contact_adds_a_point_and_the_reasoning_mentions_the_open_deal():
    data = {"email": "tom@midco.io", "job_title": "Director of IT", "message": "pricing please"}
    first = plan_agent_actions(ctx(data))
    assert score_of(first) == "medium"
    again = plan_agent_actions(
        ctx(
            data,
            contact={"email": "tom@midco.io", "first_name": "Tom", "submission_count": 2},
            history={
                "previous_submissions": [{"id": "sub_1"}],
                "open_deals": [{"name": "Midco — Demo", "amount": 10000}],
            },
        )
    )
    assert score_of(again) == "high" and "returning contact" in again["reasoning"]
    assert "already has an open deal (Midco — Demo)" in again["reasoning"]


def test_only_allowed_actions_are_planned_and_tags_move_to_contact_updates():
    plan = plan_agent_actions(ctx(CFO, allowed=["send_email"]))
    assert actions_of(plan) == ["send_email"]
    assert "lead-high" in plan["contact_updates"]["tags_add"]
    assert plan_agent_actions(ctx(CFO, allowed=[]))["actions"] == []


def test_support_outage_gets_an_urgent_ticket_a_reply_and_an_escalation():
    plan = validate_plan(
        plan_agent_actions(
            ctx(
                {
                    "email": "ops@client.io",
                    "name": "Olga",
                    "subject": "Site down",
                    "message": "Production is down!",
                },
                flow="support_triage",
            )
        )
    )
    assert actions_of(plan) == ["create_ticket", "send_email", "escalate"]
    assert plan["actions"][0]["details"]["priority"] == "urgent"
    assert "down" in plan["actions"][2]["details"]["reason"]
    assert plan["contact_updates"]["tags_add"] == ["support"]


def test_calm_support_question_is_acknowledged_without_escalation():
    plan = plan_agent_actions(
        ctx(
            {"email": "a@client.io", "message": "How do I export a CSV?"},
            flow="support_triage",
            allowed=["create_ticket", "respond_direct", "escalate"],
        )
    )
    assert actions_of(plan) == ["create_ticket", "respond_direct"]
    assert plan["actions"][0]["details"]["priority"] == "normal"


@pytest.mark.parametrize(
    "text, amount",
    [
        ("$50K+", 50000),
        ("$10K-$50K", 30000),
        ("<$10K", 5000),
        ("120,000", 120000),
        ("2M", 2_000_000),
        ("n/a", None),
    ],
)
def test_parse_amount(text, amount):
    assert parse_amount(text) == amount


def test_plans_are_deterministic():
    assert plan_agent_actions(ctx(CFO)) == plan_agent_actions(ctx(CFO))


def test_a_company_name_ending_in_a_period_does_not_double_it():
    plan = plan_agent_actions(ctx({**CFO, "company": "BigCorp Inc."}))
    body = next(a for a in plan["actions"] if a["action"] == "send_email")["details"]["body"]
    assert "for BigCorp Inc. " in body and ".." not in body
