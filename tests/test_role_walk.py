"""The role walk (SPEC §3: a viewer's every write answers 403): every registered
write route (POST, PUT, PATCH, DELETE), page or API, is called as a viewer of a
workspace that holds one row of every table, and must answer 403 and change
nothing; every API write also answers 403 to a key with every read scope.

A new write route fails this walk until it answers 403 to viewers, or is listed
in ANY_PERSON_MAY with the reason viewers may call it (it touches only the
caller's own account or session). A parameter the walk cannot fill fails it too:
map it in tests/helpers_isolation.py, as the isolation walk asks."""

from __future__ import annotations

import asyncio

from app.services.accounts.permissions import SCOPES
from tests.helpers_accounts import join_as
from tests.helpers_isolation import (
    is_public,
    normalize,
    owner_module,
    seed_victim,
    snapshot,
    substitutions,
    walk_routes,
)

WRITES = ("POST", "PUT", "PATCH", "DELETE")
# A 403 from the CSRF layer would prove nothing about roles.
CSRF_SIGNS = ("csrf_failed", "security token", "came from another site")
CALL_TIMEOUT = 5.0

# Writes any signed-in person (or visitor) may make whatever their role:
# (method, normalized path) -> why.
ANY_PERSON_MAY = {
    ("POST", "/signup"): "sign-up: no one is signed in yet",
    ("POST", "/login"): "log-in",
    ("POST", "/logout"): "log-out ends the caller's own session",
    ("POST", "/workspaces/switch"): "switches the caller's own session",
    ("POST", "/settings/account"): "the caller's own name",
    ("POST", "/settings/account/password"): "the caller's own password",
    ("POST", "/settings/notifications"): "the caller's own notification emails",
    ("POST", "/workspaces/new"): "a new workspace of the caller's own",
    ("POST", "/api/auth/signup"): "sign-up",
    ("POST", "/api/auth/login"): "log-in",
    ("POST", "/api/auth/logout"): "ends the caller's own session",
    ("PUT", "/api/auth/me"): "the caller's own name and password",
    ("POST", "/api/auth/switch-workspace"): "switches the caller's own session",
    ("POST", "/api/workspaces"): "a new workspace of the caller's own",
    ("POST", "/invite/{}"): "accepts an invite to the caller's own email (its token decides)",
    ("POST", "/api/invites/{}/accept"): "accepts an invite to the caller's own email",
}


def write_cases(app, ids: dict):
    """(method, template, concrete path or None, problem or None) for every write route
    a viewer must be refused."""
    for full_path, route in walk_routes(app.routes):
        for method in sorted(set(route.methods or ()) & set(WRITES)):
            key = (method, normalize(full_path))
            if key in ANY_PERSON_MAY or is_public(route):
                continue
            concretes, problem = substitutions(full_path, ids)
            for concrete in concretes or [None]:
                yield method, full_path, concrete, problem


async def _call(client, method: str, path: str, *, csrf: str | None = None):
    if path.startswith("/api/"):
        kwargs = {"json": {}} if method != "DELETE" else {}
        request = client.request(method, path, **kwargs)
    else:
        request = client.request(method, path, data={"csrf_token": csrf})
    return await asyncio.wait_for(request, CALL_TIMEOUT)


async def walk(app, ids, viewer, keyed) -> tuple[list[str], int]:
    owners = {path: owner_module(route) for path, route in walk_routes(app.routes)}
    csrf = await viewer.csrf("/")
    problems, checked = [], 0
    for method, template, path, problem in write_cases(app, ids):
        where = f"{method} {template} [{owners.get(template)}]"
        if problem:
            problems.append(f"{where}: cannot fill {problem}; map it in tests/helpers_isolation.py")
            continue
        client = viewer.api if path.startswith("/api/") else viewer.web
        r = await _call(client, method, path, csrf=csrf)
        checked += 1
        if r.status_code == 403 and any(sign in r.text for sign in CSRF_SIGNS):
            problems.append(
                f"{where} as a viewer: refused by CSRF, not by the role: {r.text[:160]!r}"
            )
        elif r.status_code != 403:
            problems.append(f"{where} as a viewer: {r.status_code} {r.text[:160]!r}")
        if path.startswith("/api/"):
            r = await _call(keyed, method, path)
            if r.status_code != 403:
                problems.append(f"{where} with a read-only key: {r.status_code} {r.text[:160]!r}")
    return problems, checked


async def test_every_write_route_answers_403_to_viewers_and_read_keys(app, user):
    ids = await seed_victim(app, user)
    viewer = await join_as(app, user, "viewer@example.com", "viewer")
    key = await user.create_api_key([s for s in SCOPES if s.endswith(":read")])
    before = await snapshot(app, user.workspace_id)
    async with user.key_client(key) as keyed:
        problems, checked = await walk(app, ids, viewer, keyed)
    after = await snapshot(app, user.workspace_id)
    changed = [t for t in before if before[t] != after.get(t) and t != "api_keys"]
    await viewer.close()
    assert checked > 60
    assert not problems, (
        "Write routes that did not answer 403 (refuse viewers, or list the route in "
        "ANY_PERSON_MAY with the reason):\n  " + "\n  ".join(problems)
    )
    assert not changed, f"refused writes changed: {changed}"


async def test_the_walk_catches_a_write_route_that_lets_viewers_in(app, user):
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def careless(request):
        return JSONResponse({"ok": True})

    app.router.routes.insert(0, Route("/api/careless/{form_id}", careless, methods=["POST"]))
    app.router.routes.insert(0, Route("/api/unknown/{thing}", careless, methods=["DELETE"]))
    ids = await seed_victim(app, user)
    viewer = await join_as(app, user, "viewer@example.com", "viewer")
    async with user.key_client(await user.create_api_key(["forms:read"])) as keyed:
        problems, _ = await walk(app, ids, viewer, keyed)
    await viewer.close()
    text = "\n".join(problems)
    assert "POST /api/careless/{form_id}" in text and "as a viewer: 200" in text
    assert "with a read-only key: 200" in text
    assert "DELETE /api/unknown/{thing}" in text and "cannot fill" in text
