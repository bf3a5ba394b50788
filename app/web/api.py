"""The JSON API's plumbing: routes with auth + scope, body parsing, the list envelope."""

from __future__ import annotations

import json
from datetime import UTC

from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.db.clock import iso, parse_iso
from app.db.connection import prebuilt_encoder
from app.db.pagination import parse_limit
from app.errors import BadRequest, UnsupportedMediaType, ValidationError
from app.services.platform import idempotency
from app.services.platform.json_body import parse_json_bytes
from app.web.auth import get_principal, require_api
from app.web.routing import declare
from app.web.schema import validate_body


def api_route(
    path: str,
    endpoint,
    *,
    methods: list[str],
    scope: str | None = None,
    public: bool = False,
    name: str | None = None,
    body: dict | bool | None = None,
    tags: list[str] | None = None,
    auth: str = "principal",
    max_body: int | None = None,
    status: int | None = None,
    errors: tuple[int, ...] = (),
    paged: bool = False,
    optional_body: bool = False,
    content_type: str = "application/json",
    updated_since: bool = False,
    hot: bool = False,
) -> Route:
    """A JSON endpoint. ``endpoint(request, principal)`` gets the checked caller
    (``None`` when public; the CSRF check and the 64 KB public body cap follow
    from ``public``, see app/web/routing.py). Its docstring and ``body`` (a schema
    built with app.web.schema) feed the OpenAPI document, and ``read_json``
    validates the body against that same schema. A writing method must say
    ``body=`` (or ``body=False`` when it takes none). ``status`` is the success
    status (204 for DELETE, else 200 unless given); ``errors`` the statuses the
    endpoint's own rules answer (409, 410, 429...) beyond those derived from the
    declaration; ``paged`` documents ``limit``/``cursor``; ``optional_body`` lets
    the body be left out (read as ``{}``). ``auth="none"`` passes no principal and
    checks nothing (sign-up, log-in). ``hot`` routes (the per-visitor public ones) are
    found by a dict lookup ahead of the other routes (app/web/routing.HotRouter).

    Every POST that acts for a workspace honours ``Idempotency-Key`` here, once
    for all routes (SPEC §18, app/services/platform/idempotency.py)."""
    if body is None and set(methods) & {"POST", "PUT", "PATCH"}:
        raise TypeError(f"{path}: declare body= (a schema, or False) for {methods}")

    async def handler(request):
        if public:  # no workspace to hold an Idempotency-Key: straight to the endpoint
            return await endpoint(request, None)
        if auth == "none":
            principal = None
            if request.method == "POST":
                principal = await _optional_principal(request)  # guarded inside (api keys...)
            return await _idempotent(request, principal, lambda: endpoint(request, None))
        principal = await require_api(request, scope)
        return await _idempotent(request, principal, lambda: endpoint(request, principal))

    # What read_json checks the body against, found through the request's scope["endpoint"]
    # (the router puts this handler there): nothing to set per request.
    handler.body_schema = body if isinstance(body, dict) else None
    handler.body_optional = optional_body
    route = Route(path, handler, methods=methods, name=name or endpoint.__name__)
    route.hot = hot
    route.openapi = {
        "idempotent": "POST" in methods and not public,
        "updated_since": updated_since,
        "scope": scope,
        "public": public or auth == "none",
        "doc": endpoint.__doc__ or "",
        "body": body,
        "tags": tags,
        "status": status or (204 if methods == ["DELETE"] else 200),
        "errors": tuple(errors),
        "paged": paged,
        "optional_body": optional_body,
        "content_type": content_type,
    }
    return declare(route, public=public, max_body=max_body)


async def read_body(request) -> bytes:
    """What ``await request.body()`` returns, read by a plain loop over ``receive``:
    Starlette's goes through an async generator and a context manager, about 3 us per
    request on the public endpoints' hot path (SPEC §14). The body is kept where
    Starlette keeps it, so ``request.body()`` and ``request.form()`` get it afterwards;
    a body Starlette has already read (or begun to stream) is left to Starlette."""
    if hasattr(request, "_body") or request._stream_consumed:
        return await request.body()
    chunks = []
    more = True
    while more:
        message = await request.receive()
        if message["type"] == "http.request":
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        elif message["type"] == "http.disconnect":
            request._is_disconnected = True
            raise ClientDisconnect()
    body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    request._body, request._stream_consumed = body, True  # Starlette's own cache of it
    return body


