"""JSON API for deals (SPEC §12)."""

from __future__ import annotations

from app.services.crm import deals
from app.services.crm.deal_activity import actor_of
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    read_json,
    updated_since_param,
)

_EDITABLE = {
    "name": S.text(max_length=200, non_empty=True),
    "amount": {
        "anyOf": [
            S.number(0, deals.MAX_AMOUNT, nullable=True),
            S.text(max_length=40, pattern=r"^\s*[0-9][0-9,]*(\.[0-9]+)?\s*$"),
        ],
        "description": "a number, or text like 1,250.50",
        "x-message": "Give the amount as a number from 0 to 1 000 000 000 000, e.g. 1500.50.",
    },
    "currency": S.text(
        nullable=True,
        max_length=3,
        pattern=r"^[A-Za-z]{3}$",
        description="ISO 4217 code (USD, EUR, JPY...); null or left out: the workspace currency",
        **{"x-message": "Use a three-letter ISO 4217 code such as USD, EUR or JPY."},
    ),
    "stage": S.choice(deals.STAGES),
    "owner_id": S.id_of(
        "acct", nullable=True, description="the `acct_…` id of an active member; null: nobody"
    ),
    "expected_close_date": S.text(
        nullable=True,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="YYYY-MM-DD",
        **{"x-message": "Give the date as YYYY-MM-DD, e.g. 2026-12-31."},
    ),
    "contact_id": S.id_of("contact", nullable=True),
    "company_id": S.id_of("company", nullable=True),
}
CREATE_BODY = S.obj(
    {**_EDITABLE, "source_submission_id": S.id_of("sub", nullable=True)}, required=["name"]
)
UPDATE_BODY = S.obj(
    {
        **_EDITABLE,
        **S.read_only_keys("id", "source_submission_id", "created_at", "closed_at"),
        **S.read_only_keys("updated_at", computed=True),
    }
)


async def list_deals_api(request, principal):
    """List deals, newest first; filters `stage`, `contact`, `company`, `updated_since` (ISO 8601)."""
    limit, cursor = list_params(request)
    qp = request.query_params
    items, next_cursor = await deals.list_deals(
        request.app.state.db,
        principal.workspace_id,
        stage=qp.get("stage") or None,
        contact_id=qp.get("contact") or None,
        company_id=qp.get("company") or None,
        updated_since=updated_since_param(request),
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def create_deal_api(request, principal):
    """Create a deal by hand: stage defaults to open (won/lost set closed_at), currency to
    the workspace currency, owner to the member calling (an API key: its creator)."""
    data = await read_json(request)
    return json_response(
        await deals.create_deal(
            request.app.state.db, principal.workspace_id, data, actor_of(principal)
        ),
        201,
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
    reopening (back to open/qualified/proposal) clears it. Stage changes and edits go on
    the deal's timeline with who made them."""
    db, deal_id = request.app.state.db, request.path_params["id"]
    data = await read_json(
        request, current=await deals.get_deal(db, principal.workspace_id, deal_id)
    )
    return json_response(
        await deals.update_deal(db, principal.workspace_id, deal_id, data, actor_of(principal))
    )


routes = [
    api_route(
        "/deals",
        list_deals_api,
        methods=["GET"],
        scope="deals:read",
        tags=["deals"],
        paged=True,
        updated_since=True,
    ),
    api_route(
        "/deals",
        create_deal_api,
        methods=["POST"],
        scope="deals:write",
        body=CREATE_BODY,
        status=201,
        errors=(404,),
        tags=["deals"],
    ),
    api_route("/deals/{id}", get_deal_api, methods=["GET"], scope="deals:read", tags=["deals"]),
    api_route(
        "/deals/{id}",
        update_deal_api,
        methods=["PUT"],
        scope="deals:write",
        body=UPDATE_BODY,
        tags=["deals"],
    ),
]
