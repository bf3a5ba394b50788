"""The email outbox (SPEC §8). Queueing lives here; delivery is a job kind."""

from __future__ import annotations

import re

from app.db import dumps, new_id, now_iso
from app.services.events.log import emit
from app.services.platform.jobs import enqueue

SUBJECT_MAX_CHARS = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def header_safe(text: str, limit: int = SUBJECT_MAX_CHARS) -> str:
    """One line for a mail header: control characters (CR/LF first of all, which
    would inject headers or make the message unsendable) become spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


def queue_email(
    conn,
    workspace_id: str | None,
    *,
    to: str,
    subject: str,
    body_text: str,
    dedupe_key: str,
    body_html: str | None = None,
    kind: str = "transactional",
    contact_id: str | None = None,
    submission_id: str | None = None,
    related: dict | None = None,
    headers: dict | None = None,
    delivered_by: str | None = None,
) -> str:
    """Store an email in the outbox inside the caller's transaction and queue
    its delivery job.

    ``dedupe_key`` says what makes this email unique in the workspace (e.g.
    ``"{submission_id}:confirmation"``): queueing the same key again returns the
    first email's id and queues nothing, so retries and reprocessing never send twice.
    ``delivered_by`` names the (bulk) job that delivers the email itself, instead
    of a delivery job per email; requeue_stalled steps in only once that job is gone.
    """
    # The writer holds the database (BEGIN IMMEDIATE) from this look-up to the
    # insert, so two processes cannot both miss; the unique index backs it up.
    existing = _by_key(conn, workspace_id, dedupe_key)
    if existing:
        return existing
    email_id, subject = new_id("email"), header_safe(subject)
    conn.execute(
        "INSERT INTO emails (id, workspace_id, to_addr, subject, body_text, body_html, kind, status,"
        " contact_id, submission_id, related, headers, dedupe_key, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)",
        (
            email_id,
            workspace_id,
            to,
            subject,
            body_text,
            body_html,
            kind,
            contact_id,
            submission_id,
            dumps(related or {}),
            dumps(headers or {}),
            dedupe_key,
            now_iso(),
        ),
    )
    if workspace_id:
        emit(
            conn,
            workspace_id,
            "email_queued",
            submission_id=submission_id,
            details={"email_id": email_id, "to": to, "subject": subject, "kind": kind},
        )
    if delivered_by:
        conn.execute("UPDATE emails SET delivery_job_id = ? WHERE id = ?", (delivered_by, email_id))
    else:
        queue_delivery(conn, email_id, workspace_id)
    return email_id


def queue_delivery(conn, email_id: str, workspace_id: str | None, run_at: str | None = None):
    """A delivery job for the email, remembered on the email (see requeue_stalled)."""
    job_id = enqueue(
        conn, "deliver_email", {"email_id": email_id}, workspace_id=workspace_id, run_at=run_at
    )
    conn.execute("UPDATE emails SET delivery_job_id = ? WHERE id = ?", (job_id, email_id))


def _by_key(conn, workspace_id: str | None, dedupe_key: str) -> str | None:
    return conn.value(
        "SELECT id FROM emails WHERE workspace_id IS ? AND dedupe_key = ?",
        (workspace_id, dedupe_key),
    )
