"""Templates, the one fragment rule, flash messages and redirects."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
from itsdangerous import BadSignature, URLSafeSerializer
from starlette.responses import HTMLResponse, RedirectResponse

from app.db import clock
from app.db.clock import parse_iso
from app.services.accounts import workspaces
from app.services.accounts.currency import DEFAULT_CURRENCY, format_money
from app.services.forms.fields import FIELD_TYPE_LABELS
from app.services.notifications import inbox
from app.web.auth import csrf_token
from app.web.doc_text import doc_html, inline_code
from app.web.entity_links import item_path, page_of

APP_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = APP_DIR / "templates"
STATIC_DIR = APP_DIR / "static"
FLASH_COOKIE = "fa_flash"


def _static_versions() -> dict[str, str]:
    versions = {}
    for path in STATIC_DIR.rglob("*"):
        if path.is_file():
            versions[str(path.relative_to(STATIC_DIR))] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()[:10]
    return versions


def relative_time(value: str | None) -> str:
    if not value:
        return ""
    seconds = (clock.utcnow() - parse_iso(value)).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    for limit, unit, size in (
        (60, "s", 1),
        (3600, "min", 60),
        (86400, "h", 3600),
        (86400 * 30, "d", 86400),
    ):
        if seconds < limit:
            amount = max(1, int(seconds // size)) if unit != "s" else int(seconds)
            if unit == "s" and amount < 10:
                return "just now"
            return f"in {amount} {unit}" if future else f"{amount} {unit} ago"
    return value[:10]


def local_time(value: str | None, tz: str = "UTC", fmt: str = "%Y-%m-%d %H:%M") -> str:
    if not value:
        return ""
    try:
        zone = ZoneInfo(tz)
    except Exception:
        zone = UTC
    return parse_iso(value).astimezone(zone).strftime(fmt)


def url_path(request, name: str, /, **params) -> str:
    """The path of a named route, as Starlette's ``request.url_for`` builds it but
    without scheme and host: links stay right behind a proxy that rewrites the
    host, and under the app's root path when it is mounted below one."""
    root = request.scope.get("app_root_path", request.scope.get("root_path", ""))
    return root.rstrip("/") + request.app.url_path_for(name, **params)


@jinja2.pass_context
def _url_for(ctx, name: str, /, **params) -> str:
    request = ctx.get("request")
    if request is None:  # rendered outside a request: the caller must pass one in
        raise RuntimeError(f"url_for({name!r}) needs `request` in the template context")
    return url_path(request, name, **params)


@jinja2.pass_context
def entity_url(ctx, entity_id: str | None) -> str | None:
    """The dashboard page of an object id (``deal_…`` -> /deals/deal_…), if it has one."""
    page = page_of(entity_id)
    return _url_for(ctx, page[0], **page[1]) if page else None


@jinja2.pass_context
def item_url(ctx, item: dict) -> str | None:
    """The page a ``created_entities`` item lives on (tasks and tickets: My work)."""
    return item_path(lambda name, **params: _url_for(ctx, name, **params), item)


# Bidi embeddings/overrides/isolates and NUL: stored as sent (SPEC §13), but shown as
# escapes where people read visitor text, so "moc.live" cannot pose as "evil.com".
_INVISIBLE = {
    ord(ch): f"\\u{ord(ch):04x}"
    for ch in "\x00\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
}


def visible(value):
    """The text with bidi controls and NUL written as ``\\u202e``; other values unchanged."""
    return value.translate(_INVISIBLE) if isinstance(value, str) else value


class _TypoUndefined(jinja2.StrictUndefined):
    """Strict, except that a missing name may be tested: ``{% if notice %}`` and
    ``{% if editing == f.name %}`` are how a template asks for optional context,
    while printing, iterating or reading into a missing name (a typo) is an error
    instead of a blank."""

    __bool__ = jinja2.Undefined.__bool__
    __eq__ = jinja2.Undefined.__eq__
    __ne__ = jinja2.Undefined.__ne__
    __hash__ = jinja2.Undefined.__hash__


