"""JSON API for analytics (SPEC §10, §12), scope analytics:read. Every endpoint takes a
range (`range=7d|30d|90d`, default 30d, or `from`/`to` as YYYY-MM-DD, both inclusive, UTC
days), compares with the previous period of equal length where it shows deltas, and
answers CSV with `format=csv`."""

from __future__ import annotations

from starlette.responses import Response

from app.errors import ValidationError
from app.services.analytics import (
    agents,
    channels,
    export,
    fields,
    forms,
    funnel,
    overview,
    sequences,
    speed,
    volume,
)
from app.services.analytics.ranges import parse_range
from app.web.api import api_route, json_response


def _answer(request, report: str, data: dict):
    fmt = request.query_params.get("format") or "json"
    if fmt == "json":
        return json_response(data)
    if fmt != "csv":
        raise ValidationError("Unknown format.", fields={"format": "Use json or csv."})
    columns, rows = export.table(report, data)
    return Response(
        export.to_csv(columns, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="analytics-{report}.csv"'},
    )


def _ctx(request, principal):
    return request.app.state.db, principal.workspace_id, parse_range(request.query_params)


async def overview_api(request, principal):
    """KPI cards: submissions, conversion_rate (submissions per view, %), contacts_created,
    deals_created, deals_won and revenue (deals closed as won in the range),
    avg_speed_to_lead_seconds and spam_blocked; each as {value, previous, change,
    change_percent} against the previous period."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "overview", await overview.overview(db, ws, r))


async def funnel_api(request, principal):
    """The funnel views → starts → submissions (spam included) → passed spam → contact
    matched → processed → deal → won, with counts and percentages of the first and the
    previous step."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "funnel", await funnel.funnel(db, ws, r))


async def channels_api(request, principal):
    """Channels by utm_source: submissions, new contacts, deals, won, revenue and
    conversion; `attribution=last_touch` (default) or `first_touch`; `paths` lists the
    commonest touchpoint paths of contacts with deals (`format=csv` exports the channels;
    `table=paths&format=csv` the paths)."""
    db, ws, r = _ctx(request, principal)
    attribution = channels.parse_attribution(request.query_params.get("attribution"))
    data = await channels.channels(db, ws, r, attribution)
    table = "paths" if request.query_params.get("table") == "paths" else "channels"
    return _answer(request, table, data)


async def speed_api(request, principal):
    """Speed-to-lead: submissions by time to first response (<1 min, 1–5 min, 5–30 min,
    30–60 min, 1–4 h, 4–24 h, >24 h), the average with its delta, and how many wait."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "speed", await speed.speed(db, ws, r))


async def forms_api(request, principal):
    """Form comparison: every form's views, starts, submissions, conversion, processed,
    deals, won, revenue and average speed-to-lead side by side."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "forms", await forms.compare_forms(db, ws, r))


async def form_api(request, principal):
    """One form's numbers (as in the comparison) with deltas against the previous period."""
    db, ws, r = _ctx(request, principal)
    data = await forms.form_numbers(db, ws, request.path_params["id"], r)
    return _answer(request, "form", data)


async def fields_api(request, principal):
    """Field analytics of a form: per field focused %, filled %, average time (s) and
    drop-off % (focused but left empty), from the interactions the embed script sends;
    plus the form's starts, submissions and abandonment %."""
    db, ws, r = _ctx(request, principal)
    data = await fields.field_stats(db, ws, request.path_params["form_id"], r)
    return _answer(request, "fields", data)


async def volume_api(request, principal):
    """Daily volume: views, starts, submissions and spam blocked for each day of the range."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "volume", await volume.daily_volume(db, ws, r))


async def agents_api(request, principal):
    """Performance of every handler of the workspace (see `/api/analytics/agents/{id}`)."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "agents", await agents.all_agents(db, ws, r))


async def agent_api(request, principal):
    """One handler's performance over the submissions assigned to it in the range:
    avg_handling_seconds, success_rate, escalation_rate, error_rate, recovery_rate (%)
    and actions_per_submission."""
    db, ws, r = _ctx(request, principal)
    data = await agents.agent_performance(db, ws, request.path_params["id"], r)
    if (request.query_params.get("format") or "json") == "csv":
        data = {"handlers": [data]}
    return _answer(request, "agents", data)


async def sequences_api(request, principal):
    """Sequence health: per sequence, contacts enrolled in the range and how many are
    active, completed or stopped, with the completion %."""
    db, ws, r = _ctx(request, principal)
    return _answer(request, "sequences", await sequences.sequence_health(db, ws, r))


def _get(path, endpoint):
    return api_route(
        f"/analytics{path}", endpoint, methods=["GET"], scope="analytics:read", tags=["analytics"]
    )


routes = [
    _get("/overview", overview_api),
    _get("/funnel", funnel_api),
    _get("/channels", channels_api),
    _get("/speed", speed_api),
    _get("/volume", volume_api),
    _get("/sequences", sequences_api),
    _get("/forms", forms_api),
    _get("/forms/{id}", form_api),
    _get("/fields/{form_id}", fields_api),
    _get("/agents", agents_api),
    _get("/agents/{id}", agent_api),
]
