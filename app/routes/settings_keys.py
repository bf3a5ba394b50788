"""The API keys page: create (the key is shown once), list, revoke."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import ValidationError
from app.services.accounts import api_keys
from app.services.accounts.permissions import SCOPE_PRESETS, SCOPES, has_role, preset_scopes
from app.web.auth import require_page
from app.web.forms_input import ApiKeyForm, parse, read_form, values
from app.web.render import redirect, render, url_path


def scope_groups() -> list[tuple[str, list[str]]]:
    """Scopes grouped by resource for the checkbox grid: [("forms", ["forms:read", "forms:write"]), ...]."""
    groups: dict[str, list[str]] = {}
    for scope in SCOPES:
        groups.setdefault(scope.split(":")[0], []).append(scope)
    return list(groups.items())


async def _page(request, principal, *, status=200, **extra):
    keys, _ = await api_keys.list_keys(request.app.state.db, principal.workspace_id, limit=200)
    ctx = {
        "keys": keys,
        "can_manage": has_role(principal.role, "admin"),
        "scope_groups": scope_groups(),
        "presets": SCOPE_PRESETS,
        "form": {"scopes": [], "preset": "custom"},
        "errors": {},
        "created": None,
        **extra,
    }
    return await render(request, "settings/api_keys.html", ctx, status=status)


async def api_keys_page(request):
    return await _page(request, await require_page(request))


async def create_api_key(request):
    """Answers the page itself (not a redirect): the secret must not travel through
    a redirect or a cookie, and it is shown this once."""
    principal = await require_page(request)
    form, _ = parse(ApiKeyForm, await read_form(request))
    scopes = preset_scopes(form.preset.data, form.scopes.data or [])
    try:
        created = await api_keys.create_key(
            request.app.state.db,
            principal.workspace_id,
            account_id=principal.account_id,
            role=principal.role,
            name=form.name.data or "",
            scopes=scopes,  # a preset radio is expanded here, so it works without JavaScript
            expires_at=form.expires_at.data or None,
        )
    except ValidationError as exc:
        return await _page(
            request,
            principal,
            status=exc.status,
            form={**values(form), "scopes": scopes},
            errors=exc.fields,
        )
    response = await _page(request, principal, status=201, created=created)
    response.headers["Cache-Control"] = "no-store"  # the one page that carries the secret
    return response


async def revoke_api_key(request):
    principal = await require_page(request)
    key = await api_keys.revoke_key(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["kid"],
        role=principal.role,
        actor_id=principal.account_id,
    )
    return redirect(
        request,
        url_path(request, "api_keys_settings"),
        f"Key “{key['name']}” ({key['prefix']}…) is revoked.",
    )


routes = [
    Route("/settings/api-keys", api_keys_page, methods=["GET"], name="api_keys_settings"),
    Route("/settings/api-keys", create_api_key, methods=["POST"], name="create_api_key"),
    Route(
        "/settings/api-keys/{kid}/revoke", revoke_api_key, methods=["POST"], name="revoke_api_key"
    ),
]
