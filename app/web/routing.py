"""What a route declares about itself for the middleware: whether it is public
(visitors of customer sites call it cross-site, so no CSRF check) and how big a
body it takes. The middleware's exemptions are derived from these declarations
(``route_policies``), so a public path is written down once, where it is routed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette._utils import get_route_path
from starlette.routing import Mount, Route, Router, compile_path

PUBLIC_BODY_BYTES = 64 * 1024  # a public route's body cap unless it declares its own
IMPORT_BODY_BYTES = 20 * 1024 * 1024  # CSV imports


def declare(route: Route, *, public: bool = False, max_body=None) -> Route:
    """Mark ``route`` public and/or give it its own body cap: bytes, or an
    ``async (scope) -> bytes`` when the cap depends on the request (the hosted form
    takes files only when it has file fields)."""
    route.public = public
    route.max_body = max_body if max_body is not None else (PUBLIC_BODY_BYTES if public else None)
    return route


def page_route(
    path: str,
    endpoint,
    *,
    methods: list[str],
    name: str,
    public: bool = False,
    max_body=None,
) -> Route:
    """A page route that says it is public, or takes a bigger body than the default."""
    return declare(
        Route(path, endpoint, methods=methods, name=name), public=public, max_body=max_body
    )


@dataclass(frozen=True)
class RoutePolicy:
    path: re.Pattern
    methods: frozenset[str]
    public: bool
    max_body: object  # bytes, or an async (scope) -> bytes


def route_policies(routes, prefix: str = "") -> list[RoutePolicy]:
    """The declared policies of ``routes`` (through Mounts), for the middleware."""
    policies = []
    for route in routes:
        if isinstance(route, Mount) and route.routes:
            policies += route_policies(route.routes, prefix + route.path)
        elif isinstance(route, Route) and getattr(route, "max_body", None):
            regex, _, _ = compile_path(prefix + route.path)
            methods = frozenset(route.methods or ())
            policies.append(RoutePolicy(regex, methods, route.public, route.max_body))
    return policies


def policy_for(policies: list[RoutePolicy], method: str, path: str) -> RoutePolicy | None:
    """The policy of the declared route that would answer ``method path``, if any."""
    if len(path) > 1 and path.endswith("/"):  # the router redirects /f/x/ to /f/x
        path = path[:-1]
    for policy in policies:
        if method in policy.methods and policy.path.match(path):
            return policy
    return None


class HotRouter(Router):
    """The API's router: the per-visitor public endpoints (submission, schema, beacon:
    SPEC §14) are found with one split and one dict lookup instead of trying the
    routes' patterns in order. They are still served by their own Route, so handler,
    middleware, errors and 405s are as before; a request of another method or shape
    goes through the normal routing. Routes declare themselves ``hot`` (``api_route``);
    each must read ``/<literal>/{param}[/<literal>...]``."""

    def __init__(self, routes: list) -> None:
        super().__init__(routes=routes)
        self.hot: dict[tuple, tuple[Route, str]] = {}
        for route in routes:
            if not getattr(route, "hot", False):
                continue
            parts = route.path.split("/")
            if len(parts) < 3 or not parts[2].startswith("{") or "{" in "".join(parts[3:]):
                raise ValueError(f"{route.path}: a hot path reads /<literal>/{{param}}[/...]")
            name = parts[2].strip("{}").split(":")[0]
            for method in route.methods or ():
                self.hot[(parts[1], *parts[3:], method)] = (route, name)

    async def app(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            parts = get_route_path(scope).split("/")
            if len(parts) >= 3 and not parts[0] and parts[2]:
                found = self.hot.get((parts[1], *parts[3:], scope["method"]))
                if found is not None:
                    route, name = found
                    scope["path_params"] = {**scope.get("path_params", {}), name: parts[2]}
                    scope["endpoint"] = route.endpoint
                    await route.handle(scope, receive, send)
                    return
        await super().app(scope, receive, send)
