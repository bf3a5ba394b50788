"""Today's and the last seven days' numbers for the dashboard home, counted in
the workspace's time zone (a day starts at local midnight, not UTC's).

Each metric is one aggregate over an index whose prefix is (workspace_id,
created_at) — see 0002_domain.sql, 0016_crm.sql — bucketed by day with a CASE
over the seven local-midnight boundaries, so no rows are loaded into Python.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.db import clock
from app.services.agents.review import review_pending_sql

DAYS = 7


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except Exception:  # an unknown zone name in settings must not break the home page
        return ZoneInfo("UTC")


def day_starts(tz: str, days: int = DAYS) -> list[str]:
    """Local midnights of the last ``days`` days (oldest first, today last), as UTC
    timestamps comparable with created_at. Built day by day in the zone, so a
    daylight-saving change inside the week keeps every boundary at midnight."""
    zone = _zone(tz)
    today = clock.utcnow().astimezone(zone).date()
    starts = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        starts.append(clock.iso(datetime(day.year, day.month, day.day, tzinfo=zone)))
    return starts


def start_of_today(tz: str) -> str:
    """Midnight of the current day in ``tz``, as a UTC timestamp comparable with created_at."""
    return day_starts(tz, 1)[0]


def _bucket(column: str, starts: list[str]) -> tuple[str, list]:
    whens = " ".join(f"WHEN {column} >= ? THEN {i}" for i in range(len(starts) - 1, -1, -1))
    return f"CASE {whens} END", list(reversed(starts))


def _series(conn, sql: str, column: str, value: str, workspace_id: str, starts: list[str]):
    """[per-day value] for the seven days; ``sql`` selects FROM ... WHERE workspace_id = ?
    AND {column} >= ? (the week's start)."""
    case, params = _bucket(column, starts)
    rows = conn.all(
        f"SELECT {case} AS day, {value} AS v {sql} GROUP BY day",
        (*params, workspace_id, starts[0]),
    )
    out = [0] * len(starts)
    for row in rows:
        if row["day"] is not None:
            out[row["day"]] = row["v"] or 0
    return out


_METRICS = {
    # key: (FROM/WHERE after the workspace and week bounds, time column, aggregate)
    "submissions": (
        "FROM submissions WHERE workspace_id = ? AND created_at >= ?",
        "created_at",
        "COUNT(*)",
    ),
    "processed": (
        "FROM submissions WHERE workspace_id = ? AND created_at >= ? AND status = 'processed'",
        "created_at",
        "COUNT(*)",
    ),
    "contacts": (
        "FROM contacts WHERE workspace_id = ? AND created_at >= ?",
        "created_at",
        "COUNT(*)",
    ),
    "deals": ("FROM deals WHERE workspace_id = ? AND created_at >= ?", "created_at", "COUNT(*)"),
    "revenue": (
        "FROM deals WHERE workspace_id = ? AND closed_at >= ? AND stage = 'won'",
        "closed_at",
        "SUM(amount)",
    ),
    "spam": ("FROM spam_log WHERE workspace_id = ? AND created_at >= ?", "created_at", "COUNT(*)"),
}


def _numbers_tx(conn, workspace_id: str, starts: list[str], today_date: str) -> dict:
    series = {
        key: _series(conn, sql, column, value, workspace_id, starts)
        for key, (sql, column, value) in _METRICS.items()
    }
    # Average time from arrival to the end of processing, of what was processed today / this week.
    handled = "FROM submissions WHERE workspace_id = ? AND created_at >= ? AND processing_duration_ms IS NOT NULL"

    def avg(since):
        return conn.value(f"SELECT AVG(processing_duration_ms) {handled}", (workspace_id, since))

    def count(sql):
        return conn.value(sql, (workspace_id,)) or 0

    return {
        "series": series,
        "today": {key: values[-1] for key, values in series.items()},
        "week": {key: sum(values) for key, values in series.items()},
        "response_ms": {"today": avg(starts[-1]), "week": avg(starts[0])},
        "awaiting_approval": count(
            "SELECT COUNT(*) FROM submissions WHERE workspace_id = ? AND status = 'awaiting_approval'"
        ),
        # escalated ones and semi-autonomous runs nobody has looked at yet (agents/review.py)
        "needs_review": count(
            f"SELECT COUNT(*) FROM submissions WHERE workspace_id = ? AND {review_pending_sql()}"
        ),
        "starts": starts,
        "today_date": today_date,
    }


async def today_numbers(db, workspace_id: str, tz: str) -> dict:
    """Per metric (submissions, processed, contacts, deals, revenue won, spam): today's
    value, the seven days' total and the daily series; the average handling time;
    and what waits on a person right now."""
    today = clock.utcnow().astimezone(_zone(tz)).date().isoformat()
    return await db.read(_numbers_tx, workspace_id, day_starts(tz), today)


async def has_forms(db, workspace_id: str) -> bool:
    return bool(
        await db.fetchval("SELECT 1 FROM forms WHERE workspace_id = ? LIMIT 1", (workspace_id,))
    )
