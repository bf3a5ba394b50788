"""Nurture sequences (SPEC §8): sequences with ordered steps, enrollments with
history, and the scheduler task that sends due steps exactly once.

Services take (db, workspace_id, ...); the ``*_tx`` functions they wrap live in
sequences.py (sequences, steps), enrollments.py (enroll, actions, stops) and
sending.py (the send transaction and the periodic task ``send_due_steps``).
Other domains call, inside their own transaction:
- ``enroll_tx(conn, ws, sequence_id, contact_id, ...)`` (flows, agents);
- ``stop_for_contact_tx(conn, ws, contact_id, "contact_unsubscribed")`` (unsubscribe).
"""

from __future__ import annotations

from app.errors import Conflict
from app.services.sequences import enrollments as _e
from app.services.sequences import overview as _o
from app.services.sequences import sequences as _s
from app.services.sequences.describe import CONDITION_LABELS as STOP_CONDITION_LABELS
from app.services.sequences.enrollments import (
    enroll_tx,
    enrollment_shape,
    is_unsubscribed,
    live_enrollment,
    stop_for_contact_tx,
)
from app.services.sequences.links import (
    ensure_enrolled_tx,
    nurture_sequence_tx,
    resolve_sequence_tx,
)
from app.services.sequences.sending import send_due_steps, send_next_step
from app.services.sequences.sequences import (
    MAX_DELAY_DAYS,
    MAX_DELAY_HOURS,
    MAX_STEPS,
    STATUSES,
    STEP_VARIABLES,
    STOP_CONDITIONS,
)

__all__ = [
    "MAX_DELAY_DAYS",
    "MAX_DELAY_HOURS",
    "MAX_STEPS",
    "STATUSES",
    "STEP_VARIABLES",
    "STOP_CONDITIONS",
    "STOP_CONDITION_LABELS",
    "enroll_tx",
    "ensure_enrolled_tx",
    "enrollment_shape",
    "is_unsubscribed",
    "live_enrollment",
    "nurture_sequence_tx",
    "resolve_sequence_tx",
    "send_due_steps",
    "stop_for_contact_tx",
]


# -- sequences and steps --------------------------------------------------------------
async def list_sequences(db, workspace_id: str, *, cursor=None, limit: int = 50):
    return await db.read(_s.list_sequences_tx, workspace_id, cursor=cursor, limit=limit)


async def get_sequence(db, workspace_id: str, sequence_id) -> dict:
    return await db.read(_s.get_sequence_tx, workspace_id, sequence_id)


async def create_sequence(db, workspace_id: str, data: dict) -> dict:
    return await db.write(_s.create_sequence_tx, workspace_id, data)


async def update_sequence(db, workspace_id: str, sequence_id, data: dict) -> dict:
    return await db.write(_s.update_sequence_tx, workspace_id, sequence_id, data)


def _delete_tx(conn, workspace_id, sequence_id) -> int:
    return _e.stop_for_sequence_tx(conn, _s.delete_sequence_tx(conn, workspace_id, sequence_id))


async def delete_sequence(db, workspace_id: str, sequence_id) -> int:
    """Delete the sequence; its live enrollments stop (``sequence_deleted``). The count stopped."""
    return await db.write(_delete_tx, workspace_id, sequence_id)


async def get_step(db, workspace_id: str, sequence_id, step_id) -> dict:
    return await db.read(_s.get_step_tx, workspace_id, sequence_id, step_id)


async def add_step(db, workspace_id: str, sequence_id, data: dict) -> dict:
    return await db.write(_s.add_step_tx, workspace_id, sequence_id, data)


async def update_step(db, workspace_id: str, sequence_id, step_id, data: dict) -> dict:
    return await db.write(_s.update_step_tx, workspace_id, sequence_id, step_id, data)


async def delete_step(db, workspace_id: str, sequence_id, step_id) -> None:
    await db.write(_s.delete_step_tx, workspace_id, sequence_id, step_id)


# -- enrollments ----------------------------------------------------------------------
def _shaped(fn):
    def run(conn, *args):
        return enrollment_shape(fn(conn, *args))

    return run


async def enroll(db, workspace_id: str, sequence_id, data: dict, *, by=None) -> dict:
    """Enroll ``data["contact_id"]`` (optionally ``campaign_id``, ``submission_id``)."""

    def fn(conn):
        return enrollment_shape(
            enroll_tx(
                conn,
                workspace_id,
                sequence_id,
                data.get("contact_id"),
                campaign_id=_optional_id(data.get("campaign_id")),
                submission_id=_optional_id(data.get("submission_id")),
                by=by,
            )
        )

    return await db.write(fn)


def _optional_id(value) -> str | None:
    return value if isinstance(value, str) and value else None


async def list_enrollments(db, workspace_id: str, sequence_id, **options):
    return await db.read(_e.list_enrollments_tx, workspace_id, sequence_id, **options)


async def get_enrollment(db, workspace_id: str, enrollment_id) -> dict:
    return enrollment_shape(await db.read(_e.enrollment_row_tx, workspace_id, enrollment_id))


ACTIONS = {
    "stop": _e.stop_enrollment_tx,
    "pause": _e.pause_enrollment_tx,
    "resume": _e.resume_enrollment_tx,
    "replied": _e.mark_replied_tx,
}


async def enrollment_action(db, workspace_id: str, enrollment_id, action: str, *, by=None):
    """stop, pause, resume or replied; Conflict when the status does not allow it."""
    return await db.write(_shaped(ACTIONS[action]), workspace_id, enrollment_id, by)


async def advance_enrollment(db, engine, workspace_id: str, enrollment_id, *, by=None) -> dict:
    """Send the waiting step now (the one after it is then scheduled from now)."""
    row = await db.read(_e.enrollment_row_tx, workspace_id, enrollment_id)
    if row["status"] != "active":
        raise Conflict(f"This enrollment is {row['status']}, so it cannot be advanced.")
    await send_next_step(db, engine, row["id"], force=True, by=by)
    return await get_enrollment(db, workspace_id, row["id"])


# -- pages ----------------------------------------------------------------------------
async def contact_enrollments(db, workspace_id: str, contact_id: str) -> list[dict]:
    return await db.read(_o.contact_enrollments_tx, workspace_id, contact_id)


async def sequences_overview(db, workspace_id: str, *, cursor=None, limit: int = 50):
    return await db.read(_o.sequences_overview_tx, workspace_id, cursor=cursor, limit=limit)


async def sequence_page(db, workspace_id: str, sequence_id) -> dict:
    return await db.read(_o.sequence_page_tx, workspace_id, sequence_id)
