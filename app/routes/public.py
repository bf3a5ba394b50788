"""What visitors of customer sites load: /embed.js and the hosted form page
/f/{id}, whose plain POST (works with JavaScript off; HTMX swaps the form
fragment) runs the same pipeline as the JSON endpoint."""

from __future__ import annotations

import secrets
from pathlib import Path

from starlette.responses import HTMLResponse, RedirectResponse, Response

from app.errors import AppError, Conflict, ValidationError
from app.services.accounts.branding import hosted_brand
from app.services.capture import pipeline as capture
from app.services.capture import pow as spam_pow
from app.services.capture.beacons import record_beacon
from app.services.forms import paging
from app.services.forms.localize import accept_language, language_choices
from app.services.forms.messages import message_locale
from app.services.forms.messages import render as render_message
from app.services.forms.public import embed_script, hosted_challenge, hosted_form, public_entry
from app.services.forms.theme import theme_css
from app.web.client_ip import client_ip
from app.web.middleware import hosted_csp
from app.web.render import is_htmx, render, url_path
from app.web.routing import page_route
from app.web.submission_input import own_origin
from app.web.upload_input import hosted_body_limit, read_hosted_body

YEAR = 365 * 24 * 3600
VISITOR_COOKIE = "fa_vid"
FAVICON = (Path(__file__).resolve().parent.parent / "static" / "favicon.svg").read_bytes()


async def favicon(request):
    """Browsers ask every page's origin for /favicon.ico: answer our icon, not a 404
    (modern browsers take an SVG body here as they do from <link rel=icon>)."""
    return Response(
        FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
    )


async def embed_js(request):
    """The embed script: immutable for a year when the URL carries the current
    version (?v=…), otherwise revalidated by ETag every 5 minutes."""
    script = embed_script()
    versioned = request.query_params.get("v") == script["version"]
    headers = {
        "ETag": script["etag"],
        "Access-Control-Allow-Origin": "*",
        "Vary": "Accept-Encoding",
        "Cache-Control": f"public, max-age={YEAR}, immutable"
        if versioned
        else "public, max-age=300",
    }
    if request.headers.get("if-none-match") == script["etag"]:
        return Response(status_code=304, headers=headers)
    body = script["body"]
    if "gzip" in request.headers.get("accept-encoding", ""):
        body, headers["Content-Encoding"] = script["gzip"], "gzip"
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)


POW_WORKER = (Path(__file__).resolve().parent.parent / "static" / "embed-pow.js").read_bytes()


async def embed_pow_js(request):
    """The proof-of-work worker embed.js runs (SPEC §19): loaded by importScripts from a
    Blob worker on the customer's page, so it is served to any origin."""
    return Response(
        POW_WORKER,
        media_type="text/javascript; charset=utf-8",
        headers={"Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600"},
    )


async def _hosted(request, form: dict, origins, *, status: int = 200, **ctx) -> HTMLResponse:
    """The hosted page, or for HTMX (hx-target="this") only the form; only the form's
    allowed ``origins`` may frame it."""
    action = url_path(request, "submit_hosted", form_id=form["id"])
    brand = None
    entry = await public_entry(request.app.state.db, form["id"])
    if not is_htmx(request):  # the fragment has no page header
        brand = await hosted_brand(request.app.state.db, entry["workspace_id"])
    ctx = {
        "form": form,
        "action": action,
        "enhance": True,
        "brand": brand,
        "languages": language_choices(entry["form"].get("translations"), form["locale"]),
        "theme_url": url_path(request, "hosted_theme", form_id=form["id"])
        + f"?v={entry['etag'].strip(chr(34))}"
        if form.get("theme_css")
        else None,
        **ctx,
    }
    # logic and steps: with HTMX one page at a time, without JavaScript all at once
    page = ctx.pop("page", 0) if is_htmx(request) else None
    ctx["plan"] = paging.hosted_plan(form, ctx.get("values"), page=page, errors=ctx.get("errors"))
    ctx["render_stamp"] = spam_pow.render_stamp(form["id"])  # the spam score's too_fast signal
    ctx["challenge"] = await hosted_challenge(request.app.state.db, form["id"])
    response = await render(
        request,
        "public/hosted.html",
        ctx,
        fragment="public/_form.html",
        status=status,
        public=True,
        headers={"Content-Security-Policy": hosted_csp(origins)},
    )
    response.headers["Vary"] = "HX-Request, Accept-Language"  # ?lang= aside, the header picks
    return response


async def _unavailable(request, state: str) -> HTMLResponse:
    """404 for a form that never existed, 410 for a paused or archived one (always the full page)."""
    status = 404 if state == "unknown" else 410
    return await render(
        request,
        "public/hosted.html",
        {"form": None, "brand": None, "languages": [], "theme_url": None},
        status=status,
        public=True,
    )


def _languages(request) -> list:
    """What the visitor asked for, best first: ?lang= (the switch), then the browser's
    Accept-Language."""
    wanted = request.query_params.get("lang")
    return ([wanted] if wanted else []) + accept_language(request.headers.get("accept-language"))


async def hosted_theme(request):
    """GET /f/{form_id}/theme.css: the form's theme as --fa-* custom properties (the
    hosted page's CSP allows no inline style); 404 when the form is not public."""
    entry = await public_entry(request.app.state.db, request.path_params["form_id"])
    return Response(
        theme_css(entry["form"].get("theme") or {}, ".fa-hosted", hosted=True),
        media_type="text/css; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300"},
    )


