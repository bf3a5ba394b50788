"""The outbox (SPEC §8): every email with its status; one email as it was (or
would be) sent, headers included; resend a failed one. And the public
unsubscribe link of marketing email: GET shows a confirmation (link scanners
fetch links), POST unsubscribes at once, with or without cookies (one-click)."""

from __future__ import annotations

from app.errors import Gone, NotFound, ValidationError
from app.services.mail import outbox_view, suppression
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path
from app.web.routing import page_route

STATUS_LABELS = {
    "queued": "Queued",
    "sent": "Sent",
    "failed": "Failed",
    "suppressed": "Not sent (suppressed)",
}


async def outbox_page(request):
    principal = await require_page(request)
    q = request.query_params
    filters = {k: q.get(k) or "" for k in ("status", "kind", "contact")}
    errors = {}
    try:
        outbox_view.check_filters(filters["status"], filters["kind"])
    except ValidationError as exc:
        errors = exc.fields
        filters.update({k: "" for k in errors})
    emails, next_cursor = await outbox_view.list_emails(
        request.app.state.db,
        principal.workspace_id,
        **{k: v or None for k, v in filters.items()},
        cursor=q.get("cursor"),
        limit=50,
    )
    query = "&".join(f"{k}={v}" for k, v in filters.items() if v)
    next_url = (
        f"{url_path(request, 'outbox')}?{query}{'&' if query else ''}cursor={next_cursor}"
        if next_cursor
        else None
    )
    return await render(
        request,
        "outbox/index.html",
        {
            "emails": emails,
            "filters": filters,
            "errors": errors,
            "next_url": next_url,
            "status_labels": STATUS_LABELS,
            "kind_labels": outbox_view.KIND_LABELS,
            "smtp": bool(request.app.state.settings.smtp_url),
            "can_manage_members": principal.role in ("owner", "admin"),
        },
        fragment="outbox/_table.html",
    )


async def email_page(request):
    principal = await require_page(request)
    email = await outbox_view.get_email(
        request.app.state.db,
        request.app.state.settings,
        principal.workspace_id,
        request.path_params["id"],
    )
    settings = request.app.state.settings
    return await render(
        request,
        "outbox/show.html",
        {
            "email": email,
            "status_labels": STATUS_LABELS,
            "kind_labels": outbox_view.KIND_LABELS,
            "smtp": bool(settings.smtp_url),
            "dkim": bool(settings.dkim_key and settings.dkim_selector),
            "can_write": principal.can_write,
        },
    )


async def resend_email(request):
    principal = await require_page(request, write=True)
    email_id = request.path_params["id"]
    await outbox_view.resend_email(
        request.app.state.db, request.app.state.settings, principal.workspace_id, email_id
    )
    return redirect(
        request, url_path(request, "outbox_email", id=email_id), "Queued to be sent again."
    )


async def _unsubscribe(request, action):
    settings, db = request.app.state.settings, request.app.state.db
    token = request.path_params["token"]
    try:
        if action == "confirm":
            result = await suppression.unsubscribe(db, settings.secret_key, token)
        else:
            result = await suppression.unsubscribe_preview(db, settings.secret_key, token)
    except (NotFound, Gone) as exc:
        return await render(
            request,
            "outbox/unsubscribe.html",
            {"problem": exc.message, "token": token},
            status=exc.status,
            public=True,
        )
    return await render(
        request,
        "outbox/unsubscribe.html",
        {"problem": None, "token": token, **result},
        public=True,
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )


async def unsubscribe_page(request):
    return await _unsubscribe(request, "preview")


async def unsubscribe(request):
    await read_form(request)  # one-click clients post List-Unsubscribe=One-Click; any body is fine
    return await _unsubscribe(request, "confirm")


routes = [
    page_route("/outbox", outbox_page, methods=["GET"], name="outbox"),
    page_route("/outbox/{id}", email_page, methods=["GET"], name="outbox_email"),
    page_route("/outbox/{id}/resend", resend_email, methods=["POST"], name="resend_email"),
    page_route(
        "/unsubscribe/{token}", unsubscribe_page, methods=["GET"], name="unsubscribe", public=True
    ),
    page_route(
        "/unsubscribe/{token}",
        unsubscribe,
        methods=["POST"],
        name="unsubscribe_confirm",
        public=True,
    ),
]
