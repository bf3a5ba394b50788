"""Broadcasts (SPEC §8): one email to a campaign's contacts or to a tag, sent by
ONE bulk job that works in slices and re-queues itself (listmonk's model).

Each run does one slice and re-queues the job (``RetryLater(0)``), so interactive
jobs (submission processing) are claimed between slices; the job is BULK.

1. Queueing: the next recipients after the checkpoint (``last_contact_id``, in
   contact id order) become outbox rows in one short transaction that also moves
   the checkpoint — so a restart resumes after it. Each row's dedupe key is
   ``broadcast:{id}:{contact_id}``: the same recipient is never queued twice.
   The rows name this job as their deliverer (no delivery job per email, and the
   outbox's stalled-mail sweep leaves them alone while the job lives).
2. Delivery: the next queued rows of this broadcast (by dedupe key) go out
   through the outbox's own ``send_queued`` — same suppression, footer,
   unsubscribe headers, DKIM, bounces and pooled SMTP connections as any
   email — which marks each row sent (or suppressed, failed) at once. A run killed mid-slice
   resumes with what is still queued; only a message the SMTP server accepted in
   the instant before the kill could go out again (SMTP has no exactly-once).
   An SMTP outage re-queues the job later; nothing is lost.
"""

from __future__ import annotations

import asyncio

from markupsafe import escape

from app.db import LeaseLost, fetch_page, get_in_workspace, new_id, now_iso
from app.db.errors import IntegrityError
from app.errors import Conflict, ValidationError
from app.services.campaigns.campaigns import get_campaign_tx
from app.services.campaigns.welcome import LATE
from app.services.crm.contacts import normalize_tags
from app.services.events.log import emit
from app.services.mail import placeholders
from app.services.mail.delivery import email_workspace, send_queued
from app.services.mail.outbox import queue_email
from app.services.mail.render import render_email
from app.services.platform.jobs import RetryLater, enqueue

RUNNING = ("queued", "sending")
VARIABLES = frozenset(
    {"first_name", "name", "email", "company", "asset_url", "asset_name", "unsubscribe_url"}
)
QUEUE_FACTOR = 3  # outbox rows made per run, in slices of the delivery size
FIELDS = (
    "id",
    "campaign_id",
    "tag",
    "subject",
    "body",
    "status",
    "total",
    "queued_count",
    "created_by",
    "created_at",
    "finished_at",
)


def key_prefix(broadcast_id: str) -> str:
    return f"broadcast:{broadcast_id}:"


# -- starting one --------------------------------------------------------------------
def _clean(data: dict) -> dict:
    errors, values = {}, {}
    for key, limit in (("subject", 300), ("body", 20000)):
        value = data.get(key)
        text = value.strip() if isinstance(value, str) else ""
        if not text:
            errors[key] = "Write the email's subject." if key == "subject" else "Write the email."
        elif len(text) > limit:
            errors[key] = f"Keep this under {limit:,} characters."
        elif problem := placeholders.problems(text, set(VARIABLES)):
            errors[key] = problem
        values[key] = text
    campaign_id, tag = data.get("campaign_id"), data.get("tag")
    if campaign_id is not None and not isinstance(campaign_id, str):
        errors["campaign_id"] = "Give the campaign's id as text."
    if tag is not None and not isinstance(tag, str):
        errors["tag"] = "Give the tag as text."
    elif tag:
        try:
            tag = (normalize_tags([tag]) or [None])[0]
        except ValidationError as exc:
            errors["tag"] = exc.fields["tags"]
    if not errors and bool(campaign_id) == bool(tag):
        errors["audience"] = "Send to a campaign's contacts or to a tag (one of the two)."
    if errors:
        raise ValidationError(fields=errors)
    return {**values, "campaign_id": campaign_id or None, "tag": tag or None}


