"""The dashboard home (the Live issue adds today's numbers and the stream)."""

from starlette.routing import Route

from app.web.auth import get_principal, require_page
from app.web.render import redirect, render


async def dashboard(request):
    if await get_principal(request) is None:
        return redirect(request, "/signup" if not request.cookies else "/login")
    principal = await require_page(request)
    return await render(request, "dashboard/index.html", {"principal": principal})


routes = [Route("/", dashboard, methods=["GET"], name="dashboard")]
