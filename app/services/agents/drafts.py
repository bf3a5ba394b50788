"""Drafts (SPEC §6.4, §12): plans waiting for a human. Approving runs the
(possibly edited) actions through the same idempotent executor the agent
uses; rejecting records a note. Another workspace's draft is 404."""

from __future__ import annotations

from app.db import dumps, fetch_page, get_in_workspace, loads, now_iso
from app.errors import Conflict, NotFound, ValidationError
from app.services.agents import autonomy
from app.services.agents.actions import apply_contact_updates_tx, execute_actions
from app.services.agents.context import agent_settings
from app.services.agents.plan import check_edited_actions
from app.services.processing.steps import record_step

STATUSES = ("pending", "approved", "rejected")
MAX_NOTE = 2000


def draft_shape(row: dict) -> dict:
    return {
        "id": row["id"],
        "submission_id": row["submission_id"],
        "handler_id": row["handler_id"],
        "reasoning": row["reasoning"],
        "planned_actions": loads(row["planned_actions"], []),
        "contact_updates": loads(row["contact_updates"], {}),
        "blocked_actions": loads(row["blocked_actions"], []),
        "status": row["status"],
        "reviewed_by": row["reviewed_by"],
        "reviewed_at": row["reviewed_at"],
        "note": row["note"],
        "created_at": row["created_at"],
    }


API_KEYS = (
    "id",
    "submission_id",
    "handler_id",
    "reasoning",
    "planned_actions",
    "contact_updates",
    "blocked_actions",
    "status",
    "reviewed_by",
    "reviewed_at",
    "note",
    "created_at",
    "form_id",
)


def api_shape(draft: dict) -> dict:
    """The JSON API's draft (SPEC §12 keys plus reasoning, contact updates, blocked actions, form)."""
    return {k: draft.get(k) for k in API_KEYS}


_LIST_SELECT = (
    "SELECT d.*, s.form_id, f.name AS form_name, s.data AS submission_data, c.email AS contact_email,"
    " c.name AS contact_name, h.name AS handler_name, a.name AS reviewer_name, a.email AS reviewer_email FROM drafts d"
    " JOIN submissions s ON s.id = d.submission_id AND s.workspace_id = d.workspace_id"
    " LEFT JOIN forms f ON f.id = s.form_id LEFT JOIN contacts c ON c.id = s.contact_id"
    " LEFT JOIN handlers h ON h.id = d.handler_id LEFT JOIN accounts a ON a.id = d.reviewed_by"
)


def _listing(row: dict) -> dict:
    return {
        **draft_shape(row),
        "form_id": row["form_id"],
        "form_name": row["form_name"] or "",
        "contact_email": row["contact_email"] or "",
        "contact_name": row["contact_name"] or "",
        "handler_name": row["handler_name"] or "",
        "submission_data": loads(row["submission_data"], {}),
        "reviewer_name": row["reviewer_name"] or row["reviewer_email"] or "",
    }


async def list_drafts(
    db,
    workspace_id: str,
    *,
    status: str | None = "pending",
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[dict], str | None]:
    """Newest first; ``status`` None lists every draft."""
    if status is not None and status not in STATUSES:
        raise ValidationError(fields={"status": f"Use one of {', '.join(STATUSES)}."})
    where, params = ["d.workspace_id = ?"], [workspace_id]
    if status:
        where.append("d.status = ?")
        params.append(status)
    items, next_cursor = await db.read(
        fetch_page, _LIST_SELECT, where, params, cursor=cursor, limit=limit, alias="d."
    )
    return [_listing(r) for r in items], next_cursor


async def get_draft(db, workspace_id: str, draft_id: str) -> dict:
    row = await db.fetchone(
        _LIST_SELECT + " WHERE d.workspace_id = ? AND d.id = ?", (workspace_id, draft_id)
    )
    if row is None:
        raise NotFound("No such draft in this workspace.")
    return _listing(row)


async def count_pending(db, workspace_id: str) -> int:
    return await db.fetchval(
        "SELECT COUNT(*) FROM drafts WHERE workspace_id = ? AND status = 'pending'", (workspace_id,)
    )


def _pending(conn, workspace_id: str, draft_id: str) -> dict:
    draft = get_in_workspace(
        conn, "drafts", draft_id, workspace_id, missing="No such draft in this workspace."
    )
    if draft["status"] != "pending":
        raise Conflict(f"This draft was already {draft['status']}.", code="draft_already_reviewed")
    return draft


