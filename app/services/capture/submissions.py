"""Submissions for the dashboard and the API (SPEC §12): list, detail, update, reprocess."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.db import exists_in_workspace, fetch_page, get_in_workspace, loads, now_iso, update_columns
from app.db.clock import iso, parse_iso
from app.errors import Conflict, NotFound, ValidationError
from app.services.platform.jobs import enqueue
from app.services.processing.steps import record_step

STATUSES = (
    "received",
    "processing",
    "processed",
    "awaiting_approval",
    "needs_human_review",
    "failed",
)
SETTABLE_STATUSES = ("processed", "needs_human_review", "failed")
# The list's filters, as query parameters (see _where).
FILTER_KEYS = ("form", "status", "contact", "from", "to", "assigned")
# What a person may change on a submission (the rest is the capture's record).
EDITABLE_COLUMNS = ("status", "agent_notes", "outcome", "assigned_type", "assigned_id")
ASSIGNED_FILTERS = ("unassigned", "broadcast", "handler")


def submission_shape(row: dict) -> dict:
    out = {
        k: row[k]
        for k in (
            "id",
            "form_id",
            "flow_id",
            "contact_id",
            "company_id",
            "status",
            "outcome",
            "agent_notes",
            "created_at",
            "processed_at",
            "processing_duration_ms",
            "agent_flag",  # why the agent's plan was flagged (blocked actions); not in §12's list
            "review_due_at",  # semi-autonomous: a person should look before this time
        )
    }
    out.update(
        data=loads(row["data"], {}),
        meta=loads(row["meta"], {}),
        field_interactions=loads(row["field_interactions"], {}),
        is_new_contact=bool(row["is_new_contact"]),
        assigned_to={"type": row["assigned_type"], "id": row["assigned_id"]}
        if row["assigned_type"]
        else None,
        actions=loads(row["actions"], []),
        created_entities=loads(row["created_entities"], {}),
    )
    return out


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except Exception:  # a zone name settings no longer know must not break the list
        return ZoneInfo("UTC")


def _bound(value: str | None, key: str, end: bool, tz: str = "UTC") -> str | None:
    """``from``/``to`` as a date (the whole day in ``tz``) or a full ISO timestamp."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            if end:
                day += timedelta(days=1)
            midnight = datetime(day.year, day.month, day.day, tzinfo=_zone(tz))
            return iso(midnight - timedelta(milliseconds=1) if end else midnight)
        parse_iso(value)
        return value
    except ValueError:
        raise ValidationError(fields={key: "Use a date like 2026-01-31 or an ISO time."}) from None


def _where(workspace_id: str, filters: dict, tz: str = "UTC") -> tuple[list, list]:
    clauses, params = ["s.workspace_id = ?"], [workspace_id]
    status = filters.get("status")
    if status:
        if status not in STATUSES:
            raise ValidationError(fields={"status": f"Use one of: {', '.join(STATUSES)}."})
        clauses.append("s.status = ?")
        params.append(status)
    for key, column in (("form", "s.form_id"), ("contact", "s.contact_id")):
        if filters.get(key):
            clauses.append(f"{column} = ?")
            params.append(filters[key])
    assigned = filters.get("assigned")
    if assigned:
        if assigned not in ASSIGNED_FILTERS:
            raise ValidationError(
                fields={"assigned": f"Use one of: {', '.join(ASSIGNED_FILTERS)}."}
            )
        clauses.append("s.assigned_type = ?")
        params.append(assigned)
    start = _bound(filters.get("from"), "from", False, tz)
    end = _bound(filters.get("to"), "to", True, tz)
    if start:
        clauses.append("s.created_at >= ?")
        params.append(start)
    if end:
        clauses.append("s.created_at <= ?")
        params.append(end)
    return clauses, params


async def list_submissions(
    db,
    workspace_id: str,
    *,
    filters: dict | None = None,
    cursor: str | None = None,
    limit: int = 50,
    tz: str = "UTC",
) -> tuple[list[dict], str | None]:
    """Newest first, filtered by form, status, contact, assigned and a date range
    (dates are whole days in ``tz``: the pages pass the workspace's zone)."""
    clauses, params = _where(workspace_id, filters or {}, tz)
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT s.*, f.name AS form_name, c.email AS contact_email, c.name AS contact_name FROM submissions s"
        " JOIN forms f ON f.id = s.form_id LEFT JOIN contacts c ON c.id = s.contact_id",
        clauses,
        params,
        cursor=cursor,
        limit=limit,
        alias="s.",
    )
    return [_with_names(r) for r in rows], next_cursor


def _with_names(row: dict) -> dict:
    out = submission_shape(row)
    out.update(
        form_name=row.get("form_name"),
        contact_email=row.get("contact_email"),
        contact_name=row.get("contact_name"),
    )
    return out


