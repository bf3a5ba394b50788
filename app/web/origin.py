"""The public origin links are built from (issue 14, SPEC §2).

FORMAGENT_BASE_URL set: used as is. Unset: the request's own scheme, host and port,
so a server reached at any address hands out links that work there. X-Forwarded-Proto
and X-Forwarded-Host count only from a trusted proxy (as X-Forwarded-For in
client_ip.py). Background jobs have no request and keep settings.base_url.
"""

from __future__ import annotations

import re
from ipaddress import ip_address
from urllib.parse import urlsplit

# A host[:port] we are willing to echo into links: a name, IPv4 or [IPv6], optional port.
_HOST = re.compile(r"^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


def _last(scope, name: bytes) -> str | None:
    """The right-most value of a header: the one our nearest proxy added."""
    values = [v.decode("latin-1") for k, v in scope.get("headers", []) if k == name]
    parts = [p.strip() for p in ",".join(values).split(",") if p.strip()]
    return parts[-1] if parts else None


def request_origin(request) -> str | None:
    """scheme://host[:port] the visitor used, or None when the Host header is unusable."""
    scope, settings = request.scope, request.app.state.settings
    scheme, host = scope.get("scheme", "http"), request.headers.get("host")
    if (scope.get("client") or ("", 0))[0] in settings.trusted_proxies:
        proto = (_last(scope, b"x-forwarded-proto") or "").lower()
        scheme = proto if proto in ("http", "https") else scheme
        host = _last(scope, b"x-forwarded-host") or host
    if not host or not _HOST.match(host):
        return None
    return f"{scheme}://{host.lower()}"


def public_base_url(request) -> str:
    settings = request.app.state.settings
    if settings.base_url_fixed:
        return settings.base_url.rstrip("/")
    return request_origin(request) or settings.base_url.rstrip("/")


def link_settings(request):
    """The settings with base_url set to this request's public origin, for services
    that build links (invites, unsubscribe) from settings.base_url."""
    settings = request.app.state.settings
    base = public_base_url(request)
    return settings if base == settings.base_url else settings.with_(base_url=base)


def is_loopback(url: str) -> bool:
    """True when visitors' browsers elsewhere cannot reach this URL's host."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False
