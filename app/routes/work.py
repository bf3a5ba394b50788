"""My work (SPEC §6.3): what waits on the signed-in person's handler."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import ValidationError
from app.services.agents import review
from app.services.processing import work
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path


async def my_work_page(request):
    principal = await require_page(request)
    db = request.app.state.db
    mine = await work.handler_for_account(db, principal.workspace_id, principal.account_id)
    items = await work.my_work(db, principal.workspace_id, mine["id"]) if mine else None
    return await render(
        request,
        "work/index.html",
        {
            "handler": mine,
            "w": items,
            "can_write": principal.can_write,
            "needs_review": await review.count_needing_review(db, principal.workspace_id),
        },
    )


async def update_item_page(request):
    """Mark a task or ticket done / in progress from My work."""
    principal = await require_page(request, write=True)
    kind = request.path_params["kind"]
    if kind not in ("task", "ticket"):
        raise ValidationError(fields={"kind": "Use task or ticket."})
    form = await read_form(request)
    await work.update_item(
        request.app.state.db,
        principal.workspace_id,
        kind,
        request.path_params["id"],
        {"status": form.get("status", "")},
    )
    return redirect(
        request,
        url_path(request, "my_work"),
        f"The {kind} is now {str(form.get('status')).replace('_', ' ')}.",
    )


routes = [
    Route("/work", my_work_page, methods=["GET"], name="my_work"),
    Route("/work/{kind}/{id}", update_item_page, methods=["POST"], name="my_work_update"),
]
