"""The email outbox (SPEC §8). Queueing lives here; delivery is a job kind."""

from __future__ import annotations

import sqlite3

from app.db import dumps, new_id, now_iso
from app.services.events.log import emit
from app.services.platform.jobs import enqueue


def queue_email(
    conn,
    workspace_id: str | None,
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str | None = None,
    kind: str = "transactional",
    contact_id: str | None = None,
    submission_id: str | None = None,
    related: dict | None = None,
    headers: dict | None = None,
    idempotency_key: str | None = None,
) -> str:
    """Store an email in the outbox inside the caller's transaction.

    With an ``idempotency_key`` a second call returns the first email's id and
    queues nothing: retries never send twice.
    """
    if idempotency_key:
        existing = conn.value("SELECT id FROM emails WHERE idempotency_key = ?", (idempotency_key,))
        if existing:
            return existing
    email_id = new_id("email")
    try:
        conn.execute(
            "INSERT INTO emails (id, workspace_id, to_addr, subject, body_text, body_html, kind, status,"
            " contact_id, submission_id, related, headers, idempotency_key, created_at)"
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
                idempotency_key,
                now_iso(),
            ),
        )
    except sqlite3.IntegrityError:
        return conn.value("SELECT id FROM emails WHERE idempotency_key = ?", (idempotency_key,))
    if workspace_id:
        emit(
            conn,
            workspace_id,
            "email_queued",
            submission_id=submission_id,
            details={"email_id": email_id, "to": to, "subject": subject, "kind": kind},
        )
    enqueue(conn, "deliver_email", {"email_id": email_id}, workspace_id=workspace_id)
    return email_id
