"""KPI cards (SPEC §10): submissions, conversion rate, contacts created, deals created,
deals won, revenue, average speed-to-lead and spam blocked, each with its delta against
the previous period of equal length."""

from __future__ import annotations

from app.services.analytics import totals
from app.services.analytics.ranges import DateRange, Period, delta

KPIS = (
    ("submissions", "Submissions"),
    ("conversion_rate", "Conversion rate"),
    ("contacts_created", "Contacts created"),
    ("deals_created", "Deals created"),
    ("deals_won", "Deals won"),
    ("revenue", "Revenue"),
    ("avg_speed_to_lead_seconds", "Average speed-to-lead"),
    ("spam_blocked", "Spam blocked"),
)


def _period(conn, ws: str, p: Period) -> dict:
    subs, views = totals.submissions(conn, ws, p), totals.beacons(conn, ws, p)
    day = totals.workspace(conn, ws, p)
    return {
        "submissions": subs["submissions"],
        "conversion_rate": totals.percent(subs["submissions"], views["views"]),
        "contacts_created": day["contacts"],
        "deals_created": totals.deals(conn, ws, p)["deals"],
        "deals_won": day["won"],
        "revenue": round(day["revenue"], 2),
        "avg_speed_to_lead_seconds": totals.average_speed(subs),
        "spam_blocked": day["spam"],
    }


def _overview_tx(conn, ws: str, r: DateRange) -> dict:
    now, before = _period(conn, ws, r.current), _period(conn, ws, r.previous)
    return {
        "range": r.as_json(),
        "kpis": {key: delta(now[key], before[key]) for key, _ in KPIS},
    }


async def overview(db, ws: str, r: DateRange) -> dict:
    return await db.read(_overview_tx, ws, r)
