"""Delivering the outbox through the app's ``Mailer`` (SMTP with pooled
connections). Without an SMTP URL mail stays queued and visible in the outbox;
an SMTP outage retries with backoff."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import make_msgid

import aiosmtplib

from app.db import loads, now_iso
from app.db.clock import iso_in
from app.services.events.log import emit
from app.services.mail.outbox import header_safe, queue_delivery
from app.services.platform.jobs import RetryLater

log = logging.getLogger("formagent.mail")


def build_message(email: dict, mail_from: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = email["to_addr"]
    message["Subject"] = header_safe(email["subject"])  # rows queued before subjects were cleaned
    message["Message-ID"] = make_msgid(idstring=email["id"], domain="formagent.local")
    for name, value in loads(email["headers"], {}).items():
        message[name] = value
    message.set_content(email["body_text"])
    if email["body_html"]:
        message.add_alternative(email["body_html"], subtype="html")
    return message


# Backoff between tries while SMTP is unreachable: doubles from retry_base_seconds
# up to this cap, and never gives up (SPEC §13: a queued email is delivered when
# SMTP comes back).
MAX_RETRY_SECONDS = 900.0


def _permanent(exc: Exception) -> bool:
    """A rejection that no retry will fix: the server refused this message or
    its recipients with a 5xx. Outages, timeouts, 4xx and log-in problems
    (a setting someone can fix) are retried."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(r.code >= 500 for r in exc.recipients)
    if isinstance(exc, aiosmtplib.SMTPRecipientRefused | aiosmtplib.SMTPDataError):
        return exc.code >= 500
    return False


def retry_delay(settings, attempts: int) -> float:
    return min(MAX_RETRY_SECONDS, settings.retry_base_seconds * (2 ** max(0, attempts - 1)))


def _mark(
    conn, email: dict, status: str, error: str | None, next_attempt_at: str | None = None
) -> bool:
    cursor = conn.execute(
        "UPDATE emails SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
        " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ? AND status = 'queued'",
        (status, error, next_attempt_at, status, now_iso(), email["id"]),
    )
    if cursor.rowcount and email["workspace_id"] and status in ("sent", "failed"):
        emit(
            conn,
            email["workspace_id"],
            "email_sent" if status == "sent" else "email_failed",
            submission_id=email["submission_id"],
            details={
                "email_id": email["id"],
                "to": email["to_addr"],
                "subject": email["subject"],
                "error": error,
            },
        )
    return bool(cursor.rowcount)


async def deliver_email(ctx, payload: dict) -> None:
    """Job ``deliver_email``: send one queued email. An SMTP outage keeps it
    queued and re-runs the job with a growing delay; a 5xx refusal marks it failed."""
    settings, mailer = ctx.settings, ctx.state.mailer
    email = await ctx.db.fetchone("SELECT * FROM emails WHERE id = ?", (payload["email_id"],))
    if email is None or email["status"] != "queued" or not mailer.sends:
        return  # without SMTP the email waits in the outbox; requeue_stalled picks it up later
    try:
        message = build_message(email, settings.mail_from)
    except (ValueError, TypeError) as exc:  # e.g. a header with a line break: no retry can fix it
        await ctx.write(_mark, email, "failed", f"unsendable message: {exc}"[:500])
        return
    try:
        await mailer.send(message)
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
        if _permanent(exc):
            await ctx.write(_mark, email, "failed", error)
            return
        delay = retry_delay(settings, email["attempts"] + 1)
        log.warning("email %s not delivered (%s); retrying in %.1f s", email["id"], error, delay)
        await ctx.write(_mark, email, "queued", error, iso_in(delay))
        raise RetryLater(delay, error) from None
    await ctx.write(_mark, email, "sent", None)


async def requeue_stalled(ctx) -> None:
    """Emails still queued with no live delivery job (SMTP configured later, or
    jobs that died) get a fresh job at their next retry time: mail queued is
    delivered when SMTP is back."""
    if not ctx.settings.smtp_url:
        return

    def requeue(conn):
        rows = conn.all(
            "SELECT e.id, e.workspace_id, e.next_attempt_at FROM emails e WHERE e.status = 'queued'"
            " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = e.delivery_job_id"
            " AND j.status IN ('queued', 'running')) LIMIT 500"
        )
        for row in rows:
            queue_delivery(conn, row["id"], row["workspace_id"], row["next_attempt_at"])
        return len(rows)

    count = await ctx.db.write(requeue)
    if count:
        log.info("requeued %d stalled emails", count)
