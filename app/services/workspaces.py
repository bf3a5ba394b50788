"""Workspaces and the memberships that give accounts their roles in them."""

from __future__ import annotations

import re
import secrets

from app.db import dumps, loads, new_id, now_iso
from app.services.errors import NotFound

DEFAULT_SETTINGS = {"timezone": "UTC", "default_from_email": "", "postal_address": ""}


def slugify(text: str, fallback: str = "item") -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:60].strip("-")
    return slug or fallback


def _unique_slug(conn, name: str) -> str:
    base = slugify(name, "workspace")
    slug = base
    while conn.value("SELECT 1 FROM workspaces WHERE slug = ?", (slug,)):
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def create_workspace_tx(conn, account_id: str, email: str, name: str) -> str:
    now = now_iso()
    workspace_id = new_id("ws")
    conn.execute(
        "INSERT INTO workspaces (id, name, slug, owner_id, settings, status, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
        (workspace_id, name, _unique_slug(conn, name), account_id, dumps(DEFAULT_SETTINGS), now),
    )
    conn.execute(
        "INSERT INTO memberships (id, workspace_id, account_id, email, email_lower, role, status, joined_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, 'owner', 'active', ?, ?)",
        (new_id("wm"), workspace_id, account_id, email, email.lower(), now, now),
    )
    return workspace_id


def activate_invites_tx(conn, account_id: str, email: str) -> int:
    """Pending, unexpired invites to this email become active memberships."""
    now = now_iso()
    cursor = conn.execute(
        "UPDATE memberships SET account_id = ?, status = 'active', joined_at = ?"
        " WHERE email_lower = ? AND status = 'pending' AND (expires_at IS NULL OR expires_at > ?)"
        " AND workspace_id IN (SELECT id FROM workspaces WHERE status = 'active')",
        (account_id, now, email.lower(), now),
    )
    return cursor.rowcount


def default_workspace_tx(conn, account_id: str) -> str | None:
    return conn.value(
        "SELECT m.workspace_id FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
        " WHERE m.account_id = ? AND m.status = 'active' AND w.status = 'active' ORDER BY m.joined_at LIMIT 1",
        (account_id,),
    )


def public_workspace(row: dict) -> dict:
    return {
        "id": row["id"], "name": row["name"], "slug": row["slug"],
        "settings": {**DEFAULT_SETTINGS, **loads(row["settings"], {})},
        "status": row["status"], "created_at": row["created_at"],
    }


async def list_for_account(db, account_id: str) -> list[dict]:
    """The active workspaces an account belongs to, with its role in each."""
    rows = await db.fetchall(
        "SELECT w.*, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
        " WHERE m.account_id = ? AND m.status = 'active' AND w.status = 'active' ORDER BY w.name",
        (account_id,),
    )
    return [{**public_workspace(r), "role": r["role"]} for r in rows]


async def role_of(db, workspace_id: str, account_id: str) -> str | None:
    return await db.fetchval(
        "SELECT m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
        " WHERE m.workspace_id = ? AND m.account_id = ? AND m.status = 'active' AND w.status = 'active'",
        (workspace_id, account_id),
    )


async def get_workspace(db, workspace_id: str) -> dict:
    row = await db.fetchone("SELECT * FROM workspaces WHERE id = ? AND status = 'active'", (workspace_id,))
    if row is None:
        raise NotFound("Workspace not found.")
    return public_workspace(row)