def _audience_sql(broadcast: dict) -> tuple[str, list]:
    """Recipients (contacts with an email) in contact id order, from the checkpoint on."""
    select = (
        "SELECT c.id, c.email, c.name, c.first_name, co.name AS company FROM contacts c"
        " LEFT JOIN companies co ON co.id = c.company_id"
    )
    if broadcast["campaign_id"]:
        return (
            f"{select} JOIN campaign_contacts m ON m.contact_id = c.id"
            " WHERE m.campaign_id = ? AND c.id > ? ORDER BY m.contact_id LIMIT ?",
            [broadcast["campaign_id"]],
        )
    return (
        f"{select} JOIN contact_tags t ON t.contact_id = c.id"
        " WHERE t.workspace_id = ? AND t.tag = ? AND c.id > ? ORDER BY t.contact_id LIMIT ?",
        [broadcast["workspace_id"], broadcast["tag"]],
    )


def _audience_size(conn, workspace_id: str, values: dict) -> int:
    if values["campaign_id"]:
        return conn.value(
            "SELECT COUNT(*) FROM campaign_contacts WHERE campaign_id = ? AND workspace_id = ?",
            (values["campaign_id"], workspace_id),
        )
    return conn.value(
        "SELECT COUNT(*) FROM contact_tags WHERE workspace_id = ? AND tag = ?",
        (workspace_id, values["tag"]),
    )


def start_broadcast_tx(conn, workspace_id: str, data: dict, created_by: str) -> dict:
    """Record the broadcast and queue its job; 409 while another one to the same
    audience is still running."""
    values = _clean(data)
    if values["campaign_id"]:
        get_campaign_tx(conn, workspace_id, values["campaign_id"])
    total = _audience_size(conn, workspace_id, values)
    if not total:
        where = "campaign_id" if values["campaign_id"] else "tag"
        raise ValidationError(
            fields={where: "Nobody to send to: no contact is in this audience yet."}
        )
    broadcast_id, now = new_id("bcast"), now_iso()
    audience = (
        f"campaign:{values['campaign_id']}" if values["campaign_id"] else f"tag:{values['tag']}"
    )
    try:
        conn.execute(
            "INSERT INTO broadcasts (id, workspace_id, campaign_id, tag, audience, subject, body,"
            " status, total, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
            (broadcast_id, workspace_id, values["campaign_id"], values["tag"], audience,
             values["subject"], values["body"], total, created_by, now),
        )  # fmt: skip
    except IntegrityError:
        raise Conflict(
            "A broadcast to this audience is still sending; wait until it finishes.",
            fields={"audience": "Still sending the previous broadcast."},
        ) from None
    job_id = enqueue(
        conn, "send_broadcast", {"broadcast_id": broadcast_id}, workspace_id=workspace_id
    )
    conn.execute("UPDATE broadcasts SET job_id = ? WHERE id = ?", (job_id, broadcast_id))
    emit(
        conn,
        workspace_id,
        "broadcast_started",
        details={
            "broadcast_id": broadcast_id,
            "campaign_id": values["campaign_id"],
            "tag": values["tag"],
            "subject": values["subject"],
            "total": total,
        },
    )
    return get_broadcast_tx(conn, workspace_id, broadcast_id)


# -- reading ---------------------------------------------------------------------------
def progress_tx(conn, workspace_id: str, broadcast_id: str) -> dict:
    """Its emails by status: one range scan of the outbox's (workspace, dedupe_key) index."""
    prefix = key_prefix(broadcast_id)
    rows = conn.all(
        "SELECT status, COUNT(*) AS n FROM emails WHERE workspace_id = ? AND dedupe_key > ?"
        " AND dedupe_key < ? GROUP BY status",
        (workspace_id, prefix, prefix[:-1] + ";"),
    )
    counts = {"queued": 0, "sent": 0, "failed": 0, "suppressed": 0}
    counts.update({r["status"]: r["n"] for r in rows})
    return counts


def broadcast_shape(conn, row: dict) -> dict:
    shape = {k: row[k] for k in FIELDS}
    shape["progress"] = progress_tx(conn, row["workspace_id"], row["id"])
    return shape


