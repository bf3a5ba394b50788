"""JSON API for contacts and companies (SPEC §12)."""

from __future__ import annotations

import json

from starlette.responses import StreamingResponse

from app.errors import BadRequest, UnsupportedMediaType, ValidationError
from app.services.crm import companies, contacts, csv_export, csv_import, notes, timeline
from app.services.crm import merge as contact_merge
from app.services.crm.search import build_query, list_contacts
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    read_json,
    updated_since_param,
)
from app.web.routing import IMPORT_BODY_BYTES

_CONTACT = {
    "email": S.email(),
    "name": S.text(max_length=200, nullable=True),
    "first_name": S.text(max_length=100, nullable=True),
    "last_name": S.text(max_length=100, nullable=True),
    "phone": S.text(max_length=50, nullable=True),
    "company": S.text(max_length=200, nullable=True, description="company name; found or created"),
    "company_id": S.id_of("company", nullable=True),
    "status": S.choice(contacts.STATUSES),
    "source": S.text(max_length=100, nullable=True),
    "tags": S.array(S.text(max_length=100), max_items=100),
    "custom_fields": S.obj({}, extra=True, description="up to 100 short values"),
}
CREATE_BODY = S.obj(_CONTACT, required=["email"])
UPDATE_BODY = S.obj(
    {
        **_CONTACT,
        **S.read_only_keys("id", "first_seen", "created_at"),
        **S.read_only_keys("touchpoints", "submission_count", "last_seen", computed=True),
        **S.read_only_keys("marketing_consent", "opt_in_status", computed=True),
    }
)
_IMPORT = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "contentMediaType": "text/csv", "description": "the CSV, UTF-8"},
        "mapping": {"type": "string", "description": 'JSON {"column": "email", ...}'},
        "dry_run": {"type": "string", "enum": ["true", "false"]},
        "skip_errors": {"type": "string", "enum": ["true", "false"]},
    },
}
MAX_UPLOAD = csv_import.MAX_BYTES + 64 * 1024


def list_filters(request) -> dict:
    qp = request.query_params
    return {
        "q": qp.get("q") or None,
        "status": qp.get("status") or None,
        "source": qp.get("source") or None,
        "tag": qp.get("tag") or None,
    }


async def list_contacts_api(request, principal):
    """List contacts, newest first. `q` searches the email (any part: "northwind" finds
    maria@northwind-traders.com), name and company (any part, three letters or more; the
    start of a word for shorter queries) and the start of a tag, ignoring case and accents;
    results come best match first (exact, then prefix, then other matches; ties most
    recently active first) unless `sort` or another filter is given. Filters `status`,
    `source`, `tag`; `sort` one of relevance, created_at, last_seen, name, email,
    submission_count (prefix `-` for descending); `updated_since` (ISO 8601) keeps those
    changed since then."""
    limit, cursor = list_params(request)
    items, next_cursor = await list_contacts(
        request.app.state.db,
        principal.workspace_id,
        limit=limit,
        cursor=cursor,
        sort=request.query_params.get("sort"),
        updated_since=updated_since_param(request),
        **list_filters(request),
    )
    return list_response(items, next_cursor)


async def create_contact_api(request, principal):
    """Create a contact by hand. 409 if the email already is a contact in this workspace."""
    data = await read_json(request)
    return json_response(
        await contacts.create_contact(request.app.state.db, principal.workspace_id, data), 201
    )


async def contacts_csv_api(request, principal):
    """Download contacts as CSV (same `q`/`status`/`source`/`tag` filters as the list);
    cells starting with = + - @ are prefixed with ' so spreadsheets do not run them."""
    filters = list_filters(request)
    build_query(principal.workspace_id, **filters)  # a bad filter is a 422 before the stream starts
    stream = csv_export.contacts_csv(request.app.state.db, principal.workspace_id, **filters)
    return StreamingResponse(
        stream,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="contacts.csv"'},
    )


