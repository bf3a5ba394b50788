"""Client IP for rate limits (SPEC §3): trust X-Forwarded-For only from trusted proxies."""

from __future__ import annotations


def client_ip(scope, trusted_proxies) -> str:
    peer = (scope.get("client") or ("unknown", 0))[0]
    if peer not in trusted_proxies:
        return peer
    forwarded = []
    for name, value in scope.get("headers", []):
        if name == b"x-forwarded-for":
            forwarded += [part.strip() for part in value.decode("latin-1").split(",")]
    # The right-most entry not added by one of our proxies is the client.
    for candidate in reversed(forwarded):
        if candidate and candidate not in trusted_proxies:
            return candidate
    return peer
