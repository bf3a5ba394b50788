"""The JSON API's plumbing: routes with auth + scope, body parsing, the list envelope."""

from __future__ import annotations

import json

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.db.pagination import parse_limit
from app.errors import BadRequest, UnsupportedMediaType
from app.web.auth import require_api

MAX_JSON_DEPTH = 8


def api_route(
    path: str,
    endpoint,
    *,
    methods: list[str],
    scope: str | None = None,
    public: bool = False,
    name: str | None = None,
    body: dict | None = None,
    tags: list[str] | None = None,
    auth: str = "principal",
) -> Route:
    """A JSON endpoint. ``endpoint(request, principal)`` gets the checked caller
    (``None`` when public). Its docstring and ``body`` (a JSON schema) feed the
    OpenAPI document. ``auth="none"`` passes no principal and checks nothing
    (sign-up, log-in)."""

    async def handler(request):
        if public or auth == "none":
            return await endpoint(request, None)
        return await endpoint(request, await require_api(request, scope))

    route = Route(path, handler, methods=methods, name=name or endpoint.__name__)
    route.openapi = {
        "scope": scope,
        "public": public or auth == "none",
        "doc": endpoint.__doc__ or "",
        "body": body,
        "tags": tags,
    }
    return route


def _too_deep(value, limit: int) -> bool:
    """True when ``value`` nests more than ``limit`` levels (iterative: no recursion to exhaust)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if level > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return False


def _no_constants(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse_json_bytes(raw: bytes):
    """Decode a JSON body: 400 for malformed, lone surrogates, NaN/Infinity
    (they could be stored but never sent back), or nesting over 8 levels."""
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_no_constants)
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # lone surrogates fail here
    except UnicodeError:
        raise BadRequest(
            "The body is not valid UTF-8 text (or holds a lone surrogate).", code="malformed_body"
        ) from None
    except RecursionError:  # nested so deep that the decoder gave up
        raise BadRequest(
            f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.", code="too_deep"
        ) from None
    except ValueError as exc:
        raise BadRequest(f"The body is not valid JSON: {exc}.", code="malformed_body") from None
    if _too_deep(value, MAX_JSON_DEPTH):
        raise BadRequest(
            f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.", code="too_deep"
        )
    return value


async def read_json(request, *, required: bool = True) -> dict:
    """The request's JSON object; 415 unless application/json (SPEC §3)."""
    raw = await request.body()
    if not raw and not required:
        return {}
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise UnsupportedMediaType("Send the body as application/json.")
    value = parse_json_bytes(raw)
    if not isinstance(value, dict):
        raise BadRequest("The body must be a JSON object.", code="malformed_body")
    return value


def json_response(data, status: int = 200, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=headers)


def no_content() -> Response:
    return Response(status_code=204)


def list_params(request) -> tuple[int, str | None]:
    """The page size, and the cursor as sent: the listing service decodes it."""
    return parse_limit(request.query_params.get("limit")), request.query_params.get("cursor")


def list_response(items: list, next_cursor: str | None) -> JSONResponse:
    return JSONResponse({"data": items, "next_cursor": next_cursor})
