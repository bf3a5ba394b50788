"""Tasks, tickets and broadcast claims (SPEC §6.3, §12)."""

from __future__ import annotations

from app.errors import Forbidden
from app.services.accounts.permissions import has_role
from app.services.processing import work
from app.web.api import api_route, json_response, list_params, list_response, read_json

_UPDATE = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "description": {"type": "string"},
        "status": {"type": "string"},
        "assignee_id": {"type": ["string", "null"]},
        "due_at": {"type": ["string", "null"]},
        "priority": {"enum": list(work.TICKET_PRIORITIES)},
    },
}


def _filters(request) -> dict:
    q = request.query_params
    return {
        "status": q.get("status") or None,
        "assignee_id": q.get("assignee") or None,
        "submission_id": q.get("submission") or None,
    }


async def _list(request, principal, kind):
    limit, cursor = list_params(request)
    items, next_cursor = await work.list_items(
        request.app.state.db,
        principal.workspace_id,
        kind,
        cursor=cursor,
        limit=limit,
        **_filters(request),
    )
    return list_response(items, next_cursor)


async def list_tasks(request, principal):
    """List tasks (filters `status`, `assignee`, `submission`), newest first."""
    return await _list(request, principal, "task")


async def list_tickets(request, principal):
    """List tickets (filters `status`, `assignee`, `submission`), newest first."""
    return await _list(request, principal, "ticket")


async def update_task(request, principal):
    """Update a task: status (open, in_progress, done, cancelled), assignee_id, due_at, title, description."""
    item = await work.update_item(
        request.app.state.db,
        principal.workspace_id,
        "task",
        request.path_params["id"],
        await read_json(request),
    )
    return json_response(item)


async def update_ticket(request, principal):
    """Update a ticket: status (open, pending, resolved, closed), priority, assignee_id, due_at, title."""
    item = await work.update_item(
        request.app.state.db,
        principal.workspace_id,
        "ticket",
        request.path_params["id"],
        await read_json(request),
    )
    return json_response(item)


async def claim_submission(request, principal):
    """Claim a broadcast submission for your handler: the first claim owns it, any later one answers 409.
    Admins may claim for another handler with `{"handler_id"}`."""
    db = request.app.state.db
    body = await read_json(request, required=False)
    handler_id = body.get("handler_id") if isinstance(body.get("handler_id"), str) else None
    if handler_id and not has_role(principal.role, "admin"):
        mine = await work.handler_for_account(db, principal.workspace_id, principal.account_id)
        if not mine or mine["id"] != handler_id:
            raise Forbidden("Only admins can claim for another handler.")
    if not handler_id:
        mine = await work.handler_for_account(db, principal.workspace_id, principal.account_id)
        if not mine:
            raise Forbidden(
                "You are not a handler in this workspace; ask an admin to add you on the Handlers page.",
                code="not_a_handler",
            )
        handler_id = mine["id"]
    result = await work.claim_submission(
        db, principal.workspace_id, request.path_params["id"], handler_id
    )
    return json_response(result)


R, W = "submissions:read", "submissions:write"
routes = [
    api_route("/tasks", list_tasks, methods=["GET"], scope=R, tags=["tasks"]),
    api_route("/tasks/{id}", update_task, methods=["PUT"], scope=W, body=_UPDATE, tags=["tasks"]),
    api_route("/tickets", list_tickets, methods=["GET"], scope=R, tags=["tasks"]),
    api_route(
        "/tickets/{id}", update_ticket, methods=["PUT"], scope=W, body=_UPDATE, tags=["tasks"]
    ),
    api_route(
        "/submissions/{id}/claim", claim_submission, methods=["POST"], scope=W, tags=["tasks"]
    ),
]
