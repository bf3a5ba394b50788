"""The process_submission job: each flow's steps and entities, statuses, reprocess."""

from __future__ import annotations

import json

import pytest

from tests.factory import make_form, submit
from tests.helpers import drain_jobs


async def human(user, name="Hana Human", email="hana@acme.test", **extra):
    r = await user.api.post(
        "/api/handlers", json={"type": "human", "name": name, "email": email, **extra}
    )
    assert r.status_code == 201, r.text
    return r.json()


async def run(app, client, form, data):
    r = await submit(client, form["id"], data)
    assert r.status_code == 201, r.text
    await drain_jobs(app)
    return await detail(app, r.json()["submission_id"])


async def detail(app, sid):
    row = await app.state.db.fetchone("SELECT * FROM submissions WHERE id = ?", (sid,))
    row["actions"] = json.loads(row["actions"])
    row["steps"] = [(a["step"], a["status"]) for a in row["actions"]]
    return row


async def count(db, table, **where):
    clause = " AND ".join(f"{k} = ?" for k in where) or "1 = 1"
    return await db.fetchval(f"SELECT COUNT(*) FROM {table} WHERE {clause}", tuple(where.values()))


async def test_direct_route_task_confirmation_notify(app, client, db, user):
    hana = await human(user)
    form = await make_form(
        user, flow_id="direct_route", assignment={"type": "handler", "id": hana["id"]}
    )
    sub = await run(
        app, client, form, {"email": "ada@corp.test", "name": "Ada", "message": "Hello"}
    )
    assert sub["steps"] == [
        ("processing_started", "done"),
        ("route", "done"),
        ("task", "done"),
        ("confirmation", "done"),
        ("notify", "done"),
        ("completed", "done"),
    ]
    assert (
        sub["status"] == "processed" and sub["processed_at"] and sub["processing_duration_ms"] >= 0
    )
    assert sub["assigned_type"] == "handler" and sub["assigned_id"] == hana["id"]
    task = await db.fetchone("SELECT * FROM tasks WHERE submission_id = ?", (sub["id"],))
    assert task["assignee_id"] == hana["id"] and task["contact_id"] == sub["contact_id"]
    emails = {
        e["to_addr"]: e
        for e in await db.fetchall("SELECT * FROM emails WHERE submission_id = ?", (sub["id"],))
    }
    assert set(emails) == {"ada@corp.test", "hana@acme.test"}
    assert "Ada" in emails["ada@corp.test"]["body_text"]
    events = [
        e["type"]
        for e in await db.fetchall("SELECT type FROM events WHERE submission_id = ?", (sub["id"],))
    ]
    assert {"submission_routed", "task_created", "submission_processed"} <= set(events)
    assert json.loads(sub["created_entities"])["task_id"] == task["id"]


async def test_support_triage_ticket_with_reference_in_confirmation(app, client, db, user):
    hana = await human(user)
    form = await make_form(
        user, flow_id="support_triage", assignment={"type": "handler", "id": hana["id"]}
    )
    sub = await run(app, client, form, {"email": "bug@corp.test", "message": "It broke"})
    assert [s for s, _ in sub["steps"]] == [
        "processing_started",
        "ticket",
        "confirmation",
        "route",
        "ticket_assigned",
        "notify",
        "completed",
    ]
    ticket = await db.fetchone("SELECT * FROM tickets WHERE submission_id = ?", (sub["id"],))
    assert ticket["reference"] == "T-00001" and ticket["assignee_id"] == hana["id"]
    confirmation = await db.fetchone("SELECT * FROM emails WHERE to_addr = 'bug@corp.test'")
    assert "T-00001" in confirmation["subject"] and "T-00001" in confirmation["body_text"]
    assert sub["status"] == "processed"


