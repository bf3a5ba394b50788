"""Sending due steps (SPEC §8, §6.6): the scheduler's periodic task and "advance".

Exactly once per enrollment and step, even with several server processes on
one database: the step is claimed and its email queued in ONE write transaction
(BEGIN IMMEDIATE, so the writers queue up) that re-reads the enrollment and acts
only if ``current_step`` is still the step it set out to send; the loser of a
race finds it moved on and does nothing. The email's dedupe key
(``{enrollment}:step:{step}``) backs this up: re-queueing the same step returns
the first email. Stop conditions are checked in that same transaction, first.

Agent personalisation (an LLM call, which may go over the network) runs before
the transaction, from the contact's and company's facts only; its answer is
used only if the step it was written for is still the one to send.
"""

from __future__ import annotations

import logging

from app.db import loads, now_iso
from app.services.events.log import emit
from app.services.llm import LLMError
from app.services.mail import placeholders
from app.services.mail.outbox import header_safe, queue_email
from app.services.mail.render import render_email
from app.services.sequences.enrollments import (
    add_history,
    complete_tx,
    is_unsubscribed,
    step_rows,
    stop_tx,
)
from app.services.sequences.timing import due_after, workspace_zone

log = logging.getLogger("formagent.sequences")
BATCH, MAX_BATCHES = 100, 20


# -- the scheduler's task ----------------------------------------------------------
def due_tx(conn, now: str, limit: int) -> list[dict]:
    return conn.all(
        "SELECT e.id FROM enrollments e JOIN sequences s ON s.id = e.sequence_id"
        " WHERE e.status = 'active' AND e.next_step_due_at <= ? AND s.status = 'active'"
        " AND s.deleted_at IS NULL ORDER BY e.next_step_due_at LIMIT ?",
        (now, limit),
    )


async def send_due_steps(ctx) -> None:
    """Periodic task: send every due step (each in its own short transaction)."""
    engine = getattr(ctx.state, "llm", None)
    for _ in range(MAX_BATCHES):
        due = await ctx.db.read(due_tx, now_iso(), BATCH)
        for row in due:
            try:
                await send_next_step(ctx.db, engine, row["id"])
            except Exception:  # one broken enrollment must not hold up the others
                log.exception("sending the next step of %s failed", row["id"])
        if len(due) < BATCH:
            return


async def send_next_step(db, engine, enrollment_id: str, *, force=False, by=None) -> str:
    """Send the enrollment's next step if due (``force``: now, for "advance").
    Answers what happened: sent, stopped, completed, or skipped."""
    prepared = await db.read(_prepare_tx, enrollment_id)
    if prepared is None:
        return "skipped"
    row, step, facts = prepared
    intro = None
    if step and step["agent_personalize"] and engine is not None:
        intro = await _personal_intro(engine, row, step, facts)
    return await db.write(
        send_step_tx, enrollment_id, row["current_step"], step and step["id"], intro, force, by
    )


# -- preparing: what the step and the personalisation need --------------------------
def _prepare_tx(conn, enrollment_id: str):
    row = conn.one("SELECT * FROM enrollments WHERE id = ?", (enrollment_id,))
    if row is None or row["status"] != "active":
        return None
    steps = step_rows(conn, row["sequence_id"])
    step = steps[row["current_step"]] if row["current_step"] < len(steps) else None
    return row, step, facts_tx(conn, row)


def facts_tx(conn, row: dict) -> dict:
    """What is known of the contact and its company: the only ground for personalising."""
    contact = conn.one("SELECT * FROM contacts WHERE id = ?", (row["contact_id"],)) or {}
    company = (
        conn.one("SELECT name, domain FROM companies WHERE id = ?", (contact["company_id"],))
        if contact.get("company_id")
        else None
    ) or {}
    form = conn.value(
        "SELECT f.name FROM submissions s JOIN forms f ON f.id = s.form_id WHERE s.id = ?",
        (row["submission_id"],),
    )
    name = contact.get("name") or ""
    return {
        "contact": {
            "name": name,
            "first_name": contact.get("first_name") or name.partition(" ")[0],
            "last_name": contact.get("last_name") or "",
            "email": contact.get("email") or "",
            "status": contact.get("status") or "",
            "tags": loads(contact.get("tags"), []),
        },
        "company": {"name": company.get("name") or "", "domain": company.get("domain") or ""},
        "form_name": form or "",
    }


async def _personal_intro(engine, row: dict, step: dict, facts: dict) -> str | None:
    try:
        answer = await engine.personalize_step(
            {"subject": step["subject"], "body": step["body"]},
            facts,
            workspace_id=row["workspace_id"],
        )
    except LLMError as exc:  # the step still goes, unpersonalised
        log.warning("personalising enrollment %s failed: %s", row["id"], exc)
        return None
    return (answer.get("intro") or "").strip() or None


