"""Who may still get marketing mail (SPEC §8): the workspace's suppression list
and the one-click unsubscribe behind every marketing email.

The unsubscribe token is an HMAC (the server's secret key) over the workspace,
the recipient (its contact id, or the address when the email has no contact)
and the day the email was queued; it keeps working for ``TOKEN_VALID_DAYS``.
It is derived from the email row alone, so the outbox shows exactly the link
that was sent.

Unsubscribing marks the contact ``unsubscribed``, adds its address to
``email_suppressions``, emits ``contact_unsubscribed`` and calls every function
registered with ``on_unsubscribe`` inside the same transaction (the sequences
feature stops the contact's enrollments there). A 5xx refusal of an address (a
hard bounce) joins the same list. Delivery checks the list when it sends a
marketing email; transactional mail (invites, confirmations) still goes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Callable

from app.db import clock, now_iso
from app.db.clock import parse_iso
from app.errors import Gone, NotFound
from app.services.events.log import emit

TOKEN_VALID_DAYS = 365  # SPEC: at least 30; old newsletters keep a working link
MAX_TOKEN_LENGTH = 300
REASONS = {
    "unsubscribed": "Unsubscribed",
    "hard_bounce": "Address refused (hard bounce)",
    "erased": "Person erased (their address is kept only as a hash)",
}
# Reasons that stop every email, transactional included: an erased person is never mailed.
BLOCKS_ALL = {"erased"}
BAD_LINK = "This unsubscribe link is not valid. Use the link in the latest email you received."
OLD_LINK = (
    "This unsubscribe link has expired. Use the link in a more recent email, "
    "or reply to the sender and ask to be removed."
)

# fn(conn, workspace_id, contact_id) run inside the unsubscribe transaction.
_HOOKS: list[Callable] = []


def on_unsubscribe(fn: Callable) -> Callable:
    """Register ``fn(conn, workspace_id, contact_id)`` to run when a contact
    unsubscribes (same transaction). Usable as a decorator; registering twice is a no-op."""
    if fn not in _HOOKS:
        _HOOKS.append(fn)
    return fn


def _day(iso_time: str | None) -> int:
    moment = parse_iso(iso_time) if iso_time else clock.utcnow()
    return int(moment.timestamp() // 86400)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _sign(secret: str, payload: str) -> str:
    return _b64(
        hmac.new(secret.encode(), f"unsubscribe|{payload}".encode(), hashlib.sha256).digest()
    )


def unsubscribe_token(secret: str, workspace_id: str, recipient: str, issued_at: str | None) -> str:
    """``recipient`` is a contact id or an email address."""
    payload = f"{workspace_id}|{recipient}|{_day(issued_at)}"
    return f"{_b64(payload.encode())}.{_sign(secret, payload)}"


def read_token(secret: str, token) -> tuple[str, str]:
    """(workspace_id, recipient) of a valid token; NotFound if forged or garbled,
    Gone if older than TOKEN_VALID_DAYS."""
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH or "." not in token:
        raise NotFound(BAD_LINK)
    encoded, signature = token.rsplit(".", 1)
    try:
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise NotFound(BAD_LINK) from None
    if not hmac.compare_digest(_sign(secret, payload), signature):
        raise NotFound(BAD_LINK)
    workspace_id, recipient, day = payload.split("|")
    if _day(None) - int(day) > TOKEN_VALID_DAYS:
        raise Gone(OLD_LINK)
    return workspace_id, recipient


def email_recipient(email: dict) -> str:
    return email.get("contact_id") or email["to_addr"].strip().lower()


def unsubscribe_url(settings, email: dict) -> str:
    token = unsubscribe_token(
        settings.secret_key, email["workspace_id"], email_recipient(email), email["created_at"]
    )
    return f"{settings.base_url.rstrip('/')}/unsubscribe/{token}"


def address_hash(address: str) -> str:
    """How the list keeps an erased person's address: the SHA-256 of it, normalised."""
    return "sha256:" + hashlib.sha256(address.strip().lower().encode()).hexdigest()


def suppression_reason(conn, workspace_id: str, address: str) -> str | None:
    """Why ``address`` is on the list (as itself, or as an erased person's hash), or None."""
    return conn.value(
        "SELECT reason FROM email_suppressions WHERE workspace_id = ? AND email_lower IN (?, ?)"
        " ORDER BY reason",
        (workspace_id, address.strip().lower(), address_hash(address)),
    )


def blocks(kind: str, reason: str | None) -> bool:
    """Does a listing for ``reason`` stop an email of ``kind``?"""
    return reason is not None and (kind == "marketing" or reason in BLOCKS_ALL)


