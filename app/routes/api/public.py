"""Public endpoints that customer sites call on every page view: the form
schema and the view/start beacon (SPEC §4, §12). No auth: the form id is the
boundary; CORS follows the form's allowed origins."""

from __future__ import annotations

from starlette.responses import Response

from app.errors import BadRequest, NotFound
from app.services.capture.beacons import parse_beacon, record_beacon
from app.services.forms.public import cors_headers, localized, public_entry, served, with_challenge
from app.services.platform.json_body import parse_json_bytes
from app.web import schema as S
from app.web.api import api_route, read_body
from app.web.schema import validate_body

_BEACON = S.obj(
    {
        "type": S.choice(["view", "start"], **{"x-message": 'Use "view" or "start".'}),
        "variant_id": S.text(
            max_length=64, **{"x-message": "Use the variant_id the schema gave you."}
        ),
    },
    required=["type"],
    extra=True,  # navigator.sendBeacon callers may add their own keys; they are ignored
)
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "86400",
}


def _cors(request, entry) -> dict:
    return cors_headers(
        entry["allowed_origins"], request.headers.get("origin"), request.app.state.settings.base_url
    )


async def _entry(request) -> dict:
    """The form's public entry. Its 404 echoes the caller's origin in CORS headers so the
    visitor's console shows "404 Not Found", not a CORS error (issue 14 item 16); the
    answer says only that the form is not available, so no data leaks to that site."""
    try:
        return await public_entry(request.app.state.db, request.path_params["form_id"])
    except NotFound as exc:
        if origin := request.headers.get("origin"):
            exc.headers = {**exc.headers, "Access-Control-Allow-Origin": origin, "Vary": "Origin"}
        raise


async def form_schema(request, _):
    """The public schema of an active form, for rendering (404 for unknown, draft, paused or archived forms).
    While an experiment runs, `?visitor_id=` (any stable id the browser keeps) picks a variant by weight,
    the same one on every call and server; `?variant_id=` keeps the variant served before. The schema then
    carries `experiment_id` and `variant_id`, to send back with beacons and the submission. While the form's
    proof-of-work challenge is on, the schema carries `challenge` {salt, difficulty, expires_at, sig}
    (fresh on every call, valid 10 minutes): send it back as `_pow` with the `nonce` that solves it. `?lang=` (a browser's
    language, like `es-ES`) answers the schema in the form's nearest translation, with its `locale`; send
    that locale back as `_lang` with the submission to get the validation messages in it."""
    entry = await _entry(request)
    query = request.query_params
    view = localized(
        entry, served(entry, query.get("variant_id"), query.get("visitor_id")), query.get("lang")
    )
    if (fresh := with_challenge(entry, view)) is not None:  # a new challenge every time
        headers = {**_cors(request, entry), "Cache-Control": "no-store"}
        return Response(fresh, media_type="application/json", headers=headers)
    headers = {**_cors(request, entry), "ETag": view["etag"], "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == view["etag"]:
        return Response(status_code=304, headers=headers)
    return Response(view["body"], media_type="application/json", headers=headers)


async def form_preflight(request, _):
    """CORS preflight for the schema and beacon endpoints (403 for an origin the form does not allow)."""
    entry = await _entry(request)
    return Response(status_code=204, headers={**_cors(request, entry), **PREFLIGHT})


async def form_beacon(request, _):
    """Count an impression (`{"type": "view"}`) or a first interaction (`{"type": "start"}`), with the
    optional `variant_id`. Takes JSON sent as application/json or text/plain (navigator.sendBeacon)."""
    entry = await _entry(request)
    headers = _cors(request, entry)
    raw = await read_body(request)
    body = parse_json_bytes(raw) if raw else dict(request.query_params)
    if not isinstance(body, dict):
        raise BadRequest('Send a JSON object like {"type": "view"}.')
    if body.keys() != {"type"} or body["type"] not in ("view", "start"):
        body = validate_body(_BEACON, body)  # what embed.js sends on each view needs no schema walk
    kind, variant = parse_beacon(body)
    await record_beacon(request.app.state.db, entry, kind, variant)
    return Response(status_code=204, headers=headers)


routes = [
    api_route(
        "/forms/{form_id}/schema",
        form_schema,
        methods=["GET"],
        public=True,
        errors=(304,),
        tags=["public"],
        hot=True,
    ),
    api_route(
        "/forms/{form_id}/schema",
        form_preflight,
        methods=["OPTIONS"],
        public=True,
        status=204,
        errors=(403,),
        tags=["public"],
        hot=True,
        name="form_schema_preflight",
    ),
    api_route(
        "/forms/{form_id}/beacon",
        form_beacon,
        methods=["POST"],
        public=True,
        body=_BEACON,
        status=204,
        errors=(403,),
        tags=["public"],
        hot=True,
    ),
    api_route(
        "/forms/{form_id}/beacon",
        form_preflight,
        methods=["OPTIONS"],
        public=True,
        status=204,
        errors=(403,),
        tags=["public"],
        hot=True,
        name="form_beacon_preflight",
    ),
]
