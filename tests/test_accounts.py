"""Accounts through pages and API: sign-up, log-in, log-out, account settings,
password change revoking sessions, workspaces (create, switch, update, delete)."""

import httpx

from tests.helpers import soup
from tests.helpers_accounts import anonymous, form_token, join_as, page_csrf, switch


async def test_signup_login_logout_through_pages(app):
    async with anonymous(app) as web:
        page = await web.get("/signup")
        token = form_token(page)  # the form's own hidden field, not only the meta tag
        r = await web.post(
            "/signup",
            data={
                "email": "pat@example.com",
                "password": "a fine password",
                "name": "Pat",
                "workspace_name": "Pat Co",
                "csrf_token": token,
            },
        )
        assert r.status_code == 303 and r.headers["location"] == "/"
        home = await web.get("/")
        assert home.status_code == 200 and "Pat Co" in home.text
        r = await web.post(
            "/logout", data={"csrf_token": form_token(await web.get("/settings/account"))}
        )
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert (await web.get("/settings/account")).status_code == 303  # anonymous again
        login = await web.get("/login")
        r = await web.post(
            "/login",
            data={
                "email": "PAT@example.com",
                "password": "a fine password",
                "csrf_token": form_token(login),
            },
        )
        assert r.status_code == 303
        assert (await web.get("/settings/account")).status_code == 200


async def test_wrong_password_page_keeps_email_and_says_so(app, user):
    async with anonymous(app) as web:
        token = await page_csrf(web, "/login")
        r = await web.post(
            "/login",
            data={"email": "alice@example.com", "password": "not the one", "csrf_token": token},
        )
        assert r.status_code == 401
        doc = soup(r)
        assert doc.select_one("#f-email")["value"] == "alice@example.com"
        assert "Wrong email or password." in doc.select_one("[role=alert]").text
        assert "fa_session" not in web.cookies


