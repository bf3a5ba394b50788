"""Reading a public submission's body, shared by the JSON endpoint
(POST /api/submissions/{id}) and the hosted page's plain POST (/f/{id}); the CORS
headers and preflight of the public POST endpoints (submissions, uploads, partials)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.responses import Response

from app.errors import AppError, BadRequest
from app.services.capture import pipeline as capture
from app.web.api import read_body


def cors_headers(allow_origin: str) -> dict:
    """CORS headers of a form's public POST endpoint for an allowed origin (or "*")."""
    headers = {
        "Access-Control-Allow-Origin": allow_origin,
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "600",
    }
    if allow_origin != "*":
        headers["Vary"] = "Origin"
    return headers


async def form_preflight(request, _):
    """CORS preflight: echoes an allowed origin (`*` when the form allows any); a refused
    origin, or a form that is not public, gets no CORS headers."""
    try:
        form = await capture.public_form(request.app.state.db, request.path_params["form_id"])
        allow = capture.allowed_origin(form, request.headers.get("origin"), own_origin(request))
    except AppError:
        return Response(status_code=204)
    return Response(status_code=204, headers=cors_headers(allow))


def own_origin(request) -> str:
    # from the scope: request.url would build and parse a whole URL on every submission
    return _origin(request.scope, request.headers.get("host", ""))


def _origin(scope, host: str) -> str:
    return f"{scope.get('scheme', 'http')}://{host}".lower()


_SUBMISSION_HEADERS = (b"origin", b"content-type", b"user-agent", b"host")


def submission_headers(scope) -> tuple[str | None, str, str | None, str]:
    """(Origin, Content-Type or "", User-Agent, own origin) of a submission, read in one
    pass over the raw headers (each first value, as Starlette's Headers.get gives it):
    four Headers.get calls each walk the list again, on every submission (SPEC §14)."""
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in _SUBMISSION_HEADERS and name not in found:
            found[name] = value.decode("latin-1")
    return (
        found.get(b"origin"),
        found.get(b"content-type", ""),
        found.get(b"user-agent"),
        _origin(scope, found.get(b"host", "")),
    )


async def read_submission_body(request) -> dict:
    """The body as a dict whatever its encoding (JSON, urlencoded, multipart): 400/415."""
    ctype = request.headers.get("content-type", "")
    raw = await read_body(request)  # the middleware caps it at 64 KB, chunked or not
    if ctype.split(";")[0].strip().lower() != "multipart/form-data":
        return capture.parse_body(ctype, raw)
    try:
        form = await request.form(max_files=0, max_fields=capture.MAX_KEYS * 5)
    except HTTPException as exc:
        raise BadRequest(
            f"The multipart body could not be read: {exc.detail}", code="malformed_body"
        ) from None
    body = capture.pairs_to_dict(form.multi_items())
    capture.check_key_count(body)
    return body