def get_broadcast_tx(conn, workspace_id: str, broadcast_id) -> dict:
    row = get_in_workspace(
        conn, "broadcasts", broadcast_id, workspace_id, missing="Broadcast not found."
    )
    return broadcast_shape(conn, row)


async def get_broadcast(db, workspace_id: str, broadcast_id) -> dict:
    return await db.read(get_broadcast_tx, workspace_id, broadcast_id)


async def start_broadcast(db, workspace_id: str, data: dict, created_by: str = "") -> dict:
    return await db.write(start_broadcast_tx, workspace_id, data, created_by)


async def list_broadcasts(
    db, workspace_id: str, *, campaign_id=None, limit: int = 50, cursor=None
) -> tuple[list[dict], str | None]:
    """Newest first; ``campaign_id`` filters."""
    where, params = ["workspace_id = ?"], [workspace_id]
    if campaign_id:
        where.append("campaign_id = ?")
        params.append(campaign_id)

    def fn(conn):
        rows, next_cursor = fetch_page(
            conn, "SELECT * FROM broadcasts", where, params, cursor=cursor, limit=limit
        )
        return [broadcast_shape(conn, r) for r in rows], next_cursor

    return await db.read(fn)


# -- the job ---------------------------------------------------------------------------
def _html_source(broadcast: dict, sender: str) -> str:
    """The HTML body rendered ONCE with the placeholders still in it (autoescaping
    leaves ``{{name|fallback}}`` intact and escapes the fallback): each recipient's
    HTML is then a placeholder fill with HTML-escaped values — a regex pass instead
    of a template render per recipient (10 000 renders took seconds)."""
    context = {"subject": broadcast["subject"], "body": broadcast["body"], "form_name": sender}
    return render_email("message.html", context)


def _render(broadcast: dict, html_source: str, asset: dict, contact: dict) -> dict:
    name = contact["name"] or ""
    variables = {
        "name": name,
        "first_name": contact["first_name"] or name.partition(" ")[0],
        "email": contact["email"],
        "company": contact["company"] or "",
        **asset,
        **LATE,
    }
    escaped = {k: str(escape(v)) for k, v in variables.items()}
    return {
        "contact_id": contact["id"],
        "to": contact["email"],
        "subject": placeholders.fill(broadcast["subject"], variables),
        "text": placeholders.fill(broadcast["body"], variables),
        "html": placeholders.fill(html_source, escaped),
    }


def _queue_slice_tx(conn, broadcast: dict, job_id: str, emails: list[dict], done: bool) -> None:
    related = {"broadcast_id": broadcast["id"], "campaign_id": broadcast["campaign_id"]}
    for e in emails:
        queue_email(
            conn,
            broadcast["workspace_id"],
            to=e["to"],
            subject=e["subject"],
            body_text=e["text"],
            body_html=e["html"],
            kind="marketing",
            contact_id=e["contact_id"],
            related=related,
            dedupe_key=key_prefix(broadcast["id"]) + e["contact_id"],
            delivered_by=job_id,
        )
    conn.execute(
        "UPDATE broadcasts SET queued_count = queued_count + ?, last_contact_id = COALESCE(?, last_contact_id),"
        " status = CASE WHEN ? THEN 'sending' ELSE status END, queued_at = CASE WHEN ? THEN ? END"
        " WHERE id = ? AND status IN ('queued', 'sending')",
        (len(emails), emails[-1]["contact_id"] if emails else None, done, done, now_iso(),
         broadcast["id"]),
    )  # fmt: skip


async def _queue_slice(ctx, broadcast: dict, size: int) -> None:
    sql, params = _audience_sql(broadcast)
    contacts = await ctx.db.fetchall(sql, (*params, broadcast["last_contact_id"] or "", size))
    sender, asset = await _sender_and_asset(ctx.db, broadcast)
    html_source = _html_source(broadcast, sender)
    emails = [_render(broadcast, html_source, asset, c) for c in contacts]
    await ctx.write(_queue_slice_tx, broadcast, ctx.job.id, emails, len(contacts) < size)


