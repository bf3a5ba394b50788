"""Periodic recovery (SPEC §6.6), run by the scheduler tick:

- a submission stuck in ``processing`` (no event for stale_submission_minutes
  and no live job) is re-queued once, then handed to a human
  (``needs_human_review`` + an errors row + the fallback handler told);
- an approved draft whose execution was cut short is resumed (idempotent);
- an agent handler in ``processing`` without a heartbeat for
  stuck_handler_seconds is marked ``stuck`` (a ``handler_stuck`` event).
"""

from __future__ import annotations

import logging

from app.db import dumps, new_id, now_iso
from app.db.clock import iso_ago
from app.services.agents import autonomy
from app.services.events.log import emit
from app.services.platform.jobs import enqueue
from app.services.processing.steps import record_step

log = logging.getLogger("formagent.agents.recovery")
BATCH = 100


def _stale(conn, threshold: str) -> list[dict]:
    return conn.all(
        "SELECT s.id, s.workspace_id, s.assigned_id FROM submissions s WHERE s.status = 'processing'"
        " AND s.created_at < ? AND COALESCE((SELECT MAX(e.created_at) FROM events e WHERE e.submission_id = s.id),"
        " s.created_at) < ? ORDER BY s.created_at LIMIT ?",
        (threshold, threshold, BATCH),
    )


def _has_live_job(conn, submission_id: str) -> bool:
    return bool(
        conn.value(
            "SELECT 1 FROM jobs WHERE status IN ('queued', 'running') AND kind = 'process_submission'"
            " AND payload LIKE ? LIMIT 1",
            (f'%"{submission_id}"%',),
        )
    )


def _recover_one_tx(conn, row: dict, threshold: str) -> str:
    """Decide inside one transaction (the row may have moved on since the scan)."""
    sid, ws = row["id"], row["workspace_id"]
    still = conn.value("SELECT status FROM submissions WHERE id = ?", (sid,))
    if still != "processing" or _has_live_job(conn, sid):
        return "skipped"
    approved = conn.one(
        "SELECT * FROM drafts WHERE submission_id = ? AND status = 'approved'", (sid,)
    )
    if approved:
        return "resume_draft"
    tries = conn.value(
        "SELECT COUNT(*) FROM errors WHERE submission_id = ? AND kind = 'stale_processing'", (sid,)
    )
    if tries == 0:
        conn.execute(
            "INSERT INTO errors (id, workspace_id, submission_id, kind, message, details, created_at)"
            " VALUES (?, ?, ?, 'stale_processing', ?, ?, ?)",
            (
                new_id("err"),
                ws,
                sid,
                "Processing stalled; the submission was re-queued.",
                dumps({"stale_since": threshold}),
                now_iso(),
            ),
        )
        enqueue(conn, "process_submission", {"submission_id": sid}, workspace_id=ws)
        record_step(
            conn,
            ws,
            sid,
            "stale_recovered",
            "requeued",
            event="agent_retry",
            details={"reason": "processing stalled", "action": "re-queued process_submission"},
        )
        return "requeued"
    handler = conn.value("SELECT handler_id FROM agent_runs WHERE submission_id = ?", (sid,))
    autonomy.fail_tx(
        conn,
        ws,
        sid,
        handler,
        kind="stale_processing",
        message="Processing stalled twice; a human needs to take over.",
    )
    return "handed_over"


def _mark_stuck_tx(conn, threshold: str) -> list[dict]:
    rows = conn.all(
        "UPDATE handlers SET state = 'stuck' WHERE type = 'agent' AND state = 'processing'"
        " AND (last_heartbeat_at IS NULL OR last_heartbeat_at < ?)"
        " RETURNING id, workspace_id, current_submission_id, last_heartbeat_at",
        (threshold,),
    )
    for row in rows:
        emit(
            conn,
            row["workspace_id"],
            "handler_stuck",
            submission_id=row["current_submission_id"],
            handler_id=row["id"],
            details={"last_heartbeat_at": row["last_heartbeat_at"]},
        )
    return rows


async def recover_stale(ctx) -> dict:
    """The scheduler task: stale submissions, interrupted approvals, stuck agents."""
    from app.services.agents.drafts import execute_approved

    settings, db = ctx.settings, ctx.db
    threshold = iso_ago(settings.stale_submission_minutes * 60)
    counts: dict[str, int] = {}
    for row in await db.read(_stale, threshold):
        outcome = await db.write(_recover_one_tx, row, threshold)
        if outcome == "resume_draft":
            draft = await db.fetchone(
                "SELECT * FROM drafts WHERE submission_id = ? AND status = 'approved'", (row["id"],)
            )
            try:
                await execute_approved(
                    db, row["workspace_id"], draft, reviewer=draft["reviewed_by"] or ""
                )
            except Exception:
                log.exception("resuming approved draft %s failed", draft["id"])
                outcome = "resume_failed"
        counts[outcome] = counts.get(outcome, 0) + 1
    stuck = await db.write(_mark_stuck_tx, iso_ago(settings.stuck_handler_seconds))
    counts["stuck_handlers"] = len(stuck)
    return counts
