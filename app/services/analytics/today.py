"""Today's numbers for the dashboard home, counted in the workspace's time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from app.db import clock


def start_of_today(tz: str) -> str:
    """Midnight of the current day in ``tz``, as a UTC timestamp comparable with created_at."""
    try:
        zone = ZoneInfo(tz)
    except Exception:  # an unknown zone name in settings must not break the home page
        zone = ZoneInfo("UTC")
    local = clock.utcnow().astimezone(zone)
    return clock.iso(local.replace(hour=0, minute=0, second=0, microsecond=0))


def _numbers_tx(conn, workspace_id: str, since: str) -> dict:
    # Each count rides an index whose prefix is (workspace_id, ...) — see 0002_domain.sql.
    count = lambda sql, *p: conn.value(sql, (workspace_id, *p)) or 0  # noqa: E731
    return {
        "submissions": count(
            "SELECT COUNT(*) FROM submissions WHERE workspace_id = ? AND created_at >= ?", since
        ),
        "processed": count(
            "SELECT COUNT(*) FROM submissions WHERE workspace_id = ? AND status = 'processed'"
            " AND created_at >= ?",
            since,
        ),
        "contacts": count(
            "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND created_at >= ?", since
        ),
        "spam": count(
            "SELECT COUNT(*) FROM spam_log WHERE workspace_id = ? AND created_at >= ?", since
        ),
        "awaiting_approval": count(
            "SELECT COUNT(*) FROM submissions WHERE workspace_id = ?"
            " AND status = 'awaiting_approval'"
        ),
        "needs_review": count(
            "SELECT COUNT(*) FROM submissions WHERE workspace_id = ? AND status = 'needs_human_review'"
        ),
    }


async def today_numbers(db, workspace_id: str, tz: str) -> dict:
    """Submissions received today, how many of them are processed, contacts
    created and spam blocked today; plus what waits on a person right now."""
    return await db.read(_numbers_tx, workspace_id, start_of_today(tz))


async def has_forms(db, workspace_id: str) -> bool:
    return bool(
        await db.fetchval("SELECT 1 FROM forms WHERE workspace_id = ? LIMIT 1", (workspace_id,))
    )
