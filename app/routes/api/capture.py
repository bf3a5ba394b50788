"""The public submission endpoint (SPEC §5): POST + CORS preflight."""

from __future__ import annotations

from functools import lru_cache

from starlette.responses import JSONResponse

from app.errors import AppError
from app.services.capture import batch as capture_batch
from app.services.capture import pipeline as capture
from app.web.api import api_route, json_response, read_body
from app.web.client_ip import client_ip
from app.web.submission_input import (
    cors_headers,
    form_preflight,
    read_submission_body,
    submission_headers,
)

_SUBMISSION_BODY = {
    "type": "object",
    "description": "Field name -> value, plus the reserved keys _hp (honeypot), "
    "_experiment_id, _variant_id, _meta {page_url, referrer, utm_*} and _interactions "
    "{field: {focused, filled, time_ms}}. JSON, urlencoded or multipart.",
    "additionalProperties": True,
}


@lru_cache(maxsize=256)
def _encoded_cors_headers(allow_origin: str) -> tuple:
    """cors_headers as the response's raw header pairs, encoded once per origin."""
    return tuple(
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in cors_headers(allow_origin).items()
    )


def _error_response(error: AppError, cors: dict) -> JSONResponse:
    response = JSONResponse(
        error.body(), status_code=error.status, headers={**error.headers, **cors}
    )
    # Answered: drop the tracebacks (its own and those of the exceptions it was raised
    # from). Their frames reach back to the exception (the request's Incoming keeps what
    # pre_check found, the batch its results): a reference cycle that would hold the
    # body until the cyclic collector runs, which a served process does rarely
    # (app/main.tune_gc).
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            break
        seen.__traceback__, seen = None, seen.__context__
    return response


async def create_submission(request, _):
    """Submit a form (public, no auth). Answers 201 `{submission_id, message, redirect_url}`;
    404 unknown form, 410 paused/archived, 403 origin not allowed, 413 over 64 KB, 415 content
    type, 400 malformed, 422 field errors, 429 rate limited (Retry-After), 409 duplicate."""
    db, settings = request.app.state.db, request.app.state.settings
    origin, ctype, user_agent, own = submission_headers(request.scope)
    incoming = capture.Incoming(
        request.path_params["form_id"],
        ctype,
        b"",
        origin,
        own,
        client_ip(request.scope, settings.trusted_proxies),
        user_agent,
    )
    try:
        if ctype.split(";")[0].strip().lower() == "multipart/form-data":
            # multipart is parsed asynchronously, so the form is checked first (the order of §5 holds)
            capture.allowed_origin(
                await capture.public_form(db, incoming.form_id), origin, incoming.own_origin
            )
            incoming.body = await read_submission_body(request)
        else:
            incoming.raw = await read_body(request)  # capped at 64 KB by the middleware
        outcome = await capture_batch.submit(db, incoming)
    except AppError as exc:  # 404/410 (readable cross-site) and 403 (no CORS headers)
        return _error_response(exc, {} if exc.status == 403 else cors_headers(origin or "*"))
    if outcome.error is not None:
        return _error_response(outcome.error, cors_headers(outcome.cors))
    return json_response(
        outcome.body, status=outcome.status, headers=_encoded_cors_headers(outcome.cors)
    )


routes = [
    api_route(
        "/submissions/{form_id:str}",
        create_submission,
        methods=["POST"],
        public=True,
        body=_SUBMISSION_BODY,
        status=201,
        errors=(403, 404, 409, 410, 429),
        tags=["public"],
        hot=True,
    ),
    api_route(
        "/submissions/{form_id:str}",
        form_preflight,
        methods=["OPTIONS"],
        public=True,
        status=204,
        tags=["public"],
        name="preflight_submission",
        hot=True,
    ),
]
