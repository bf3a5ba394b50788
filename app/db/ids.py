"""Prefixed ids (SPEC §12): ``prefix_`` + 16 lowercase letters/digits.

Time-ordered, like a ULID: 9 characters of milliseconds since 1970 (good until
the year 3084) then 7 random characters (35 bits), in base32hex, whose
alphabet (0-9, a-v) sorts like the numbers it encodes. New rows of a table
therefore land on the right-most pages of its primary-key index instead of on
a random page each: a group of inserts dirties a few pages, not dozens, which
is most of a commit's cost on the submission hot path.
"""

import base64
import secrets
import time

_RANDOM_BITS = 35


def new_id(prefix: str) -> str:
    value = (time.time_ns() // 1_000_000) << _RANDOM_BITS | secrets.randbits(_RANDOM_BITS)
    return prefix + "_" + base64.b32hexencode(value.to_bytes(10, "big")).decode("ascii").lower()
