"""Pure ASGI middleware (streams keep working): body cap, security headers, CSRF."""

from __future__ import annotations

import hmac
import json
import re
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

from app.errors import PayloadTooLarge
from app.web.auth import (
    ANON_COOKIE,
    SESSION_COOKIE,
    csrf_token_for_seed,
    sign_cookie,
    unsign_cookie,
)
from app.web.routing import RoutePolicy, policy_for

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookies(scope) -> dict:
    raw = _header(scope, b"cookie")
    if not raw:
        return {}
    jar = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:
        return {}
    return {k: m.value for k, m in jar.items()}


async def _send_error(send, scope, status: int, code: str, message: str, headers=()):
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        ctype = b"application/json"
    else:
        body = (
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Error</title>"
            '<link rel="stylesheet" href="/static/css/app.css"></head><body class="error-page"><main class="narrow">'
            f'<h1>{status}</h1><p>{message}</p><p><a href="/">Back to FormAgent</a></p></main></body></html>'
        ).encode()
        ctype = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", ctype),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


_NO_POLICY = object()


def _route_policy(scope, policies: list[RoutePolicy]) -> RoutePolicy | None:
    """The declared policy of the route answering this request, looked up once per request
    (the body cap and the CSRF check both ask; each lookup tries the routes' patterns)."""
    state = scope.setdefault("state", {})
    policy = state.get("route_policy", _NO_POLICY)
    if policy is _NO_POLICY:
        policy = state["route_policy"] = policy_for(policies, scope["method"], scope["path"])
    return policy


class BodyTooLarge(PayloadTooLarge):
    """Raised from ``receive`` once a body passes its cap. An AppError, so the
    exception handlers answer 413 even when an endpoint is reading the body."""


class BodyLimitMiddleware:
    """Caps request bodies, chunked ones included: what the route declares
    (64 KB on public routes, 20 MB for imports; app/web/routing.py), else the default."""

    def __init__(self, app, default_bytes: int, policies: list[RoutePolicy]):
        self.app, self.default_bytes, self.policies = app, default_bytes, policies

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = _route_policy(scope, self.policies)
        limit = policy.max_body if policy else self.default_bytes
        if callable(limit):  # a route whose cap depends on the request (app/web/routing.py)
            limit = await limit(scope)
        message = f"The request body is over {limit // 1024} KB."
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > limit:
            return await _send_error(send, scope, 413, "payload_too_large", message)
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(message)
            return event

        async def tracking_send(event):
            nonlocal started
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        scope.setdefault("state", {})["body_limit"] = limit
        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_error(send, scope, 413, "payload_too_large", message)


class ErrorGuardMiddleware:
    """Turns an unhandled exception into the 500 page / JSON error *inside* the
    security-headers middleware (Starlette's own ServerErrorMiddleware sits
    outside every user middleware, so its pages would go out bare)."""

    def __init__(self, app, handler):
        self.app, self.handler = app, handler

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(event):
            nonlocal started
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:  # a stream broke mid-way: nothing sensible can be sent any more
                raise
            from starlette.requests import Request

            response = await self.handler(Request(scope, receive), exc)
            await response(scope, receive, send)


class SecurityHeadersMiddleware:
    CSP = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
    )
    # The hosted form posts only to itself; who may frame it is the form's allowed origins
    # (hosted_csp). Without a form to ask (404/410 pages) any site may frame the notice.
    # Images may come from any https address: the workspace's logo (an https URL setting).
    HOSTED_CSP = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        "connect-src 'self'; form-action 'self' https: http:; base-uri 'self'; object-src 'none'; frame-ancestors *"
    )

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        hosted = scope["path"].startswith("/f/")

        async def send_with_headers(event):
            if event["type"] == "http.response.start":
                headers = list(event.get("headers", []))
                names = {k.lower() for k, _ in headers}
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"strict-origin-when-cross-origin"))
                if ctype.startswith(b"text/html"):
                    if b"content-security-policy" not in names:
                        headers.append(
                            (
                                b"content-security-policy",
                                (self.HOSTED_CSP if hosted else self.CSP).encode(),
                            )
                        )
                    if not hosted:
                        headers.append((b"x-frame-options", b"DENY"))
                event = {**event, "headers": headers}
            await send(event)

        await self.app(scope, receive, send_with_headers)


def hosted_csp(allowed_origins) -> str:
    """The hosted page's CSP for a form: framing follows its allowed origins (SPEC §4:
    empty = any site), so a site the form refuses cannot frame it and overlay the page."""
    origins = [
        o for o in allowed_origins or () if isinstance(o, str) and " " not in o and ";" not in o
    ]
    ancestors = " ".join(["'self'", *origins]) if allowed_origins else "*"
    return SecurityHeadersMiddleware.HOSTED_CSP.replace(
        "frame-ancestors *", f"frame-ancestors {ancestors}"
    )


