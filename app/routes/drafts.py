"""The drafts pages (SPEC §6.4): plans waiting for a human. The list is one summary
line per draft with bulk approve / reject (a confirmation step that says how many);
a draft's own page approves (with the actions edited in place) or rejects with a
note. HTMX swaps the draft's card; without JavaScript the forms post and answer a
303 back to the list."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import ValidationError
from app.services.agents import bulk_review, drafts
from app.services.llm.agent_prompt import SCORES
from app.services.processing.work import TICKET_PRIORITIES as PRIORITIES
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import is_htmx, redirect, render, url_path

STATUS_TABS = (
    ("pending", "Waiting"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("all", "All"),
)
# Editable details per action: (key, label, widget)
EDITABLE = {
    "qualify_lead": (
        ("score", "Score", "score"),
        ("reason", "Reason", "text"),
        ("tags", "Tags (comma-separated)", "tags"),
    ),
    "send_email": (("subject", "Subject", "text"), ("body", "Message", "textarea")),
    "book_meeting": (
        ("subject", "Subject", "text"),
        ("body", "Message (the booking link is added)", "textarea"),
    ),
    "create_deal": (("name", "Deal name", "text"), ("amount", "Amount", "amount")),
    "create_ticket": (
        ("title", "Title", "text"),
        ("description", "Description", "textarea"),
        ("priority", "Priority", "priority"),
    ),
    "enroll_sequence": (("sequence", "Sequence", "text"),),
    "escalate": (("reason", "Reason", "textarea"),),
    "respond_direct": (("message", "Message", "textarea"),),
}


def _ctx(**extra) -> dict:
    return {"editable": EDITABLE, "scores": SCORES, "priorities": PRIORITIES, "errors": {}, **extra}


async def list_drafts_page(request):
    principal = await require_page(request)
    status = request.query_params.get("status") or "pending"
    if status not in {s for s, _ in STATUS_TABS}:
        status = "pending"
    cursor = request.query_params.get("cursor")
    items, next_cursor = await drafts.list_drafts(
        request.app.state.db,
        principal.workspace_id,
        status=None if status == "all" else status,
        cursor=cursor,
        limit=50,  # one line each: a page of 50 stays short
    )
    next_url = (
        url_path(request, "drafts") + f"?status={status}&cursor={next_cursor}"
        if next_cursor
        else None
    )
    return await render(
        request,
        "drafts/index.html",
        _ctx(
            drafts=items,
            status=status,
            tabs=STATUS_TABS,
            next_url=next_url,
            can_write=principal.can_write,
        ),
    )


async def show_draft_page(request):
    principal = await require_page(request)
    draft = await drafts.get_draft(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return await render(request, "drafts/show.html", _ctx(d=draft, can_write=principal.can_write))


def _parse_detail(widget: str, raw: str, original):
    raw = (raw or "").strip()
    if widget == "tags":
        return [t.strip() for t in raw.split(",") if t.strip()]
    if widget == "amount":
        if not raw:
            return None
        try:
            return float(raw.replace(",", "").replace("$", ""))
        except ValueError:
            raise ValidationError(
                "Fix the highlighted action.",
                fields={
                    "planned_actions": f"“{raw}” is not an amount; write a number such as 25000."
                },
            ) from None
    return raw


def parse_actions(form, original: list[dict]) -> list[dict]:
    """The edited action list from the card's form: unticked actions are dropped,
    details start from the draft's and take the edited values."""
    actions = []
    for i, item in enumerate(original):
        if form.get(f"a{i}_keep") != "on":
            continue
        details = dict(item.get("details") or {})
        for key, _label, widget in EDITABLE.get(item["action"], ()):
            if f"a{i}_{key}" in form:
                details[key] = _parse_detail(widget, form.get(f"a{i}_{key}"), details.get(key))
        actions.append({"action": item["action"], "details": details})
    return actions


