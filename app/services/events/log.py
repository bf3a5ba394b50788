"""The event log (SPEC §11): every step writes an ``events`` row."""

from __future__ import annotations

from app.db import dumps, new_id, now_iso
from app.services.events.catalogue import check_type


def emit(
    conn,
    workspace_id: str,
    type: str,
    *,
    submission_id=None,
    form_id=None,
    handler_id=None,
    details=None,
) -> str:
    """Append an event inside the caller's transaction; streams wake after commit.
    An undeclared ``type`` raises UnknownEventType (the catalogue is the contract)."""
    check_type(type)
    event_id = new_id("evt")
    conn.execute(
        "INSERT INTO events (id, workspace_id, type, submission_id, form_id, handler_id, details, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event_id,
            workspace_id,
            type,
            submission_id,
            form_id,
            handler_id,
            dumps(details or {}),
            now_iso(),
        ),
    )
    conn.signals.add("events")
    return event_id
