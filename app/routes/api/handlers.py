"""Handlers and handler groups (SPEC §12)."""

from __future__ import annotations

from app.services.processing import handler_groups, handlers, routing
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, no_content, read_json

_HANDLER_EDITABLE = {
    "name": S.text(max_length=120, non_empty=True),
    "email": S.email(nullable=True),
    "account_id": S.id_of("acct", nullable=True, description="a member's account (humans)"),
    "instructions": S.text(max_length=8000, nullable=True),
    "model": S.text(max_length=100, nullable=True),
    "active": S.boolean(),
}
CREATE_HANDLER = S.obj(
    {"type": S.choice(handlers.HANDLER_TYPES), **_HANDLER_EDITABLE}, required=["type", "name"]
)
UPDATE_HANDLER = S.obj(
    {
        **_HANDLER_EDITABLE,
        **S.read_only_keys("id", "type", "created_at", "removed"),
        **S.read_only_keys("state", "last_heartbeat_at", "current_submission_id", computed=True),
    }
)
_MEMBER = S.obj(
    {
        "handler_id": S.id_of("hdl"),
        "role": S.choice(handlers.ROLES),
        "active": S.boolean(),
    },
    required=["handler_id"],
)
_GROUP_EDITABLE = {
    "name": S.text(max_length=120, non_empty=True),
    "description": S.text(max_length=2000, nullable=True),
    "routing_strategy": S.choice(routing.STRATEGIES),
    "settings": S.obj({"fallback_handler_id": S.id_of("hdl", nullable=True)}),
}
CREATE_GROUP = S.obj(
    {
        **_GROUP_EDITABLE,
        "members": S.array({"anyOf": [S.id_of("hdl"), _MEMBER]}, max_items=200),
    },
    required=["name"],
)
UPDATE_GROUP = S.obj(
    {
        **_GROUP_EDITABLE,
        "members": S.read_only(
            {"description": "change members with POST/DELETE /api/handler-groups/{id}/members"}
        ),
        **S.read_only_keys("id", "created_at"),
        **S.read_only_keys("last_assigned_member_id", computed=True),
    }
)


def _db(request):
    return request.app.state.db


async def list_handlers(request, principal):
    """List the workspace's handlers (humans and agents), oldest first; `?include_removed=1` shows
    removed ones too. Paginated with `limit` and `cursor`."""
    limit, cursor = list_params(request)
    include = request.query_params.get("include_removed") in ("1", "true")
    items, next_cursor = await handlers.page_handlers(
        _db(request), principal.workspace_id, include_removed=include, cursor=cursor, limit=limit
    )
    return list_response(items, next_cursor)


async def create_handler(request, principal):
    """Create a handler: a human (member account or name + email) or an AI agent (name, instructions, model)."""
    item = await handlers.create_handler(
        _db(request), principal.workspace_id, await read_json(request)
    )
    return json_response(item, status=201)


async def get_handler(request, principal):
    """One handler with its observable state and heartbeat."""
    return json_response(
        await handlers.get_handler(_db(request), principal.workspace_id, request.path_params["id"])
    )


async def update_handler(request, principal):
    """Edit a handler; `active: false` sends its open assignments back to the unassigned queue."""
    db, ws, handler_id = _db(request), principal.workspace_id, request.path_params["id"]
    body = await read_json(request, current=await handlers.get_handler(db, ws, handler_id))
    item = await handlers.update_handler(db, ws, handler_id, body)
    return json_response(item)


async def delete_handler(request, principal):
    """Remove a handler: its history keeps it (shown as removed); its open work is unassigned."""
    await handlers.remove_handler(_db(request), principal.workspace_id, request.path_params["id"])
    return no_content()


async def list_groups(request, principal):
    """List handler groups with their members and routing strategy (paginated: `limit`, `cursor`)."""
    limit, cursor = list_params(request)
    items, next_cursor = await handler_groups.page_groups(
        _db(request), principal.workspace_id, cursor=cursor, limit=limit
    )
    return list_response(items, next_cursor)


async def create_group(request, principal):
    """Create a group: strategy principal | round_robin | least_loaded | broadcast, optional fallback handler."""
    item = await handler_groups.create_group(
        _db(request), principal.workspace_id, await read_json(request)
    )
    return json_response(item, status=201)


async def get_group(request, principal):
    """One handler group with its members."""
    return json_response(
        await handler_groups.get_group(
            _db(request), principal.workspace_id, request.path_params["id"]
        )
    )


async def update_group(request, principal):
    """Rename a group, change its routing strategy or fallback handler."""
    db, ws, group_id = _db(request), principal.workspace_id, request.path_params["id"]
    body = await read_json(request, current=await handler_groups.get_group(db, ws, group_id))
    item = await handler_groups.update_group(db, ws, group_id, body)
    return json_response(item)


async def delete_group(request, principal):
    """Delete a group; submissions waiting for a claim in it go to the unassigned queue."""
    await handler_groups.delete_group(
        _db(request), principal.workspace_id, request.path_params["id"]
    )
    return no_content()


async def add_member(request, principal):
    """Add a handler to a group (role principal or member); adding it again updates role/active."""
    db, ws, group_id = _db(request), principal.workspace_id, request.path_params["id"]
    await handler_groups.get_group(db, ws, group_id)  # 404 before the body's 422
    item = await handler_groups.add_member(db, ws, group_id, await read_json(request))
    return json_response(item, status=201)


async def remove_member(request, principal):
    """Remove a member from a group."""
    await handler_groups.remove_member(
        _db(request), principal.workspace_id, request.path_params["id"], request.path_params["mid"]
    )
    return no_content()


R, W = "handlers:read", "handlers:write"
routes = [
    api_route("/handlers", list_handlers, methods=["GET"], scope=R, tags=["handlers"], paged=True),
    api_route(
        "/handlers",
        create_handler,
        methods=["POST"],
        scope=W,
        body=CREATE_HANDLER,
        status=201,
        tags=["handlers"],
    ),
    api_route("/handlers/{id}", get_handler, methods=["GET"], scope=R, tags=["handlers"]),
    api_route(
        "/handlers/{id}",
        update_handler,
        methods=["PUT"],
        scope=W,
        body=UPDATE_HANDLER,
        tags=["handlers"],
    ),
    api_route("/handlers/{id}", delete_handler, methods=["DELETE"], scope=W, tags=["handlers"]),
    api_route(
        "/handler-groups", list_groups, methods=["GET"], scope=R, tags=["handlers"], paged=True
    ),
    api_route(
        "/handler-groups",
        create_group,
        methods=["POST"],
        scope=W,
        body=CREATE_GROUP,
        status=201,
        tags=["handlers"],
    ),
    api_route("/handler-groups/{id}", get_group, methods=["GET"], scope=R, tags=["handlers"]),
    api_route(
        "/handler-groups/{id}",
        update_group,
        methods=["PUT"],
        scope=W,
        body=UPDATE_GROUP,
        tags=["handlers"],
    ),
    api_route("/handler-groups/{id}", delete_group, methods=["DELETE"], scope=W, tags=["handlers"]),
    api_route(
        "/handler-groups/{id}/members",
        add_member,
        methods=["POST"],
        scope=W,
        body=_MEMBER,
        status=201,
        tags=["handlers"],
    ),
    api_route(
        "/handler-groups/{id}/members/{mid}",
        remove_member,
        methods=["DELETE"],
        scope=W,
        tags=["handlers"],
    ),
]
