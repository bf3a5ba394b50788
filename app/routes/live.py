"""Live activity (SPEC §11): the /live page, the SSE stream of rendered rows,
and the WebSocket of JSON events for integrations.

Both streams follow the per-process hub (app/services/live.py), are scoped to
the caller's workspace, take the same filters (type, form, submission,
handler), and resume from an event id so a reconnecting client misses nothing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from urllib.parse import urlsplit

from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocketDisconnect

from app.errors import AppError, BadRequest, Forbidden, ValidationError
from app.services.accounts import workspaces
from app.services.accounts.currency import DEFAULT_CURRENCY
from app.services.events import catalogue, feed, live
from app.services.events import queries as event_queries
from app.services.events.queries import EventFilters, parse_filters, public_event
from app.web.auth import SESSION_COOKIE, require_api, require_page
from app.web.render import render, render_string
from app.web.streams import stream_url

# A stream ends after this long and the browser reconnects at once with
# Last-Event-ID: a draining server (or a load balancer) is never held open by a
# stream forever. Credentials are re-checked far more often than that, every
# ``settings.credential_recheck_seconds`` (SPEC §13), by both kinds of stream.
SSE_MAX_SECONDS = 300.0
SSE_RETRY_MS = 1500
WS_TRY_AGAIN_LATER = 1013
WS_POLICY_VIOLATION = 1008
log = logging.getLogger("formagent.live")
_URL_SECRETS = ("key", "api_key", "apikey", "token", "access_token", "authorization")


async def _zone_and_currency(db, workspace_id: str) -> tuple[str, str]:
    settings = (await workspaces.get_workspace(db, workspace_id))["settings"]
    return settings.get("timezone") or "UTC", settings.get("currency") or DEFAULT_CURRENCY


def render_event(request, event: dict, tz: str, currency: str = DEFAULT_CURRENCY) -> str:
    """One rendered row; rendered once per time zone and shared by every client of the
    hub (its links are the same for every client: the request only lends the routes;
    an event belongs to one workspace, so to one currency)."""
    cache = event.setdefault("_html", {})
    if tz not in cache:
        ctx = {"event": event, "tz": tz, "currency": currency, "request": request}
        cache[tz] = render_string("live/_event.html", ctx).strip()
    return cache[tz]


def sse_frame(request, event: dict, tz: str, currency: str = DEFAULT_CURRENCY) -> str:
    # Event data may hold line breaks (details are user data): every line gets its own "data:".
    html = render_event(request, event, tz, currency).replace("\r\n", "\n").replace("\r", "\n")
    data = "".join(f"data: {line}\n" for line in html.split("\n"))
    return f"id: {event['id']}\nevent: event\n{data}\n"


async def _stream_start(request, principal) -> tuple[EventFilters, int | None]:
    """Filters and the resume point: Last-Event-ID (the browser's reconnect)
    wins over ``after=``; ``since=start`` replays the workspace's whole log (a
    page that showed no rows yet uses it so nothing slips between render and connect)."""
    filters = parse_filters(request.query_params)
    db = request.app.state.db
    resume = request.headers.get("last-event-id") or request.query_params.get("after")
    try:
        after_id = event_queries.parse_after_id(resume)
    except ValidationError:
        after_id = None  # a garbled Last-Event-ID just means "from now"
    after_seq = await event_queries.resolve_after(
        db, principal.workspace_id, after_id, strict=False
    )
    if after_seq is None and request.query_params.get("since") == "start":
        after_seq = 0
    return filters, after_seq


async def event_stream(request):
    """SSE: rendered event rows for the htmx SSE extension, newest pushed as they happen."""
    principal = await require_api(request, "events:read")
    filters, after_seq = await _stream_start(request, principal)
    db, settings = request.app.state.db, request.app.state.settings
    tz, currency = await _zone_and_currency(db, principal.workspace_id)
    body = _sse_body(
        request,
        live.hub_for(db, settings),
        principal.workspace_id,
        filters,
        after_seq,
        (tz, currency),
        settings,
        lambda: _still_valid(request, principal),
    )
    return StreamingResponse(
        body,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _sse_body(request, hub, workspace_id, filters, after_seq, zone, settings, still_valid):
    # Subscribed inside the generator: the finally below always runs once it
    # started (client gone = Starlette cancels us), so no subscription leaks.
    sub = await hub.subscribe(workspace_id, filters, after_seq)
    heartbeat, recheck = settings.sse_heartbeat_seconds, settings.credential_recheck_seconds
    try:
        yield f"retry: {SSE_RETRY_MS}\n: connected\n\n"
        now = time.monotonic()
        ends_at, check_at = now + SSE_MAX_SECONDS, now + recheck
        while (left := ends_at - time.monotonic()) > 0:
            wait = min(heartbeat, left, max(0.0, check_at - time.monotonic()))
            try:
                batch = await sub.next_batch(wait)
            except live.SubscriptionDropped:
                return  # too slow: the browser reconnects with Last-Event-ID and catches up
            if time.monotonic() >= check_at:  # before sending: nothing leaves once revoked
                if not await still_valid():
                    return  # the browser's reconnect then gets the 401/403 and stops
                check_at = time.monotonic() + recheck
            if not batch:
                yield ": keepalive\n\n"
                continue
            tz, currency = zone
            await feed.attach_summaries(request.app.state.db, workspace_id, batch, currency)
            yield "".join(sse_frame(request, e, tz, currency) for e in batch)
    finally:
        sub.close()


# -- WebSocket -------------------------------------------------------------------
def _own_origins(ws) -> set[str]:
    base = urlsplit(ws.app.state.settings.base_url)
    host = ws.headers.get("host", "")
    return {
        f"{base.scheme}://{base.netloc}".lower(),
        f"http://{host}".lower(),
        f"https://{host}".lower(),
    }


def _check_socket_request(ws) -> None:
    """Keys travel in the Authorization header, never in the URL (it ends up in
    logs); a browser page on another site may not ride on the session cookie."""
    if any(name in ws.query_params for name in _URL_SECRETS):
        raise BadRequest(
            "Do not put credentials in the URL: send 'Authorization: Bearer <key>'.",
            code="credentials_in_url",
        )
    origin = ws.headers.get("origin")
    uses_cookie = "authorization" not in ws.headers and SESSION_COOKIE in ws.cookies
    if uses_cookie and origin is not None and origin.lower() not in _own_origins(ws):
        raise Forbidden(
            "This connection came from another site and was refused.", code="cross_site"
        )


async def _refuse(ws, exc: AppError) -> None:
    """Reject the handshake with the error's status and JSON body when the
    server can (ASGI websocket.http.response), else close with 1008."""
    if "websocket.http.response" in ws.scope.get("extensions", {}):
        await ws.send_denial_response(
            JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)
        )
    else:
        await ws.close(code=WS_POLICY_VIOLATION, reason=exc.message[:120])


async def events_socket(ws):
    """WebSocket: the workspace's events as JSON objects (the §12 event shape), one per message.

    Auth: `Authorization: Bearer <API key with events:read, or session token>` or the session cookie
    (never a key in the URL). Query: `type` (repeatable or comma-separated), `form`, `submission`,
    `handler`, and `after=<event id>` to first receive everything after that event, in order.
    A client too slow to keep up is closed with 1013: reconnect with `after=` its last event id."""
    try:
        _check_socket_request(ws)
        principal = await require_api(ws, "events:read")
        filters = parse_filters(ws.query_params)
        after_id = event_queries.parse_after_id(ws.query_params.get("after"))
        after_seq = await event_queries.resolve_after(
            ws.app.state.db, principal.workspace_id, after_id
        )
    except AppError as exc:
        return await _refuse(ws, exc)
    await ws.accept()
    hub = live.hub_for(ws.app.state.db, ws.app.state.settings)
    sub = await hub.subscribe(principal.workspace_id, filters, after_seq)
    # Two tasks: one sends events, one notices the client leaving; the first to end stops the other.
    tasks = [
        asyncio.create_task(_watch_disconnect(ws)),
        asyncio.create_task(_pump_socket(ws, sub, principal)),
    ]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        for result in await asyncio.gather(*tasks, return_exceptions=True):
            if isinstance(result, Exception) and not isinstance(result, _GONE):
                log.error("event socket failed", exc_info=result)
        sub.close()


# What a vanished client looks like mid-send or mid-receive.
_GONE = (WebSocketDisconnect, OSError, RuntimeError)


async def _watch_disconnect(ws) -> None:
    while (await ws.receive())["type"] != "websocket.disconnect":
        pass  # integrations have nothing to say; ignore what they send


async def _still_valid(conn, principal) -> bool:
    """The stream's credential still opens this workspace with events:read (a
    revoked session or key, or a lost membership, does not). ``conn`` is the
    stream's Request or WebSocket."""
    try:
        del conn.state.principal  # get_principal caches it: force a fresh lookup
    except AttributeError:
        pass
    try:
        again = await require_api(conn, "events:read")
    except AppError:
        return False
    return again.workspace_id == principal.workspace_id


