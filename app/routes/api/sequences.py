"""JSON API for sequences, their steps and enrollments (SPEC §8, §12)."""

from __future__ import annotations

from app.services import sequences
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    no_content,
    read_json,
)

_DELAY = "Give a whole number of {unit}, from 0 to {top}."
_STEP = {
    "order": S.integer(1, sequences.MAX_STEPS, description="position, 1 = first"),
    "delay_days": S.integer(
        0,
        sequences.MAX_DELAY_DAYS,
        **{"x-message": _DELAY.format(unit="days", top=sequences.MAX_DELAY_DAYS)},
    ),
    "delay_hours": S.integer(
        0,
        sequences.MAX_DELAY_HOURS,
        **{"x-message": _DELAY.format(unit="hours", top=sequences.MAX_DELAY_HOURS)},
    ),
    "send_time": S.text(
        nullable=True,
        max_length=5,
        description="HH:MM in the workspace time zone; null or empty: when the delay ends",
        pattern=r"^$|^([01][0-9]|2[0-3]):[0-5][0-9]$",
        **{"x-message": "Give a time of day as HH:MM (24-hour), e.g. 09:30, or null."},
    ),
    "subject": S.text(max_length=300, non_empty=True),
    "body": S.text(max_length=10000, non_empty=True, description="plain text, {{placeholders}}"),
    "agent_personalize": S.boolean(),
}
STEP_CREATE = S.obj(_STEP, required=["subject", "body"])
STEP_UPDATE = S.obj({**_STEP, **S.read_only_keys("id")})
_SEQUENCE = {
    "name": S.text(max_length=200, non_empty=True),
    "description": S.text(max_length=2000),
    "status": S.choice(sequences.STATUSES),
    "stop_conditions": S.array(S.choice(sequences.STOP_CONDITIONS), max_items=4),
}
SEQUENCE_CREATE = S.obj(
    {**_SEQUENCE, "steps": S.array(STEP_CREATE, max_items=sequences.MAX_STEPS)},
    required=["name"],
)
SEQUENCE_UPDATE = S.obj(
    {
        **_SEQUENCE,
        **S.read_only_keys("id", "steps", "created_at"),
        **S.read_only_keys("updated_at", computed=True),
    }
)
ENROLL_BODY = S.obj(
    {
        "contact_id": S.id_of("contact"),
        "campaign_id": S.id_of("camp", nullable=True),
        "submission_id": S.id_of("sub", nullable=True),
    },
    required=["contact_id"],
)


def _ids(request):
    return request.app.state.db, request.path_params["id"]


async def list_sequences_api(request, principal):
    """List sequences with their steps, newest first."""
    limit, cursor = list_params(request)
    items, next_cursor = await sequences.list_sequences(
        request.app.state.db, principal.workspace_id, cursor=cursor, limit=limit
    )
    return list_response(items, next_cursor)


async def create_sequence_api(request, principal):
    """Create a sequence, optionally with its `steps` (in order).
    `stop_conditions` (default: all four) say what ends an enrollment by itself:
    `contact_replied` (marked replied), `deal_created` (a deal for the contact after it
    enrolled), `contact_unsubscribed`; a person can always stop one (`manual_stop`), and
    an unsubscribed or bounced address never gets another step. Subjects and bodies take
    {{placeholders}} (first_name, name, last_name, email, company, form_name, asset_url,
    data.<field>, with `{{first_name|there}}` fallbacks); an unknown one is a 422."""
    data = await read_json(request)
    sequence = await sequences.create_sequence(request.app.state.db, principal.workspace_id, data)
    return json_response(sequence, 201)


async def get_sequence_api(request, principal):
    """One sequence with its steps in order."""
    db, sequence_id = _ids(request)
    return json_response(await sequences.get_sequence(db, principal.workspace_id, sequence_id))


async def update_sequence_api(request, principal):
    """Rename, describe, pause or re-activate a sequence, or change its stop conditions.
    Send it back as GET returns it; `steps` change through the steps endpoints."""
    db, sequence_id = _ids(request)
    current = await sequences.get_sequence(db, principal.workspace_id, sequence_id)
    data = await read_json(request, current=current)
    return json_response(
        await sequences.update_sequence(db, principal.workspace_id, sequence_id, data)
    )


async def delete_sequence_api(request, principal):
    """Delete a sequence: its active and paused enrollments stop (reason `sequence_deleted`)."""
    db, sequence_id = _ids(request)
    await sequences.delete_sequence(db, principal.workspace_id, sequence_id)
    return no_content()


async def add_step_api(request, principal):
    """Add a step: at the end, or at `order` (the steps from there move down one).
    Delays are whole days (0–365) and hours (0–23) after the previous step."""
    db, sequence_id = _ids(request)
    await sequences.get_sequence(db, principal.workspace_id, sequence_id)  # 404 before 422
    data = await read_json(request)
    step = await sequences.add_step(db, principal.workspace_id, sequence_id, data)
    return json_response(step, 201)


async def update_step_api(request, principal):
    """Edit a step; a new `order` moves it (reorder)."""
    db, sequence_id = _ids(request)
    ws, step_id = principal.workspace_id, request.path_params["sid"]
    current = await sequences.get_step(db, ws, sequence_id, step_id)
    data = await read_json(request, current=current)
    return json_response(await sequences.update_step(db, ws, sequence_id, step_id, data))


