"""The audit log (SPEC §19): who changed what, when and from which IP, for members,
keys, webhooks, settings and personal data; read by owners and admins only, on
/settings/audit and GET /api/audit-log; never changed."""

from __future__ import annotations

import pytest

from tests.conftest import make_settings
from tests.factory import make_contact
from tests.helpers import User, soup

PROXY_CLIENT_IP = "198.51.100.7"
FORWARDED = {"X-Forwarded-For": PROXY_CLIENT_IP}


@pytest.fixture
def settings(tmp_path):
    # The test client connects from 127.0.0.1, here a trusted proxy: X-Forwarded-For is read.
    return make_settings(tmp_path, trusted_proxies=("127.0.0.1",), webhook_allow_private=True)


async def _member(app, user, email="bob@example.net", role="member") -> tuple[User, str]:
    bob = await User.signup(app, email, name="Bob Member", workspace="Bob Co")
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": email, "role": role}
    )
    assert r.status_code == 201, r.text
    await bob.api.post("/api/auth/switch-workspace", json={"workspace_id": user.workspace_id})
    return bob, r.json()["id"]


async def test_a_role_change_is_recorded_with_who_what_and_ip(app, db, user):
    bob, member_id = await _member(app, user)
    token = await user.csrf("/settings/members")
    r = await user.web.post(
        f"/settings/members/{member_id}/role",
        data={"role": "admin", "csrf_token": token},
        headers=FORWARDED,
    )
    assert r.status_code == 303, r.text

    page = await user.web.get("/settings/audit")
    assert page.status_code == 200
    entries = [li.get_text(" ", strip=True) for li in soup(page).select(".audit-entry")]
    assert "Alice Owner changed bob@example.net's role from member to admin." in entries[0]
    assert f"from {PROXY_CLIENT_IP}" in entries[0]
    assert "Alice Owner invited bob@example.net as member." in entries[1]

    api = await user.api.get("/api/audit-log", params={"category": "members"})
    assert api.status_code == 200, api.text
    latest = api.json()["data"][0]
    assert latest["action"] == "member.role_changed"
    assert latest["actor"] == {
        "account_id": user.account_id,
        "api_key_id": None,
        "name": "Alice Owner",
    }
    assert latest["ip"] == PROXY_CLIENT_IP and latest["target_id"] == member_id
    assert latest["details"] == {"from": "member", "to": "admin"}
    assert latest["sentence"].startswith("Alice Owner changed bob@example.net's role")
    await bob.close()


async def test_members_get_403_and_admins_read_it(app, user):
    bob, member_id = await _member(app, user)
    # (bob.api carries the session switched to Alice's workspace; pages take it too)
    assert (await bob.api.get("/settings/audit")).status_code == 403
    assert (await bob.api.get("/api/audit-log")).status_code == 403
    assert "Audit log" not in (await bob.api.get("/settings/members")).text
    assert "Audit log" in (await user.web.get("/settings/members")).text
    await user.api.put(
        f"/api/workspaces/{user.workspace_id}/members/{member_id}", json={"role": "admin"}
    )
    assert (await bob.api.get("/settings/audit")).status_code == 200
    # Keys need audit:read and act with their creator's role: demoting Bob closes his key.
    key = await bob.create_api_key(["audit:read"])
    async with bob.key_client(key) as client:
        assert (await client.get("/api/audit-log")).status_code == 200
        await user.api.put(
            f"/api/workspaces/{user.workspace_id}/members/{member_id}", json={"role": "member"}
        )
        assert (await client.get("/api/audit-log")).status_code == 403
    other = await user.create_api_key(["contacts:read"])
    async with user.key_client(other) as client:
        assert (await client.get("/api/audit-log")).status_code == 403  # no audit:read scope
    await bob.close()


