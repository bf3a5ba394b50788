"""Handlers (humans and AI agents) and handler groups (SPEC §6.2, §12 shapes).

Deactivating or removing a handler keeps its row (history shows it as
"removed") and sends its open work back to the unassigned queue.
"""

from __future__ import annotations

import re

from app.db import dumps, loads, new_id, now_iso
from app.db.pagination import page
from app.services import routing
from app.services.errors import NotFound, ValidationError
from app.services.events import emit

HANDLER_TYPES = ("human", "agent")
ROLES = ("principal", "member")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# -- shapes ------------------------------------------------------------------------------
def handler_shape(row: dict) -> dict:
    out = {
        k: row[k]
        for k in (
            "id",
            "type",
            "name",
            "email",
            "account_id",
            "instructions",
            "model",
            "state",
            "last_heartbeat_at",
            "current_submission_id",
            "created_at",
        )
    }
    out["active"] = bool(row["active"]) and not row["removed_at"]
    out["removed"] = bool(row["removed_at"])
    return out


def group_shape(row: dict, members: list[dict]) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "description": row["description"],
        "routing_strategy": row["routing_strategy"],
        "members": [
            {
                "id": m["id"],
                "handler_id": m["handler_id"],
                "role": m["role"],
                "active": bool(m["active"]),
                "handler_name": m.get("handler_name"),
                "handler_removed": bool(m.get("handler_removed")),
            }
            for m in members
        ],
        "settings": {"fallback_handler_id": loads(row["settings"], {}).get("fallback_handler_id")},
        "last_assigned_member_id": row["last_assigned_member_id"],
        "created_at": row["created_at"],
    }


# -- validation ----------------------------------------------------------------------------
def _text(body: dict, key: str, errors: dict, *, limit: int, required: bool = False) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            errors[key] = "This is required."
        return None
    if not isinstance(value, str) or len(value.strip()) > limit or (required and not value.strip()):
        errors[key] = (
            f"Use text of 1 to {limit} characters."
            if required
            else f"Use text of at most {limit} characters."
        )
        return None
    return value.strip()


def _handler_values(conn, workspace_id: str, body: dict, *, creating: bool) -> dict:
    errors, values = {}, {}
    if creating:
        kind = body.get("type")
        if kind not in HANDLER_TYPES:
            errors["type"] = "Choose human or agent."
        values["type"] = kind
    for key, limit in (("name", 120), ("email", 254), ("instructions", 8000), ("model", 100)):
        value = _text(body, key, errors, limit=limit, required=creating and key == "name")
        if value is not None:
            values[key] = value
    if values.get("email") and not EMAIL_RE.match(values["email"]):
        errors["email"] = "Enter an email address like name@example.com."
    if "account_id" in body and body["account_id"] not in (None, ""):
        if not conn.value(
            "SELECT 1 FROM memberships WHERE workspace_id = ? AND account_id = ? AND status = 'active'",
            (workspace_id, body["account_id"]),
        ):
            errors["account_id"] = "That account is not a member of this workspace."
        values["account_id"] = body["account_id"]
    if "active" in body:
        if not isinstance(body["active"], bool):
            errors["active"] = "Use true or false."
        values["active"] = int(bool(body["active"]))
    if errors:
        raise ValidationError(fields=errors)
    return values


# -- handlers --------------------------------------------------------------------------------
async def list_handlers(db, workspace_id: str, *, include_removed: bool = False) -> list[dict]:
    rows = await db.fetchall(
        "SELECT * FROM handlers WHERE workspace_id = ?"
        + ("" if include_removed else " AND removed_at IS NULL")
        + " ORDER BY removed_at IS NOT NULL, name, id",
        (workspace_id,),
    )
    return [handler_shape(r) for r in rows]


def _keyset(workspace_id: str, cursor: list | None, extra: str = "") -> tuple[str, list]:
    where, params = "workspace_id = ?" + extra, [workspace_id]
    if cursor:
        where += " AND (created_at, id) > (?, ?)"
        params.extend(cursor[:2])
    return where, params


async def page_handlers(
    db, workspace_id: str, *, include_removed: bool = False, cursor=None, limit: int = 50
):
    """The API list: oldest first by (created_at, id); returns (items, next_cursor)."""
    where, params = _keyset(
        workspace_id, cursor, "" if include_removed else " AND removed_at IS NULL"
    )
    rows = await db.fetchall(
        f"SELECT * FROM handlers WHERE {where} ORDER BY created_at, id LIMIT ?",
        (*params, limit + 1),
    )
    rows, next_cursor = page(rows, limit)
    return [handler_shape(r) for r in rows], next_cursor


async def get_handler(db, workspace_id: str, handler_id: str) -> dict:
    row = await db.fetchone(
        "SELECT * FROM handlers WHERE id = ? AND workspace_id = ?", (handler_id, workspace_id)
    )
    if row is None:
        raise NotFound("No such handler.")
    return handler_shape(row)


