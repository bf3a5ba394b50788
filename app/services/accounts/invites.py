"""Invites by token (SPEC §3): a pending invite becomes a membership only
through the link mailed to the invited address.

Nobody proves they own an address by typing it, so signing up or logging in
with the invited email alone activates nothing. The link carries a token; an
account whose email is the invited one accepts it (``accept``), or a new
account signs up with it (``accept_tx`` inside the sign-up transaction).

The token is an HMAC of a random nonce under the server's secret key. The table
keeps the nonce and the token's SHA-256 (looked up on accept), so owners and
admins can be shown the link again (``invite_url``, for when no SMTP is
configured) while a copy of the database alone opens nothing. Re-inviting makes
a new nonce, which voids the old link; an accepted token stays on its row and
answers 410, as does an expired one; an unknown token answers 404.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from app.db import now_iso
from app.errors import Forbidden, Gone, NotFound
from app.services import audit
from app.services.events.log import emit

MAX_TOKEN_LENGTH = 100
NOT_FOUND = "This invitation link is not valid. Ask the workspace's owner for a new invitation."


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def invite_token(settings, nonce: str) -> str:
    digest = hmac.new(settings.secret_key.encode(), f"invite|{nonce}".encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_url(settings, nonce: str) -> str:
    return f"{settings.base_url.rstrip('/')}/invite/{invite_token(settings, nonce)}"


def _pending_row(conn, token) -> dict:
    """The pending invite this token opens: 404 unknown, 410 used or expired."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise NotFound(NOT_FOUND)
    row = conn.one(
        "SELECT m.*, w.name AS workspace_name, i.name AS inviter_name, i.email AS inviter_email"
        " FROM memberships m JOIN workspaces w ON w.id = m.workspace_id AND w.status = 'active'"
        " LEFT JOIN accounts i ON i.id = m.invited_by WHERE m.invite_token_hash = ?",
        (token_hash(token),),
    )
    if row is None:
        raise NotFound(NOT_FOUND)
    if row["status"] == "active":
        raise Gone("This invitation was already accepted.", code="invite_used")
    if not row["expires_at"] or row["expires_at"] <= now_iso():
        raise Gone(
            "This invitation expired. Ask the workspace's owner to invite you again.",
            code="invite_expired",
        )
    return row


def public_invite(row: dict) -> dict:
    """What the invite page shows before anyone signs in."""
    return {
        "workspace_id": row["workspace_id"],
        "workspace_name": row["workspace_name"],
        "inviter": row["inviter_name"] or row["inviter_email"] or "Someone",
        "email": row["email"],
        "role": row["role"],
        "expires_at": row["expires_at"],
    }


async def get_invite(db, token) -> dict:
    """The invite behind a link (404 unknown, 410 used or expired)."""
    return public_invite(await db.read(_pending_row, token))


def accept_tx(conn, token, account_id: str, account_email: str, actor=None) -> dict:
    """Activate the invite for this account; 403 when the account's email is not the invited one."""
    row = _pending_row(conn, token)
    if row["email_lower"] != account_email.lower():
        raise Forbidden(
            f"This invitation is for {row['email']}. Sign in with that address to accept it.",
            code="invite_for_someone_else",
        )
    now = now_iso()
    conn.execute(
        "UPDATE memberships SET account_id = ?, status = 'active', joined_at = ?, expires_at = NULL"
        " WHERE id = ?",
        (account_id, now, row["id"]),
    )
    emit(
        conn,
        row["workspace_id"],
        "member_joined",
        details={"member_id": row["id"], "email": row["email"], "role": row["role"]},
    )
    audit.record_tx(
        conn,
        row["workspace_id"],
        "member.joined",
        audit.Actor(
            account_id=account_id,
            name=(actor.name if actor and actor.account_id == account_id else "") or row["email"],
            ip=actor.ip if actor else None,
        ),
        target_id=row["id"],
        target_label=row["email"],
        details={"role": row["role"]},
    )
    return {**row, "account_id": account_id, "status": "active", "joined_at": now}


async def accept(db, token, *, account_id: str, account_email: str) -> dict:
    """Accept an invite as a signed-in account; returns the membership row (now active)."""
    return await db.write(accept_tx, token, account_id, account_email, audit.current_actor())
