"""What a webhook attempt's answer does (SPEC §18), in the transaction that records it.

- 2xx: delivered; the endpoint's failure count goes back to 0.
- 410 Gone: the receiver asked us to stop: the endpoint is disabled.
- anything else (other statuses, timeouts, connection errors): retried after
  about 1 min, 5 min, 30 min, 2 h, 6 h and 12 h (so for about a day), then
  marked failed. Each failed attempt counts towards the endpoint's failures in a
  row; the 20th pauses it and emails the workspace's owners and admins.
"""

from __future__ import annotations

from app.db import now_iso
from app.db.clock import iso_in
from app.services.events.log import emit
from app.services.integrations import outbound
from app.services.mail.outbox import queue_email
from app.services.platform import jobs

RETRY_DELAYS = (60, 300, 1800, 7200, 21600, 43200)
PAUSE_AFTER_FAILURES = 20


def _set(conn, delivery: dict, **columns) -> None:
    columns["updated_at"] = now_iso()
    sets = ", ".join(f"{k} = ?" for k in columns)
    conn.execute(
        f"UPDATE webhook_deliveries SET {sets} WHERE id = ?",  # noqa: S608 - keys from code
        (*columns.values(), delivery["id"]),
    )


def record(conn, delivery: dict, endpoint: dict, outcome: outbound.Outcome) -> float | None:
    """Store the attempt; returns the delay before the next one (None: no retry),
    which is then queued as a job due at that time."""
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
    retry_at = iso_in(delay)
    _set(conn, delivery, status="pending", next_attempt_at=retry_at, **result)
    jobs.enqueue(
        conn,
        "deliver_webhook",
        {"delivery_id": delivery["id"]},
        workspace_id=delivery["workspace_id"],
        run_at=retry_at,
    )
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
