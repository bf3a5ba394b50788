"""JSON API for deals (SPEC §12)."""

from __future__ import annotations

from app.services.crm import deals
from app.web.api import api_route, json_response, list_params, list_response, read_json

DEAL_BODY = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "amount": {"type": "number", "minimum": 0},
        "stage": {"enum": list(deals.STAGES)},
        "contact_id": {"type": ["string", "null"]},
        "company_id": {"type": ["string", "null"]},
        "source_submission_id": {"type": ["string", "null"]},
    },
}


async def list_deals_api(request, principal):
    """List deals, newest first; filters `stage`, `contact`, `company`."""
    limit, cursor = list_params(request)
    qp = request.query_params
    items, next_cursor = await deals.list_deals(
        request.app.state.db,
        principal.workspace_id,
        stage=qp.get("stage") or None,
        contact_id=qp.get("contact") or None,
        company_id=qp.get("company") or None,
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def create_deal_api(request, principal):
    """Create a deal by hand (stage defaults to open; won/lost set closed_at)."""
    data = await read_json(request)
    return json_response(
        await deals.create_deal(request.app.state.db, principal.workspace_id, data), 201
    )


async def get_deal_api(request, principal):
    """One deal."""
    return json_response(
        await deals.get_deal(
            request.app.state.db, principal.workspace_id, request.path_params["id"]
        )
    )


async def update_deal_api(request, principal):
    """Edit a deal or move it to another stage: entering won/lost sets closed_at,
    reopening (back to open/qualified/proposal) clears it."""
    data = await read_json(request)
    return json_response(
        await deals.update_deal(
            request.app.state.db, principal.workspace_id, request.path_params["id"], data
        )
    )


routes = [
    api_route("/deals", list_deals_api, methods=["GET"], scope="deals:read", tags=["deals"]),
    api_route(
        "/deals",
        create_deal_api,
        methods=["POST"],
        scope="deals:write",
        body=DEAL_BODY,
        tags=["deals"],
    ),
    api_route("/deals/{id}", get_deal_api, methods=["GET"], scope="deals:read", tags=["deals"]),
    api_route(
        "/deals/{id}",
        update_deal_api,
        methods=["PUT"],
        scope="deals:write",
        body=DEAL_BODY,
        tags=["deals"],
    ),
]
