"""The eight agent actions of SPEC §6.4, executed for real and idempotently.

Each action runs in its own write transaction together with its
``action_runs`` row keyed by (submission, action index): the effect and the
record of it commit or roll back together, so a retry after a crash between
two actions skips the first and never sends a second email or makes a second
deal. Executors are sync functions ``(conn, workspace_id, submission, index,
details) -> (status, result)``; status is "done" or "skipped" (with a reason).
"""

from __future__ import annotations

from app.db import dumps, get_in_workspace, loads, now_iso, value_in_workspace
from app.errors import Conflict
from app.services import sequences
from app.services.agents.humans import hand_over_tx
from app.services.capture.pipeline import form_from_row
from app.services.crm import contacts as crm_contacts
from app.services.crm import deals as crm_deals
from app.services.crm import notes as crm_notes
from app.services.forms.config import ALLOWED_ACTIONS
from app.services.mail.outbox import queue_email
from app.services.processing import work
from app.services.processing.steps import record_step

CONTACT_UPDATES_INDEX = -1  # the plan's contact_updates share the idempotency table
PRIORITY_RANK = {p: rank for rank, p in enumerate(work.TICKET_PRIORITIES)}  # low .. urgent


def _recipient(conn, workspace_id: str, sub: dict) -> str | None:
    if sub["contact_id"]:
        email = value_in_workspace(conn, "contacts", sub["contact_id"], workspace_id, "email")
        if email:
            return email
    return sub["email_lower"] or None


def _email(conn, workspace_id, sub, index, subject, body, action) -> tuple[str, dict]:
    to = _recipient(conn, workspace_id, sub)
    if not to:
        return "skipped", {"reason": "The submission has no email address to write to."}
    # Per submission, action and recipient (not plan position): a plan made
    # again on reprocessing never writes the same email to the same person twice.
    key = f"{sub['id']}:agent:{action}:{to.lower()}"
    sent = conn.value(
        "SELECT id FROM emails WHERE workspace_id = ? AND dedupe_key = ?", (workspace_id, key)
    )
    if sent:
        return "skipped", {"reason": f"{to} already has this email.", "email_id": sent}
    email_id = queue_email(
        conn,
        workspace_id,
        to=to,
        subject=subject[:300],
        body_text=body,
        kind="transactional",
        contact_id=sub["contact_id"],
        submission_id=sub["id"],
        related={"action": action, "index": index},
        dedupe_key=key,
    )
    return "done", {"entity_id": email_id, "email_id": email_id, "to": to, "subject": subject[:300]}


def send_email(conn, workspace_id, sub, index, details):
    return _email(conn, workspace_id, sub, index, details["subject"], details["body"], "send_email")


def book_meeting(conn, workspace_id, sub, index, details):
    auto = loads(value_in_workspace(conn, "forms", sub["form_id"], workspace_id, "auto"), {}) or {}
    url = auto.get("booking_url")
    if not url:
        return "skipped", {
            "reason": "The form has no booking URL to send (set one in its auto settings)."
        }
    body = (details.get("body") or "Thanks for your interest; pick a time that suits you.").rstrip()
    subject = details.get("subject") or "Book a time with us"
    return _email(
        conn, workspace_id, sub, index, subject, f"{body}\n\nBook a time: {url}\n", "book_meeting"
    )


def create_deal(conn, workspace_id, sub, index, details):
    if not sub["contact_id"]:
        return "skipped", {"reason": "The submission has no contact to attach a deal to."}
    deal_id, created = crm_deals.upsert_open_deal_tx(
        conn,
        workspace_id,
        contact_id=sub["contact_id"],
        company_id=sub["company_id"],
        name=details.get("name"),
        amount=details.get("amount"),
        source_submission_id=sub["id"],
    )
    return "done", {
        "entity_id": deal_id,
        "deal_id": deal_id,
        "created": created,
        "amount": conn.value("SELECT amount FROM deals WHERE id = ?", (deal_id,)),
    }


