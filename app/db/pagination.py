"""Opaque keyset cursors for ``{"data": [...], "next_cursor": ...}`` lists (SPEC §12).

A cursor from a request is read in one place, ``decode_cursor``: it must be the
base64 JSON list a previous page handed out, with the value types that listing
keys on; anything else (undecodable, or decodable but of another shape) is a 400
``invalid_cursor``, so no listing ever sees a value it did not write itself.
"""

from __future__ import annotations

import base64
import json

from app.errors import BadRequest, ValidationError

DEFAULT_LIMIT, MAX_LIMIT = 50, 200
# The (created_at, id) key most listings walk; other listings pass their own shape.
CREATED_KEY = ("created_at", "id")
TIMESTAMP_ID = (str, str)


def encode_cursor(values: list) -> str:
    return (
        base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode())
        .decode()
        .rstrip("=")
    )


def invalid_cursor() -> BadRequest:
    return BadRequest(
        "The cursor is not valid; use the next_cursor of a previous page.",
        code="invalid_cursor",
    )


def _fits(value, kinds) -> bool:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return False  # SQLite cannot bind it (OverflowError): no page ever handed it out
    # JSON true/false decode to bool, a subclass of int: never a valid key value.
    return not isinstance(value, bool) and isinstance(value, kinds)


def decode_cursor(raw: str | None, shape: tuple = TIMESTAMP_ID) -> list | None:
    """The cursor's values, or None for the first page; ``shape`` gives the type
    (or tuple of types) of each position."""
    if not raw:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except ValueError:  # also binascii.Error and UnicodeDecodeError
        raise invalid_cursor() from None
    if not (
        isinstance(values, list)
        and len(values) == len(shape)
        and all(_fits(v, kinds) for v, kinds in zip(values, shape, strict=True))
    ):
        raise invalid_cursor()
    return values


def parse_limit(raw: str | None) -> int:
    if raw in (None, ""):
        return DEFAULT_LIMIT
    try:
        limit = int(raw)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(fields={"limit": f"Use a whole number from 1 to {MAX_LIMIT}."})
    return limit


def keyset(
    after: list, *, descending: bool, alias: str = "", key: tuple = CREATED_KEY
) -> tuple[str, list]:
    """The clause that continues a listing ordered by ``key`` after the decoded
    cursor values ``after``, and its parameters."""
    columns = ", ".join(f"{alias}{c}" for c in key)
    marks = ", ".join("?" for _ in key)
    return f"({columns}) {'<' if descending else '>'} ({marks})", list(after)


def page(
    rows: list[dict], limit: int, key=lambda r: [r["created_at"], r["id"]]
) -> tuple[list[dict], str | None]:
    """Given up to limit+1 rows, return (rows, next_cursor)."""
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(key(rows[-1]))
    return rows, None
