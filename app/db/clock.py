"""The one clock. Tests move time by monkeypatching ``app.db.clock.utcnow``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime) -> str:
    """UTC ISO-8601 with milliseconds and ``Z``: sorts as text, parses back."""
    # isoformat is twice as fast as strftime; both truncate to the millisecond
    return dt.astimezone(UTC).isoformat(timespec="milliseconds")[:23] + "Z"


def now_iso() -> str:
    return iso(utcnow())


def iso_in(seconds: float) -> str:
    return iso(utcnow() + timedelta(seconds=seconds))


def iso_ago(seconds: float) -> str:
    return iso(utcnow() - timedelta(seconds=seconds))


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