def create_ticket(conn, workspace_id, sub, index, details):
    existed = conn.one(
        "SELECT id, priority FROM tickets WHERE submission_id = ? AND workspace_id = ?",
        (sub["id"], workspace_id),
    )
    priority = details.get("priority") if details.get("priority") in PRIORITY_RANK else "normal"
    data = loads(sub["data"], {}) or {}
    title = (details.get("title") or data.get("subject") or "Support request").strip()
    ticket_id, reference = work.create_ticket_tx(
        conn,
        workspace_id,
        title=title,
        description=details.get("description") or "",
        submission_id=sub["id"],
        contact_id=sub["contact_id"],
        priority=priority,
    )
    if existed and PRIORITY_RANK[priority] > PRIORITY_RANK.get(existed["priority"], 1):
        conn.execute(
            "UPDATE tickets SET priority = ?, updated_at = ? WHERE id = ?",
            (priority, now_iso(), ticket_id),
        )
    return "done", {
        "entity_id": ticket_id,
        "ticket_id": ticket_id,
        "reference": reference,
        "created": existed is None,
        "priority": priority,
    }


def enroll_sequence(conn, workspace_id, sub, index, details):
    """Enroll the submitter in the named sequence; a live enrollment is kept (idempotent)."""
    named = str(details.get("sequence") or "")
    if not sub["contact_id"]:
        return "skipped", {"reason": "no contact to enroll", "sequence": named}
    form = form_from_row(conn.one("SELECT * FROM forms WHERE id = ?", (sub["form_id"],)))
    seq = sequences.resolve_sequence_tx(conn, workspace_id, named, form)
    if seq is None:
        return "skipped", {"reason": f"no sequence matches “{named}”", "sequence": named}
    try:
        row, created = sequences.ensure_enrolled_tx(
            conn, workspace_id, seq["id"], sub["contact_id"], submission_id=sub["id"]
        )
    except Conflict as exc:  # the contact unsubscribed
        return "skipped", {"reason": exc.message, "sequence": seq["name"]}
    return "done", {"entity_id": row["id"], "sequence": seq["name"], "created": created}


def escalate(conn, workspace_id, sub, index, details):
    reason = details["reason"].strip()
    form_name = conn.value("SELECT name FROM forms WHERE id = ?", (sub["form_id"],)) or "a form"
    told = hand_over_tx(
        conn,
        workspace_id,
        sub,
        subject=f"Needs a human: a submission to {form_name}",
        body=f"The agent escalated this submission.\nReason: {reason}",
        key=f"{sub['id']}:action:{index}",
    )
    # The status turns needs_human_review when the run finishes, so a crash before the
    # end still lets the job's retry resume the remaining actions.
    record_step(
        conn,
        workspace_id,
        sub["id"],
        "agent_escalated",
        "done",
        entity_id=told["assigned_to"],
        details={"reason": reason, **told},
    )
    return "done", {"reason": reason, **told}


def respond_direct(conn, workspace_id, sub, index, details):
    notes = conn.value("SELECT agent_notes FROM submissions WHERE id = ?", (sub["id"],)) or ""
    entry = f"Response to the visitor:\n{details['message'].strip()}"
    conn.execute(
        "UPDATE submissions SET agent_notes = ? WHERE id = ? AND workspace_id = ?",
        ((notes + "\n\n" + entry).strip(), sub["id"], workspace_id),
    )
    return "done", {"stored": "agent_notes", "message": details["message"][:500]}


def qualify_lead(conn, workspace_id, sub, index, details):
    score, tags = details["score"], details.get("tags") or []
    result = {"score": score, "reason": details.get("reason") or "", "tags": tags}
    if not sub["contact_id"]:
        return "done", {
            **result,
            "note": "no contact: the score is kept on the submission's log only",
        }
    if tags:
        crm_contacts.add_tags_tx(conn, workspace_id, sub["contact_id"], tags)
    if score == "high":
        conn.execute(
            "UPDATE contacts SET status = 'qualified', updated_at = ? WHERE id = ? AND workspace_id = ?"
            " AND status = 'lead'",
            (now_iso(), sub["contact_id"], workspace_id),
        )
    return "done", {**result, "entity_id": sub["contact_id"]}


