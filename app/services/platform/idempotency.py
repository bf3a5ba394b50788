"""Idempotent API writes (SPEC §18): ``Idempotency-Key`` on a POST under /api.

A key is kept 24 hours per workspace. The first request with it inserts its row
('pending') and runs; its answer is stored; a later request with the same key
and the same request (method, path, body) gets that answer again, status and
body alike, without running. The same key with a different request is a 422.

The database decides between concurrent duplicates: the (workspace, key)
primary key lets exactly one INSERT land, and the others find its row, still
'pending', and answer 409 ("in progress, retry") instead of running twice. An
error raised by the request (4xx/5xx from a typed error) releases the key, as
nothing was done: the client may fix the request and retry with the same key.
A 'pending' row whose request died with its process is reclaimed after
``STALE_PENDING_SECONDS``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.db import now_iso
from app.db.clock import iso_ago, iso_in
from app.errors import Conflict, ValidationError

KEEP_SECONDS = 24 * 3600
STALE_PENDING_SECONDS = 300
MAX_KEY_CHARS = 255
HEADER = "Idempotency-Key"


@dataclass(frozen=True)
class Stored:
    status: int
    body: bytes
    content_type: str | None


def request_hash(method: str, path: str, body: bytes) -> str:
    digest = hashlib.sha256(f"{method} {path}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def check_key(key: str) -> str:
    key = key.strip()
    if not key or len(key) > MAX_KEY_CHARS or not key.isprintable():
        raise ValidationError(
            f"{HEADER} must be 1 to {MAX_KEY_CHARS} printable characters (a UUID is a good choice).",
            fields={HEADER: "1 to 255 printable characters"},
        )
    return key


def _claim_tx(conn, workspace_id: str, key: str, fingerprint: str) -> dict | None:
    """None when this request now owns the key; else the row that holds it."""
    conn.execute(
        "DELETE FROM idempotency_keys WHERE workspace_id = ? AND idem_key = ?"
        " AND (expires_at <= ? OR (state = 'pending' AND created_at <= ?))",
        (workspace_id, key, now_iso(), iso_ago(STALE_PENDING_SECONDS)),
    )
    inserted = conn.one(
        "INSERT INTO idempotency_keys (workspace_id, idem_key, request_hash, state, created_at, expires_at)"
        " VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (workspace_id, idem_key) DO NOTHING"
        " RETURNING idem_key",
        (workspace_id, key, fingerprint, now_iso(), iso_in(KEEP_SECONDS)),
    )
    if inserted is not None:
        return None
    return conn.one(
        "SELECT request_hash, state, response_status, response_body, response_type"
        " FROM idempotency_keys WHERE workspace_id = ? AND idem_key = ?",
        (workspace_id, key),
    )


async def begin(db, workspace_id: str, key: str, fingerprint: str) -> Stored | None:
    """None: run the request (then ``finish`` or ``release``). A Stored answer:
    replay it. Raises ValidationError (another request under this key) or
    Conflict (the first request with this key is still running)."""
    held = await db.write(_claim_tx, workspace_id, key, fingerprint)
    if held is None:
        return None
    if held["request_hash"] != fingerprint:
        raise ValidationError(
            f"This {HEADER} was already used with a different request (another path or body)"
            " in the last 24 hours: use a new key for a new request.",
            fields={HEADER: "already used for a different request"},
        )
    if held["state"] != "done":
        raise Conflict(
            f"A request with this {HEADER} is still in progress; retry in a moment to get its answer."
        )
    body = held["response_body"] or ""
    return Stored(held["response_status"], body.encode(), held["response_type"])


async def finish(db, workspace_id: str, key: str, status: int, body: bytes, content_type) -> None:
    def store(conn):
        conn.execute(
            "UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ?,"
            " response_type = ? WHERE workspace_id = ? AND idem_key = ?",
            (status, body.decode("utf-8", "replace"), content_type, workspace_id, key),
        )

    await db.write(store)


async def release(db, workspace_id: str, key: str) -> None:
    await db.write(
        lambda conn: conn.execute(
            "DELETE FROM idempotency_keys WHERE workspace_id = ? AND idem_key = ? AND state = 'pending'",
            (workspace_id, key),
        )
    )


async def purge_expired(ctx) -> int:
    """Periodic task: forget keys past their 24 hours."""

    def purge(conn):
        return conn.execute(
            "DELETE FROM idempotency_keys WHERE expires_at < ?", (now_iso(),)
        ).rowcount

    return await ctx.db.write(purge)
