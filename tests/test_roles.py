"""Each role's allowed and forbidden actions (SPEC §3), through the API (session
tokens) and the pages; plus 404 for workspaces the caller is not in and CSRF on these pages."""

import pytest

from tests.helpers import soup
from tests.helpers_accounts import join_as, member_id


@pytest.fixture
async def team(app, user):
    """alice (owner) with an admin, a member and a viewer in her workspace."""
    people = {"owner": user}
    for role in ("admin", "member", "viewer"):
        people[role] = await join_as(app, user, f"{role}@example.com", role)
    yield people
    for role in ("admin", "member", "viewer"):
        await people[role].close()


async def _try_all(people, role, ws) -> dict:
    """Attempt each management action as ``role``; returns action -> status."""
    api = people[role].api
    target = await member_id(people["owner"], ws, "viewer@example.com")
    out = {
        "update_workspace": (
            await api.put(f"/api/workspaces/{ws}", json={"settings": {"timezone": "Asia/Tokyo"}})
        ).status_code,
        "invite": (
            await api.post(
                f"/api/workspaces/{ws}/invite", json={"email": f"new-{role}@example.com"}
            )
        ).status_code,
        "change_role": (
            await api.put(f"/api/workspaces/{ws}/members/{target}", json={"role": "viewer"})
        ).status_code,
        "list_members": (await api.get(f"/api/workspaces/{ws}/members")).status_code,
        "create_key": (
            await api.post("/api/api-keys", json={"name": "k", "scopes": ["forms:read"]})
        ).status_code,
        "list_keys": (await api.get("/api/api-keys")).status_code,
    }
    return out


async def test_role_matrix_through_the_api(app, team):
    ws = team["owner"].workspace_id
    expected = {
        "owner": {
            "update_workspace": 200,
            "invite": 201,
            "change_role": 200,
            "list_members": 200,
            "create_key": 201,
            "list_keys": 200,
        },
        "admin": {
            "update_workspace": 200,
            "invite": 201,
            "change_role": 200,
            "list_members": 200,
            "create_key": 201,
            "list_keys": 200,
        },
        "member": {
            "update_workspace": 403,
            "invite": 403,
            "change_role": 403,
            "list_members": 200,
            "create_key": 403,
            "list_keys": 200,
        },
        "viewer": {
            "update_workspace": 403,
            "invite": 403,
            "change_role": 403,
            "list_members": 200,
            "create_key": 403,
            "list_keys": 200,
        },
    }
    for role, wanted in expected.items():
        assert await _try_all(team, role, ws) == wanted, role
    # Only the owner deletes the workspace.
    for role in ("admin", "member", "viewer"):
        assert (await team[role].api.delete(f"/api/workspaces/{ws}")).status_code == 403


async def test_viewer_gets_403_on_every_write_with_session_token(app, team):
    viewer, ws = team["viewer"], team["owner"].workspace_id
    owner_key_id = (
        await team["owner"].api.post("/api/api-keys", json={"name": "o", "scopes": ["forms:read"]})
    ).json()["id"]
    admin_mid = await member_id(viewer, ws, "admin@example.com")
    writes = [
        ("put", f"/api/workspaces/{ws}", {"name": "Mine now"}),
        ("post", f"/api/workspaces/{ws}/invite", {"email": "friend@example.com"}),
        ("put", f"/api/workspaces/{ws}/members/{admin_mid}", {"role": "viewer"}),
        ("delete", f"/api/workspaces/{ws}/members/{admin_mid}", None),
        ("delete", f"/api/workspaces/{ws}", None),
        ("post", "/api/api-keys", {"name": "v", "scopes": ["forms:read"]}),
        ("delete", f"/api/api-keys/{owner_key_id}", None),
        ("post", "/api/forms", {"name": "Viewer form"}),
    ]
    for method, path, body in writes:
        kwargs = {"json": body} if body is not None else {}
        r = await getattr(viewer.api, method)(path, **kwargs)
        assert r.status_code == 403, (method, path, r.text)
        assert r.json()["error"]["message"]
    # Reads still work.
    assert (await viewer.api.get("/api/auth/me")).json()["role"] == "viewer"


