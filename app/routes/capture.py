"""Pages of the capture area: a form's spam page (quarantine with each verdict, the
blocked log, the weights and their tuning log) and its release / confirm buttons.
(The hosted form's plain POST lives with its page in public.py.)"""

from __future__ import annotations

from starlette.routing import Route

from app.services.capture import quarantine, spam
from app.services.forms import forms as forms_service
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path


async def spam_log_page(request):
    """GET /forms/{id}/spam: what the spam score held for review and what it, the
    honeypot, the limits and the duplicate rule turned away, each with its reasons."""
    principal = await require_page(request)
    db = request.app.state.db
    form = await forms_service.get_form(db, principal.workspace_id, request.path_params["form_id"])
    query = request.query_params
    data = await quarantine.spam_page_data(
        db,
        principal.workspace_id,
        form["id"],
        held_cursor=query.get("held"),
        blocked_cursor=query.get("cursor"),
    )
    spam_page = url_path(request, "form_spam", form_id=form["id"])
    next_url = f"{spam_page}?cursor={data['blocked_next']}" if data["blocked_next"] else None
    held_next = f"{spam_page}?held={data['quarantined_next']}" if data["quarantined_next"] else None
    return await render(
        request,
        "spam/index.html",
        {
            "form": form,
            "rows": data["blocked"],
            "next_url": next_url,
            "held": data["quarantined"],
            "held_next": held_next,
            "weights": data["weights"],
            "tuning_log": data["tuning_log"],
            "reasons": spam.REASONS,
            "can_write": principal.can_write,
        },
    )


async def _decide(request, action):
    principal = await require_page(request, write=True)
    await read_form(request)  # the CSRF token rides in the form
    form_id, sid = request.path_params["form_id"], request.path_params["submission_id"]
    db = request.app.state.db
    form = await forms_service.get_form(db, principal.workspace_id, form_id)
    result = await action(
        db, principal.workspace_id, sid, actor=principal.display_name, form_id=form["id"]
    )
    return form, result


async def release_submission(request):
    """POST: process a quarantined submission as if it had passed."""
    form, _ = await _decide(request, quarantine.release)
    return redirect(
        request,
        url_path(request, "form_spam", form_id=form["id"]),
        "Released: the submission is being processed, and these signals now weigh less here.",
    )


async def confirm_spam(request):
    """POST: confirm a quarantined submission as spam."""
    form, _ = await _decide(request, quarantine.confirm)
    return redirect(
        request,
        url_path(request, "form_spam", form_id=form["id"]),
        "Confirmed as spam: these signals now weigh more on this form.",
    )


routes = [
    Route("/forms/{form_id}/spam", spam_log_page, methods=["GET"], name="form_spam"),
    Route(
        "/forms/{form_id}/spam/{submission_id}/release",
        release_submission,
        methods=["POST"],
        name="form_spam_release",
    ),
    Route(
        "/forms/{form_id}/spam/{submission_id}/confirm",
        confirm_spam,
        methods=["POST"],
        name="form_spam_confirm",
    ),
]
