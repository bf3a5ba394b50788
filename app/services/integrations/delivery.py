"""Sending webhook deliveries (SPEC §18): the ``deliver_webhook`` job.

Each attempt signs the frozen body with the endpoint's current secret and a
fresh timestamp, POSTs it through ``outbound.post`` (SSRF rules, no redirects,
10 s, 1 KB kept) and records the outcome on the delivery row, which is the log.

- 2xx: delivered; the endpoint's failure count goes back to 0.
- 410 Gone: the receiver asked us to stop: the endpoint is disabled.
- anything else (other statuses, timeouts, connection errors): retried after
  about 1 min, 5 min, 30 min, 2 h, 6 h and 12 h (so for about a day), then
  marked failed. Each failed attempt counts towards the endpoint's failures in a
  row; the 20th pauses it and emails the workspace's owners and admins.

The network call happens between two short transactions, never inside one; the
job's lease (renewed by the runner) keeps a second worker off the delivery.
"""

from __future__ import annotations

from app.db import find_in_workspace, now_iso
from app.db.clock import iso_in
from app.services.events.log import emit
from app.services.integrations import outbound, signing
from app.services.mail.outbox import queue_email
from app.services.platform.jobs import RetryLater

RETRY_DELAYS = (60, 300, 1800, 7200, 21600, 43200)
PAUSE_AFTER_FAILURES = 20
USER_AGENT = "FormAgent-Webhooks/1.0"


def headers_for(delivery: dict, secret: str, body: bytes) -> dict:
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "FormAgent-Event": delivery["event_type"],
        "FormAgent-Delivery": delivery["id"],
        "FormAgent-Signature": signing.signature(secret, body, int(_unix_now())),
    }


def _unix_now() -> float:
    from app.db import clock  # noqa: PLC0415 - read through the module so tests can freeze it

    return clock.utcnow().timestamp()


def _load(conn, delivery_id: str) -> tuple[dict, dict] | None:
    """The pending delivery and its endpoint (a read: the job's lease keeps others off)."""
    delivery = conn.one("SELECT * FROM webhook_deliveries WHERE id = ?", (delivery_id,))
    if delivery is None or delivery["status"] != "pending":
        return None
    endpoint = conn.one(
        "SELECT * FROM webhook_endpoints WHERE id = ? AND workspace_id = ?",
        (delivery["endpoint_id"], delivery["workspace_id"]),
    )
    return None if endpoint is None else (delivery, endpoint)


def _switched_off(conn, delivery_id: str) -> None:
    conn.execute(
        "UPDATE webhook_deliveries SET status = 'failed', error = ?, next_attempt_at = NULL,"
        " updated_at = ? WHERE id = ? AND status = 'pending'",
        ("Not sent: the endpoint is switched off.", now_iso(), delivery_id),
    )


def _set(conn, delivery: dict, **columns) -> None:
    columns["updated_at"] = now_iso()
    sets = ", ".join(f"{k} = ?" for k in columns)
    conn.execute(
        f"UPDATE webhook_deliveries SET {sets} WHERE id = ?",  # noqa: S608 - keys from code
        (*columns.values(), delivery["id"]),
    )


def _record(conn, delivery: dict, endpoint: dict, outcome: outbound.Outcome) -> float | None:
    """Store the attempt; returns the delay before the next one (None: no retry)."""
    attempt = delivery["attempts"] + 1
    result = dict(
        attempts=attempt,
        response_status=outcome.status,
        duration_ms=outcome.duration_ms,
        response_excerpt=outcome.excerpt,
        error=outcome.error,
    )
    endpoint_id, now = endpoint["id"], now_iso()
    if delivery["test"]:  # a test tells the person what happened and changes nothing else
        _set(conn, delivery, status="delivered" if outcome.ok else "failed", **result)
        return None
    if outcome.ok:
        _set(conn, delivery, status="delivered", next_attempt_at=None, **result)
        conn.execute(
            "UPDATE webhook_endpoints SET consecutive_failures = 0, last_delivery_at = ? WHERE id = ?",
            (now, endpoint_id),
        )
        return None
    if outcome.status == 410:
        _set(conn, delivery, status="failed", next_attempt_at=None, **result)
        _disable(conn, endpoint)
        return None
    failures = endpoint["consecutive_failures"] + 1
    conn.execute(
        "UPDATE webhook_endpoints SET consecutive_failures = ?, last_delivery_at = ? WHERE id = ?",
        (failures, now, endpoint_id),
    )
    if failures >= PAUSE_AFTER_FAILURES and endpoint["active"]:
        _pause(conn, endpoint, failures, outcome)
    retry_index = attempt - 1
    if retry_index >= len(RETRY_DELAYS):
        _set(conn, delivery, status="failed", next_attempt_at=None, **result)
        return None
    delay = RETRY_DELAYS[retry_index]
    _set(conn, delivery, next_attempt_at=iso_in(delay), **result)
    return delay


