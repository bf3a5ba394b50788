"""Field analytics per form (SPEC §10) from the interactions the embed script sends with
each submission (``_interactions``: per field focused, filled, time_ms; stored in
submissions.field_interactions): focused % and filled % of the submissions that carried
interactions, the average time spent in a field that was focused, and drop-off: the share
of visitors who focused a field and left it empty. Form-level abandonment compares starts
(beacons) with submissions. Aggregated in SQL with json_each over the form's range."""

from __future__ import annotations

from app.db import get_in_workspace, loads
from app.db.dialect import json_flag, json_real
from app.services.analytics import totals
from app.services.analytics.ranges import DateRange

_FOCUSED, _FILLED = json_flag("j.value", "focused"), json_flag("j.value", "filled")
_FIELD_STATS = (
    f"SELECT j.key AS field, SUM({_FOCUSED}) AS focused, SUM({_FILLED}) AS filled,"
    f" SUM({_FOCUSED} * (1 - {_FILLED})) AS left_empty,"
    f" AVG(CASE WHEN {_FOCUSED} = 1 THEN {json_real('j.value', 'time_ms')} END) AS avg_ms"
)


def _fields_tx(conn, ws: str, form_id: str, r: DateRange) -> dict:
    form = get_in_workspace(
        conn, "forms", form_id, ws, columns=("id", "name", "fields"), missing="No such form."
    )
    p = r.current
    window = (form_id, p.since, p.until, ws)
    tracked = conn.value(
        "SELECT COUNT(*) FROM submissions WHERE form_id = ? AND created_at >= ? AND created_at < ?"
        " AND workspace_id = ? AND field_interactions <> '{}'",
        window,
    )
    stats = {
        row["field"]: row
        for row in conn.all(
            _FIELD_STATS + " FROM submissions s, json_each(s.field_interactions) j"
            " WHERE s.form_id = ? AND s.created_at >= ? AND s.created_at < ? AND s.workspace_id = ?"
            " GROUP BY j.key",
            window,
        )
    }
    subs, views = totals.submissions(conn, ws, p, form_id), totals.beacons(conn, ws, p, form_id)
    data = []
    for field in loads(form["fields"], []):
        row = stats.get(field["name"]) or {
            "focused": 0,
            "filled": 0,
            "left_empty": 0,
            "avg_ms": None,
        }
        data.append(
            {
                "field": field["name"],
                "label": field.get("label") or field["name"],
                "focused": row["focused"],
                "filled": row["filled"],
                "focused_percent": totals.percent(row["focused"], tracked),
                "filled_percent": totals.percent(row["filled"], tracked),
                "avg_time_seconds": None
                if row["avg_ms"] is None
                else round(row["avg_ms"] / 1000, 1),
                "drop_off_percent": totals.percent(row["left_empty"], row["focused"]),
            }
        )
    started = views["starts"]
    return {
        "form": {"id": form["id"], "name": form["name"]},
        "range": r.as_json(),
        "tracked_submissions": tracked,
        "starts": started,
        "submissions": subs["submissions"],
        "abandonment_percent": totals.percent(max(started - subs["submissions"], 0), started),
        "fields": data,
    }


async def field_stats(db, ws: str, form_id: str, r: DateRange) -> dict:
    return await db.read(_fields_tx, ws, form_id, r)
