"""The ``consent`` field type (SPEC §19): a checkbox whose label is the consent
text the person agrees to, with an optional link to the privacy policy.
``required`` means it must be ticked. The text shown is what the consent log
records, so it may be longer than other labels; it can never be ticked in
advance (consent must be given, not assumed)."""

from __future__ import annotations

import re

CONSENT_TYPE = "consent"
TEXT_LIMIT = 2000
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_TICKED = {"1", "true", "on", "yes", "y"}


def label_limit(ftype: str, default: int) -> int:
    return TEXT_LIMIT if ftype == CONSENT_TYPE else default


def consent_extras(raw: dict, ftype: str, key: str, errors) -> dict:
    """The consent-only attributes of a field definition (``{}`` for other types)."""
    if ftype != CONSENT_TYPE:
        return {}
    url = raw.get("privacy_url")
    url = url.strip() if isinstance(url, str) else ""
    if url and (len(url) > 2000 or not _URL_RE.match(url)):
        errors.add(f"{key}.privacy_url", "Use a full http:// or https:// address.")
    default = raw.get("default")
    if default is True or str(default).strip().lower() in _TICKED:
        errors.add(
            f"{key}.default",
            "A consent box cannot be ticked in advance: the person must tick it themselves.",
        )
    return {"privacy_url": url, "default": None}


def consent_fields(form: dict) -> list[dict]:
    """The form's consent fields (usually none: callers skip all consent work then)."""
    return [f for f in form["fields"] if f["type"] == CONSENT_TYPE]
