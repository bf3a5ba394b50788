"""Resolving the caller of a request and guarding pages and API endpoints."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from itsdangerous import BadSignature, Signer

from app.errors import AppError, Forbidden, Unauthorized
from app.services.accounts import auth
from app.services.accounts.permissions import require_role, require_write
from app.services.audit import Actor, act_as
from app.web.client_ip import client_ip

SESSION_COOKIE = "fa_session"
ANON_COOKIE = "fa_anon"
_UNSET = object()


class LoginRequired(AppError):
    status, code, default_message = 401, "login_required", "Log in to continue."


class NoWorkspace(AppError):
    status, code, default_message = (
        403,
        "no_workspace",
        "You are not a member of any workspace yet.",
    )


def _signer(settings, salt: str) -> Signer:
    return Signer(settings.secret_key, salt=f"formagent.{salt}")


def sign_cookie(settings, value: str, salt: str = "session") -> str:
    return _signer(settings, salt).sign(value).decode()


def unsign_cookie(settings, value: str | None, salt: str = "session") -> str | None:
    """A tampered or foreign cookie reads as absent, never as an error."""
    if not value:
        return None
    try:
        return _signer(settings, salt).unsign(value).decode()
    except (BadSignature, UnicodeDecodeError, ValueError):
        return None


def session_token(request) -> str | None:
    return unsign_cookie(request.app.state.settings, request.cookies.get(SESSION_COOKIE))


def csrf_token_for_seed(settings, seed: str) -> str:
    return hmac.new(
        settings.secret_key.encode(), f"csrf|{seed}".encode(), hashlib.sha256
    ).hexdigest()[:48]


def csrf_token(request) -> str:
    """The token for forms on this page: tied to the session, or to the anonymous seed."""
    state = request.scope.setdefault("state", {})
    seed = state.get("csrf_seed")
    if seed is None:  # the CSRF middleware sets this seed's cookie on the response
        seed = state["csrf_seed"] = secrets.token_urlsafe(24)
        state["csrf_seed_new"] = True
    return csrf_token_for_seed(request.app.state.settings, seed)


def bearer_token(request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def get_principal(request) -> auth.Principal | None:
    """The caller, resolved once per request (Authorization header first, then cookie)."""
    cached = getattr(request.state, "principal", _UNSET)
    if cached is not _UNSET:
        _name_actor(request, cached)
        return cached
    db = request.app.state.db
    if "authorization" in request.headers:
        token = bearer_token(request)
        principal = await auth.from_bearer(db, token) if token else None
    else:
        cookie_token = session_token(request)
        principal = await auth.from_session_token(db, cookie_token) if cookie_token else None
    request.state.principal = principal
    _name_actor(request, principal)
    return principal


def _name_actor(request, principal) -> None:
    """Who acts in this request, for the audit log (app/services/audit/log.py)."""
    act_as(
        Actor(
            account_id=principal.account_id if principal else None,
            key_id=principal.api_key_id if principal else None,
            name=principal.display_name if principal else "",
            ip=client_ip(request.scope, request.app.state.settings.trusted_proxies),
        )
    )


async def require_page(request, *, write: bool = False, role: str | None = None) -> auth.Principal:
    """Guard for dashboard pages: a signed-in person with a workspace (and a role)."""
    principal = await get_principal(request)
    if principal is None or principal.kind != "session":
        raise LoginRequired()
    if principal.workspace_id is None:
        raise NoWorkspace()
    if write:
        _require_write(principal)
    if role:
        require_role(principal.role, role)
    return principal


async def require_account(request) -> auth.Principal:
    """Guard for pages that need a person but not a workspace (account settings)."""
    principal = await get_principal(request)
    if principal is None or principal.kind != "session":
        raise LoginRequired()
    return principal


async def require_person(request) -> auth.Principal:
    """Guard for JSON endpoints about a person (account, workspaces, members, keys):
    a session token or cookie, with or without a current workspace. An API key
    answers 403: keys act for integrations, never manage people or keys."""
    principal = await get_principal(request)
    if principal is None:
        raise Unauthorized(
            "Send 'Authorization: Bearer <session token>' (from POST /api/auth/login), or sign in."
        )
    if principal.kind != "session":
        raise Forbidden(
            "This endpoint needs a person's session token, not an API key.", code="session_required"
        )
    return principal


async def require_api(request, scope: str | None = None) -> auth.Principal:
    """Guard for JSON endpoints: 401 without credentials, 403 without the scope."""
    principal = await get_principal(request)
    if principal is None:
        raise Unauthorized("Send 'Authorization: Bearer <API key or session token>', or sign in.")
    if principal.workspace_id is None:
        raise NoWorkspace()
    if scope:
        if not principal.has_scope(scope):
            raise Forbidden(f"This API key lacks the '{scope}' scope.", code="missing_scope")
        if scope.endswith(":write"):
            _require_write(principal)
    return principal


def _require_write(principal: auth.Principal) -> None:
    if principal.can_write:
        return
    if principal.kind == "api_key":  # roles bind keys (SPEC §3): say whose role it is
        raise Forbidden(
            "This API key's creator has read-only access to this workspace now, so the key can only read."
        )
    require_write(principal.role)


def set_session_cookie(response, settings, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        sign_cookie(settings, token),
        max_age=int(settings.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )


def clear_session_cookie(response, settings) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=settings.secure_cookies
    )
