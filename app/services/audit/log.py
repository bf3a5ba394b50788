"""Writing and reading the audit log. Append-only by construction: this module has
one INSERT and SELECTs; nothing in the code updates or deletes an audit row.

Who acts is carried by a context variable: the web layer sets it once per request
when it resolves the caller (app/web/auth.get_principal), so a service reads it
with ``current_actor()`` in its async part and hands it to ``record_tx`` inside
its transaction (the transaction runs on the writer's thread, where the request's
context is not visible)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.db import dumps, fetch_page, loads, new_id, now_iso
from app.db.clock import iso
from app.errors import ValidationError

# action -> category (the page's filter). Categories read as the settings sections.
ACTIONS = {
    "member.invited": "members",
    "member.joined": "members",
    "member.role_changed": "members",
    "member.removed": "members",
    "member.left": "members",
    "api_key.created": "api_keys",
    "api_key.revoked": "api_keys",
    "webhook.created": "webhooks",
    "webhook.updated": "webhooks",
    "webhook.secret_rotated": "webhooks",
    "webhook.deleted": "webhooks",
    "workspace.updated": "settings",
    "workspace.deleted": "settings",
    "contact.exported": "personal_data",
    "contact.erased": "personal_data",
}
CATEGORIES = {
    "members": "Members and roles",
    "api_keys": "API keys",
    "webhooks": "Webhooks",
    "settings": "Workspace settings",
    "personal_data": "Exports and erasures",
}


@dataclass(frozen=True)
class Actor:
    account_id: str | None = None
    key_id: str | None = None
    name: str = ""
    ip: str | None = None


_ACTOR: ContextVar[Actor | None] = ContextVar("formagent_audit_actor", default=None)


def act_as(actor: Actor) -> None:
    """Name who acts for the rest of this request (set by the web layer)."""
    _ACTOR.set(actor)


def current_actor() -> Actor:
    """Who acts in this request; outside one (a job, the CLI) it is FormAgent itself."""
    return _ACTOR.get() or Actor(name="FormAgent")


def record_tx(
    conn,
    workspace_id: str,
    action: str,
    actor: Actor,
    *,
    target_id: str | None = None,
    target_label: str = "",
    details: dict | None = None,
) -> str:
    """Append one entry inside the caller's transaction. ``target_label`` is how the
    target reads in a sentence (a member's email, a key's name); never a contact's
    personal data: contacts are named by id (an erasure never rewrites this table)."""
    if action not in ACTIONS:
        raise ValueError(f"{action!r} is not an audit action; add it to ACTIONS")
    entry_id = new_id("audit")
    conn.execute(
        "INSERT INTO audit_log (id, workspace_id, action, category, actor_account_id, actor_key_id,"
        " actor_name, ip, target_id, target_label, details, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry_id,
            workspace_id,
            action,
            ACTIONS[action],
            actor.account_id,
            actor.key_id,
            actor.name or "",
            actor.ip,
            target_id,
            target_label or "",
            dumps(details or {}),
            now_iso(),
        ),
    )
    return entry_id


def public_entry(row: dict) -> dict:
    return {
        "id": row["id"],
        "action": row["action"],
        "category": row["category"],
        "actor": {
            "account_id": row["actor_account_id"],
            "api_key_id": row["actor_key_id"],
            "name": row["actor_name"],
        },
        "ip": row["ip"],
        "target_id": row["target_id"],
        "target_label": row["target_label"],
        "details": loads(row["details"], {}),
        "created_at": row["created_at"],
    }


def _day_bound(value: str | None, key: str, tz: str, end: bool) -> str | None:
    """A YYYY-MM-DD day in the workspace's zone as a stored timestamp (its start, or the
    start of the next day for ``end``)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(fields={key: "Use a date like 2026-01-31."}) from None
    if end:
        day += timedelta(days=1)
    try:
        zone = ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return iso(datetime(day.year, day.month, day.day, tzinfo=zone))


def _filters(workspace_id: str, category, actor_id, start, end) -> tuple[list, list]:
    where, params = ["workspace_id = ?"], [workspace_id]
    if category:
        if category not in CATEGORIES:
            raise ValidationError(fields={"category": f"Use one of: {', '.join(CATEGORIES)}."})
        where.append("category = ?")
        params.append(category)
    if actor_id:
        where.append("actor_account_id = ?")
        params.append(actor_id)
    if start:
        where.append("created_at >= ?")
        params.append(start)
    if end:
        where.append("created_at < ?")
        params.append(end)
    return where, params


async def list_entries(
    db,
    workspace_id: str,
    *,
    category: str | None = None,
    actor_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    tz: str = "UTC",
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[dict], str | None]:
    """A page of the workspace's audit trail, newest first; ``(entries, next_cursor)``.
    ``date_from``/``date_to`` are days (YYYY-MM-DD, both included) in the zone ``tz``."""
    start = _day_bound(date_from, "from", tz, end=False)
    end = _day_bound(date_to, "to", tz, end=True)
    where, params = _filters(workspace_id, category, actor_id, start, end)
    rows, next_cursor = await db.read(
        fetch_page, "SELECT * FROM audit_log", where, params, cursor=cursor, limit=limit
    )
    return [public_entry(r) for r in rows], next_cursor


async def list_actors(db, workspace_id: str) -> list[dict]:
    """Who appears in the trail (for the page's filter): account id and latest name."""
    rows = await db.fetchall(
        "SELECT actor_account_id AS id, MAX(actor_name) AS name FROM audit_log"
        " WHERE workspace_id = ? AND actor_account_id IS NOT NULL GROUP BY actor_account_id"
        " ORDER BY 2",
        (workspace_id,),
    )
    return rows
