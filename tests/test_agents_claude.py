"""Agents through the Claude engine: the real anthropic SDK against the local
fake Messages API server (tests/fake_anthropic.py)."""

from __future__ import annotations

import pytest

from app.db import loads
from tests.factory import make_handler, submitted
from tests.fake_anthropic import claude_settings
from tests.helpers import drain_jobs
from tests.helpers_agents import (
    CFO_LEAD,
    drain_later,
    emails_for,
    event_types,
    make_agent_form,
    submission,
    submit_and_process,
)

GOOD_PLAN = {
    "reasoning": "CFO of a 500-person company asking for a demo with a $50K+ budget: a strong lead.",
    "actions": [
        {
            "action": "qualify_lead",
            "details": {
                "score": "high",
                "reason": "CFO, 500 people, $50K+",
                "tags": ["enterprise"],
            },
        },
        {"action": "create_deal", "details": {"name": "BigCorp demo", "amount": 50000}},
        {
            "action": "send_email",
            "details": {
                "subject": "Your BigCorp demo",
                "body": "Hi Jane, happy to show you around.",
            },
        },
    ],
    "contact_updates": {
        "tags_add": ["demo-request"],
        "notes": "Wants a demo for the finance team.",
    },
}


@pytest.fixture
def settings(tmp_path, fake_anthropic):  # noqa: F811  (overrides conftest's: the app runs the Claude engine)
    return claude_settings(tmp_path, fake_anthropic, llm_timeout=0.3, llm_requeue_seconds=30.0)


async def _agent_mails(db, sid):
    return [e for e in await emails_for(db, sid) if loads(e["related"], {}).get("action")]


async def test_good_plan_runs_fully_autonomous_with_the_real_sdk(app, user, db, fake_anthropic):
    assert app.state.llm.name == "claude"
    fake_anthropic.script(("json", GOOD_PLAN))
    form = await make_agent_form(user, instructions="Mention our 30-day pilot.")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    request = fake_anthropic.requests[0]
    assert request.forced_tool == "submit_plan"
    assert (
        "Mention our 30-day pilot." in request.last_user_text
        and "jane.cfo@bigcorp.com" in request.last_user_text
    )
    deals = await db.fetchall("SELECT amount, name FROM deals")
    assert deals == [{"amount": 50000.0, "name": "BigCorp demo"}]
    assert [m["subject"] for m in await _agent_mails(db, sid)] == ["Your BigCorp demo"]
    calls = await db.fetchall("SELECT purpose, status, input_tokens FROM llm_calls")
    assert [(c["purpose"], c["status"]) for c in calls] == [("plan_agent_actions", "ok")] and calls[
        0
    ]["input_tokens"] > 0


async def test_good_plan_in_draft_mode_waits_and_semi_sets_review(app, user, db, fake_anthropic):
    fake_anthropic.script(("json", GOOD_PLAN), ("json", GOOD_PLAN))
    draft_form = await make_agent_form(user, autonomy="draft", name="Draft form")
    semi_form = await make_agent_form(user, autonomy="semi_autonomous", name="Semi form")
    sid1 = await submit_and_process(app, user, draft_form["id"], CFO_LEAD)
    sid2 = await submit_and_process(
        app, user, semi_form["id"], {**CFO_LEAD, "email": "ann@bigcorp.com"}
    )
    assert (await submission(db, sid1))["status"] == "awaiting_approval" and await _agent_mails(
        db, sid1
    ) == []
    semi = await submission(db, sid2)
    assert (
        semi["status"] == "processed"
        and semi["review_due_at"]
        and len(await _agent_mails(db, sid2)) == 1
    )


async def test_disallowed_action_from_claude_is_blocked_and_the_rest_runs(
    app, user, db, fake_anthropic
):
    fake_anthropic.script(("json", GOOD_PLAN))
    form = await make_agent_form(user, allowed=["qualify_lead", "send_email"])
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed" and "create_deal" in sub["agent_flag"]
    assert "agent_action_blocked" in await event_types(db, sid)
    assert await db.fetchall("SELECT id FROM deals") == []
    assert len(await _agent_mails(db, sid)) == 1


