"""Handlers and groups pages. Every form posts for real (303 back) and HTMX
enhances it; a validation error re-renders the form with messages beside the
fields and the input kept (422)."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts import members
from app.services.processing import handler_groups, handlers, routing
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, safe_next, url_path

STRATEGY_HELP = {
    "principal": "The principal gets everything; if inactive, the fallback handler.",
    "round_robin": "Members take turns, in order.",
    "least_loaded": "The member with the fewest open assignments.",
    "broadcast": "Every member is told; the first to claim it owns it.",
}


async def _form_data(request) -> dict:
    form = await read_form(request)
    return {k: v for k, v in form.items() if k != "csrf_token"}


async def _account_options(request, principal) -> list:
    rows = await members.active_accounts(request.app.state.db, principal.workspace_id)
    return [("", "— none —")] + [
        (r["account_id"], f"{r['name']} <{r['email']}>" if r["name"] else r["email"]) for r in rows
    ]


async def _handlers_page(request, principal, *, values=None, errors=None, status=200):
    db = request.app.state.db
    show_removed = request.query_params.get("removed") == "1"
    items = await handlers.list_handlers(db, principal.workspace_id, include_removed=show_removed)
    me = principal.account_id
    is_handler = any(h["account_id"] == me and h["active"] for h in items)
    return await render(
        request,
        "handlers/index.html",
        {
            "items": items,
            "values": values or {"type": "human"},
            "errors": errors or {},
            "show_removed": show_removed,
            "account_options": await _account_options(request, principal),
            "can_write": principal.can_write,
            "is_handler": is_handler,
        },
        fragment="handlers/_new.html" if errors else None,
        status=status,
    )


async def list_handlers_page(request):
    return await _handlers_page(request, await require_page(request))


# What each kind of handler is given; the other kind's inputs (hidden by CSS) are ignored.
KIND_FIELDS = {
    "human": ("type", "name", "email", "account_id"),
    "agent": ("type", "name", "instructions", "model"),
}


async def create_handler_page(request):
    principal = await require_page(request, write=True)
    data = await _form_data(request)
    keys = KIND_FIELDS.get(data.get("type"), ("type", "name"))
    body = {k: data.get(k) for k in keys if data.get(k) not in (None, "")}
    body.setdefault("name", "")
    try:
        item = await handlers.create_handler(request.app.state.db, principal.workspace_id, body)
    except ValidationError as exc:
        return await _handlers_page(request, principal, values=data, errors=exc.fields, status=422)
    return redirect(request, url_path(request, "handlers_list"), f"Handler “{item['name']}” added.")


async def add_me_page(request):
    """ "Add me as a handler": the signed-in member becomes a human handler linked to
    their account, so work routed to them shows in My work."""
    principal = await require_page(request, write=True)
    form = await read_form(request)
    item, created = await handlers.add_account_as_handler(
        request.app.state.db, principal.workspace_id, principal.account
    )
    message = (
        f"You are now a handler (“{item['name']}”): assign forms or groups to yourself."
        if created
        else f"You are already a handler (“{item['name']}”)."
    )
    target = safe_next(form.get("next"), url_path(request, "handlers_list"))
    return redirect(request, target, message)


async def toggle_handler_page(request):
    principal = await require_page(request, write=True)
    db, hid = request.app.state.db, request.path_params["id"]
    current = await handlers.get_handler(db, principal.workspace_id, hid)
    item = await handlers.update_handler(
        db, principal.workspace_id, hid, {"active": not current["active"]}
    )
    note = "" if item["active"] else " Its open work went back to the unassigned queue."
    return redirect(
        request,
        "/handlers",
        f"“{item['name']}” is now {'active' if item['active'] else 'inactive'}.{note}",
    )


async def remove_handler_page(request):
    principal = await require_page(request, write=True)
    await handlers.remove_handler(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return redirect(
        request,
        "/handlers",
        "Handler removed; its history is kept and its open work is unassigned.",
    )


# -- groups -------------------------------------------------------------------------
def _handler_options(items: list) -> list:
    return [("", "— none: the unassigned queue —")] + [
        (h["id"], f"{h['name']} ({h['type']})") for h in items
    ]


def _field_errors(errors: dict | None) -> dict:
    return {k.replace("settings.", ""): v for k, v in (errors or {}).items()}


async def _groups_page(request, principal, *, values=None, errors=None, status=200):
    db = request.app.state.db
    items = await handlers.list_handlers(db, principal.workspace_id)
    return await render(
        request,
        "handlers/groups.html",
        {
            "handler_options": _handler_options(items),
            "groups": await handler_groups.list_groups(db, principal.workspace_id),
            "handlers": items,
            "values": values or {},
            "errors": _field_errors(errors),
            "strategies": routing.STRATEGIES,
            "strategy_help": STRATEGY_HELP,
            "can_write": principal.can_write,
        },
        status=status,
    )


async def list_groups_page(request):
    return await _groups_page(request, await require_page(request))


def _group_body(data: dict) -> dict:
    body = {k: data.get(k, "") for k in ("name", "description", "routing_strategy")}
    body["settings"] = {"fallback_handler_id": data.get("fallback_handler_id") or None}
    return body


async def create_group_page(request):
    principal = await require_page(request, write=True)
    data = await _form_data(request)
    try:
        group = await handler_groups.create_group(
            request.app.state.db, principal.workspace_id, _group_body(data)
        )
    except ValidationError as exc:
        return await _groups_page(request, principal, values=data, errors=exc.fields, status=422)
    return redirect(
        request,
        url_path(request, "groups_show", id=group["id"]),
        f"Group “{group['name']}” created; add its members.",
    )


async def _group_detail(request, principal, group_id, *, errors=None, status=200):
    db = request.app.state.db
    group = await handler_groups.get_group(db, principal.workspace_id, group_id)
    items = await handlers.list_handlers(db, principal.workspace_id)
    return await render(
        request,
        "handlers/group.html",
        {
            "g": group,
            "handlers": items,
            "handler_options": _handler_options(items),
            "names": {
                h["id"]: h["name"]
                for h in await handlers.list_handlers(
                    db, principal.workspace_id, include_removed=True
                )
            },
            "errors": _field_errors(errors),
            "strategies": routing.STRATEGIES,
            "strategy_help": STRATEGY_HELP,
            "can_write": principal.can_write,
        },
        status=status,
    )


async def show_group_page(request):
    principal = await require_page(request)
    return await _group_detail(request, principal, request.path_params["id"])


async def update_group_page(request):
    principal = await require_page(request, write=True)
    gid = request.path_params["id"]
    try:
        await handler_groups.update_group(
            request.app.state.db,
            principal.workspace_id,
            gid,
            _group_body(await _form_data(request)),
        )
    except ValidationError as exc:
        return await _group_detail(request, principal, gid, errors=exc.fields, status=422)
    return redirect(request, url_path(request, "groups_show", id=gid), "Group saved.")


async def add_member_page(request):
    principal = await require_page(request, write=True)
    gid, data = request.path_params["id"], await _form_data(request)
    try:
        await handler_groups.add_member(
            request.app.state.db,
            principal.workspace_id,
            gid,
            {"handler_id": data.get("handler_id"), "role": data.get("role") or "member"},
        )
    except ValidationError as exc:
        return await _group_detail(request, principal, gid, errors=exc.fields, status=422)
    return redirect(request, url_path(request, "groups_show", id=gid), "Member added.")


async def remove_member_page(request):
    principal = await require_page(request, write=True)
    gid = request.path_params["id"]
    await handler_groups.remove_member(
        request.app.state.db, principal.workspace_id, gid, request.path_params["mid"]
    )
    return redirect(request, url_path(request, "groups_show", id=gid), "Member removed.")


async def delete_group_page(request):
    principal = await require_page(request, write=True)
    await handler_groups.delete_group(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return redirect(request, url_path(request, "groups_list"), "Group deleted.")


routes = [
    Route("/handlers", list_handlers_page, methods=["GET"], name="handlers_list"),
    Route("/handlers", create_handler_page, methods=["POST"], name="handlers_create"),
    Route("/handlers/me", add_me_page, methods=["POST"], name="handlers_add_me"),
    Route("/handlers/{id}/toggle", toggle_handler_page, methods=["POST"], name="handlers_toggle"),
    Route("/handlers/{id}/delete", remove_handler_page, methods=["POST"], name="handlers_remove"),
    Route("/groups", list_groups_page, methods=["GET"], name="groups_list"),
    Route("/groups", create_group_page, methods=["POST"], name="groups_create"),
    Route("/groups/{id}", show_group_page, methods=["GET"], name="groups_show"),
    Route("/groups/{id}", update_group_page, methods=["POST"], name="groups_update"),
    Route("/groups/{id}/members", add_member_page, methods=["POST"], name="groups_member_add"),
    Route(
        "/groups/{id}/members/{mid}/delete",
        remove_member_page,
        methods=["POST"],
        name="groups_member_remove",
    ),
    Route("/groups/{id}/delete", delete_group_page, methods=["POST"], name="groups_delete"),
]
