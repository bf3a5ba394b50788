"""Tasks, tickets and broadcast claims (SPEC §6.3, §12)."""

from __future__ import annotations

from app.errors import Forbidden
from app.services.accounts.permissions import has_role
from app.services.capture import submissions
from app.services.processing import work
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    read_json,
    updated_since_param,
)

_TASK = {
    "title": S.text(max_length=300, non_empty=True),
    "description": S.text(max_length=20000),
    "status": S.choice(work.TASK_STATUSES),
    "assignee_id": S.id_of("hdl", nullable=True),
    "due_at": S.timestamp(nullable=True, date_only_too=True),
    **S.read_only_keys("id", "submission_id", "contact_id", "created_at"),
    **S.read_only_keys("updated_at", computed=True),
}
_TICKET = {
    **_TASK,
    "status": S.choice(work.TICKET_STATUSES),
    "priority": S.choice(work.TICKET_PRIORITIES),
    **S.read_only_keys("reference"),
}
_CLAIM = S.obj({"handler_id": S.id_of("hdl", description="admins: claim for this handler")})


def _filters(request) -> dict:
    q = request.query_params
    return {
        "status": q.get("status") or None,
        "assignee_id": q.get("assignee") or None,
        "submission_id": q.get("submission") or None,
        "updated_since": updated_since_param(request),
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
    """List tasks (filters `status`, `assignee`, `submission`, `updated_since`), newest first."""
    return await _list(request, principal, "task")


async def list_tickets(request, principal):
    """List tickets (filters `status`, `assignee`, `submission`, `updated_since`), newest first."""
    return await _list(request, principal, "ticket")


async def _update(request, principal, kind: str):
    db, item_id = request.app.state.db, request.path_params["id"]
    current = await work.get_item(db, principal.workspace_id, kind, item_id)
    body = await read_json(request, current=current)
    return json_response(await work.update_item(db, principal.workspace_id, kind, item_id, body))


async def update_task(request, principal):
    """Update a task: status (open, in_progress, done, cancelled), assignee_id, due_at, title, description."""
    return await _update(request, principal, "task")


async def update_ticket(request, principal):
    """Update a ticket: status (open, pending, resolved, closed), priority, assignee_id, due_at, title."""
    return await _update(request, principal, "ticket")


async def claim_submission(request, principal):
    """Claim a broadcast submission for your handler: the first claim owns it, any later one answers 409.
    Admins may claim for another handler with `{"handler_id"}`."""
    db, submission_id = request.app.state.db, request.path_params["id"]
    await submissions.get_submission(db, principal.workspace_id, submission_id)  # 404 before 422
    handler_id = (await read_json(request)).get("handler_id")
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
    result = await work.claim_submission(db, principal.workspace_id, submission_id, handler_id)
    return json_response(result)


R, W = "submissions:read", "submissions:write"
routes = [
    api_route(
        "/tasks",
        list_tasks,
        methods=["GET"],
        scope=R,
        tags=["tasks"],
        paged=True,
        updated_since=True,
    ),
    api_route(
        "/tasks/{id}", update_task, methods=["PUT"], scope=W, body=S.obj(_TASK), tags=["tasks"]
    ),
    api_route(
        "/tickets",
        list_tickets,
        methods=["GET"],
        scope=R,
        tags=["tasks"],
        paged=True,
        updated_since=True,
    ),
    api_route(
        "/tickets/{id}",
        update_ticket,
        methods=["PUT"],
        scope=W,
        body=S.obj(_TICKET),
        tags=["tasks"],
    ),
    api_route(
        "/submissions/{id}/claim",
        claim_submission,
        methods=["POST"],
        scope=W,
        body=_CLAIM,
        optional_body=True,
        errors=(409,),
        tags=["tasks"],
    ),
]
