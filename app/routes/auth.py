"""Sign-up, log-in, log-out and the workspace switcher (pages)."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import AppError, Gone, NotFound, RateLimited, ValidationError
from app.services.accounts import account as accounts
from app.services.accounts import invites, sessions, workspaces
from app.web.auth import (
    clear_session_cookie,
    get_principal,
    require_account,
    session_token,
    set_session_cookie,
)
from app.web.client_ip import client_ip
from app.web.forms_input import read_form
from app.web.render import redirect, render, safe_next, url_path


async def signup_page(request):
    if await get_principal(request):
        return redirect(request, url_path(request, "dashboard"))
    # The invite page links to /signup?invite=<token>: the address the invite waits for.
    values, invite, message = {"email": request.query_params.get("email", "")[:254]}, None, None
    token = request.query_params.get("invite") or None
    if token:
        try:
            invite = await invites.get_invite(request.app.state.db, token)
            values["email"] = invite["email"]
        except (NotFound, Gone) as exc:
            token, message = None, exc.message
    ctx = {"values": values, "errors": {}, "message": message, "invite": invite}
    ctx.update(next=request.query_params.get("next"), invite_token=token)
    return await render(request, "auth/signup.html", ctx)


def _refuse_repeated(form, names: tuple[str, ...]) -> None:
    """A field sent twice (two emails) is ambiguous: say so rather than pick one."""
    repeated = {n: "Send this field once." for n in names if len(form.getlist(n)) > 1}
    if repeated:
        raise ValidationError(fields=repeated)


async def signup(request):
    form = await read_form(request)
    values = {k: str(form.get(k, "")) for k in ("name", "email", "workspace_name")}
    invite_token = str(form.get("invite_token") or "") or None
    settings = request.app.state.settings
    try:
        _refuse_repeated(form, ("name", "email", "password", "workspace_name", "invite_token"))
        _, token = await accounts.signup(
            request.app.state.db,
            settings,
            email=values["email"],
            password=str(form.get("password", "")),
            name=values["name"],
            workspace_name=values["workspace_name"],
            invite_token=invite_token,
            ip=client_ip(request.scope, settings.trusted_proxies),
            user_agent=request.headers.get("user-agent"),
        )
    except AppError as exc:
        return await render(
            request,
            "auth/signup.html",
            {
                "values": values,
                "errors": exc.fields,
                "message": exc.message,
                "next": form.get("next"),
                "invite_token": invite_token,
                "invite": None,
            },
            status=exc.status,
        )
    response = redirect(
        request,
        safe_next(form.get("next")),
        "Welcome to FormAgent! Start by describing your first form.",
    )
    set_session_cookie(response, settings, token)
    return response


async def login_page(request):
    if await get_principal(request):
        return redirect(request, safe_next(request.query_params.get("next")))
    return await render(
        request,
        "auth/login.html",
        {"values": {}, "errors": {}, "next": request.query_params.get("next")},
    )


async def login(request):
    form = await read_form(request)
    values = {"email": str(form.get("email", ""))}
    settings = request.app.state.settings
    try:
        _, token = await accounts.login(
            request.app.state.db,
            settings,
            email=values["email"],
            password=str(form.get("password", "")),
            ip=client_ip(request.scope, settings.trusted_proxies),
            user_agent=request.headers.get("user-agent"),
        )
    except AppError as exc:
        headers = exc.headers if isinstance(exc, RateLimited) else None
        return await render(
            request,
            "auth/login.html",
            {
                "values": values,
                "errors": exc.fields,
                "message": exc.message,
                "next": form.get("next"),
            },
            status=exc.status,
            headers=headers,
        )
    response = redirect(request, safe_next(form.get("next")))
    set_session_cookie(response, settings, token)
    return response


async def logout(request):
    token = session_token(request)
    if token:
        await sessions.revoke_session(request.app.state.db, token)
    response = redirect(request, url_path(request, "login_page"), "You are logged out.")
    clear_session_cookie(response, request.app.state.settings)
    return response


async def switch_workspace(request):
    principal = await require_account(request)
    form = await read_form(request)
    workspace_id = str(form.get("workspace_id", ""))
    if not await workspaces.role_of(request.app.state.db, workspace_id, principal.account_id):
        raise NotFound("Workspace not found.")
    await sessions.set_workspace(request.app.state.db, principal.session_id, workspace_id)
    return redirect(request, url_path(request, "dashboard"))


routes = [
    Route("/signup", signup_page, methods=["GET"], name="signup_page"),
    Route("/signup", signup, methods=["POST"], name="signup"),
    Route("/login", login_page, methods=["GET"], name="login_page"),
    Route("/login", login, methods=["POST"], name="login"),
    Route("/logout", logout, methods=["POST"], name="logout"),
    Route("/workspaces/switch", switch_workspace, methods=["POST"], name="switch_workspace"),
]
