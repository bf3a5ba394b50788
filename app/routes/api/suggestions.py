"""The optimisation assistant in the JSON API (SPEC §10, §12):
`GET`, `POST /api/analytics/forms/{id}/suggestions`."""

from __future__ import annotations

from app.services.analytics import suggestions
from app.services.forms.forms import get_form
from app.web import schema as S
from app.web.api import api_route, json_response, list_response, read_json

ACTIONS = ("dismiss", "apply")
_ACT = S.obj(
    {"suggestion_id": S.id_of("sugg"), "action": S.choice(ACTIONS)},
    required=["suggestion_id", "action"],
)


def _shape(s: dict) -> dict:
    keys = (
        "id",
        "form_id",
        "kind",
        "field",
        "title",
        "evidence",
        "change",
        "change_text",
        "sample",
    )
    return {key: s[key] for key in keys}


async def list_suggestions_api(request, principal):
    """What to change on this form, each suggestion with its `evidence` (sentences with their
    numbers and sample size) and its `change` (one editor operation: `delete_field`,
    `set_required`, `move_to_end` or `append_instructions`). Dismissed suggestions are left out
    until their evidence changes materially. Rules stay silent below their minimum samples."""
    found = await suggestions.form_suggestions(
        request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    )
    return list_response([_shape(s) for s in found], None)


async def act_on_suggestion_api(request, principal):
    """Act on one suggestion: `{"suggestion_id", "action": "dismiss"}` hides it (remembered per
    workspace and form) and answers the suggestion; `"apply"` saves its change to the form and
    answers the form. 404 when the suggestion no longer applies."""
    db, ws, form_id = request.app.state.db, principal.workspace_id, request.path_params["form_id"]
    await get_form(db, ws, form_id)  # another workspace's form is a 404 whatever the body says
    body = await read_json(request)
    action, suggestion_id = body["action"], body["suggestion_id"]
    if action == "dismiss":
        found = await suggestions.dismiss(
            db, ws, form_id, suggestion_id, account_id=principal.account_id
        )
        return json_response(_shape(found))
    return json_response(await suggestions.apply(db, ws, form_id, suggestion_id))


routes = [
    api_route(
        "/analytics/forms/{form_id}/suggestions",
        list_suggestions_api,
        methods=["GET"],
        scope="analytics:read",
        tags=["analytics"],
    ),
    api_route(
        "/analytics/forms/{form_id}/suggestions",
        act_on_suggestion_api,
        methods=["POST"],
        scope="forms:write",
        body=_ACT,
        tags=["analytics"],
    ),
]
