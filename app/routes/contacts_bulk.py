"""Bulk actions on the contacts list: add or remove a tag, export, delete the ticked
contacts. Tag and delete answer a confirmation page that says how many ("Delete 12
contacts?") and run on its second post; export answers the CSV at once. Works without
JavaScript (plain form posts); viewers get 403."""

from __future__ import annotations

from starlette.responses import StreamingResponse
from starlette.routing import Route

from app.errors import ValidationError
from app.services.crm import bulk
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, safe_next, url_path

ACTIONS = {
    "tag": "Add tag",
    "untag": "Remove tag",
    "export": "Export CSV",
    "delete": "Delete",
}


def _plural(n: int) -> str:
    return f"{n} contact{'' if n == 1 else 's'}"


async def _run(db, ws, principal, action: str, ids: list[str], tag: str) -> str:
    if action == "delete":
        await bulk.delete_contacts(db, ws, ids, by=principal.display_name)
        return f"{_plural(len(ids))} deleted."
    add, remove = ([tag], ()) if action == "tag" else ((), [tag])
    changed = await bulk.change_tags(db, ws, ids, add=add, remove=remove)
    done = f"Tag “{tag}” {'added to' if action == 'tag' else 'removed from'} {_plural(changed)}"
    unchanged = len(ids) - changed
    return done + (
        f" ({unchanged} already {'had' if action == 'tag' else 'lacked'} it)." if unchanged else "."
    )


async def bulk_contacts(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    form = await read_form(request)
    back = safe_next(str(form.get("next") or ""), url_path(request, "contacts"))
    action = str(form.get("action") or "")
    if action not in ACTIONS:
        raise ValidationError(fields={"action": "Choose what to do with the selection."})
    ids = bulk.clean_selection(form.getlist("ids"))
    await bulk.check_selection(db, ws, "contacts", ids, "contact")
    if action == "export":
        return StreamingResponse(
            bulk.contacts_csv(db, ws, ids),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="contacts-selection.csv"'},
        )
    tag = " ".join(str(form.get("tag") or "").split()).lower()
    errors = {}
    if action in ("tag", "untag") and not tag:
        errors["tag"] = "Give the tag to add or remove."
    if form.get("confirm") != "yes" or errors:
        ctx = {
            "action": action,
            "label": ACTIONS[action],
            "ids": ids,
            "count": len(ids),
            "noun": _plural(len(ids)),
            "tag": tag,
            "errors": errors,
            "next": back,
        }
        return await render(
            request, "contacts/bulk_confirm.html", ctx, status=422 if errors else 200
        )
    return redirect(request, back, await _run(db, ws, principal, action, ids, tag))


routes = [
    Route("/contacts/bulk", bulk_contacts, methods=["POST"], name="contacts_bulk"),
]
