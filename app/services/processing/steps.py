"""A submission's processing log: each step appends to ``submissions.actions``
(``{step, status, entity_id?, details?, at}``, SPEC §6.1) and emits an event."""

from __future__ import annotations

from app.db import dumps, find_in_workspace, loads, now_iso
from app.services.events.log import emit


def record_step(
    conn,
    workspace_id: str,
    submission_id: str,
    step: str,
    status: str = "done",
    *,
    entity_id: str | None = None,
    details: dict | None = None,
    event: str | None = None,
    form_id: str | None = None,
    handler_id: str | None = None,
) -> dict:
    """Append a step inside the caller's transaction; the event type defaults to the step name."""
    entry = {"step": step, "status": status, "at": now_iso()}
    if entity_id:
        entry["entity_id"] = entity_id
    if details:
        entry["details"] = details
    row = find_in_workspace(
        conn, "submissions", submission_id, workspace_id, columns=("actions", "form_id")
    )
    actions = loads(row["actions"], []) if row else []
    actions.append(entry)
    conn.execute(
        "UPDATE submissions SET actions = ? WHERE id = ? AND workspace_id = ?",
        (dumps(actions), submission_id, workspace_id),
    )
    emit(
        conn,
        workspace_id,
        event or step,
        submission_id=submission_id,
        form_id=form_id or (row and row["form_id"]),
        handler_id=handler_id,
        details={"step": step, "status": status, "entity_id": entity_id, **(details or {})},
    )
    return entry
