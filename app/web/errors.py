"""Exceptions mapped once: JSON error bodies under /api, pages elsewhere, never a traceback."""

from __future__ import annotations

import logging
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Match, Mount, Route

from app.errors import AppError
from app.web.auth import LoginRequired
from app.web.render import is_htmx, render, url_path

log = logging.getLogger("formagent.errors")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
}
_MESSAGES = {
    404: "We could not find that page.",
    405: "That method is not allowed here.",
    500: "Something went wrong on our side. It has been logged; please try again.",
}


def _is_api(request) -> bool:
    return request.url.path.startswith(("/api/", "/ws/"))


async def _page(request, status: int, message: str, headers=None, fields=None):
    if is_htmx(request):
        # HTMX shows this text in a toast (static/js/app.js); it does not swap error bodies.
        return HTMLResponse(
            f'<p class="flash flash-error" role="alert">{_escape(message)}</p>',
            status_code=status,
            headers=headers,
        )
    template = f"errors/{status}.html" if status in (403, 404, 500) else "errors/error.html"
    try:
        return await render(
            request,
            template,
            {"status": status, "message": message, "fields": fields or {}},
            status=status,
            headers=headers,
        )
    except Exception:  # the error page itself must never fail
        log.exception("error page failed")
        return HTMLResponse(
            f"<h1>{status}</h1><p>{_escape(message)}</p>", status_code=status, headers=headers
        )


def _escape(text: str) -> str:
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


async def app_error(request, exc: AppError):
    if _is_api(request):
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)
    if isinstance(exc, LoginRequired):
        target = url_path(request, "login_page") + "?next=" + quote(request.url.path)
        if is_htmx(request):
            return HTMLResponse("", headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    return await _page(request, exc.status, exc.message, headers=exc.headers, fields=exc.fields)


def _matching_routes(routes, scope: dict, params: int = 0):
    """(path parameters in the template, methods) of every route whose path matches."""
    for route in routes:
        match, child = route.matches(scope)
        if match == Match.NONE:
            continue
        count = params + route.path.count("{")
        if isinstance(route, Mount):
            yield from _matching_routes(route.routes or [], {**scope, **child}, count)
        elif isinstance(route, Route):
            yield count, set(route.methods or ())


def allowed_methods(routes, scope: dict) -> set[str]:
    """The methods of the most specific templates matching this path: Starlette's
    own 405 names only the first route that matched, and our paths are often served
    by one route per method (GET, PUT and DELETE /api/forms/{id}). A literal path
    (/api/contacts/import) is its own resource, not an id of /api/contacts/{id}."""
    found = list(_matching_routes(routes, scope))
    fewest = min((count for count, _ in found), default=0)
    return set().union(*(methods for count, methods in found if count == fewest))


async def http_error(request, exc: HTTPException):
    status = exc.status_code
    headers = getattr(exc, "headers", None)
    if status == 405:
        fresh = {
            "type": "http",
            "path": request.url.path,
            "root_path": "",
            "method": request.method,
        }
        allow = allowed_methods(request.app.router.routes, fresh)
        headers = {**(headers or {}), "Allow": ", ".join(sorted(allow))}
    message = _MESSAGES.get(status) or (
        exc.detail if isinstance(exc.detail, str) else "Request refused."
    )
    if _is_api(request):
        body = {"error": {"code": _HTTP_CODES.get(status, "error"), "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    return await _page(request, status, message, headers=headers)


async def server_error(request, exc: Exception):
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if _is_api(request):
        return JSONResponse(
            {"error": {"code": "internal_error", "message": _MESSAGES[500]}}, status_code=500
        )
    return await _page(request, 500, _MESSAGES[500])


async def client_gone(request, exc: ClientDisconnect):
    # The client hung up mid-body: nobody reads this answer, and it is not our error to log.
    return Response(status_code=400)


EXCEPTION_HANDLERS = {
    AppError: app_error,
    HTTPException: http_error,
    ClientDisconnect: client_gone,
    Exception: server_error,
}
