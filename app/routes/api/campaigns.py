"""JSON API for campaigns, their contacts and broadcasts (SPEC §8, §12)."""

from __future__ import annotations

from app.services.campaigns import broadcasts, campaigns, members, performance
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    no_content,
    read_json,
)

_TEXT = campaigns.TEXT_LIMITS
_EDITABLE = {
    "name": S.text(max_length=_TEXT["name"], non_empty=True, single_line=True),
    "description": S.text(max_length=_TEXT["description"]),
    "type": S.choice(campaigns.TYPES),
    "status": S.choice(campaigns.STATUSES),
    "inbound_form_ids": S.array(S.id_of("form"), max_items=100),
    "welcome_template_id": S.id_of("tpl", nullable=True),
    "welcome_subject": S.text(max_length=_TEXT["welcome_subject"], single_line=True),
    "welcome_body": S.text(max_length=_TEXT["welcome_body"]),
    "nurture_sequence_id": S.id_of("seq", nullable=True),
    "asset_url": S.text(max_length=_TEXT["asset_url"], single_line=True),
    "asset_name": S.text(max_length=_TEXT["asset_name"], single_line=True),
    "contact_tags": S.array(S.text(max_length=200), max_items=50),
    "utm_campaign": S.text(max_length=_TEXT["utm_campaign"], single_line=True),
}
CREATE_BODY = S.obj(_EDITABLE, required=["name"])
UPDATE_BODY = S.obj(
    {
        **_EDITABLE,
        **S.read_only_keys("id", "created_at"),
        **S.read_only_keys("updated_at", "performance", computed=True),
    }
)
MEMBER_BODY = S.obj(
    {"contact_id": S.id_of("contact"), "email": S.text(max_length=254)},
    description="the contact to add, by id or by email",
)
BROADCAST_BODY = S.obj(
    {
        "campaign_id": S.id_of("camp"),
        "tag": S.text(max_length=200),
        "subject": S.text(max_length=300, non_empty=True),
        "body": S.text(max_length=20000, non_empty=True),
    },
    required=["subject", "body"],
)


async def _with_performance(db, ws: str, campaign: dict) -> dict:
    return {**campaign, "performance": await performance.performance(db, ws, campaign["id"])}


