"""Sums over one period that several reports share. Each query is one indexed range
scan of a rollup kept by triggers as rows arrive (0040_analytics.sql): analytics_daily
(submissions), analytics_deals_daily, analytics_totals_daily, and form_daily_stats (beacons)."""

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


def workspace(conn, ws: str, p: Period) -> dict:
    """Contacts created, spam blocked, and deals closed as won (with their revenue)."""
    return conn.one(
        "SELECT COALESCE(SUM(contacts), 0) AS contacts, COALESCE(SUM(spam), 0) AS spam,"
        " COALESCE(SUM(won), 0) AS won, COALESCE(SUM(revenue), 0) AS revenue"
        " FROM analytics_totals_daily WHERE workspace_id = ? AND day >= ? AND day <= ?",
        (ws, p.first_day, p.last_day),
    )


def deals(conn, ws: str, p: Period, *, from_forms: bool = False) -> dict:
    """Deals created in the period (optionally only those from a form submission), how
    many of them are won now, and that revenue."""
    return conn.one(
        "SELECT COALESCE(SUM(deals), 0) AS deals, COALESCE(SUM(won), 0) AS won,"
        " COALESCE(SUM(revenue), 0) AS revenue FROM analytics_deals_daily"
        " WHERE workspace_id = ? AND day >= ? AND day <= ?"
        + (" AND form_id <> ''" if from_forms else ""),
        (ws, p.first_day, p.last_day),
    )


def percent(part, whole) -> float | None:
    return round(part / whole * 100, 1) if whole else None


def average_speed(row: dict) -> float | None:
    """Average seconds from submission to the first response, None without responses."""
    return round(row["response_seconds"] / row["responded"], 1) if row["responded"] else None
