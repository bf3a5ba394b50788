"""The agent status board and the scheduler's recovery of stale work."""

from __future__ import annotations

from app.db import loads, now_iso
from app.db.clock import iso_ago
from app.services.agents.recovery import recover_stale
from app.services.platform.jobs import JobContext
from tests.factory import make_handler, submitted
from tests.helpers import drain_jobs, soup
from tests.helpers_agents import CFO_LEAD, make_agent_form, submission


def _ctx(app):
    return JobContext(app.state.db, app.state.settings, app.state, None)


async def _set_handler(db, handler_id, **values):
    cols = ", ".join(f"{k} = ?" for k in values)
    await db.execute(f"UPDATE handlers SET {cols} WHERE id = ?", (*values.values(), handler_id))


async def test_board_shows_each_agent_state_and_refreshes_itself(app, user, db):
    busy = await make_handler(db, user.workspace_id, name="Busy bot")
    idle = await make_handler(db, user.workspace_id, name="Idle bot")
    await make_handler(db, user.workspace_id, type="human", name="Hanna")
    await _set_handler(db, busy, state="processing", last_heartbeat_at=now_iso())
    r = await user.web.get("/agents")
    assert r.status_code == 200
    board = soup(r).select_one("#agent-board")
    assert (
        board["hx-get"] == "/agents"
        and board["hx-trigger"] == "every 5s"
        and board["hx-swap"] == "outerHTML"
    )
    rows = {
        row.select_one("td").text.strip(): row["data-state"] for row in board.select("tr.agent-row")
    }
    assert rows == {"Busy bot": "processing", "Idle bot": "idle"}
    fragment = await user.web.get("/agents", headers={"HX-Request": "true"})
    assert (
        fragment.text.lstrip().startswith('<section id="agent-board"')
        and "<html" not in fragment.text
    )
    assert soup(fragment).select_one(f"#agent-{idle} .badge").text.strip() == "idle"


async def test_board_flags_an_agent_without_heartbeat_as_stuck(app, user, db):
    bot = await make_handler(db, user.workspace_id, name="Slow bot")
    stale = iso_ago(app.state.settings.stuck_handler_seconds + 5)
    await _set_handler(db, bot, state="processing", last_heartbeat_at=stale)
    row = soup(await user.web.get("/agents")).select_one(f"#agent-{bot}")
    assert (
        row["data-state"] == "stuck" and "is-stuck" in row["class"] and "No heartbeat" in row.text
    )
    counts = await recover_stale(_ctx(app))
    assert counts["stuck_handlers"] == 1
    assert await db.fetchval("SELECT state FROM handlers WHERE id = ?", (bot,)) == "stuck"
    assert (
        await db.fetchval(
            "SELECT COUNT(*) FROM events WHERE type = 'handler_stuck' AND handler_id = ?", (bot,)
        )
        == 1
    )


async def test_board_is_per_workspace(app, two_workspaces, db):
    alice, bob = two_workspaces
    await make_handler(db, alice.workspace_id, name="Alice bot")
    page = await bob.web.get("/agents")
    assert "Alice bot" not in page.text and "No AI agent has acted yet" in page.text


async def test_board_needs_a_session(app, client):
    r = await client.get("/agents", follow_redirects=False)
    assert r.status_code in (303, 401)


async def test_stale_processing_submission_is_requeued_once_then_handed_to_a_human(
    app, user, db, freeze_clock
):
    form = await make_agent_form(user)
    sid = await submitted(user, form["id"], CFO_LEAD)
    # A worker died mid-run: the submission says processing and no job is alive.
    await db.execute("UPDATE submissions SET status = 'processing' WHERE id = ?", (sid,))
    await db.execute("UPDATE jobs SET status = 'dead' WHERE kind = 'process_submission'")
    assert (await recover_stale(_ctx(app))).get("requeued") is None  # not stale yet

    freeze_clock.advance(minutes=31)
    assert (await recover_stale(_ctx(app)))["requeued"] == 1
    assert (
        await db.fetchval(
            "SELECT COUNT(*) FROM jobs WHERE kind = 'process_submission' AND status = 'queued'"
        )
        == 1
    )
    assert (await recover_stale(_ctx(app))).get("requeued") is None  # a live job: left alone

    # The re-queued job dies too; later the scheduler gives up and hands over.
    await db.execute("UPDATE jobs SET status = 'dead' WHERE kind = 'process_submission'")
    freeze_clock.advance(minutes=31)
    assert (await recover_stale(_ctx(app)))["handed_over"] == 1
    sub = await submission(db, sid)
    assert sub["status"] == "needs_human_review"
    kinds = [
        r["kind"]
        for r in await db.fetchall(
            "SELECT kind FROM errors WHERE submission_id = ? ORDER BY created_at", (sid,)
        )
    ]
    assert kinds == ["stale_processing", "stale_processing"]
    steps = [s["step"] for s in sub["actions"]]
    assert "stale_recovered" in steps and steps[-2:] == ["agent_error", "agent_escalated"]


async def test_requeued_stale_submission_is_processed_by_the_job(app, user, db, freeze_clock):
    form = await make_agent_form(user)
    sid = await submitted(user, form["id"], CFO_LEAD)
    await db.execute("UPDATE submissions SET status = 'processing' WHERE id = ?", (sid,))
    await db.execute("UPDATE jobs SET status = 'dead' WHERE kind = 'process_submission'")
    freeze_clock.advance(minutes=31)
    await recover_stale(_ctx(app))
    await drain_jobs(app)
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    assert len(await db.fetchall("SELECT id FROM deals")) == 1


async def test_an_interrupted_approval_is_resumed(app, user, db, freeze_clock):
    form = await make_agent_form(user, autonomy="draft")
    sid = await submitted(user, form["id"], CFO_LEAD)
    await drain_jobs(app)
    draft_id = await db.fetchval("SELECT id FROM drafts WHERE submission_id = ?", (sid,))
    # The approval was recorded, then the server died before the actions ran.
    await db.execute(
        "UPDATE drafts SET status = 'approved', reviewed_by = ? WHERE id = ?",
        (user.account_id, draft_id),
    )
    await db.execute("UPDATE submissions SET status = 'processing' WHERE id = ?", (sid,))
    freeze_clock.advance(minutes=31)
    assert (await recover_stale(_ctx(app)))["resume_draft"] == 1
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    emails = [
        e
        for e in await db.fetchall("SELECT related FROM emails WHERE submission_id = ?", (sid,))
        if loads(e["related"]).get("action") == "send_email"
    ]
    assert len(emails) == 1