def _switch_off(conn, endpoint: dict, reason: str) -> None:
    conn.execute(
        "UPDATE webhook_endpoints SET active = 0, status_reason = ?, updated_at = ? WHERE id = ?",
        (reason, now_iso(), endpoint["id"]),
    )
    endpoint["active"] = 0


def _disable(conn, endpoint: dict) -> None:
    _switch_off(conn, endpoint, "gone")
    emit(
        conn,
        endpoint["workspace_id"],
        "webhook_disabled",
        details={"endpoint_id": endpoint["id"], "url": endpoint["url"]},
    )


def _pause(conn, endpoint: dict, failures: int, outcome: outbound.Outcome) -> None:
    _switch_off(conn, endpoint, "failing")
    error = outcome.error or f"HTTP {outcome.status}"
    ws = endpoint["workspace_id"]
    emit(
        conn,
        ws,
        "webhook_paused",
        details={
            "endpoint_id": endpoint["id"],
            "url": endpoint["url"],
            "failures": failures,
            "error": error,
        },
    )
    admins = conn.all(
        "SELECT a.email FROM memberships m JOIN accounts a ON a.id = m.account_id"
        " WHERE m.workspace_id = ? AND m.status = 'active' AND m.role IN ('owner', 'admin')",
        (ws,),
    )
    body = (
        f"We paused the webhook endpoint {endpoint['url']} after {failures} failed deliveries"
        f" in a row (last error: {error}).\n\nNew events are not sent to it until someone"
        " switches it back on under Settings → Webhooks; the delivery log shows each attempt"
        " and lets you resend the ones that failed."
    )
    for admin in admins:
        queue_email(
            conn,
            ws,
            to=admin["email"],
            subject="A webhook endpoint was paused after repeated failures",
            body_text=body,
            kind="notification",
            related={"webhook_endpoint_id": endpoint["id"]},
            dedupe_key=f"webhook_paused:{endpoint['id']}:{now_iso()}:{admin['email'].lower()}",
        )


async def attempt(db, settings, delivery_id: str, *, write=None, pool=None) -> float | None:
    """One attempt at a pending delivery; returns the retry delay, if any."""
    write = write or db.write
    loaded = await db.read(_load, delivery_id)
    if loaded is None:
        return None
    delivery, endpoint = loaded
    if not endpoint["active"] and not delivery["test"]:  # paused, disabled or switched off
        await write(_switched_off, delivery_id)
        return None
    body = delivery["body"].encode()
    outcome = await outbound.post(
        endpoint["url"],
        body,
        headers_for(delivery, endpoint["secret"], body),
        timeout=settings.webhook_timeout,
        allow_private=settings.webhook_allow_private,
        pool=pool,
    )
    return await write(_record_fresh, delivery_id, outcome)


def _record_fresh(conn, delivery_id: str, outcome: outbound.Outcome) -> float | None:
    # Re-read both rows: the endpoint's failure count moved while we were on the network.
    delivery = conn.one("SELECT * FROM webhook_deliveries WHERE id = ?", (delivery_id,))
    if delivery is None:
        return None
    endpoint = find_in_workspace(
        conn, "webhook_endpoints", delivery["endpoint_id"], delivery["workspace_id"]
    )
    if endpoint is None:  # deleted while we were sending
        return None
    return _record(conn, delivery, endpoint, outcome)


async def deliver_webhook(ctx, payload: dict) -> None:
    """The job: one attempt, then RetryLater on the schedule above (a retry is
    not a job failure, so the job never dies of a receiver's outage)."""
    pool = getattr(ctx.state, "outbound", None)
    delay = await attempt(ctx.db, ctx.settings, payload["delivery_id"], write=ctx.write, pool=pool)
    if delay is not None:
        raise RetryLater(delay, "the receiver did not accept it; retrying on schedule")
