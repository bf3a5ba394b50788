"""Delivering the outbox over SMTP (aiosmtplib). Without an SMTP URL mail stays
queued and visible in the outbox; an SMTP outage retries with backoff."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlsplit

import aiosmtplib

from app.db import loads, now_iso
from app.services.events import emit
from app.services.jobs import enqueue

log = logging.getLogger("formagent.mail")


def smtp_options(url: str) -> dict:
    parts = urlsplit(url)
    tls = parts.scheme == "smtps"
    return {
        "hostname": parts.hostname or "localhost",
        "port": parts.port or (465 if tls else 25),
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "use_tls": tls,
        "start_tls": False if tls else None,
    }


def build_message(email: dict, mail_from: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = email["to_addr"]
    message["Subject"] = email["subject"]
    message["Message-ID"] = make_msgid(idstring=email["id"], domain="formagent.local")
    for name, value in loads(email["headers"], {}).items():
        message[name] = value
    message.set_content(email["body_text"])
    if email["body_html"]:
        message.add_alternative(email["body_html"], subtype="html")
    return message


def _mark(conn, email: dict, status: str, error: str | None) -> None:
    attempts = email["attempts"] + 1
    conn.execute(
        "UPDATE emails SET status = ?, attempts = ?, last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?",
        (status, attempts, error, status, now_iso(), email["id"]),
    )
    if email["workspace_id"] and status in ("sent", "failed"):
        emit(conn, email["workspace_id"], f"email_{status}", submission_id=email["submission_id"],
             details={"email_id": email["id"], "to": email["to_addr"], "subject": email["subject"], "error": error})


async def deliver_email(ctx, payload: dict) -> None:
    """Job ``deliver_email``: send one queued email; raise to retry with backoff."""
    settings = ctx.settings
    email = await ctx.db.fetchone("SELECT * FROM emails WHERE id = ?", (payload["email_id"],))
    if email is None or email["status"] != "queued" or not settings.smtp_url:
        return
    try:
        await aiosmtplib.send(build_message(email, settings.mail_from), timeout=10, **smtp_options(settings.smtp_url))
    except (aiosmtplib.SMTPException, OSError) as exc:
        last = ctx.job.attempts >= ctx.job.max_attempts
        await ctx.write(_mark, email, "failed" if last else "queued", f"{type(exc).__name__}: {exc}"[:500])
        raise
    await ctx.write(_mark, email, "sent", None)


async def requeue_stalled(ctx) -> None:
    """Emails still queued with no live delivery job (SMTP configured later, or
    jobs that died) get a fresh job: mail queued is delivered when SMTP is back."""
    if not ctx.settings.smtp_url:
        return

    def requeue(conn):
        rows = conn.all(
            "SELECT e.id, e.workspace_id FROM emails e WHERE e.status = 'queued' AND NOT EXISTS ("
            " SELECT 1 FROM jobs j WHERE j.kind = 'deliver_email' AND j.status IN ('queued', 'running')"
            " AND j.payload = '{\"email_id\":\"' || e.id || '\"}') LIMIT 500"
        )
        for row in rows:
            enqueue(conn, "deliver_email", {"email_id": row["id"]}, workspace_id=row["workspace_id"])
        return len(rows)

    count = await ctx.db.write(requeue)
    if count:
        log.info("requeued %d stalled emails", count)
