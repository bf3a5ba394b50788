"""Who is calling: a session (cookie or Bearer token) or an API key."""

from __future__ import annotations

from dataclasses import dataclass

from app.db import loads, now_iso
from app.db.clock import iso_ago
from app.services.accounts import api_keys, sessions, workspaces
from app.services.accounts.permissions import has_role, lesser_role

# The most an API key can do: member rights (keys never manage people, keys or workspaces).
KEY_ROLE = "member"


@dataclass(frozen=True)
class Principal:
    kind: str  # "session" | "api_key"
    account_id: str | None
    account: dict | None
    workspace_id: str | None
    role: str | None
    scopes: frozenset | None = None  # None: a session may use every scope its role allows
    session_id: str | None = None
    api_key_id: str | None = None

    def has_scope(self, scope: str) -> bool:
        return self.scopes is None or scope in self.scopes

    @property
    def can_write(self) -> bool:
        """Writes workspace data: members and up (viewers, and keys of viewers, read only)."""
        return has_role(self.role, "member")

    @property
    def display_name(self) -> str:
        """How this caller is named in notes, timelines and events."""
        if self.account:
            return self.account.get("name") or self.account.get("email") or "someone"
        return f"API key {self.api_key_id}" if self.api_key_id else "someone"


async def from_session_token(db, token: str) -> Principal | None:
    row = await db.fetchone(
        "SELECT s.id AS session_id, s.workspace_id, a.* FROM sessions s JOIN accounts a ON a.id = s.account_id"
        " WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND a.status = 'active'",
        (sessions.token_hash(token), now_iso()),
    )
    if row is None:
        return None
    workspace_id = row["workspace_id"]
    role = await workspaces.role_of(db, workspace_id, row["id"]) if workspace_id else None
    if role is None:  # removed from that workspace, or it was archived: fall back to another
        workspace_id = await db.read(workspaces.default_workspace_tx, row["id"])
        role = await workspaces.role_of(db, workspace_id, row["id"]) if workspace_id else None
        if workspace_id:
            await sessions.set_workspace(db, row["session_id"], workspace_id)
    account = {k: row[k] for k in ("id", "email", "name", "status", "created_at", "last_login_at")}
    return Principal(
        "session", row["id"], account, workspace_id, role, session_id=row["session_id"]
    )


async def from_api_key(db, key: str) -> Principal | None:
    row = await db.fetchone(
        "SELECT k.* FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id"
        " WHERE k.key_hash = ? AND k.status = 'active' AND w.status = 'active'",
        (api_keys.key_hash(key),),
    )
    now = now_iso()
    if row is None or (row["expires_at"] and row["expires_at"] <= now):
        return None
    # Roles bind keys (SPEC §3): a key acts with the lesser of member rights and its
    # creator's role *now*, narrowed by its scopes. A demoted creator demotes the key
    # at once; a creator who left (or was removed) leaves a key that opens nothing.
    creator_role = (
        await workspaces.role_of(db, row["workspace_id"], row["account_id"])
        if row["account_id"]
        else None
    )
    if creator_role is None:
        return None
    if not row["last_used_at"] or row["last_used_at"] < iso_ago(60):  # at most one write a minute
        await db.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (now, row["id"]))
    return Principal(
        "api_key",
        row["account_id"],
        None,
        row["workspace_id"],
        lesser_role(KEY_ROLE, creator_role),
        scopes=frozenset(loads(row["scopes"], [])),
        api_key_id=row["id"],
    )


async def from_bearer(db, token: str) -> Principal | None:
    if api_keys.looks_like_key(token):
        return await from_api_key(db, token)
    if token.startswith(sessions.TOKEN_PREFIX):
        return await from_session_token(db, token)
    return None
