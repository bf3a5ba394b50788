"""Auth endpoints of the JSON API: a script can sign up and log in with no cookie."""

from __future__ import annotations

from app.errors import NotFound, Unauthorized
from app.services.accounts import account as accounts
from app.services.accounts import invites, members, sessions, workspaces
from app.web import schema as S
from app.web.api import api_route, json_response, no_content, read_json
from app.web.auth import (
    bearer_token,
    get_principal,
    require_person,
    session_token,
    set_session_cookie,
)
from app.web.client_ip import client_ip

_EMAIL = S.email()
LOGIN = S.obj(
    {"email": S.text(max_length=254), "password": S.text(max_length=1024)},
    required=["email", "password"],
)
SIGNUP = S.obj(
    {
        "email": _EMAIL,
        "password": S.text(min_length=8, max_length=128),
        "name": S.text(max_length=200, single_line=True, nullable=True),
        "workspace_name": S.text(max_length=120, single_line=True, nullable=True),
        "invite_token": S.text(
            max_length=invites.MAX_TOKEN_LENGTH,
            nullable=True,
            description="the token of an /invite/{token} link",
        ),
    },
    required=["email", "password"],
)
UPDATE_ME = S.obj(
    {
        "name": S.text(max_length=200, single_line=True),
        "current_password": S.text(max_length=1024),
        "new_password": S.text(min_length=8, max_length=128),
        **S.read_only_keys("account", "workspace", "role", "workspaces", "api_key"),
    }
)
SWITCH = S.obj({"workspace_id": S.id_of("ws")}, required=["workspace_id"])


async def _me(request, principal) -> dict:
    db = request.app.state.db
    return {
        "account": principal.account,
        "workspace": await workspaces.get_workspace(db, principal.workspace_id)
        if principal.workspace_id
        else None,
        "role": principal.role,
        "workspaces": await workspaces.list_for_account(db, principal.account_id),
    }


async def api_signup(request, _):
    """Create an account and its first workspace; answers a session token usable as Bearer.

    With `invite_token` (the token of an `/invite/{token}` link) the invite is accepted
    too and the session opens in that workspace; the email must be the invited one (403),
    an unknown token answers 404, a used or expired one 410. Without it no pending
    invite is activated, whatever the email."""
    body = await read_json(request)
    settings = request.app.state.settings
    invite_token = body.get("invite_token")
    account, token = await accounts.signup(
        request.app.state.db,
        settings,
        email=body.get("email"),
        password=body.get("password"),
        name=str(body.get("name") or ""),
        workspace_name=str(body.get("workspace_name") or ""),
        invite_token=invite_token,
        ip=client_ip(request.scope, settings.trusted_proxies),
        user_agent=request.headers.get("user-agent"),
    )
    return json_response({"token": token, "account": accounts.public_account(account)}, status=201)


async def api_accept_invite(request, _):
    """Accept an invite as the signed-in person (session token or cookie; not an API key).
    Your account's email must be the invited one (403 otherwise); an unknown token
    answers 404, a used or expired one 410. Answers the membership, now active."""
    principal = await require_person(request)
    member = await invites.accept(
        request.app.state.db,
        request.path_params["token"],
        account_id=principal.account_id,
        account_email=principal.account["email"],
    )
    return json_response(members.public_member(member))


async def api_login(request, _):
    """Log in; answers a session token usable as `Authorization: Bearer <token>`."""
    body = await read_json(request)
    settings = request.app.state.settings
    account, token = await accounts.login(
        request.app.state.db,
        settings,
        email=body["email"],
        password=body["password"],
        ip=client_ip(request.scope, settings.trusted_proxies),
        user_agent=request.headers.get("user-agent"),
    )
    return json_response({"token": token, "account": accounts.public_account(account)})


async def api_logout(request, _):
    """Revoke the calling session (Bearer session token or cookie)."""
    token = bearer_token(request) or session_token(request)
    if not token or not token.startswith(sessions.TOKEN_PREFIX) or not await get_principal(request):
        raise Unauthorized("No session to log out of.")
    await sessions.revoke_session(request.app.state.db, token)
    return no_content()


