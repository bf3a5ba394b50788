"""The webhooks pages (SPEC §18): endpoints, the secret shown once, the delivery
log with resend, send test, and the verification snippets."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts.permissions import has_role
from app.services.events.catalogue import CATALOGUE, choices_by_area
from app.services.forms import forms
from app.services.integrations import deliveries, webhooks
from app.services.integrations.signing import VERIFY_JAVASCRIPT, VERIFY_PYTHON
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path

STATUS_WORDS = {
    "active": "Active",
    "inactive": "Switched off",
    "paused": "Paused after 20 failures",
    "disabled": "Disabled: the receiver answered 410",
}


def event_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    allowed = set(webhooks.WEBHOOK_TYPES)
    areas = [
        (area, [(n, label) for n, label in entries if n in allowed])
        for area, entries in choices_by_area()
    ]
    return [(area, entries) for area, entries in areas if entries]


async def _forms(request, principal) -> list[dict]:
    items, _ = await forms.list_forms(request.app.state.db, principal.workspace_id, limit=200)
    return [{"id": f["id"], "name": f["name"]} for f in items]


def _posted(data) -> dict:
    return {
        "url": (data.get("url") or "").strip(),
        "description": (data.get("description") or "").strip(),
        "event_types": data.getlist("event_types"),
        "form_id": data.get("form_id") or None,
    }


async def _list_page(request, principal, *, status=200, **extra):
    db = request.app.state.db
    endpoints, _ = await webhooks.list_endpoints(db, principal.workspace_id, limit=200)
    form_list = await _forms(request, principal)
    ctx = {
        "endpoints": endpoints,
        "form_names": {f["id"]: f["name"] for f in form_list},
        "forms": form_list,
        "events": event_choices(),
        "labels": {n: e.label for n, e in CATALOGUE.items()},
        "status_words": STATUS_WORDS,
        "can_manage": has_role(principal.role, "member"),
        "form": {
            "url": "",
            "description": "",
            "event_types": ["submission_received"],
            "form_id": None,
        },
        "errors": {},
        "created": None,
        "verify_python": VERIFY_PYTHON,
        "verify_javascript": VERIFY_JAVASCRIPT,
        **extra,
    }
    return await render(request, "settings/webhooks.html", ctx, status=status)


async def webhooks_page(request):
    return await _list_page(request, await require_page(request))


async def create_webhook(request):
    """Answers the page itself: the secret is shown once, never through a redirect."""
    principal = await require_page(request, write=True)
    posted = _posted(await read_form(request))
    try:
        created = await webhooks.create_endpoint(
            request.app.state.db,
            request.app.state.settings,
            principal.workspace_id,
            posted,
            role=principal.role,
            account_id=principal.account_id,
        )
    except ValidationError as exc:
        return await _list_page(
            request, principal, status=exc.status, form=posted, errors=exc.fields
        )
    response = await _list_page(request, principal, status=201, created=created)
    response.headers["Cache-Control"] = "no-store"
    return response


async def _detail_page(request, principal, endpoint_id, *, status=200, **extra):
    db = request.app.state.db
    endpoint = await webhooks.get_endpoint(db, principal.workspace_id, endpoint_id)
    log, _ = await deliveries.list_deliveries(db, principal.workspace_id, endpoint_id, limit=50)
    form_list = await _forms(request, principal)
    ctx = {
        "endpoint": endpoint,
        "log": log,
        "forms": form_list,
        "form_names": {f["id"]: f["name"] for f in form_list},
        "events": event_choices(),
        "labels": {n: e.label for n, e in CATALOGUE.items()},
        "status_words": STATUS_WORDS,
        "can_manage": has_role(principal.role, "member"),
        "form": endpoint,
        "errors": {},
        "created": None,
        "verify_python": VERIFY_PYTHON,
        "verify_javascript": VERIFY_JAVASCRIPT,
        **extra,
    }
    return await render(request, "settings/webhook.html", ctx, status=status)


async def webhook_page(request):
    principal = await require_page(request)
    return await _detail_page(request, principal, request.path_params["id"])


async def update_webhook(request):
    principal = await require_page(request, write=True)
    endpoint_id = request.path_params["id"]
    data = await read_form(request)
    posted = {**_posted(data), "active": data.get("active") == "1"}
    try:
        await webhooks.update_endpoint(
            request.app.state.db,
            request.app.state.settings,
            principal.workspace_id,
            endpoint_id,
            posted,
            role=principal.role,
        )
    except ValidationError as exc:
        current = await webhooks.get_endpoint(
            request.app.state.db, principal.workspace_id, endpoint_id
        )
        return await _detail_page(
            request,
            principal,
            endpoint_id,
            status=exc.status,
            form={**current, **posted},
            errors=exc.fields,
        )
    return redirect(
        request, url_path(request, "webhook_settings", id=endpoint_id), "Webhook endpoint saved."
    )


async def rotate_webhook_secret(request):
    principal = await require_page(request, write=True)
    endpoint_id = request.path_params["id"]
    endpoint = await webhooks.rotate_secret(
        request.app.state.db, principal.workspace_id, endpoint_id, role=principal.role
    )
    response = await _detail_page(request, principal, endpoint_id, created=endpoint)
    response.headers["Cache-Control"] = "no-store"
    return response


async def test_webhook(request):
    principal = await require_page(request, write=True)
    endpoint_id = request.path_params["id"]
    data = await read_form(request)
    delivery = await deliveries.send_test(
        request.app.state.db,
        request.app.state.settings,
        principal.workspace_id,
        endpoint_id,
        role=principal.role,
        form_id=data.get("form_id") or None,
    )
    if delivery["status"] == "delivered":
        message, kind = (
            f"Test delivered: the receiver answered {delivery['response_status']}.",
            "success",
        )
    else:
        why = delivery["error"] or f"the receiver answered {delivery['response_status']}"
        message, kind = f"Test not accepted: {why}", "error"
    return redirect(request, url_path(request, "webhook_settings", id=endpoint_id), message, kind)


async def delete_webhook(request):
    principal = await require_page(request, write=True)
    await webhooks.delete_endpoint(
        request.app.state.db, principal.workspace_id, request.path_params["id"], role=principal.role
    )
    return redirect(request, url_path(request, "webhooks_settings"), "Webhook endpoint deleted.")


async def resend_delivery(request):
    principal = await require_page(request, write=True)
    delivery = await deliveries.resend(
        request.app.state.db, principal.workspace_id, request.path_params["id"], role=principal.role
    )
    return redirect(
        request,
        url_path(request, "webhook_settings", id=delivery["endpoint_id"]),
        "Delivery queued again: it goes out in a moment.",
    )


routes = [
    Route("/settings/webhooks", webhooks_page, methods=["GET"], name="webhooks_settings"),
    Route("/settings/webhooks", create_webhook, methods=["POST"], name="create_webhook"),
    Route("/settings/webhooks/{id}", webhook_page, methods=["GET"], name="webhook_settings"),
    Route("/settings/webhooks/{id}", update_webhook, methods=["POST"], name="update_webhook"),
    Route("/settings/webhooks/{id}/test", test_webhook, methods=["POST"], name="test_webhook"),
    Route(
        "/settings/webhooks/{id}/rotate-secret",
        rotate_webhook_secret,
        methods=["POST"],
        name="rotate_webhook_secret",
    ),
    Route(
        "/settings/webhooks/{id}/delete", delete_webhook, methods=["POST"], name="delete_webhook"
    ),
    Route(
        "/settings/webhook-deliveries/{id}/resend",
        resend_delivery,
        methods=["POST"],
        name="resend_webhook_delivery",
    ),
]
