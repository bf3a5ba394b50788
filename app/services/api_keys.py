"""API keys: ``fa_live_``/``fa_test_`` + 32 random characters; only a hash and a prefix are stored."""

from __future__ import annotations

import hashlib
import secrets
import string

from app.db import dumps, loads, new_id, now_iso
from app.db.clock import parse_iso, utcnow
from app.services.errors import NotFound, ValidationError
from app.services.permissions import SCOPES, require_role

_ALPHABET = string.ascii_letters + string.digits
PUBLIC_KEYS = ("id", "name", "prefix", "scopes", "last_used_at", "expires_at", "status", "created_at")


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


def _check(name, scopes, expires_at, mode):
    fields = {}
    name = (name or "").strip()
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
            if parse_iso(str(expires_at)) <= utcnow():
                fields["expires_at"] = "The expiry must be in the future."
        except ValueError:
            fields["expires_at"] = "Use an ISO-8601 date-time, e.g. 2027-01-31T00:00:00Z."
    if fields:
        raise ValidationError(fields=fields)
    return name


async def create_key(db, workspace_id: str, *, account_id: str, role: str, name: str, scopes: list,
                     expires_at: str | None = None, mode: str = "live") -> dict:
    """Create a key; the returned dict carries the full ``key`` (shown once)."""
    require_role(role, "admin", "Only owners and admins manage API keys.")
    name = _check(name, scopes, expires_at, mode)
    key = f"fa_{mode}_" + "".join(secrets.choice(_ALPHABET) for _ in range(32))
    if expires_at:
        from app.db.clock import iso
        expires_at = iso(parse_iso(str(expires_at)))

    def insert(conn):
        key_id = new_id("key")
        conn.execute(
            "INSERT INTO api_keys (id, workspace_id, account_id, name, prefix, key_hash, scopes, status, expires_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
            (key_id, workspace_id, account_id, name, key[:12], key_hash(key), dumps(sorted(set(scopes))), expires_at, now_iso()),
        )
        return conn.one("SELECT * FROM api_keys WHERE id = ?", (key_id,))

    row = await db.write(insert)
    return {**public_key(row), "key": key}


async def list_keys(db, workspace_id: str) -> list[dict]:
    rows = await db.fetchall("SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY created_at DESC", (workspace_id,))
    return [public_key(r) for r in rows]


async def revoke_key(db, workspace_id: str, key_id: str, *, role: str) -> None:
    require_role(role, "admin", "Only owners and admins manage API keys.")

    def revoke(conn):
        cursor = conn.execute(
            "UPDATE api_keys SET status = 'revoked', revoked_at = ? WHERE id = ? AND workspace_id = ?",
            (now_iso(), key_id, workspace_id),
        )
        if not cursor.rowcount:
            raise NotFound("API key not found.")

    await db.write(revoke)
