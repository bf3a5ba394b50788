"""Prefixed ids (SPEC §12): ``prefix_`` + 16 lowercase letters/digits."""

import secrets
import string

_ALPHABET = string.ascii_lowercase + string.digits


def new_id(prefix: str) -> str:
    return prefix + "_" + "".join(secrets.choice(_ALPHABET) for _ in range(16))
