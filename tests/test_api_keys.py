"""API keys: shown once, hashed at rest, scopes, revocation, expiry, last use, isolation, the page."""

import hashlib
from datetime import timedelta

import app.db.clock as clock
from app.services.accounts.permissions import SCOPES
from tests.helpers import soup
from tests.helpers_accounts import join_as, member_id


async def test_create_shows_key_once_and_stores_only_hash_and_prefix(app, db, user):
    r = await user.api.post(
        "/api/api-keys", json={"name": "Zapier", "scopes": ["forms:read", "contacts:read"]}
    )
    assert r.status_code == 201
    created = r.json()
    key = created["key"]
    assert key.startswith("fa_live_") and len(key) == len("fa_live_") + 32
    assert created["prefix"] == key[:12] and created["status"] == "active"
    assert created["id"].startswith("key_") and created["scopes"] == ["contacts:read", "forms:read"]
    row = await db.fetchone("SELECT * FROM api_keys WHERE id = ?", (created["id"],))
    assert row["key_hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(row)
    listed = (await user.api.get("/api/api-keys")).json()
    assert listed["next_cursor"] is None
    assert listed["data"][0]["prefix"] == key[:12] and "key" not in listed["data"][0]
    test_key = (
        await user.api.post(
            "/api/api-keys", json={"name": "t", "scopes": ["forms:read"], "mode": "test"}
        )
    ).json()["key"]
    assert test_key.startswith("fa_test_")


async def test_key_validation(app, user):
    r = await user.api.post("/api/api-keys", json={"name": "", "scopes": []})
    assert r.status_code == 422 and set(r.json()["error"]["fields"]) == {"name", "scopes"}
    r = await user.api.post(
        "/api/api-keys", json={"name": "k", "scopes": ["forms:read", "root:all"]}
    )
    assert r.status_code == 422 and "root:all" in r.json()["error"]["fields"]["scopes"]
    r = await user.api.post(
        "/api/api-keys", json={"name": "k", "scopes": ["forms:read"], "expires_at": "2001-01-01"}
    )
    assert r.status_code == 422 and r.json()["error"]["fields"]["expires_at"]
    r = await user.api.post(
        "/api/api-keys", json={"name": "k", "scopes": ["forms:read"], "expires_at": "soon"}
    )
    assert r.status_code == 422
    r = await user.api.post("/api/api-keys", json={"name": 5, "scopes": "forms:read"})
    assert r.status_code == 422


async def test_scopes_are_enforced(app, user):
    key = await user.create_api_key(["forms:read"])
    async with user.key_client(key) as k:
        assert (await k.get("/api/forms")).status_code == 200
        r = await k.post("/api/forms", json={"name": "Nope"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "missing_scope"
        r = await k.get("/api/events")
        assert r.status_code == 403 and r.json()["error"]["code"] == "missing_scope"
        # Keys never manage keys or people.
        r = await k.post("/api/api-keys", json={"name": "wider", "scopes": ["forms:write"]})
        assert r.status_code == 403 and r.json()["error"]["code"] == "session_required"


async def test_revoked_key_is_401(app, user):
    key = await user.create_api_key(["forms:read"])
    key_id = (await user.api.get("/api/api-keys")).json()["data"][0]["id"]
    assert (await user.api.delete(f"/api/api-keys/{key_id}")).status_code == 204
    async with user.key_client(key) as k:
        r = await k.get("/api/forms")
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    listed = (await user.api.get("/api/api-keys")).json()["data"]
    assert listed[0]["status"] == "revoked"
    assert (
        await user.api.delete(f"/api/api-keys/{key_id}")
    ).status_code == 204  # revoking twice is harmless
    assert (await user.api.delete("/api/api-keys/key_doesnotexist00")).status_code == 404


async def test_expired_key_is_401_and_listed_as_expired(app, user, freeze_clock):
    expiry = (clock.utcnow() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    key = await user.create_api_key(["forms:read"], expires_at=expiry)
    async with user.key_client(key) as k:
        assert (await k.get("/api/forms")).status_code == 200
        freeze_clock.advance(days=1, seconds=5)
        assert (await k.get("/api/forms")).status_code == 401
    await user.login_api()  # the session's 24 h ran out with the move too
    assert (await user.api.get("/api/api-keys")).json()["data"][0]["status"] == "expired"


async def test_last_used_at_is_updated(app, db, user, freeze_clock):
    key = await user.create_api_key(["forms:read"])
    assert (await user.api.get("/api/api-keys")).json()["data"][0]["last_used_at"] is None
    async with user.key_client(key) as k:
        await k.get("/api/forms")
        first = (await user.api.get("/api/api-keys")).json()["data"][0]["last_used_at"]
        assert first is not None
        freeze_clock.advance(minutes=5)
        await k.get("/api/forms")
    later = await db.fetchval("SELECT last_used_at FROM api_keys")
    assert later > first


async def test_key_acts_in_its_workspace_only(app, two_workspaces):
    alice, bob = two_workspaces
    r = await bob.api.post("/api/forms", json={"name": "Bob's form"})
    assert r.status_code == 201, r.text
    bob_form = r.json()["id"]
    key = await alice.create_api_key(["forms:read", "forms:write"])
    async with alice.key_client(key) as k:
        assert (await k.get(f"/api/forms/{bob_form}")).status_code == 404
        assert (await k.put(f"/api/forms/{bob_form}", json={"name": "mine"})).status_code == 404
        assert bob_form not in {f["id"] for f in (await k.get("/api/forms")).json()["data"]}
        me = (await k.get("/api/auth/me")).json()
        assert me["workspace"]["id"] == alice.workspace_id and me["account"] is None
    # Bob's key list does not show Alice's key, and Alice cannot revoke Bob's.
    assert (await bob.api.get("/api/api-keys")).json()["data"] == []


async def test_api_keys_page_create_shows_key_once_then_revoke(app, db, user):
    page = soup(await user.web.get("/settings/api-keys"))
    assert page.select_one("form[action='/settings/api-keys']") is not None
    assert len(page.select("input[name=scopes]")) == len(SCOPES)
    r = await user.post_form(
        "/settings/api-keys",
        {"name": "Website", "scopes": ["forms:read", "submissions:write"], "expires_at": ""},
        page="/settings/api-keys",
    )
    assert r.status_code == 201
    assert r.headers["cache-control"] == "no-store"
    doc = soup(r)
    shown = doc.select_one("#new-key")["value"]
    assert shown.startswith("fa_live_") and doc.select_one("[data-copy='#new-key']") is not None
    async with user.key_client(shown) as k:
        assert (await k.get("/api/forms")).status_code == 200
    again = await user.web.get("/settings/api-keys")
    assert shown not in again.text and shown[:12] in again.text  # only the prefix from now on
    key_id = await db.fetchval("SELECT id FROM api_keys")
    revoke = soup(again).select_one(f"form[action='/settings/api-keys/{key_id}/revoke']")
    assert revoke["data-confirm"]
    r = await user.post_form(f"/settings/api-keys/{key_id}/revoke", page="/settings/api-keys")
    assert r.status_code == 303
    async with user.key_client(shown) as k:
        assert (await k.get("/api/forms")).status_code == 401
    assert "revoked" in (await user.web.get("/settings/api-keys")).text


async def test_api_keys_page_errors_beside_fields(app, user):
    r = await user.post_form(
        "/settings/api-keys",
        {"name": "Half", "expires_at": "31/01/2027"},
        page="/settings/api-keys",
    )
    assert r.status_code == 422
    doc = soup(r)
    assert doc.select_one("#e-scopes").text == "Choose at least one scope."
    assert doc.select_one("#e-expires_at") is not None
    assert (
        doc.select_one("#f-name")["value"] == "Half"
        and doc.select_one("#f-expires_at")["value"] == "31/01/2027"
    )
    assert doc.select_one("#new-key") is None


async def test_members_see_keys_but_cannot_manage(app, user):
    await user.create_api_key(["forms:read"], name="Shared integration")
    member = await join_as(app, user, "m@example.com", "member")
    page = soup(await member.web.get("/settings/api-keys"))
    assert "Shared integration" in page.text
    assert page.select_one("form[action='/settings/api-keys']") is None
    assert not page.select("form[action$='/revoke']")
    key_id = (await member.api.get("/api/api-keys")).json()["data"][0]["id"]
    assert (await member.api.delete(f"/api/api-keys/{key_id}")).status_code == 403
    await member.close()


async def test_keys_act_with_their_creators_current_role(app, user):
    """SPEC §3: min(scopes, creator's role now): demoting the creator demotes the
    key at once, promoting restores it (up to member rights), removing revokes it."""
    admin = await join_as(app, user, "admin@example.com", "admin")
    key = await admin.create_api_key(["forms:read", "forms:write"])
    mid = await member_id(user, user.workspace_id, "admin@example.com")

    async def set_role(role):
        r = await user.api.put(
            f"/api/workspaces/{user.workspace_id}/members/{mid}", json={"role": role}
        )
        assert r.status_code == 200, r.text

    async with admin.key_client(key) as k:
        assert (await k.post("/api/forms", json={"name": "While admin"})).status_code == 201
        await set_role("viewer")
        r = await k.post("/api/forms", json={"name": "While viewer"})
        assert r.status_code == 403 and "read-only" in r.json()["error"]["message"]
        assert (await k.get("/api/forms")).status_code == 200
        assert (await k.get("/api/auth/me")).json()["role"] == "viewer"
        await set_role("member")
        assert (await k.post("/api/forms", json={"name": "While member"})).status_code == 201
        r = await user.api.delete(f"/api/workspaces/{user.workspace_id}/members/{mid}")
        assert r.status_code == 204
        assert (await k.get("/api/forms")).status_code == 401
    await admin.close()


async def test_a_key_whose_creator_lost_the_membership_opens_nothing(app, db, user):
    """Even a key left active (e.g. from before keys were revoked on removal)
    stops working once its creator is no longer a member."""
    member = await join_as(app, user, "member@example.com", "admin")
    key = await member.create_api_key(["forms:read"])
    await db.execute(
        "DELETE FROM memberships WHERE workspace_id = ? AND account_id = ?",
        (user.workspace_id, member.account_id),
    )
    async with member.key_client(key) as k:
        assert (await k.get("/api/forms")).status_code == 401
    await member.close()
