"""The delivery log of an endpoint (SPEC §18): list, resend, send a test."""

from __future__ import annotations

from app.db import dumps, fetch_page, find_in_workspace, get_in_workspace, loads, new_id, now_iso
from app.errors import Conflict, ValidationError
from app.services.accounts.permissions import require_write
from app.services.integrations import delivery as sender
from app.services.integrations.samples import sample_data
from app.services.platform.jobs import enqueue

_MISSING = "No such webhook delivery."
DEFAULT_FIELDS = [
    {"name": "email", "type": "email"},
    {"name": "name", "type": "text"},
    {"name": "company", "type": "text"},
    {"name": "message", "type": "textarea"},
]


def public_delivery(row: dict) -> dict:
    return {
        "id": row["id"],
        "endpoint_id": row["endpoint_id"],
        "event_id": row["event_id"],
        "event_type": row["event_type"],
        "test": bool(row["test"]),
        "status": row["status"],
        "attempts": row["attempts"],
        "response_status": row["response_status"],
        "duration_ms": row["duration_ms"],
        "response_excerpt": row["response_excerpt"],
        "error": row["error"],
        "next_attempt_at": row["next_attempt_at"] if row["status"] == "pending" else None,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


async def list_deliveries(
    db, workspace_id: str, endpoint_id, *, limit: int = 50, cursor=None
) -> tuple[list[dict], str | None]:
    """Newest first."""

    def read(conn):
        get_in_workspace(
            conn,
            "webhook_endpoints",
            endpoint_id,
            workspace_id,
            missing="No such webhook endpoint.",
        )
        return fetch_page(
            conn,
            "SELECT * FROM webhook_deliveries",
            ["workspace_id = ?", "endpoint_id = ?"],
            [workspace_id, endpoint_id],
            cursor=cursor,
            limit=limit,
        )

    rows, next_cursor = await db.read(read)
    return [public_delivery(r) for r in rows], next_cursor


async def get_delivery(db, workspace_id: str, delivery_id) -> dict:
    row = await db.read(
        lambda conn: get_in_workspace(
            conn, "webhook_deliveries", delivery_id, workspace_id, missing=_MISSING
        )
    )
    return {**public_delivery(row), "payload": loads(row["body"], {})}


async def resend(db, workspace_id: str, delivery_id, *, role) -> dict:
    """Send the delivery again: same id and body, a fresh signature, a new job.
    The receiver may deduplicate on FormAgent-Delivery."""
    require_write(role)

    def apply(conn):
        row = get_in_workspace(
            conn, "webhook_deliveries", delivery_id, workspace_id, missing=_MISSING
        )
        endpoint = find_in_workspace(conn, "webhook_endpoints", row["endpoint_id"], workspace_id)
        if row["test"]:
            raise Conflict("A test delivery is not resent: send a new test instead.")
        if row["status"] in ("pending", "sending"):
            raise Conflict("This delivery is still being sent; wait for its next attempt.")
        if endpoint is None or not endpoint["active"]:
            raise Conflict("The endpoint is switched off: switch it back on first, then resend.")
        conn.execute(
            "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = NULL, updated_at = ?"
            " WHERE id = ?",
            (now_iso(), delivery_id),
        )
        enqueue(conn, "deliver_webhook", {"delivery_id": delivery_id}, workspace_id=workspace_id)
        return get_in_workspace(conn, "webhook_deliveries", delivery_id, workspace_id)

    return public_delivery(await db.write(apply))


def _test_body(conn, workspace_id: str, endpoint: dict, form_id) -> str:
    form_id = form_id or endpoint["form_id"]
    if form_id:
        form = find_in_workspace(
            conn, "forms", form_id, workspace_id, columns=("id", "name", "flow_id", "fields")
        )
        if form is None:
            raise ValidationError(fields={"form_id": "No such form in this workspace."})
    else:
        form = conn.one(
            "SELECT id, name, flow_id, fields FROM forms WHERE workspace_id = ? AND status <> 'archived'"
            " ORDER BY updated_at DESC LIMIT 1",
            (workspace_id,),
        )
    fields = loads(form["fields"], []) if form else DEFAULT_FIELDS
    data, now = sample_data(fields), now_iso()
    submission_id = new_id("sub")
    form_ref = form["id"] if form else None
    return dumps(
        {
            "id": new_id("evt"),
            "type": "submission_received",
            "created_at": now,
            "workspace_id": workspace_id,
            "test": True,
            "data": {
                "submission_id": submission_id,
                "form_id": form_ref,
                "form_name": form["name"] if form else "Sample form",
                "flow_id": form["flow_id"] if form else "sales_lead",
                "email": data.get("email"),
                "submission": {
                    "id": submission_id,
                    "form_id": form_ref,
                    "data": data,
                    "contact_id": None,
                    "status": "received",
                    "outcome": None,
                    "created_at": now,
                },
            },
        }
    )


async def send_test(db, settings, workspace_id: str, endpoint_id, *, role, form_id=None) -> dict:
    """POST a sample ``submission_received`` made from a form's fields (the given
    form, else the endpoint's, else the latest) now, and answer what came back.
    Works on a switched-off endpoint (to check a receiver before switching it on)."""
    require_write(role)

    def store(conn):
        endpoint = get_in_workspace(
            conn,
            "webhook_endpoints",
            endpoint_id,
            workspace_id,
            missing="No such webhook endpoint.",
        )
        body = _test_body(conn, workspace_id, endpoint, form_id)
        return _insert_test(conn, workspace_id, endpoint_id, body)

    delivery_id = await db.write(store)
    await sender.attempt(db, settings, delivery_id)  # here and now: the person waits for it
    return await get_delivery(db, workspace_id, delivery_id)


def _insert_test(conn, workspace_id: str, endpoint_id: str, body: str) -> str:
    delivery_id, now = new_id("whdel"), now_iso()
    conn.execute(
        "INSERT INTO webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, body, test,"
        " status, created_at, updated_at) VALUES (?, ?, ?, NULL, 'submission_received', ?, 1, 'pending', ?, ?)",
        (delivery_id, workspace_id, endpoint_id, body, now, now),
    )
    return delivery_id