async def api_me(request, _):
    """The caller's account, current workspace, role and workspaces (with an API key: the key and its workspace)."""
    principal = await get_principal(request)
    if principal is None:
        raise Unauthorized("Send 'Authorization: Bearer <API key or session token>', or sign in.")
    if principal.kind != "session":
        key = {"id": principal.api_key_id, "scopes": sorted(principal.scopes or [])}
        workspace = await workspaces.get_workspace(request.app.state.db, principal.workspace_id)
        return json_response(
            {
                "account": None,
                "api_key": key,
                "workspace": workspace,
                "role": principal.role,
                "workspaces": [workspace],
            }
        )
    return json_response(await _me(request, principal))


async def api_update_me(request, _):
    """Change your name and/or password. A password change needs `current_password`, revokes
    every session of the account and answers a new `token` for this caller (the cookie too)."""
    principal = await require_person(request)
    body = await read_json(request, current=await _me(request, principal))
    db, settings = request.app.state.db, request.app.state.settings
    token = None
    if "name" in body:
        accounts.check_name(
            body["name"]
        )  # before the password changes, so a bad name changes nothing
    if "new_password" in body or "current_password" in body:
        token = await accounts.change_password(
            db,
            settings,
            principal.account_id,
            current_password=body.get("current_password"),
            new_password=body.get("new_password"),
            workspace_id=principal.workspace_id,
            ip=client_ip(request.scope, settings.trusted_proxies),
            user_agent=request.headers.get("user-agent"),
        )
    if "name" in body:
        await accounts.update_profile(db, principal.account_id, name=body.get("name"))
    account = accounts.public_account(await accounts.get_account(db, principal.account_id))
    payload = {"account": account, **({"token": token} if token else {})}
    response = json_response(payload)
    if token and bearer_token(request) is None:  # signed in by cookie: keep the browser signed in
        set_session_cookie(response, settings, token)
    return response


async def api_switch_workspace(request, _):
    """Make another of your workspaces the current one for this session (API keys belong to one workspace)."""
    principal = await require_person(request)
    body = await read_json(request)
    workspace_id = body["workspace_id"]
    db = request.app.state.db
    if not await workspaces.role_of(db, workspace_id, principal.account_id):
        raise NotFound("Workspace not found.")
    await sessions.set_workspace(db, principal.session_id, workspace_id)
    request.state.principal = principal.__class__(
        **{
            **principal.__dict__,
            "workspace_id": workspace_id,
            "role": await workspaces.role_of(db, workspace_id, principal.account_id),
        }
    )
    return json_response(await _me(request, request.state.principal))


def _person(route):
    route.openapi["public"] = False  # guarded inside: works without a current workspace
    return route


routes = [
    api_route(
        "/auth/signup",
        api_signup,
        methods=["POST"],
        auth="none",
        body=SIGNUP,
        status=201,
        errors=(403, 404, 409, 410, 429),
    ),
    _person(
        api_route(
            "/invites/{token}/accept",
            api_accept_invite,
            methods=["POST"],
            auth="none",
            body=False,
            errors=(410,),
        )
    ),
    api_route(
        "/auth/login",
        api_login,
        methods=["POST"],
        auth="none",
        body=LOGIN,
        errors=(401, 429),
    ),
    api_route("/auth/logout", api_logout, methods=["POST"], auth="none", body=False, errors=(401,)),
    _person(api_route("/auth/me", api_me, methods=["GET"], auth="none")),
    _person(api_route("/auth/me", api_update_me, methods=["PUT"], auth="none", body=UPDATE_ME)),
    _person(
        api_route(
            "/auth/switch-workspace",
            api_switch_workspace,
            methods=["POST"],
            auth="none",
            body=SWITCH,
            errors=(404,),
        )
    ),
]