class CSRFMiddleware:
    """Token check for dashboard writes, plus Origin / Sec-Fetch-Site (SPEC §3).

    The token is an HMAC of the session token, or of an anonymous seed cookie
    before log-in. Exempt: the JSON API (it only takes application/json, which a
    browser cannot send cross-site without a preflight; cookie-authenticated API
    writes still get the Origin check), routes declared public (app/web/routing.py),
    and any request carrying an Authorization header.
    """

    def __init__(self, app, settings, policies: list[RoutePolicy]):
        self.app, self.settings, self.policies = app, settings, policies
        self.base_origin = self._origin(settings.base_url)

    @staticmethod
    def _origin(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    def _is_public(self, scope) -> bool:
        policy = _route_policy(scope, self.policies)
        return policy is not None and policy.public

    def _own_origins(self, scope) -> set[str]:
        host = (_header(scope, b"host") or "").lower()
        scheme = scope.get("scheme", "http")
        return {self.base_origin, f"{scheme}://{host}"}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        cookies = _cookies(scope)
        seed = unsign_cookie(self.settings, cookies.get(SESSION_COOKIE))
        if seed is None:
            seed = unsign_cookie(self.settings, cookies.get(ANON_COOKIE), salt="anon")
        state = scope.setdefault("state", {})
        state["csrf_seed"] = seed

        if seed is None:
            # A seed is made only when a page renders a token (web.auth.csrf_token), so
            # API calls and visitors of customer sites never get a cookie from us.
            inner_send = send

            async def send(event):  # noqa: F811 - add the new seed's cookie to the response
                if event["type"] == "http.response.start" and state.get("csrf_seed_new"):
                    cookie = f"{ANON_COOKIE}={sign_cookie(self.settings, state['csrf_seed'], salt='anon')}; Path=/; HttpOnly; SameSite=Lax"
                    if self.settings.secure_cookies:
                        cookie += "; Secure"
                    event = {
                        **event,
                        "headers": [*event.get("headers", []), (b"set-cookie", cookie.encode())],
                    }
                await inner_send(event)

        path = scope["path"]
        if (
            scope["method"] in SAFE_METHODS
            or self._is_public(scope)  # known already (the body cap asked): before a header walk
            or _header(scope, b"authorization")
        ):
            return await self.app(scope, receive, send)

        origin = _header(scope, b"origin")
        if origin is not None and (
            origin == "null" or origin.lower() not in self._own_origins(scope)
        ):
            return await _send_error(
                send,
                scope,
                403,
                "csrf_failed",
                "This request came from another site and was refused.",
            )
        if (_header(scope, b"sec-fetch-site") or "").lower() == "cross-site":
            return await _send_error(
                send,
                scope,
                403,
                "csrf_failed",
                "This request came from another site and was refused.",
            )
        if path.startswith("/api/"):
            return await self.app(scope, receive, send)

        if seed is None:  # no session and no seed cookie: no token can be valid
            return await _send_error(
                send,
                scope,
                403,
                "csrf_failed",
                "Your session form expired or is missing its security token. Reload the page and try again.",
            )
        expected = csrf_token_for_seed(self.settings, seed)
        sent = _header(scope, b"x-csrf-token")
        body_events = []
        if sent is None:
            sent, body_events = await self._token_from_body(scope, receive)
        if not sent or not hmac.compare_digest(sent, expected):
            return await _send_error(
                send,
                scope,
                403,
                "csrf_failed",
                "Your session form expired or is missing its security token. Reload the page and try again.",
            )
        if body_events:
            replay = list(body_events)

            async def receive_again():
                # After the replay, the real receive: it waits for the disconnect a
                # streaming response listens for (an endless empty body would spin).
                return replay.pop(0) if replay else await receive()

            return await self.app(scope, receive_again, send)
        return await self.app(scope, receive, send)

    async def _token_from_body(self, scope, receive):
        ctype = (_header(scope, b"content-type") or "").lower()
        if not ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            return None, []
        events, chunks = [], []
        while True:
            event = await receive()
            events.append(event)
            if event["type"] != "http.request":
                break
            chunks.append(event.get("body", b""))
            if not event.get("more_body"):
                break
        body = b"".join(chunks)
        if ctype.startswith("application/x-www-form-urlencoded"):
            values = parse_qs(body.decode("latin-1"), keep_blank_values=True).get("csrf_token")
            return (values[0] if values else None), events
        return _multipart_field(body, ctype, "csrf_token"), events


def _multipart_field(body: bytes, ctype: str, name: str) -> str | None:
    match = re.search(r'boundary="?([^";]+)"?', ctype)
    if not match:
        return None
    boundary = b"--" + match.group(1).encode("latin-1")
    for part in body.split(boundary):
        head, _, value = part.partition(b"\r\n\r\n")
        if (
            re.search(rb'\bname="?' + re.escape(name.encode()) + rb'"?(;|\s|$)', head)
            and b"filename=" not in head
        ):
            # The value ends with the CRLF that precedes the next boundary; strip
            # exactly that (a token may itself end in '-').
            return (
                value[:-2].decode("latin-1") if value.endswith(b"\r\n") else value.decode("latin-1")
            )
    return None
