"""API keys in the JSON API (SPEC §12): create (the key is shown once), list, revoke.

Acts on the caller's current workspace (switch with POST /api/auth/switch-workspace).
Needs a person's session: keys never manage keys.
"""

from __future__ import annotations

from app.services.accounts import api_keys
from app.services.accounts.permissions import SCOPES, require_role
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, no_content, read_json
from app.web.auth import NoWorkspace, get_principal, require_person


async def _caller(request):
    principal = await require_person(request)
    if principal.workspace_id is None:
        raise NoWorkspace()
    return principal


async def create_api_key(request, _):
    """Create an API key for the current workspace; owner or admin. The full `key` is in this answer only.

    Members and viewers cannot create keys. A key acts within its scopes with at most member
    rights, and never more than its creator's current role: demoting the creator to viewer makes
    the key read-only, removing them revokes it. Send `expires_at` (ISO-8601) for a key that stops working by itself,
    `mode: "test"` for an `fa_test_` key."""
    principal = await _caller(request)
    require_role(principal.role, "admin", api_keys.MANAGE_MESSAGE)  # who, before what was sent
    body = await read_json(request)
    key = await api_keys.create_key(
        request.app.state.db,
        principal.workspace_id,
        account_id=principal.account_id,
        role=principal.role,
        name=body.get("name"),
        scopes=body.get("scopes"),
        expires_at=body.get("expires_at"),
        mode=body.get("mode") or "live",
    )
    return json_response(key, status=201)


async def list_api_keys(request, _):
    """List the current workspace's keys: prefix, scopes, last use, expiry and status (active, expired, revoked)."""
    principal = await _caller(request)
    limit, cursor = list_params(request)
    items, next_cursor = await api_keys.list_keys(
        request.app.state.db, principal.workspace_id, limit=limit, cursor=cursor
    )
    return list_response(items, next_cursor)


async def revoke_api_key(request, _):
    """Revoke a key of the current workspace at once; owner or admin. Answers 204."""
    principal = await get_principal(request)
    db, key_id = request.app.state.db, request.path_params["id"]
    if principal is not None and principal.kind != "session":
        await api_keys.get_key(
            db, principal.workspace_id, key_id
        )  # another workspace's key: 404, as everywhere
    principal = await _caller(request)
    await api_keys.revoke_key(
        db, principal.workspace_id, key_id, role=principal.role, actor_id=principal.account_id
    )
    return no_content()


def _route(path, endpoint, **kwargs):
    route = api_route(path, endpoint, auth="none", **kwargs)
    route.openapi["public"] = False  # guarded inside: a person's session
    return route


_CREATE = S.obj(
    {
        "name": S.text(max_length=100, non_empty=True),
        "scopes": S.array(S.choice(SCOPES), min_items=1, max_items=len(SCOPES)),
        "expires_at": S.timestamp(
            nullable=True, date_only_too=True, description="in the future; a date means 00:00 UTC"
        ),
        "mode": S.choice(["live", "test"]),
    },
    required=["name", "scopes"],
)
routes = [
    _route("/api-keys", create_api_key, methods=["POST"], body=_CREATE, status=201),
    _route("/api-keys", list_api_keys, methods=["GET"], paged=True),
    _route("/api-keys/{id}", revoke_api_key, methods=["DELETE"]),
]
