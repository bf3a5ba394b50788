"""Daily volume for the range (SPEC §10): views, starts, submissions and spam per UTC day,
every day of the range present (zero days included)."""

from __future__ import annotations

from app.services.analytics.ranges import DateRange


def _volume_tx(conn, ws: str, r: DateRange) -> dict:
    p = r.current
    days = {
        d: {"day": d, "views": 0, "starts": 0, "submissions": 0, "spam": 0} for d in p.each_day()
    }
    for row in conn.all(
        "SELECT day, SUM(submissions) AS n FROM analytics_daily"
        " WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY day",
        (ws, p.first_day, p.last_day),
    ):
        days[row["day"]]["submissions"] = row["n"]
    for row in conn.all(
        "SELECT day, SUM(views) AS views, SUM(starts) AS starts FROM form_daily_stats"
        " WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY day",
        (ws, p.first_day, p.last_day),
    ):
        days[row["day"]].update(views=row["views"], starts=row["starts"])
    for row in conn.all(
        "SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM spam_log"
        " WHERE workspace_id = ? AND created_at >= ? AND created_at < ? GROUP BY 1",
        (ws, p.since, p.until),
    ):
        days[row["day"]]["spam"] = row["n"]
    return {"range": r.as_json(), "days": list(days.values())}


async def daily_volume(db, ws: str, r: DateRange) -> dict:
    return await db.read(_volume_tx, ws, r)
