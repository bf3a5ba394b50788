"""The dashboard home: today's numbers next to the live stream."""

from starlette.routing import Route

from app.services.accounts import workspaces
from app.services.analytics import today as dashboard_service
from app.services.events import queries as event_queries
from app.services.events.queries import EventFilters
from app.web.auth import get_principal, require_page
from app.web.render import is_htmx, redirect, render, url_path
from app.web.streams import stream_url


async def _timezone(db, workspace_id: str) -> str:
    return (await workspaces.get_workspace(db, workspace_id))["settings"].get("timezone") or "UTC"


async def dashboard(request):
    if await get_principal(request) is None:
        # First visit (no cookie yet) goes to sign-up; a returning browser to log-in.
        return redirect(
            request, url_path(request, "signup_page" if not request.cookies else "login_page")
        )
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    events = await event_queries.recent_events(db, ws, limit=20)
    return await render(
        request,
        "dashboard/index.html",
        {
            "numbers": await dashboard_service.today_numbers(db, ws, await _timezone(db, ws)),
            "has_forms": await dashboard_service.has_forms(db, ws),
            "events": events,
            "stream_url": stream_url(request, EventFilters(), events),
        },
    )


async def today_numbers(request):
    """The numbers alone, for the dashboard's periodic refresh (plain visits go home)."""
    principal = await require_page(request)
    if not is_htmx(request):
        return redirect(request, url_path(request, "dashboard"))
    db, ws = request.app.state.db, principal.workspace_id
    numbers = await dashboard_service.today_numbers(db, ws, await _timezone(db, ws))
    return await render(request, "dashboard/_today.html", {"numbers": numbers})


routes = [
    Route("/", dashboard, methods=["GET"], name="dashboard"),
    Route("/dashboard/today", today_numbers, methods=["GET"], name="dashboard_today"),
]
