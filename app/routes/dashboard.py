"""The dashboard home: today's numbers next to the live stream."""

from starlette.routing import Route

from app.routes.live import stream_url
from app.services import dashboard as dashboard_service
from app.services import event_queries, workspaces
from app.services.event_queries import EventFilters
from app.web.auth import get_principal, require_page
from app.web.render import redirect, render


async def dashboard(request):
    if await get_principal(request) is None:
        # First visit (no cookie yet) goes to sign-up; a returning browser to log-in.
        return redirect(request, "/signup" if not request.cookies else "/login")
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    tz = (await workspaces.get_workspace(db, ws))["settings"].get("timezone") or "UTC"
    events = await event_queries.recent_events(db, ws, limit=20)
    return await render(request, "dashboard/index.html", {
        "numbers": await dashboard_service.today_numbers(db, ws, tz),
        "has_forms": await dashboard_service.has_forms(db, ws),
        "events": events, "stream_url": stream_url(EventFilters(), events),
        "stream_title": "Live activity",
    })


routes = [Route("/", dashboard, methods=["GET"], name="dashboard")]
