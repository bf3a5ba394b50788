"""Roles (SPEC §3): owner > admin > member > viewer, and API key scopes."""

from __future__ import annotations

from app.errors import Forbidden

ROLES = ("owner", "admin", "member", "viewer")
_RANK = {"viewer": 0, "member": 1, "admin": 2, "owner": 3}

SCOPES = (
    "forms:read",
    "forms:write",
    "submissions:read",
    "submissions:write",
    "contacts:read",
    "contacts:write",
    "deals:read",
    "deals:write",
    "campaigns:read",
    "campaigns:write",
    "sequences:read",
    "sequences:write",
    "emails:read",
    "emails:write",
    "experiments:read",
    "experiments:write",
    "drafts:read",
    "drafts:write",
    "analytics:read",
    "events:read",
    "handlers:read",
    "handlers:write",
    "webhooks:read",
    "webhooks:write",
    "audit:read",  # the audit log; the key's creator must also be an owner or admin
)

# Starting points on the API keys page: (label, what it allows, scopes). "custom"
# (or no preset) means the ticked boxes.
SCOPE_PRESETS = {
    "read_only": (
        "Read only",
        "Reads everything, changes nothing.",
        tuple(s for s in SCOPES if s.endswith(":read")),
    ),
    "full_access": ("Full access", "Reads and changes everything the API offers.", SCOPES),
    "events_stream": (
        "Events stream",
        "Only the live events stream (SSE and WebSocket).",
        ("events:read",),
    ),
}


def preset_scopes(preset: str | None, ticked: list[str]) -> list[str]:
    """The scopes a preset stands for, or the ticked ones for "custom"/none."""
    if preset in SCOPE_PRESETS:
        return list(SCOPE_PRESETS[preset][2])
    return list(ticked)


def require_role(role: str | None, minimum: str, message: str | None = None) -> None:
    """Raise Forbidden unless ``role`` is at least ``minimum``."""
    if role is None or _RANK.get(role, -1) < _RANK[minimum]:
        raise Forbidden(message or f"This needs the {minimum} role or higher.")


def require_write(role: str | None) -> None:
    require_role(role, "member", "Viewers have read-only access.")


def has_role(role: str | None, minimum: str) -> bool:
    return role is not None and _RANK.get(role, -1) >= _RANK[minimum]


def lesser_role(a: str, b: str) -> str:
    """The weaker of two roles (an API key acts with min(its rights, its creator's role))."""
    return a if _RANK[a] <= _RANK[b] else b