async def test_api_signup_login_and_logout(client):
    r = await client.post(
        "/api/auth/signup",
        json={"email": "api@example.com", "password": "long enough pw", "workspace_name": "API Co"},
    )
    assert r.status_code == 201
    token = r.json()["token"]
    me = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["workspace"]["name"] == "API Co" and me.json()["role"] == "owner"
    r = await client.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 204
    assert (
        await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 401
    r = await client.post(
        "/api/auth/login", json={"email": "api@example.com", "password": "wrong password"}
    )
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_credentials"


async def test_update_name_page_and_api(app, user):
    r = await user.post_form(
        "/settings/account", {"name": "Alice Renamed"}, page="/settings/account"
    )
    assert r.status_code == 303
    page = await user.web.get("/settings/account")
    assert soup(page).select_one("#f-name")["value"] == "Alice Renamed"
    r = await user.api.put("/api/auth/me", json={"name": "x" * 201})
    assert r.status_code == 422 and "name" in r.json()["error"]["fields"]
    r = await user.api.put("/api/auth/me", json={"name": "Alice API"})
    assert r.status_code == 200 and r.json()["account"]["name"] == "Alice API"
    assert "token" not in r.json()


async def test_password_change_revokes_other_sessions_keeps_current(app, user):
    other_api_token = user.token
    async with anonymous(app) as laptop:  # a second browser session
        r = await laptop.post(
            "/login",
            data={
                "email": user.email,
                "password": user.password,
                "csrf_token": await page_csrf(laptop, "/login"),
            },
        )
        assert r.status_code == 303
        assert (await laptop.get("/settings/account")).status_code == 200

        r = await user.post_form(
            "/settings/account/password",
            {"current_password": user.password, "new_password": "brand new secret"},
            page="/settings/account",
        )
        assert r.status_code == 303
        assert (
            await user.web.get("/settings/account")
        ).status_code == 200  # current browser: new cookie
        assert (await laptop.get("/settings/account")).status_code == 303  # the other one is out
        r = await user.api.get("/api/auth/me")
        assert r.status_code == 401  # the Bearer session token too
    r = await user.api.post(
        "/api/auth/login", json={"email": user.email, "password": "brand new secret"}
    )
    assert r.status_code == 200 and r.json()["token"] != other_api_token


async def test_password_change_via_api_returns_new_token(app, user):
    r = await user.api.put(
        "/api/auth/me", json={"current_password": "wrong one!", "new_password": "next secret 1"}
    )
    assert r.status_code == 422 and r.json()["error"]["fields"]["current_password"]
    r = await user.api.put(
        "/api/auth/me", json={"current_password": user.password, "new_password": "short"}
    )
    assert r.status_code == 422 and r.json()["error"]["fields"]["new_password"]
    r = await user.api.put(
        "/api/auth/me", json={"current_password": user.password, "new_password": "next secret 1"}
    )
    assert r.status_code == 200
    new_token = r.json()["token"]
    assert (
        await user.api.get("/api/auth/me")
    ).status_code == 401  # the caller's old token is revoked too
    me = await user.api.get("/api/auth/me", headers={"Authorization": f"Bearer {new_token}"})
    assert me.status_code == 200 and me.json()["workspace"]["id"] == user.workspace_id
    assert (await user.web.get("/settings/account")).status_code == 303  # cookie session revoked


async def test_password_page_wrong_current_password_shows_field_error(app, user):
    r = await user.post_form(
        "/settings/account/password",
        {"current_password": "nope nope", "new_password": "whatever123"},
        page="/settings/account",
    )
    assert r.status_code == 422
    assert soup(r).select_one("#e-current_password").text == "That is not your current password."
    assert (await user.web.get("/settings/account")).status_code == 200  # nothing revoked


async def test_create_workspace_api_and_switch(app, user):
    r = await user.api.post(
        "/api/workspaces", json={"name": "Second Co", "settings": {"timezone": "Europe/Berlin"}}
    )
    assert r.status_code == 201
    ws = r.json()
    assert (
        ws["id"].startswith("ws_")
        and ws["role"] == "owner"
        and ws["settings"]["timezone"] == "Europe/Berlin"
    )
    listed = (await user.api.get("/api/workspaces")).json()["data"]
    assert {w["name"] for w in listed} == {"Acme Marketing", "Second Co"}
    r = await user.api.post("/api/workspaces", json={"name": "  "})
    assert r.status_code == 422 and r.json()["error"]["fields"]["name"]
    r = await user.api.post(
        "/api/workspaces", json={"name": "Bad tz", "settings": {"timezone": "Mars/Olympus"}}
    )
    assert r.status_code == 422 and r.json()["error"]["fields"]["timezone"]
    assert (
        len((await user.api.get("/api/workspaces")).json()["data"]) == 2
    )  # the bad one was not half-made
    r = await user.api.post("/api/auth/switch-workspace", json={"workspace_id": ws["id"]})
    assert r.status_code == 200 and r.json()["workspace"]["id"] == ws["id"]
    r = await user.api.post(
        "/api/auth/switch-workspace", json={"workspace_id": "ws_doesnotexist0000"}
    )
    assert r.status_code == 404


async def test_switcher_form_changes_the_current_workspace(app, user):
    r = await user.post_form("/workspaces/new", {"name": "Side Project"}, page="/workspaces/new")
    assert r.status_code == 303
    home = await user.web.get("/")
    assert soup(home).select_one("#ws-switch option[selected]").text == "Side Project"
    switcher = soup(home).select_one("form.switcher")
    assert switcher.select_one("input[name=csrf_token]")[
        "value"
    ]  # the switcher form carries its token
    await switch(user, user.workspace_id)
    home = await user.web.get("/")
    assert soup(home).select_one("#ws-switch option[selected]").text == "Acme Marketing"
    r = await user.post_form("/workspaces/switch", {"workspace_id": "ws_notmineatall0000"})
    assert r.status_code == 404


async def test_same_email_in_two_workspaces_is_one_account_two_memberships(app, two_workspaces):
    alice, bob = two_workspaces
    r = await bob.api.post(
        f"/api/workspaces/{bob.workspace_id}/invite", json={"email": "ALICE@example.com"}
    )
    assert r.status_code == 201 and r.json()["status"] == "active"
    mine = (await alice.api.get("/api/workspaces")).json()["data"]
    assert {(w["name"], w["role"]) for w in mine} == {("Alice Co", "owner"), ("Bob Inc", "member")}
    await switch(alice, bob.workspace_id)
    me = (await alice.api.get("/api/auth/me")).json()
    assert me["workspace"]["name"] == "Bob Inc" and me["role"] == "member"


async def test_update_workspace_settings_page_and_api(app, user):
    r = await user.post_form(
        "/settings/workspace",
        {
            "name": "Acme",
            "timezone": "Nowhere/City",
            "default_from_email": "not-an-email",
            "postal_address": "1 Road",
        },
        page="/settings/workspace",
    )
    assert r.status_code == 422
    doc = soup(r)
    assert doc.select_one("#e-timezone") and doc.select_one("#e-default_from_email")
    assert doc.select_one("#f-timezone")["value"] == "Nowhere/City"  # input kept
    r = await user.post_form(
        "/settings/workspace",
        {
            "name": "Acme",
            "timezone": "America/New_York",
            "default_from_email": "hello@acme.test",
            "postal_address": "1 Road",
        },
        page="/settings/workspace",
    )
    assert r.status_code == 303
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"postal_address": "2 Street"}}
    )
    assert r.status_code == 200
    ws = r.json()
    assert ws["name"] == "Acme" and ws["settings"] == {
        "timezone": "America/New_York",
        "default_from_email": "hello@acme.test",
        "postal_address": "2 Street",
        "currency": "USD",
        "logo_url": "",
        "spam_log_days": 30,
        "submission_retention_months": None,
        "marketing_requires_consent": False,
    }
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"colour": "red"}}
    )
    assert r.status_code == 422 and "settings.colour" in r.json()["error"]["fields"]


