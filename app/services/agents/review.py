"""Reviewing what a semi-autonomous agent did (SPEC §6.4, §16 "Looks good").

A semi-autonomous run closes with ``review_due_at``: the actions already ran and
a person should look before that time. Marking it reviewed records who and when
(``reviewed_by`` is the member's account, ``reviewed_at`` the time), logs a step
and clears the bell's "review due" items of that submission for everyone. Until
then the submission counts in "Needs review" (``review_pending_sql``)."""

from __future__ import annotations

from app.db import get_in_workspace, now_iso
from app.errors import Conflict
from app.services.processing.steps import record_step


def review_pending_sql(alias: str = "") -> str:
    """The submissions a person still has to look at: escalated ones, and agent runs
    awaiting their review. One definition for the dashboard count and the list filter."""
    a = alias
    return (
        f"({a}status = 'needs_human_review'"
        f" OR ({a}review_due_at IS NOT NULL AND {a}reviewed_at IS NULL))"
    )


def _mark_reviewed_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    reviewer_id: str,
    reviewer_name: str,
    take_over_handler_id: str | None = None,
) -> dict:
    sub = get_in_workspace(
        conn,
        "submissions",
        submission_id,
        workspace_id,
        columns=("review_due_at", "reviewed_at", "reviewed_by", "status"),
        missing="No such submission.",
    )
    if sub["reviewed_at"]:  # a second click (or another member) changes nothing
        return {"reviewed_at": sub["reviewed_at"], "reviewed_by": sub["reviewed_by"]}
    if not sub["review_due_at"] or sub["status"] in ("received", "processing"):
        raise Conflict(
            "Nothing to review here: the agent has not acted on its own on this submission"
            " (or it is being processed right now).",
            code="not_awaiting_review",
        )
    now = now_iso()
    conn.execute(
        "UPDATE submissions SET reviewed_at = ?, reviewed_by = ? WHERE id = ? AND workspace_id = ?",
        (now, reviewer_id, submission_id, workspace_id),
    )
    conn.execute(
        "UPDATE notifications SET read_at = ? WHERE workspace_id = ? AND kind = 'review'"
        " AND entity_id = ? AND read_at IS NULL",
        (now, workspace_id, submission_id),
    )
    if take_over_handler_id:  # "Take over": the reviewer owns what happens next
        conn.execute(
            "UPDATE submissions SET assigned_type = 'handler', assigned_id = ? WHERE id = ?"
            " AND workspace_id = ?",
            (take_over_handler_id, submission_id, workspace_id),
        )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "reviewed",
        entity_id=take_over_handler_id,
        details={"reviewed_by": reviewer_name, "taken_over": bool(take_over_handler_id)},
        event="submission_reviewed",
    )
    return {"reviewed_at": now, "reviewed_by": reviewer_id}


async def mark_reviewed(
    db,
    workspace_id: str,
    submission_id: str,
    *,
    reviewer_id: str,
    reviewer_name: str,
    take_over_handler_id: str | None = None,
) -> dict:
    """ "Looks good": a member (``reviewer_id``: their account, or the API key used)
    has checked what the agent did; with ``take_over_handler_id`` (their own human
    handler) the submission is also assigned to them to carry on by hand. 409 when
    the submission is not waiting for a review; idempotent once reviewed."""
    return await db.write(
        _mark_reviewed_tx,
        workspace_id,
        submission_id,
        reviewer_id,
        reviewer_name,
        take_over_handler_id,
    )


async def count_needing_review(db, workspace_id: str) -> int:
    """What "Needs review" counts on the dashboard and My work."""
    return (
        await db.fetchval(
            f"SELECT COUNT(*) FROM submissions WHERE workspace_id = ? AND {review_pending_sql()}",
            (workspace_id,),
        )
        or 0
    )
