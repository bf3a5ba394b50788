"""Agents end to end (local engine and a scripted engine at the LLM seam):
forms via the API, submissions via the public endpoint, jobs drained inline."""

from __future__ import annotations

import pytest

from app.db import loads
from app.db.clock import parse_iso, utcnow
from app.services.agents import actions as agent_actions
from app.services.agents.runner import run_agent
from app.services.llm.errors import LLMInvalidOutput, LLMUnavailable
from tests.conftest import make_settings
from tests.factory import make_handler, submitted
from tests.helpers import drain_jobs, soup
from tests.helpers_agents import (
    CFO_LEAD,
    ScriptedEngine,
    agent_steps,
    drain_later,
    emails_for,
    event_types,
    make_agent_form,
    make_ctx,
    submission,
    submit_and_process,
)


@pytest.fixture
def settings(tmp_path):
    """Long job backoff and LLM re-queue delays: tests move the clock to make retries due."""
    return make_settings(tmp_path, retry_base_seconds=30.0, llm_requeue_seconds=30.0)


GMAIL_VAGUE = {"email": "sam.smith@gmail.com", "name": "Sam", "message": "hi, what do you do?"}


async def _deals(db, ws):
    return await db.fetchall("SELECT * FROM deals WHERE workspace_id = ?", (ws,))


async def _agent_emails(db, sid):
    return [e for e in await emails_for(db, sid) if loads(e["related"], {}).get("action")]