async def test_delete_workspace_archives_it_members_keep_their_others(app, user):
    colleague = await join_as(app, user, "carol@example.com", "admin")
    key = await user.create_api_key(["forms:read"])
    r = await colleague.api.delete(f"/api/workspaces/{user.workspace_id}")
    assert r.status_code == 403  # admins cannot delete
    r = await user.post_form(
        "/settings/workspace/delete", {"confirm": "wrong name"}, page="/settings/workspace"
    )
    assert r.status_code == 422 and soup(r).select_one("#e-confirm")
    r = await user.api.delete(f"/api/workspaces/{user.workspace_id}")
    assert r.status_code == 204
    # Its data is unreachable: the key is dead, its id answers 404, nobody lists it.
    async with user.key_client(key) as k:
        assert (await k.get("/api/forms")).status_code == 401
    assert (await user.api.get(f"/api/workspaces/{user.workspace_id}/members")).status_code == 404
    me = (await colleague.api.get("/api/auth/me")).json()
    assert me["workspace"]["name"] == "carol@example.com home"  # fell back to her own workspace
    assert [w["name"] for w in me["workspaces"]] == ["carol@example.com home"]
    # The owner had no other workspace: the page offers to create one.
    r = await user.web.get("/")
    assert r.status_code == 403
    form = soup(r).select_one("form[action='/workspaces/new']")
    assert form is not None and form.select_one("input[name=csrf_token]")["value"]
    r = await user.web.post(
        "/workspaces/new",
        data={
            "name": "Fresh Start",
            "csrf_token": form.select_one("input[name=csrf_token]")["value"],
        },
    )
    assert r.status_code == 303
    assert "Fresh Start" in (await user.web.get("/")).text
    assert (await user.api.get("/api/auth/me")).json()["workspace"]["name"] == "Fresh Start"


async def test_no_workspace_api_still_lists_and_creates(app, user):
    assert (await user.api.delete(f"/api/workspaces/{user.workspace_id}")).status_code == 204
    me = await user.api.get("/api/auth/me")
    assert (
        me.status_code == 200 and me.json()["workspace"] is None and me.json()["workspaces"] == []
    )
    assert (await user.api.get("/api/workspaces")).json() == {"data": [], "next_cursor": None}
    assert (await user.api.get("/api/api-keys")).status_code == 403
    r = await user.api.post("/api/workspaces", json={"name": "Again"})
    assert r.status_code == 201
    assert (await user.api.get("/api/auth/me")).json()["workspace"]["name"] == "Again"


