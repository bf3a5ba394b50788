"""Deal pages: the board by stage (drag and drop or the select + Move, totals per stage),
the list, new, and the deal page (details, timeline with notes, edit)."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts import members
from app.services.accounts.currency import CODES
from app.services.crm import contacts, deal_activity, deals
from app.services.crm.deal_activity import actor_of
from app.services.crm.deal_board import board as stage_board
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import is_htmx, redirect, render, url_path

DEAL_KEYS = (
    "name",
    "amount",
    "currency",
    "stage",
    "owner_id",
    "expected_close_date",
    "contact_email",
)


async def deal_board(request):
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    ctx = {"can_edit": principal.can_write, "stages": deals.STAGES}
    if request.query_params.get("view") == "list":
        stage = request.query_params.get("stage") or None
        items, next_cursor = await deals.list_deals(
            db, ws, stage=stage, limit=50, cursor=request.query_params.get("cursor")
        )
        params = {"view": "list", **({"stage": stage} if stage else {})}
        people = await members.active_accounts(db, ws)
        ctx.update(
            view="list",
            deals=items,
            owners={p["account_id"]: p["name"] or p["email"] for p in people},
            stage=stage,
            next_url=url_path(request, "deals") + "?" + urlencode({**params, "cursor": next_cursor})
            if next_cursor
            else None,
        )
        return await render(request, "deals/list.html", ctx)
    ctx.update(view="board", columns=await stage_board(db, ws))
    return await render(request, "deals/board.html", ctx, fragment="deals/_board.html")


async def _board_fragment(request, db, ws, status: int = 200, **extra):
    ctx = {
        "can_edit": True,
        "stages": deals.STAGES,
        "columns": await stage_board(db, ws),
        **extra,
    }
    return await render(
        request, "deals/board.html", ctx, fragment="deals/_board.html", status=status
    )


async def move_stage(request):
    """Move a deal to another stage: the board's drag and drop and its select + Move both post
    here. HTMX gets the re-rendered board (totals included); a plain post a redirect."""
    principal = await require_page(request, write=True)
    db, ws, deal_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    form = await read_form(request)
    stage = str(form.get("stage") or "")
    on_board = is_htmx(request) and request.headers.get("hx-target") == "deal-board"
    try:
        deal = await deals.move_deal(db, ws, deal_id, stage, actor_of(principal))
    except ValidationError as exc:
        if not on_board:
            raise
        # 422 is swapped by htmx: keep the board and say what went wrong above it.
        error = exc.fields.get("stage") or exc.message
        return await _board_fragment(request, db, ws, 422, board_error=error)
    if on_board:
        return await _board_fragment(request, db, ws, moved_id=deal_id)
    back = (
        url_path(request, "deal_detail", id=deal_id)
        if form.get("back") == "detail"
        else url_path(request, "deals")
    )
    return redirect(request, back, f"“{deal['name']}” moved to {stage.capitalize()}.")


async def _form_data(request, db, ws) -> tuple[dict, dict]:
    form = await read_form(request)
    values = {k: str(form.get(k) or "").strip() for k in DEAL_KEYS}
    data = {k: values[k] for k in DEAL_KEYS if k != "contact_email"}
    data["stage"] = values["stage"] or "open"
    if values["contact_email"]:
        contact_id = await contacts.contact_id_by_email(db, ws, values["contact_email"])
        if contact_id is None:
            raise ValidationError(
                fields={"contact_email": "No contact with this email; create the contact first."}
            )
        data["contact_id"] = contact_id
    else:
        data["contact_id"] = None
    return values, data


async def _choices(db, ws) -> dict:
    """The pickers of the deal form: stages, members (owner) and currencies."""
    people = await members.active_accounts(db, ws)
    return {
        "stages": deals.STAGES,
        "owners": [("", "Nobody")] + [(p["account_id"], p["name"] or p["email"]) for p in people],
        "currencies": sorted(CODES),
    }


async def new_deal(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    workspace_currency = await deals.workspace_currency(db, ws)
    values = {
        "stage": "open",
        "contact_email": "",
        "currency": workspace_currency,
        "owner_id": principal.account_id,
    }
    errors, status = {}, 200
    if request.method == "GET" and request.query_params.get("contact_id"):
        contact = await contacts.get_contact(db, ws, request.query_params["contact_id"])
        values.update(
            contact_email=contact["email"], name=f"Deal with {contact['name'] or contact['email']}"
        )
    if request.method == "POST":
        try:
            values, data = await _form_data(request, db, ws)
            deal = await deals.create_deal(db, ws, data, actor_of(principal))
            return redirect(
                request, url_path(request, "deal_detail", id=deal["id"]), "Deal created."
            )
        except ValidationError as exc:
            errors, status = exc.fields, 422
    ctx = {"values": values, "errors": errors, **await _choices(db, ws)}
    return await render(request, "deals/new.html", ctx, status=status)


def _day(value: str | None) -> str:
    """2026-12-31 → "31 Dec 2026" (a calendar day: no time zone to convert)."""
    return f"{date.fromisoformat(value):%-d %b %Y}" if value else ""


async def _detail_ctx(db, ws, deal: dict, principal, **extra) -> dict:
    contact = await contacts.get_contact(db, ws, deal["contact_id"]) if deal["contact_id"] else None
    names = await contacts.company_names(db, ws, [deal["company_id"]])
    choices = await _choices(db, ws)
    values = {
        "name": deal["name"],
        "amount": f"{deal['amount']:.2f}",
        "currency": deal["currency"],
        "stage": deal["stage"],
        "owner_id": deal["owner_id"] or "",
        "expected_close_date": deal["expected_close_date"] or "",
        "contact_email": contact["email"] if contact else "",
    }
    ctx = {
        "deal": deal,
        "contact": contact,
        "company_name": names.get(deal["company_id"], ""),
        "owner_name": dict(choices["owners"]).get(deal["owner_id"] or "", "")
        if deal["owner_id"]
        else "",
        "timeline": await deal_activity.timeline(db, ws, deal["id"]),
        "close_label": _day(deal["expected_close_date"]),
        "values": values,
        "errors": {},
        "note_error": None,
        "note_body": "",
        "can_edit": principal.can_write,
        **choices,
    }
    ctx.update(extra)
    return ctx


async def deal_detail(request):
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    deal = await deals.get_deal(db, ws, request.path_params["id"])
    if request.method == "GET":
        return await render(
            request, "deals/detail.html", await _detail_ctx(db, ws, deal, principal)
        )
    principal = await require_page(request, write=True)
    try:
        values, data = await _form_data(request, db, ws)
        await deals.update_deal(db, ws, deal["id"], data, actor_of(principal))
    except ValidationError as exc:
        form = await read_form(request)
        values = {k: str(form.get(k) or "") for k in DEAL_KEYS}
        ctx = await _detail_ctx(db, ws, deal, principal, errors=exc.fields, values=values)
        return await render(
            request, "deals/detail.html", ctx, fragment="deals/_edit.html", status=422
        )
    return redirect(request, url_path(request, "deal_detail", id=deal["id"]), "Deal saved.")


async def add_deal_note(request):
    """A note on the deal's timeline; HTMX gets the timeline back, a plain post a redirect."""
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    deal = await deals.get_deal(db, ws, request.path_params["id"])
    body = str((await read_form(request)).get("body") or "")
    try:
        await deal_activity.add_note(db, ws, deal["id"], body, actor_of(principal))
    except ValidationError as exc:
        ctx = await _detail_ctx(
            db, ws, deal, principal, note_error=exc.fields["body"], note_body=body
        )
        return await render(
            request, "deals/detail.html", ctx, fragment="deals/_timeline.html", status=422
        )
    if is_htmx(request):
        ctx = await _detail_ctx(db, ws, deal, principal)
        return await render(request, "deals/detail.html", ctx, fragment="deals/_timeline.html")
    return redirect(request, url_path(request, "deal_detail", id=deal["id"]), "Note added.")


routes = [
    Route("/deals", deal_board, methods=["GET"], name="deals"),
    Route("/deals/new", new_deal, methods=["GET", "POST"], name="deal_new"),
    Route("/deals/{id}", deal_detail, methods=["GET", "POST"], name="deal_detail"),
    Route("/deals/{id}/stage", move_stage, methods=["POST"], name="deal_stage"),
    Route("/deals/{id}/notes", add_deal_note, methods=["POST"], name="deal_note_add"),
]
