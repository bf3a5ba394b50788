"""Sums over one period that several reports share. Each query is one indexed range
scan: the analytics_daily rollup (kept by triggers, 0040_analytics.sql), form_daily_stats
(beacons), and the indexes of deals, contacts and spam_log on (workspace_id, time)."""

from __future__ import annotations

from app.services.analytics.ranges import Period

SPEED_BUCKETS = ("<1 min", "1–5 min", "5–30 min", "30–60 min", "1–4 h", "4–24 h", ">24 h")
SPEED_COLUMNS = tuple(f"speed_{i}" for i in range(len(SPEED_BUCKETS)))


def submissions(conn, ws: str, p: Period, form_id: str | None = None) -> dict:
    speed = ", ".join(f"COALESCE(SUM({c}), 0) AS {c}" for c in SPEED_COLUMNS)
    row = conn.one(
        "SELECT COALESCE(SUM(submissions), 0) AS submissions, COALESCE(SUM(matched), 0) AS matched,"
        " COALESCE(SUM(new_contacts), 0) AS new_contacts, COALESCE(SUM(processed), 0) AS processed,"
        " COALESCE(SUM(responded), 0) AS responded,"
        f" COALESCE(SUM(response_seconds), 0) AS response_seconds, {speed}"
        " FROM analytics_daily WHERE workspace_id = ? AND day >= ? AND day <= ?"
        + (" AND form_id = ?" if form_id else ""),
        (ws, p.first_day, p.last_day, *((form_id,) if form_id else ())),
    )
    return row


def beacons(conn, ws: str, p: Period, form_id: str | None = None) -> dict:
    if form_id:
        sql = (
            "SELECT COALESCE(SUM(views), 0) AS views, COALESCE(SUM(starts), 0) AS starts"
            " FROM form_daily_stats WHERE form_id = ? AND day >= ? AND day <= ? AND workspace_id = ?"
        )
        return conn.one(sql, (form_id, p.first_day, p.last_day, ws))
    return conn.one(
        "SELECT COALESCE(SUM(views), 0) AS views, COALESCE(SUM(starts), 0) AS starts"
        " FROM form_daily_stats WHERE workspace_id = ? AND day >= ? AND day <= ?",
        (ws, p.first_day, p.last_day),
    )


def spam(conn, ws: str, p: Period) -> int:
    return conn.value(
        "SELECT COUNT(*) FROM spam_log WHERE workspace_id = ? AND created_at >= ? AND created_at < ?",
        (ws, p.since, p.until),
    )


def contacts_created(conn, ws: str, p: Period) -> int:
    return conn.value(
        "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND created_at >= ? AND created_at < ?",
        (ws, p.since, p.until),
    )


def deals_created(conn, ws: str, p: Period) -> int:
    return conn.value(
        "SELECT COUNT(*) FROM deals WHERE workspace_id = ? AND created_at >= ? AND created_at < ?",
        (ws, p.since, p.until),
    )


def deals_won(conn, ws: str, p: Period) -> dict:
    """Deals closed as won in the period, and their revenue."""
    return conn.one(
        "SELECT COUNT(*) AS won, COALESCE(SUM(amount), 0) AS revenue FROM deals"
        " WHERE workspace_id = ? AND stage = 'won' AND closed_at >= ? AND closed_at < ?",
        (ws, p.since, p.until),
    )


def percent(part, whole) -> float | None:
    return round(part / whole * 100, 1) if whole else None


def average_speed(row: dict) -> float | None:
    """Average seconds from submission to the first response, None without responses."""
    return round(row["response_seconds"] / row["responded"], 1) if row["responded"] else None
