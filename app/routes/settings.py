"""Settings pages: account, workspace (and creating one); members and API keys
live in settings_members.py / settings_keys.py (registered beside this module)."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import available_timezones

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts import account as accounts
from app.services.accounts import currency, sessions, workspaces
from app.services.accounts.permissions import has_role
from app.web.auth import require_account, require_page, set_session_cookie
from app.web.client_ip import client_ip
from app.web.forms_input import (
    DeleteWorkspaceForm,
    NewWorkspaceForm,
    PasswordForm,
    ProfileForm,
    WorkspaceForm,
    parse,
    read_form,
    values,
)
from app.web.render import redirect, render, url_path


@lru_cache(maxsize=1)
def timezone_names() -> list[str]:
    return sorted(available_timezones())


# -- account -------------------------------------------------------------------
async def _account_page(request, principal, *, status=200, **ctx):
    account = await accounts.get_account(request.app.state.db, principal.account_id)
    base = {
        "account": account,
        "profile": {"name": account["name"]},
        "profile_errors": {},
        "password_errors": {},
    }
    return await render(request, "settings/account.html", {**base, **ctx}, status=status)


async def account_page(request):
    return await _account_page(request, await require_account(request))


async def update_account(request):
    principal = await require_account(request)
    form, _ = parse(ProfileForm, await read_form(request))
    try:
        await accounts.update_profile(
            request.app.state.db, principal.account_id, name=form.name.data
        )
    except ValidationError as exc:
        return await _account_page(
            request, principal, status=exc.status, profile=values(form), profile_errors=exc.fields
        )
    return redirect(request, url_path(request, "account_settings"), "Your name is saved.")


async def change_password(request):
    principal = await require_account(request)
    form, _ = parse(PasswordForm, await read_form(request))
    settings = request.app.state.settings
    try:
        token = await accounts.change_password(
            request.app.state.db,
            settings,
            principal.account_id,
            current_password=form.current_password.data,
            new_password=form.new_password.data,
            workspace_id=principal.workspace_id,
            ip=client_ip(request.scope, settings.trusted_proxies),
            user_agent=request.headers.get("user-agent"),
        )
    except ValidationError as exc:
        return await _account_page(
            request, principal, status=exc.status, password_errors=exc.fields
        )
    response = redirect(
        request,
        url_path(request, "account_settings"),
        "Password changed. Every other session is signed out.",
    )
    set_session_cookie(response, settings, token)
    return response


# -- workspace -------------------------------------------------------------------
async def _workspace_page(request, principal, *, status=200, **ctx):
    workspace = await workspaces.get_workspace(request.app.state.db, principal.workspace_id)
    base = {
        "ws": workspace,
        "form": {"name": workspace["name"], **workspace["settings"]},
        "errors": {},
        "delete_errors": {},
        "can_edit": has_role(principal.role, "admin"),
        "is_owner": principal.role == "owner",
        "timezones": timezone_names(),
        "currencies": sorted(currency.CODES),
    }
    return await render(request, "settings/workspace.html", {**base, **ctx}, status=status)


async def workspace_page(request):
    return await _workspace_page(request, await require_page(request))


async def update_workspace(request):
    principal = await require_page(request)
    form, _ = parse(WorkspaceForm, await read_form(request))
    try:
        await workspaces.update_workspace(
            request.app.state.db,
            principal.workspace_id,
            role=principal.role,
            actor_id=principal.account_id,
            name=form.name.data or "",
            settings=form.settings(),
        )
    except ValidationError as exc:
        return await _workspace_page(
            request, principal, status=exc.status, form=values(form), errors=exc.fields
        )
    return redirect(request, url_path(request, "workspace_settings"), "Workspace settings saved.")


async def delete_workspace(request):
    """Owner only; typing the workspace's name guards against a slip of the mouse."""
    principal = await require_page(request)
    db = request.app.state.db
    form, _ = parse(DeleteWorkspaceForm, await read_form(request))
    workspace = await workspaces.get_workspace(db, principal.workspace_id)
    if principal.role == "owner" and form.confirm.data != workspace["name"]:
        return await _workspace_page(
            request,
            principal,
            status=422,
            delete_errors={
                "confirm": f"Type {workspace['name']} exactly to delete this workspace."
            },
        )
    await workspaces.archive_workspace(
        db, principal.workspace_id, role=principal.role, actor_id=principal.account_id
    )
    return redirect(request, url_path(request, "dashboard"), f"{workspace['name']} was deleted.")


async def new_workspace_page(request):
    await require_account(request)
    return await render(request, "settings/new_workspace.html", {"form": {}, "errors": {}})


async def create_workspace(request):
    principal = await require_account(request)
    form, _ = parse(NewWorkspaceForm, await read_form(request))
    db = request.app.state.db
    try:
        workspace = await workspaces.create_workspace(
            db, principal.account_id, name=form.name.data or ""
        )
    except ValidationError as exc:
        return await render(
            request,
            "settings/new_workspace.html",
            {"form": values(form), "errors": exc.fields},
            status=exc.status,
        )
    await sessions.set_workspace(db, principal.session_id, workspace["id"])
    return redirect(
        request,
        url_path(request, "dashboard"),
        f"{workspace['name']} is ready. Start by describing a form.",
    )


routes = [
    Route("/settings/account", account_page, methods=["GET"], name="account_settings"),
    Route("/settings/account", update_account, methods=["POST"], name="update_account"),
    Route("/settings/account/password", change_password, methods=["POST"], name="change_password"),
    Route("/settings/workspace", workspace_page, methods=["GET"], name="workspace_settings"),
    Route("/settings/workspace", update_workspace, methods=["POST"], name="update_workspace"),
    Route(
        "/settings/workspace/delete", delete_workspace, methods=["POST"], name="delete_workspace"
    ),
    Route("/workspaces/new", new_workspace_page, methods=["GET"], name="new_workspace"),
    Route("/workspaces/new", create_workspace, methods=["POST"], name="create_workspace"),
]
