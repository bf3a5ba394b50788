"""The JSON API's plumbing: routes with auth + scope, body parsing, the list envelope."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.db.pagination import parse_limit
from app.errors import BadRequest, UnsupportedMediaType, ValidationError
from app.services.platform.json_body import parse_json_bytes
from app.web.auth import require_api
from app.web.routing import declare


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
    max_body: int | None = None,
) -> Route:
    """A JSON endpoint. ``endpoint(request, principal)`` gets the checked caller
    (``None`` when public; the CSRF check and the 64 KB public body cap follow
    from ``public``, see app/web/routing.py). Its docstring and ``body`` (a JSON schema) feed the
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
    return declare(route, public=public, max_body=max_body)


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


def only_keys(body: dict, allowed: tuple[str, ...]) -> dict:
    """Refuse unknown keys: a misplaced one (``timezone`` outside ``settings``) must not vanish silently."""
    unknown = [k for k in body if k not in allowed]
    if unknown:
        raise ValidationError(
            fields={k: f"Unknown field; send {', '.join(allowed)}." for k in unknown}
        )
    return body


def json_response(data, status: int = 200, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=headers)


def no_content() -> Response:
    return Response(status_code=204)


def list_params(request) -> tuple[int, str | None]:
    """The page size, and the cursor as sent: the listing service decodes it."""
    return parse_limit(request.query_params.get("limit")), request.query_params.get("cursor")


def list_response(items: list, next_cursor: str | None) -> JSONResponse:
    return JSONResponse({"data": items, "next_cursor": next_cursor})
