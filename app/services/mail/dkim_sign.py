"""DKIM signing (SPEC §8) with dkimpy when ``FORMAGENT_DKIM_KEY`` (a PEM private
key, or the path of a file holding one) and ``FORMAGENT_DKIM_SELECTOR`` are set.
The signing domain is the domain of the From address."""

from __future__ import annotations

from pathlib import Path

import dkim

from app.services.mail.compose import OutgoingMessage, sender_domain

# Signed headers: who, what, when, and the one-click unsubscribe pair (RFC 8058
# asks that List-Unsubscribe and List-Unsubscribe-Post be covered).
SIGNED_HEADERS = (
    b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type",
    b"list-unsubscribe", b"list-unsubscribe-post",
)  # fmt: skip


def load_key(value: str) -> bytes:
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    return Path(value).expanduser().read_bytes()


def dkim_sign(message: OutgoingMessage, settings) -> None:
    """Put a DKIM-Signature header on ``message`` when DKIM is configured. It
    signs the message's own bytes, which are what is sent."""
    if not (settings.dkim_key and settings.dkim_selector):
        return
    present = {k.lower().encode() for k in message.keys()}
    signature = dkim.sign(
        message.as_bytes(),
        settings.dkim_selector.encode(),
        sender_domain(settings.mail_from).encode(),
        load_key(settings.dkim_key),
        include_headers=[h for h in SIGNED_HEADERS if h in present],
        canonicalize=(b"relaxed", b"relaxed"),
    )
    message.prepend_raw(signature)  # as dkimpy folded it (RFC 6376: signatures go first)