async def test_member_pages_are_read_only_for_members_and_viewers(app, team):
    for role in ("member", "viewer"):
        web = team[role]
        page = soup(await web.web.get("/settings/workspace"))
        assert page.select_one("form[action='/settings/workspace']") is None
        assert "Only owners and admins" in page.text
        r = await web.post_form(
            "/settings/workspace", {"name": "Hacked", "timezone": "UTC"}, page="/settings/workspace"
        )
        assert r.status_code == 403
        r = await web.post_form(
            "/settings/members/invite",
            {"email": "x@example.com", "role": "member"},
            page="/settings/members",
        )
        assert r.status_code == 403
        r = await web.post_form(
            "/settings/api-keys", {"name": "k", "scopes": "forms:read"}, page="/settings/api-keys"
        )
        assert r.status_code == 403
        r = await web.post_form(
            "/settings/workspace/delete", {"confirm": "Acme Marketing"}, page="/settings/workspace"
        )
        assert r.status_code == 403
    assert (await team["owner"].api.get("/api/auth/me")).json()["workspace"][
        "name"
    ] == "Acme Marketing"


async def test_admin_page_controls(app, team):
    admin = team["admin"]
    page = soup(await admin.web.get("/settings/workspace"))
    assert page.select_one("form[action='/settings/workspace']") is not None
    assert page.select_one("form[action='/settings/workspace/delete']") is None  # owner only
    r = await admin.post_form(
        "/settings/workspace",
        {"name": "Acme Marketing", "timezone": "Europe/Paris"},
        page="/settings/workspace",
    )
    assert r.status_code == 303
    owner_page = soup(await team["owner"].web.get("/settings/workspace"))
    assert (
        owner_page.select_one("form[action='/settings/workspace/delete'] input[name=confirm]")
        is not None
    )
    assert owner_page.select_one("#f-timezone")["value"] == "Europe/Paris"


async def test_other_workspaces_answer_404(app, two_workspaces):
    alice, bob = two_workspaces
    bob_mid = await member_id(bob, bob.workspace_id, bob.email)
    bob_key = (
        await bob.api.post("/api/api-keys", json={"name": "b", "scopes": ["forms:read"]})
    ).json()["id"]
    ws = bob.workspace_id
    for method, path, body in [
        ("get", f"/api/workspaces/{ws}/members", None),
        ("put", f"/api/workspaces/{ws}", {"name": "x"}),
        ("delete", f"/api/workspaces/{ws}", None),
        ("post", f"/api/workspaces/{ws}/invite", {"email": "x@example.com"}),
        ("put", f"/api/workspaces/{ws}/members/{bob_mid}", {"role": "viewer"}),
        ("delete", f"/api/workspaces/{ws}/members/{bob_mid}", None),
        ("delete", f"/api/api-keys/{bob_key}", None),
        ("put", f"/api/workspaces/{alice.workspace_id}/members/{bob_mid}", {"role": "viewer"}),
        ("delete", f"/api/workspaces/{alice.workspace_id}/members/{bob_mid}", None),
    ]:
        kwargs = {"json": body} if body is not None else {}
        r = await getattr(alice.api, method)(path, **kwargs)
        assert r.status_code == 404, (method, path, r.text)
    # The same through pages: another workspace's member or key id is 404.
    assert (
        await alice.post_form(f"/settings/members/{bob_mid}/role", {"role": "viewer"})
    ).status_code == 404
    assert (await alice.post_form(f"/settings/members/{bob_mid}/remove")).status_code == 404
    assert (await alice.post_form(f"/settings/api-keys/{bob_key}/revoke")).status_code == 404
    assert (await bob.api.get("/api/api-keys")).json()["data"][0]["status"] == "active"
    # An API key of Alice's workspace: Bob's workspace id is 404 too.
    key = await alice.create_api_key(["forms:read"])
    async with alice.key_client(key) as k:
        assert (await k.get(f"/api/workspaces/{ws}/members")).status_code == 404
        assert (await k.delete(f"/api/api-keys/{bob_key}")).status_code == 404
        assert (await k.get(f"/api/workspaces/{alice.workspace_id}/members")).status_code == 403


@pytest.mark.parametrize(
    "path,data",
    [
        ("/settings/account", {"name": "x"}),
        (
            "/settings/account/password",
            {"current_password": "correct horse battery", "new_password": "abcdefgh1"},
        ),
        ("/settings/workspace", {"name": "x"}),
        ("/settings/workspace/delete", {"confirm": "Acme Marketing"}),
        ("/settings/members/invite", {"email": "x@example.com"}),
        ("/settings/api-keys", {"name": "x", "scopes": "forms:read"}),
        ("/workspaces/new", {"name": "x"}),
        ("/workspaces/switch", {"workspace_id": "x"}),
    ],
)
async def test_csrf_missing_or_wrong_is_403_on_settings_pages(app, user, path, data):
    r = await user.web.post(path, data=data)
    assert r.status_code == 403
    r = await user.web.post(path, data={**data, "csrf_token": "forged-token"})
    assert r.status_code == 403
    # Nothing happened: the workspace is still there under its name.
    assert (await user.api.get("/api/auth/me")).json()["workspace"]["name"] == "Acme Marketing"