def is_suppressed(conn, workspace_id: str, address: str) -> bool:
    """True when ``address`` may get no marketing mail from this workspace."""
    return suppression_reason(conn, workspace_id, address) is not None


def suppress_tx(
    conn,
    workspace_id: str,
    address: str,
    reason: str,
    *,
    contact_id: str | None = None,
    email_id: str | None = None,
) -> bool:
    """Add ``address`` to the list; False when it was there already."""
    return bool(
        conn.execute(
            "INSERT INTO email_suppressions (workspace_id, email_lower, reason, contact_id, email_id,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (workspace_id, address.strip().lower(), reason, contact_id, email_id, now_iso()),
        ).rowcount
    )


def lift_unsubscribe_tx(conn, workspace_id: str, address: str) -> bool:
    """Take an address off the list when it was there because it unsubscribed (a
    double opt-in confirmation of a new sign-up, SPEC §19); hard bounces stay."""
    return bool(
        conn.execute(
            "DELETE FROM email_suppressions WHERE workspace_id = ? AND email_lower = ?"
            " AND reason = 'unsubscribed'",
            (workspace_id, address.strip().lower()),
        ).rowcount
    )


def _target(conn, workspace_id: str, recipient: str) -> dict:
    """The workspace, contact (if any) and address a token names."""
    workspace = conn.one(
        "SELECT id, name FROM workspaces WHERE id = ? AND status = 'active'", (workspace_id,)
    )
    if workspace is None:
        raise NotFound(BAD_LINK)
    contact = None
    if "@" not in recipient:  # a contact id (an address always has an @)
        contact = conn.one(
            "SELECT id, email, status FROM contacts WHERE id = ? AND workspace_id = ?",
            (recipient, workspace_id),
        )
        if contact is None:
            raise NotFound(BAD_LINK)
    address = contact["email"] if contact else recipient
    return {"workspace": workspace, "contact": contact, "address": address}


def unsubscribe_preview_tx(conn, secret: str, token) -> dict:
    """What the confirmation page shows: workspace name, masked address, already done?"""
    target = _target(conn, *read_token(secret, token))
    done = is_suppressed(conn, target["workspace"]["id"], target["address"])
    return {
        "workspace_name": target["workspace"]["name"],
        "address": mask_address(target["address"]),
        "done": done,
    }


def unsubscribe_tx(conn, secret: str, token) -> dict:
    """Unsubscribe whoever the token names, at once; repeating it changes nothing."""
    workspace_id, recipient = read_token(secret, token)
    target = _target(conn, workspace_id, recipient)
    contact, address = target["contact"], target["address"]
    added = suppress_tx(
        conn, workspace_id, address, "unsubscribed", contact_id=contact["id"] if contact else None
    )
    marked = False
    if contact and contact["status"] != "unsubscribed":
        conn.execute(
            "UPDATE contacts SET status = 'unsubscribed', updated_at = ? WHERE id = ?",
            (now_iso(), contact["id"]),
        )
        marked = True
    if added or marked:
        emit(
            conn,
            workspace_id,
            "contact_unsubscribed",
            details={"contact_id": contact["id"] if contact else None, "email": address},
        )
        if contact:
            for hook in _HOOKS:
                hook(conn, workspace_id, contact["id"])
    return {
        "workspace_name": target["workspace"]["name"],
        "address": mask_address(address),
        "done": True,
    }


def mask_address(address: str) -> str:
    """``d***@example.com``: enough for the person to recognise, little for a link scanner."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


async def unsubscribe_preview(db, secret: str, token) -> dict:
    return await db.read(unsubscribe_preview_tx, secret, token)


async def unsubscribe(db, secret: str, token) -> dict:
    return await db.write(unsubscribe_tx, secret, token)


def mark_suppressed_tx(conn, email: dict, last_error: str, reason: str) -> bool:
    """A queued email held back (status ``suppressed``, the outbox shows ``last_error``) with
    its ``email_suppressed`` event; False when it was no longer queued."""
    updated = conn.execute(
        "UPDATE emails SET status = 'suppressed', last_error = ? WHERE id = ? AND status = 'queued'",
        (last_error, email["id"]),
    ).rowcount
    if updated:
        emit(
            conn,
            email["workspace_id"],
            "email_suppressed",
            submission_id=email["submission_id"],
            details={
                "email_id": email["id"],
                "to": email["to_addr"],
                "subject": email["subject"],
                "reason": reason,
            },
        )
    return bool(updated)
