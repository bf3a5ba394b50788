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
    created_at: str | None = None,
) -> str:
    """Append an event inside the caller's transaction; streams wake after commit.
    An undeclared ``type`` raises UnknownEventType (the catalogue is the contract).
    ``created_at``: the caller's own timestamp of the moment, when it has one."""
    check_type(type)
    event_id, created_at = new_id("evt"), created_at or now_iso()
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
            created_at,
        ),
    )
    conn.signals.add("events")
    # Webhooks, assignment emails and Slack messages are queued in this same
    # transaction (SPEC §18).
    (_FAN_OUT or _load_fan_out())(
        conn,
        {
            "id": event_id,
            "workspace_id": workspace_id,
            "type": type,
            "submission_id": submission_id,
            "form_id": form_id,
            "handler_id": handler_id,
            "details": details or {},
            "created_at": created_at,
        },
    )
    return event_id


_FAN_OUT = None


def _load_fan_out():
    """fanout uses the jobs and the outbox, which import this module: imported on the
    first event, then kept (an import statement in every emit showed in the profile)."""
    global _FAN_OUT  # noqa: PLW0603
    from app.services.integrations.fanout import fan_out  # noqa: PLC0415

    _FAN_OUT = fan_out
    return fan_out
