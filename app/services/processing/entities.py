"""What a submission created or touched (SPEC §12 ``created_entities``), read
from the tables themselves rather than from what a flow remembered: the agent's
actions (a deal, an email, a ticket), a draft approved later, a note added by the
agent — all carry the submission's id, so this list is never stale.

The stored keys of earlier versions stay (``emails``, ``activity_id``,
``ticket_id``, ``task_id``, ``enrollment_id``); the read adds ``contact_id``,
``company_id``, ``deal_id``, ``notes`` and ``items``: one entry per object with a
``type``, ``id``, a ``label`` a person reads, ``created`` (made for this
submission, not found), and ``home`` — the id of the page it lives on (a note
lives on its contact's page; tasks and tickets on My work, ``home`` None).
"""

from __future__ import annotations

from app.db import loads
from app.services.accounts.currency import format_money

EMAIL_KINDS = {"notification": "Notification", "marketing": "Email", "transactional": "Email"}


def _person(contact: dict | None) -> str:
    return (contact or {}).get("name") or (contact or {}).get("email") or "the contact"


def _deals(conn, workspace_id: str, submission_id: str) -> list[dict]:
    """Deals made from this submission, and the open deal an agent updated for it."""
    ids = [
        (loads(r["result"], {}) or {}).get("deal_id")
        for r in conn.all(
            "SELECT result FROM action_runs WHERE submission_id = ? AND workspace_id = ?"
            " AND action = 'create_deal' AND status = 'done'",
            (submission_id, workspace_id),
        )
    ]
    ids = [i for i in ids if i]
    params = [workspace_id, submission_id, *ids]
    extra = f" OR id IN ({','.join('?' * len(ids))})" if ids else ""
    return conn.all(
        "SELECT id, name, amount, stage, source_submission_id FROM deals WHERE workspace_id = ?"
        f" AND (source_submission_id = ?{extra}) ORDER BY created_at, id",
        params,
    )


def _rows(conn, workspace_id: str, submission_id: str) -> dict:
    def by_sub(sql: str) -> list[dict]:
        return conn.all(
            sql + " WHERE workspace_id = ? AND submission_id = ? ORDER BY created_at, id",
            (workspace_id, submission_id),
        )

    return {
        "deals": _deals(conn, workspace_id, submission_id),
        "tickets": by_sub("SELECT id, reference, title, status FROM tickets"),
        "tasks": by_sub("SELECT id, title, status FROM tasks"),
        "emails": by_sub("SELECT id, to_addr, subject, kind, status FROM emails"),
        "notes": by_sub("SELECT id, contact_id, author FROM notes"),
        "activities": by_sub("SELECT id, contact_id, summary FROM activities"),
        "enrollments": conn.all(
            "SELECT e.id, e.sequence_id, s.name FROM enrollments e JOIN sequences s ON s.id = e.sequence_id"
            " WHERE e.workspace_id = ? AND e.submission_id = ? ORDER BY e.enrolled_at, e.id",
            (workspace_id, submission_id),
        ),
    }


def _items(sub: dict, contact, company, rows: dict, currency: str) -> list[dict]:
    def item(type_, id_, label, home, created=True):
        return {"type": type_, "id": id_, "label": label, "created": created, "home": home}

    out = []
    if contact:
        new = bool(sub.get("is_new_contact"))
        label = f"{'New contact' if new else 'Contact'}: {_person(contact)}"
        out.append(item("contact", contact["id"], label, contact["id"], new))
    if company:
        out.append(
            item("company", company["id"], f"Company: {company['name']}", company["id"], False)
        )
    for d in rows["deals"]:
        made = d["source_submission_id"] == sub["id"]
        money = f" — {format_money(d['amount'], currency)}" if d["amount"] else ""  # none given yet
        label = f"Deal: {d['name']}{money} ({d['stage']})" + ("" if made else ", updated")
        out.append(item("deal", d["id"], label, d["id"], made))
    for t in rows["tickets"]:
        out.append(
            item("ticket", t["id"], f"Ticket {t['reference']}: {t['title']} ({t['status']})", None)
        )
    for t in rows["tasks"]:
        out.append(item("task", t["id"], f"Task: {t['title']} ({t['status']})", None))
    for e in rows["emails"]:
        kind = EMAIL_KINDS.get(e["kind"], "Email")
        label = f"{kind} to {e['to_addr']}: “{e['subject']}” ({e['status']})"
        out.append(item("email", e["id"], label, e["id"]))
    for n in rows["notes"]:
        by = f" by {n['author']}" if n["author"] else ""
        out.append(item("note", n["id"], f"Note on {_person(contact)}{by}", n["contact_id"]))
    for a in rows["activities"]:
        out.append(item("activity", a["id"], f"Activity: {a['summary']}", a["contact_id"]))
    for e in rows["enrollments"]:
        out.append(
            item("enrollment", e["id"], f"Enrolled in the sequence “{e['name']}”", e["sequence_id"])
        )
    return out


def _first(rows: list[dict]) -> str | None:
    return rows[0]["id"] if rows else None


def created_entities_tx(conn, workspace_id: str, sub: dict, currency: str = "USD") -> dict:
    """``created_entities`` of one submission (a ``submission_shape`` dict)."""
    stored = sub.get("created_entities") or {}
    contact = (
        conn.one(
            "SELECT id, name, email, company_id FROM contacts WHERE id = ? AND workspace_id = ?",
            (sub["contact_id"], workspace_id),
        )
        if sub.get("contact_id")
        else None
    )
    company_id = sub.get("company_id") or (contact or {}).get("company_id")
    company = (
        conn.one(
            "SELECT id, name FROM companies WHERE id = ? AND workspace_id = ?",
            (company_id, workspace_id),
        )
        if company_id
        else None
    )
    rows = _rows(conn, workspace_id, sub["id"])
    emails = list(
        dict.fromkeys([*(stored.get("emails") or []), *(e["id"] for e in rows["emails"])])
    )
    return {
        **stored,
        "contact_id": contact["id"] if contact else None,
        "company_id": company["id"] if company else None,
        "deal_id": _first(rows["deals"]),
        "ticket_id": stored.get("ticket_id") or _first(rows["tickets"]),
        "task_id": stored.get("task_id") or _first(rows["tasks"]),
        "activity_id": stored.get("activity_id") or _first(rows["activities"]),
        "enrollment_id": stored.get("enrollment_id") or _first(rows["enrollments"]),
        "emails": emails,
        "notes": [n["id"] for n in rows["notes"]],
        "items": _items(sub, contact, company, rows, currency),
    }
