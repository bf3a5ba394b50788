"""Log-in rate limit (SPEC §3): 5 failures per email per 15 minutes, then 429 with Retry-After."""

from tests.helpers_accounts import anonymous, page_csrf


async def _fail(client, email="alice@example.com"):
    return await client.post(
        "/api/auth/login", json={"email": email, "password": "wrong password!"}
    )


async def test_five_failures_then_429_even_with_the_right_password(app, client, user, freeze_clock):
    for _ in range(5):
        assert (await _fail(client)).status_code == 401
    r = await client.post(
        "/api/auth/login", json={"email": "ALICE@example.com", "password": user.password}
    )
    assert r.status_code == 429
    assert r.json()["error"]["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) == 900
    # Another email is not affected.
    assert (await _fail(client, "someone@example.com")).status_code == 401

    freeze_clock.advance(minutes=10)
    r = await client.post(
        "/api/auth/login", json={"email": "alice@example.com", "password": user.password}
    )
    assert r.status_code == 429 and int(r.headers["Retry-After"]) == 300

    freeze_clock.advance(minutes=5, seconds=1)
    r = await client.post(
        "/api/auth/login", json={"email": "alice@example.com", "password": user.password}
    )
    assert r.status_code == 200  # the limit lifts when the failures leave the window


async def test_unknown_email_is_limited_the_same_way(client, monkeypatch):
    for _ in range(5):
        assert (await _fail(client, "ghost@example.com")).status_code == 401
    assert (await _fail(client, "ghost@example.com")).status_code == 429


async def test_login_page_shows_429_with_retry_after(app, user):
    async with anonymous(app) as web:
        token = await page_csrf(web, "/login")
        for _ in range(5):
            r = await web.post(
                "/login",
                data={"email": user.email, "password": "bad guess 123", "csrf_token": token},
            )
            assert r.status_code == 401
        r = await web.post(
            "/login", data={"email": user.email, "password": user.password, "csrf_token": token}
        )
        assert r.status_code == 429
        assert int(r.headers["Retry-After"]) > 0
        assert "Too many failed log-ins" in r.text


async def test_spoofed_forwarded_for_does_not_reset_the_limit(client, user):
    for i in range(5):
        r = await client.post(
            "/api/auth/login",
            json={"email": user.email, "password": "wrong password!"},
            headers={"X-Forwarded-For": f"10.0.0.{i}"},
        )
        assert r.status_code == 401
    r = await client.post(
        "/api/auth/login",
        json={"email": user.email, "password": user.password},
        headers={"X-Forwarded-For": "10.9.9.9"},
    )
    assert r.status_code == 429


async def test_wrong_current_password_counts_toward_the_limit(app, user):
    for _ in range(5):
        r = await user.api.put(
            "/api/auth/me", json={"current_password": "guessing123", "new_password": "new one 123"}
        )
        assert r.status_code == 422
    r = await user.api.put(
        "/api/auth/me", json={"current_password": user.password, "new_password": "new one 123"}
    )
    assert r.status_code == 429
