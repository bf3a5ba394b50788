"""The double opt-in confirmation link (SPEC §19). The email stores a
``{{confirm_url}}`` placeholder and the request id in ``related``; the link is
filled in when the message is built (mail/compose.final_parts), from the
server's secret: ``/confirm/<request id>.<HMAC of it>``. The token is signed, so
no one can make a link for another request, and it names a request (single use,
7 days), never the contact alone."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html as html_lib
import re

from app.db import loads

PLACEHOLDER = "{{confirm_url}}"
_TOKEN_RE = re.compile(r"^(optin_[a-z0-9]{16})\.([A-Za-z0-9_-]{20,64})$")


def _signature(secret: str, request_id: str) -> str:
    digest = hmac.new(secret.encode(), f"opt-in|{request_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def token_for(secret: str, request_id: str) -> str:
    return f"{request_id}.{_signature(secret, request_id)}"


def request_id_of(secret: str, token) -> str | None:
    """The request a token names, or None when it is garbled or forged."""
    match = _TOKEN_RE.match(token) if isinstance(token, str) else None
    if match is None or not hmac.compare_digest(_signature(secret, match[1]), match[2]):
        return None
    return match[1]


def confirm_url(settings, request_id: str) -> str:
    return f"{settings.base_url.rstrip('/')}/confirm/{token_for(settings.secret_key, request_id)}"


def fill(email: dict, settings, text: str, html: str) -> tuple[str, str]:
    """Put the confirmation link in a double opt-in email (other emails pass as they are)."""
    if PLACEHOLDER not in text and PLACEHOLDER not in html:
        return text, html
    request_id = (loads(email.get("related"), {}) or {}).get("opt_in_id")
    if not request_id:
        return text, html
    link = confirm_url(settings, request_id)
    return text.replace(PLACEHOLDER, link), html.replace(PLACEHOLDER, html_lib.escape(link))
