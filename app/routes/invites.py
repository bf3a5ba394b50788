"""The invite page (SPEC §3, §12): ``/invite/{token}`` shows the workspace and
who invited whom; the invited person signs up or logs in, then accepts here.
The token is the credential of the page, like an unsubscribe link's."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import Forbidden, Gone, NotFound
from app.services.accounts import invites, sessions
from app.web.auth import get_principal, require_account
from app.web.render import redirect, render, url_path


def _signed_in_as(principal) -> str | None:
    return principal.account["email"] if principal and principal.kind == "session" else None


async def _page(request, principal, *, message: str | None = None, status: int = 200):
    token = request.path_params["token"]
    try:
        invite = await invites.get_invite(request.app.state.db, token)
    except (NotFound, Gone) as exc:
        invite, message, status = None, exc.message, exc.status
    ctx = {
        "invite": invite,
        "token": token,
        "message": message,
        "signed_in_as": _signed_in_as(principal),
    }
    return await render(request, "auth/invite.html", ctx, status=status)


async def invite_page(request):
    return await _page(request, await get_principal(request))


async def accept_invite(request):
    principal = await require_account(request)
    db = request.app.state.db
    try:
        member = await invites.accept(
            db,
            request.path_params["token"],
            account_id=principal.account_id,
            account_email=principal.account["email"],
        )
    except (NotFound, Gone, Forbidden) as exc:
        return await _page(request, principal, message=exc.message, status=exc.status)
    await sessions.set_workspace(db, principal.session_id, member["workspace_id"])
    return redirect(
        request,
        url_path(request, "dashboard"),
        f"Welcome to {member['workspace_name']}: you joined as {member['role']}.",
    )


routes = [
    Route("/invite/{token}", invite_page, methods=["GET"], name="invite_page"),
    Route("/invite/{token}", accept_invite, methods=["POST"], name="accept_invite"),
]