async def _card_or_redirect(request, principal, draft_id: str, message: str):
    if is_htmx(request):
        draft = await drafts.get_draft(request.app.state.db, principal.workspace_id, draft_id)
        return await render(
            request,
            "drafts/show.html",
            _ctx(d=draft, can_write=True, flash=message),
            fragment="drafts/_card.html",
        )
    return redirect(request, url_path(request, "drafts"), message)


async def _card_with_errors(request, principal, draft_id: str, exc: ValidationError, form):
    draft = await drafts.get_draft(request.app.state.db, principal.workspace_id, draft_id)
    return await render(
        request,
        "drafts/show.html",
        _ctx(d=draft, can_write=True, errors=exc.fields, submitted=dict(form)),
        fragment="drafts/_card.html",
        status=422,
    )


async def approve_draft(request):
    principal = await require_page(request, write=True)
    draft_id = request.path_params["id"]
    db = request.app.state.db
    draft = await drafts.get_draft(db, principal.workspace_id, draft_id)
    form = await read_form(request)
    try:
        edited = parse_actions(form, draft["planned_actions"])
        done = await drafts.approve_draft(
            db, principal.workspace_id, draft_id, reviewer=principal.account_id, actions=edited
        )
    except ValidationError as exc:
        return await _card_with_errors(request, principal, draft_id, exc, form)
    count = len(done["planned_actions"])
    return await _card_or_redirect(
        request,
        principal,
        draft_id,
        f"Draft approved: {count} action{'s' if count != 1 else ''} ran.",
    )


async def reject_draft(request):
    principal = await require_page(request, write=True)
    draft_id = request.path_params["id"]
    form = await read_form(request)
    try:
        await drafts.reject_draft(
            request.app.state.db,
            principal.workspace_id,
            draft_id,
            reviewer=principal.account_id,
            note=form.get("note") or "",
        )
    except ValidationError as exc:
        return await _card_with_errors(request, principal, draft_id, exc, form)
    return await _card_or_redirect(
        request, principal, draft_id, "Draft rejected; nothing was sent."
    )


async def bulk_review_page(request):
    """Step 1 (no ``confirmed``): a page that says how many drafts and what will happen;
    step 2: review them all and come back to the list with the counts."""
    principal = await require_page(request, write=True)
    db, form = request.app.state.db, await read_form(request)
    ids, decision, note = form.getlist("ids"), form.get("decision"), form.get("note") or ""
    try:
        ids, decision, note = bulk_review.checked_request(ids, decision, note)
    except ValidationError as exc:
        message = " ".join(exc.fields.values()) if exc.fields else exc.message
        return redirect(request, url_path(request, "drafts"), message, kind="error")
    if form.get("confirmed") != "1":
        chosen = await bulk_review.pending_drafts(db, principal.workspace_id, ids)
        ctx = _ctx(chosen=chosen, decision=decision, note=note)
        return await render(request, "drafts/confirm.html", ctx)
    result = await bulk_review.review_many(
        db, principal.workspace_id, ids, decision=decision, reviewer=principal.account_id, note=note
    )
    return redirect(request, url_path(request, "drafts"), _bulk_message(result))


def _bulk_message(result: dict) -> str:
    done, skipped = result["done"], result["skipped"]
    verb = "approved: their actions ran" if result["decision"] == "approve" else "rejected"
    text = f"{done} draft{'s' if done != 1 else ''} {verb}."
    if skipped:
        text += f" {skipped} skipped: already reviewed by someone else or gone."
    return text


routes = [
    Route("/drafts", list_drafts_page, methods=["GET"], name="drafts"),
    Route("/drafts/bulk", bulk_review_page, methods=["POST"], name="drafts_bulk"),
    Route("/drafts/{id}", show_draft_page, methods=["GET"], name="draft"),
    Route("/drafts/{id}/approve", approve_draft, methods=["POST"], name="approve_draft"),
    Route("/drafts/{id}/reject", reject_draft, methods=["POST"], name="reject_draft"),
]
