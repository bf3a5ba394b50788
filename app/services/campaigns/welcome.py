"""The welcome email a campaign sends to each sign-up (SPEC §6.1): the campaign's
email template, else its own subject and body, else a default — always carrying
the asset link when the campaign has an asset."""

from __future__ import annotations

from app.errors import NotFound
from app.services.mail import placeholders
from app.services.mail.email_templates import render_template_for

DEFAULT_SUBJECT = "Thanks for signing up — {{form_name}}"
DEFAULT_BODY = "Hi {{first_name|there}},\n\nThanks for signing up through “{{form_name}}”."
ASSET_LINE = "\n\n{{asset_name|Your download}}: {{asset_url}}"
# Known only when each email is sent (the outbox fills it per recipient): kept as written.
LATE = {"unsubscribe_url": "{{unsubscribe_url}}"}


def welcome_content(
    conn, workspace_id: str, campaign: dict, variables: dict
) -> tuple[str, str, str | None]:
    """(subject, plain text, HTML or None: our own layout) for one recipient;
    placeholders only (SPEC §13)."""
    values = {
        **variables,
        "asset_url": campaign["asset_url"],
        "asset_name": campaign["asset_name"],
        **LATE,
    }
    if campaign["welcome_template_id"]:
        try:
            return render_template_for(conn, workspace_id, campaign["welcome_template_id"], values)
        except NotFound:  # the template was deleted since: the campaign's own text
            pass
    subject = campaign["welcome_subject"] or DEFAULT_SUBJECT
    body = campaign["welcome_body"] or DEFAULT_BODY
    if campaign["asset_url"] and "asset_url" not in body:
        body += ASSET_LINE
    return placeholders.fill(subject, values), placeholders.fill(body, values), None
