"""Delivering the outbox through the app's ``Mailer`` (SMTP with pooled
connections). Without an SMTP URL mail stays queued and visible in the outbox;
an SMTP outage retries with backoff. Marketing email to a suppressed address is
not sent (status ``suppressed``); a 5xx refusal of the recipient is a hard
bounce that suppresses the address (SPEC §8)."""

from __future__ import annotations

import logging
from email.utils import format_datetime

import aiosmtplib

from app.db import clock, now_iso
from app.db.clock import iso_in
from app.services.accounts.workspaces import public_workspace
from app.services.consent import gate as consent_gate
from app.services.events.log import emit
from app.services.mail.compose import build_message
from app.services.mail.dkim_sign import dkim_sign
from app.services.mail.outbox import queue_delivery
from app.services.mail.suppression import (
    blocks,
    mark_suppressed_tx,
    suppress_tx,
    suppression_reason,
)
from app.services.platform.jobs import RetryLater

log = logging.getLogger("formagent.mail")


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


def _hard_bounce(exc: Exception) -> bool:
    """The server refused the recipient address itself with a 5xx."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(r.code >= 500 for r in exc.recipients)
    return isinstance(exc, aiosmtplib.SMTPRecipientRefused) and exc.code >= 500


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


def _suppress_if_listed(conn, email: dict) -> bool:
    """Marketing email to a suppressed address, or any email to an erased person: status
    ``suppressed``, not sent. Checked in the writer's transaction, so an unsubscribe a
    moment ago counts."""
    if not email["workspace_id"]:
        return False
    reason = suppression_reason(conn, email["workspace_id"], email["to_addr"])
    if not blocks(email["kind"], reason):
        return False
    mark_suppressed_tx(conn, email, f"suppressed: {reason}", reason)
    return True


def _bounced(conn, email: dict, error: str) -> None:
    if _mark(conn, email, "failed", error) and email["workspace_id"]:
        suppress_tx(
            conn,
            email["workspace_id"],
            email["to_addr"],
            "hard_bounce",
            contact_id=email["contact_id"],
            email_id=email["id"],
        )


def _send_check(conn, email: dict, ws_settings: dict) -> str | None:
    """Why an email may not go: "listed" (the suppression list: marketing mail, or any
    mail to an erased person, SPEC §8/§19), "consent" (marketing mail, consent/gate.py),
    or None; one read for both."""
    if blocks(email["kind"], suppression_reason(conn, email["workspace_id"], email["to_addr"])):
        return "listed"
    if email["kind"] == "marketing" and consent_gate.block_reason(conn, email, ws_settings):
        return "consent"
    return None


async def _held_back(ctx, email: dict, workspace: dict | None) -> bool:
    """Read first: only a held-back email costs a write (which decides again)."""
    ws_settings = (workspace or {}).get("settings") or {}
    found = await ctx.db.read(_send_check, email, ws_settings)
    if found == "listed" and await ctx.write(_suppress_if_listed, email):
        return True
    if found is None or email["kind"] != "marketing":
        return False
    return await ctx.write(consent_gate.skip_tx, email, ws_settings) is not None


async def email_workspace(db, workspace_id: str | None) -> dict | None:
    """Name and settings (postal address) the marketing footer needs."""
    if not workspace_id:
        return None
    row = await db.fetchone("SELECT * FROM workspaces WHERE id = ?", (workspace_id,))
    return public_workspace(row) if row else None


async def send_queued(ctx, email: dict, workspace: dict | None = None) -> tuple[str, float]:
    """Send one queued outbox row (a ``SELECT * FROM emails`` row) through
    ``ctx.state.mailer`` with every rule applied: suppression and consent (SPEC §19)
    for marketing mail, the marketing footer and headers, Date, DKIM; then record
    the outcome.

    Returns ``(outcome, retry_in)``: ``"sent"``, ``"suppressed"``, ``"failed"``
    (a 5xx; a refused address is suppressed), or ``"retry"`` (an outage: the row
    stays queued with its next attempt ``retry_in`` seconds away). Bulk senders
    call this per email (passing the workspace they loaded once) instead of the
    mailer, so campaign mail gets the same rules as everything else."""
    settings = ctx.settings
    if workspace is None:
        workspace = await email_workspace(ctx.db, email["workspace_id"])
    if email["workspace_id"] and await _held_back(ctx, email, workspace):
        return "suppressed", 0.0
    try:
        message = build_message(email, settings, workspace)
        message["Date"] = format_datetime(clock.utcnow())
        dkim_sign(message, settings)
    except (ValueError, TypeError) as exc:  # e.g. a header with a line break: no retry can fix it
        await ctx.write(_mark, email, "failed", f"unsendable message: {exc}"[:500])
        return "failed", 0.0
    try:
        await ctx.state.mailer.send(message)
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
        if _hard_bounce(exc):
            await ctx.write(_bounced, email, error)
            return "failed", 0.0
        if _permanent(exc):
            await ctx.write(_mark, email, "failed", error)
            return "failed", 0.0
        delay = retry_delay(settings, email["attempts"] + 1)
        log.warning("email %s not delivered (%s); retrying in %.1f s", email["id"], error, delay)
        await ctx.write(_mark, email, "queued", error, iso_in(delay))
        return "retry", delay
    await ctx.write(_mark, email, "sent", None)
    return "sent", 0.0


async def deliver_email(ctx, payload: dict) -> None:
    """Job ``deliver_email``: send one queued email. An SMTP outage keeps it
    queued and re-runs the job with a growing delay; a 5xx refusal marks it
    failed (and suppresses a refused address)."""
    email = await ctx.db.fetchone("SELECT * FROM emails WHERE id = ?", (payload["email_id"],))
    if email is None or email["status"] != "queued" or not ctx.state.mailer.sends:
        return  # without SMTP the email waits in the outbox; requeue_stalled picks it up later
    outcome, delay = await send_queued(ctx, email)
    if outcome == "retry":
        raise RetryLater(delay, "SMTP unavailable; the email stays queued")


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
