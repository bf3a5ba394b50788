"""Sequence pages (SPEC §8, §16): the list, and one sequence with its steps as a
vertical timeline (add, edit, remove, reorder) and its enrollments with where each
contact stands and an action per enrollment. Plain forms redirect (303); the
enrollments panel is an HTMX fragment that refreshes itself."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import Conflict, NotFound, ValidationError
from app.services import sequences
from app.services.crm import contacts
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path

STEP_FORM_KEYS = ("delay_days", "delay_hours", "send_time", "subject", "body", "order")
ACTION_DONE = {
    "stop": "Enrollment stopped.",
    "pause": "Enrollment paused.",
    "resume": "Enrollment resumed.",
    "advance": "The next step was sent.",
    "replied": "Reply recorded.",
}


def _detail_url(request, sequence_id: str) -> str:
    return url_path(request, "sequence_detail", id=sequence_id)


# -- the list -------------------------------------------------------------------------
async def sequence_list(request):
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    values, errors, status = {"name": "", "description": ""}, {}, 200
    if request.method == "POST":
        principal = await require_page(request, write=True)
        form = await read_form(request)
        values = {k: str(form.get(k) or "") for k in values}
        try:
            created = await sequences.create_sequence(db, ws, values)
            return redirect(request, _detail_url(request, created["id"]), "Sequence created.")
        except ValidationError as exc:
            errors, status = exc.fields, 422
    cursor = request.query_params.get("cursor")
    items, next_cursor = await sequences.sequences_overview(db, ws, cursor=cursor)
    next_url = (
        url_path(request, "sequence_list") + "?" + urlencode({"cursor": next_cursor})
        if next_cursor
        else None
    )
    ctx = {
        "items": items,
        "next_url": next_url,
        "values": values,
        "errors": errors,
        "can_edit": principal.can_write,
    }
    return await render(request, "sequences/index.html", ctx, status=status)


# -- one sequence ---------------------------------------------------------------------
async def _page(request, principal, sequence_id: str, status: int = 200, **extra):
    ctx = await sequences.sequence_page(request.app.state.db, principal.workspace_id, sequence_id)
    ctx.update(
        can_edit=principal.can_write,
        statuses=sequences.STATUSES,
        all_conditions=sequences.STOP_CONDITION_LABELS,
        variables=sorted(sequences.STEP_VARIABLES),
        step_values={"delay_days": "1", "delay_hours": "0"},
        step_errors={},
        edit_errors={},
        edit_step_id=None,
        edit_step_errors={},
        edit_step_values={},
        enroll_email="",
        enroll_error=None,
        notice=None,
    )
    ctx.update(extra)
    return await render(
        request,
        "sequences/detail.html",
        ctx,
        fragment="sequences/_enrollments.html" if extra.get("enrollments_only") else None,
        status=status,
    )


async def sequence_detail(request):
    principal = await require_page(request)
    return await _page(request, principal, request.path_params["id"])


async def sequence_enrollments(request):
    """The enrollments panel (HTMX polls it); a plain GET gets the whole page."""
    principal = await require_page(request)
    return await _page(request, principal, request.path_params["id"], enrollments_only=True)


async def edit_sequence(request):
    principal = await require_page(request, write=True)
    db, ws, sequence_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    form = await read_form(request)
    data = {
        "name": str(form.get("name") or ""),
        "description": str(form.get("description") or ""),
        "status": str(form.get("status") or ""),
        "stop_conditions": [c for c in form.getlist("stop_conditions") if isinstance(c, str)],
    }
    try:
        await sequences.update_sequence(db, ws, sequence_id, data)
    except ValidationError as exc:
        return await _page(request, principal, sequence_id, 422, edit_errors=exc.fields)
    return redirect(request, _detail_url(request, sequence_id), "Sequence saved.")


async def delete_sequence(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    stopped = await sequences.delete_sequence(db, ws, request.path_params["id"])
    note = f" {stopped} enrollment{'s' if stopped != 1 else ''} stopped." if stopped else ""
    return redirect(request, url_path(request, "sequence_list"), "Sequence deleted." + note)


# -- steps ----------------------------------------------------------------------------
def _step_data(form) -> dict:
    data = {k: str(form.get(k) or "") for k in STEP_FORM_KEYS}
    data["agent_personalize"] = form.get("agent_personalize") == "on"
    return data


async def add_step(request):
    principal = await require_page(request, write=True)
    db, ws, sequence_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    data = _step_data(await read_form(request))
    try:
        step = await sequences.add_step(db, ws, sequence_id, data)
    except ValidationError as exc:
        return await _page(
            request, principal, sequence_id, 422, step_errors=exc.fields, step_values=data
        )
    return redirect(request, _detail_url(request, sequence_id), f"Step {step['order']} added.")


async def edit_step(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    sequence_id, step_id = request.path_params["id"], request.path_params["sid"]
    data = _step_data(await read_form(request))
    data.pop("order")
    try:
        await sequences.update_step(db, ws, sequence_id, step_id, data)
    except ValidationError as exc:
        extra = dict(edit_step_id=step_id, edit_step_errors=exc.fields, edit_step_values=data)
        return await _page(request, principal, sequence_id, 422, **extra)
    return redirect(request, _detail_url(request, sequence_id), "Step saved.")


async def move_step(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    sequence_id, step_id = request.path_params["id"], request.path_params["sid"]
    form = await read_form(request)
    sequence = await sequences.get_sequence(db, ws, sequence_id)
    step = next((s for s in sequence["steps"] if s["id"] == step_id), None)
    if step is None:
        raise NotFound("Step not found.")
    order = step["order"] + (-1 if form.get("direction") == "up" else 1)
    await sequences.update_step(db, ws, sequence_id, step_id, {"order": max(order, 1)})
    return redirect(request, _detail_url(request, sequence_id), "Steps reordered.")


async def delete_step(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    sequence_id = request.path_params["id"]
    await sequences.delete_step(db, ws, sequence_id, request.path_params["sid"])
    return redirect(request, _detail_url(request, sequence_id), "Step removed.")


# -- enrollments ----------------------------------------------------------------------
async def enroll_contact(request):
    principal = await require_page(request, write=True)
    db, ws, sequence_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    await sequences.get_sequence(db, ws, sequence_id)  # 404 first for another workspace's id
    email = str((await read_form(request)).get("email") or "").strip()
    contact_id = await contacts.contact_id_by_email(db, ws, email) if email else None
    try:
        if contact_id is None:
            raise ValidationError("No contact has this email; add the contact first.")
        await sequences.enroll(
            db, ws, sequence_id, {"contact_id": contact_id}, by=principal.display_name
        )
    except (ValidationError, Conflict) as exc:
        extra = dict(enroll_email=email, enroll_error=exc.message)
        return await _page(request, principal, sequence_id, 422, **extra)
    return redirect(request, _detail_url(request, sequence_id), f"{email} enrolled.")


async def enrollment_action(request):
    principal = await require_page(request, write=True)
    db, ws, enrollment_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    action = str((await read_form(request)).get("action") or "")
    enrollment = await sequences.get_enrollment(db, ws, enrollment_id)
    sequence_id, by = enrollment["sequence_id"], principal.display_name
    if action not in ACTION_DONE:
        raise ValidationError(f"Unknown action; use one of {', '.join(ACTION_DONE)}.")
    try:
        if action == "advance":
            await sequences.advance_enrollment(db, request.app.state.llm, ws, enrollment_id, by=by)
        else:
            await sequences.enrollment_action(db, ws, enrollment_id, action, by=by)
        notice, kind = ACTION_DONE[action], "success"
    except Conflict as exc:
        notice, kind = exc.message, "error"
    if request.headers.get("hx-target") == "sequence-enrollments":
        return await _page(
            request, principal, sequence_id, enrollments_only=True, notice=(notice, kind)
        )
    return redirect(request, _detail_url(request, sequence_id), notice, kind)


routes = [
    Route("/sequences", sequence_list, methods=["GET", "POST"], name="sequence_list"),
    Route("/sequences/{id}", sequence_detail, methods=["GET"], name="sequence_detail"),
    Route("/sequences/{id}", edit_sequence, methods=["POST"], name="sequence_edit"),
    Route("/sequences/{id}/delete", delete_sequence, methods=["POST"], name="sequence_delete"),
    Route("/sequences/{id}/steps", add_step, methods=["POST"], name="sequence_step_add"),
    Route("/sequences/{id}/steps/{sid}", edit_step, methods=["POST"], name="sequence_step_edit"),
    Route(
        "/sequences/{id}/steps/{sid}/move", move_step, methods=["POST"], name="sequence_step_move"
    ),
    Route(
        "/sequences/{id}/steps/{sid}/delete",
        delete_step,
        methods=["POST"],
        name="sequence_step_delete",
    ),
    Route("/sequences/{id}/enroll", enroll_contact, methods=["POST"], name="sequence_enroll"),
    Route(
        "/sequences/{id}/enrollments",
        sequence_enrollments,
        methods=["GET"],
        name="sequence_enrollments",
    ),
    Route(
        "/enrollments/{id}/action",
        enrollment_action,
        methods=["POST"],
        name="enrollment_action",
    ),
]