async def _import_form(request):
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith("multipart/form-data"):
        raise UnsupportedMediaType("Send the CSV as multipart/form-data with a 'file' field.")
    if int(request.headers.get("content-length") or 0) > MAX_UPLOAD:
        raise csv_import.PayloadTooLarge(
            "The file is larger than 10 MB; split it into smaller files."
        )
    form = await request.form(max_files=1, max_fields=10)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise ValidationError(fields={"file": "Attach the CSV file in a field named 'file'."})
    mapping = None
    if form.get("mapping"):
        try:
            mapping = json.loads(form["mapping"])
        except (ValueError, RecursionError):
            raise BadRequest(
                'The mapping is not valid JSON; send {"column": "email", ...}.'
            ) from None
    return await upload.read(csv_import.MAX_BYTES + 1), mapping, form


def _flag(form, request, name: str) -> bool:
    value = form.get(name) or request.query_params.get(name) or ""
    return str(value).lower() in ("1", "true", "yes", "on")


async def import_contacts_api(request, principal):
    """Import contacts from a CSV (multipart/form-data: `file`, optional `mapping` JSON
    {column: email|name|first_name|last_name|phone|company|status|source|tags|custom|""}).
    `dry_run=true` answers the preview (detected mapping, per-row actions and errors).
    UTF-8 only (with or without BOM). Any row error refuses the whole file (422 listing
    rows, nothing imported) unless `skip_errors=true`; valid rows are written in batches,
    and importing the same file again creates no duplicates (rows match by email). Existing
    contacts (same email) only get their empty fields filled and new tags added."""
    raw, mapping, form = await _import_form(request)
    result = await csv_import.run_import(
        request.app.state.db,
        principal.workspace_id,
        raw,
        mapping,
        dry_run=_flag(form, request, "dry_run"),
        skip_errors=_flag(form, request, "skip_errors"),
        actor=principal.display_name,
        batch_rows=request.app.state.settings.import_batch_rows,
    )
    return json_response(result, 200 if result["dry_run"] else 201)


async def get_contact_api(request, principal):
    """One contact with its touchpoints."""
    return json_response(
        await contacts.get_contact(
            request.app.state.db, principal.workspace_id, request.path_params["id"]
        )
    )


async def update_contact_api(request, principal):
    """Edit a contact: only the keys sent change. `tags` replaces the tag list; a new
    `email` must not belong to another contact (409: merge them instead)."""
    db, ws, contact_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    data = await read_json(request, current=await contacts.get_contact(db, ws, contact_id))
    return json_response(await contacts.update_contact(db, ws, contact_id, data))


async def add_note_api(request, principal):
    """Append a note to a contact (notes cannot be edited or deleted)."""
    db, ws, cid = request.app.state.db, principal.workspace_id, request.path_params["id"]
    await contacts.get_contact(db, ws, cid)  # an unknown contact is a 404 before the body's 422
    body = (await read_json(request))["body"]
    note = await notes.add_note(db, ws, cid, body, principal.display_name, principal.account_id)
    return json_response(note, 201)


async def list_notes_api(request, principal):
    """A contact's notes, newest first."""
    db, ws, cid = request.app.state.db, principal.workspace_id, request.path_params["id"]
    await contacts.get_contact(db, ws, cid)
    return list_response(await notes.list_for_contact(db, ws, cid), None)


