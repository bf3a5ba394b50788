"""Who may get marketing email, as far as consent goes (SPEC §19), decided when
an email is sent (mail/delivery.send_queued calls this for every marketing
email, so broadcasts, sequence steps, welcome emails and anything queued with
kind "marketing" pass the same gate):

- a contact waiting for its double opt-in confirmation gets none;
- with the workspace setting ``marketing_requires_consent``, a contact without a
  recorded consent that is still in force (not withdrawn) gets none.

A blocked email is marked ``suppressed`` with the reason the outbox shows."""

from __future__ import annotations

from app.services.mail.suppression import mark_suppressed_tx

SETTING = "marketing_requires_consent"
NO_CONSENT = "No marketing consent"
AWAITING_OPT_IN = "Awaiting double opt-in confirmation"


def block_reason(conn, email: dict, workspace_settings: dict) -> str | None:
    """Why this marketing email may not go, or None."""
    contact = None
    if email["contact_id"]:
        contact = conn.one(
            "SELECT marketing_consent, opt_in_status FROM contacts WHERE id = ? AND workspace_id = ?",
            (email["contact_id"], email["workspace_id"]),
        )
    if contact and contact["opt_in_status"] == "pending_confirmation":
        return AWAITING_OPT_IN
    if workspace_settings.get(SETTING) and (contact or {}).get("marketing_consent") != "granted":
        return NO_CONSENT
    return None


def skip_tx(conn, email: dict, workspace_settings: dict) -> str | None:
    """Mark the email not sent when it is (still) blocked; the reason, or None (send it).
    Decided again inside the write, so a consent given a moment ago counts."""
    reason = block_reason(conn, email, workspace_settings)
    if reason is None:
        return None
    mark_suppressed_tx(conn, email, reason, reason)
    return reason
