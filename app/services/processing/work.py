"""Human work (SPEC §6.3): tasks, tickets, "My work" and broadcast claims.

``create_ticket_tx`` / ``create_task_tx`` run inside a caller's write
transaction and are idempotent per submission (unique indexes in 0002), so a
reprocessed submission or a retried agent action never makes a second one.
"""

from __future__ import annotations

from app.db import (
    exists_in_workspace,
    fetch_in_workspace,
    fetch_page,
    get_in_workspace,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import Conflict, NotFound, ValidationError
from app.services.events.log import emit

TASK_STATUSES = ("open", "in_progress", "done", "cancelled")
TICKET_STATUSES = ("open", "pending", "resolved", "closed")
TICKET_PRIORITIES = ("low", "normal", "high", "urgent")
OPEN_TASK = ("open", "in_progress")
OPEN_TICKET = ("open", "pending")


def _next_reference(conn, workspace_id: str) -> str:
    # The writer is single, so count + 1 cannot race inside a transaction.
    count = conn.value("SELECT COUNT(*) FROM tickets WHERE workspace_id = ?", (workspace_id,))
    return f"T-{count + 1:05d}"


def create_ticket_tx(
    conn,
    workspace_id: str,
    *,
    title: str,
    description: str = "",
    submission_id: str | None,
    contact_id: str | None,
    assignee_id: str | None = None,
    priority: str = "normal",
) -> tuple[str, str]:
    """Create (or find) the ticket of a submission; returns ``(ticket_id, reference)``."""
    if submission_id:
        row = conn.one(
            "SELECT id, reference FROM tickets WHERE submission_id = ? AND workspace_id = ?",
            (submission_id, workspace_id),
        )
        if row:
            return row["id"], row["reference"]
    ticket_id, now = new_id("ticket"), now_iso()
    reference = _next_reference(conn, workspace_id)
    conn.execute(
        "INSERT INTO tickets (id, workspace_id, reference, title, description, status, priority, assignee_id,"
        " submission_id, contact_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)",
        (
            ticket_id,
            workspace_id,
            reference,
            title[:300],
            description,
            priority if priority in TICKET_PRIORITIES else "normal",
            assignee_id,
            submission_id,
            contact_id,
            now,
            now,
        ),
    )
    emit(
        conn,
        workspace_id,
        "ticket_created",
        submission_id=submission_id,
        handler_id=assignee_id,
        details={"ticket_id": ticket_id, "reference": reference, "title": title[:300]},
    )
    return ticket_id, reference


def create_task_tx(
    conn,
    workspace_id: str,
    *,
    title: str,
    description: str = "",
    submission_id: str | None,
    contact_id: str | None,
    assignee_id: str | None = None,
    due_at: str | None = None,
) -> str:
    """Create (or find) the task of a submission; returns its id."""
    if submission_id:
        existing = conn.value(
            "SELECT id FROM tasks WHERE submission_id = ? AND workspace_id = ?",
            (submission_id, workspace_id),
        )
        if existing:
            return existing
    task_id, now = new_id("task"), now_iso()
    conn.execute(
        "INSERT INTO tasks (id, workspace_id, title, description, status, assignee_id, submission_id, contact_id,"
        " due_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)",
        (
            task_id,
            workspace_id,
            title[:300],
            description,
            assignee_id,
            submission_id,
            contact_id,
            due_at,
            now,
            now,
        ),
    )
    emit(
        conn,
        workspace_id,
        "task_created",
        submission_id=submission_id,
        handler_id=assignee_id,
        details={"task_id": task_id, "title": title[:300]},
    )
    return task_id


# -- shapes ---------------------------------------------------------------------
def task_shape(row: dict) -> dict:
    return {
        k: row[k]
        for k in (
            "id",
            "title",
            "description",
            "status",
            "assignee_id",
            "submission_id",
            "contact_id",
            "due_at",
            "created_at",
            "updated_at",
        )
    }


def ticket_shape(row: dict) -> dict:
    return {**task_shape(row), "reference": row["reference"], "priority": row["priority"]}


_TABLES = {
    "task": ("tasks", task_shape, TASK_STATUSES),
    "ticket": ("tickets", ticket_shape, TICKET_STATUSES),
}
_EDITABLE = ("title", "description", "status", "assignee_id", "due_at")
# What an edit may change, per kind (updated_at is stamped on every edit).
EDITABLE_COLUMNS = {"task": _EDITABLE, "ticket": (*_EDITABLE, "priority")}


# -- listing and updating -------------------------------------------------------
async def list_items(
    db,
    workspace_id: str,
    kind: str,
    *,
    status: str | None = None,
    assignee_id: str | None = None,
    submission_id: str | None = None,
    updated_since: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
):
    """Tasks or tickets of a workspace, newest first; returns ``(items, next_cursor)``."""
    table, shape, statuses = _TABLES[kind]
    clauses, params = ["workspace_id = ?"], [workspace_id]
    if status:
        if status not in statuses:
            raise ValidationError(fields={"status": f"Use one of: {', '.join(statuses)}."})
        clauses.append("status = ?")
        params.append(status)
    if assignee_id:
        clauses.append("assignee_id = ?")
        params.append(assignee_id)
    if submission_id:
        clauses.append("submission_id = ?")
        params.append(submission_id)
    if updated_since:
        clauses.append("updated_at >= ?")
        params.append(updated_since)
    items, next_cursor = await db.read(
        fetch_page, f"SELECT * FROM {table}", clauses, params, cursor=cursor, limit=limit
    )
    return [shape(r) for r in items], next_cursor


async def get_item(db, workspace_id: str, kind: str, item_id: str) -> dict:
    table, shape, _ = _TABLES[kind]
    return shape(
        await fetch_in_workspace(db, table, item_id, workspace_id, missing=f"No such {kind}.")
    )


def _check_update(conn, workspace_id: str, kind: str, changes: dict) -> dict:
    _, _, statuses = _TABLES[kind]
    errors, clean = {}, {}
    for key, value in changes.items():
        if key not in EDITABLE_COLUMNS[kind]:
            continue
        if key == "status" and value not in statuses:
            errors[key] = f"Use one of: {', '.join(statuses)}."
        elif key == "priority" and value not in TICKET_PRIORITIES:
            errors[key] = f"Use one of: {', '.join(TICKET_PRIORITIES)}."
        elif key == "title" and (
            not isinstance(value, str) or not value.strip() or len(value) > 300
        ):
            errors[key] = "Give a title of 1 to 300 characters."
        elif key in ("description", "due_at") and value is not None and not isinstance(value, str):
            errors[key] = "Send text."
        elif (
            key == "assignee_id"
            and value is not None
            and not exists_in_workspace(
                conn, "handlers", value, workspace_id, where="removed_at IS NULL"
            )
        ):
            errors[key] = "No such handler in this workspace."
        else:
            clean[key] = value
    if errors:
        raise ValidationError(fields=errors)
    return clean


async def update_item(db, workspace_id: str, kind: str, item_id: str, changes: dict) -> dict:
    """Update a task or ticket (status, assignee, due date, title...)."""
    table, shape, _ = _TABLES[kind]

    def tx(conn):
        row = get_in_workspace(conn, table, item_id, workspace_id, missing=f"No such {kind}.")
        clean = _check_update(conn, workspace_id, kind, changes)
        if clean:
            update_columns(
                conn,
                table,
                item_id,
                workspace_id,
                {**clean, "updated_at": now_iso()},
                allowed=(*EDITABLE_COLUMNS[kind], "updated_at"),
            )
            emit(
                conn,
                workspace_id,
                "task_updated" if kind == "task" else "ticket_updated",
                submission_id=row["submission_id"],
                details={f"{kind}_id": item_id, **clean},
            )
        return shape(conn.one(f"SELECT * FROM {table} WHERE id = ?", (item_id,)))  # noqa: S608

    return await db.write(tx)


# -- broadcast claims -------------------------------------------------------------
def _claim_tx(conn, workspace_id: str, submission_id: str, handler_id: str) -> dict:
    sub = get_in_workspace(
        conn,
        "submissions",
        submission_id,
        workspace_id,
        columns=("id", "assigned_type", "assigned_id", "form_id"),
        missing="No such submission.",
    )
    if sub["assigned_type"] != "broadcast":
        raise Conflict(
            "This submission has already been claimed."
            if sub["assigned_type"] == "handler"
            else "This submission is not open for claiming.",
            code="already_claimed",
        )
    member = conn.value(
        "SELECT 1 FROM handler_group_members m JOIN handlers h ON h.id = m.handler_id"
        " WHERE m.group_id = ? AND m.handler_id = ? AND m.active = 1 AND h.active = 1"
        " AND h.removed_at IS NULL",
        (sub["assigned_id"], handler_id),
    )
    if not member:
        raise NotFound("This submission was not offered to you.")
    # The conditional UPDATE is the claim: the second claimer matches no row.
    cursor = conn.execute(
        "UPDATE submissions SET assigned_type = 'handler', assigned_id = ? WHERE id = ?"
        " AND assigned_type = 'broadcast'",
        (handler_id, submission_id),
    )
    if not cursor.rowcount:
        raise Conflict("This submission has already been claimed.", code="already_claimed")
    conn.execute(
        "UPDATE tasks SET assignee_id = ?, updated_at = ? WHERE submission_id = ? AND assignee_id IS NULL",
        (handler_id, now_iso(), submission_id),
    )
    conn.execute(
        "UPDATE tickets SET assignee_id = ?, updated_at = ? WHERE submission_id = ? AND assignee_id IS NULL",
        (handler_id, now_iso(), submission_id),
    )
    from app.services.processing.steps import (
        record_step,
    )  # local: steps imports events only, no cycle

    record_step(
        conn,
        workspace_id,
        submission_id,
        "claimed",
        "done",
        entity_id=handler_id,
        details={"group_id": sub["assigned_id"]},
        handler_id=handler_id,
        event="submission_claimed",
    )
    return {"submission_id": submission_id, "assigned_to": {"type": "handler", "id": handler_id}}


async def claim_submission(db, workspace_id: str, submission_id: str, handler_id: str) -> dict:
    """First claim of a broadcast submission owns it; any later claim answers 409."""
    return await db.write(_claim_tx, workspace_id, submission_id, handler_id)


async def handler_for_account(db, workspace_id: str, account_id: str | None) -> dict | None:
    """The active human handler linked to a member account, if any."""
    if not account_id:
        return None
    return await db.fetchone(
        "SELECT * FROM handlers WHERE workspace_id = ? AND account_id = ? AND type = 'human'"
        " AND removed_at IS NULL ORDER BY active DESC, created_at LIMIT 1",
        (workspace_id, account_id),
    )


# -- my work ----------------------------------------------------------------------------
def _my_work_tx(conn, workspace_id: str, handler_id: str, limit: int) -> dict:
    subs = conn.all(
        "SELECT s.id, s.form_id, s.status, s.created_at, s.email_lower, f.name AS form_name FROM submissions s"
        " JOIN forms f ON f.id = s.form_id WHERE s.workspace_id = ? AND s.assigned_type = 'handler'"
        " AND s.assigned_id = ? ORDER BY s.created_at DESC LIMIT ?",
        (workspace_id, handler_id, limit),
    )
    tasks = conn.all(
        "SELECT * FROM tasks WHERE workspace_id = ? AND assignee_id = ? AND status IN ('open', 'in_progress')"
        " ORDER BY created_at DESC LIMIT ?",
        (workspace_id, handler_id, limit),
    )
    tickets = conn.all(
        "SELECT * FROM tickets WHERE workspace_id = ? AND assignee_id = ? AND status IN ('open', 'pending')"
        " ORDER BY created_at DESC LIMIT ?",
        (workspace_id, handler_id, limit),
    )
    drafts = conn.all(
        "SELECT d.id, d.submission_id, d.created_at, d.handler_id FROM drafts d JOIN submissions s ON s.id = d.submission_id"
        " WHERE d.workspace_id = ? AND d.status = 'pending' AND (d.handler_id = ? OR s.assigned_id = ?)"
        " ORDER BY d.created_at DESC LIMIT ?",
        (workspace_id, handler_id, handler_id, limit),
    )
    claimable = conn.all(
        "SELECT s.id, s.form_id, s.created_at, s.email_lower, f.name AS form_name, g.name AS group_name"
        " FROM submissions s JOIN handler_groups g ON g.id = s.assigned_id JOIN forms f ON f.id = s.form_id"
        " JOIN handler_group_members m ON m.group_id = g.id AND m.handler_id = ? AND m.active = 1"
        " WHERE s.workspace_id = ? AND s.assigned_type = 'broadcast' ORDER BY s.created_at DESC LIMIT ?",
        (handler_id, workspace_id, limit),
    )
    return {
        "submissions": subs,
        "tasks": [task_shape(t) for t in tasks],
        "tickets": [ticket_shape(t) for t in tickets],
        "drafts": drafts,
        "claimable": claimable,
    }


async def my_work(db, workspace_id: str, handler_id: str, *, limit: int = 50) -> dict:
    """Everything waiting on one human handler, in one read hop."""
    return await db.read(_my_work_tx, workspace_id, handler_id, limit)
