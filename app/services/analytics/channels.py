"""Channels by utm_source (SPEC §10): submissions, new contacts, deals, revenue and
conversion per source, credited to the last touch (default: the submission's own
utm_source; for a deal, the contact's latest touchpoint up to the deal) or the first
touch (the contact's first touchpoint). Plus the touchpoint paths of contacts with deals.

A source of None means direct traffic or no utm_source. Deals and revenue count the
deals created in the period (revenue: those of them now won). Sources and paths are
worked out once, as rows arrive (analytics_daily, analytics_deals_daily)."""

from __future__ import annotations

from app.errors import ValidationError
from app.services.analytics import totals
from app.services.analytics.ranges import DateRange

ATTRIBUTIONS = ("last_touch", "first_touch")
PATH_LIMIT = 10


def parse_attribution(value: str | None) -> str:
    value = value or "last_touch"
    if value not in ATTRIBUTIONS:
        raise ValidationError(
            "Unknown attribution.", fields={"attribution": "Use last_touch or first_touch."}
        )
    return value


def _channels_tx(conn, ws: str, r: DateRange, attribution: str) -> dict:
    p, window = r.current, (ws, r.current.first_day, r.current.last_day)
    column = "source" if attribution == "last_touch" else "first_source"
    rows = {
        row["source"]: {**row, "deals": 0, "won": 0, "revenue": 0.0}
        for row in conn.all(
            f"SELECT {column} AS source, SUM(submissions) AS submissions,"
            " SUM(new_contacts) AS contacts FROM analytics_daily"
            f" WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY {column}",
            window,
        )
    }
    for row in conn.all(
        f"SELECT {column} AS source, SUM(deals) AS deals, SUM(won) AS won,"
        " SUM(revenue) AS revenue FROM analytics_deals_daily"
        f" WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY {column}",
        window,
    ):
        entry = rows.setdefault(row["source"], {"submissions": 0, "contacts": 0})
        entry.update(deals=row["deals"], won=row["won"], revenue=round(row["revenue"], 2))
    data = [
        {
            "source": source or None,
            "submissions": v["submissions"],
            "contacts": v["contacts"],
            "deals": v["deals"],
            "won": v["won"],
            "revenue": v["revenue"],
            "conversion_rate": totals.percent(v["deals"], v["submissions"]),
        }
        for source, v in rows.items()
        if v["submissions"] or v["deals"]
    ]
    data.sort(key=lambda c: (-c["submissions"], -c["deals"], c["source"] or ""))
    return {
        "range": r.as_json(),
        "attribution": attribution,
        "channels": data,
        "paths": _paths(conn, ws, p.first_day, p.last_day),
    }


def _paths(conn, ws: str, first_day: str, last_day: str) -> list[dict]:
    """The commonest touchpoint paths (sources in time order up to the deal, repeats
    collapsed) of contacts whose deals were created in the period."""
    rows = conn.all(
        "SELECT path, SUM(deals) AS deals, SUM(won) AS won, SUM(revenue) AS revenue"
        " FROM analytics_deals_daily WHERE workspace_id = ? AND day >= ? AND day <= ?"
        " AND path <> '' GROUP BY path HAVING SUM(deals) > 0"
        " ORDER BY SUM(deals) DESC, SUM(revenue) DESC, path LIMIT ?",
        (ws, first_day, last_day, PATH_LIMIT),
    )
    return [
        {
            "path": [s or None for s in row["path"].split("\x1f")],
            "deals": row["deals"],
            "won": row["won"],
            "revenue": round(row["revenue"], 2),
        }
        for row in rows
    ]


async def channels(db, ws: str, r: DateRange, attribution: str = "last_touch") -> dict:
    return await db.read(_channels_tx, ws, r, attribution)
