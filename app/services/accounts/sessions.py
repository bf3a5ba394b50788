"""Server-side sessions: a random token, stored hashed, revocable."""

from __future__ import annotations

import hashlib
import secrets

from app.db import new_id, now_iso
from app.db.clock import iso_in

TOKEN_PREFIX = "fas_"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session_tx(
    conn, settings, account_id: str, workspace_id: str | None, *, ip=None, user_agent=None
) -> str:
    """A new session id on every log-in; returns the raw token (never stored)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO sessions (id, token_hash, account_id, workspace_id, created_at, expires_at, ip, user_agent)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("sess"),
            token_hash(token),
            account_id,
            workspace_id,
            now_iso(),
            iso_in(settings.session_hours * 3600),
            ip,
            (user_agent or "")[:300],
        ),
    )
    return token


async def revoke_session(db, token: str) -> None:
    await db.execute(
        "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
        (now_iso(), token_hash(token)),
    )


def revoke_all_tx(conn, account_id: str, *, keep_session_id: str | None = None) -> None:
    conn.execute(
        "UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL AND id IS NOT ?",
        (now_iso(), account_id, keep_session_id),
    )


async def set_workspace(db, session_id: str, workspace_id: str) -> None:
    await db.execute(
        "UPDATE sessions SET workspace_id = ? WHERE id = ?", (workspace_id, session_id)
    )
