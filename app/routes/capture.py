"""Pages of the capture area: the hosted form's plain POST (works with JavaScript
off; HTMX swaps the form fragment) and the spam log of a form."""

from __future__ import annotations

from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

from app.errors import AppError, Conflict, ValidationError
from app.routes.api.capture import own_origin, read_submission_body
from app.routes.public import render_hosted
from app.services.capture import pipeline as capture
from app.services.capture import spam
from app.services.forms import forms as forms_service
from app.services.forms.public import hosted_form
from app.web.auth import require_page
from app.web.client_ip import client_ip
from app.web.render import ENV, is_htmx, render, url_path


def _hosted(request, schema: dict, *, status: int = 200, **ctx) -> HTMLResponse:
    if is_htmx(request):  # hx-target="this": only the form is swapped
        html = ENV.get_template("public/_form.html").render(
            request=request,
            form=schema,
            action=url_path(request, "submit_hosted", form_id=schema["id"]),
            enhance=True,
            **ctx,
        )
        return HTMLResponse(html, status_code=status)
    return render_hosted(request, schema, status=status, **ctx)


def _values(body: dict) -> dict:
    return {k: v for k, v in body.items() if not k.startswith("_")}


async def submit_hosted(request):
    """POST /f/{form_id}: the same pipeline as the JSON endpoint; errors re-render inline."""
    db, settings = request.app.state.db, request.app.state.settings
    schema, state = await hosted_form(db, request.path_params["form_id"])
    if schema is None:
        return render_hosted(request, None, status=404 if state == "unknown" else 410)
    body: dict = {}
    try:
        form = await capture.public_form(db, schema["id"])
        capture.allowed_origin(form, request.headers.get("origin"), own_origin(request))
        body = await read_submission_body(request)
        _, result = await capture.submit(
            db,
            form,
            body,
            ip=client_ip(request.scope, settings.trusted_proxies),
            user_agent=request.headers.get("user-agent"),
        )
    except ValidationError as exc:
        return _hosted(
            request,
            schema,
            values=_values(body),
            errors=exc.fields,
            status=422,
            message="Please check the fields marked below.",
        )
    except Conflict as exc:
        if exc.code != "duplicate_submission":
            raise
        return _hosted(
            request, schema, done=True, message=schema["response"]["thank_you_message"]
        )  # kept once
    except AppError as exc:
        return _hosted(
            request,
            schema,
            values=_values(body),
            errors={"_form": exc.message},
            message=exc.message,
            status=exc.status,
        )
    if result["redirect_url"]:
        if is_htmx(request):
            return HTMLResponse("", headers={"HX-Redirect": result["redirect_url"]})
        return RedirectResponse(result["redirect_url"], status_code=303)
    return _hosted(request, schema, done=True, message=result["message"])


async def spam_log_page(request):
    """GET /forms/{id}/spam: what the honeypot, limits and duplicate rule turned away."""
    principal = await require_page(request)
    db = request.app.state.db
    form = await forms_service.get_form(db, principal.workspace_id, request.path_params["form_id"])
    rows, next_cursor = await spam.list_spam(
        db,
        principal.workspace_id,
        form["id"],
        cursor=request.query_params.get("cursor"),
        limit=50,
    )
    spam_page = url_path(request, "form_spam", form_id=form["id"])
    next_url = f"{spam_page}?cursor={next_cursor}" if next_cursor else None
    return await render(
        request,
        "spam/index.html",
        {"form": form, "rows": rows, "next_url": next_url, "reasons": spam.REASONS},
    )


routes = [
    Route("/f/{form_id}", submit_hosted, methods=["POST"], name="submit_hosted"),
    Route("/forms/{form_id}/spam", spam_log_page, methods=["GET"], name="form_spam"),
]
