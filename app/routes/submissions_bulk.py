"""Bulk actions on the submissions list: the list's checkboxes post here with an action;
reassign, reprocess and mark-as-spam answer a confirmation page that says how many
("Reprocess 12 submissions?") and run on its second post; export answers the CSV at once.
Works without JavaScript (plain form posts); viewers get 403."""

from __future__ import annotations

from starlette.responses import StreamingResponse
from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts import workspaces
from app.services.capture import bulk
from app.services.crm.bulk import check_selection, clean_selection
from app.services.forms import forms as forms_service
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, safe_next, url_path

ACTIONS = {
    "reassign": "Reassign",
    "reprocess": "Reprocess",
    "spam": "Mark as spam",
    "export": "Export CSV",
}


def _plural(n: int) -> str:
    return f"{n} submission{'' if n == 1 else 's'}"


async def _run(request, db, ws, principal, action: str, ids: list[str], form) -> str:
    """Do it; answers the message the list shows afterwards."""
    if action == "reassign":
        handler_id = str(form.get("handler_id") or "") or None
        await bulk.reassign(db, ws, ids, handler_id, actor_account_id=principal.account_id)
        return f"{_plural(len(ids))} reassigned."
    if action == "reprocess":
        started, skipped = await bulk.reprocess(db, ws, ids)
        tail = f" {_plural(skipped)} skipped: being processed right now." if skipped else ""
        return f"Reprocessing {_plural(started)}: their timelines update when done.{tail}"
    marked = await bulk.mark_spam(db, ws, ids, by=principal.display_name)
    return f"{_plural(marked)} marked as spam and moved out of the list."


async def bulk_submissions(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    form = await read_form(request)
    back = safe_next(str(form.get("next") or ""), url_path(request, "submissions_list"))
    action = str(form.get("action") or "")
    if action not in ACTIONS:
        raise ValidationError(fields={"action": "Choose what to do with the selection."})
    ids = clean_selection(form.getlist("ids"), "submission")
    await check_selection(db, ws, "submissions", ids, "submission")
    settings = (await workspaces.get_workspace(db, ws))["settings"]
    if action == "export":
        return StreamingResponse(
            bulk.export_csv(db, ws, ids, currency=settings["currency"]),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="submissions-selection.csv"'},
        )
    if form.get("confirm") != "yes":
        handlers = (await forms_service.list_assignees(db, ws))["handlers"]
        ctx = {
            "action": action,
            "label": ACTIONS[action],
            "ids": ids,
            "count": len(ids),
            "noun": _plural(len(ids)),
            "handlers": [h for h in handlers if h["active"]],
            "handler_id": str(form.get("handler_id") or ""),
            "next": back,
        }
        return await render(request, "submissions/bulk_confirm.html", ctx)
    message = await _run(request, db, ws, principal, action, ids, form)
    return redirect(request, back, message)


routes = [
    Route("/submissions/bulk", bulk_submissions, methods=["POST"], name="submissions_bulk"),
]
