"""Enrollments (SPEC §8): a contact walking through a sequence, with its history.

Statuses: ``active`` (the scheduler sends its due steps), ``paused`` (waits),
``completed`` (every step sent), ``stopped`` (``stop_reason`` says why). A
contact has at most one live (active or paused) enrollment per sequence: the
check answers 409 and a partial unique index backs it across processes.
``current_step`` counts the steps already sent; the next is the step at that index.
"""

from __future__ import annotations

from app.db import (
    dumps,
    fetch_page,
    find_in_workspace,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
)
from app.errors import Conflict, NotFound, ValidationError
from app.services.events.log import emit
from app.services.mail import suppression
from app.services.sequences.sequences import sequence_row_tx
from app.services.sequences.timing import due_after, workspace_zone

LIVE = ("active", "paused")
STATUSES = (*LIVE, "completed", "stopped")
FIELDS = (
    "id",
    "sequence_id",
    "contact_id",
    "campaign_id",
    "submission_id",
    "current_step",
    "status",
    "stop_reason",
    "enrolled_at",
    "next_step_due_at",
    "completed_at",
)
MISSING = "Enrollment not found."


def enrollment_shape(row: dict) -> dict:
    return {**{k: row[k] for k in FIELDS}, "history": loads(row["history"], [])}


def step_rows(conn, sequence_id: str) -> list[dict]:
    return conn.all(
        "SELECT * FROM sequence_steps WHERE sequence_id = ? ORDER BY position", (sequence_id,)
    )


def is_unsubscribed(conn, workspace_id: str, contact_id: str) -> str | None:
    """Why the contact must get no marketing email (``"unsubscribed"``, ``"hard_bounce"``),
    or None: its address on the workspace's suppression list (SPEC §8)."""
    email = conn.value(
        "SELECT email FROM contacts WHERE id = ? AND workspace_id = ?", (contact_id, workspace_id)
    )
    return suppression.suppression_reason(conn, workspace_id, email) if email else None


def add_history(conn, row: dict, entry: dict, **columns) -> dict:
    """Append ``entry`` (stamped now) to the history and set ``columns``; the new row."""
    history = [*loads(row["history"], []), {"at": now_iso(), **entry}]
    values = {**columns, "history": dumps(history), "updated_at": now_iso()}
    sets = ", ".join(f"{k} = ?" for k in values)  # keys are code, never input
    conn.execute(f"UPDATE enrollments SET {sets} WHERE id = ?", (*values.values(), row["id"]))  # noqa: S608
    return conn.one("SELECT * FROM enrollments WHERE id = ?", (row["id"],))


def _ids(row: dict) -> dict:
    """What every enrollment event carries (catalogue: ENROLL)."""
    return {
        "enrollment_id": row["id"],
        "sequence_id": row["sequence_id"],
        "contact_id": row["contact_id"],
    }


def stop_tx(conn, row: dict, reason: str, by: str | None = None) -> dict:
    row = add_history(
        conn,
        row,
        {"event": "stopped", "reason": reason, **({"by": by} if by else {})},
        status="stopped",
        stop_reason=reason,
        next_step_due_at=None,
    )
    emit(
        conn,
        row["workspace_id"],
        "enrollment_stopped",
        submission_id=row["submission_id"],
        details={**_ids(row), "reason": reason},
    )
    return row


def complete_tx(conn, row: dict) -> dict:
    row = add_history(
        conn,
        row,
        {"event": "completed"},
        status="completed",
        completed_at=now_iso(),
        next_step_due_at=None,
    )
    emit(
        conn,
        row["workspace_id"],
        "enrollment_completed",
        submission_id=row["submission_id"],
        details={**_ids(row), "steps": row["current_step"]},
    )
    return row


# -- enroll ---------------------------------------------------------------------------
def live_enrollment(conn, sequence_id: str, contact_id: str) -> dict | None:
    return conn.one(
        "SELECT * FROM enrollments WHERE sequence_id = ? AND contact_id = ?"
        " AND status IN ('active', 'paused')",
        (sequence_id, contact_id),
    )


def enroll_tx(
    conn,
    workspace_id: str,
    sequence_id,
    contact_id,
    *,
    campaign_id: str | None = None,
    submission_id: str | None = None,
    by: str | None = None,
) -> dict:
    """Enroll the contact; Conflict when it already walks this sequence or has
    unsubscribed. A sequence without steps completes the enrollment at once."""
    seq = sequence_row_tx(conn, workspace_id, sequence_id)
    if not isinstance(contact_id, str) or not contact_id:
        raise ValidationError(fields={"contact_id": "Give the id of the contact to enroll."})
    contact = find_in_workspace(conn, "contacts", contact_id, workspace_id, columns=("id", "email"))
    if contact is None:
        raise NotFound(
            "Contact not found.", fields={"contact_id": "No such contact in this workspace."}
        )
    if live_enrollment(conn, seq["id"], contact["id"]):
        raise Conflict(f"{contact['email']} is already enrolled in “{seq['name']}”.")
    if is_unsubscribed(conn, workspace_id, contact["id"]):
        raise Conflict(f"{contact['email']} gets no marketing email (unsubscribed or bounced).")
    steps, now = step_rows(conn, seq["id"]), now_iso()
    due = due_after(now, steps[0], workspace_zone(conn, workspace_id)) if steps else None
    enrollment_id = new_id("enroll")
    history = [{"at": now, "event": "enrolled", **({"by": by} if by else {})}]
    conn.execute(
        "INSERT INTO enrollments (id, workspace_id, sequence_id, contact_id, campaign_id, submission_id,"
        " status, enrolled_at, next_step_due_at, history, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)",
        (
            enrollment_id,
            workspace_id,
            seq["id"],
            contact["id"],
            campaign_id,
            submission_id,
            now,
            due,
            dumps(history),
            now,
        ),
    )
    row = conn.one("SELECT * FROM enrollments WHERE id = ?", (enrollment_id,))
    emit(
        conn,
        row["workspace_id"],
        "enrollment_created",
        submission_id=row["submission_id"],
        details={**_ids(row), "sequence_name": seq["name"]},
    )
    return complete_tx(conn, row) if not steps else row


