"""Forms in the JSON API (SPEC §12): generate, CRUD, embed."""

from __future__ import annotations

from app.errors import ValidationError
from app.services.forms import forms
from app.services.forms.config import (
    FIELD_TYPES,
    FLOWS,
    FORM_STATUSES,
    FORM_TYPES,
    MAX_DESCRIPTION,
)
from app.services.forms.public import embed_info
from app.web.api import api_route, json_response, list_params, list_response, no_content, read_json

_FIELD = {
    "type": "object",
    "required": ["name", "type"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,49}$"},
        "type": {"enum": list(FIELD_TYPES)},
        "label": {"type": "string"},
        "placeholder": {"type": "string"},
        "help": {"type": "string"},
        "required": {"type": "boolean"},
        "options": {"type": "array", "items": {"type": "string"}},
        "min": {},
        "max": {},
        "max_length": {"type": "integer"},
        "regex": {"type": "string"},
        "default": {},
    },
}
_FORM = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "maxLength": 120},
        "slug": {"type": "string"},
        "description": {"type": "string"},
        "status": {"enum": list(FORM_STATUSES)},
        "type": {"enum": list(FORM_TYPES)},
        "flow_id": {"enum": list(FLOWS)},
        "assignment": {
            "type": ["object", "null"],
            "properties": {"type": {"enum": ["handler", "group"]}, "id": {"type": "string"}},
        },
        "fields": {"type": "array", "items": _FIELD},
        "field_mapping": {"type": "object"},
        "auto": {"type": "object"},
        "agent": {"type": "object"},
        "security": {"type": "object"},
        "response": {"type": "object"},
        "autopilot": {"type": "boolean"},
    },
}
_GENERATE = {
    "type": "object",
    "required": ["description"],
    "properties": {
        "description": {"type": "string", "maxLength": MAX_DESCRIPTION},
        "draft": {"type": "object"},
    },
}


def _description(body: dict) -> str:
    text = body.get("description")
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(
            fields={
                "description": "Describe the form you want, e.g. “a demo request form for "
                "an AI consulting firm”."
            }
        )
    return text.strip()


async def generate_form(request, principal):
    """Generate a form config draft from a description (and refine a previous `draft`); nothing is saved."""
    body = await read_json(request)
    description, draft = _description(body), body.get("draft")
    if draft is not None and not isinstance(draft, dict):
        raise ValidationError(
            fields={"draft": "Send the previous draft object as returned by this endpoint."}
        )
    result = await forms.generate_draft(
        request.app.state.llm, description, draft, workspace_id=principal.workspace_id
    )
    return json_response({"draft": result})


async def create_form(request, principal):
    """Create a form from a config (validated; a taken slug answers 409)."""
    body = await read_json(request)
    form = await forms.create_form(
        request.app.state.db, principal.workspace_id, body, actor_id=principal.account_id
    )
    return json_response(form, status=201)


async def list_forms(request, principal):
    """List forms, newest first, with `stats` {submissions, views, starts, conversion}; `?status=` filters
    (archived forms only with `status=archived` or `status=all`)."""
    limit, cursor = list_params(request)
    items, next_cursor = await forms.list_forms(
        request.app.state.db,
        principal.workspace_id,
        status=request.query_params.get("status"),
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def get_form(request, principal):
    """One form with its full config and `stats`."""
    db, form_id = request.app.state.db, request.path_params["form_id"]
    form = await forms.get_form(db, principal.workspace_id, form_id)
    form["stats"] = await forms.form_stats(db, principal.workspace_id, form_id)
    return json_response(form)


async def update_form(request, principal):
    """Update a form: the top-level keys sent replace the current ones; the result is validated as a whole."""
    body = await read_json(request)
    form = await forms.update_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"], body
    )
    return json_response(form)


async def archive_form(request, principal):
    """Archive a form (its schema answers 404 and submissions 410 from now on)."""
    await forms.archive_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return no_content()


async def form_embed(request, principal):
    """The embed snippet, the hosted page URL and the script URL of a form."""
    form = await forms.get_form(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return json_response(
        {**embed_info(request.app.state.settings.base_url, form["id"]), "status": form["status"]}
    )


routes = [
    api_route(
        "/forms/generate",
        generate_form,
        methods=["POST"],
        scope="forms:write",
        body=_GENERATE,
        tags=["forms"],
    ),
    api_route(
        "/forms", create_form, methods=["POST"], scope="forms:write", body=_FORM, tags=["forms"]
    ),
    api_route("/forms", list_forms, methods=["GET"], scope="forms:read", tags=["forms"]),
    api_route("/forms/{form_id}", get_form, methods=["GET"], scope="forms:read", tags=["forms"]),
    api_route(
        "/forms/{form_id}",
        update_form,
        methods=["PUT"],
        scope="forms:write",
        body=_FORM,
        tags=["forms"],
    ),
    api_route(
        "/forms/{form_id}", archive_form, methods=["DELETE"], scope="forms:write", tags=["forms"]
    ),
    api_route(
        "/forms/{form_id}/embed", form_embed, methods=["GET"], scope="forms:read", tags=["forms"]
    ),
]
