"""API key scope presets (issue 14 item 17): a preset radio the server expands
(no JavaScript needed), and every scope offered guards at least one real route."""

from __future__ import annotations

import app.routes as registry
from app.services.accounts.permissions import SCOPES
from tests.helpers import soup


def _route_scopes(routes) -> set[str]:
    found = set()
    for route in routes:
        meta = getattr(route, "openapi", None) or {}
        if meta.get("scope"):
            found.add(meta["scope"])
        found |= _route_scopes(getattr(route, "routes", []) or [])
    return found


def test_every_scope_offered_guards_a_route_and_every_guard_is_offered():
    used = _route_scopes(registry.api_routes()) | _route_scopes(registry.page_routes())
    assert [s for s in SCOPES if s not in used] == []  # no scope for a feature that is not there
    assert used <= set(SCOPES)


async def _create(user, data: dict):
    return await user.post_form(
        "/settings/api-keys", {"expires_at": "", **data}, page="/settings/api-keys"
    )


async def test_presets_are_offered_and_expanded_by_the_server(user):
    page = soup(await user.web.get("/settings/api-keys"))
    presets = {r["value"]: r for r in page.select("input[type=radio][name=preset]")}
    assert set(presets) == {"read_only", "full_access", "events_stream", "custom"}
    assert presets["custom"].has_attr("checked")
    offered = {b["value"] for b in page.select("input[name=scopes]")}
    assert offered == set(SCOPES)

    r = await _create(user, {"name": "Reporting", "preset": "read_only", "scopes": ["forms:write"]})
    assert r.status_code == 201
    key = soup(r).select_one("#new-key")["value"]
    async with user.key_client(key) as k:
        assert (await k.get("/api/contacts")).status_code == 200
        denied = await k.post("/api/contacts", json={"email": "x@y.test"})
        assert denied.status_code == 403 and denied.json()["error"]["code"] == "missing_scope"
    keys = {k["name"]: k for k in (await user.api.get("/api/api-keys")).json()["data"]}
    assert set(keys["Reporting"]["scopes"]) == {s for s in SCOPES if s.endswith(":read")}

    assert (await _create(user, {"name": "Live", "preset": "events_stream"})).status_code == 201
    assert (await _create(user, {"name": "Everything", "preset": "full_access"})).status_code == 201
    custom = await _create(user, {"name": "Pick", "preset": "custom", "scopes": ["deals:read"]})
    assert custom.status_code == 201
    keys = {k["name"]: k for k in (await user.api.get("/api/api-keys")).json()["data"]}
    assert keys["Live"]["scopes"] == ["events:read"]
    assert set(keys["Everything"]["scopes"]) == set(SCOPES)
    assert keys["Pick"]["scopes"] == ["deals:read"]


async def test_a_rejected_preset_key_keeps_the_preset_and_its_boxes(user):
    r = await _create(user, {"name": "", "preset": "events_stream"})
    assert r.status_code == 422
    page = soup(r)
    assert page.select_one("input[name=preset][value=events_stream]").has_attr("checked")
    ticked = [b["value"] for b in page.select("input[name=scopes][checked]")]
    assert ticked == ["events:read"]
