"""What an event sets off outside the app (SPEC §18), decided inside the
transaction that wrote the event, so nothing is lost and nothing is doubled:

- a webhook delivery row (with its job) per active endpoint that subscribed to
  the event's type (and, when it names a form, only for that form's events);
- the assignee's email when a submission is newly assigned to a person who
  asked for one per assignment (app/services/integrations/notify.py);
- a Slack message when a submission's processing has finished
  (app/services/integrations/slack.py).

Called by ``app.services.events.log.emit`` for every event: the look-ups are one
indexed query each and only for the types that can set something off.
"""

from __future__ import annotations

from app.db import dumps, loads, new_id, now_iso
from app.services.integrations import notify, slack
from app.services.integrations.webhooks import WEBHOOK_TYPES

_WEBHOOK_TYPES = frozenset(WEBHOOK_TYPES)
_SNAPSHOT_KEYS = ("id", "form_id", "data", "contact_id", "status", "outcome", "created_at")


def fan_out(conn, event: dict) -> None:
    kind = event["type"]
    if kind in _WEBHOOK_TYPES:
        queue_webhooks(conn, event)
    if kind == "handler_assigned":
        notify.assignment_email_tx(conn, event)
    if kind in slack.FINISHED_TYPES:
        slack.queue_messages_tx(conn, event)


def _endpoints(conn, workspace_id: str) -> list[tuple]:
    """The workspace's active endpoints as (id, event types, form id). A capture batch
    (app/services/capture/batch.py) lends a memo for its transaction, which writes no
    endpoint: its submissions' events then share one look-up instead of one each."""
    memo = getattr(conn, "capture_memo", None)
    key = ("webhook_endpoints", workspace_id)
    if memo is not None and key in memo:
        return memo[key]
    rows = [
        (r["id"], frozenset(loads(r["event_types"], [])), r["form_id"])
        for r in conn.all(
            "SELECT id, event_types, form_id FROM webhook_endpoints"
            " WHERE workspace_id = ? AND active = 1",
            (workspace_id,),
        )
    ]
    if memo is not None:
        memo[key] = rows
    return rows


def _subscribers(conn, event: dict) -> list[str]:
    return [
        endpoint_id
        for endpoint_id, types, form_id in _endpoints(conn, event["workspace_id"])
        if event["type"] in types and (form_id is None or form_id == event["form_id"])
    ]


def _submission(conn, event: dict) -> dict | None:
    row = conn.one(
        "SELECT id, form_id, data, contact_id, status, outcome, created_at FROM submissions"
        " WHERE id = ? AND workspace_id = ?",
        (event["submission_id"], event["workspace_id"]),
    )
    if row is None:
        return None
    return {**{k: row[k] for k in _SNAPSHOT_KEYS}, "data": loads(row["data"], {})}


def event_body(conn, event: dict) -> str:
    """``{id, type, created_at, workspace_id, data}``: data holds the event's ids
    and details, and the submission as it is now for events about one."""
    data = {k: event[k] for k in ("submission_id", "form_id", "handler_id") if event.get(k)}
    data.update(event.get("details") or {})
    if event.get("submission_id"):
        data["submission"] = _submission(conn, event)
    return dumps(
        {
            "id": event["id"],
            "type": event["type"],
            "created_at": event["created_at"],
            "workspace_id": event["workspace_id"],
            "data": data,
        }
    )


def queue_webhooks(conn, event: dict) -> None:
    endpoints = _subscribers(conn, event)
    if not endpoints:
        return
    body = event_body(conn, event)
    for endpoint_id in endpoints:
        queue_delivery_tx(
            conn, event["workspace_id"], endpoint_id, event["id"], event["type"], body
        )


def queue_delivery_tx(
    conn, workspace_id: str, endpoint_id: str, event_id, event_type: str, body: str
) -> str:
    """A pending delivery row and the job that sends it."""
    from app.services.platform import jobs  # noqa: PLC0415 - jobs imports the event log that calls us

    delivery_id, now = new_id("whdel"), now_iso()
    conn.execute(
        "INSERT INTO webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, body, test,"
        " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 'pending', ?, ?)",
        (delivery_id, workspace_id, endpoint_id, event_id, event_type, body, now, now),
    )
    jobs.enqueue(conn, "deliver_webhook", {"delivery_id": delivery_id}, workspace_id=workspace_id)
    return delivery_id
