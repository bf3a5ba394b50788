"""The welcome email a campaign sends to each sign-up (SPEC §6.1): the campaign's
template, else its own subject and body, else a default — always carrying the
asset link when the campaign has an asset."""

from __future__ import annotations

import sqlite3

from app.services.mail import placeholders

DEFAULT_SUBJECT = "Thanks for signing up — {{form_name}}"
DEFAULT_BODY = "Hi {{first_name|there}},\n\nThanks for signing up through “{{form_name}}”."
ASSET_LINE = "\n\n{{asset_name|Your download}}: {{asset_url}}"
# Known only when each email is sent (the outbox fills it per recipient): kept as written.
LATE = {"unsubscribe_url": "{{unsubscribe_url}}"}


def _template(conn, workspace_id: str, campaign: dict) -> dict | None:
    if not campaign["welcome_template_id"]:
        return None
    try:
        return conn.one(
            "SELECT subject, body_text FROM email_templates WHERE id = ? AND workspace_id = ?",
            (campaign["welcome_template_id"], workspace_id),
        )
    except sqlite3.OperationalError:  # templates are not there (yet): the campaign's own text
        return None


def welcome_content(conn, workspace_id: str, campaign: dict, variables: dict) -> tuple[str, str]:
    """(subject, plain text) for one recipient; placeholders only (SPEC §13)."""
    template = _template(conn, workspace_id, campaign) or {}
    subject = template.get("subject") or campaign["welcome_subject"] or DEFAULT_SUBJECT
    body = template.get("body_text") or campaign["welcome_body"] or DEFAULT_BODY
    if campaign["asset_url"] and "asset_url" not in body:
        body += ASSET_LINE
    values = {
        **variables,
        "asset_url": campaign["asset_url"],
        "asset_name": campaign["asset_name"],
        **LATE,
    }
    return placeholders.fill(subject, values), placeholders.fill(body, values)