async def create_handler(db, workspace_id: str, body: dict) -> dict:
    """A human (member account or just name + email) or an AI agent (name, instructions, model)."""

    def tx(conn):
        values = _handler_values(conn, workspace_id, body, creating=True)
        handler_id = new_id("hdl")
        conn.execute(
            "INSERT INTO handlers (id, workspace_id, type, name, email, account_id, instructions, model, active,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                handler_id,
                workspace_id,
                values["type"],
                values["name"],
                values.get("email", ""),
                values.get("account_id"),
                values.get("instructions", ""),
                values.get("model"),
                values.get("active", 1),
                now_iso(),
            ),
        )
        emit(
            conn,
            workspace_id,
            "handler_created",
            handler_id=handler_id,
            details={"name": values["name"]},
        )
        return handler_shape(conn.one("SELECT * FROM handlers WHERE id = ?", (handler_id,)))

    return await db.write(tx)


def _live_handler(conn, workspace_id: str, handler_id: str) -> dict:
    row = conn.one(
        "SELECT * FROM handlers WHERE id = ? AND workspace_id = ?", (handler_id, workspace_id)
    )
    if row is None or row["removed_at"]:
        raise NotFound("No such handler.")
    return row


async def update_handler(db, workspace_id: str, handler_id: str, body: dict) -> dict:
    """Edit a handler; deactivating it returns its open work to the unassigned queue."""

    def tx(conn):
        row = _live_handler(conn, workspace_id, handler_id)
        values = _handler_values(conn, workspace_id, body, creating=False)
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE handlers SET {sets} WHERE id = ?", (*values.values(), handler_id))  # noqa: S608
        if row["active"] and values.get("active") == 0:
            routing.release_assignments(conn, workspace_id, handler_id)
        emit(
            conn,
            workspace_id,
            "handler_updated",
            handler_id=handler_id,
            details={"changed": sorted(values)},
        )
        return handler_shape(conn.one("SELECT * FROM handlers WHERE id = ?", (handler_id,)))

    return await db.write(tx)


async def remove_handler(db, workspace_id: str, handler_id: str) -> None:
    """Soft delete: the row stays for history, shown as removed; open work is released."""

    def tx(conn):
        _live_handler(conn, workspace_id, handler_id)
        now = now_iso()
        conn.execute(
            "UPDATE handlers SET active = 0, removed_at = ? WHERE id = ?", (now, handler_id)
        )
        conn.execute(
            "UPDATE handler_group_members SET active = 0 WHERE handler_id = ?", (handler_id,)
        )
        routing.release_assignments(conn, workspace_id, handler_id)
        emit(conn, workspace_id, "handler_removed", handler_id=handler_id)

    await db.write(tx)


# -- groups -------------------------------------------------------------------------------------
def _members(conn, group_id: str) -> list[dict]:
    return conn.all(
        "SELECT m.*, h.name AS handler_name, h.removed_at IS NOT NULL AS handler_removed"
        " FROM handler_group_members m JOIN handlers h ON h.id = m.handler_id WHERE m.group_id = ?"
        " ORDER BY m.position, m.created_at, m.id",
        (group_id,),
    )


def _group_tx(conn, workspace_id: str, group_id: str) -> dict:
    row = conn.one(
        "SELECT * FROM handler_groups WHERE id = ? AND workspace_id = ?", (group_id, workspace_id)
    )
    if row is None:
        raise NotFound("No such handler group.")
    return group_shape(row, _members(conn, group_id))


def _group_values(conn, workspace_id: str, body: dict, *, creating: bool) -> dict:
    errors, values = {}, {}
    for key, limit in (("name", 120), ("description", 2000)):
        value = _text(body, key, errors, limit=limit, required=creating and key == "name")
        if value is not None:
            values[key] = value
    if "routing_strategy" in body or creating:
        strategy = body.get("routing_strategy", "round_robin")
        if strategy not in routing.STRATEGIES:
            errors["routing_strategy"] = f"Choose one of: {', '.join(routing.STRATEGIES)}."
        values["routing_strategy"] = strategy
    if "settings" in body:
        settings = body["settings"] if isinstance(body["settings"], dict) else {}
        fallback = settings.get("fallback_handler_id") or None
        if fallback and not conn.value(
            "SELECT 1 FROM handlers WHERE id = ? AND workspace_id = ? AND removed_at IS NULL",
            (fallback, workspace_id),
        ):
            errors["settings.fallback_handler_id"] = "No such handler in this workspace."
        values["settings"] = dumps({"fallback_handler_id": fallback})
    if errors:
        raise ValidationError(fields=errors)
    return values


async def list_groups(db, workspace_id: str) -> list[dict]:
    def tx(conn):
        rows = conn.all(
            "SELECT * FROM handler_groups WHERE workspace_id = ? ORDER BY name, id", (workspace_id,)
        )
        return [group_shape(r, _members(conn, r["id"])) for r in rows]

    return await db.read(tx)


