"""The dashboard home: today's and the week's numbers next to the live feed."""

from urllib.parse import urlsplit

from starlette.routing import Route

from app.services.accounts import onboarding, workspaces
from app.services.accounts.currency import DEFAULT_CURRENCY
from app.services.analytics import today as dashboard_service
from app.services.events import feed
from app.web.auth import get_principal, require_page
from app.web.origin import public_base_url
from app.web.render import is_htmx, redirect, render, url_path
from app.web.streams import stream_url


async def _zone_and_currency(db, workspace_id: str) -> tuple[str, str]:
    settings = (await workspaces.get_workspace(db, workspace_id))["settings"]
    return settings.get("timezone") or "UTC", settings.get("currency") or DEFAULT_CURRENCY


async def dashboard(request):
    if await get_principal(request) is None:
        # First visit (no cookie yet) goes to sign-up; a returning browser to log-in.
        return redirect(
            request, url_path(request, "signup_page" if not request.cookies else "login_page")
        )
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    tz, currency = await _zone_and_currency(db, ws)
    rows = await feed.dashboard_feed(db, ws, currency)
    return await render(
        request,
        "dashboard/index.html",
        {
            "numbers": await dashboard_service.today_numbers(db, ws, tz),
            "has_forms": await dashboard_service.has_forms(db, ws),
            "checklist": await onboarding.checklist(
                db, ws, own_host=urlsplit(public_base_url(request)).hostname or ""
            ),
            "events": [],
            "feed_rows": rows["rows"],
            "stream_title": "Latest leads and changes",
            "stream_url": stream_url(request, feed.FEED_FILTERS, rows["latest"]),
        },
    )


async def today_numbers(request):
    """The numbers alone, for the dashboard's periodic refresh (plain visits go home)."""
    principal = await require_page(request)
    if not is_htmx(request):
        return redirect(request, url_path(request, "dashboard"))
    db, ws = request.app.state.db, principal.workspace_id
    tz, _ = await _zone_and_currency(db, ws)
    numbers = await dashboard_service.today_numbers(db, ws, tz)
    return await render(request, "dashboard/_today.html", {"numbers": numbers})


routes = [
    Route("/", dashboard, methods=["GET"], name="dashboard"),
    Route("/dashboard/today", today_numbers, methods=["GET"], name="dashboard_today"),
]
