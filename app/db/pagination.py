"""Opaque keyset cursors for ``{"data": [...], "next_cursor": ...}`` lists (SPEC §12)."""

from __future__ import annotations

import base64
import json

from app.errors import BadRequest, ValidationError

DEFAULT_LIMIT, MAX_LIMIT = 50, 200


def encode_cursor(values: list) -> str:
    return (
        base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode())
        .decode()
        .rstrip("=")
    )


def decode_cursor(cursor: str | None) -> list | None:
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list):
            raise ValueError
        return values
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(
            "The cursor is not valid; use the next_cursor of a previous page.",
            code="invalid_cursor",
        ) from None


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


def keyset(cursor: list, *, descending: bool, alias: str = "") -> tuple[str, list]:
    """The clause that continues a ``(created_at, id)`` listing after ``cursor``, and its
    parameters; a cursor of another shape is a 400 like an undecodable one."""
    if len(cursor) != 2 or not all(isinstance(v, str) for v in cursor):
        raise BadRequest(
            "The cursor is not valid; use the next_cursor of a previous page.",
            code="invalid_cursor",
        )
    op = "<" if descending else ">"
    return f"({alias}created_at, {alias}id) {op} (?, ?)", list(cursor)


def page(
    rows: list[dict], limit: int, key=lambda r: [r["created_at"], r["id"]]
) -> tuple[list[dict], str | None]:
    """Given up to limit+1 rows, return (rows, next_cursor)."""
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(key(rows[-1]))
    return rows, None