async def test_sales_lead_without_assignment_calls_the_agent_seam(app, client, db, user):
    form = await make_form(
        user, flow_id="sales_lead", auto={"confirmation_template": "Thanks {{ name }}!"}
    )
    sub = await run(
        app, client, form, {"email": "lead@bigco.test", "name": "Lee", "company": "BigCo"}
    )
    steps = [s for s, _ in sub["steps"]]
    assert steps[:5] == ["processing_started", "confirmation", "activity", "route", "notify"]
    assert dict(sub["steps"])["route"] == "skipped"
    assert sub["status"] in ("processed", "awaiting_approval", "needs_human_review")
    email = await db.fetchone("SELECT body_text FROM emails WHERE to_addr = 'lead@bigco.test'")
    assert email["body_text"] == "Thanks Lee!"
    assert await count(db, "activities", submission_id=sub["id"]) == 1


async def test_sales_lead_routed_to_human_skips_the_agent(app, client, db, user):
    hana = await human(user)
    form = await make_form(
        user, flow_id="sales_lead", assignment={"type": "handler", "id": hana["id"]}
    )
    sub = await run(app, client, form, {"email": "lead@bigco.test"})
    steps = dict(sub["steps"])
    assert "agent" not in steps and steps["confirmation"] == "skipped"  # no template set
    assert sub["status"] == "processed" and sub["outcome"] == f"assigned:{hana['id']}"
    assert await count(db, "emails", to_addr="hana@acme.test") == 1


async def test_email_marketing_skips_campaign_and_sequence_with_reasons(app, client, db, user):
    form = await make_form(
        user,
        flow_id="email_marketing",
        auto={"confirmation_template": "Here is your guide: https://x.test/guide.pdf"},
    )
    sub = await run(app, client, form, {"email": "reader@x.test"})
    assert [s for s, _ in sub["steps"]] == [
        "processing_started",
        "campaign",
        "welcome_email",
        "sequence",
        "activity",
        "notify",
        "completed",
    ]
    by_step = {a["step"]: a for a in sub["actions"]}
    assert by_step["campaign"]["status"] == "skipped" and by_step["campaign"]["details"]["reason"]
    assert by_step["sequence"]["status"] == "skipped"
    assert by_step["welcome_email"]["status"] == "done" and sub["status"] == "processed"


async def test_booking_request_sends_the_booking_link(app, client, db, user):
    form = await make_form(
        user, flow_id="booking_request", auto={"booking_url": "https://cal.test/acme"}
    )
    sub = await run(app, client, form, {"email": "meet@x.test"})
    assert [s for s, _ in sub["steps"]] == [
        "processing_started",
        "confirmation",
        "activity",
        "notify",
        "completed",
    ]
    email = await db.fetchone("SELECT body_text FROM emails WHERE to_addr = 'meet@x.test'")
    assert "https://cal.test/acme" in email["body_text"]
    assert await count(db, "activities", kind="booking_request") == 1


async def test_notify_only_makes_no_contact(app, client, db, user):
    hana = await human(user)
    form = await make_form(user, flow_id="notify_only", auto={"notify_handler_ids": [hana["id"]]})
    sub = await run(app, client, form, {"email": "inside@acme.test", "company": "Acme"})
    assert [s for s, _ in sub["steps"]] == ["processing_started", "notify", "completed"]
    assert (
        sub["contact_id"] is None
        and await count(db, "contacts") == 0
        and await count(db, "companies") == 0
    )
    assert await count(db, "emails", to_addr="hana@acme.test") == 1


async def test_reprocess_does_not_duplicate_entities(app, client, db, user):
    hana = await human(user)
    form = await make_form(
        user, flow_id="support_triage", assignment={"type": "handler", "id": hana["id"]}
    )
    sub = await run(app, client, form, {"email": "again@x.test"})
    before = {
        t: await count(db, t)
        for t in ("tickets", "emails", "tasks", "activities", "contacts", "touchpoints")
    }
    r = await user.api.post(f"/api/submissions/{sub['id']}/reprocess")
    assert r.status_code == 202, r.text
    again = await user.api.post(f"/api/submissions/{sub['id']}/reprocess")
    assert again.status_code == 409  # still queued
    await drain_jobs(app)
    after = {t: await count(db, t) for t in before}
    assert after == before
    redone = await detail(app, sub["id"])
    assert redone["status"] == "processed" and [s for s, _ in redone["steps"]].count("ticket") == 2
    assert redone["steps"][-1] == ("completed", "done")


