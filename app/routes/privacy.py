"""Pages for a person's data and the audit trail: erase a contact (the export is a
download of GET /api/contacts/{id}/export) and /settings/audit."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import ValidationError
from app.services import audit
from app.services.accounts.permissions import require_role
from app.services.accounts.workspaces import get_workspace
from app.services.audit.present import sentence
from app.services.crm import contacts
from app.services.privacy.erase import ERASE_MESSAGE, erase_contact
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path

AUDIT_PAGE_SIZE = 50


async def _erase_page(request, principal, *, status=200, error=None, typed=""):
    contact = await contacts.get_contact(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    ctx = {"contact": contact, "error": error, "typed": typed}
    return await render(request, "privacy/erase.html", ctx, status=status)


async def erase_page(request):
    """The confirmation page: what erasing removes and keeps; owners and admins only."""
    principal = await require_page(request, role="admin")
    return await _erase_page(request, principal)


async def erase_contact_page(request):
    principal = await require_page(request, write=True)
    require_role(principal.role, "admin", ERASE_MESSAGE)
    typed = str((await read_form(request)).get("confirm_email") or "")
    cid = request.path_params["id"]
    try:
        await erase_contact(
            request.app.state.db,
            principal.workspace_id,
            cid,
            role=principal.role,
            confirm_email=typed,
        )
    except ValidationError as exc:
        message = exc.fields.get("confirm_email") or exc.message
        return await _erase_page(request, principal, status=422, error=message, typed=typed)
    return redirect(
        request,
        url_path(request, "contact_detail", id=cid),
        "The contact's personal data was erased.",
    )


async def audit_log(request):
    """Owners and admins read the trail as sentences, filtered and paged (others 403)."""
    principal = await require_page(request, role="admin")
    db, q = request.app.state.db, request.query_params
    filters = {
        "category": q.get("category") or "",
        "actor": q.get("actor") or "",
        "from": q.get("from") or "",
        "to": q.get("to") or "",
    }
    ctx = {"filters": filters, "categories": audit.CATEGORIES, "errors": {}, "entries": []}
    ctx["actors"] = await audit.list_actors(db, principal.workspace_id)
    ctx["next_url"] = None
    try:
        entries, next_cursor = await audit.list_entries(
            db,
            principal.workspace_id,
            category=filters["category"] or None,
            actor_id=filters["actor"] or None,
            date_from=filters["from"] or None,
            date_to=filters["to"] or None,
            tz=(await get_workspace(db, principal.workspace_id))["settings"]["timezone"],
            cursor=q.get("cursor"),
            limit=AUDIT_PAGE_SIZE,
        )
    except ValidationError as exc:
        ctx["errors"] = exc.fields
        return await render(request, "privacy/audit.html", ctx, status=422)
    ctx["entries"] = [{**e, "sentence": sentence(e)} for e in entries]
    if next_cursor:
        kept = {k: v for k, v in filters.items() if v}
        ctx["next_url"] = (
            url_path(request, "audit_log") + "?" + urlencode({**kept, "cursor": next_cursor})
        )
    return await render(request, "privacy/audit.html", ctx)


routes = [
    Route("/contacts/{id}/erase", erase_page, methods=["GET"], name="contact_erase_page"),
    Route("/contacts/{id}/erase", erase_contact_page, methods=["POST"], name="contact_erase"),
    Route("/settings/audit", audit_log, methods=["GET"], name="audit_log"),
]
