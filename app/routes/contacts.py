"""Contact pages: the list (search, filters, sort, pages, CSV link), new, detail with
the timeline, edit, tags, notes and merge. The import flow is in contacts_import.py
(registered before this module, so its static paths come first)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import Conflict, NotFound, ValidationError
from app.services import sequences
from app.services.accounts.permissions import has_role
from app.services.campaigns.members import contact_campaigns
from app.services.consent.records import consent_log_ctx
from app.services.crm import contacts, deals, notes, timeline
from app.services.crm import merge as contact_merge
from app.services.crm.search import SORT_CHOICES, list_contacts
from app.services.privacy.person import ERASED_STATUS
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import is_htmx, redirect, render, url_path

SORT_LABELS = {
    "-created_at": "Newest",
    "created_at": "Oldest",
    "-last_seen": "Last seen",
    "last_seen": "Least recently seen",
    "name": "Name A–Z",
    "-name": "Name Z–A",
    "email": "Email A–Z",
    "-email": "Email Z–A",
    "-submission_count": "Most submissions",
    "submission_count": "Fewest submissions",
}


def _filters(request) -> dict:
    qp = request.query_params
    return {k: (qp.get(k) or "").strip() for k in ("q", "status", "source", "tag", "sort")}


def _selection(request) -> dict:
    """The bulk bar's links: this very list (to come back to) and the same with every row ticked."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "select"]
    here = request.url.path + ("?" + urlencode(query) if query else "")
    return {
        "here": here,
        "select_all": request.query_params.get("select") == "all",
        "select_all_url": request.url.path + "?" + urlencode([*query, ("select", "all")]),
    }


async def contact_list(request):
    principal = await require_page(request)
    f = _filters(request)
    errors, items, next_cursor = {}, [], None
    try:
        items, next_cursor = await list_contacts(
            request.app.state.db,
            principal.workspace_id,
            limit=50,
            cursor=request.query_params.get("cursor"),
            sort=f["sort"] or None,
            **{k: f[k] or None for k in ("q", "status", "source", "tag")},
        )
    except ValidationError as exc:
        errors = exc.fields
    kept = {k: v for k, v in f.items() if v}
    names = await contacts.company_names(
        request.app.state.db, principal.workspace_id, [c["company_id"] for c in items]
    )
    ctx = {
        "contacts": items,
        "f": f,
        "errors": errors,
        "company_names": names,
        "statuses": contacts.STATUSES,
        # no sort: best match first while searching, newest first otherwise
        "sorts": [("", "Best match" if f["q"] else "Newest first")]
        + [(s, SORT_LABELS[s]) for s in SORT_CHOICES],
        "can_edit": principal.can_write,
        "next_url": url_path(request, "contacts") + "?" + urlencode({**kept, "cursor": next_cursor})
        if next_cursor
        else None,
        "csv_url": url_path(request, "api:contacts_csv_api")
        + ("?" + urlencode({k: v for k, v in kept.items() if k != "sort"}) if kept else ""),
        "filtered": any(f[k] for k in ("q", "status", "source", "tag")),
        **_selection(request),
    }
    return await render(
        request,
        "contacts/index.html",
        ctx,
        fragment="contacts/_results.html",
        status=422 if errors else 200,
    )


async def new_contact(request):
    principal = await require_page(request, write=True)
    values, errors, status = {"status": "lead"}, {}, 200
    if request.method == "POST":
        form = await read_form(request)
        values = {k: str(form.get(k) or "") for k in (*contacts.EDIT_KEYS, "tags")}
        try:
            data = {k: v for k, v in values.items() if v or k == "email"}
            data["tags"] = values["tags"].split(",") if values["tags"] else []
            contact = await contacts.create_contact(
                request.app.state.db, principal.workspace_id, data
            )
            return redirect(
                request, url_path(request, "contact_detail", id=contact["id"]), "Contact created."
            )
        except (ValidationError, Conflict) as exc:
            errors, status = (
                exc.fields or {"email": exc.message},
                409 if isinstance(exc, Conflict) else 422,
            )
    return await render(
        request,
        "contacts/new.html",
        {"values": values, "errors": errors, "statuses": contacts.STATUSES},
        status=status,
    )


