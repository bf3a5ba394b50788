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


# The last millisecond and its nine characters, one tuple so that threads read a
# consistent pair (a race only spells a millisecond twice).
_LAST: tuple[int, str] = (-1, "")


def _stamp(ms: int) -> str:
    """45 bits of milliseconds as nine characters."""
    global _LAST  # noqa: PLW0603
    p = _PAIRS
    stamp = (
        _ALPHABET[ms >> 40]
        + p[(ms >> 30) & 1023]
        + p[(ms >> 20) & 1023]
        + p[(ms >> 10) & 1023]
        + p[ms & 1023]
    )
    _LAST = (ms, stamp)
    return stamp


def new_id(prefix: str) -> str:
    ms = time.time_ns() // 1_000_000
    last = _LAST
    # a capture batch makes dozens of ids within one millisecond: its spelling is reused
    stamp = last[1] if last[0] == ms else _stamp(ms)
    r, p = _random35(), _PAIRS
    return (
        prefix
        + "_"
        + stamp
        + p[r >> 25]
        + p[(r >> 15) & 1023]
        + p[(r >> 5) & 1023]
        + _ALPHABET[r & 31]
    )