async def read_json(request, *, current: dict | None = None) -> dict:
    """The request's JSON object, checked against the route's declared schema; 415
    unless application/json (SPEC §3). For a PUT pass ``current``, the resource as
    its GET returns it: keys sent back unchanged are dropped, a changed read-only
    key is a 422 naming it."""
    raw = await read_body(request)
    handler = request.scope.get("endpoint")
    if not raw and getattr(handler, "body_optional", False):
        value = {}
    else:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise UnsupportedMediaType("Send the body as application/json.")
        value = parse_json_bytes(raw)
        if not isinstance(value, dict):
            raise BadRequest("The body must be a JSON object.", code="malformed_body")
    schema = getattr(handler, "body_schema", None)
    return validate_body(schema, value, current) if schema else value


# Starlette's JSONResponse options (NaN refused: an answer must be valid JSON), with the
# encoder built once instead of per response.
_ENCODE = prebuilt_encoder(
    json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
)


class ApiJSONResponse(JSONResponse):
    """The API's JSON answer: Starlette's, rendered by the prebuilt encoder, and taking
    headers already encoded (a tuple of ``(bytes, bytes)`` pairs, e.g. the submission
    endpoint's CORS headers, encoded once per origin) as well as a dict."""

    def render(self, content) -> bytes:
        return _ENCODE(content).encode("utf-8")

    def init_headers(self, headers=None) -> None:
        if isinstance(headers, tuple):
            super().init_headers(None)
            self.raw_headers[:0] = headers
        else:
            super().init_headers(headers)


def json_response(data, status: int = 200, headers: dict | tuple | None = None) -> JSONResponse:
    return ApiJSONResponse(data, status_code=status, headers=headers)


def no_content() -> Response:
    return Response(status_code=204)


def list_params(request) -> tuple[int, str | None]:
    """The page size, and the cursor as sent: the listing service decodes it."""
    return parse_limit(request.query_params.get("limit")), request.query_params.get("cursor")


def list_response(items: list, next_cursor: str | None) -> JSONResponse:
    return ApiJSONResponse({"data": items, "next_cursor": next_cursor})


async def _optional_principal(request):
    if idempotency.HEADER.lower() not in request.headers:
        return None
    return await get_principal(request)


async def _idempotent(request, principal, run):
    """Run the endpoint, or replay its first answer for a repeated Idempotency-Key."""
    raw_key = request.headers.get(idempotency.HEADER)
    workspace_id = getattr(principal, "workspace_id", None)
    if request.method != "POST" or raw_key is None or workspace_id is None:
        return await run()
    key = idempotency.check_key(raw_key)
    db = request.app.state.db
    fingerprint = idempotency.request_hash("POST", request.url.path, await read_body(request))
    stored = await idempotency.begin(db, workspace_id, key, fingerprint)
    if stored is not None:
        return Response(
            stored.body,
            status_code=stored.status,
            media_type=stored.content_type,
            headers={"Idempotent-Replayed": "true"},
        )
    try:
        response = await run()
    except BaseException:
        await idempotency.release(db, workspace_id, key)
        raise
    body = getattr(response, "body", None)
    if response.status_code >= 500 or not isinstance(body, bytes):
        await idempotency.release(db, workspace_id, key)  # nothing to replay: run again next time
        return response
    await idempotency.finish(
        db, workspace_id, key, response.status_code, body, response.headers.get("content-type")
    )
    return response


def updated_since_param(request) -> str | None:
    """``?updated_since=`` as a stored timestamp (UTC, text-comparable), or a 422."""
    raw = request.query_params.get("updated_since")
    if raw is None or raw == "":
        return None
    try:
        moment = parse_iso(raw.strip().replace(" ", "+"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return iso(moment)
    except (ValueError, OverflowError):
        raise ValidationError(
            "updated_since must be an ISO 8601 date or date-time, e.g. 2026-01-31T09:00:00Z.",
            fields={"updated_since": "an ISO 8601 date or date-time"},
        ) from None
