"""The notifications page (SPEC §18): the member's own email choice (each new
assignment, a daily digest in their time zone, none) and the workspace's and
handlers' Slack incoming-webhook URLs (admins)."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import available_timezones

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts.permissions import has_role, require_role
from app.services.integrations import notify, slack
from app.services.processing.handlers import list_handlers
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path


@lru_cache(maxsize=1)
def timezone_names() -> list[str]:
    return sorted(available_timezones())


async def _page(request, principal, *, status=200, **extra):
    db, ws = request.app.state.db, principal.workspace_id
    ctx = {
        "prefs": await notify.get_preferences(db, ws, principal.account_id),
        "modes": notify.MODES,
        "hours": [(h, f"{h:02d}:00") for h in range(24)],
        "timezones": timezone_names(),
        "slack_urls": await slack.list_targets(db, ws),
        "handlers": await list_handlers(db, ws),
        "can_manage_slack": has_role(principal.role, "admin"),
        "errors": {},
        "slack_errors": {},
        **extra,
    }
    return await render(request, "settings/notifications.html", ctx, status=status)


async def notifications_page(request):
    return await _page(request, await require_page(request))


async def save_notifications(request):
    """The caller's own inbox: any member, viewers included, chooses for themselves."""
    principal = await require_page(request)
    data = await read_form(request)
    hour = data.get("digest_hour") or ""
    chosen = {
        "mode": data.get("mode"),
        "timezone": (data.get("timezone") or "").strip(),
        "digest_hour": int(hour) if hour.isdigit() else -1,
    }
    try:
        await notify.set_preferences(
            request.app.state.db, principal.workspace_id, principal.account_id, **chosen
        )
    except ValidationError as exc:
        return await _page(request, principal, status=exc.status, prefs=chosen, errors=exc.fields)
    return redirect(
        request, url_path(request, "notifications_settings"), "Notification emails saved."
    )


async def save_slack(request):
    """Workspace-wide and per-handler Slack URLs; an empty field removes one."""
    principal = await require_page(request, write=True)
    require_role(principal.role, "admin", "Only owners and admins set Slack URLs.")
    db, settings, ws = request.app.state.db, request.app.state.settings, principal.workspace_id
    data = await read_form(request)
    handler_ids = [h["id"] for h in await list_handlers(db, ws)]
    errors = {}
    for handler_id in ["", *handler_ids]:
        name = f"slack_{handler_id or 'workspace'}"
        if name not in data:
            continue
        try:
            await slack.set_target(db, settings, ws, handler_id, data.get(name))
        except ValidationError as exc:
            errors[name] = exc.fields.get("url") or exc.message
    if errors:
        return await _page(request, principal, status=422, slack_errors=errors)
    return redirect(request, url_path(request, "notifications_settings"), "Slack settings saved.")


routes = [
    Route(
        "/settings/notifications",
        notifications_page,
        methods=["GET"],
        name="notifications_settings",
    ),
    Route(
        "/settings/notifications", save_notifications, methods=["POST"], name="save_notifications"
    ),
    Route("/settings/notifications/slack", save_slack, methods=["POST"], name="save_slack"),
]
