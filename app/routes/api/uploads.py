"""The public upload endpoint (SPEC §17): one visitor's file for a form's file field."""

from __future__ import annotations

from dataclasses import asdict

from starlette.responses import JSONResponse

from app.errors import AppError
from app.services.capture import pipeline as capture
from app.services.files.uploads import receive_upload
from app.web.api import api_route, json_response
from app.web.client_ip import client_ip
from app.web.submission_input import cors_headers, form_preflight, own_origin
from app.web.upload_input import UPLOAD_BODY_BYTES, read_upload

_UPLOAD_BODY = {
    "type": "object",
    "description": "multipart/form-data with two parts: `field` (the file field's name) and "
    "`file` (the file; its type is read from its bytes, not its name).",
    "additionalProperties": True,
}


async def create_upload(request, _):
    """Upload one file for a form's file field (public, no auth; the form's allowed origins
    apply). Answers 201 `{token, name, size, content_type}`: send the token as the field's
    value (a list of tokens) with the submission within 24 hours. 413 over the field's
    size limit, 422 a type the field does not take (read from the bytes: a `.png` holding
    HTML is refused) or an unknown field, 415 not multipart, 429 too many uploads."""
    db, settings = request.app.state.db, request.app.state.settings
    origin = request.headers.get("origin")
    try:
        form = await capture.public_form(db, request.path_params["form_id"])
        allow = capture.allowed_origin(form, origin, own_origin(request))
    except AppError as exc:  # 404/410 readable cross-site; 403 without CORS headers
        headers = {} if exc.status == 403 else cors_headers(origin or "*")
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)
    try:
        field, name, content = await read_upload(request)
        received = await receive_upload(
            db,
            settings.data_dir,
            form,
            field,
            name,
            content,
            ip=client_ip(request.scope, settings.trusted_proxies),
        )
    except AppError as exc:
        return JSONResponse(
            exc.body(), status_code=exc.status, headers={**exc.headers, **cors_headers(allow)}
        )
    return json_response(asdict(received), status=201, headers=cors_headers(allow))


routes = [
    api_route(
        "/forms/{form_id:str}/uploads",
        create_upload,
        methods=["POST"],
        public=True,
        body=_UPLOAD_BODY,
        status=201,
        errors=(403, 404, 410, 413, 415, 422, 429),
        tags=["public"],
        max_body=UPLOAD_BODY_BYTES,
        content_type="multipart/form-data",
    ),
    api_route(
        "/forms/{form_id:str}/uploads",
        form_preflight,
        methods=["OPTIONS"],
        public=True,
        status=204,
        tags=["public"],
        name="preflight_upload",
    ),
]
