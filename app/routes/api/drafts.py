"""Drafts in the JSON API (SPEC §12): list, read, approve (optionally edited), reject."""

from __future__ import annotations

from app.errors import ValidationError
from app.services.agents import drafts
from app.services.forms.config import ALLOWED_ACTIONS
from app.web.api import api_route, json_response, list_params, list_response, read_json

_ACTION = {
    "type": "object",
    "required": ["action", "details"],
    "properties": {"action": {"enum": list(ALLOWED_ACTIONS)}, "details": {"type": "object"}},
}
_APPROVE = {
    "type": "object",
    "properties": {"planned_actions": {"type": "array", "items": _ACTION}},
}
_REJECT = {
    "type": "object",
    "required": ["note"],
    "properties": {"note": {"type": "string", "maxLength": drafts.MAX_NOTE}},
}


async def list_drafts_api(request, principal):
    """List drafts, newest first; `?status=pending|approved|rejected|all` (default pending)."""
    limit, cursor = list_params(request)
    status = request.query_params.get("status") or "pending"
    items, next_cursor = await drafts.list_drafts(
        request.app.state.db,
        principal.workspace_id,
        status=None if status == "all" else status,
        cursor=cursor,
        limit=limit,
    )
    return list_response([drafts.api_shape(d) for d in items], next_cursor)


async def get_draft_api(request, principal):
    """One draft: the agent's reasoning, planned actions, blocked actions and review."""
    draft = await drafts.get_draft(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return json_response(drafts.api_shape(draft))


async def approve_draft_api(request, principal):
    """Approve a pending draft and run its actions; send `planned_actions` to run an edited list
    instead (each `{action, details}`, only actions the form allows). 409 if already reviewed."""
    body = await read_json(request, required=False)
    edited = body.get("planned_actions")
    if "planned_actions" in body and edited is None:
        raise ValidationError(
            fields={"planned_actions": "Send a list of {action, details}, or leave the key out."}
        )
    draft = await drafts.approve_draft(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        reviewer=principal.account_id or "",
        actions=edited,
    )
    return json_response(drafts.api_shape(draft))


async def reject_draft_api(request, principal):
    """Reject a pending draft with a `note` saying why; nothing runs. 409 if already reviewed."""
    body = await read_json(request)
    note = body.get("note")
    if note is not None and not isinstance(note, str):
        raise ValidationError(fields={"note": "The note must be text."})
    draft = await drafts.reject_draft(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        reviewer=principal.account_id or "",
        note=note or "",
    )
    return json_response(drafts.api_shape(draft))


routes = [
    api_route("/drafts", list_drafts_api, methods=["GET"], scope="drafts:read", tags=["drafts"]),
    api_route("/drafts/{id}", get_draft_api, methods=["GET"], scope="drafts:read", tags=["drafts"]),
    api_route(
        "/drafts/{id}/approve",
        approve_draft_api,
        methods=["POST"],
        scope="drafts:write",
        body=_APPROVE,
        tags=["drafts"],
    ),
    api_route(
        "/drafts/{id}/reject",
        reject_draft_api,
        methods=["POST"],
        scope="drafts:write",
        body=_REJECT,
        tags=["drafts"],
    ),
]