async def timeline_api(request, principal):
    """A contact's timeline: submissions, touchpoints (first/last touch marked), emails,
    notes, activities, deals and enrollments, newest first."""
    items = await timeline.contact_timeline(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return list_response(items, None)


async def merge_contact_api(request, principal):
    """Merge contact `other_id` into this one (not in SPEC §12's table; added for
    integrations). Submissions, notes, deals, touchpoints, activities, emails, tasks,
    enrollments and tags move here; empty fields are filled from the other; counts add
    up; the other contact is deleted; this contact keeps its email. Emits `contact_merged`.
    `other_id` may also be the other contact's email (as on the contact page)."""
    db, ws, cid = request.app.state.db, principal.workspace_id, request.path_params["id"]
    await contacts.get_contact(db, ws, cid)  # an unknown contact is a 404 before the body's 422
    other = (await read_json(request))["other_id"]
    await contact_merge.merge_contacts(db, ws, cid, other, principal.display_name)
    return json_response(await contacts.get_contact(db, ws, cid))


async def list_companies_api(request, principal):
    """List companies, newest first; `q` matches the start of the name or domain."""
    limit, cursor = list_params(request)
    items, next_cursor = await companies.list_companies(
        request.app.state.db,
        principal.workspace_id,
        q=request.query_params.get("q"),
        limit=limit,
        cursor=cursor,
    )
    return list_response([companies.company_shape(c) for c in items], next_cursor)


async def get_company_api(request, principal):
    """One company (id, name, domain, created_at) plus `contacts`, `deals` and
    `submissions` (newest 100 of each; submissions as id, form_id, form_name,
    contact_id, status, created_at)."""
    return json_response(
        await companies.company_detail(
            request.app.state.db, principal.workspace_id, request.path_params["id"]
        )
    )


R, W = "contacts:read", "contacts:write"
routes = [
    api_route(
        "/contacts",
        list_contacts_api,
        methods=["GET"],
        scope=R,
        tags=["contacts"],
        paged=True,
        updated_since=True,
    ),
    api_route(
        "/contacts",
        create_contact_api,
        methods=["POST"],
        scope=W,
        body=CREATE_BODY,
        status=201,
        errors=(404, 409),
        name="create_contact_api",
        tags=["contacts"],
    ),
    api_route("/contacts.csv", contacts_csv_api, methods=["GET"], scope=R, tags=["contacts"]),
    api_route(
        "/contacts/import",
        import_contacts_api,
        methods=["POST"],
        scope=W,
        body=_IMPORT,
        content_type="multipart/form-data",
        status=201,
        errors=(200,),
        tags=["contacts"],
        max_body=IMPORT_BODY_BYTES,
    ),
    api_route("/contacts/{id}", get_contact_api, methods=["GET"], scope=R, tags=["contacts"]),
    api_route(
        "/contacts/{id}",
        update_contact_api,
        methods=["PUT"],
        scope=W,
        body=UPDATE_BODY,
        errors=(409,),
        name="update_contact_api",
        tags=["contacts"],
    ),
    api_route("/contacts/{id}/notes", list_notes_api, methods=["GET"], scope=R, tags=["contacts"]),
    api_route(
        "/contacts/{id}/notes",
        add_note_api,
        methods=["POST"],
        scope=W,
        body=S.obj(
            {
                "body": S.text(
                    max_length=notes.MAX_NOTE_LENGTH,
                    non_empty=True,
                    **{"x-messages": {"minLength": notes.EMPTY_NOTE, "maxLength": notes.LONG_NOTE}},
                )
            },
            required=["body"],
        ),
        status=201,
        tags=["contacts"],
    ),
    api_route("/contacts/{id}/timeline", timeline_api, methods=["GET"], scope=R, tags=["contacts"]),
    api_route(
        "/contacts/{id}/merge",
        merge_contact_api,
        methods=["POST"],
        scope=W,
        body=S.obj(
            {
                "other_id": S.text(
                    max_length=254,
                    non_empty=True,
                    description="the other contact's id (`contact_…`) or email",
                    **{"x-messages": {"minLength": contact_merge.MISSING_OTHER}},
                )
            },
            required=["other_id"],
        ),
        errors=(409,),
        tags=["contacts"],
    ),
    api_route(
        "/companies",
        list_companies_api,
        methods=["GET"],
        scope=R,
        tags=["companies"],
        paged=True,
    ),
    api_route("/companies/{id}", get_company_api, methods=["GET"], scope=R, tags=["companies"]),
]