EXECUTORS = {
    "qualify_lead": qualify_lead,
    "send_email": send_email,
    "create_deal": create_deal,
    "create_ticket": create_ticket,
    "book_meeting": book_meeting,
    "enroll_sequence": enroll_sequence,
    "escalate": escalate,
    "respond_direct": respond_direct,
}
# The list of actions lives in forms.config; each one needs a way to run.
if set(EXECUTORS) != set(ALLOWED_ACTIONS):
    raise RuntimeError(
        f"executors do not match ALLOWED_ACTIONS: {set(EXECUTORS) ^ set(ALLOWED_ACTIONS)}"
    )


def heartbeat_tx(conn, workspace_id: str, handler_id: str | None) -> None:
    if handler_id:
        conn.execute(
            "UPDATE handlers SET last_heartbeat_at = ? WHERE id = ? AND workspace_id = ?",
            (now_iso(), handler_id, workspace_id),
        )


def _already_ran(conn, submission_id: str, index: int) -> dict | None:
    return conn.one(
        "SELECT action, status, result FROM action_runs WHERE submission_id = ? AND action_index = ?",
        (submission_id, index),
    )


def _remember(conn, workspace_id, submission_id, index, action, status, result) -> None:
    conn.execute(
        "INSERT INTO action_runs (submission_id, action_index, workspace_id, action, status, result, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (submission_id, index, workspace_id, action, status, dumps(result), now_iso()),
    )


def run_action_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    index: int,
    action: str,
    details: dict,
    handler_id: str | None = None,
) -> dict:
    """Run one action unless (submission, index) already ran; returns its outcome."""
    done = _already_ran(conn, submission_id, index)
    if done:
        return {
            "index": index,
            "action": done["action"],
            "status": done["status"],
            "result": loads(done["result"], {}),
            "replayed": True,
        }
    sub = get_in_workspace(
        conn, "submissions", submission_id, workspace_id, missing="No such submission."
    )
    status, result = EXECUTORS[action](conn, workspace_id, sub, index, details)
    _remember(conn, workspace_id, submission_id, index, action, status, result)
    summary = {k: v for k, v in result.items() if k != "entity_id"}
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_action",
        status,
        entity_id=result.get("entity_id"),
        details={"action": action, "index": index, **summary},
        handler_id=handler_id,
    )
    heartbeat_tx(conn, workspace_id, handler_id)
    return {"index": index, "action": action, "status": status, "result": result, "replayed": False}


def apply_contact_updates_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    updates: dict,
    author: str,
    handler_id: str | None = None,
) -> dict:
    """Tags and a note on the contact, once per submission."""
    if _already_ran(conn, submission_id, CONTACT_UPDATES_INDEX):
        return {"status": "done", "replayed": True}
    contact_id = value_in_workspace(conn, "submissions", submission_id, workspace_id, "contact_id")
    tags, note = updates.get("tags_add") or [], (updates.get("notes") or "").strip()
    if not contact_id or not (tags or note):
        return {"status": "skipped", "replayed": False}
    if tags:
        crm_contacts.add_tags_tx(conn, workspace_id, contact_id, tags)
    note_id = (
        crm_notes.add_note_tx(conn, workspace_id, contact_id, note, author, submission_id)
        if note
        else None
    )
    result = {"tags_add": tags, "note_id": note_id}
    _remember(
        conn, workspace_id, submission_id, CONTACT_UPDATES_INDEX, "contact_updates", "done", result
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_contact_updates",
        "done",
        entity_id=contact_id,
        details=result,
        event="agent_action",
        handler_id=handler_id,
    )
    return {"status": "done", "replayed": False, **result}


async def execute_actions(
    write,
    workspace_id: str,
    submission_id: str,
    actions: list[dict],
    *,
    handler_id: str | None = None,
) -> list[dict]:
    """Run ``[{index, action, details}]`` in order, one transaction each."""
    results = []
    for item in actions:
        results.append(
            await write(
                run_action_tx,
                workspace_id,
                submission_id,
                item["index"],
                item["action"],
                item["details"],
                handler_id,
            )
        )
    return results
