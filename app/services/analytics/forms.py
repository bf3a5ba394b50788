"""Form comparison (SPEC §10): each form's views, starts, submissions, conversion,
processed, deals, won, revenue and speed side by side; and one form's numbers with
deltas for ``/api/analytics/forms/{id}``. Deals are those created in the period from
one of the form's submissions."""

from __future__ import annotations

from app.db import get_in_workspace
from app.services.analytics import totals
from app.services.analytics.ranges import DateRange, Period, delta

METRICS = (
    ("views", "Views"),
    ("starts", "Starts"),
    ("submissions", "Submissions"),
    ("conversion_rate", "Conversion"),
    ("processed", "Processed"),
    ("deals", "Deals"),
    ("won", "Won"),
    ("revenue", "Revenue"),
    ("avg_speed_to_lead_seconds", "Average speed-to-lead"),
)


def _deals_by_form(conn, ws: str, p: Period, form_id: str | None = None) -> dict:
    rows = conn.all(
        "SELECT form_id, SUM(deals) AS deals, SUM(won) AS won, SUM(revenue) AS revenue"
        " FROM analytics_deals_daily WHERE workspace_id = ? AND day >= ? AND day <= ?"
        + (" AND form_id = ?" if form_id else " AND form_id <> ''")
        + " GROUP BY form_id",
        (ws, p.first_day, p.last_day, *((form_id,) if form_id else ())),
    )
    return {row["form_id"]: row for row in rows}


def _numbers(subs: dict, views: dict, deals: dict | None) -> dict:
    deals = deals or {"deals": 0, "won": 0, "revenue": 0}
    return {
        "views": views["views"],
        "starts": views["starts"],
        "submissions": subs["submissions"],
        "conversion_rate": totals.percent(subs["submissions"], views["views"]),
        "processed": subs["processed"],
        "deals": deals["deals"],
        "won": deals["won"],
        "revenue": round(deals["revenue"], 2),
        "avg_speed_to_lead_seconds": totals.average_speed(subs),
    }


def _compare_tx(conn, ws: str, r: DateRange) -> dict:
    p = r.current
    zero_subs = {"submissions": 0, "processed": 0, "responded": 0, "response_seconds": 0}
    subs = {
        row["form_id"]: row
        for row in conn.all(
            "SELECT form_id, SUM(submissions) AS submissions, SUM(processed) AS processed,"
            " SUM(responded) AS responded, SUM(response_seconds) AS response_seconds"
            " FROM analytics_daily WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY form_id",
            (ws, p.first_day, p.last_day),
        )
    }
    views = {
        row["form_id"]: row
        for row in conn.all(
            "SELECT form_id, SUM(views) AS views, SUM(starts) AS starts FROM form_daily_stats"
            " WHERE workspace_id = ? AND day >= ? AND day <= ? GROUP BY form_id",
            (ws, p.first_day, p.last_day),
        )
    }
    deals = _deals_by_form(conn, ws, p)
    forms = conn.all(
        "SELECT id, name, status FROM forms WHERE workspace_id = ? ORDER BY created_at, id", (ws,)
    )
    data = [
        {
            "form_id": f["id"],
            "name": f["name"],
            "status": f["status"],
            **_numbers(
                subs.get(f["id"], zero_subs),
                views.get(f["id"], {"views": 0, "starts": 0}),
                deals.get(f["id"]),
            ),
        }
        for f in forms
        if f["status"] != "archived" or f["id"] in subs
    ]
    data.sort(key=lambda row: (-row["submissions"], row["name"]))
    return {"range": r.as_json(), "forms": data}


def _form_tx(conn, ws: str, form_id: str, r: DateRange) -> dict:
    form = get_in_workspace(
        conn, "forms", form_id, ws, columns=("id", "name"), missing="No such form."
    )
    now, before = (
        _numbers(
            totals.submissions(conn, ws, p, form_id),
            totals.beacons(conn, ws, p, form_id),
            _deals_by_form(conn, ws, p, form_id).get(form_id),
        )
        for p in (r.current, r.previous)
    )
    return {
        "form": form,
        "range": r.as_json(),
        "kpis": {key: delta(now[key], before[key]) for key, _ in METRICS},
    }


async def compare_forms(db, ws: str, r: DateRange) -> dict:
    return await db.read(_compare_tx, ws, r)


async def form_numbers(db, ws: str, form_id: str, r: DateRange) -> dict:
    return await db.read(_form_tx, ws, form_id, r)
