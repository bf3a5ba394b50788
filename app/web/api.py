"""The JSON API's plumbing: routes with auth + scope, body parsing, the list envelope."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.db.pagination import parse_limit
from app.errors import BadRequest, UnsupportedMediaType
from app.services.platform.json_body import parse_json_bytes
from app.web.auth import require_api
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
    checks nothing (sign-up, log-in)."""
    if body is None and set(methods) & {"POST", "PUT", "PATCH"}:
        raise TypeError(f"{path}: declare body= (a schema, or False) for {methods}")

    async def handler(request):
        request.state.body_schema = body if isinstance(body, dict) else None
        request.state.body_optional = optional_body
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
        "status": status or (204 if methods == ["DELETE"] else 200),
        "errors": tuple(errors),
        "paged": paged,
        "optional_body": optional_body,
        "content_type": content_type,
    }
    return declare(route, public=public, max_body=max_body)


async def read_json(request, *, current: dict | None = None) -> dict:
    """The request's JSON object, checked against the route's declared schema; 415
    unless application/json (SPEC §3). For a PUT pass ``current``, the resource as
    its GET returns it: keys sent back unchanged are dropped, a changed read-only
    key is a 422 naming it."""
    raw = await request.body()
    if not raw and getattr(request.state, "body_optional", False):
        value = {}
    else:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise UnsupportedMediaType("Send the body as application/json.")
        value = parse_json_bytes(raw)
        if not isinstance(value, dict):
            raise BadRequest("The body must be a JSON object.", code="malformed_body")
    schema = getattr(request.state, "body_schema", None)
    return validate_body(schema, value, current) if schema else value


def json_response(data, status: int = 200, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=headers)


def no_content() -> Response:
    return Response(status_code=204)


def list_params(request) -> tuple[int, str | None]:
    """The page size, and the cursor as sent: the listing service decodes it."""
    return parse_limit(request.query_params.get("limit")), request.query_params.get("cursor")


def list_response(items: list, next_cursor: str | None) -> JSONResponse:
    return JSONResponse({"data": items, "next_cursor": next_cursor})
