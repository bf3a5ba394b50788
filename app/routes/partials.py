"""The form's "Abandoned" view (SPEC §17): who started the form and left, how far they
got, when, and whether a follow-up went out; ``?status=open`` shows those still typing."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.services.capture import partials
from app.services.forms import forms as forms_service
from app.web.auth import require_page
from app.web.render import render, url_path


async def abandoned_page(request):
    """GET /forms/{id}/abandoned: the form's abandoned partial submissions, newest first."""
    principal = await require_page(request)
    db = request.app.state.db
    form = await forms_service.get_form(db, principal.workspace_id, request.path_params["form_id"])
    status = "open" if request.query_params.get("status") == "open" else "abandoned"
    rows, next_cursor = await partials.list_partials(
        db,
        principal.workspace_id,
        form["id"],
        status=status,
        cursor=request.query_params.get("cursor"),
        limit=50,
    )
    here = url_path(request, "form_abandoned", form_id=form["id"])
    query = {"status": status} if status == "open" else {}
    next_url = f"{here}?{urlencode({**query, 'cursor': next_cursor})}" if next_cursor else None
    return await render(
        request,
        "partials/abandoned.html",
        {"form": form, "rows": rows, "status": status, "next_url": next_url},
    )


routes = [
    Route("/forms/{form_id}/abandoned", abandoned_page, methods=["GET"], name="form_abandoned"),
]
