"""Consent pages (SPEC §19): the double opt-in link (GET shows a Confirm button, as
mail scanners fetch links; POST confirms) and recording a consent by hand on the
contact page."""

from __future__ import annotations

from app.errors import AppError, ValidationError
from app.services.consent import double_opt_in, records
from app.web.auth import require_page
from app.web.client_ip import client_ip
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path
from app.web.routing import page_route

_PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


async def _confirm_page(request, confirm: bool):
    app, token = request.app, request.path_params["token"]
    secret = app.state.settings.secret_key
    try:
        if confirm:
            page = await double_opt_in.confirm(
                app.state.db,
                secret,
                token,
                ip=client_ip(request.scope, app.state.settings.trusted_proxies),
                user_agent=request.headers.get("user-agent"),
            )
        else:
            page = await double_opt_in.preview(app.state.db, secret, token)
    except AppError as exc:
        ctx, status = {"problem": exc.message, "token": token}, exc.status
    else:
        ctx, status = {"problem": None, "token": token, **page}, 200
    return await render(
        request, "consent/confirm.html", ctx, status=status, public=True, headers=_PRIVATE
    )


async def opt_in_page(request):
    return await _confirm_page(request, confirm=False)


async def confirm_opt_in(request):
    await read_form(request)
    return await _confirm_page(request, confirm=True)


async def record_consent(request):
    """The contact page's "record consent" form (source manual)."""
    principal = await require_page(request, write=True)
    cid, form = request.path_params["id"], await read_form(request)
    try:
        await records.record_manual(
            request.app.state.db,
            principal.workspace_id,
            cid,
            action=form.get("action"),
            text=str(form.get("text") or ""),
            recorded_by=principal.display_name,
        )
    except ValidationError as exc:
        message = " ".join(exc.fields.values()) if exc.fields else exc.message
        return redirect(request, url_path(request, "contact_detail", id=cid), message, "error")
    return redirect(request, url_path(request, "contact_detail", id=cid), "Consent recorded.")


routes = [
    page_route("/confirm/{token}", opt_in_page, methods=["GET"], name="opt_in_page", public=True),
    page_route(
        "/confirm/{token}", confirm_opt_in, methods=["POST"], name="opt_in_confirm", public=True
    ),
    page_route(
        "/contacts/{id}/consents", record_consent, methods=["POST"], name="record_contact_consent"
    ),
]
