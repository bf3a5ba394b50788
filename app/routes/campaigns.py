"""Campaign pages: the list with each campaign's numbers, new/edit, and the detail
page (performance, contacts, broadcasts with their progress)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import Conflict, NotFound, ValidationError
from app.services.campaigns import broadcasts, campaigns, members, performance
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import is_htmx, redirect, render, url_path

TEXT_KEYS = (
    "name",
    "description",
    "type",
    "status",
    "asset_url",
    "asset_name",
    "utm_campaign",
    "welcome_subject",
    "welcome_body",
    "welcome_template_id",
    "nurture_sequence_id",
)


def _base_ctx() -> dict:
    return {
        "types": [(t, campaigns.TYPE_LABELS[t]) for t in campaigns.TYPES],
        "statuses": [(s, s.capitalize()) for s in campaigns.STATUSES],
        "type_labels": campaigns.TYPE_LABELS,
        "sources": members.SOURCES,
    }


async def campaign_list(request):
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    items, next_cursor = await campaigns.list_campaigns(
        db, ws, limit=50, cursor=request.query_params.get("cursor")
    )
    numbers = await performance.performances(db, ws, [c["id"] for c in items])
    ctx = {
        **_base_ctx(),
        "campaigns": items,
        "numbers": numbers,
        "can_edit": principal.can_write,
        "next_url": url_path(request, "campaigns") + "?" + urlencode({"cursor": next_cursor})
        if next_cursor
        else None,
    }
    return await render(request, "campaigns/index.html", ctx)


def _values_from(form) -> tuple[dict, dict]:
    """(what the form shows back, what the service gets)."""
    values = {k: str(form.get(k) or "").strip() for k in TEXT_KEYS}
    values["welcome_body"] = str(form.get("welcome_body") or "")
    values["contact_tags"] = str(form.get("contact_tags") or "")
    values["inbound_form_ids"] = [str(v) for v in form.getlist("inbound_form_ids")]
    data = {k: values[k] for k in TEXT_KEYS}
    data["contact_tags"] = [t for t in values["contact_tags"].split(",") if t.strip()]
    data["inbound_form_ids"] = values["inbound_form_ids"]
    for key in ("welcome_template_id", "nurture_sequence_id"):
        data[key] = data[key] or None
    return values, data


def _values_of(campaign: dict) -> dict:
    values = {k: campaign[k] or "" for k in TEXT_KEYS}
    values["contact_tags"] = ", ".join(campaign["contact_tags"])
    values["inbound_form_ids"] = campaign["inbound_form_ids"]
    return values


async def _edit_page(request, principal, campaign: dict | None):
    db, ws = request.app.state.db, principal.workspace_id
    values = (
        _values_of(campaign)
        if campaign
        else {
            **{k: "" for k in TEXT_KEYS},
            "type": "newsletter",
            "status": "active",
            "contact_tags": "",
            "inbound_form_ids": [],
        }
    )
    errors, status = {}, 200
    if request.method == "POST":
        values, data = _values_from(await read_form(request))
        try:
            if campaign:
                saved = await campaigns.update_campaign(db, ws, campaign["id"], data)
            else:
                saved = await campaigns.create_campaign(db, ws, data)
            message = "Campaign saved." if campaign else "Campaign created."
            return redirect(request, url_path(request, "campaign_detail", id=saved["id"]), message)
        except (ValidationError, NotFound) as exc:
            if isinstance(exc, NotFound) and not exc.fields:
                raise
            errors, status = exc.fields, 422
    choices = await campaigns.workspace_choices(db, ws)
    ctx = {
        **_base_ctx(),
        "campaign": campaign,
        "values": values,
        "errors": errors,
        "choices": choices,
        "template_options": [("", "Write it here")]
        + [(t["id"], t["name"]) for t in choices["templates"]],
        "sequence_options": [("", "None")] + [(q["id"], q["name"]) for q in choices["sequences"]],
    }
    return await render(request, "campaigns/edit.html", ctx, status=status)


async def new_campaign(request):
    principal = await require_page(request, write=True)
    return await _edit_page(request, principal, None)


async def edit_campaign(request):
    principal = await require_page(request, write=request.method == "POST")
    campaign = await campaigns.get_campaign(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return await _edit_page(request, principal, campaign)


async def _detail_ctx(request, principal, campaign_id: str, **extra) -> dict:
    db, ws = request.app.state.db, principal.workspace_id
    campaign = await campaigns.get_campaign(db, ws, campaign_id)
    contacts, next_cursor = await members.list_members(
        db, ws, campaign_id, limit=50, cursor=request.query_params.get("cursor")
    )
    sent, _ = await broadcasts.list_broadcasts(db, ws, campaign_id=campaign_id, limit=10)
    choices = await campaigns.workspace_choices(db, ws)
    ctx = {
        **_base_ctx(),
        "campaign": campaign,
        "numbers": await performance.performance(db, ws, campaign_id),
        "contacts": contacts,
        "broadcasts": sent,
        "sending": any(b["status"] in broadcasts.RUNNING for b in sent),
        "form_names": {f["id"]: f["name"] for f in choices["forms"]},
        "sequence_names": {s["id"]: s["name"] for s in choices["sequences"]},
        "template_names": {t["id"]: t["name"] for t in choices["templates"]},
        "can_edit": principal.can_write,
        "next_url": url_path(request, "campaign_detail", id=campaign_id)
        + "?"
        + urlencode({"cursor": next_cursor})
        if next_cursor
        else None,
        "member_error": None,
        "member_value": "",
        "broadcast_errors": {},
        "broadcast_values": {"subject": "", "body": "", "audience": "campaign", "tag": ""},
    }
    ctx.update(extra)
    return ctx


async def campaign_detail(request):
    principal = await require_page(request)
    ctx = await _detail_ctx(request, principal, request.path_params["id"])
    return await render(request, "campaigns/detail.html", ctx)


async def campaign_broadcasts(request):
    """The broadcasts panel alone: the detail page polls it while one is sending."""
    principal = await require_page(request)
    ctx = await _detail_ctx(request, principal, request.path_params["id"])
    return await render(
        request, "campaigns/detail.html", ctx, fragment="campaigns/_broadcasts.html"
    )


async def delete_campaign(request):
    principal = await require_page(request, write=True)
    db, ws = request.app.state.db, principal.workspace_id
    campaign = await campaigns.get_campaign(db, ws, request.path_params["id"])
    await campaigns.delete_campaign(db, ws, campaign["id"])
    return redirect(request, url_path(request, "campaigns"), f"“{campaign['name']}” deleted.")


async def add_contact(request):
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    email = str(form.get("email") or "").strip()
    try:
        await members.add_contact(
            request.app.state.db, principal.workspace_id, cid, {"email": email}
        )
    except ValidationError as exc:
        message = exc.fields.get("email") or exc.fields.get("contact_id") or exc.message
        ctx = await _detail_ctx(request, principal, cid, member_error=message, member_value=email)
        return await render(
            request, "campaigns/detail.html", ctx, fragment="campaigns/_contacts.html", status=422
        )
    if is_htmx(request):
        ctx = await _detail_ctx(request, principal, cid)
        return await render(
            request, "campaigns/detail.html", ctx, fragment="campaigns/_contacts.html"
        )
    return redirect(request, url_path(request, "campaign_detail", id=cid), f"{email} added.")


async def remove_contact(request):
    principal = await require_page(request, write=True)
    cid = request.path_params["id"]
    await members.remove_contact(
        request.app.state.db, principal.workspace_id, cid, request.path_params["contact_id"]
    )
    if is_htmx(request):
        ctx = await _detail_ctx(request, principal, cid)
        return await render(
            request, "campaigns/detail.html", ctx, fragment="campaigns/_contacts.html"
        )
    return redirect(request, url_path(request, "campaign_detail", id=cid), "Contact removed.")


async def start_broadcast(request):
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    values = {k: str(form.get(k) or "") for k in ("subject", "body", "audience", "tag")}
    data = {"subject": values["subject"], "body": values["body"]}
    if values["audience"] == "tag":
        data["tag"] = values["tag"]
    else:
        data["campaign_id"] = cid
    try:
        await broadcasts.start_broadcast(
            request.app.state.db, principal.workspace_id, data, principal.display_name
        )
    except (ValidationError, Conflict) as exc:
        errors = dict(exc.fields)
        if "campaign_id" in errors or "audience" in errors:
            errors["audience"] = errors.pop("campaign_id", None) or errors["audience"]
        ctx = await _detail_ctx(
            request, principal, cid, broadcast_errors=errors, broadcast_values=values
        )
        # htmx swaps 422 only (base.html): the message must show beside the form there
        status = 409 if isinstance(exc, Conflict) and not is_htmx(request) else 422
        return await render(
            request,
            "campaigns/detail.html",
            ctx,
            fragment="campaigns/_broadcasts.html",
            status=status,
        )
    if is_htmx(request):
        ctx = await _detail_ctx(request, principal, cid)
        return await render(
            request, "campaigns/detail.html", ctx, fragment="campaigns/_broadcasts.html"
        )
    return redirect(
        request,
        url_path(request, "campaign_detail", id=cid),
        "Broadcast started; it sends in the background.",
    )


routes = [
    Route("/campaigns", campaign_list, methods=["GET"], name="campaigns"),
    Route("/campaigns/new", new_campaign, methods=["GET", "POST"], name="campaign_new"),
    Route("/campaigns/{id}", campaign_detail, methods=["GET"], name="campaign_detail"),
    Route("/campaigns/{id}/edit", edit_campaign, methods=["GET", "POST"], name="campaign_edit"),
    Route("/campaigns/{id}/delete", delete_campaign, methods=["POST"], name="campaign_delete"),
    Route("/campaigns/{id}/contacts", add_contact, methods=["POST"], name="campaign_contact_add"),
    Route(
        "/campaigns/{id}/contacts/{contact_id}/remove",
        remove_contact,
        methods=["POST"],
        name="campaign_contact_remove",
    ),
    Route(
        "/campaigns/{id}/broadcasts",
        campaign_broadcasts,
        methods=["GET"],
        name="campaign_broadcasts",
    ),
    Route(
        "/campaigns/{id}/broadcasts",
        start_broadcast,
        methods=["POST"],
        name="campaign_broadcast_start",
    ),
]
