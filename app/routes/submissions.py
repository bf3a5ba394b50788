"""Submission pages: the filtered list and one submission's detail and timeline."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts import workspaces
from app.services.agents import review
from app.services.capture import submissions
from app.services.forms import forms as forms_service
from app.services.processing import narrative, summary, work
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, safe_next, url_path


async def _zone_and_currency(db, principal) -> tuple[str, str]:
    settings = (await workspaces.get_workspace(db, principal.workspace_id))["settings"]
    return settings.get("timezone") or "UTC", settings["currency"]


def _filters(query) -> dict:
    return {k: (query.get(k) or "").strip() or None for k in submissions.FILTER_KEYS}


def _selection(request) -> dict:
    """The bulk bar's links: this very list (to come back to) and the same with every row ticked."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "select"]
    here = request.url.path + ("?" + urlencode(query) if query else "")
    return {
        "here": here,
        "select_all": request.query_params.get("select") == "all",
        "select_all_url": request.url.path + "?" + urlencode([*query, ("select", "all")]),
    }


async def list_submissions_page(request):
    principal = await require_page(request)
    db = request.app.state.db
    filters = _filters(request.query_params)
    tz, currency = await _zone_and_currency(db, principal)
    errors = {}
    try:
        items, next_cursor = await submissions.list_submissions(
            db,
            principal.workspace_id,
            filters=filters,
            cursor=request.query_params.get("cursor"),
            limit=50,
            tz=tz,
            hide_spam=True,
        )
    except ValidationError as exc:  # a bad filter value: show it next to the filter, list nothing
        items, next_cursor, errors = [], None, exc.fields or {"status": exc.message}
    query = {k: v for k, v in filters.items() if v}
    next_url = (
        url_path(request, "submissions_list") + "?" + urlencode({**query, "cursor": next_cursor})
        if next_cursor
        else None
    )
    forms = await forms_service.form_choices(db, principal.workspace_id)
    lines = await summary.summaries(db, principal.workspace_id, [i["id"] for i in items], currency)
    return await render(
        request,
        "submissions/index.html",
        {
            "items": items,
            "summaries": lines,
            "filters": filters,
            "forms": forms,
            "statuses": submissions.STATUSES,
            "errors": errors,
            "next_url": next_url,
            "filtered": bool(query),
            "can_edit": principal.can_write,
            **_selection(request),
        },
        fragment="submissions/_table.html",
        status=422 if errors else 200,
    )


async def show_submission_page(request):
    principal = await require_page(request)
    db = request.app.state.db
    sub = await submissions.get_submission(db, principal.workspace_id, request.path_params["id"])
    mine = await work.handler_for_account(db, principal.workspace_id, principal.account_id)
    _, currency = await _zone_and_currency(db, principal)
    line = (await summary.summaries(db, principal.workspace_id, [sub["id"]], currency)).get(
        sub["id"]
    )
    return await render(
        request,
        "submissions/show.html",
        {
            "s": sub,
            "summary": line,
            "took": narrative.duration_text(sub["processing_duration_ms"]),
            "outcome": narrative.outcome_words(sub["outcome"], (sub["assigned"] or {}).get("name")),
            "my_handler": mine,
            "can_write": principal.can_write,
        },
    )


async def reprocess_submission_page(request):
    """GET asks for confirmation (a page, or an inline fragment under HTMX); POST runs it."""
    principal = await require_page(request, write=True)
    db, sid = request.app.state.db, request.path_params["id"]
    if request.method == "GET":
        sub = await submissions.get_submission(db, principal.workspace_id, sid)
        return await render(
            request,
            "submissions/reprocess.html",
            {"s": sub},
            fragment="submissions/_reprocess_confirm.html",
        )
    await submissions.reprocess(db, principal.workspace_id, sid)
    return redirect(
        request,
        url_path(request, "submissions_show", id=sid),
        "Reprocessing started: the timeline updates when it is done.",
    )


async def claim_submission_page(request):
    principal = await require_page(request, write=True)
    db, sid = request.app.state.db, request.path_params["id"]
    mine = await work.handler_for_account(db, principal.workspace_id, principal.account_id)
    if mine is None:
        return redirect(
            request,
            url_path(request, "submissions_show", id=sid),
            "You are not a handler in this workspace yet.",
            "error",
        )
    await work.claim_submission(db, principal.workspace_id, sid, mine["id"])
    return redirect(
        request,
        safe_next(request.query_params.get("next"), url_path(request, "submissions_show", id=sid)),
        "It is yours now.",
    )


async def review_submission_page(request):
    """ "Looks good" (or "Take over", ``take_over=1``: also assigned to the member's own
    handler): mark what the agent did on its own as reviewed by this member."""
    principal = await require_page(request, write=True)
    db, sid = request.app.state.db, request.path_params["id"]
    form = await read_form(request)
    mine = None
    if form.get("take_over"):
        mine = await work.handler_for_account(db, principal.workspace_id, principal.account_id)
        if mine is None:
            raise ValidationError(
                "To take it over you need a human handler linked to your account (Handlers page)."
            )
    await review.mark_reviewed(
        db,
        principal.workspace_id,
        sid,
        reviewer_id=principal.account_id,
        reviewer_name=principal.display_name,
        take_over_handler_id=mine["id"] if mine else None,
    )
    return redirect(
        request,
        safe_next(request.query_params.get("next"), url_path(request, "submissions_show", id=sid)),
        "It is yours now: reviewed and assigned to you." if mine else "Marked as reviewed.",
    )


routes = [
    Route("/submissions", list_submissions_page, methods=["GET"], name="submissions_list"),
    Route("/submissions/{id}", show_submission_page, methods=["GET"], name="submissions_show"),
    Route(
        "/submissions/{id}/reprocess",
        reprocess_submission_page,
        methods=["GET", "POST"],
        name="submissions_reprocess",
    ),
    Route(
        "/submissions/{id}/claim", claim_submission_page, methods=["POST"], name="submissions_claim"
    ),
    Route(
        "/submissions/{id}/review",
        review_submission_page,
        methods=["POST"],
        name="submissions_review",
    ),
]
