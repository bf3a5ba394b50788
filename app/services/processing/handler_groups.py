"""Handler groups (SPEC §6.2, §12 shape): members with roles, a routing strategy
and a fallback handler. Routing itself lives in routing.py."""

from __future__ import annotations

from app.db import (
    dumps,
    exists_in_workspace,
    fetch_page,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import NotFound, ValidationError
from app.services.events.log import emit
from app.services.processing import routing
from app.services.processing.handlers import ROLES, _text

EDITABLE_COLUMNS = ("name", "description", "routing_strategy", "settings")


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


def _members(conn, group_id: str) -> list[dict]:
    return conn.all(
        "SELECT m.*, h.name AS handler_name, h.removed_at IS NOT NULL AS handler_removed"
        " FROM handler_group_members m JOIN handlers h ON h.id = m.handler_id WHERE m.group_id = ?"
        " ORDER BY m.position, m.created_at, m.id",
        (group_id,),
    )


def _group_tx(conn, workspace_id: str, group_id: str) -> dict:
    row = get_in_workspace(
        conn, "handler_groups", group_id, workspace_id, missing="No such handler group."
    )
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
        if fallback and not exists_in_workspace(
            conn, "handlers", fallback, workspace_id, where="removed_at IS NULL"
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


async def page_groups(db, workspace_id: str, *, cursor: str | None = None, limit: int = 50):
    """The API list of groups with members, oldest first; returns (items, next_cursor)."""

    def tx(conn):
        rows, next_cursor = fetch_page(
            conn,
            "SELECT * FROM handler_groups",
            ["workspace_id = ?"],
            [workspace_id],
            cursor=cursor,
            limit=limit,
            descending=False,
        )
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
        update_columns(
            conn, "handler_groups", group_id, workspace_id, values, allowed=EDITABLE_COLUMNS
        )
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
    if not handler_id or not exists_in_workspace(
        conn, "handlers", handler_id, workspace_id, where="removed_at IS NULL"
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