async def list_steps_api(request, principal):
    """The sequence's steps in order (the same list GET /api/sequences/{id} carries)."""
    db, sequence_id = _ids(request)
    sequence = await sequences.get_sequence(db, principal.workspace_id, sequence_id)
    return list_response(sequence["steps"], None)


async def delete_step_api(request, principal):
    """Remove a step; the steps after it move up one."""
    db, sequence_id = _ids(request)
    await sequences.delete_step(db, principal.workspace_id, sequence_id, request.path_params["sid"])
    return no_content()


async def enroll_api(request, principal):
    """Enroll a contact (`contact_id`; optionally the `campaign_id` and `submission_id` it
    came from). 409 when the contact already has an active or paused enrollment in this
    sequence, or gets no marketing email (unsubscribed or bounced)."""
    db, sequence_id = _ids(request)
    await sequences.get_sequence(db, principal.workspace_id, sequence_id)  # 404 before 422
    data = await read_json(request)
    enrollment = await sequences.enroll(
        db, principal.workspace_id, sequence_id, data, by=principal.display_name
    )
    return json_response(enrollment, 201)


async def list_enrollments_api(request, principal):
    """The sequence's enrollments, newest first; filter `status`. `current_step` counts the
    steps sent; `next_step_due_at` is when the next goes out; `history` lists what happened."""
    db, sequence_id = _ids(request)
    limit, cursor = list_params(request)
    items, next_cursor = await sequences.list_enrollments(
        db,
        principal.workspace_id,
        sequence_id,
        status=request.query_params.get("status") or None,
        cursor=cursor,
        limit=limit,
    )
    return list_response(items, next_cursor)


def _action(action: str, doc: str):
    async def endpoint(request, principal):
        db, enrollment_id = _ids(request)
        return json_response(
            await sequences.enrollment_action(
                db, principal.workspace_id, enrollment_id, action, by=principal.display_name
            )
        )

    endpoint.__doc__ = doc
    endpoint.__name__ = f"{action}_enrollment_api"
    return endpoint


async def advance_enrollment_api(request, principal):
    """Send the waiting step now.
    The step after it is then scheduled from now; 409 unless the enrollment is active."""
    db, enrollment_id = _ids(request)
    enrollment = await sequences.advance_enrollment(
        db,
        request.app.state.llm,
        principal.workspace_id,
        enrollment_id,
        by=principal.display_name,
    )
    return json_response(enrollment)


ACTION_DOCS = {
    "stop": "Stop an enrollment.\nActive or paused ones stop with reason `manual_stop`;"
    " 409 once it has ended.",
    "pause": "Pause an enrollment.\nNothing is sent until it is resumed; 409 unless active.",
    "resume": "Resume a paused enrollment.\nA step that fell due meanwhile goes out at the next"
    " scheduler tick; 409 unless paused.",
    "replied": "Mark that the contact replied.\nWith the sequence's `contact_replied` stop"
    " condition the enrollment stops (reason `contact_replied`); otherwise the reply is recorded"
    " in its history. 409 once the enrollment has ended.",
}


def _enrollment_routes():
    routes = [
        api_route(
            f"/enrollments/{{id}}/{action}",
            _action(action, doc),
            methods=["POST"],
            scope=WRITE,
            tags=["sequences"],
            body=False,
            errors=(409,),
        )
        for action, doc in ACTION_DOCS.items()
    ]
    routes.append(
        api_route(
            "/enrollments/{id}/advance",
            advance_enrollment_api,
            methods=["POST"],
            scope=WRITE,
            tags=["sequences"],
            body=False,
            errors=(409,),
        )
    )
    return routes


def _r(path, endpoint, method, scope, **options):
    return api_route(path, endpoint, methods=[method], scope=scope, tags=["sequences"], **options)


READ, WRITE = "sequences:read", "sequences:write"
routes = [
    _r("/sequences", list_sequences_api, "GET", READ, paged=True),
    _r("/sequences", create_sequence_api, "POST", WRITE, body=SEQUENCE_CREATE, status=201),
    _r("/sequences/{id}", get_sequence_api, "GET", READ),
    _r("/sequences/{id}", update_sequence_api, "PUT", WRITE, body=SEQUENCE_UPDATE),
    _r("/sequences/{id}", delete_sequence_api, "DELETE", WRITE),
    _r("/sequences/{id}/steps", list_steps_api, "GET", READ),
    _r("/sequences/{id}/steps", add_step_api, "POST", WRITE, body=STEP_CREATE, status=201),
    _r("/sequences/{id}/steps/{sid}", update_step_api, "PUT", WRITE, body=STEP_UPDATE),
    _r("/sequences/{id}/steps/{sid}", delete_step_api, "DELETE", WRITE),
    _r(
        "/sequences/{id}/enroll",
        enroll_api,
        "POST",
        WRITE,
        body=ENROLL_BODY,
        status=201,
        errors=(409,),
    ),
    _r("/sequences/{id}/enrollments", list_enrollments_api, "GET", READ, paged=True),
    *_enrollment_routes(),
]
