"""Log-in rate limit (SPEC §3): 5 failures per email per 15 minutes, then 429 with Retry-After."""

import asyncio

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


async def test_a_parallel_burst_cannot_outrun_the_limit(app, client, user):
    """25 attempts at once, the right password last: each failure is counted before
    its password is checked, so only 5 are evaluated and the right one gets a 429."""
    wrong = {"email": user.email, "password": "wrong password!"}
    bodies = [wrong] * 24 + [{"email": user.email, "password": user.password}]
    answers = await asyncio.gather(*(client.post("/api/auth/login", json=b) for b in bodies))
    statuses = [r.status_code for r in answers]
    assert 200 not in statuses, statuses
    assert statuses.count(401) == 5 and statuses.count(429) == 20, statuses
    assert (
        await client.post("/api/auth/login", json={"email": user.email, "password": user.password})
    ).status_code == 429


async def test_a_right_password_inside_the_limit_still_logs_in(app, client, user):
    """The failure counted in advance becomes a success: it does not eat into the limit."""
    for _ in range(4):
        assert (await _fail(client)).status_code == 401
    for _ in range(3):
        r = await client.post(
            "/api/auth/login", json={"email": user.email, "password": user.password}
        )
        assert r.status_code == 200
    assert (await _fail(client)).status_code == 401
    assert (await _fail(client)).status_code == 429


async def test_unknown_email_costs_a_bcrypt_check_of_the_real_cost(tmp_path, monkeypatch):
    """An unknown email is checked against a hash of the configured cost (as a
    known email's is), so the answer takes as long and tells nothing."""
    import bcrypt

    from app.main import create_app
    from tests.conftest import make_settings

    costs = []
    real_checkpw = bcrypt.checkpw

    def spy(password, hashed):
        costs.append(int(hashed.split(b"$")[2]))
        return real_checkpw(password, hashed)

    application = create_app(make_settings(tmp_path, bcrypt_rounds=6))
    async with application.router.lifespan_context(application):
        async with anonymous(application) as web:
            body = {"email": "known@example.com", "password": "correct horse battery"}
            assert (await web.post("/api/auth/signup", json=body)).status_code == 201
            monkeypatch.setattr(bcrypt, "checkpw", spy)
            for email in ("known@example.com", "nobody@example.com"):
                r = await web.post(
                    "/api/auth/login", json={"email": email, "password": "wrong password!"}
                )
                assert r.status_code == 401 and r.json()["error"]["message"] == (
                    "Wrong email or password."
                )
    assert costs == [6, 6]