async def test_failure_on_last_attempt_needs_human_review(app, client, db, user, monkeypatch):
    form = await make_form(user, flow_id="booking_request")

    def broken(conn, fc, *a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr("app.services.processing.flow_steps.activity", broken)
    r = await submit(client, form["id"], {"email": "x@y.test"})
    await db.execute("UPDATE jobs SET max_attempts = 1")
    await drain_jobs(app)
    sub = await detail(app, r.json()["submission_id"])
    assert sub["status"] == "needs_human_review" and sub["steps"][-1] == ("failed", "failed")
    assert await count(db, "errors", submission_id=sub["id"]) == 1


@pytest.mark.parametrize("flow", ["direct_route", "booking_request", "notify_only"])
async def test_processing_events_reach_the_log(app, client, db, user, flow):
    form = await make_form(user, flow_id=flow)
    sub = await run(app, client, form, {"email": "e@x.test"})
    types = {
        e["type"]
        for e in await db.fetchall("SELECT type FROM events WHERE submission_id = ?", (sub["id"],))
    }
    assert {"submission_received", "submission_processing", "submission_processed"} <= types


async def test_agent_handler_gets_the_submission_through_the_seam(
    app, client, db, user, monkeypatch
):
    calls = []

    async def fake_run_agent(ctx, workspace_id, submission_id, handler_id):
        calls.append((workspace_id, submission_id, handler_id))
        return "awaiting_approval"

    monkeypatch.setattr("app.services.agents.runner.run_agent", fake_run_agent)
    r = await user.api.post(
        "/api/handlers", json={"type": "agent", "name": "Scout", "instructions": "Qualify"}
    )
    agent_id = r.json()["id"]
    form = await make_form(
        user, flow_id="sales_lead", assignment={"type": "handler", "id": agent_id}
    )
    sub = await run(app, client, form, {"email": "lead@corp.test"})
    assert calls == [(user.workspace_id, sub["id"], agent_id)]
    assert sub["status"] == "awaiting_approval" and sub["processed_at"]
    assert sub["steps"][-1] == ("completed", "done")
    assert await count(db, "emails", kind="notification") == 0  # an agent is not emailed


async def test_agent_retry_later_requeues_without_failing(app, client, db, user, monkeypatch):
    from app.services.platform.jobs import RetryLater

    async def busy(ctx, workspace_id, submission_id, handler_id):
        raise RetryLater(60, "LLM unavailable")

    monkeypatch.setattr("app.services.agents.runner.run_agent", busy)
    form = await make_form(user, flow_id="support_triage")
    sid = (await submit(client, form["id"], {"email": "help@x.test"})).json()["submission_id"]
    await drain_jobs(app)
    job = await db.fetchone("SELECT status, last_error FROM jobs WHERE kind = 'process_submission'")
    assert job["status"] == "queued" and "LLM unavailable" in job["last_error"]
    assert (await detail(app, sid))["status"] == "processing"


async def test_confirmation_text_keeps_plain_characters(app, client, db, user):
    form = await make_form(
        user,
        flow_id="booking_request",
        auto={"booking_url": "https://cal.test/x", "confirmation_template": "Hi {{ name }}!"},
    )
    await run(app, client, form, {"email": "q@x.test", "name": "Ann & <Bob>"})
    email = await db.fetchone("SELECT body_text, body_html FROM emails WHERE to_addr = 'q@x.test'")
    assert email["body_text"] == "Hi Ann & <Bob>!"
    assert "Ann &amp; &lt;Bob&gt;" in email["body_html"]
