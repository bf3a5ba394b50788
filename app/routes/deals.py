"""Deal pages: the board by stage (HTMX moves, totals per stage), the list, new, detail/edit."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import ValidationError
from app.services.crm import contacts, deals
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import is_htmx, redirect, render, url_path

DEAL_KEYS = ("name", "amount", "stage", "contact_email")


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
        ctx.update(
            view="list",
            deals=items,
            stage=stage,
            next_url=url_path(request, "deals") + "?" + urlencode({**params, "cursor": next_cursor})
            if next_cursor
            else None,
        )
        return await render(request, "deals/list.html", ctx)
    ctx.update(view="board", columns=await deals.board(db, ws))
    return await render(request, "deals/board.html", ctx, fragment="deals/_board.html")


async def move_stage(request):
    """Move a deal to another stage. HTMX gets the re-rendered board (totals included)."""
    principal = await require_page(request, write=True)
    db, ws, deal_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    form = await read_form(request)
    stage = str(form.get("stage") or "")
    on_board = is_htmx(request) and request.headers.get("hx-target") == "deal-board"
    try:
        deal = await deals.move_deal(db, ws, deal_id, stage)
    except ValidationError as exc:
        if not on_board:
            raise
        # 422 is swapped by htmx: keep the board and say what went wrong above it.
        ctx = {
            "can_edit": True,
            "stages": deals.STAGES,
            "columns": await deals.board(db, ws),
            "board_error": exc.fields.get("stage") or exc.message,
        }
        return await render(
            request, "deals/board.html", ctx, fragment="deals/_board.html", status=422
        )
    if on_board:
        ctx = {
            "can_edit": True,
            "stages": deals.STAGES,
            "columns": await deals.board(db, ws),
            "moved_id": deal_id,
        }
        return await render(request, "deals/board.html", ctx, fragment="deals/_board.html")
    back = (
        url_path(request, "deal_detail", id=deal_id)
        if form.get("back") == "detail"
        else url_path(request, "deals")
    )
    return redirect(request, back, f"“{deal['name']}” moved to {stage}.")


async def _form_data(request, db, ws) -> tuple[dict, dict]:
    form = await read_form(request)
    values = {k: str(form.get(k) or "").strip() for k in DEAL_KEYS}
    data = {"name": values["name"], "amount": values["amount"], "stage": values["stage"] or "open"}
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


async def new_deal(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    values, errors, status = {"stage": "open", "contact_email": ""}, {}, 200
    if request.method == "GET" and request.query_params.get("contact_id"):
        contact = await contacts.get_contact(db, ws, request.query_params["contact_id"])
        values.update(
            contact_email=contact["email"], name=f"Deal with {contact['name'] or contact['email']}"
        )
    if request.method == "POST":
        values = {k: "" for k in DEAL_KEYS}
        try:
            values, data = await _form_data(request, db, ws)
            deal = await deals.create_deal(db, ws, data)
            return redirect(
                request, url_path(request, "deal_detail", id=deal["id"]), "Deal created."
            )
        except ValidationError as exc:
            errors, status = exc.fields, 422
    return await render(
        request,
        "deals/new.html",
        {"values": values, "errors": errors, "stages": deals.STAGES},
        status=status,
    )


async def _detail_ctx(db, ws, deal: dict, principal, **extra) -> dict:
    contact = await contacts.get_contact(db, ws, deal["contact_id"]) if deal["contact_id"] else None
    names = await contacts.company_names(db, ws, [deal["company_id"]])
    values = {
        "name": deal["name"],
        "amount": f"{deal['amount']:.2f}",
        "stage": deal["stage"],
        "contact_email": contact["email"] if contact else "",
    }
    ctx = {
        "deal": deal,
        "contact": contact,
        "company_name": names.get(deal["company_id"], ""),
        "values": values,
        "errors": {},
        "stages": deals.STAGES,
        "can_edit": principal.can_write,
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
        await deals.update_deal(db, ws, deal["id"], data)
    except ValidationError as exc:
        form = await read_form(request)
        values = {k: str(form.get(k) or "") for k in DEAL_KEYS}
        ctx = await _detail_ctx(db, ws, deal, principal, errors=exc.fields, values=values)
        return await render(
            request, "deals/detail.html", ctx, fragment="deals/_edit.html", status=422
        )
    return redirect(request, url_path(request, "deal_detail", id=deal["id"]), "Deal saved.")


routes = [
    Route("/deals", deal_board, methods=["GET"], name="deals"),
    Route("/deals/new", new_deal, methods=["GET", "POST"], name="deal_new"),
    Route("/deals/{id}", deal_detail, methods=["GET", "POST"], name="deal_detail"),
    Route("/deals/{id}/stage", move_stage, methods=["POST"], name="deal_stage"),
]
