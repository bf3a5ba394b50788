"""Partial submissions in the API (SPEC §17): the public save that embed.js calls while a
visitor types, its CORS preflight, and the members' list of a form's partials."""

from __future__ import annotations

from starlette.responses import JSONResponse

from app.errors import AppError
from app.services.capture import partials
from app.services.capture import pipeline as capture
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, read_json
from app.web.client_ip import client_ip
from app.web.submission_input import cors_headers, form_preflight, own_origin

MAX_BODY = 16 * 1024  # unfinished answers are small; the submission has its own 64 KB
_SAVE = S.obj(
    {
        "resume_token": S.text(
            max_length=100, nullable=True, description="the token a previous save answered"
        ),
        "data": S.obj({}, extra=True, description="field name -> value typed so far"),
        "step": S.integer(1, 100, nullable=True, description="the step on screen (1-based)"),
        "page_url": S.text(
            max_length=2000, nullable=True, description="the page the form is on (follow-up link)"
        ),
    },
    required=["data"],
)


async def save_partial(request, _):
    """Save a visitor's unfinished answers (public, origin-checked like submissions). Saved only
    once `data` holds a valid email; answers `{resume_token}`: send it with the next save (the same
    partial is updated) and as `_resume_token` with the submission (which removes the partial).
    409 when the form has partial submissions off, 422 without a valid email, 429 rate limited."""
    db, settings = request.app.state.db, request.app.state.settings
    origin = request.headers.get("origin")
    headers = cors_headers(origin or "*")
    try:
        form = await capture.public_form(db, request.path_params["form_id"])
        allow = capture.allowed_origin(form, origin, own_origin(request))
        headers = cors_headers(allow)
        body = await read_json(request)
        result = await partials.save_partial(
            db, form, body, ip=client_ip(request.scope, settings.trusted_proxies)
        )
    except AppError as exc:  # readable by the visitor's page, except a refused origin
        extra = {} if exc.status == 403 else headers
        return JSONResponse(exc.body(), status_code=exc.status, headers={**exc.headers, **extra})
    return json_response(result, headers=headers)


async def list_form_partials(request, principal):
    """A form's partial submissions, newest first: `?status=open` (still being filled in) or
    `abandoned` (left past the form's delay). Each has the visitor's `email` and `name`, the answers
    so far, how far they got (`step` of `steps_total`, `last_field`, and `progress` in words) and
    the `follow_up` email's status."""
    limit, cursor = list_params(request)
    items, next_cursor = await partials.list_partials(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["form_id"],
        status=request.query_params.get("status") or None,
        cursor=cursor,
        limit=limit,
    )
    return list_response(items, next_cursor)


routes = [
    api_route(
        "/forms/{form_id}/partials",
        save_partial,
        methods=["POST"],
        public=True,
        body=_SAVE,
        max_body=MAX_BODY,
        errors=(403, 404, 409, 410, 429),
        tags=["public"],
    ),
    api_route(
        "/forms/{form_id}/partials",
        form_preflight,
        methods=["OPTIONS"],
        public=True,
        status=204,
        tags=["public"],
        name="preflight_partial",
    ),
    api_route(
        "/forms/{form_id}/partials",
        list_form_partials,
        methods=["GET"],
        scope="submissions:read",
        tags=["submissions"],
        paged=True,
    ),
]
