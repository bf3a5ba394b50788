"""One timeline per contact (SPEC §7): submissions, touchpoints, emails, notes,
activities, deals and enrollments, newest first."""

from __future__ import annotations

from app.db import get_in_workspace
from app.services.accounts.currency import format_money
from app.services.crm.deals import workspace_currency_tx
from app.services.files.uploads import human_size
from app.services.sequences.describe import STOP_REASONS

PER_SOURCE = 200  # newest rows of each kind; a contact's page stays fast


def _item(
    kind: str,
    at: str,
    title: str,
    *,
    body: str = "",
    link: str | None = None,
    badge: str | None = None,
    ref: str | None = None,
) -> dict:
    return {
        "kind": kind,
        "at": at,
        "title": title,
        "body": body,
        "link": link,
        "badge": badge,
        "id": ref,
    }


def _submissions(conn, ws, cid):
    rows = conn.all(
        "SELECT s.id, s.status, s.created_at, f.name AS form_name FROM submissions s"
        " LEFT JOIN forms f ON f.id = s.form_id WHERE s.workspace_id = ? AND s.contact_id = ?"
        " ORDER BY s.created_at DESC LIMIT ?",
        (ws, cid, PER_SOURCE),
    )
    return [
        _item(
            "submission",
            r["created_at"],
            f"Submitted {r['form_name'] or 'a form'}",
            link=f"/submissions/{r['id']}",
            badge=r["status"],
            ref=r["id"],
        )
        for r in rows
    ]


def _touchpoints(conn, ws, cid):
    rows = conn.all(
        "SELECT * FROM touchpoints WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at, id",
        (ws, cid),
    )
    items = []
    for index, r in enumerate(rows):
        channel = (
            " / ".join(v for v in (r["utm_source"], r["utm_medium"], r["utm_campaign"]) if v)
            or "direct"
        )
        marker = "first touch" if index == 0 else ("last touch" if index == len(rows) - 1 else None)
        body = " · ".join(
            v for v in (r["page_url"], f"from {r['referrer']}" if r["referrer"] else "") if v
        )
        items.append(
            _item(
                "touchpoint",
                r["created_at"],
                f"Visit via {channel}",
                body=body,
                badge=marker,
                ref=r["id"],
            )
        )
    return items[-PER_SOURCE:]


_EMAIL_KINDS = {"marketing": "Marketing email", "transactional": "Email"}
_EMAIL_STATUS = {
    "queued": "queued",
    "sent": "sent",
    "failed": "failed",
    "suppressed": "not sent",
}


def _emails(conn, ws, cid):
    """Each email readable where it stands: what it was, to whom, and a link to
    the outbox page that shows it exactly as sent."""
    rows = conn.all(
        "SELECT id, to_addr, subject, body_text, status, kind, created_at, sent_at FROM emails"
        " WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT ?",
        (ws, cid, PER_SOURCE),
    )
    items = []
    for r in rows:
        excerpt = " ".join((r["body_text"] or "").split())
        items.append(
            _item(
                "email",
                r["sent_at"] or r["created_at"],
                f"{_EMAIL_KINDS.get(r['kind'], 'Email')} to {r['to_addr']}: {r['subject']}",
                body=excerpt[:280] + ("…" if len(excerpt) > 280 else ""),
                link=f"/outbox/{r['id']}",
                badge=_EMAIL_STATUS.get(r["status"], r["status"]),
                ref=r["id"],
            )
        )
    return items


def _notes(conn, ws, cid):
    rows = conn.all(
        "SELECT * FROM notes WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT ?",
        (ws, cid, PER_SOURCE),
    )
    return [
        _item(
            "note",
            r["created_at"],
            f"Note by {r['author'] or 'someone'}",
            body=r["body"],
            ref=r["id"],
        )
        for r in rows
    ]


def _activities(conn, ws, cid):
    rows = conn.all(
        "SELECT * FROM activities WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT ?",
        (ws, cid, PER_SOURCE),
    )
    return [
        _item("activity", r["created_at"], r["summary"], badge=r["kind"], ref=r["id"]) for r in rows
    ]


def _deals(conn, ws, cid):
    rows = conn.all(
        "SELECT * FROM deals WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT ?",
        (ws, cid, PER_SOURCE),
    )
    items, currency = [], workspace_currency_tx(conn, ws)
    for r in rows:
        money = format_money(r["amount"], r["currency"] or currency)
        items.append(
            _item(
                "deal",
                r["created_at"],
                f"Deal opened: {r['name']}",
                body=money,
                link=f"/deals/{r['id']}",
                badge=r["stage"],
                ref=r["id"],
            )
        )
        if r["closed_at"]:
            items.append(
                _item(
                    "deal",
                    r["closed_at"],
                    f"Deal {r['stage']}: {r['name']}",
                    body=money,
                    link=f"/deals/{r['id']}",
                    badge=r["stage"],
                    ref=r["id"],
                )
            )
    return items


def _enrollments(conn, ws, cid):
    rows = conn.all(
        "SELECT e.*, s.name AS sequence_name FROM enrollments e"
        " JOIN sequences s ON s.id = e.sequence_id"
        " WHERE e.workspace_id = ? AND e.contact_id = ? ORDER BY e.enrolled_at DESC LIMIT ?",
        (ws, cid, PER_SOURCE),
    )
    items = []
    for r in rows:
        items.append(
            _item(
                "enrollment",
                r["enrolled_at"],
                f"Enrolled in “{r['sequence_name']}”",
                badge=r["status"],
                link=f"/sequences/{r['sequence_id']}",
                ref=r["id"],
            )
        )
        if r["status"] == "stopped":
            why = STOP_REASONS.get(r["stop_reason"] or "", r["stop_reason"] or "")
            at = r["updated_at"]
            items.append(
                _item("enrollment", at, f"Left “{r['sequence_name']}”: {why}", ref=r["id"])
            )
    return items


def _files(conn, ws, cid):
    """The files the contact sent with their submissions (SPEC §17)."""
    rows = conn.all(
        "SELECT u.id, u.name, u.size, u.attached_at, f.name AS form_name FROM uploads u"
        " JOIN submissions s ON s.id = u.submission_id LEFT JOIN forms f ON f.id = s.form_id"
        " WHERE s.workspace_id = ? AND s.contact_id = ? AND u.workspace_id = ?"
        " ORDER BY u.attached_at DESC LIMIT ?",
        (ws, cid, ws, PER_SOURCE),
    )
    return [
        _item(
            "file",
            r["attached_at"],
            f"Sent a file: {r['name']}",
            body=f"{human_size(r['size'])} · with {r['form_name'] or 'a form'}",
            link=f"/files/{r['id']}",
            ref=r["id"],
        )
        for r in rows
    ]


SOURCES = (
    _submissions,
    _touchpoints,
    _emails,
    _notes,
    _activities,
    _deals,
    _enrollments,
    _files,
)


def timeline_tx(conn, workspace_id: str, contact_id: str) -> list[dict]:
    get_in_workspace(
        conn, "contacts", contact_id, workspace_id, columns=("id",), missing="Contact not found."
    )
    items = [item for source in SOURCES for item in source(conn, workspace_id, contact_id)]
    items.sort(key=lambda i: (i["at"] or "", i["kind"]), reverse=True)
    return items


async def contact_timeline(db, workspace_id: str, contact_id: str) -> list[dict]:
    return await db.read(timeline_tx, workspace_id, contact_id)
