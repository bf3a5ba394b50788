"""Drafts in the JSON API (SPEC §12): list, read, approve (optionally edited), reject."""

from __future__ import annotations

from app.services.agents import drafts
from app.services.forms.config import ALLOWED_ACTIONS
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, read_json

_ACTION = S.obj(
    {"action": S.choice(ALLOWED_ACTIONS), "details": S.obj({}, extra=True)},
    required=["action", "details"],
)
_APPROVE = S.obj(
    {
        "planned_actions": S.array(
            _ACTION,
            max_items=50,
            **{"x-message": "Send a list of {action, details}, or leave the key out."},
        )
    }
)
_REJECT = S.obj(
    {"note": S.text(max_length=drafts.MAX_NOTE, nullable=True)},
    required=["note"],
)


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
    await drafts.get_draft(request.app.state.db, principal.workspace_id, request.path_params["id"])
    edited = (await read_json(request)).get("planned_actions")
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
    await drafts.get_draft(request.app.state.db, principal.workspace_id, request.path_params["id"])
    note = (await read_json(request))["note"]
    draft = await drafts.reject_draft(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        reviewer=principal.account_id or "",
        note=note or "",
    )
    return json_response(drafts.api_shape(draft))


routes = [
    api_route(
        "/drafts",
        list_drafts_api,
        methods=["GET"],
        scope="drafts:read",
        tags=["drafts"],
        paged=True,
    ),
    api_route("/drafts/{id}", get_draft_api, methods=["GET"], scope="drafts:read", tags=["drafts"]),
    api_route(
        "/drafts/{id}/approve",
        approve_draft_api,
        methods=["POST"],
        scope="drafts:write",
        body=_APPROVE,
        optional_body=True,
        errors=(409,),
        tags=["drafts"],
    ),
    api_route(
        "/drafts/{id}/reject",
        reject_draft_api,
        methods=["POST"],
        scope="drafts:write",
        body=_REJECT,
        errors=(409,),
        tags=["drafts"],
    ),
]
