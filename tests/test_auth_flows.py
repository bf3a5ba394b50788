"""Sign-up, log-in, log-out, sessions and the API's auth endpoints."""

from tests.helpers import User, soup


async def test_signup_creates_account_workspace_and_owner(app, user):
    r = await user.web.get("/")
    assert r.status_code == 200
    assert "Acme Marketing" in r.text
    me = (await user.api.get("/api/auth/me")).json()
    assert me["account"]["email"] == "alice@example.com"
    assert me["role"] == "owner"
    assert me["workspace"]["id"].startswith("ws_") and len(me["workspace"]["id"]) == 19


async def test_signup_rejects_short_password_and_keeps_input(client):
    page = await client.get("/signup")
    token = soup(page).find("meta", attrs={"name": "csrf-token"})["content"]
    r = await client.post(
        "/signup",
        data={"email": "x@example.com", "password": "short", "name": "Xena", "csrf_token": token},
    )
    assert r.status_code == 422
    doc = soup(r)
    assert doc.select_one("#e-password").text.strip() == "Use at least 8 characters."
    assert doc.select_one("#f-email")["value"] == "x@example.com"


async def test_duplicate_email_is_a_conflict(app, user):
    r = await user.api.post(
        "/api/auth/signup", json={"email": "ALICE@example.com", "password": "another password"}
    )
    assert r.status_code == 409
    assert r.json()["error"]["fields"]["email"]


async def test_wrong_password_and_unknown_email_answer_the_same(app, client, user):
    wrong = await client.post(
        "/api/auth/login", json={"email": "alice@example.com", "password": "nope nope nope"}
    )
    unknown = await client.post(
        "/api/auth/login", json={"email": "nobody@example.com", "password": "nope nope nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


async def test_long_passwords_work_beyond_72_bytes(app):
    long_pw = "ä" * 100  # 200 bytes in UTF-8
    u = await User.signup(app, "long@example.com", password=long_pw)
    r = await u.api.post(
        "/api/auth/login", json={"email": "long@example.com", "password": "ä" * 99 + "a"}
    )
    assert r.status_code == 401  # no silent truncation
    await u.close()


async def test_logout_revokes_the_session_server_side(app, user):
    cookie = user.web.cookies.get("fa_session")
    r = await user.post_form("/logout")
    assert r.status_code == 303
    # Replaying the old cookie after log-out is anonymous.
    import httpx

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",
        cookies={"fa_session": cookie},
    ) as replay:
        r = await replay.get("/forms")
        assert r.status_code in (303, 404)
        r = await replay.get("/api/auth/me")
        assert r.status_code == 401


async def test_tampered_cookie_is_anonymous_not_500(client):
    client.cookies.set("fa_session", "fas_forged.signature")
    r = await client.get("/")
    assert r.status_code == 303
    r = await client.get("/api/auth/me")
    assert r.status_code == 401


async def test_csrf_missing_or_wrong_is_403(app, user):
    r = await user.web.post("/logout", data={})
    assert r.status_code == 403
    r = await user.web.post("/logout", data={"csrf_token": "wrong"})
    assert r.status_code == 403
    r = await user.post_form("/logout")
    assert r.status_code == 303


async def test_foreign_origin_refused_even_with_token(app, user):
    token = await user.csrf("/")
    r = await user.web.post(
        "/logout", data={"csrf_token": token}, headers={"Origin": "https://evil.example"}
    )
    assert r.status_code == 403
    r = await user.web.post("/logout", data={"csrf_token": token}, headers={"Origin": "null"})
    assert r.status_code == 403
    r = await user.web.post(
        "/logout", data={"csrf_token": token}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert r.status_code == 403


async def test_api_write_needs_json(app, user):
    r = await user.api.post(
        "/api/auth/switch-workspace",
        content=b"workspace_id=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 415
