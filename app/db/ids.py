"""Prefixed ids (SPEC §12): ``prefix_`` + 16 lowercase letters/digits."""

import base64
import secrets


def new_id(prefix: str) -> str:
    # 10 random bytes are exactly 16 base32 characters (a-z, 2-7): 80 bits, one
    # urandom call; secrets.choice per character cost ~14 µs an id on the hot path.
    return prefix + "_" + base64.b32encode(secrets.token_bytes(10)).decode("ascii").lower()
