"""The dashboard's onboarding checklist: the two things it records itself (a snippet
copied, the checklist dismissed). The steps are read in the dashboard route."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from app.services.accounts import onboarding
from app.web.auth import require_page
from app.web.render import is_htmx, redirect, url_path


async def embed_copied(request):
    """The embed page's copy buttons post here (HTMX, no swap)."""
    principal = await require_page(request, write=True)
    await onboarding.embed_copied(request.app.state.db, principal.workspace_id)
    if is_htmx(request):
        return Response(status_code=204)
    return redirect(request, url_path(request, "dashboard"))


async def dismiss_checklist(request):
    principal = await require_page(request, write=True)
    await onboarding.dismiss(request.app.state.db, principal.workspace_id, principal.account_id)
    if is_htmx(request):
        return Response("", media_type="text/html")  # the card swaps itself away
    return redirect(
        request, url_path(request, "dashboard"), "Checklist hidden for everyone in this workspace."
    )


routes = [
    Route(
        "/onboarding/embed-copied",
        embed_copied,
        methods=["POST"],
        name="onboarding_embed_copied",
    ),
    Route("/onboarding/dismiss", dismiss_checklist, methods=["POST"], name="onboarding_dismiss"),
]