async def list_campaigns_api(request, principal):
    """List campaigns, newest first; filter `status` (draft, active, paused, completed)."""
    limit, cursor = list_params(request)
    items, next_cursor = await campaigns.list_campaigns(
        request.app.state.db,
        principal.workspace_id,
        status=request.query_params.get("status") or None,
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def create_campaign_api(request, principal):
    """Create a campaign. `inbound_form_ids`: forms whose sign-ups join it (a form feeds
    one campaign); `contact_tags` are given to each contact that joins; the welcome
    email is `welcome_template_id`'s, else `welcome_subject`/`welcome_body` (placeholders
    {{first_name}}, {{name}}, {{company}}, {{form_name}}, {{asset_url}}, {{asset_name}},
    {{unsubscribe_url}}), and carries the `asset_url` link. Answers 201."""
    db, ws = request.app.state.db, principal.workspace_id
    campaign = await campaigns.create_campaign(db, ws, await read_json(request))
    return json_response(await _with_performance(db, ws, campaign), 201)


async def get_campaign_api(request, principal):
    """One campaign with its `performance`: submissions through its forms, contacts,
    deals of its contacts opened after they joined, won `revenue` and open `pipeline`."""
    db, ws = request.app.state.db, principal.workspace_id
    campaign = await campaigns.get_campaign(db, ws, request.path_params["id"])
    return json_response(await _with_performance(db, ws, campaign))


async def update_campaign_api(request, principal):
    """Change a campaign: send it as GET returns it, with changes (only the keys sent
    change). `performance` is ignored; a changed `id`, `created_at` or `updated_at` is a 422."""
    db, ws, campaign_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    current = await _with_performance(db, ws, await campaigns.get_campaign(db, ws, campaign_id))
    data = await read_json(request, current=current)
    campaign = await campaigns.update_campaign(db, ws, campaign_id, data)
    return json_response(await _with_performance(db, ws, campaign))


async def delete_campaign_api(request, principal):
    """Delete a campaign (its contacts stay contacts; a running broadcast stops). Answers 204."""
    await campaigns.delete_campaign(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return no_content()


async def list_campaign_contacts_api(request, principal):
    """The campaign's contacts, most recently joined first: `source` is `submission`
    (joined through an inbound form) or `manual`."""
    limit, cursor = list_params(request)
    items, next_cursor = await members.list_members(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def add_campaign_contact_api(request, principal):
    """Add a contact by hand (`contact_id` or `email` of an existing contact); it gets the
    campaign's tags. 201 when added, 200 when it was already in."""
    member, added = await members.add_contact(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        await read_json(request),
    )
    return json_response(member, 201 if added else 200)


async def remove_campaign_contact_api(request, principal):
    """Take a contact out of the campaign (its tags stay). Answers 204."""
    await members.remove_contact(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        request.path_params["contact_id"],
    )
    return no_content()


async def list_broadcasts_api(request, principal):
    """Broadcasts, newest first, each with its `progress` (emails queued, sent, failed,
    suppressed); filter `campaign`."""
    limit, cursor = list_params(request)
    items, next_cursor = await broadcasts.list_broadcasts(
        request.app.state.db,
        principal.workspace_id,
        campaign_id=request.query_params.get("campaign") or None,
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def start_broadcast_api(request, principal):
    """Send one email to a campaign's contacts (`campaign_id`) or to every contact with
    a `tag`. `subject` and `body` take placeholders ({{first_name|there}}, ...). It is sent
    in the background by one job, in slices; follow it with GET /api/broadcasts/{id}.
    409 while another broadcast to the same audience is still sending. Answers 201."""
    result = await broadcasts.start_broadcast(
        request.app.state.db,
        principal.workspace_id,
        await read_json(request),
        principal.display_name,
    )
    return json_response(result, 201)


async def get_broadcast_api(request, principal):
    """One broadcast: `status` (queued → sending → done; failed, cancelled), `total`
    recipients and `progress` by email status."""
    return json_response(
        await broadcasts.get_broadcast(
            request.app.state.db, principal.workspace_id, request.path_params["id"]
        )
    )


_R, _W, _T = "campaigns:read", "campaigns:write", ["campaigns"]
routes = [
    api_route("/campaigns", list_campaigns_api, methods=["GET"], scope=_R, tags=_T, paged=True),
    api_route(
        "/campaigns",
        create_campaign_api,
        methods=["POST"],
        scope=_W,
        body=CREATE_BODY,
        status=201,
        errors=(404,),
        tags=_T,
    ),
    api_route("/campaigns/{id}", get_campaign_api, methods=["GET"], scope=_R, tags=_T),
    api_route(
        "/campaigns/{id}",
        update_campaign_api,
        methods=["PUT"],
        scope=_W,
        body=UPDATE_BODY,
        tags=_T,
    ),
    api_route(
        "/campaigns/{id}",
        delete_campaign_api,
        methods=["DELETE"],
        scope=_W,
        body=False,
        tags=_T,
    ),
    api_route(
        "/campaigns/{id}/contacts",
        list_campaign_contacts_api,
        methods=["GET"],
        scope=_R,
        tags=_T,
        paged=True,
    ),
    api_route(
        "/campaigns/{id}/contacts",
        add_campaign_contact_api,
        methods=["POST"],
        scope=_W,
        body=MEMBER_BODY,
        status=201,
        tags=_T,
    ),
    api_route(
        "/campaigns/{id}/contacts/{contact_id}",
        remove_campaign_contact_api,
        methods=["DELETE"],
        scope=_W,
        body=False,
        tags=_T,
    ),
    api_route("/broadcasts", list_broadcasts_api, methods=["GET"], scope=_R, tags=_T, paged=True),
    api_route(
        "/broadcasts",
        start_broadcast_api,
        methods=["POST"],
        scope=_W,
        body=BROADCAST_BODY,
        status=201,
        errors=(404, 409),
        tags=_T,
    ),
    api_route("/broadcasts/{id}", get_broadcast_api, methods=["GET"], scope=_R, tags=_T),
]
