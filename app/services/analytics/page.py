"""Everything the /analytics page shows, gathered and turned into text a person reads
(money in the workspace currency, durations in words, deltas with arrows, bar widths)."""

from __future__ import annotations

from app.services.accounts import workspaces
from app.services.accounts.currency import DEFAULT_CURRENCY
from app.services.analytics import (
    agents,
    channels,
    fields,
    forms,
    funnel,
    overview,
    present,
    sequences,
    speed,
    volume,
)
from app.services.analytics.ranges import DateRange

KPI_KINDS = {
    "conversion_rate": "percent",
    "revenue": "money",
    "avg_speed_to_lead_seconds": "duration",
}
LOWER_IS_BETTER = {"avg_speed_to_lead_seconds", "spam_blocked"}


def _cards(data: dict, currency: str) -> list[dict]:
    cards = []
    for key, label in overview.KPIS:
        kpi, kind = data["kpis"][key], KPI_KINDS.get(key, "number")
        cards.append(
            {
                "key": key,
                "label": label,
                "value": present.show(kpi["value"], kind, currency),
                "previous": present.show(kpi["previous"], kind, currency),
                "change": present.change(kpi, kind, currency, key in LOWER_IS_BETTER),
            }
        )
    return cards


def _bars(rows: list[dict], key: str) -> list[dict]:
    largest = max((row[key] or 0 for row in rows), default=0)
    return [{**row, "width": present.width(row[key] or 0, largest)} for row in rows]


def _volume_chart(days: list[dict]) -> dict:
    """An SVG column chart of submissions per day (with views as a lighter column)."""
    peak = max((max(d["submissions"], d["views"]) for d in days), default=0) or 1
    step, height = 10, 100
    cols = []
    for i, d in enumerate(days):
        cols.append(
            {
                "x": i * step + 1,
                "views_h": round(d["views"] / peak * height, 1),
                "subs_h": round(d["submissions"] / peak * height, 1),
                **d,
            }
        )
    busiest = max(days, key=lambda d: d["submissions"], default=None)
    return {
        "width": len(days) * step,
        "height": height,
        "columns": cols,
        "total": sum(d["submissions"] for d in days),
        "views": sum(d["views"] for d in days),
        "busiest": busiest if busiest and busiest["submissions"] else None,
    }


async def gather(db, ws: str, r: DateRange, *, attribution: str, form_id: str | None) -> dict:
    settings = (await workspaces.get_workspace(db, ws))["settings"]
    currency = settings.get("currency") or DEFAULT_CURRENCY
    compared = await forms.compare_forms(db, ws, r)
    form_ids = [f["form_id"] for f in compared["forms"]]
    field_form = form_id if form_id in form_ids else (form_ids[0] if form_ids else None)
    chan = await channels.channels(db, ws, r, attribution)
    spd = await speed.speed(db, ws, r)
    days = (await volume.daily_volume(db, ws, r))["days"]
    field_data = await fields.field_stats(db, ws, field_form, r) if field_form else None
    return {
        "currency": currency,
        "cards": _cards(await overview.overview(db, ws, r), currency),
        "funnel": _bars((await funnel.funnel(db, ws, r))["steps"], "count"),
        "channels": _bars(chan["channels"], "submissions"),
        "paths": chan["paths"],
        "attribution": attribution,
        "speed": {**spd, "buckets": _bars(spd["buckets"], "count")},
        "speed_average": present.duration(spd["average_seconds"]["value"]),
        "volume": _volume_chart(days),
        "days": days,
        "forms": compared["forms"],
        "field_form": field_form,
        "fields": field_data,
        "agents": (await agents.all_agents(db, ws, r))["handlers"],
        "sequences": await sequences.sequence_health(db, ws, r),
    }