async def test_fully_autonomous_cfo_demo_gets_high_score_deal_and_personal_email(app, user, db):
    form = await make_agent_form(user, autonomy="fully_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed" and sub["review_due_at"] is None
    qualify = next(
        a for a in sub["actions"] if a.get("details", {}).get("action") == "qualify_lead"
    )
    assert qualify["details"]["score"] == "high"
    deals = await _deals(db, user.workspace_id)
    assert (
        len(deals) == 1 and deals[0]["amount"] == 50000 and deals[0]["source_submission_id"] == sid
    )
    mails = await _agent_emails(db, sid)
    assert len(mails) == 1 and mails[0]["to_addr"] == "jane.cfo@bigcorp.com"
    assert mails[0]["body_text"].startswith("Hi Jane,") and "demo" in mails[0]["body_text"]
    contact = await db.fetchone(
        "SELECT status, tags FROM contacts WHERE id = ?", (sub["contact_id"],)
    )
    assert contact["status"] == "qualified" and "lead-high" in loads(contact["tags"])
    types = await event_types(db, sid)
    assert (
        types.index("agent_processing")
        < types.index("agent_action")
        < types.index("agent_completed")
    )
    runs = await db.fetchall(
        "SELECT action_index, action FROM action_runs WHERE submission_id = ? ORDER BY action_index",
        (sid,),
    )
    assert [r["action"] for r in runs] == [
        "contact_updates",
        "qualify_lead",
        "create_deal",
        "send_email",
    ]


async def test_semi_autonomous_runs_and_sets_a_review_window(app, user, db):
    form = await make_agent_form(user, autonomy="semi_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    due = (parse_iso(sub["review_due_at"]) - utcnow()).total_seconds() / 3600
    assert 23.9 < due <= 24.0
    assert len(await _deals(db, user.workspace_id)) == 1 and len(await _agent_emails(db, sid)) == 1
    assert (await user.api.get(f"/api/submissions/{sid}")).json()["review_due_at"] == sub[
        "review_due_at"
    ]
    page = await user.web.get(f"/submissions/{sid}")
    assert "review it by" in page.text
    listing = await user.web.get("/submissions")
    assert "review by" in listing.text


async def test_draft_autonomy_waits_for_approval_and_executes_nothing(app, user, db):
    form = await make_agent_form(user, autonomy="draft")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "awaiting_approval"
    drafts = await db.fetchall("SELECT * FROM drafts WHERE submission_id = ?", (sid,))
    assert len(drafts) == 1 and drafts[0]["status"] == "pending"
    assert [a["action"] for a in loads(drafts[0]["planned_actions"])] == [
        "qualify_lead",
        "create_deal",
        "send_email",
    ]
    assert await _deals(db, user.workspace_id) == [] and await _agent_emails(db, sid) == []
    assert "agent_draft" in await event_types(db, sid)


async def test_notify_only_writes_a_summary_and_notifies_without_executing(app, user, db):
    form = await make_agent_form(user, autonomy="notify_only")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    assert (
        sub["agent_notes"].startswith("Agent summary: Scored high")
        and "create_deal" in sub["agent_notes"]
    )
    assert await _deals(db, user.workspace_id) == [] and await _agent_emails(db, sid) == []
    told = [
        e
        for e in await emails_for(db, sid)
        if loads(e["related"], {}).get("reason") == "agent_handover"
    ]
    assert [e["to_addr"] for e in told] == ["alice@example.com"]  # nobody else: the workspace owner


async def test_gmail_vague_question_gets_low_score_and_a_polite_email_without_marketing(
    app, user, db
):
    form = await make_agent_form(user, autonomy="fully_autonomous")
    sid = await submit_and_process(app, user, form["id"], GMAIL_VAGUE)
    steps = await agent_steps(db, sid)
    done = {
        s["details"]["action"]: s
        for s in steps
        if s["step"] == "agent_action" and "action" in s.get("details", {})
    }
    assert done["qualify_lead"]["details"]["score"] == "low"
    assert "enroll_sequence" not in done  # no nurture without marketing consent
    assert "create_deal" not in done and await _deals(db, user.workspace_id) == []
    mail = (await _agent_emails(db, sid))[0]
    assert (
        mail["subject"] == "Thanks for reaching out"
        and "Thank you for getting in touch" in mail["body_text"]
    )


async def test_returning_contact_updates_the_open_deal_instead_of_a_second_one(app, user, db):
    first = await make_agent_form(user, name="Demo request")
    second = await make_agent_form(user, name="Pricing request")
    sid1 = await submit_and_process(app, user, first["id"], {**CFO_LEAD, "budget": "$10K-$50K"})
    assert (await _deals(db, user.workspace_id))[0]["amount"] == 30000
    sid2 = await submitted(
        user, second["id"], {**CFO_LEAD, "budget": "$50K+", "message": "Pricing please, urgent"}
    )
    from app.services.llm.local import LocalEngine

    engine = LocalEngine(app.state.settings)
    seen = []

    async def spy(context, **kw):
        seen.append(context)
        return await LocalEngine.plan_agent_actions(engine, context, **kw)

    engine.plan_agent_actions = spy
    app.state.llm = engine
    await drain_jobs(app)
    history = seen[0]["history"]
    assert [p["id"] for p in history["previous_submissions"]] == [sid1]
    assert history["open_deals"][0]["amount"] == 30000 and "lead-high" in seen[0]["contact"]["tags"]
    deals = await _deals(db, user.workspace_id)
    assert len(deals) == 1 and deals[0]["amount"] == 50000
    step = next(
        s
        for s in await agent_steps(db, sid2)
        if s.get("details", {}).get("action") == "create_deal"
    )
    assert step["details"]["created"] is False and step["entity_id"] == deals[0]["id"]


async def test_disallowed_action_is_blocked_flagged_and_the_others_still_run(app, user, db):
    form = await make_agent_form(user, allowed=["qualify_lead", "send_email"])
    app.state.llm = ScriptedEngine(
        {
            "reasoning": "Big lead.",
            "actions": [
                {
                    "action": "qualify_lead",
                    "details": {"score": "high", "reason": "CFO", "tags": ["vip"]},
                },
                {"action": "create_deal", "details": {"name": "BigCorp", "amount": 90000}},
                {
                    "action": "send_email",
                    "details": {"subject": "Hello Jane", "body": "Let's talk."},
                },
            ],
            "contact_updates": {"tags_add": ["demo"], "notes": ""},
        }
    )
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    assert sub["agent_flag"] == "Blocked: create_deal (not in this form's allowed actions)"
    assert (await user.api.get(f"/api/submissions/{sid}")).json()["agent_flag"] == sub["agent_flag"]
    page = await user.web.get(f"/submissions/{sid}")
    assert "The agent's plan was flagged. Blocked: create_deal" in soup(page).text
    assert ">flagged<" in (await user.web.get("/submissions")).text
    blocked = await db.fetchall(
        "SELECT details FROM events WHERE submission_id = ? AND type = 'agent_action_blocked'",
        (sid,),
    )
    assert len(blocked) == 1 and loads(blocked[0]["details"])["action"] == "create_deal"
    assert await _deals(db, user.workspace_id) == []
    mails = await _agent_emails(db, sid)
    assert [m["subject"] for m in mails] == ["Hello Jane"]
    # The email keeps its index in the model's plan (2), so the idempotency key does not shift.
    assert loads(mails[0]["related"])["index"] == 2
    tags = loads(
        (await db.fetchone("SELECT tags FROM contacts WHERE id = ?", (sub["contact_id"],)))["tags"]
    )
    assert {"vip", "demo"} <= set(tags)


async def test_crash_between_two_actions_then_retry_does_not_duplicate_the_first(
    app, user, db, monkeypatch, freeze_clock
):
    form = await make_agent_form(user)
    real_send = agent_actions.EXECUTORS["send_email"]
    calls = []

    def send_once_broken(*args):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("SMTP relay exploded mid-run")
        return real_send(*args)

    monkeypatch.setitem(agent_actions.EXECUTORS, "send_email", send_once_broken)
    sid = await submitted(user, form["id"], CFO_LEAD)
    await drain_jobs(app)
    sub = await submission(db, sid)
    assert sub["status"] == "processing"
    assert len(await _deals(db, user.workspace_id)) == 1 and await _agent_emails(db, sid) == []
    job = await db.fetchone("SELECT status, last_error FROM jobs WHERE kind = 'process_submission'")
    assert job["status"] == "queued" and "SMTP relay exploded" in job["last_error"]
    await drain_later(app, freeze_clock)  # the retry falls due after the backoff
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    assert len(await _deals(db, user.workspace_id)) == 1 and len(await _agent_emails(db, sid)) == 1
    kinds = [(s["step"], s["status"]) for s in sub["actions"] if s["step"].startswith("agent_")]
    assert ("agent_error", "will_retry") in kinds
    assert (
        sum(1 for s in sub["actions"] if s.get("details", {}).get("action") == "create_deal") == 1
    )


async def test_reprocessing_replays_the_stored_plan_without_new_effects(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    engine = ScriptedEngine()  # would fail if asked: the stored plan is replayed
    app.state.llm = engine
    ctx = await make_ctx(app, sid)
    assert await run_agent(ctx, user.workspace_id, sid, None) == "processed"
    assert engine.contexts == []
    assert len(await _deals(db, user.workspace_id)) == 1 and len(await _agent_emails(db, sid)) == 1


async def test_llm_outage_retries_requeues_once_then_hands_over_with_nothing_lost(
    app, user, db, freeze_clock
):
    human = await make_handler(
        db, user.workspace_id, type="human", name="Hanna", email="hanna@acme.test"
    )
    agent = await make_handler(db, user.workspace_id, name="Sales bot")
    form = await make_agent_form(user, assignment={"type": "handler", "id": agent}, notify=[human])
    outage = LLMUnavailable("The AI model is unavailable right now; try again in a minute.")
    app.state.llm = ScriptedEngine(("retry", 2, outage), ("retry", 2, outage))
    sid = await submitted(user, form["id"], CFO_LEAD)
    await drain_jobs(app)
    sub = await submission(db, sid)
    assert sub["status"] == "processing"  # re-queued, not lost
    job = await db.fetchone("SELECT status, run_at FROM jobs WHERE kind = 'process_submission'")
    assert job["status"] == "queued"
    await drain_later(app, freeze_clock)  # the re-queued run falls due
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review" and sub["assigned_id"] == human
    errors = await db.fetchall(
        "SELECT kind, handler_id FROM errors WHERE submission_id = ?", (sid,)
    )
    assert errors == [{"kind": "llm_unavailable", "handler_id": agent}]
    told = [
        e
        for e in await emails_for(db, sid)
        if loads(e["related"], {}).get("reason") == "agent_handover"
    ]
    assert [e["to_addr"] for e in told] == ["hanna@acme.test"]
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
    retry_steps = [s for s in sub["actions"] if s["step"] == "agent_retry"]
    assert retry_steps[2]["status"] == "requeued"
    handler = await db.fetchone(
        "SELECT state, current_submission_id FROM handlers WHERE id = ?", (agent,)
    )
    assert handler == {"state": "error", "current_submission_id": sid}
    assert sub["data"] == CFO_LEAD  # the visitor's data is intact


async def test_invalid_output_escalates_at_once(app, user, db):
    form = await make_agent_form(user)
    app.state.llm = ScriptedEngine(
        LLMInvalidOutput("The AI model's answer was not a usable result.")
    )
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review"
    assert [
        e["kind"]
        for e in await db.fetchall("SELECT kind FROM errors WHERE submission_id = ?", (sid,))
    ] == ["llm_invalid_output"]


async def test_a_plan_with_a_bad_shape_is_escalated_like_invalid_output(app, user, db):
    form = await make_agent_form(user)
    app.state.llm = ScriptedEngine(
        {"reasoning": "x", "actions": [{"action": "send_email", "details": {"subject": "Hi"}}]}
    )
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review"
    assert "needs a non-empty 'body'" in sub["agent_notes"]


async def test_empty_plan_is_valid_and_contact_updates_apply(app, user, db):
    form = await make_agent_form(user)
    app.state.llm = ScriptedEngine(
        {
            "reasoning": "Nothing to do.",
            "actions": [],
            "contact_updates": {"tags_add": ["Newsletter"], "notes": "Just browsing."},
        }
    )
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    contact = await db.fetchone("SELECT tags FROM contacts WHERE id = ?", (sub["contact_id"],))
    assert loads(contact["tags"]) == ["newsletter"]
    notes = await db.fetchall("SELECT body FROM notes WHERE contact_id = ?", (sub["contact_id"],))
    assert [n["body"] for n in notes] == ["Just browsing."]


async def test_agent_handler_state_and_heartbeat_follow_the_run(app, user, db):
    agent = await make_handler(
        db, user.workspace_id, name="Sales bot", instructions="Always mention our SLA."
    )
    form = await make_agent_form(
        user, autonomy="draft", assignment={"type": "handler", "id": agent}
    )
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    handler = await db.fetchone("SELECT * FROM handlers WHERE id = ?", (agent,))
    assert handler["state"] == "waiting_approval" and handler["current_submission_id"] == sid
    assert handler["last_heartbeat_at"] is not None
    ev = await db.fetchall(
        "SELECT handler_id FROM events WHERE submission_id = ? AND type = 'agent_draft'", (sid,)
    )
    assert ev == [{"handler_id": agent}]


async def test_escalate_action_hands_the_submission_to_a_human(app, user, db):
    human = await make_handler(
        db, user.workspace_id, type="human", name="Hanna", email="hanna@acme.test"
    )
    form = await make_agent_form(user, flow="support_triage", notify=[human])
    sid = await submit_and_process(
        app,
        user,
        form["id"],
        {
            "email": "ops@client.io",
            "name": "Olga",
            "subject": "Production down",
            "message": "Our production site is down since 9am, this is unacceptable.",
        },
    )
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review" and sub["assigned_id"] == human
    assert "agent_escalated" in await event_types(db, sid)
    ticket = await db.fetchone("SELECT priority FROM tickets WHERE submission_id = ?", (sid,))
    assert ticket is not None
    mails = await _agent_emails(db, sid)
    assert len(mails) == 1 and "urgent" in mails[0]["body_text"]


async def test_respond_direct_stores_the_message_on_the_submission(app, user, db):
    form = await make_agent_form(user, flow="support_triage")
    app.state.llm = ScriptedEngine(
        {
            "reasoning": "ack",
            "actions": [{"action": "respond_direct", "details": {"message": "We are on it."}}],
            "contact_updates": {},
        }
    )
    sid = await submit_and_process(
        app, user, form["id"], {"email": "x@client.io", "message": "Hello"}
    )
    sub = await submission(db, sid)
    assert sub["status"] == "processed" and "We are on it." in sub["agent_notes"]


async def test_reprocessing_after_an_outage_hand_over_plans_again(app, user, db, freeze_clock):
    form = await make_agent_form(user)
    outage = LLMUnavailable("down")
    app.state.llm = ScriptedEngine(outage, outage)
    sid = await submitted(user, form["id"], CFO_LEAD)
    await drain_jobs(app)
    await drain_later(app, freeze_clock)
    assert (await submission(db, sid))["status"] == "needs_human_review"
    from app.services.llm.local import LocalEngine

    app.state.llm = LocalEngine(app.state.settings)
    ctx = await make_ctx(app, sid)
    assert await run_agent(ctx, user.workspace_id, sid, None) == "processed"
    assert len(await _deals(db, user.workspace_id)) == 1 and len(await _agent_emails(db, sid)) == 1
