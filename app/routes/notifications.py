"""The bell (issue 14): the signed-in member's notifications in this workspace.

``GET /notifications`` is the plain page (works without JavaScript); the top bar's
bell loads the same list as a fragment under HTMX. Opening the list marks what it
shows as read (the badge clears; the items stay listed, newest first)."""

from __future__ import annotations

from app.services.notifications import inbox
from app.web.auth import require_page
from app.web.render import render
from app.web.routing import page_route


async def notifications_page(request):
    principal = await require_page(request)
    items = await inbox.open_inbox(
        request.app.state.db, principal.workspace_id, principal.account_id
    )
    return await render(
        request,
        "notifications/index.html",
        {"items": items, "unread_notifications": 0},
        fragment="notifications/_bell.html",
    )


routes = [
    page_route("/notifications", notifications_page, methods=["GET"], name="notifications"),
]