async def page_groups(db, workspace_id: str, *, cursor=None, limit: int = 50):
    """The API list of groups with members, oldest first; returns (items, next_cursor)."""
    where, params = _keyset(workspace_id, cursor)

    def tx(conn):
        rows = conn.all(
            f"SELECT * FROM handler_groups WHERE {where} ORDER BY created_at, id LIMIT ?",
            (*params, limit + 1),
        )
        rows, next_cursor = page(rows, limit)
        return [group_shape(r, _members(conn, r["id"])) for r in rows], next_cursor

    return await db.read(tx)


async def get_group(db, workspace_id: str, group_id: str) -> dict:
    return await db.read(_group_tx, workspace_id, group_id)


async def create_group(db, workspace_id: str, body: dict) -> dict:
    def tx(conn):
        values = _group_values(conn, workspace_id, body, creating=True)
        group_id = new_id("group")
        conn.execute(
            "INSERT INTO handler_groups (id, workspace_id, name, description, routing_strategy, settings,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                group_id,
                workspace_id,
                values["name"],
                values.get("description", ""),
                values["routing_strategy"],
                values.get("settings", "{}"),
                now_iso(),
            ),
        )
        for member in body.get("members") or []:
            _add_member(
                conn,
                workspace_id,
                group_id,
                member if isinstance(member, dict) else {"handler_id": member},
            )
        emit(
            conn,
            workspace_id,
            "group_created",
            details={"group_id": group_id, "name": values["name"]},
        )
        return _group_tx(conn, workspace_id, group_id)

    return await db.write(tx)


async def update_group(db, workspace_id: str, group_id: str, body: dict) -> dict:
    def tx(conn):
        _group_tx(conn, workspace_id, group_id)
        values = _group_values(conn, workspace_id, body, creating=False)
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(
                f"UPDATE handler_groups SET {sets} WHERE id = ?", (*values.values(), group_id)
            )  # noqa: S608
        return _group_tx(conn, workspace_id, group_id)

    return await db.write(tx)


async def delete_group(db, workspace_id: str, group_id: str) -> None:
    def tx(conn):
        _group_tx(conn, workspace_id, group_id)
        conn.execute(
            "UPDATE submissions SET assigned_type = 'unassigned', assigned_id = NULL"
            " WHERE workspace_id = ? AND assigned_type = 'broadcast' AND assigned_id = ?",
            (workspace_id, group_id),
        )
        conn.execute("DELETE FROM handler_group_members WHERE group_id = ?", (group_id,))
        conn.execute("DELETE FROM handler_groups WHERE id = ?", (group_id,))
        emit(conn, workspace_id, "group_deleted", details={"group_id": group_id})

    await db.write(tx)


def _add_member(conn, workspace_id: str, group_id: str, body: dict) -> str:
    handler_id, role = body.get("handler_id"), body.get("role", "member")
    errors = {}
    if not handler_id or not conn.value(
        "SELECT 1 FROM handlers WHERE id = ? AND workspace_id = ? AND removed_at IS NULL",
        (handler_id, workspace_id),
    ):
        errors["handler_id"] = "Choose a handler of this workspace."
    if role not in ROLES:
        errors["role"] = "Choose principal or member."
    if errors:
        raise ValidationError(fields=errors)
    existing = conn.value(
        "SELECT id FROM handler_group_members WHERE group_id = ? AND handler_id = ?",
        (group_id, handler_id),
    )
    active = int(body.get("active", True) is not False)
    if existing:
        conn.execute(
            "UPDATE handler_group_members SET role = ?, active = ? WHERE id = ?",
            (role, active, existing),
        )
        return existing
    member_id = new_id("member")
    position = conn.value(
        "SELECT COALESCE(MAX(position), -1) + 1 FROM handler_group_members WHERE group_id = ?",
        (group_id,),
    )
    conn.execute(
        "INSERT INTO handler_group_members (id, workspace_id, group_id, handler_id, role, active, position,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (member_id, workspace_id, group_id, handler_id, role, active, position, now_iso()),
    )
    return member_id


async def add_member(db, workspace_id: str, group_id: str, body: dict) -> dict:
    """Add a handler to a group (or update its role/active flag if already in)."""

    def tx(conn):
        _group_tx(conn, workspace_id, group_id)
        _add_member(conn, workspace_id, group_id, body)
        return _group_tx(conn, workspace_id, group_id)

    return await db.write(tx)


async def remove_member(db, workspace_id: str, group_id: str, member_id: str) -> None:
    def tx(conn):
        _group_tx(conn, workspace_id, group_id)
        cursor = conn.execute(
            "DELETE FROM handler_group_members WHERE id = ? AND group_id = ?", (member_id, group_id)
        )
        if not cursor.rowcount:
            raise NotFound("No such member in this group.")
        conn.execute(
            "UPDATE handler_groups SET last_assigned_member_id = NULL WHERE id = ?"
            " AND last_assigned_member_id = ?",
            (group_id, member_id),
        )

    await db.write(tx)
