"""API keys: ``fa_live_``/``fa_test_`` + 32 random characters; only a hash and a prefix are stored.

Who manages keys: owners and admins create and revoke them; members and
viewers may see the list (names, prefixes, scopes, last use; never a secret).
A key acts with the lesser of member rights and its creator's current role,
narrowed by its scopes (see ``auth.from_api_key``): demoting the creator
demotes the key, removing them revokes it. Keys hand workspace data to
integrations, so only the people who manage the workspace mint them; Stripe,
HubSpot and Intercom likewise keep workspace
keys with admins. Keys cannot manage keys, members or workspaces (that needs
a person's session), so a leaked key cannot mint itself a wider one.
"""

from __future__ import annotations

import hashlib
import secrets
import string
from datetime import UTC, datetime

from app.db import (
    clock,
    dumps,
    fetch_in_workspace,
    fetch_page,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
)
from app.db.clock import iso, parse_iso
from app.errors import ValidationError
from app.services import audit
from app.services.accounts.permissions import SCOPES, require_role
from app.services.events.log import emit

MANAGE_MESSAGE = "Only owners and admins manage API keys."
_ALPHABET = string.ascii_letters + string.digits
PUBLIC_KEYS = (
    "id",
    "name",
    "prefix",
    "scopes",
    "last_used_at",
    "expires_at",
    "status",
    "created_at",
)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def looks_like_key(token: str) -> bool:
    return token.startswith(("fa_live_", "fa_test_"))


def public_key(row: dict) -> dict:
    out = {k: row[k] for k in PUBLIC_KEYS}
    out["scopes"] = loads(row["scopes"], [])
    if row["status"] == "active" and row["expires_at"] and row["expires_at"] <= now_iso():
        out["status"] = "expired"
    return out


def _parse_expiry(value) -> datetime:
    """ISO date or date-time; without a zone it is read as UTC."""
    if not isinstance(value, str):
        raise TypeError("expiry must be text")
    parsed = parse_iso(value.strip())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _check(name, scopes, expires_at, mode):
    fields = {}
    name = name.strip() if isinstance(name, str) else ""
    if not name or len(name) > 100:
        fields["name"] = "Give the key a name (at most 100 characters)."
    if not isinstance(scopes, list) or not scopes:
        fields["scopes"] = "Choose at least one scope."
    else:
        unknown = [s for s in scopes if s not in SCOPES]
        if unknown:
            fields["scopes"] = f"Unknown scope(s): {', '.join(map(str, unknown))}."
    if mode not in ("live", "test"):
        fields["mode"] = "Mode is 'live' or 'test'."
    if expires_at:
        try:
            expiry = _parse_expiry(expires_at)
            iso(expiry)  # 9999-12-31T23:00-05:00 is past year 9999 in UTC: out of range
            if expiry <= clock.utcnow():
                fields["expires_at"] = "The expiry must be in the future."
        except (ValueError, TypeError, OverflowError):
            fields["expires_at"] = (
                "Use a date (2027-01-31) or an ISO-8601 date-time (2027-01-31T00:00:00Z)."
            )
    if fields:
        raise ValidationError(fields=fields)
    return name


async def create_key(
    db,
    workspace_id: str,
    *,
    account_id: str,
    role: str,
    name: str,
    scopes: list,
    expires_at: str | None = None,
    mode: str = "live",
) -> dict:
    """Create a key; the returned dict carries the full ``key`` (shown once)."""
    require_role(role, "admin", MANAGE_MESSAGE)
    name = _check(name, scopes, expires_at, mode)
    key = f"fa_{mode}_" + "".join(secrets.choice(_ALPHABET) for _ in range(32))
    if expires_at:
        expires_at = iso(_parse_expiry(expires_at))
    actor = audit.current_actor()

    def insert(conn):
        key_id = new_id("key")
        conn.execute(
            "INSERT INTO api_keys (id, workspace_id, account_id, name, prefix, key_hash, scopes, status, expires_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
            (
                key_id,
                workspace_id,
                account_id,
                name,
                key[:12],
                key_hash(key),
                dumps(sorted(set(scopes))),
                expires_at,
                now_iso(),
            ),
        )
        emit(
            conn,
            workspace_id,
            "api_key_created",
            details={"api_key_id": key_id, "name": name, "by": account_id},
        )
        audit.record_tx(
            conn,
            workspace_id,
            "api_key.created",
            actor,
            target_id=key_id,
            target_label=name,
            details={"prefix": key[:12], "scopes": sorted(set(scopes)), "expires_at": expires_at},
        )
        return conn.one("SELECT * FROM api_keys WHERE id = ?", (key_id,))

    row = await db.write(insert)
    return {**public_key(row), "key": key}


async def list_keys(
    db, workspace_id: str, *, limit: int = 200, cursor: str | None = None
) -> tuple[list, str | None]:
    """The workspace's keys, newest first (revoked ones included, marked); ``(items, next_cursor)``."""
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT * FROM api_keys",
        ["workspace_id = ?"],
        [workspace_id],
        cursor=cursor,
        limit=limit,
    )
    return [public_key(r) for r in rows], next_cursor


async def get_key(db, workspace_id: str, key_id: str) -> dict:
    return public_key(
        await fetch_in_workspace(db, "api_keys", key_id, workspace_id, missing="API key not found.")
    )


async def revoke_key(
    db, workspace_id: str, key_id: str, *, role: str | None, actor_id: str | None = None
) -> dict:
    """Revoke a key of this workspace (404 for any other); owner or admin. Revoking twice is harmless."""
    actor = audit.current_actor()

    def revoke(conn):
        row = get_in_workspace(conn, "api_keys", key_id, workspace_id, missing="API key not found.")
        require_role(role, "admin", MANAGE_MESSAGE)
        if row["status"] == "active":
            conn.execute(
                "UPDATE api_keys SET status = 'revoked', revoked_at = ? WHERE id = ?",
                (now_iso(), key_id),
            )
            emit(
                conn,
                workspace_id,
                "api_key_revoked",
                details={"api_key_id": key_id, "by": actor_id},
            )
            audit.record_tx(
                conn,
                workspace_id,
                "api_key.revoked",
                actor,
                target_id=key_id,
                target_label=row["name"],
                details={"prefix": row["prefix"]},
            )
        return public_key(conn.one("SELECT * FROM api_keys WHERE id = ?", (key_id,)))

    return await db.write(revoke)