async def test_signup_page_prefills_invited_email(client):
    r = await client.get("/signup?email=new.person%2Btag@example.com")
    assert soup(r).select_one("#f-email")["value"] == "new.person+tag@example.com"


async def test_api_key_cannot_manage_the_account(app, user):
    key = await user.create_api_key(["forms:read"])
    async with user.key_client(key) as k:
        r = await k.put("/api/auth/me", json={"name": "hijack"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "session_required"
        assert (await k.post("/api/workspaces", json={"name": "x"})).status_code == 403
        assert (await k.get("/api/auth/me")).json()["api_key"]["scopes"] == ["forms:read"]


async def test_cookie_api_password_change_sets_new_cookie(app, user):
    # A browser calling the JSON API with its cookie stays signed in after changing its password.
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",
        cookies=user.web.cookies,
    ) as browser:
        r = await browser.put(
            "/api/auth/me", json={"current_password": user.password, "new_password": "cookie pw 42"}
        )
        assert r.status_code == 200
        assert (await browser.get("/api/auth/me")).status_code == 200
    assert (await user.web.get("/api/auth/me")).status_code == 401  # the old cookie is revoked


async def test_deleted_workspace_forms_answer_410(app, user, client):
    r = await user.api.post(
        "/api/forms",
        json={
            "name": "Contact us",
            "status": "active",
            "fields": [{"name": "email", "type": "email", "label": "Email"}],
        },
    )
    assert r.status_code == 201, r.text
    form_id = r.json()["id"]
    ok = await client.post(f"/api/submissions/{form_id}", json={"email": "visitor@example.net"})
    assert ok.status_code in (200, 201), ok.text
    assert (await user.api.delete(f"/api/workspaces/{user.workspace_id}")).status_code == 204
    gone = await client.post(f"/api/submissions/{form_id}", json={"email": "late@example.net"})
    assert gone.status_code == 410


async def test_unknown_or_misplaced_fields_are_refused(app, user):
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"timezone": "Europe/Berlin"}
    )
    assert r.status_code == 422 and "timezone" in r.json()["error"]["fields"]
    r = await user.api.put("/api/auth/me", json={"email": "new@example.com"})
    assert r.status_code == 422 and "email" in r.json()["error"]["fields"]
    r = await user.api.put("/api/auth/me", json={})  # nothing to change: answers as it is
    assert r.status_code == 200 and r.json()["account"]["email"] == user.email
    r = await user.api.put("/api/auth/me", json={"current_password": user.password})
    assert r.status_code == 422 and r.json()["error"]["fields"]["new_password"]
    r = await user.api.put(
        "/api/auth/me",
        json={"name": "Al", "current_password": "nope nope", "new_password": "x" * 9},
    )
    assert r.status_code == 422
    assert (await user.api.get("/api/auth/me")).json()["account"][
        "name"
    ] == "Alice Owner"  # nothing half-applied


async def test_workspace_list_paginates(app, user):
    for name in ("B side", "C side"):
        assert (await user.api.post("/api/workspaces", json={"name": name})).status_code == 201
    first = (await user.api.get("/api/workspaces?limit=2")).json()
    assert [w["name"] for w in first["data"]] == ["Acme Marketing", "B side"] and first[
        "next_cursor"
    ]
    second = (await user.api.get(f"/api/workspaces?limit=2&cursor={first['next_cursor']}")).json()
    assert [w["name"] for w in second["data"]] == ["C side"] and second["next_cursor"] is None
    assert (await user.api.get("/api/workspaces?limit=0")).status_code == 422


async def test_signup_reports_every_field_and_refuses_line_breaks(app, client, user):
    r = await client.post(
        "/api/auth/signup",
        json={"email": "nope", "password": "short", "name": "A\nB", "workspace_name": "x" * 121},
    )
    assert r.status_code == 422
    assert set(r.json()["error"]["fields"]) == {"email", "password", "name", "workspace_name"}
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"name": "Acme\r\nBcc: victim@example.com"}
    )
    assert r.status_code == 422 and r.json()["error"]["fields"]["name"]
    r = await user.api.put("/api/auth/me", json={"name": "Alice\tOwner"})
    assert r.status_code == 422
