"""A contact's consent log in the JSON API (SPEC §19, §12 "the consent log of a contact")."""

from __future__ import annotations

from app.services.consent import records
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, read_json

RECORD_CONSENT = S.obj(
    {
        "action": S.choice(records.ACTIONS),
        "text": S.text(
            max_length=2000,
            description="what the person agreed to and how (required for granted)",
        ),
    },
    required=["action"],
)


async def list_contact_consents_api(request, principal):
    """The contact's consent log, newest first: each entry says whether consent was
    `granted` or `withdrawn`, its `source` (`form`: a ticked consent field;
    `double_opt_in`: the emailed confirmation link; `unsubscribe`; `manual`: recorded by
    a team member), the `text` the person saw (and `privacy_url`), the form and its
    `form_version`, the submission, the `ip` and browser, and when. The contact's
    `marketing_consent` is the latest entry's action."""
    limit, cursor = list_params(request)
    items, next_cursor = await records.contact_consents(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        cursor=cursor,
        limit=limit,
    )
    return list_response(items, next_cursor)


async def record_contact_consent_api(request, principal):
    """Record a consent given (or withdrawn) outside the forms, e.g. by phone; source
    `manual`, with your name. `text` says what the person agreed to. Answers the entry."""
    db, ws, cid = request.app.state.db, principal.workspace_id, request.path_params["id"]
    await records.require_contact(db, ws, cid)  # an unknown contact is a 404 before the body's 422
    body = await read_json(request)
    entry = await records.record_manual(
        db,
        ws,
        cid,
        action=body.get("action"),
        text=body.get("text") or "",
        recorded_by=principal.display_name,
    )
    return json_response(entry, status=201)


routes = [
    api_route(
        "/contacts/{id}/consents",
        list_contact_consents_api,
        methods=["GET"],
        scope="contacts:read",
        tags=["contacts"],
        paged=True,
    ),
    api_route(
        "/contacts/{id}/consents",
        record_contact_consent_api,
        methods=["POST"],
        scope="contacts:write",
        body=RECORD_CONSENT,
        status=201,
        tags=["contacts"],
    ),
]