def timeline(actions: list[dict], created_at: str) -> list[dict]:
    """The actions with the time since the previous step (ms), starting from receipt."""
    previous, out = parse_iso(created_at), []
    for action in actions:
        try:
            at = parse_iso(action["at"])
        except (KeyError, ValueError):
            out.append({**action, "since_previous_ms": None})
            continue
        out.append(
            {**action, "since_previous_ms": max(0, int((at - previous).total_seconds() * 1000))}
        )
        previous = at
    return out


def _detail_tx(conn, workspace_id: str, submission_id: str) -> dict:
    row = conn.one(
        "SELECT s.*, f.name AS form_name FROM submissions s JOIN forms f ON f.id = s.form_id"
        " WHERE s.id = ? AND s.workspace_id = ?",
        (submission_id, workspace_id),
    )
    if row is None:
        raise NotFound("No such submission.")
    out = _with_names(row)
    out["contact"] = (
        conn.one(
            "SELECT id, email, name, company_id, submission_count FROM contacts WHERE id = ?",
            (row["contact_id"],),
        )
        if row["contact_id"]
        else None
    )
    assigned = None
    if row["assigned_type"] == "handler":
        assigned = conn.one(
            "SELECT id, name, type, removed_at FROM handlers WHERE id = ?", (row["assigned_id"],)
        )
    elif row["assigned_type"] == "broadcast":
        assigned = conn.one(
            "SELECT id, name FROM handler_groups WHERE id = ?", (row["assigned_id"],)
        )
    out["assigned"] = assigned
    out["timeline"] = timeline(out["actions"], row["created_at"])
    out["task"] = conn.one(
        "SELECT id, title, status, assignee_id FROM tasks WHERE submission_id = ?", (submission_id,)
    )
    out["ticket"] = conn.one(
        "SELECT id, reference, status, assignee_id FROM tickets WHERE submission_id = ?",
        (submission_id,),
    )
    return out


async def get_submission(db, workspace_id: str, submission_id: str) -> dict:
    """The submission with its contact, assignee, task/ticket and timeline."""
    return await db.read(_detail_tx, workspace_id, submission_id)


def _update_values(conn, workspace_id: str, body: dict) -> dict:
    errors, values = {}, {}
    if "status" in body:
        if body["status"] not in SETTABLE_STATUSES:
            errors["status"] = (
                f"Set one of: {', '.join(SETTABLE_STATUSES)} (use reprocess to run the flow again)."
            )
        values["status"] = body["status"]
    for key, limit in (("agent_notes", 20000), ("outcome", 200)):
        if key in body:
            if not isinstance(body[key], str) or len(body[key]) > limit:
                errors[key] = f"Use text of at most {limit} characters."
            values[key] = body[key]
    if "assigned_to" in body:
        target = body["assigned_to"]
        if target is None:
            values.update(assigned_type="unassigned", assigned_id=None)
        elif (
            isinstance(target, dict)
            and target.get("type") == "handler"
            and exists_in_workspace(
                conn,
                "handlers",
                target.get("id"),
                workspace_id,
                where="active = 1 AND removed_at IS NULL",
            )
        ):
            values.update(assigned_type="handler", assigned_id=target["id"])
        else:
            errors["assigned_to"] = (
                'Assign to {"type": "handler", "id": an active handler}, or null.'
            )
    if errors:
        raise ValidationError(fields=errors)
    return values


async def update_submission(db, workspace_id: str, submission_id: str, body: dict) -> dict:
    """Change status, outcome, notes or assignee; each change is a step in the log."""

    def tx(conn):
        get_in_workspace(
            conn,
            "submissions",
            submission_id,
            workspace_id,
            columns=("id",),
            missing="No such submission.",
        )
        values = _update_values(conn, workspace_id, body)
        if values:
            update_columns(
                conn, "submissions", submission_id, workspace_id, values, allowed=EDITABLE_COLUMNS
            )
            record_step(
                conn,
                workspace_id,
                submission_id,
                "updated",
                details={k: v for k, v in values.items() if k != "agent_notes"},
                event="submission_updated",
            )
        return _detail_tx(conn, workspace_id, submission_id)

    return await db.write(tx)


async def reprocess(db, workspace_id: str, submission_id: str) -> dict:
    """Run the flow again; entities already made (ticket, task, emails) are reused, not duplicated."""

    def tx(conn):
        row = get_in_workspace(
            conn,
            "submissions",
            submission_id,
            workspace_id,
            columns=("status",),
            missing="No such submission.",
        )
        if row["status"] in ("received", "processing"):
            raise Conflict(
                "This submission is being processed right now; try again when it is done.",
                code="already_processing",
            )
        conn.execute("UPDATE submissions SET status = 'received' WHERE id = ?", (submission_id,))
        record_step(
            conn, workspace_id, submission_id, "reprocess_requested", event="submission_reprocess"
        )
        enqueue(
            conn,
            "process_submission",
            {"submission_id": submission_id, "reprocess": True},
            workspace_id=workspace_id,
        )
        return {"id": submission_id, "status": "received", "requested_at": now_iso()}

    return await db.write(tx)
