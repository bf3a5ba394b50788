"""The proof-of-work challenge (SPEC §19) and the signed render time.

A challenge is ``{salt, difficulty, expires_at, sig}``: a random salt, the number of
leading zero bits wanted, an expiry 10 minutes out, and an HMAC over the form id and
those values, so it is bound to the form and made without a database write. The
browser finds a ``nonce`` with SHA-256(salt + nonce) starting with ``difficulty`` zero
bits (app/static/embed-pow.js, in a Web Worker) and sends ``_pow`` = the challenge plus
the nonce. The server checks it in pure Python; the single-use rule is a ``pow_used``
row (written only for forms whose challenge is not off), purged once expired.

``auto`` mode: each process counts the form's accepted submissions over the last
minute (only for auto forms); BURST_SUBMISSIONS of them switch the challenge on for
BURST_HOLD seconds. Several processes each see their share of a burst; a submission
that misses the challenge is quarantined, not lost.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections import deque
from datetime import timedelta

from app.db import clock
from app.db.clock import iso, parse_iso

# Leading zero bits: 8 192 hashes on average; ~235 ms mean in Chromium at 4× CPU throttling
# on the 2-core CI machine under load (scripts/bench_pow.py; 14 bits measured ~470 ms).
DEFAULT_DIFFICULTY = 13
TTL = timedelta(minutes=10)
BURST_SUBMISSIONS = 20
BURST_WINDOW = 60.0
BURST_HOLD = 600.0

_KEY = {"key": hashlib.sha256(b"formagent-unconfigured").digest()}


def configure(secret_key: str) -> None:
    """Derive the signing key from the app's secret (create_app calls this)."""
    _KEY["key"] = hmac.new(secret_key.encode(), b"formagent spam signing", "sha256").digest()


def _sign(text: str) -> str:
    return hmac.new(_KEY["key"], text.encode(), "sha256").hexdigest()[:32]


# -- the signed render time of the hosted page ------------------------------------
def render_stamp(form_id: str) -> str:
    """``<unix ms>.<sig>`` for the hosted page's hidden ``_rt`` input."""
    ms = str(int(clock.utcnow().timestamp() * 1000))
    return f"{ms}.{_sign('rt|' + form_id + '|' + ms)}"


def stamp_elapsed(form_id: str, stamp) -> float | None:
    """Seconds since a genuine stamp of this form was rendered; None when absent or forged."""
    if not isinstance(stamp, str) or stamp.count(".") != 1:
        return None
    ms, sig = stamp.split(".")
    if not ms.isdigit() or not hmac.compare_digest(sig, _sign("rt|" + form_id + "|" + ms)):
        return None
    return clock.utcnow().timestamp() - int(ms) / 1000


# -- challenges ---------------------------------------------------------------------
def _challenge_text(form_id: str, salt: str, difficulty: int, expires_at: str) -> str:
    return f"pow|{form_id}|{salt}|{difficulty}|{expires_at}"


def new_challenge(form_id: str, difficulty: int = DEFAULT_DIFFICULTY) -> dict:
    """A fresh challenge for one schema response (no database write)."""
    salt = secrets.token_hex(12)
    expires_at = iso(clock.utcnow() + TTL)
    sig = _sign(_challenge_text(form_id, salt, difficulty, expires_at))
    return {"salt": salt, "difficulty": difficulty, "expires_at": expires_at, "sig": sig}


def challenge_json(form_id: str) -> bytes:
    return json.dumps(new_challenge(form_id), separators=(",", ":")).encode()


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte:
            return bits + 8 - byte.bit_length()
        bits += 8
    return bits


def check_solution(form_id: str, raw) -> tuple[str, dict | None]:
    """("ok", solution) | ("missing", None) | ("invalid", None) | ("expired", solution).
    Pure Python: the signature, the expiry and the hash."""
    if raw in (None, "", {}):
        return "missing", None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return "invalid", None
    if not isinstance(raw, dict):
        return "invalid", None
    salt, difficulty, expires_at = raw.get("salt"), raw.get("difficulty"), raw.get("expires_at")
    nonce, sig = raw.get("nonce"), raw.get("sig")
    if not (
        isinstance(salt, str)
        and len(salt) <= 64
        and isinstance(difficulty, int)
        and isinstance(expires_at, str)
        and isinstance(sig, str)
        and isinstance(nonce, int | str)
        and len(str(nonce)) <= 20
    ):
        return "invalid", None
    expected = _sign(_challenge_text(form_id, salt, difficulty, expires_at))
    if difficulty < DEFAULT_DIFFICULTY or not hmac.compare_digest(sig, expected):
        return "invalid", None
    if leading_zero_bits(hashlib.sha256(f"{salt}{nonce}".encode()).digest()) < difficulty:
        return "invalid", None
    try:
        expires = parse_iso(expires_at)
    except ValueError:
        return "invalid", None
    solution = {"salt": salt, "expires_at": expires_at, "issued_at": expires - TTL}
    if expires <= clock.utcnow():
        return "expired", solution
    return "ok", solution


def use_tx(conn, form_id: str, solution: dict) -> bool:
    """Record the challenge as used; False when it was used before (a replay)."""
    cur = conn.execute(
        "INSERT INTO pow_used (salt, form_id, expires_at) VALUES (?, ?, ?)"
        " ON CONFLICT (salt) DO NOTHING",
        (solution["salt"], form_id, solution["expires_at"]),
    )
    return cur.rowcount == 1


async def purge_used(ctx) -> int:
    """Periodic task: forget used challenges once they have expired (a replay is then
    refused as expired)."""

    def purge(conn):
        return conn.execute(
            "DELETE FROM pow_used WHERE expires_at < ?", (iso(clock.utcnow()),)
        ).rowcount

    return await ctx.db.write(purge)


# -- auto mode: bursts ------------------------------------------------------------
_RECENT: dict[str, deque] = {}
_BURST_UNTIL: dict[str, float] = {}


def note_submission(form_id: str) -> None:
    """Count an accepted submission of an ``auto`` form (in this process)."""
    now = time.monotonic()
    recent = _RECENT.get(form_id)
    if recent is None:
        if len(_RECENT) > 5000:
            _RECENT.clear()
        recent = _RECENT[form_id] = deque(maxlen=BURST_SUBMISSIONS)
    recent.append(now)
    if len(recent) == BURST_SUBMISSIONS and now - recent[0] <= BURST_WINDOW:
        _BURST_UNTIL[form_id] = now + BURST_HOLD


def challenge_on(form_id: str, mode: str) -> bool:
    """Whether submissions to this form must carry a solved challenge now."""
    if mode == "on":
        return True
    if mode != "auto":
        return False
    until = _BURST_UNTIL.get(form_id)
    return until is not None and time.monotonic() < until