async def _pump_socket(ws, sub, principal) -> None:
    recheck = ws.app.state.settings.credential_recheck_seconds
    recheck_at = time.monotonic() + recheck
    last_id = ""
    while True:
        try:
            batch = await sub.next_batch(max(0.0, recheck_at - time.monotonic()))
        except live.SubscriptionDropped:
            return await ws.close(
                code=WS_TRY_AGAIN_LATER, reason=f"too slow; reconnect with after={last_id}"
            )
        if time.monotonic() >= recheck_at:  # before sending: nothing leaves once revoked
            if not await _still_valid(ws, principal):
                return await ws.close(
                    code=WS_POLICY_VIOLATION, reason="credential revoked or expired"
                )
            recheck_at = time.monotonic() + recheck
        for event in batch:
            await ws.send_text(_event_json(event))
            last_id = event["id"]


def _event_json(event: dict) -> str:
    if "_json" not in event:
        event["_json"] = json.dumps(public_event(event), ensure_ascii=False, separators=(",", ":"))
    return event["_json"]


events_socket_route = WebSocketRoute("/ws/events", events_socket, name="events_socket")
events_socket_route.openapi = {
    "scope": "events:read",
    "public": False,
    "doc": events_socket.__doc__,
    "body": None,
    "tags": ["events"],
}


# -- the page ----------------------------------------------------------------------
async def live_page(request):
    principal = await require_page(request)
    db = request.app.state.db
    errors = {}
    try:
        filters = parse_filters(request.query_params)
    except ValidationError as exc:
        filters, errors = EventFilters(), exc.fields
    events = await event_queries.recent_events(db, principal.workspace_id, filters, limit=50)
    _, currency = await _zone_and_currency(db, principal.workspace_id)
    await feed.attach_summaries(db, principal.workspace_id, events, currency)
    return await render(
        request,
        "live/index.html",
        {
            "events": events,
            "filters": filters,
            "errors": errors,
            "stream_url": stream_url(request, filters, events),
            "choices": await event_queries.filter_choices(db, principal.workspace_id),
            "type_areas": catalogue.choices_by_area(),
        },
    )


routes = [
    Route("/live", live_page, methods=["GET"], name="live"),
    Route("/events/stream", event_stream, methods=["GET"], name="event_stream"),
    events_socket_route,
]
