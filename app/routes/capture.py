"""Pages of the capture area: the spam log of a form. (The hosted form's plain
POST lives with its page in public.py.)"""

from __future__ import annotations

from starlette.routing import Route

from app.services.capture import spam
from app.services.forms import forms as forms_service
from app.web.auth import require_page
from app.web.render import render, url_path


async def spam_log_page(request):
    """GET /forms/{id}/spam: what the honeypot, limits and duplicate rule turned away."""
    principal = await require_page(request)
    db = request.app.state.db
    form = await forms_service.get_form(db, principal.workspace_id, request.path_params["form_id"])
    rows, next_cursor = await spam.list_spam(
        db,
        principal.workspace_id,
        form["id"],
        cursor=request.query_params.get("cursor"),
        limit=50,
    )
    spam_page = url_path(request, "form_spam", form_id=form["id"])
    next_url = f"{spam_page}?cursor={next_cursor}" if next_cursor else None
    return await render(
        request,
        "spam/index.html",
        {"form": form, "rows": rows, "next_url": next_url, "reasons": spam.REASONS},
    )


routes = [
    Route("/forms/{form_id}/spam", spam_log_page, methods=["GET"], name="form_spam"),
]
