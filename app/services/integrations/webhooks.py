"""Webhook endpoints (SPEC §18): a workspace's URLs that receive its events.

An endpoint names the catalogue event types it wants (only types the catalogue
marks ``webhook=True``), optionally one form (then only that form's events), and
an ``active`` switch. Its secret signs every delivery; the API and the page show
it once, on creation and on rotation. Members manage endpoints (an integration
with an API key creates its own, as Zapier-style "REST hooks" do); viewers read.

``status`` tells people what the switch alone does not: ``paused`` after 20
failed attempts in a row, ``disabled`` when the receiver answered 410 Gone, and
``inactive`` when someone switched it off. Switching it back on clears the reason
and the failure count.
"""

from __future__ import annotations

import inspect
from urllib.parse import urlsplit

from app.db import (
    dumps,
    fetch_in_workspace,
    fetch_page,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import ValidationError
from app.services import audit
from app.services.accounts.permissions import require_write
from app.services.events.catalogue import CATALOGUE
from app.services.integrations import outbound, signing

MAX_ENDPOINTS = 50
WEBHOOK_TYPES = tuple(name for name, e in CATALOGUE.items() if e.webhook and not e.planned)
REASONS = {"failing": "paused", "gone": "disabled"}
_EDITABLE = ("url", "description", "event_types", "form_id", "active")


def public_endpoint(row: dict) -> dict:
    reason = row["status_reason"]
    status = REASONS.get(reason, "active" if row["active"] else "inactive")
    return {
        "id": row["id"],
        "url": row["url"],
        "description": row["description"],
        "event_types": loads(row["event_types"], []),
        "form_id": row["form_id"],
        "active": bool(row["active"]),
        "status": status,
        "consecutive_failures": row["consecutive_failures"],
        "last_delivery_at": row["last_delivery_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def _check_types(value) -> list[str]:
    if not isinstance(value, list) or not value:
        raise ValidationError(fields={"event_types": "Choose at least one event type."})
    unknown = [str(t) for t in value if t not in WEBHOOK_TYPES]
    if unknown:
        raise ValidationError(
            fields={
                "event_types": f"Not an event webhooks deliver: {', '.join(unknown[:5])}."
                " See the event catalogue in the API docs."
            }
        )
    return list(dict.fromkeys(value))


async def _check_url(settings, url) -> str:
    try:
        parsed = outbound.check_url(url)
        await outbound.checked_addresses(parsed, allow_private=settings.webhook_allow_private)
    except outbound.TargetRefused as refused:
        raise ValidationError(str(refused), fields={"url": str(refused)}) from None
    return str(parsed)


def _check_form(conn, workspace_id: str, form_id) -> None:
    if (
        form_id is not None
        and conn.value(
            "SELECT 1 FROM forms WHERE id = ? AND workspace_id = ?", (form_id, workspace_id)
        )
        is None
    ):
        raise ValidationError(fields={"form_id": "No such form in this workspace."})


async def _checked(db, settings, workspace_id: str, data: dict) -> dict:
    """The editable columns ``data`` sets, validated; every bad field is named at once."""
    changes, fields = {}, {}
    checks = {
        "url": lambda: _check_url(settings, data["url"]),
        "event_types": lambda: _check_types(data["event_types"]),
        "form_id": lambda: db.read(_check_form, workspace_id, data["form_id"]),
    }
    for key, check in checks.items():
        if key not in data:
            continue
        try:
            value = check()
            changes[key] = await value if inspect.isawaitable(value) else value
        except ValidationError as exc:
            fields.update(exc.fields)
    if fields:
        raise ValidationError(fields=fields)
    if "event_types" in changes:
        changes["event_types"] = dumps(changes["event_types"])
    if "form_id" in data:
        changes["form_id"] = data["form_id"]
    if "description" in data:
        changes["description"] = (data["description"] or "").strip()[:200]
    if "active" in data:
        changes["active"] = 1 if data["active"] else 0
    return changes


async def create_endpoint(db, settings, workspace_id: str, data: dict, *, role, account_id=None):
    """A new endpoint; the answer carries ``secret`` (shown this once)."""
    require_write(role)
    missing = {k: "Required." for k in ("url", "event_types") if k not in data}
    if missing:
        raise ValidationError(fields=missing)
    changes = await _checked(db, settings, workspace_id, {"active": True, **data})
    endpoint_id, secret, now = new_id("wh"), signing.new_secret(), now_iso()
    actor = audit.current_actor()

    def insert(conn):
        _check_form(conn, workspace_id, changes.get("form_id"))
        count = conn.value(
            "SELECT COUNT(*) FROM webhook_endpoints WHERE workspace_id = ?", (workspace_id,)
        )
        if count >= MAX_ENDPOINTS:
            raise ValidationError(f"A workspace has at most {MAX_ENDPOINTS} webhook endpoints.")
        conn.execute(
            "INSERT INTO webhook_endpoints (id, workspace_id, url, description, event_types, form_id,"
            " active, secret, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                endpoint_id,
                workspace_id,
                changes["url"],
                changes.get("description", ""),
                changes["event_types"],
                changes.get("form_id"),
                changes["active"],
                secret,
                account_id,
                now,
                now,
            ),
        )
        _audit(conn, workspace_id, "webhook.created", actor, endpoint_id, changes["url"])
        return get_in_workspace(conn, "webhook_endpoints", endpoint_id, workspace_id)

    row = await db.write(insert)
    return {**public_endpoint(row), "secret": secret}


async def get_endpoint(db, workspace_id: str, endpoint_id) -> dict:
    return public_endpoint(await _row(db, workspace_id, endpoint_id))


async def _row(db, workspace_id: str, endpoint_id) -> dict:
    return await fetch_in_workspace(
        db, "webhook_endpoints", endpoint_id, workspace_id, missing="No such webhook endpoint."
    )


async def list_endpoints(
    db, workspace_id: str, *, limit: int = 50, cursor=None, updated_since=None
) -> tuple[list[dict], str | None]:
    where, params = ["workspace_id = ?"], [workspace_id]
    if updated_since:
        where.append("updated_at >= ?")
        params.append(updated_since)
    rows, next_cursor = await db.read(
        lambda conn: fetch_page(
            conn, "SELECT * FROM webhook_endpoints", where, params, cursor=cursor, limit=limit
        )
    )
    return [public_endpoint(r) for r in rows], next_cursor


async def update_endpoint(db, settings, workspace_id: str, endpoint_id, data: dict, *, role):
    require_write(role)
    await _row(db, workspace_id, endpoint_id)
    changes = await _checked(
        db, settings, workspace_id, {k: data[k] for k in _EDITABLE if k in data}
    )
    if changes.get("active"):  # switched (back) on: a fresh start
        changes.update(status_reason=None, consecutive_failures=0)
    actor = audit.current_actor()

    def apply(conn):
        before = get_in_workspace(conn, "webhook_endpoints", endpoint_id, workspace_id)
        changed = sorted(k for k in _EDITABLE if k in changes and changes[k] != before[k])
        if changed:
            _audit(
                conn, workspace_id, "webhook.updated", actor, endpoint_id, before["url"], changed
            )
        update_columns(
            conn,
            "webhook_endpoints",
            endpoint_id,
            workspace_id,
            {**changes, "updated_at": now_iso()},
            allowed=(*_EDITABLE, "status_reason", "consecutive_failures", "updated_at"),
        )
        return get_in_workspace(conn, "webhook_endpoints", endpoint_id, workspace_id)

    return public_endpoint(await db.write(apply))


async def rotate_secret(db, workspace_id: str, endpoint_id, *, role) -> dict:
    """A new secret at once (the old one stops signing); shown this once."""
    require_write(role)
    secret = signing.new_secret()
    actor = audit.current_actor()

    def apply(conn):
        row = get_in_workspace(
            conn,
            "webhook_endpoints",
            endpoint_id,
            workspace_id,
            missing="No such webhook endpoint.",
        )
        _audit(conn, workspace_id, "webhook.secret_rotated", actor, endpoint_id, row["url"])
        update_columns(
            conn,
            "webhook_endpoints",
            endpoint_id,
            workspace_id,
            {"secret": secret, "updated_at": now_iso()},
            allowed=("secret", "updated_at"),
        )
        return get_in_workspace(conn, "webhook_endpoints", endpoint_id, workspace_id)

    return {**public_endpoint(await db.write(apply)), "secret": secret}


async def delete_endpoint(db, workspace_id: str, endpoint_id, *, role) -> None:
    """Delete the endpoint and its delivery log; queued deliveries find it gone and stop."""
    require_write(role)
    actor = audit.current_actor()

    def delete(conn):
        row = get_in_workspace(
            conn,
            "webhook_endpoints",
            endpoint_id,
            workspace_id,
            missing="No such webhook endpoint.",
        )
        _audit(conn, workspace_id, "webhook.deleted", actor, endpoint_id, row["url"])
        conn.execute(
            "DELETE FROM webhook_deliveries WHERE endpoint_id = ? AND workspace_id = ?",
            (endpoint_id, workspace_id),
        )
        conn.execute(
            "DELETE FROM webhook_endpoints WHERE id = ? AND workspace_id = ?",
            (endpoint_id, workspace_id),
        )

    await db.write(delete)


def _audit(conn, workspace_id, action, actor, endpoint_id, url, changed=None) -> None:
    """An audit entry naming the receiver by host only: a URL's path may hold a token."""
    host = urlsplit(url).hostname or "an endpoint"
    details = {"changed": changed} if changed else {}
    audit.record_tx(
        conn, workspace_id, action, actor, target_id=endpoint_id, target_label=host, details=details
    )
