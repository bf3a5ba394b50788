"""Sending webhook deliveries (SPEC §18): the ``deliver_webhook`` job.

Each attempt signs the frozen body with the endpoint's current secret and a
fresh timestamp, POSTs it through ``outbound.post`` (SSRF rules, no redirects,
10 s, 1 KB kept) and records the outcome on the delivery row, which is the log
(what the outcome sets off: app/services/integrations/delivery_outcome.py).

A receiver may take up to 10 s to answer, and one tenant's slow receiver must
not stall everyone's submission processing (SPEC §13), so the job does not hold
its worker for the network call: it marks the delivery ``sending`` with a
deadline and hands the call to the app's ``OutboundPool``, which runs up to
``webhook_concurrency`` calls at once beside the workers (when the pool is full,
or in tests with concurrency 0, the job makes the call itself). The answer is
recorded in its own short transaction, and a retry is a new job due at the
retry time. A delivery still ``sending`` past its deadline (its process died)
is put back by ``requeue_stalled`` (scheduler), so nothing is lost; a receiver
may then see it twice and deduplicates on FormAgent-Delivery.
"""

from __future__ import annotations

import asyncio

from app.db import clock, find_in_workspace, now_iso
from app.db.clock import iso_in
from app.services.integrations import delivery_outcome, outbound, signing
from app.services.platform import jobs

USER_AGENT = "FormAgent-Webhooks/1.0"
SENDING_GRACE_SECONDS = 60  # beyond the timeout, before a "sending" delivery counts as lost


def headers_for(delivery: dict, secret: str, body: bytes) -> dict:
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "FormAgent-Event": delivery["event_type"],
        "FormAgent-Delivery": delivery["id"],
        "FormAgent-Signature": signing.signature(secret, body, int(clock.utcnow().timestamp())),
    }


def _claim_tx(conn, delivery_id: str, timeout: float) -> tuple[dict, dict] | None:
    """The pending delivery and its endpoint, now marked ``sending`` until a deadline."""
    delivery = conn.one("SELECT * FROM webhook_deliveries WHERE id = ?", (delivery_id,))
    if delivery is None or delivery["status"] != "pending":
        return None
    endpoint = find_in_workspace(
        conn, "webhook_endpoints", delivery["endpoint_id"], delivery["workspace_id"]
    )
    if endpoint is None:
        return None
    if not endpoint["active"] and not delivery["test"]:  # paused, disabled or switched off
        conn.execute(
            "UPDATE webhook_deliveries SET status = 'failed', error = ?, next_attempt_at = NULL,"
            " updated_at = ? WHERE id = ?",
            ("Not sent: the endpoint is switched off.", now_iso(), delivery_id),
        )
        return None
    deadline = iso_in(timeout + SENDING_GRACE_SECONDS)
    conn.execute(
        "UPDATE webhook_deliveries SET status = 'sending', next_attempt_at = ?, updated_at = ?"
        " WHERE id = ?",
        (deadline, now_iso(), delivery_id),
    )
    return delivery, endpoint


def _record_tx(conn, delivery_id: str, attempts: int, outcome: outbound.Outcome) -> None:
    # Re-read both rows: the endpoint's failure count moved while we were on the network.
    delivery = conn.one(
        "SELECT * FROM webhook_deliveries WHERE id = ? AND status = 'sending' AND attempts = ?",
        (delivery_id, attempts),
    )
    if delivery is None:  # deleted, or given up on and put back by requeue_stalled
        return
    endpoint = find_in_workspace(
        conn, "webhook_endpoints", delivery["endpoint_id"], delivery["workspace_id"]
    )
    if endpoint is not None:
        delivery_outcome.record(conn, delivery, endpoint, outcome)


def _back_to_pending_tx(conn, delivery_id: str, workspace_id: str) -> None:
    changed = conn.execute(
        "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = NULL, updated_at = ?"
        " WHERE id = ? AND status = 'sending'",
        (now_iso(), delivery_id),
    ).rowcount
    if changed:
        jobs.enqueue(
            conn, "deliver_webhook", {"delivery_id": delivery_id}, workspace_id=workspace_id
        )


async def send(db, settings, delivery: dict, endpoint: dict, pool=None) -> None:
    """POST a claimed delivery and record what came back."""
    body = delivery["body"].encode()
    try:
        outcome = await outbound.post(
            endpoint["url"],
            body,
            headers_for(delivery, endpoint["secret"], body),
            timeout=settings.webhook_timeout,
            allow_private=settings.webhook_allow_private,
            pool=pool,
        )
    except asyncio.CancelledError:  # shutting down: hand it back at once
        await asyncio.shield(
            db.write(_back_to_pending_tx, delivery["id"], delivery["workspace_id"])
        )
        raise
    await db.write(_record_tx, delivery["id"], delivery["attempts"], outcome)


async def attempt(db, settings, delivery_id: str, pool=None) -> None:
    """Claim and send a pending delivery here and now (send test, and the job's fallback)."""
    claimed = await db.write(_claim_tx, delivery_id, settings.webhook_timeout)
    if claimed is not None:
        await send(db, settings, *claimed, pool=pool)


async def deliver_webhook(ctx, payload: dict) -> None:
    """The job: claim the delivery, then hand the network call to the pool."""
    claimed = await ctx.write(_claim_tx, payload["delivery_id"], ctx.settings.webhook_timeout)
    if claimed is None:
        return
    pool = getattr(ctx.state, "outbound", None)
    if pool is None or not pool.spawn(lambda: send(ctx.db, ctx.settings, *claimed, pool=pool)):
        await send(ctx.db, ctx.settings, *claimed, pool=pool)


async def requeue_stalled(ctx) -> int:
    """Periodic task: deliveries left ``sending`` past their deadline go out again."""

    def requeue(conn):
        stalled = conn.all(
            "SELECT id, workspace_id FROM webhook_deliveries WHERE status = 'sending'"
            " AND next_attempt_at < ? LIMIT 500",
            (now_iso(),),
        )
        for row in stalled:
            _back_to_pending_tx(conn, row["id"], row["workspace_id"])
        return len(stalled)

    return await ctx.db.write(requeue)
