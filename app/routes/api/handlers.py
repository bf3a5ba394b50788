"""Handlers and handler groups (SPEC §12)."""

from __future__ import annotations

from app.services.processing import handler_groups, handlers
from app.web.api import api_route, json_response, list_params, list_response, no_content, read_json

_HANDLER = {
    "type": "object",
    "properties": {
        "type": {"enum": ["human", "agent"]},
        "name": {"type": "string", "maxLength": 120},
        "email": {"type": "string", "format": "email"},
        "account_id": {"type": "string"},
        "instructions": {"type": "string"},
        "model": {"type": "string"},
        "active": {"type": "boolean"},
    },
}
_GROUP = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "maxLength": 120},
        "description": {"type": "string"},
        "routing_strategy": {"enum": ["principal", "round_robin", "least_loaded", "broadcast"]},
        "settings": {
            "type": "object",
            "properties": {"fallback_handler_id": {"type": ["string", "null"]}},
        },
        "members": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "handler_id": {"type": "string"},
                    "role": {"enum": ["principal", "member"]},
                    "active": {"type": "boolean"},
                },
            },
        },
    },
}
_MEMBER = {
    "type": "object",
    "required": ["handler_id"],
    "properties": {
        "handler_id": {"type": "string"},
        "role": {"enum": ["principal", "member"]},
        "active": {"type": "boolean"},
    },
}


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
    item = await handlers.update_handler(
        _db(request), principal.workspace_id, request.path_params["id"], await read_json(request)
    )
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
    item = await handler_groups.update_group(
        _db(request), principal.workspace_id, request.path_params["id"], await read_json(request)
    )
    return json_response(item)


async def delete_group(request, principal):
    """Delete a group; submissions waiting for a claim in it go to the unassigned queue."""
    await handler_groups.delete_group(
        _db(request), principal.workspace_id, request.path_params["id"]
    )
    return no_content()


async def add_member(request, principal):
    """Add a handler to a group (role principal or member); adding it again updates role/active."""
    item = await handler_groups.add_member(
        _db(request), principal.workspace_id, request.path_params["id"], await read_json(request)
    )
    return json_response(item, status=201)


async def remove_member(request, principal):
    """Remove a member from a group."""
    await handler_groups.remove_member(
        _db(request), principal.workspace_id, request.path_params["id"], request.path_params["mid"]
    )
    return no_content()


R, W = "handlers:read", "handlers:write"
routes = [
    api_route("/handlers", list_handlers, methods=["GET"], scope=R, tags=["handlers"]),
    api_route(
        "/handlers", create_handler, methods=["POST"], scope=W, body=_HANDLER, tags=["handlers"]
    ),
    api_route("/handlers/{id}", get_handler, methods=["GET"], scope=R, tags=["handlers"]),
    api_route(
        "/handlers/{id}", update_handler, methods=["PUT"], scope=W, body=_HANDLER, tags=["handlers"]
    ),
    api_route("/handlers/{id}", delete_handler, methods=["DELETE"], scope=W, tags=["handlers"]),
    api_route("/handler-groups", list_groups, methods=["GET"], scope=R, tags=["handlers"]),
    api_route(
        "/handler-groups", create_group, methods=["POST"], scope=W, body=_GROUP, tags=["handlers"]
    ),
    api_route("/handler-groups/{id}", get_group, methods=["GET"], scope=R, tags=["handlers"]),
    api_route(
        "/handler-groups/{id}",
        update_group,
        methods=["PUT"],
        scope=W,
        body=_GROUP,
        tags=["handlers"],
    ),
    api_route("/handler-groups/{id}", delete_group, methods=["DELETE"], scope=W, tags=["handlers"]),
    api_route(
        "/handler-groups/{id}/members",
        add_member,
        methods=["POST"],
        scope=W,
        body=_MEMBER,
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