async def test_keys_webhooks_settings_and_personal_data_are_recorded(app, db, user):
    key = await user.api.post("/api/api-keys", json={"name": "Zapier", "scopes": ["forms:read"]})
    await user.api.delete(f"/api/api-keys/{key.json()['id']}")
    hook = await user.api.post(
        "/api/webhooks",
        json={"url": "http://127.0.0.1:9/t/secret-token", "event_types": ["contact_created"]},
    )
    assert hook.status_code == 201, hook.text
    hook_url = f"/api/webhooks/{hook.json()['id']}"
    assert (await user.api.put(hook_url, json={"description": "CRM sync"})).status_code == 200
    assert (await user.api.delete(hook_url)).status_code == 204
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"timezone": "Europe/Berlin", "spam_log_days": 14}},
    )
    assert r.status_code == 200, r.text
    contact = await make_contact(user, "eve@example.org", name="Eve Example")
    assert (await user.api.get(f"/api/contacts/{contact['id']}/export")).status_code == 200
    assert (await user.api.post(f"/api/contacts/{contact['id']}/erase")).status_code == 200

    entries = (await user.api.get("/api/audit-log")).json()["data"]
    actions = [e["action"] for e in entries]
    assert actions == [
        "contact.erased",
        "contact.exported",
        "workspace.updated",
        "webhook.deleted",
        "webhook.updated",
        "webhook.created",
        "api_key.revoked",
        "api_key.created",
    ]
    sentences = [e["sentence"] for e in entries]
    assert "changed how long spam logs are kept and the time zone in the workspace" in sentences[2]
    assert entries[2]["details"]["changes"]["spam_log_days"] == {"from": 30, "to": 14}
    assert sentences[-1] == "Alice Owner created the API key “Zapier”."
    # Nothing personal about the contact in the trail: it names them by id.
    assert all("eve" not in s.lower() for s in sentences)
    assert entries[0]["target_id"] == contact["id"]
    assert "secret-token" not in str(entries)  # a URL's path may hold a token: host only
    assert sentences[4] == "Alice Owner changed the webhook to 127.0.0.1 (description)."
    assert sentences[3] == "Alice Owner deleted the webhook to 127.0.0.1."
    only_data = await user.api.get("/api/audit-log", params={"category": "personal_data"})
    assert [e["action"] for e in only_data.json()["data"]] == ["contact.erased", "contact.exported"]
    paged = await user.api.get("/api/audit-log", params={"limit": 2})
    assert len(paged.json()["data"]) == 2 and paged.json()["next_cursor"]
    rest = await user.api.get(
        "/api/audit-log", params={"limit": 50, "cursor": paged.json()["next_cursor"]}
    )
    assert [e["action"] for e in rest.json()["data"]] == actions[2:]
    bad = await user.api.get("/api/audit-log", params={"from": "yesterday"})
    assert bad.status_code == 422 and "from" in bad.json()["error"]["fields"]


async def test_the_page_filters_and_pages(app, user):
    for name in ("One", "Two", "Three"):
        await user.api.post("/api/api-keys", json={"name": name, "scopes": ["forms:read"]})
    await user.api.put(f"/api/workspaces/{user.workspace_id}", json={"name": "Acme Renamed"})
    page = await user.web.get("/settings/audit", params={"category": "api_keys"})
    texts = [li.get_text(" ", strip=True) for li in soup(page).select(".audit-entry")]
    assert len(texts) == 3 and all("API key" in t for t in texts)
    none = await user.web.get("/settings/audit", params={"category": "webhooks"})
    assert "No entries match these filters" in none.text
    future = await user.web.get("/settings/audit", params={"from": "2999-01-01"})
    assert not soup(future).select(".audit-entry")
    bad = await user.web.get("/settings/audit", params={"to": "31/01/2026"})
    assert bad.status_code == 422 and "Use a date like" in bad.text


async def test_joining_by_an_invite_link_is_recorded_with_the_joiners_ip(app, user):
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "new@example.net"}
    )
    assert r.status_code == 201 and r.json()["status"] == "pending", r.text
    token = r.json()["invite_url"].rsplit("/", 1)[1]
    newcomer = await User.signup(app, "new@example.net", name="Nia New", invite_token=token)
    entries = (await user.api.get("/api/audit-log", params={"category": "members"})).json()["data"]
    joined = entries[0]
    assert joined["action"] == "member.joined" and joined["actor"]["name"] == "Nia New"
    assert joined["actor"]["account_id"] == newcomer.account_id and joined["ip"] == "127.0.0.1"
    assert joined["sentence"] == "Nia New joined the workspace as member."
    await newcomer.close()