async def _sender_and_asset(db, broadcast: dict) -> tuple[str, dict]:
    if broadcast["campaign_id"]:
        row = await db.fetchone(
            "SELECT name, asset_url, asset_name FROM campaigns WHERE id = ?",
            (broadcast["campaign_id"],),
        )
        if row:
            return row["name"], {"asset_url": row["asset_url"], "asset_name": row["asset_name"]}
    name = await db.fetchval(
        "SELECT name FROM workspaces WHERE id = ?", (broadcast["workspace_id"],)
    )
    return name or "FormAgent", {"asset_url": "", "asset_name": ""}


async def _deliver_slice(ctx, broadcast: dict, size: int) -> bool:
    """Deliver the next queued emails; True when none is left. An outage re-queues the job."""
    prefix = key_prefix(broadcast["id"])
    rows = await ctx.db.fetchall(
        "SELECT * FROM emails WHERE workspace_id = ? AND dedupe_key > ? AND dedupe_key < ?"
        " AND status = 'queued' ORDER BY dedupe_key LIMIT ?",
        (broadcast["workspace_id"], prefix, prefix[:-1] + ";", size),
    )
    workspace = await email_workspace(ctx.db, broadcast["workspace_id"])
    retry_in: list[float] = []
    # As many sends in flight as the SMTP pool has connections: more would only
    # queue their writes ahead of the interactive jobs' on the one writer.
    lanes = asyncio.Semaphore(getattr(ctx.state.mailer, "pool_size", 1))

    async def one(email: dict) -> None:
        async with lanes:
            if retry_in:
                return  # the server is down: the rest waits for the retry
            outcome, delay = await send_queued(ctx, email, workspace)
            if outcome == "retry":
                retry_in.append(delay)

    # Every send is awaited before the run ends (none outlives its job's lease).
    results = await asyncio.gather(*(one(r) for r in rows), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        raise errors[0]
    if retry_in:
        raise RetryLater(retry_in[0], "SMTP unavailable; the broadcast resumes later")
    return len(rows) < size


def _finish_tx(conn, broadcast: dict, status: str) -> None:
    cursor = conn.execute(
        "UPDATE broadcasts SET status = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'sending')",
        (status, now_iso(), broadcast["id"]),
    )
    if cursor.rowcount:
        emit(
            conn,
            broadcast["workspace_id"],
            "broadcast_finished",
            details={
                "broadcast_id": broadcast["id"],
                "campaign_id": broadcast["campaign_id"],
                "tag": broadcast["tag"],
                "queued": broadcast["queued_count"],
                "status": status,
            },
        )


async def send_broadcast(ctx, payload: dict) -> None:
    """Job ``send_broadcast`` (BULK): one slice per run, then re-queue itself."""
    broadcast = await ctx.db.fetchone(
        "SELECT * FROM broadcasts WHERE id = ?", (payload["broadcast_id"],)
    )
    if broadcast is None or broadcast["status"] not in RUNNING:
        return  # cancelled (campaign deleted) or finished
    size = max(1, int(ctx.settings.broadcast_slice))
    try:
        if broadcast["status"] == "queued":
            await _queue_slice(ctx, broadcast, size * QUEUE_FACTOR)
            raise RetryLater(0)
        if not ctx.state.mailer.sends:  # no SMTP: the emails wait in the outbox
            return await ctx.write(_finish_tx, broadcast, "done")
        if await _deliver_slice(ctx, broadcast, size):
            return await ctx.write(_finish_tx, broadcast, "done")
        raise RetryLater(0)
    except (RetryLater, LeaseLost):
        raise
    except Exception:
        if ctx.job.attempts >= ctx.job.max_attempts:
            await ctx.write(_finish_tx, broadcast, "failed")
        raise
