"""Handlers (humans and AI agents) and handler groups (SPEC §6.2, §12 shapes).

Deactivating or removing a handler keeps its row (history shows it as
"removed") and sends its open work back to the unassigned queue.
"""

from __future__ import annotations

import re

from app.db import fetch_in_workspace, fetch_page, get_in_workspace, new_id, now_iso, update_columns
from app.errors import ValidationError
from app.services.events.log import emit
from app.services.processing import routing

HANDLER_TYPES = ("human", "agent")
ROLES = ("principal", "member")
# What an edit may change (the type is chosen once, at creation).
EDITABLE_COLUMNS = ("name", "email", "instructions", "model", "account_id", "active")
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
    if creating and values.get("type") == "human":
        for key in ("instructions", "model"):
            if values.get(key):
                errors[key] = (
                    "Only AI agents take instructions and a model; leave it empty for a person."
                )
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


async def page_handlers(
    db,
    workspace_id: str,
    *,
    include_removed: bool = False,
    cursor: str | None = None,
    limit: int = 50,
):
    """The API list: oldest first by (created_at, id); returns (items, next_cursor)."""
    where = ["workspace_id = ?"] + ([] if include_removed else ["removed_at IS NULL"])
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT * FROM handlers",
        where,
        [workspace_id],
        cursor=cursor,
        limit=limit,
        descending=False,
    )
    return [handler_shape(r) for r in rows], next_cursor


async def get_handler(db, workspace_id: str, handler_id: str) -> dict:
    return handler_shape(
        await fetch_in_workspace(
            db, "handlers", handler_id, workspace_id, missing="No such handler."
        )
    )


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


async def add_account_as_handler(db, workspace_id: str, account: dict) -> tuple[dict, bool]:
    """The signed-in member as a human handler linked to their account (for "My work"):
    their existing one (re-activated if it was inactive) or a new one. Returns
    (handler, created)."""

    def existing(conn):
        return conn.one(
            "SELECT * FROM handlers WHERE workspace_id = ? AND account_id = ? AND type = 'human'"
            " AND removed_at IS NULL ORDER BY active DESC, created_at LIMIT 1",
            (workspace_id, account["id"]),
        )

    row = await db.read(existing)
    if row is not None:
        if not row["active"]:
            return await update_handler(db, workspace_id, row["id"], {"active": True}), False
        return handler_shape(row), False
    body = {
        "type": "human",
        "name": (account.get("name") or account["email"].split("@")[0])[:120],
        "email": account["email"],
        "account_id": account["id"],
    }
    return await create_handler(db, workspace_id, body), True


def _live_handler(conn, workspace_id: str, handler_id: str) -> dict:
    return get_in_workspace(
        conn,
        "handlers",
        handler_id,
        workspace_id,
        where="removed_at IS NULL",
        missing="No such handler.",
    )


async def update_handler(db, workspace_id: str, handler_id: str, body: dict) -> dict:
    """Edit a handler; deactivating it returns its open work to the unassigned queue."""

    def tx(conn):
        row = _live_handler(conn, workspace_id, handler_id)
        values = _handler_values(conn, workspace_id, body, creating=False)
        update_columns(conn, "handlers", handler_id, workspace_id, values, allowed=EDITABLE_COLUMNS)
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