def _claim_tx(
    conn, workspace_id: str, draft_id: str, reviewer: str, edited, note: str | None = None
) -> dict:
    """Mark the draft approved with its final actions; the execution follows."""
    draft = _pending(conn, workspace_id, draft_id)
    form = conn.one(
        "SELECT f.* FROM forms f JOIN submissions s ON s.form_id = f.id WHERE s.id = ?",
        (draft["submission_id"],),
    )
    allowed = agent_settings(form)["allowed_actions"] if form else []
    original = loads(draft["planned_actions"], [])
    actions = check_edited_actions(original if edited is None else edited, allowed)
    final = [{"action": a["action"], "details": a["details"]} for a in actions]
    conn.execute(
        "UPDATE drafts SET status = 'approved', reviewed_by = ?, reviewed_at = ?, planned_actions = ?,"
        " note = COALESCE(?, note) WHERE id = ?",
        (reviewer, now_iso(), dumps(final), note, draft_id),
    )
    conn.execute(
        "UPDATE submissions SET status = 'processing' WHERE id = ? AND workspace_id = ?",
        (draft["submission_id"], workspace_id),
    )
    return {**draft, "actions": actions, "edited": edited is not None and final != original}


async def approve_draft(
    db, workspace_id: str, draft_id: str, *, reviewer: str, actions=None, note: str | None = None
) -> dict:
    """Approve (optionally with edited ``actions`` and a ``note``) and execute; 409 if
    already reviewed."""
    draft = await db.write(_claim_tx, workspace_id, draft_id, reviewer, actions, note)
    await execute_approved(db, workspace_id, draft, reviewer=reviewer)
    return await get_draft(db, workspace_id, draft_id)


async def execute_approved(db, workspace_id: str, draft: dict, *, reviewer: str) -> str:
    """Run an approved draft's actions (idempotent: recovery may call it again)."""
    submission_id, handler_id = draft["submission_id"], draft["handler_id"]
    actions = draft.get("actions") or [
        {"index": i, **a} for i, a in enumerate(loads(draft["planned_actions"], []))
    ]
    results = await execute_actions(
        db.write, workspace_id, submission_id, actions, handler_id=handler_id
    )
    await db.write(
        apply_contact_updates_tx,
        workspace_id,
        submission_id,
        loads(draft["contact_updates"], {}),
        "AI agent (approved draft)",
        handler_id,
    )
    escalated = any(r["action"] == "escalate" and r["status"] == "done" for r in results)

    def finish(conn):
        record_step(
            conn,
            workspace_id,
            submission_id,
            "human_approved",
            "done",
            entity_id=draft["id"],
            handler_id=handler_id,
            details={
                "draft_id": draft["id"],
                "reviewed_by": reviewer,
                "edited": bool(draft.get("edited")),
                "actions": len(results),
            },
        )
        return autonomy.finish_tx(
            conn,
            workspace_id,
            submission_id,
            handler_id,
            status="needs_human_review" if escalated else "processed",
            details={"autonomy": "draft", "draft_id": draft["id"]},
        )

    return await db.write(finish)


def checked_note(note, *, required: bool) -> str:
    """A review note: trimmed, at most MAX_NOTE characters, required to reject."""
    note = (note or "").strip()
    if required and not note:
        raise ValidationError(
            fields={"note": "Say why you reject the draft; the note is kept with the submission."}
        )
    if len(note) > MAX_NOTE:
        raise ValidationError(fields={"note": f"Keep the note under {MAX_NOTE} characters."})
    return note


async def reject_draft(db, workspace_id: str, draft_id: str, *, reviewer: str, note: str) -> dict:
    """Reject with a note (required); nothing runs and the submission is closed as processed."""
    note = checked_note(note, required=True)

    def fn(conn):
        draft = _pending(conn, workspace_id, draft_id)
        conn.execute(
            "UPDATE drafts SET status = 'rejected', reviewed_by = ?, reviewed_at = ?, note = ? WHERE id = ?",
            (reviewer, now_iso(), note, draft_id),
        )
        sid = draft["submission_id"]
        conn.execute(
            "UPDATE submissions SET outcome = 'draft_rejected' WHERE id = ? AND workspace_id = ?",
            (sid, workspace_id),
        )
        record_step(
            conn,
            workspace_id,
            sid,
            "human_rejected",
            "done",
            entity_id=draft_id,
            handler_id=draft["handler_id"],
            details={"draft_id": draft_id, "reviewed_by": reviewer, "note": note},
        )
        autonomy.close_submission_tx(conn, workspace_id, sid, "processed")
        conn.execute(
            "UPDATE agent_runs SET status = 'done', updated_at = ? WHERE submission_id = ?",
            (now_iso(), sid),
        )
        autonomy.settle_handler_tx(conn, workspace_id, draft["handler_id"])

    await db.write(fn)
    return await get_draft(db, workspace_id, draft_id)
