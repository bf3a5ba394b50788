"""Workspaces and their members in the JSON API (SPEC §12).

Every endpoint here acts for a person: it takes a session token (or the
session cookie), not an API key. ``{id}`` may be any workspace the caller is an
active member of, not only the current one; any other id answers 404.
"""

from __future__ import annotations

from app.errors import Forbidden, NotFound, Unauthorized
from app.services.accounts import members, workspaces
from app.services.accounts.permissions import require_role
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, no_content, read_json
from app.web.auth import get_principal, require_person
from app.web.origin import link_settings

_SETTINGS = S.obj(
    {
        "timezone": S.text(
            max_length=64, nullable=True, description="IANA zone, e.g. Europe/Berlin"
        ),
        "currency": S.text(
            max_length=16,  # the service says what a currency code looks like
            nullable=True,
            description="ISO 4217 code for money on every page, e.g. USD, EUR, JPY (default USD)",
        ),
        "default_from_email": S.text(
            max_length=254, nullable=True, description="an email or empty"
        ),
        "postal_address": S.text(max_length=500, nullable=True),
        "marketing_requires_consent": S.boolean(
            description="marketing needs consent: no marketing email (broadcasts, sequences,"
            " welcome emails) reaches a contact without a recorded consent that is not withdrawn"
        ),
        "logo_url": S.text(
            max_length=500,
            nullable=True,
            description="https address of the logo on hosted form pages; empty: initials",
        ),
        "spam_log_days": S.integer(
            1, 3650, description="days the spam log keeps a blocked submission (default 30)"
        ),
        "submission_retention_months": S.integer(
            1,
            120,
            nullable=True,
            description="months submissions keep their answers; null (default): kept for good",
        ),
    }
)
_WORKSPACE = {
    "name": S.text(max_length=120, non_empty=True, single_line=True),
    "settings": _SETTINGS,
}
CREATE_WORKSPACE = S.obj(_WORKSPACE, required=["name"])
UPDATE_WORKSPACE = S.obj(
    {**_WORKSPACE, **S.read_only_keys("id", "slug", "status", "created_at", "role")}
)
_ROLE = S.choice(["owner", "admin", "member", "viewer"])
INVITE = S.obj({"email": S.email(), "role": _ROLE}, required=["email"])
UPDATE_MEMBER = S.obj(
    {
        "role": _ROLE,
        **S.read_only_keys(
            "id", "workspace_id", "account_id", "email", "name", "joined_at", "invited_at"
        ),
        # an invite's status, expiry and link move on their own (expiry, acceptance)
        **S.read_only_keys("status", "expires_at", "invite_url", computed=True),
    }
)


def person_route(path, endpoint, **kwargs):
    """An API route guarded inside the endpoint (it must work without a current workspace)."""
    route = api_route(path, endpoint, auth="none", **kwargs)
    route.openapi["public"] = False
    return route


async def caller_role(request, workspace_id: str):
    """(principal, role in ``workspace_id``): 404 unless an active member; 403 for API keys."""
    principal = await get_principal(request)
    if principal is None:
        raise Unauthorized(
            "Send 'Authorization: Bearer <session token>' (from POST /api/auth/login), or sign in."
        )
    if principal.kind != "session":
        if workspace_id != principal.workspace_id:
            raise NotFound("Workspace not found.")
        raise Forbidden(
            "Managing workspaces needs a person's session token, not an API key.",
            code="session_required",
        )
    return principal, await workspaces.require_member(
        request.app.state.db, workspace_id, principal.account_id
    )


async def list_workspaces(request, _):
    """List the workspaces you belong to, with your role in each."""
    principal = await require_person(request)
    limit, cursor = list_params(request)
    items, next_cursor = await workspaces.page_for_account(
        request.app.state.db, principal.account_id, limit=limit, cursor=cursor
    )
    return list_response(items, next_cursor)


async def create_workspace(request, _):
    """Create another workspace; you become its owner. Switch to it with POST /api/auth/switch-workspace."""
    principal = await require_person(request)
    body = await read_json(request)
    db = request.app.state.db
    workspace = await workspaces.create_workspace(
        db, principal.account_id, name=body.get("name", ""), settings=body.get("settings")
    )
    return json_response(workspace, status=201)


