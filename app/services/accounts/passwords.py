"""bcrypt with a SHA-256 pre-hash, so passwords over 72 bytes are neither truncated nor refused."""

from __future__ import annotations

import asyncio
import base64
import hashlib

import bcrypt

from app.errors import ValidationError

MIN_LENGTH, MAX_LENGTH = 8, 128


def check_password_rules(password: str, field: str = "password") -> None:
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise ValidationError(fields={field: f"Use at least {MIN_LENGTH} characters."})
    if len(password) > MAX_LENGTH:
        raise ValidationError(fields={field: f"Use at most {MAX_LENGTH} characters."})


def _prehash(password: str) -> bytes:
    # 44 base64 bytes: always under bcrypt's 72-byte limit, and NUL-free.
    return base64.b64encode(hashlib.sha256(password.encode("utf-8", "surrogatepass")).digest())


async def hash_password(password: str, rounds: int = 12) -> str:
    return (
        await asyncio.to_thread(bcrypt.hashpw, _prehash(password), bcrypt.gensalt(rounds))
    ).decode()


async def verify_password(password: str, hashed: str) -> bool:
    try:
        return await asyncio.to_thread(bcrypt.checkpw, _prehash(password), hashed.encode())
    except ValueError:
        return False
