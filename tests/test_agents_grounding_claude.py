"""The grounding validator with the Claude engine (issue 20): the real SDK
against the local fake Messages API returns a plan whose email invents a number;
it is regenerated once, then held as a draft instead of being sent."""

from __future__ import annotations

import pytest

from app.db import loads
from tests.fake_anthropic import claude_settings
from tests.helpers_agents import (
    agent_steps,
    emails_for,
    make_agent_form,
    submission,
    submit_and_process,
)
from tests.test_agents_grounding import CFO


async def _agent_emails(db, sid):
    return [e for e in await emails_for(db, sid) if loads(e["related"], {}).get("action")]


INVENTED = {
    "reasoning": "A strong lead.",
    "actions": [
        {"action": "qualify_lead", "details": {"score": "high", "reason": "CFO"}},
        {
            "action": "send_email",
            "details": {
                "subject": "Your demo",
                "body": "Hi Maria, a team of about 600 is a great fit.",
            },
        },
    ],
    "contact_updates": {"tags_add": [], "notes": ""},
}
GROUNDED = {
    **INVENTED,
    "actions": [
        INVENTED["actions"][0],
        {
            "action": "send_email",
            "details": {
                "subject": "Your demo",
                "body": "Hi Maria, 12 entities and a Q3 rollout: let's talk.",
            },
        },
    ],
}


@pytest.fixture
def settings(tmp_path, fake_anthropic):  # noqa: F811  (the app runs the Claude engine)
    return claude_settings(tmp_path, fake_anthropic)


async def test_an_invented_number_is_regenerated_once_then_sent_when_fixed(
    app, user, db, fake_anthropic
):
    fake_anthropic.script(("json", INVENTED), ("json", GROUNDED))
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO)
    assert (await submission(db, sid))["status"] == "processed"
    assert [m["body_text"] for m in await _agent_emails(db, sid)] == [
        GROUNDED["actions"][1]["details"]["body"]
    ]
    retry = fake_anthropic.requests[1].last_user_text
    assert "Correction:" in retry and "600" in retry
    steps = [(s["step"], s["status"]) for s in await agent_steps(db, sid)]
    assert ("agent_ungrounded", "regenerating") in steps
    assert ("agent_ungrounded", "held_as_draft") not in steps
    await app.state.llm.aclose()


async def test_an_invented_number_twice_is_held_as_a_draft_not_sent(app, user, db, fake_anthropic):
    fake_anthropic.script(("json", INVENTED), ("json", INVENTED))
    form = await make_agent_form(user)  # fully autonomous: it would have been sent
    sid = await submit_and_process(app, user, form["id"], CFO)
    assert (await submission(db, sid))["status"] == "awaiting_approval"
    assert await _agent_emails(db, sid) == []
    draft = await db.fetchone(
        "SELECT reasoning, status FROM drafts WHERE submission_id = ?", (sid,)
    )
    assert draft["status"] == "pending" and draft["reasoning"].startswith("Held for approval")
    assert "(600)" in draft["reasoning"]
    outcomes = [s["status"] for s in await agent_steps(db, sid) if s["step"] == "agent_ungrounded"]
    assert outcomes == ["regenerating", "held_as_draft"]
    events = await db.fetchall("SELECT type FROM events WHERE type = 'agent_ungrounded'")
    assert len(events) == 2
    page = (await user.web.get(f"/submissions/{sid}")).text
    assert "stated facts found nowhere in the submission (600)" in page
    assert "waits for a person" in page
    await app.state.llm.aclose()


async def test_an_invented_customer_name_and_date_are_regenerated_too(
    app, user, db, fake_anthropic
):
    boast = {
        **INVENTED,
        "actions": [
            INVENTED["actions"][0],
            {
                "action": "send_email",
                "details": {
                    "subject": "Your demo",
                    "body": "Hi Maria, teams like Deloitte use us. Shall we talk on Friday?",
                },
            },
        ],
    }
    fake_anthropic.script(("json", boast), ("json", GROUNDED))
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO)
    assert [m["body_text"] for m in await _agent_emails(db, sid)] == [
        GROUNDED["actions"][1]["details"]["body"]
    ]
    retry = fake_anthropic.requests[1].last_user_text
    assert "Deloitte" in retry and "Friday" in retry
    [step] = [s for s in await agent_steps(db, sid) if s["step"] == "agent_ungrounded"]
    assert step["details"]["facts"] == ["Friday", "Deloitte"] and step["details"]["numbers"] == []
    await app.state.llm.aclose()