async def test_malformed_json_then_a_good_plan(app, user, db, fake_anthropic):
    fake_anthropic.script(("text", "Sure! Here is my plan: {not json"), ("json", GOOD_PLAN))
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    assert (await submission(db, sid))["status"] == "processed"
    assert fake_anthropic.calls == 2
    assert "not a valid plan" in fake_anthropic.requests[1].last_user_text
    statuses = [
        r["status"] for r in await db.fetchall("SELECT status FROM llm_calls ORDER BY created_at")
    ]
    assert statuses == ["invalid_output", "ok"]
    assert len(await _agent_mails(db, sid)) == 1


async def test_unusable_twice_escalates_to_human_review(app, user, db, fake_anthropic):
    bad = {
        "reasoning": "x",
        "actions": [{"action": "qualify_lead", "details": {"score": "stellar"}}],
    }
    fake_anthropic.script(("json", bad), ("text", "no"))
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review"
    errors = await db.fetchall("SELECT kind FROM errors WHERE submission_id = ?", (sid,))
    assert errors == [{"kind": "llm_invalid_output"}]
    assert fake_anthropic.calls == 2


async def test_overload_and_timeouts_until_exhaustion_requeue_then_human_review(
    app,
    user,
    db,
    fake_anthropic,  # noqa: F811
    monkeypatch,
    freeze_clock,
):
    human = await make_handler(
        db, user.workspace_id, type="human", name="Hanna", email="hanna@acme.test"
    )
    agent = await make_handler(db, user.workspace_id, name="Sales bot")
    form = await make_agent_form(user, assignment={"type": "handler", "id": agent}, notify=[human])
    fake_anthropic.script(
        ("status", 429, {"retry-after": "0"}),
        ("status", 529),
        ("sleep", 1.0),
        ("status", 529),
        ("drop",),
        ("status", 503),
    )
    sid = await submitted(user, form["id"], CFO_LEAD)
    await drain_jobs(app)
    assert (await submission(db, sid))["status"] == "processing"  # re-queued once
    assert fake_anthropic.calls == 3
    await drain_later(app, freeze_clock)  # the re-queued run falls due
    assert fake_anthropic.calls == 6
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review" and sub["assigned_id"] == human
    assert sub["data"] == CFO_LEAD
    errors = await db.fetchall("SELECT kind, message FROM errors WHERE submission_id = ?", (sid,))
    assert (
        len(errors) == 1
        and errors[0]["kind"] == "llm_unavailable"
        and "3 attempts" in errors[0]["message"]
    )
    agent_events = [t for t in await event_types(db, sid) if t.startswith("agent_")]
    assert agent_events == [
        "agent_processing",
        "agent_retry",
        "agent_retry",
        "agent_retry",
        "agent_processing",
        "agent_retry",
        "agent_retry",
        "agent_error",
        "agent_escalated",
    ]
    retries = [s["details"] for s in sub["actions"] if s["step"] == "agent_retry"]
    assert (
        "429" in retries[0]["error"]
        and "529" in retries[1]["error"]
        and "requeue" not in retries[0]
    )
    assert retries[2]["retry_in_seconds"] == app.state.settings.llm_requeue_seconds
    told = [
        e["to_addr"]
        for e in await emails_for(db, sid)
        if loads(e["related"], {}).get("reason") == "agent_handover"
    ]
    assert told == ["hanna@acme.test"]
    calls = [
        r["status"] for r in await db.fetchall("SELECT status FROM llm_calls ORDER BY created_at")
    ]
    assert calls.count("timeout") == 1 and calls.count("overloaded") == 2 and len(calls) == 6
    assert await _agent_mails(db, sid) == [] and await db.fetchall("SELECT id FROM deals") == []


async def test_outage_then_recovery_on_the_requeued_run(
    app, user, db, fake_anthropic, freeze_clock
):
    fake_anthropic.script(("status", 529), ("status", 529), ("status", 529), ("json", GOOD_PLAN))
    form = await make_agent_form(user)
    sid = await submitted(user, form["id"], CFO_LEAD)
    await drain_jobs(app)
    await drain_later(app, freeze_clock)
    sub = await submission(db, sid)
    assert sub["status"] == "processed" and len(await _agent_mails(db, sid)) == 1
    assert await db.fetchall("SELECT id FROM errors WHERE submission_id = ?", (sid,)) == []
