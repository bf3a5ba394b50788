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
# Every pair of base32hex digits, so the 80-bit value is spelled with eight lookups
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


def new_id(prefix: str) -> str:
    value = (time.time_ns() // 1_000_000) << _RANDOM_BITS | _random35()
    p = _PAIRS
    return (
        prefix
        + "_"
        + p[value >> 70]
        + p[(value >> 60) & 1023]
        + p[(value >> 50) & 1023]
        + p[(value >> 40) & 1023]
        + p[(value >> 30) & 1023]
        + p[(value >> 20) & 1023]
        + p[(value >> 10) & 1023]
        + p[value & 1023]
    )
