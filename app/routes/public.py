"""What visitors of customer sites load: /embed.js and the hosted form page /f/{id}.
(POST /f/{id} belongs to the capture module; it re-renders public/_form.html.)"""

from __future__ import annotations

from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from app.services.capture.beacons import record_beacon
from app.services.forms.public import embed_script, hosted_form, public_entry
from app.web.render import ENV, url_path

YEAR = 365 * 24 * 3600


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


def render_hosted(
    request,
    form: dict | None,
    *,
    values=None,
    errors=None,
    message=None,
    done=False,
    status: int = 200,
) -> HTMLResponse:
    """The hosted page; the capture module calls this to re-render after a POST."""
    html = ENV.get_template("public/hosted.html").render(
        request=request,
        form=form,
        values=values or {},
        errors=errors or {},
        message=message,
        done=done,
        action=url_path(request, "submit_hosted", form_id=form["id"]) if form else "",
        enhance=True,
    )
    return HTMLResponse(html, status_code=status)


async def hosted_page(request):
    """GET /f/{form_id}: the form rendered server-side; works with JavaScript off."""
    db, form_id = request.app.state.db, request.path_params["form_id"]
    form, state = await hosted_form(db, form_id)
    if form is None:
        return render_hosted(request, None, status=404 if state == "unknown" else 410)
    # A page view counts like embed.js's impression beacon, so conversion covers both.
    await record_beacon(db, await public_entry(db, form_id), "view")
    return render_hosted(request, form)


routes = [
    Route("/embed.js", embed_js, methods=["GET"], name="embed_js"),
    Route("/f/{form_id}", hosted_page, methods=["GET"], name="hosted_form"),
]