async def update_workspace(request, _):
    """Rename a workspace or change its settings (timezone, currency, default_from_email, postal_address, logo_url); owner or admin."""
    workspace_id = request.path_params["id"]
    principal, role = await caller_role(request, workspace_id)
    db = request.app.state.db
    current = {**await workspaces.get_workspace(db, workspace_id), "role": role}
    body = await read_json(request, current=current)
    workspace = await workspaces.update_workspace(
        request.app.state.db,
        workspace_id,
        role=role,
        actor_id=principal.account_id,
        name=body.get("name"),
        settings=body.get("settings"),
    )
    return json_response({**workspace, "role": role})


async def delete_workspace(request, _):
    """Delete (archive) a workspace; owner only. Its data becomes unreachable and its forms answer 410."""
    workspace_id = request.path_params["id"]
    principal, role = await caller_role(request, workspace_id)
    await workspaces.archive_workspace(
        request.app.state.db, workspace_id, role=role, actor_id=principal.account_id
    )
    return no_content()


async def list_members(request, _):
    """List a workspace's members and invites; an invite past its expiry has status `expired`.
    Owners and admins also get a pending invite's link as `invite_url`."""
    workspace_id = request.path_params["id"]
    _, role = await caller_role(request, workspace_id)
    limit, cursor = list_params(request)
    items, next_cursor = await members.list_members(
        request.app.state.db,
        workspace_id,
        limit=limit,
        cursor=cursor,
        settings=link_settings(request),
        viewer_role=role,
    )
    return list_response(items, next_cursor)


async def invite_member(request, _):
    """Invite someone by email with a role (default member); owner or admin.

    An email with an account joins at once (status active); any other email gets a
    pending invite and an email with its `/invite/{token}` link (also answered as
    `invite_url`), valid for 7 days; only that link activates it. Inviting a pending or
    expired address again refreshes the invite and voids the old link. Admins cannot
    invite owners."""
    workspace_id = request.path_params["id"]
    principal, role = await caller_role(request, workspace_id)
    require_role(role, "admin", members.MANAGE_MESSAGE)  # who, before what was sent
    body = await read_json(request)
    member = await members.invite(
        request.app.state.db,
        link_settings(request),
        workspace_id,
        actor_id=principal.account_id,
        actor_role=role,
        email=body.get("email"),
        role=body.get("role") or "member",
    )
    return json_response(member, status=201)


async def update_member(request, _):
    """Change a member's role; owner or admin (only owners grant or take the owner role).
    The last owner cannot lose the role (409)."""
    workspace_id = request.path_params["id"]
    principal, role = await caller_role(request, workspace_id)
    db, member_id = request.app.state.db, request.path_params["mid"]
    current = await members.get_member(db, workspace_id, member_id)
    body = await read_json(request, current=current)
    member = await members.change_role(
        request.app.state.db,
        workspace_id,
        request.path_params["mid"],
        actor_id=principal.account_id,
        actor_role=role,
        role=body.get("role", current["role"]),
        settings=link_settings(request),
    )
    return json_response(member)


async def remove_member(request, _):
    """Remove a member or cancel an invite (owner or admin), or leave (your own membership).
    The last owner cannot leave (409). The API keys the removed person created are revoked."""
    workspace_id = request.path_params["id"]
    principal, role = await caller_role(request, workspace_id)
    await members.remove_member(
        request.app.state.db,
        workspace_id,
        request.path_params["mid"],
        actor_id=principal.account_id,
        actor_role=role,
    )
    return no_content()


routes = [
    person_route("/workspaces", list_workspaces, methods=["GET"], paged=True),
    person_route(
        "/workspaces", create_workspace, methods=["POST"], body=CREATE_WORKSPACE, status=201
    ),
    person_route("/workspaces/{id}", update_workspace, methods=["PUT"], body=UPDATE_WORKSPACE),
    person_route("/workspaces/{id}", delete_workspace, methods=["DELETE"]),
    person_route("/workspaces/{id}/members", list_members, methods=["GET"], paged=True),
    person_route(
        "/workspaces/{id}/invite",
        invite_member,
        methods=["POST"],
        body=INVITE,
        status=201,
        errors=(409, 429),
    ),
    person_route(
        "/workspaces/{id}/members/{mid}",
        update_member,
        methods=["PUT"],
        body=UPDATE_MEMBER,
        errors=(409,),
    ),
    person_route(
        "/workspaces/{id}/members/{mid}", remove_member, methods=["DELETE"], errors=(409,)
    ),
]
