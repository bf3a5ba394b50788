"""Prefixed ids (SPEC §12): ``prefix_`` + 16 lowercase letters/digits.

Time-ordered, like a ULID: 9 characters of milliseconds since 1970 (good until
the year 3084) then 7 random characters (35 bits), in base32hex, whose
alphabet (0-9, a-v) sorts like the numbers it encodes. New rows of a table
therefore land on the right-most pages of its primary-key index instead of on
a random page each: a group of inserts dirties a few pages, not dozens, which
is most of a commit's cost on the submission hot path.
"""

import os
import threading
import time

_RANDOM_BITS = 35
_ALPHABET = "0123456789abcdefghijklmnopqrstuv"
# Every pair of base32hex digits, so the 80-bit value is spelled with a few lookups
# (base64.b32hexencode is pure Python and was most of an id's cost; the capture
# transaction makes six ids per submission).
_PAIRS = [a + b for a in _ALPHABET for b in _ALPHABET]
_POOL = threading.local()  # per thread: no two threads can take the same random bytes


def _random35() -> int:
    """35 bits from os.urandom, read 4 KB at a time (one system call per ~800 ids)."""
    pool = getattr(_POOL, "bytes", None)
    if not pool:
        pool = _POOL.bytes = bytearray(os.urandom(4095))
    value = int.from_bytes(pool[-5:], "big") >> 5
    del pool[-5:]
    return value


# The last millisecond, its nine characters and the random part last given in it. Ids
# made in one millisecond count up from a random start by random steps (a monotonic
# ULID), so rows written in the same millisecond still list in the order they were made
# (the audit log, events); the lock keeps two threads from taking the same step.
_LOCK = threading.Lock()
_LAST: tuple[int, str, int] = (-1, "", 0)
_STEP_MASK = (1 << 16) - 1  # up to 65 536: unguessable, and room for 260 000 ids a millisecond
_CEILING = 1 << _RANDOM_BITS


def _stamp(ms: int) -> str:
    """45 bits of milliseconds as nine characters."""
    p = _PAIRS
    return (
        _ALPHABET[ms >> 40]
        + p[(ms >> 30) & 1023]
        + p[(ms >> 20) & 1023]
        + p[(ms >> 10) & 1023]
        + p[ms & 1023]
    )


def new_id(prefix: str) -> str:
    global _LAST  # noqa: PLW0603
    fresh = _random35()
    with _LOCK:
        last_ms, stamp, r = _LAST
        # read under the lock, and never behind the last id (a clock stepped back)
        ms = max(time.time_ns() // 1_000_000, last_ms)
        if last_ms == ms and r + _STEP_MASK + 1 < _CEILING:
            r += (fresh & _STEP_MASK) + 1
        else:  # a new millisecond starts low enough to count up from
            stamp = stamp if last_ms == ms else _stamp(ms)
            r = fresh >> 1
        _LAST = (ms, stamp, r)
    p = _PAIRS
    return (
        prefix
        + "_"
        + stamp
        + p[r >> 25]
        + p[(r >> 15) & 1023]
        + p[(r >> 5) & 1023]
        + _ALPHABET[r & 31]
    )
