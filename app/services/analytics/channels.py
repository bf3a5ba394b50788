"""Channels by utm_source (SPEC §10): submissions, new contacts, deals, revenue and
conversion per source, credited to the last touch (default: the submission's own
utm_source; for a deal, the contact's latest touchpoint up to the deal) or the first
touch (the contact's first touchpoint). Plus the touchpoint paths of contacts with deals.

A source of None means direct traffic or no utm_source. Deals and revenue count the
deals created in the period (revenue: those of them now won)."""

from __future__ import annotations

from app.errors import ValidationError
from app.services.analytics import totals
from app.services.analytics.ranges import DateRange

ATTRIBUTIONS = ("last_touch", "first_touch")
PATH_LIMIT = 10
_TOUCH = {
    # the credited touchpoint of deal d's contact
    "last_touch": "t.created_at <= d.created_at ORDER BY t.created_at DESC, t.id DESC",
    "first_touch": "1 ORDER BY t.created_at, t.id",
}


def parse_attribution(value: str | None) -> str:
    value = value or "last_touch"
    if value not in ATTRIBUTIONS:
        raise ValidationError(
            "Unknown attribution.", fields={"attribution": "Use last_touch or first_touch."}
        )
    return value


def _channels_tx(conn, ws: str, r: DateRange, attribution: str) -> dict:
    p = r.current
    column = "source" if attribution == "last_touch" else "first_source"
    rows = {
        row["source"]: {**row, "deals": 0, "won": 0, "revenue": 0.0}
        for row in conn.all(
            f"SELECT {column} AS source, SUM(submissions) AS submissions,"
            " SUM(new_contacts) AS contacts FROM analytics_daily"
            f" WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY {column}",
            (ws, p.first_day, p.last_day),
        )
    }
    deals = conn.all(
        "SELECT source, COUNT(*) AS deals, SUM(stage = 'won') AS won,"
        " SUM(CASE WHEN stage = 'won' THEN amount ELSE 0 END) AS revenue FROM ("
        "  SELECT d.stage, d.amount, COALESCE((SELECT t.utm_source FROM touchpoints t"
        f"   WHERE t.contact_id = d.contact_id AND {_TOUCH[attribution]} LIMIT 1), '') AS source"
        "  FROM deals d WHERE d.workspace_id = ? AND d.created_at >= ? AND d.created_at < ?"
        ") GROUP BY source",
        (ws, p.since, p.until),
    )
    for row in deals:
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
    ]
    data.sort(key=lambda c: (-c["submissions"], -c["deals"], c["source"] or ""))
    return {
        "range": r.as_json(),
        "attribution": attribution,
        "channels": data,
        "paths": _paths(conn, ws, r),
    }


def _paths(conn, ws: str, r: DateRange) -> list[dict]:
    """The most common touchpoint paths (sources in time order, up to the deal) of
    contacts whose deals were created in the period."""
    rows = conn.all(
        "SELECT path, COUNT(DISTINCT contact_id) AS contacts, COUNT(*) AS deals,"
        " SUM(CASE WHEN stage = 'won' THEN amount ELSE 0 END) AS revenue FROM ("
        "  SELECT d.contact_id, d.stage, d.amount, (SELECT group_concat(src, char(31)) FROM"
        "   (SELECT COALESCE(NULLIF(t.utm_source, ''), '') AS src FROM touchpoints t"
        "    WHERE t.contact_id = d.contact_id AND t.created_at <= d.created_at"
        "    ORDER BY t.created_at, t.id)) AS path"
        "  FROM deals d WHERE d.workspace_id = ? AND d.created_at >= ? AND d.created_at < ?"
        "  AND d.contact_id IS NOT NULL"
        ") WHERE path IS NOT NULL GROUP BY path ORDER BY deals DESC, revenue DESC, path LIMIT ?",
        (ws, r.current.since, r.current.until, PATH_LIMIT),
    )
    return [
        {
            "path": [s or None for s in row["path"].split("\x1f")],
            "contacts": row["contacts"],
            "deals": row["deals"],
            "revenue": round(row["revenue"], 2),
        }
        for row in rows
    ]


async def channels(db, ws: str, r: DateRange, attribution: str = "last_touch") -> dict:
    return await db.read(_channels_tx, ws, r, attribution)