def make_environment(strict: bool = False) -> jinja2.Environment:
    """Autoescape is on for every template whatever its extension (emails, fragments, .txt).
    ``strict`` (the test suite) turns template typos into errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=_TypoUndefined if strict else jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    versions = _static_versions()

    @jinja2.pass_context
    def static(ctx, path: str) -> str:
        # The content hash busts browser caches when a file changes.
        return f"{_url_for(ctx, 'static', path=path)}?v={versions.get(path, '0')}"

    env.globals["static"] = static
    env.globals["url_for"] = _url_for
    env.filters["ago"] = relative_time
    env.filters["local_time"] = local_time
    env.filters["money"] = format_money
    env.filters["field_type"] = lambda t: FIELD_TYPE_LABELS.get(t, t)
    env.filters["entity_url"] = entity_url
    env.filters["item_url"] = item_url
    env.filters["visible"] = visible
    env.filters["inline_code"] = inline_code
    env.filters["doc_html"] = doc_html
    env.globals["now"] = lambda: datetime.now(UTC)
    return env


ENV = make_environment(strict=os.environ.get("FORMAGENT_STRICT_TEMPLATES") == "1")


def is_htmx(request) -> bool:
    return (
        request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"
    )


def _flash_serializer(request) -> URLSafeSerializer:
    return URLSafeSerializer(request.app.state.settings.secret_key, salt="formagent.flash")


def read_flashes(request) -> list[dict]:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw:
        return []
    try:
        return list(_flash_serializer(request).loads(raw))
    except (BadSignature, ValueError, TypeError):
        return []


def set_flash(request, response, message: str, kind: str = "success") -> None:
    value = _flash_serializer(request).dumps([{"message": message, "kind": kind}])
    response.set_cookie(
        FLASH_COOKIE,
        value,
        httponly=True,
        samesite="lax",
        path="/",
        secure=request.app.state.settings.secure_cookies,
    )


async def base_context(request) -> dict:
    principal = getattr(request.state, "principal", None)
    ctx = {
        "request": request,
        "principal": principal,
        "csrf_token": csrf_token(request),
        "settings": request.app.state.settings,
        "flashes": read_flashes(request),
        "workspaces": [],
        "workspace": None,
        "tz": "UTC",
        "currency": DEFAULT_CURRENCY,
        "unread_notifications": 0,
    }
    if principal is not None and principal.kind == "session":
        ctx["workspaces"] = await workspaces.list_for_account(
            request.app.state.db, principal.account_id
        )
        ctx["workspace"] = next(
            (w for w in ctx["workspaces"] if w["id"] == principal.workspace_id), None
        )
        if ctx["workspace"]:
            ctx["tz"] = ctx["workspace"]["settings"].get("timezone") or "UTC"
            ctx["currency"] = ctx["workspace"]["settings"].get("currency") or DEFAULT_CURRENCY
            ctx["unread_notifications"] = await inbox.unread_count(
                request.app.state.db, principal.workspace_id, principal.account_id
            )
    return ctx


async def render(
    request,
    template: str,
    context: dict | None = None,
    *,
    fragment: str | None = None,
    status: int = 200,
    headers: dict | None = None,
    public: bool = False,
) -> HTMLResponse:
    """Render ``fragment`` for HTMX requests (not boosted), ``template`` otherwise.

    ``public`` pages (the hosted form) are for visitors of customer sites: they
    get only the request in their context, so no session lookup, no flash and
    no CSRF seed cookie is ever made for them (and the hot path stays cheap)."""
    ctx = {"request": request} if public else await base_context(request)
    ctx.update(context or {})
    name = fragment if (fragment and is_htmx(request)) else template
    html = ENV.get_template(name).render(ctx)
    response = HTMLResponse(html, status_code=status, headers=headers)
    response.headers["Vary"] = "HX-Request"
    if ctx.get("flashes"):
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


def render_string(template: str, context: dict) -> str:
    """Render a template outside a request (emails, SSE rows)."""
    return ENV.get_template(template).render(context)


def safe_next(value, fallback: str = "/") -> str:
    """``value`` when it is a path on this site, else ``fallback``: every ``next=`` goes
    through here so no link can send a user to another site after an action. Browsers
    drop tabs and newlines from URLs ("/\t/evil.com" is "//evil.com") and read "\\" as
    "/", so any whitespace, control character or backslash refuses the value."""
    if (
        not isinstance(value, str)
        or not value.startswith("/")
        or value.startswith("//")
        or any(ch == "\\" or ch.isspace() or not ch.isprintable() for ch in value)
    ):
        return fallback
    return value


def redirect(
    request, url: str, message: str | None = None, kind: str = "success"
) -> RedirectResponse:
    """303 after a successful plain POST; HTMX gets HX-Redirect instead of a swap."""
    if is_htmx(request):
        response = HTMLResponse("", headers={"HX-Redirect": url})
    else:
        response = RedirectResponse(url, status_code=303)
    if message:
        set_flash(request, response, message, kind)
    return response
