"""Submissions for the dashboard and the API (SPEC §12): list, detail, update, reprocess."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.db import exists_in_workspace, fetch_page, get_in_workspace, loads, now_iso, update_columns
from app.db.clock import iso, parse_iso
from app.errors import Conflict, ValidationError
from app.services.agents.review import review_pending_sql
from app.services.capture.submission_detail import detail_tx, workspace_currency_tx
from app.services.notifications import inbox
from app.services.platform.jobs import enqueue
from app.services.processing.entities import created_entities_tx
from app.services.processing.steps import record_step

STATUSES = (
    "received",
    "processing",
    "processed",
    "awaiting_approval",
    "needs_human_review",
    "failed",
    "spam",
    "quarantined",
)
# "quarantined": the spam score held it for review (SPEC §19; release or confirm it).
# "spam": a person marked it (bulk action); it leaves the default list, nothing is deleted.
SETTABLE_STATUSES = ("processed", "needs_human_review", "failed", "spam")
# The list's filters, as query parameters (see _where).
FILTER_KEYS = ("form", "status", "contact", "from", "to", "assigned", "review")
# What a person may change on a submission (the rest is the capture's record).
EDITABLE_COLUMNS = ("status", "agent_notes", "outcome", "assigned_type", "assigned_id")
ASSIGNED_FILTERS = ("unassigned", "broadcast", "handler")
# ?review=needed: what "Needs review" counts (escalated, or an agent's run not looked at yet).
REVIEW_FILTERS = ("needed",)


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
            "reviewed_at",  # ... and who did, when (agents/review.py)
            "reviewed_by",
            "form_version",  # the form version the visitor saw (SPEC §17)
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
    review = filters.get("review")
    if review:
        if review not in REVIEW_FILTERS:
            raise ValidationError(fields={"review": "Use review=needed."})
        clauses.append(review_pending_sql("s."))
    start = _bound(filters.get("from"), "from", False, tz)
    end = _bound(filters.get("to"), "to", True, tz)
    if start:
        clauses.append("s.created_at >= ?")
        params.append(start)
    if end:
        clauses.append("s.created_at <= ?")
        params.append(end)
    if filters.get("updated_since"):  # received or processed since (SPEC §18 polling)
        clauses.append("(s.created_at >= ? OR s.processed_at >= ?)")
        params += [filters["updated_since"]] * 2
    return clauses, params


async def list_submissions(
    db,
    workspace_id: str,
    *,
    filters: dict | None = None,
    cursor: str | None = None,
    limit: int = 50,
    tz: str = "UTC",
    entities: bool = False,
    hide_spam: bool = False,
) -> tuple[list[dict], str | None]:
    """Newest first, filtered by form, status, contact, assigned, review and a date range
    (dates are whole days in ``tz``: the pages pass the workspace's zone). ``entities``
    reads each one's ``created_entities`` from the tables, as the detail does (the API).
    ``hide_spam``: leave out what people marked as spam unless the status filter asks for it."""
    clauses, params = _where(workspace_id, filters or {}, tz)
    if hide_spam and not (filters or {}).get("status"):
        clauses.append("s.status NOT IN ('spam', 'quarantined')")

    def read(conn):
        rows, next_cursor = fetch_page(
            conn,
            "SELECT s.*, f.name AS form_name, c.email AS contact_email, c.name AS contact_name"
            " FROM submissions s JOIN forms f ON f.id = s.form_id"
            " LEFT JOIN contacts c ON c.id = s.contact_id",
            clauses,
            params,
            cursor=cursor,
            limit=limit,
            alias="s.",
        )
        items = [_with_names(r) for r in rows]
        if entities and items:
            currency = workspace_currency_tx(conn, workspace_id)
            for item in items:
                item["created_entities"] = created_entities_tx(conn, workspace_id, item, currency)
        return items, next_cursor

    return await db.read(read)


def _with_names(row: dict) -> dict:
    out = submission_shape(row)
    out.update(
        form_name=row.get("form_name"),
        contact_email=row.get("contact_email"),
        contact_name=row.get("contact_name"),
    )
    return out


def _detail_tx(conn, workspace_id: str, submission_id: str) -> dict:
    return detail_tx(conn, workspace_id, submission_id, submission_shape)


async def get_submission(db, workspace_id: str, submission_id: str) -> dict:
    """The submission with its contact, assignee, task/ticket, what it created, its
    labelled data, the agent's score and emails, and its timeline."""
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


async def update_submission(
    db, workspace_id: str, submission_id: str, body: dict, *, actor_account_id: str | None = None
) -> dict:
    """Change status, outcome, notes or assignee; each change is a step in the log. A new
    assignee who is a member gets a notification (unless they assigned it to themself)."""

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
        if values.get("assigned_type") == "handler":
            inbox.notify_assigned_tx(
                conn,
                workspace_id,
                submission_id,
                values["assigned_id"],
                actor_account_id=actor_account_id,
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
        # A new run decides afresh whether a review or an approval is due: no banner
        # of the previous run may outlive it.
        conn.execute(
            "UPDATE submissions SET status = 'received', review_due_at = NULL, reviewed_at = NULL,"
            " reviewed_by = NULL WHERE id = ?",
            (submission_id,),
        )
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
