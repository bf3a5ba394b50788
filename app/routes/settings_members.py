"""The members page: invite, change role (HTMX per row, plain POST fallback), remove or leave."""

from __future__ import annotations

from starlette.responses import HTMLResponse
from starlette.routing import Route

from app.errors import AppError, Conflict, Forbidden, ValidationError
from app.services.accounts import members, workspaces
from app.services.accounts.permissions import ROLES, has_role
from app.web.auth import require_page
from app.web.forms_input import InviteForm, RoleForm, parse, read_form, values
from app.web.origin import link_settings
from app.web.render import is_htmx, redirect, render, url_path


def role_choices(actor_role: str | None) -> list[str]:
    """Roles this person may hand out: only owners grant the owner role."""
    return list(ROLES) if actor_role == "owner" else [r for r in ROLES if r != "owner"]


async def _context(request, principal, **extra) -> dict:
    settings = request.app.state.settings
    items, _ = await members.list_members(
        request.app.state.db,
        principal.workspace_id,
        limit=200,
        settings=link_settings(request),
        viewer_role=principal.role,
    )
    me = next((m for m in items if m["account_id"] == principal.account_id), None)
    return {
        "members": items,
        "me": me,
        "can_manage": has_role(principal.role, "admin"),
        # No SMTP: mail stays in the outbox, so the invite link is shown to copy by hand.
        "show_invite_links": not settings.smtp_url,
        "actor_role": principal.role,
        "role_options": [(r, r.title()) for r in role_choices(principal.role)],
        "invite": {"role": "member"},
        "invite_errors": {},
        "row_errors": {},
        **extra,
    }


async def _page(request, principal, *, status=200, **extra):
    ctx = await _context(request, principal, **extra)
    return await render(
        request, "settings/members.html", ctx, fragment="settings/_members.html", status=status
    )


async def members_page(request):
    return await _page(request, await require_page(request))


async def invite_member(request):
    principal = await require_page(request)
    form, _ = parse(InviteForm, await read_form(request))
    try:
        member = await members.invite(
            request.app.state.db,
            request.app.state.settings,
            principal.workspace_id,
            actor_id=principal.account_id,
            actor_role=principal.role,
            email=form.email.data or "",
            role=form.role.data or "member",
        )
    except (ValidationError, Conflict) as exc:
        return await _page(
            request,
            principal,
            status=422 if is_htmx(request) else exc.status,
            invite=values(form),
            invite_errors=exc.fields or {"email": exc.message},
        )
    days = int(request.app.state.settings.invite_days)
    if member["status"] == "active":
        message = f"{member['email']} joined as {member['role']}."
    elif request.app.state.settings.smtp_url:
        message = f"Invitation sent to {member['email']}; it is valid for {days} days."
    else:  # the email waits in the outbox: say so, and point at the link to copy
        message = (
            f"Invitation for {member['email']} created. No email server is configured, so copy "
            f"its invite link below and send it yourself; it is valid for {days} days."
        )
    if is_htmx(request):
        return await _page(request, principal, notice=message)
    return redirect(request, url_path(request, "members_settings"), message)


async def change_role(request):
    principal = await require_page(request)
    member_id = request.path_params["mid"]
    form, _ = parse(RoleForm, await read_form(request))
    db = request.app.state.db
    try:
        member = await members.change_role(
            db,
            principal.workspace_id,
            member_id,
            actor_id=principal.account_id,
            actor_role=principal.role,
            role=form.role.data or "",
            settings=link_settings(request),
        )
    except (ValidationError, Conflict, Forbidden) as exc:
        return await _role_error(request, principal, member_id, exc)
    if member["account_id"] == principal.account_id and not has_role(member["role"], "admin"):
        return redirect(
            request, url_path(request, "members_settings"), f"You are now {member['role']} here."
        )
    if is_htmx(request):
        ctx = await _context(request, principal)
        return await render(
            request, "settings/_member_row.html", {**ctx, "m": member, "saved": True}
        )
    return redirect(
        request,
        url_path(request, "members_settings"),
        f"{member['email']} is now {member['role']}.",
    )


async def _role_error(request, principal, member_id: str, exc: AppError):
    """The message sits beside that member's role select. HTMX gets the row back
    with 422 (the status the layout swaps); a plain POST gets the page with the real status."""
    if not is_htmx(request):
        return await _page(
            request, principal, status=exc.status, row_errors={member_id: _message(exc)}
        )
    ctx = await _context(request, principal, row_errors={member_id: _message(exc)})
    member = next((m for m in ctx["members"] if m["id"] == member_id), None)
    if member is None:
        raise exc
    return await render(request, "settings/_member_row.html", {**ctx, "m": member}, status=422)


def _message(exc: AppError) -> str:
    return exc.fields.get("role") if exc.fields.get("role") else exc.message


async def remove_member(request):
    principal = await require_page(request)
    db = request.app.state.db
    member = await members.remove_member(
        db,
        principal.workspace_id,
        request.path_params["mid"],
        actor_id=principal.account_id,
        actor_role=principal.role,
    )
    if member["account_id"] == principal.account_id:
        workspace = await workspaces.get_workspace(db, principal.workspace_id)
        return redirect(request, url_path(request, "dashboard"), f"You left {workspace['name']}.")
    if is_htmx(request):
        return HTMLResponse("")  # the row swaps itself out
    what = "Invitation cancelled" if member["status"] != "active" else "Removed"
    return redirect(request, url_path(request, "members_settings"), f"{what}: {member['email']}.")


routes = [
    Route("/settings/members", members_page, methods=["GET"], name="members_settings"),
    Route("/settings/members/invite", invite_member, methods=["POST"], name="invite_member"),
    Route("/settings/members/{mid}/role", change_role, methods=["POST"], name="change_member_role"),
    Route("/settings/members/{mid}/remove", remove_member, methods=["POST"], name="remove_member"),
]
