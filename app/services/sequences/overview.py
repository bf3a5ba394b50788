"""What the sequence pages show: lists with counts, enrollments with the contact's
name and where it stands (services.sequences.describe words it)."""

from __future__ import annotations

from app.db import loads
from app.services.sequences import describe
from app.services.sequences.enrollments import enrollment_shape
from app.services.sequences.sequences import get_sequence_tx, list_sequences_tx

PAGE_ENROLLMENTS = 100


def _counts(conn, sequence_id: str) -> dict:
    rows = conn.all(
        "SELECT status, COUNT(*) AS n FROM enrollments WHERE sequence_id = ? GROUP BY status",
        (sequence_id,),
    )
    return {r["status"]: r["n"] for r in rows}


def sequences_overview_tx(conn, workspace_id: str, *, cursor=None, limit: int = 50):
    items, next_cursor = list_sequences_tx(conn, workspace_id, cursor=cursor, limit=limit)
    for item in items:
        item["counts"] = _counts(conn, item["id"])
    return items, next_cursor


def _decorate(row: dict, step_count: int) -> dict:
    item = enrollment_shape(row)
    item.update(
        contact_name=row["contact_name"] or row["contact_email"],
        contact_email=row["contact_email"],
        progress=describe.progress_text(item, step_count),
        next_words=describe.until_text(item["next_step_due_at"])
        if row["status"] == "active"
        else "",
        history_lines=[
            {"at": h.get("at"), "text": describe.history_text(h)} for h in item["history"]
        ],
    )
    return item


def sequence_page_tx(conn, workspace_id: str, sequence_id) -> dict:
    sequence = get_sequence_tx(conn, workspace_id, sequence_id)
    for index, step in enumerate(sequence["steps"]):
        step["delay_text"] = describe.delay_text(step, index == 0)
    rows = conn.all(
        "SELECT e.*, c.name AS contact_name, c.email AS contact_email FROM enrollments e"
        " JOIN contacts c ON c.id = e.contact_id WHERE e.sequence_id = ?"
        " ORDER BY e.status IN ('active', 'paused') DESC, e.enrolled_at DESC LIMIT ?",
        (sequence["id"], PAGE_ENROLLMENTS),
    )
    count = len(sequence["steps"])
    return {
        "sequence": sequence,
        "enrollments": [_decorate(r, count) for r in rows],
        "counts": _counts(conn, sequence["id"]),
        "conditions": [describe.CONDITION_LABELS[c] for c in sequence["stop_conditions"]],
    }


def contact_enrollments_tx(conn, workspace_id: str, contact_id: str) -> list[dict]:
    """The contact's enrollments, newest first, worded for its page."""
    rows = conn.all(
        "SELECT e.*, s.name AS sequence_name, s.deleted_at AS sequence_deleted_at,"
        " (SELECT COUNT(*) FROM sequence_steps st WHERE st.sequence_id = s.id) AS step_count"
        " FROM enrollments e JOIN sequences s ON s.id = e.sequence_id"
        " WHERE e.workspace_id = ? AND e.contact_id = ? ORDER BY e.enrolled_at DESC LIMIT 50",
        (workspace_id, contact_id),
    )
    return [
        {
            **enrollment_shape(r),
            "sequence_name": r["sequence_name"],
            "sequence_deleted": bool(r["sequence_deleted_at"]),
            "progress": describe.progress_text(r, r["step_count"]),
            "history": loads(r["history"], []),
        }
        for r in rows
    ]