def with_intro(body: str, intro: str) -> str:
    """The personal line after the greeting ("Hi Dana,"), or first when there is none."""
    first, sep, rest = body.partition("\n")
    if sep and len(first) <= 60 and first.rstrip().endswith((",", "!")):
        return f"{first}\n\n{intro}\n\n{rest.lstrip(chr(10))}"
    return f"{intro}\n\n{body}"


# -- the one transaction that sends a step --------------------------------------------
def stop_reason_tx(conn, row: dict, seq: dict) -> str | None:
    """The stop condition the enrollment meets now, if any (checked before each send)."""
    suppressed = is_unsubscribed(conn, row["workspace_id"], row["contact_id"])
    if suppressed:
        return "email_bounced" if "bounce" in suppressed else "contact_unsubscribed"
    conditions = loads(seq["stop_conditions"], [])
    if "deal_created" in conditions and conn.value(
        "SELECT 1 FROM deals WHERE workspace_id = ? AND contact_id = ? AND created_at >= ? LIMIT 1",
        (row["workspace_id"], row["contact_id"], row["enrolled_at"]),
    ):
        return "deal_created"
    return None


def _asset_url(conn, campaign_id: str | None) -> str:
    if not campaign_id:
        return ""
    return conn.value("SELECT asset_url FROM campaigns WHERE id = ?", (campaign_id,)) or ""


def variables_tx(conn, row: dict, facts: dict) -> dict:
    data = conn.value("SELECT data FROM submissions WHERE id = ?", (row["submission_id"],))
    return {
        **{k: facts["contact"][k] for k in ("name", "first_name", "last_name", "email")},
        "company": facts["company"]["name"],
        "form_name": facts["form_name"],
        "asset_url": _asset_url(conn, row["campaign_id"]),
        "data": loads(data, {}) or {},
    }


def send_step_tx(conn, enrollment_id, expected_step, step_id, intro, force=False, by=None) -> str:
    row = conn.one("SELECT * FROM enrollments WHERE id = ?", (enrollment_id,))
    if row is None or row["status"] != "active" or row["current_step"] != expected_step:
        return "skipped"  # another process (or an action) moved it on
    now = now_iso()
    if not force and (row["next_step_due_at"] is None or row["next_step_due_at"] > now):
        return "skipped"
    seq = conn.one("SELECT * FROM sequences WHERE id = ?", (row["sequence_id"],))
    reason = stop_reason_tx(conn, row, seq)
    if reason:
        stop_tx(conn, row, reason)
        return "stopped"
    steps = step_rows(conn, seq["id"])
    if expected_step >= len(steps):
        complete_tx(conn, row)
        return "completed"
    step = steps[expected_step]
    if step["id"] != step_id:
        return "skipped"  # the steps were edited meanwhile: the next tick prepares again
    email_id = _queue_step_email(conn, row, seq, step, intro)
    sent = expected_step + 1
    entry = {"event": "step_sent", "step": sent, "step_id": step["id"], "email_id": email_id}
    entry.update({"personalized": True} if intro else {})
    entry.update({"by": by} if by else {})
    next_due = (
        due_after(now, steps[sent], workspace_zone(conn, row["workspace_id"]))
        if sent < len(steps)
        else None
    )
    row = add_history(conn, row, entry, current_step=sent, next_step_due_at=next_due)
    emit(
        conn,
        row["workspace_id"],
        "sequence_step_sent",
        submission_id=row["submission_id"],
        details={
            "enrollment_id": row["id"],
            "sequence_id": seq["id"],
            "contact_id": row["contact_id"],
            "step": sent,
            "email_id": email_id,
        },
    )
    if sent >= len(steps):
        complete_tx(conn, row)
    return "sent"


def _queue_step_email(conn, row: dict, seq: dict, step: dict, intro: str | None) -> str:
    variables = variables_tx(conn, row, facts_tx(conn, row))
    subject = header_safe(placeholders.fill(step["subject"], variables))
    body = placeholders.fill(step["body"], variables)
    if intro:
        body = with_intro(body, intro)
    workspace = conn.value("SELECT name FROM workspaces WHERE id = ?", (row["workspace_id"],))
    # The text is the plain result; message.html escapes it for the HTML body.
    html = render_email("message.html", {"subject": subject, "body": body, "form_name": workspace})
    return queue_email(
        conn,
        row["workspace_id"],
        to=variables["email"],
        subject=subject,
        body_text=body,
        body_html=html,
        kind="marketing",
        contact_id=row["contact_id"],
        submission_id=row["submission_id"],
        related={"enrollment_id": row["id"], "sequence_id": seq["id"], "step_id": step["id"]},
        dedupe_key=f"{row['id']}:step:{step['id']}",
    )