async def _detail_ctx(request, principal, contact_id: str, **extra) -> dict:
    db, ws = request.app.state.db, principal.workspace_id
    contact = await contacts.get_contact(db, ws, contact_id)
    names = await contacts.company_names(db, ws, [contact["company_id"]])
    contact_deals, _ = await deals.list_deals(db, ws, contact_id=contact_id, limit=50)
    ctx = {
        "contact": contact,
        "company_name": names.get(contact["company_id"], ""),
        "timeline": await timeline.contact_timeline(db, ws, contact_id),
        "deals": contact_deals,
        "enrollments": await sequences.contact_enrollments(db, ws, contact_id),
        "campaigns": await contact_campaigns(db, ws, contact_id),
        **await consent_log_ctx(db, ws, contact_id),
        "statuses": contacts.STATUSES,
        # An erased contact is kept for its history; nothing personal is written back to it.
        "can_edit": principal.can_write and contact["status"] != ERASED_STATUS,
        "can_erase": has_role(principal.role, "admin"),
        "errors": {},
        "values": None,
        "note_error": None,
        "note_body": "",
        "merge_error": None,
        "merge_value": "",
        "tag_error": None,
    }
    ctx.update(extra)
    if ctx["values"] is None:
        ctx["values"] = {**contact, "company": ctx["company_name"]}
    return ctx


async def contact_detail(request):
    principal = await require_page(request)
    return await render(
        request,
        "contacts/detail.html",
        await _detail_ctx(request, principal, request.path_params["id"]),
    )


async def edit_contact(request):
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    values = {k: str(form.get(k) or "") for k in contacts.EDIT_KEYS}
    try:
        await contacts.update_contact(request.app.state.db, principal.workspace_id, cid, values)
    except (ValidationError, Conflict) as exc:
        errors = exc.fields or {"email": exc.message}
        ctx = await _detail_ctx(request, principal, cid, errors=errors, values=values)
        return await render(
            request, "contacts/detail.html", ctx, fragment="contacts/_edit.html", status=422
        )
    return redirect(request, url_path(request, "contact_detail", id=cid), "Contact saved.")


async def change_tags(request):
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    add = [t for t in str(form.get("add") or "").split(",") if t.strip()]
    remove = [str(form.get("remove"))] if form.get("remove") else []
    try:
        await contacts.change_tags(
            request.app.state.db, principal.workspace_id, cid, add=add, remove=remove
        )
    except ValidationError as exc:
        ctx = await _detail_ctx(
            request, principal, cid, tag_error=exc.fields.get("tags") or exc.message
        )
        return await render(
            request, "contacts/detail.html", ctx, fragment="contacts/_tags.html", status=422
        )
    if is_htmx(request):
        ctx = await _detail_ctx(request, principal, cid)
        return await render(request, "contacts/detail.html", ctx, fragment="contacts/_tags.html")
    return redirect(request, url_path(request, "contact_detail", id=cid), "Tags updated.")


async def add_note(request):
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    body = str(form.get("body") or "")
    try:
        await notes.add_note(
            request.app.state.db,
            principal.workspace_id,
            cid,
            body,
            principal.display_name,
            principal.account_id,
        )
    except ValidationError as exc:
        ctx = await _detail_ctx(
            request, principal, cid, note_error=exc.fields.get("body"), note_body=body
        )
        return await render(
            request, "contacts/detail.html", ctx, fragment="contacts/_notes.html", status=422
        )
    if is_htmx(request):
        return await render(
            request,
            "contacts/detail.html",
            await _detail_ctx(request, principal, cid),
            fragment="contacts/_notes.html",
        )
    return redirect(request, url_path(request, "contact_detail", id=cid), "Note added.")


async def merge_contact(request):
    """Merge another contact (given by email or id) into this one."""
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    other = str(form.get("other") or "")
    db, ws = request.app.state.db, principal.workspace_id
    try:
        details = await contact_merge.merge_contacts(db, ws, cid, other, principal.display_name)
    except (ValidationError, NotFound, Conflict) as exc:
        if isinstance(exc, NotFound) and not exc.fields:
            raise  # this contact is not in the workspace
        message = exc.fields.get("other_id") or exc.message
        ctx = await _detail_ctx(request, principal, cid, merge_error=message, merge_value=other)
        return await render(
            request, "contacts/detail.html", ctx, fragment="contacts/_merge.html", status=422
        )
    return redirect(
        request,
        url_path(request, "contact_detail", id=cid),
        f"Merged {details['merged_email']} into this contact.",
    )


routes = [
    Route("/contacts", contact_list, methods=["GET"], name="contacts"),
    Route("/contacts/new", new_contact, methods=["GET", "POST"], name="contact_new"),
    Route("/contacts/{id}", contact_detail, methods=["GET"], name="contact_detail"),
    Route("/contacts/{id}/edit", edit_contact, methods=["POST"], name="contact_edit"),
    Route("/contacts/{id}/tags", change_tags, methods=["POST"], name="contact_tags"),
    Route("/contacts/{id}/notes", add_note, methods=["POST"], name="contact_notes"),
    Route("/contacts/{id}/merge", merge_contact, methods=["POST"], name="contact_merge"),
]
