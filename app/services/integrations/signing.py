"""The webhook signature (SPEC §18).

``FormAgent-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>``

The timestamp is inside the signed text, so a captured delivery cannot be
replayed later with a fresh ``t``: receivers reject signatures older than five
minutes. ``verify`` is the reference receiver; the snippets shown on the
webhooks page and in the API docs (``VERIFY_PYTHON`` / ``VERIFY_JAVASCRIPT``) do
exactly this, and tests check deliveries with an independent copy.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOLERANCE_SECONDS = 300
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(24)


def signature(secret: str, body: bytes, timestamp: int) -> str:
    """The header value for ``body`` sent at ``timestamp`` (unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, body: bytes, header: str, now: float) -> bool:
    """True when ``header`` signs ``body`` with ``secret`` less than 5 minutes before ``now``."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


VERIFY_PYTHON = """\
import hashlib, hmac, time

def verify_formagent(secret: str, raw_body: bytes, header: str) -> bool:
    \"\"\"header = the FormAgent-Signature request header; raw_body = the bytes as received.\"\"\"
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    t = int(parts.get("t", "0"))
    if abs(time.time() - t) > 300:  # older than 5 minutes: a replay
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))
"""

VERIFY_JAVASCRIPT = """\
const crypto = require("crypto");

// header = req.headers["formagent-signature"]; rawBody = the body as received (a Buffer)
function verifyFormAgent(secret, rawBody, header) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = crypto.createHmac("sha256", secret)
    .update(`${t}.`).update(rawBody).digest("hex");
  const given = Buffer.from(parts.v1 || "", "utf8");
  return given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(expected, "utf8"), given);
}
"""