# -- actions --------------------------------------------------------------------------
def enrollment_row_tx(conn, workspace_id: str, enrollment_id) -> dict:
    return get_in_workspace(conn, "enrollments", enrollment_id, workspace_id, missing=MISSING)


def _require(row: dict, statuses: tuple, doing: str) -> None:
    if row["status"] not in statuses:
        raise Conflict(f"This enrollment is {row['status']}, so it cannot be {doing}.")


def stop_enrollment_tx(conn, workspace_id: str, enrollment_id, by: str | None) -> dict:
    row = enrollment_row_tx(conn, workspace_id, enrollment_id)
    _require(row, LIVE, "stopped")
    return stop_tx(conn, row, "manual_stop", by)


def pause_enrollment_tx(conn, workspace_id: str, enrollment_id, by: str | None) -> dict:
    row = enrollment_row_tx(conn, workspace_id, enrollment_id)
    _require(row, ("active",), "paused")
    row = add_history(conn, row, {"event": "paused", "by": by}, status="paused")
    emit(
        conn,
        row["workspace_id"],
        "enrollment_paused",
        submission_id=row["submission_id"],
        details={**_ids(row)},
    )
    return row


def resume_enrollment_tx(conn, workspace_id: str, enrollment_id, by: str | None) -> dict:
    """Back to active; a step that fell due while paused goes out at the next tick."""
    row = enrollment_row_tx(conn, workspace_id, enrollment_id)
    _require(row, ("paused",), "resumed")
    row = add_history(conn, row, {"event": "resumed", "by": by}, status="active")
    emit(
        conn,
        row["workspace_id"],
        "enrollment_resumed",
        submission_id=row["submission_id"],
        details={**_ids(row)},
    )
    return row


def mark_replied_tx(conn, workspace_id: str, enrollment_id, by: str | None) -> dict:
    row = enrollment_row_tx(conn, workspace_id, enrollment_id)
    _require(row, LIVE, "marked as replied")
    seq = conn.one("SELECT stop_conditions FROM sequences WHERE id = ?", (row["sequence_id"],))
    row = add_history(conn, row, {"event": "replied", "by": by})
    emit(
        conn,
        row["workspace_id"],
        "enrollment_replied",
        submission_id=row["submission_id"],
        details={**_ids(row)},
    )
    if "contact_replied" in loads(seq["stop_conditions"], []):
        row = stop_tx(conn, row, "contact_replied", by)
    return row


def stop_for_contact_tx(conn, workspace_id: str, contact_id: str, reason: str) -> int:
    """Stop every live enrollment of the contact (unsubscribed, erased…); the count."""
    rows = conn.all(
        "SELECT * FROM enrollments WHERE workspace_id = ? AND contact_id = ?"
        " AND status IN ('active', 'paused')",
        (workspace_id, contact_id),
    )
    for row in rows:
        stop_tx(conn, row, reason)
    return len(rows)


def stop_for_sequence_tx(conn, sequence_id: str) -> int:
    rows = conn.all(
        "SELECT * FROM enrollments WHERE sequence_id = ? AND status IN ('active', 'paused')",
        (sequence_id,),
    )
    for row in rows:
        stop_tx(conn, row, "sequence_deleted")
    return len(rows)


# -- lists ----------------------------------------------------------------------------
def list_enrollments_tx(
    conn, workspace_id: str, sequence_id, *, status=None, cursor=None, limit: int = 50
):
    seq = sequence_row_tx(conn, workspace_id, sequence_id)
    where, params = ["workspace_id = ?", "sequence_id = ?"], [workspace_id, seq["id"]]
    if status:
        if status not in STATUSES:
            raise ValidationError(fields={"status": f"Filter by one of: {', '.join(STATUSES)}."})
        where.append("status = ?")
        params.append(status)
    rows, next_cursor = fetch_page(
        conn,
        "SELECT * FROM enrollments",
        where,
        params,
        cursor=cursor,
        limit=limit,
        key=("enrolled_at", "id"),
    )
    return [enrollment_shape(r) for r in rows], next_cursor


@suppression.on_unsubscribe
def stop_on_unsubscribe(conn, workspace_id: str, contact_id: str) -> None:
    """Unsubscribing stops the contact's enrollments at once, in the unsubscribe's
    transaction (SPEC §8); the scheduler also checks the list before every step."""
    stop_for_contact_tx(conn, workspace_id, contact_id, "contact_unsubscribed")
