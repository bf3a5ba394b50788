"""The analytics page (SPEC §10): a date range, KPI cards with deltas, the funnel,
channels, speed-to-lead, daily volume, form comparison, field analytics, agents and
sequences; every table downloads as CSV from /analytics/export.csv?table=…."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from app.errors import ValidationError
from app.services.analytics import channels, export, page, present
from app.services.analytics.ranges import PRESETS, parse_range
from app.web.auth import require_page
from app.web.render import render


async def analytics_page(request):
    principal = await require_page(request)
    db, ws, qp = request.app.state.db, principal.workspace_id, request.query_params
    errors, status = {}, 200
    try:
        r = parse_range(qp)
    except ValidationError as exc:
        errors, status = exc.fields or {"range": exc.message}, 422
        r = parse_range({})
    try:
        attribution = channels.parse_attribution(qp.get("attribution"))
    except ValidationError:
        attribution = "last_touch"
    ctx = await page.gather(db, ws, r, attribution=attribution, form_id=qp.get("form"))
    ctx.update(
        range=r,
        presets=list(PRESETS),
        range_query=r.query(),
        custom_from=qp.get("from") or r.current.first_day,
        custom_to=qp.get("to") or r.current.last_day,
        errors=errors,
        present=present,
    )
    return await render(request, "analytics/index.html", ctx, status=status)


async def analytics_export(request):
    """One table of the page as CSV, for the same range (and attribution, form)."""
    principal = await require_page(request)
    qp = request.query_params
    table = qp.get("table") or ""
    r = parse_range(qp)
    data = await export.report_data(
        request.app.state.db,
        principal.workspace_id,
        table,
        r,
        attribution=channels.parse_attribution(qp.get("attribution")),
        form_id=qp.get("form"),
    )
    columns, rows = export.table(table, data)
    return Response(
        export.to_csv(columns, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="analytics-{table}.csv"'},
    )


routes = [
    Route("/analytics", analytics_page, methods=["GET"], name="analytics"),
    Route("/analytics/export.csv", analytics_export, methods=["GET"], name="analytics_export"),
]