async def hosted_page(request):
    """GET /f/{form_id}: the form rendered server-side; works with JavaScript off."""
    db, form_id = request.app.state.db, request.path_params["form_id"]
    # a visitor id in a cookie keeps a visitor on one experiment variant, as embed.js does
    visitor = request.cookies.get(VISITOR_COOKIE) or secrets.token_hex(8)
    form, state, origins = await hosted_form(
        db, form_id, visitor_id=visitor, languages=_languages(request)
    )
    if form is None:
        return await _unavailable(request, state)
    # A page view counts like embed.js's impression beacon, so conversion covers both.
    await record_beacon(db, await public_entry(db, form_id), "view", form["variant_id"] or "")
    response = await _hosted(request, form, origins)
    if form["experiment_id"] and VISITOR_COOKIE not in request.cookies:
        response.set_cookie(
            VISITOR_COOKIE, visitor, max_age=YEAR, path="/f", httponly=True, samesite="lax"
        )
    return response


def _values(body: dict) -> dict:
    return {k: v for k, v in body.items() if not k.startswith("_")}


async def _step(request, schema: dict, origins, body: dict):
    """A page of a multi-step form (back, next, a re-render after a change), or a submit
    whose answers reveal a required question the visitor has not seen: the form again
    with the answers kept, instead of a submission. None: go on and submit."""
    nav, values = body.get("_fa_nav"), _values(body)
    page = _int(body.get("_fa_page"))
    if nav == "back":
        return await _hosted(request, schema, origins, values=values, page=max(0, page - 1))
    if nav == "refresh":
        if paging.unchanged(schema, values, body.get("_fa_shown"), paged="_fa_page" in body):
            return Response(status_code=204)  # HTMX keeps the page as it is
        return await _hosted(request, schema, origins, values=values, page=page)
    if nav == "next":
        errors = paging.page_errors(schema, values, page)
        if errors:
            message = render_message("check_fields", message_locale(schema["locale"]))
            return await _hosted(
                request,
                schema,
                origins,
                values=values,
                page=page,
                errors=errors,
                message=message,
                status=422,
            )
        return await _hosted(request, schema, origins, values=values, page=page + 1)
    new = paging.revealed(schema, values, body.get("_fa_shown"))
    if new:
        message = "Your answers add a question: " + ", ".join(f["label"] for f in new) + "."
        return await _hosted(request, schema, origins, values=values, page=page, message=message)
    return None


def _int(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


async def submit_hosted(request):
    """POST /f/{form_id}: the same pipeline as the JSON endpoint; errors re-render inline."""
    db, settings = request.app.state.db, request.app.state.settings
    schema, state, origins = await hosted_form(db, request.path_params["form_id"])
    if schema is None:
        return await _unavailable(request, state)
    body: dict = {}
    try:
        form = await capture.public_form(db, schema["id"])
        capture.allowed_origin(form, request.headers.get("origin"), own_origin(request))
        ip = client_ip(request.scope, settings.trusted_proxies)
        body, refused = await read_hosted_body(request, form, data_dir=settings.data_dir, ip=ip)
        if refused:  # SPEC §17: a file the field does not take
            raise ValidationError("Some files could not be taken.", fields=refused)
        if body.get("_variant_id") or body.get("_lang"):  # re-render what the visitor saw
            schema = (
                await hosted_form(
                    db, schema["id"], body.get("_variant_id"), languages=[str(body.get("_lang"))]
                )
            )[0] or schema
        step = await _step(request, schema, origins, body)
        if step is not None:
            return step
        _, result = await capture.submit(
            db,
            form,
            body,
            ip=ip,
            user_agent=request.headers.get("user-agent"),
        )
    except ValidationError as exc:
        return await _hosted(
            request,
            schema,
            origins,
            values=_values(body),
            errors=exc.fields,
            page=_int(body.get("_fa_page")),
            status=422,
            message=render_message("check_fields", message_locale(schema["locale"])),
        )
    except Conflict as exc:
        if exc.code != "duplicate_submission":
            raise
        return await _hosted(
            request, schema, origins, done=True, message=schema["response"]["thank_you_message"]
        )  # kept once
    except AppError as exc:
        return await _hosted(
            request,
            schema,
            origins,
            values=_values(body),
            errors={"_form": exc.message},
            page=_int(body.get("_fa_page")),
            message=exc.message,
            status=exc.status,
        )
    if result["redirect_url"]:
        if is_htmx(request):
            return HTMLResponse("", headers={"HX-Redirect": result["redirect_url"]})
        return RedirectResponse(result["redirect_url"], status_code=303)
    return await _hosted(request, schema, origins, done=True, message=result["message"])


routes = [
    page_route("/favicon.ico", favicon, methods=["GET"], name="favicon", public=True),
    page_route("/embed.js", embed_js, methods=["GET"], name="embed_js", public=True),
    page_route("/embed-pow.js", embed_pow_js, methods=["GET"], name="embed_pow_js", public=True),
    page_route("/f/{form_id}", hosted_page, methods=["GET"], name="hosted_form", public=True),
    page_route(
        "/f/{form_id}",
        submit_hosted,
        methods=["POST"],
        name="submit_hosted",
        public=True,
        max_body=hosted_body_limit,  # files only to forms with file fields (SPEC §17)
    ),
    page_route(
        "/f/{form_id}/theme.css", hosted_theme, methods=["GET"], name="hosted_theme", public=True
    ),
]
