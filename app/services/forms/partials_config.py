"""A form's ``partials`` block (SPEC §17 partial submissions), checked::

    {enabled: bool, abandon_after_minutes: int,
     follow_up: {enabled: bool, subject: str, body: str}}

Off unless the owner turns it on. The follow-up subject and body are text the owner
writes: ``{{placeholder}}`` substitution only (app/services/mail/placeholders.py),
with the variables in FOLLOW_UP_VARIABLES and ``{{data.<field>}}``."""

from __future__ import annotations

from app.services.forms.fields import _bool, _Errors, _int, _one_line, _text
from app.services.mail import placeholders

ABANDON_DEFAULT, ABANDON_MIN, ABANDON_MAX = 30, 5, 7 * 24 * 60  # minutes
FOLLOW_UP_VARIABLES = frozenset({"name", "first_name", "email", "form_name", "page_url"})
DEFAULT_SUBJECT = "Finish your {{form_name}} request"
DEFAULT_BODY = (
    "Hi {{first_name|there}},\n\n"
    "You started filling in {{form_name}} but did not send it. Your answers are "
    "waiting for you here: {{page_url}}\n\nWe would be glad to hear from you."
)


def _block_of(raw, key: str, errors: _Errors) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.add(key, "This must be an object.")
        return {}
    return raw


def _placeholders(text: str, key: str, errors: _Errors) -> str:
    problem = placeholders.problems(text, FOLLOW_UP_VARIABLES)
    if problem:
        errors.add(key, problem)
    return text


def _follow_up(raw, errors: _Errors) -> dict:
    raw = _block_of(raw, "partials.follow_up", errors)
    subject = _one_line(raw.get("subject"), "partials.follow_up.subject", errors, limit=200)
    body = _text(raw.get("body"), "partials.follow_up.body", errors, limit=10000)
    return {
        "enabled": _bool(raw.get("enabled"), "partials.follow_up.enabled", errors),
        "subject": _placeholders(subject or DEFAULT_SUBJECT, "partials.follow_up.subject", errors),
        "body": _placeholders(body or DEFAULT_BODY, "partials.follow_up.body", errors),
    }


def check_partials(raw, errors: _Errors) -> dict:
    """The normalized block; problems go to ``errors`` under ``partials.<key>``."""
    raw = _block_of(raw, "partials", errors)
    return {
        "enabled": _bool(raw.get("enabled"), "partials.enabled", errors),
        "abandon_after_minutes": _int(
            raw.get("abandon_after_minutes"),
            "partials.abandon_after_minutes",
            errors,
            default=ABANDON_DEFAULT,
            lo=ABANDON_MIN,
            hi=ABANDON_MAX,
        ),
        "follow_up": _follow_up(raw.get("follow_up"), errors),
    }


def partials_shown(stored) -> dict:
    """The block as stored, with defaults for keys a form saved earlier lacks."""
    return check_partials(stored if isinstance(stored, dict) else {}, _Errors())


def partials_input(data) -> dict:
    """The editor's posted "Unfinished forms" section as a partials block."""
    return {
        "enabled": data.get("partials_enabled") == "on",
        "abandon_after_minutes": data.get("abandon_after_minutes"),
        "follow_up": {
            "enabled": data.get("follow_up_enabled") == "on",
            "subject": data.get("follow_up.subject"),
            "body": data.get("follow_up.body"),
        },
    }
