"""When a step is due, in the workspace's time zone (SPEC §8).

A step waits ``delay_days`` days and ``delay_hours`` hours after the previous
step went out (the first: after enrollment). With a ``send_time`` it goes out at
that time of day, on the day the delay ends, in the workspace's zone (so "2 days,
at 09:00" after Monday 15:00 is Wednesday 09:00); when that moment is before the
previous send, the next day. Days are calendar days in the zone, so a DST change
keeps 09:00 at 09:00 local time.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.db import loads
from app.db.clock import iso, parse_iso


def workspace_zone(conn, workspace_id: str) -> ZoneInfo:
    raw = conn.value("SELECT settings FROM workspaces WHERE id = ?", (workspace_id,))
    name = (loads(raw, {}) or {}).get("timezone") or "UTC"
    try:
        return ZoneInfo(name)
    except Exception:  # a zone removed from tzdata since it was saved
        return ZoneInfo("UTC")


def due_after(base_iso: str, step: dict, zone: ZoneInfo) -> str:
    """The ISO time ``step`` is due, counted from ``base_iso`` (the previous send)."""
    base = parse_iso(base_iso)
    local = base.astimezone(zone)
    day = local.date() + timedelta(days=step["delay_days"])
    ends = datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=zone) + timedelta(
        hours=step["delay_hours"]
    )
    if not step.get("send_time"):
        return iso(ends.astimezone(UTC))
    hour, minute = (int(p) for p in step["send_time"].split(":"))
    at = datetime.combine(ends.astimezone(zone).date(), time(hour, minute), tzinfo=zone)
    if at < base:
        at = datetime.combine(at.date() + timedelta(days=1), time(hour, minute), tzinfo=zone)
    return iso(at.astimezone(UTC))
