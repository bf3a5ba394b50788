"""Reading the outbox (SPEC §8, §12 ``/api/emails``): every email of the
workspace with its status, and one email exactly as it was (or would be) sent,
headers included; a failed email can be queued again."""

from __future__ import annotations

from app.db import fetch_page, get_in_workspace, loads
from app.errors import Conflict, ValidationError
from app.services.events.log import emit
from app.services.mail.compose import build_message, final_parts
from app.services.mail.delivery import email_workspace
from app.services.mail.outbox import queue_delivery
from app.services.mail.suppression import REASONS, suppression_reason

STATUSES = ("queued", "sent", "failed", "suppressed")
# What the outbox holds, labelled for people: mail to the submitter, to the team, to a list.
KIND_LABELS = {
    "transactional": "Transactional",
    "notification": "Team notification",
    "marketing": "Marketing",
}
KINDS = tuple(KIND_LABELS)
MISSING = "Email not found."
_LIST = (
    "SELECT e.id, e.workspace_id, e.to_addr, e.subject, e.kind, e.status, e.attempts, e.contact_id,"
    " e.submission_id, e.last_error, e.created_at, e.sent_at, c.name AS contact_name FROM emails e"
    " LEFT JOIN contacts c ON c.id = e.contact_id AND c.workspace_id = e.workspace_id"
)


def email_shape(row: dict) -> dict:
    return {
        "id": row["id"],
        "to": row["to_addr"],
        "subject": row["subject"],
        "kind": row["kind"],
        "status": row["status"],
        "attempts": row["attempts"],
        "contact_id": row["contact_id"],
        "submission_id": row["submission_id"],
        "error": row["last_error"],
        "created_at": row["created_at"],
        "sent_at": row["sent_at"],
    }


# What made an email, in words (SPEC §8: a marketer reads every email "and why").
# Senders say it in ``related``: campaign_id, sequence_id/enrollment_id, action, type.
_FLOW_KEYS = {
    "confirmation": "the form's confirmation email to the person who submitted it",
    "welcome": "the welcome email of the form's flow",
}


def why_sent(row: dict) -> str:
    related = loads(row.get("related"), {}) or {}
    key = (row.get("dedupe_key") or "").rpartition(":")[2]
    if related.get("type") == "invite":
        return "An invitation to join the workspace."
    if related.get("opt_in_id"):
        return (
            "The double opt-in confirmation link for a sign-up (the rest of the flow waits for it)."
        )
    if related.get("campaign_id"):
        return "A campaign email."
    if related.get("enrollment_id") or related.get("sequence_id"):
        return "A step of a nurture sequence."
    if related.get("action"):
        return f"The agent's “{str(related['action']).replace('_', ' ')}” action on a submission."
    if related.get("reason") == "agent_handover":
        return "A notice that a submission was handed over to a person."
    if ":notify:" in (row.get("dedupe_key") or ""):
        return "A notice to the person a submission was assigned to."
    if row.get("submission_id") and key in _FLOW_KEYS:
        return f"Sent as {_FLOW_KEYS[key]}."
    if row.get("submission_id"):
        return "Sent while a submission was processed."
    return ""


def check_filters(status=None, kind=None) -> None:
    errors = {}
    if status and status not in STATUSES:
        errors["status"] = f"Use one of: {', '.join(STATUSES)}."
    if kind and kind not in KINDS:
        errors["kind"] = f"Use one of: {', '.join(KINDS)}."
    if errors:
        raise ValidationError(fields=errors)


async def list_emails(
    db, workspace_id: str, *, status=None, kind=None, contact=None, cursor=None, limit: int = 50
) -> tuple[list[dict], str | None]:
    """Newest first; each row also carries ``contact_name`` for pages."""
    check_filters(status, kind)
    where, params = ["e.workspace_id = ?"], [workspace_id]
    for column, value in (("status", status), ("kind", kind), ("contact_id", contact)):
        if value:
            where.append(f"e.{column} = ?")
            params.append(value)
    rows, next_cursor = await db.read(
        fetch_page, _LIST, where, params, cursor=cursor, limit=limit, alias="e."
    )
    return [{**email_shape(r), "contact_name": r["contact_name"] or ""} for r in rows], next_cursor


async def get_email(db, settings, workspace_id: str, email_id) -> dict:
    """One email with ``text``, ``html`` and ``headers`` as sent (marketing footer,
    unsubscribe headers). ``suppressed_because`` says why its address gets no
    marketing mail, if it does not."""
    row = await db.read(get_in_workspace, "emails", email_id, workspace_id, missing=MISSING)
    workspace = await email_workspace(db, workspace_id)
    parts = final_parts(row, settings, workspace)
    try:
        headers = [[k, str(v)] for k, v in build_message(row, settings, workspace).items()]
    except (ValueError, TypeError) as exc:  # an unsendable row: show what is stored, and why
        headers = [["To", row["to_addr"]], ["Subject", row["subject"]], ["X-Problem", str(exc)]]
    reason = await db.read(suppression_reason, workspace_id, row["to_addr"])
    return {
        **email_shape(row),
        "text": parts["text"],
        "html": parts["html"],
        "headers": headers,
        "suppressed_because": REASONS.get(reason, reason) if reason else None,
        "why": why_sent(row),
    }


def resend_tx(conn, workspace_id: str, email_id) -> None:
    row = get_in_workspace(conn, "emails", email_id, workspace_id, missing=MISSING)
    if row["status"] != "failed":
        raise Conflict(f"Only a failed email can be sent again; this one is {row['status']}.")
    conn.execute(
        "UPDATE emails SET status = 'queued', next_attempt_at = NULL WHERE id = ?", (row["id"],)
    )
    emit(
        conn,
        workspace_id,
        "email_queued",
        submission_id=row["submission_id"],
        details={
            "email_id": row["id"],
            "to": row["to_addr"],
            "subject": row["subject"],
            "kind": row["kind"],
        },
    )
    queue_delivery(conn, row["id"], workspace_id)


async def resend_email(db, settings, workspace_id: str, email_id) -> dict:
    """Queue a failed email again; 409 for any other status. A marketing email to
    an address on the suppression list (a hard bounce) is suppressed when sent."""
    await db.write(resend_tx, workspace_id, email_id)
    return await get_email(db, settings, workspace_id, email_id)
