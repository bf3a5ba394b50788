"""Invites by token (SPEC §3): a pending invite activates only through its link,
never because someone typed the invited address. Written as the attacker's requests."""

from __future__ import annotations

import pytest

from tests.conftest import make_settings
from tests.helpers import User, soup
from tests.helpers_accounts import anonymous, join_as, outbox, page_csrf

PASSWORD = "correct horse battery"


@pytest.fixture
def settings(tmp_path):
    # Sessions that outlive the 7-day invite window, so tests can move time past it.
    return make_settings(tmp_path, session_hours=24 * 30)


async def invite(owner: User, email: str, role: str = "member") -> dict:
    r = await owner.api.post(
        f"/api/workspaces/{owner.workspace_id}/invite", json={"email": email, "role": role}
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "pending"
    return r.json()


def token_of(member: dict) -> str:
    return member["invite_url"].rsplit("/invite/", 1)[1]


async def workspace_ids(person: User) -> set[str]:
    return {w["id"] for w in (await person.api.get("/api/workspaces")).json()["data"]}


async def status_of(owner: User, member_id: str) -> str:
    r = await owner.api.get(f"/api/workspaces/{owner.workspace_id}/members")
    return next(m for m in r.json()["data"] if m["id"] == member_id)["status"]


async def test_signing_up_first_with_the_invited_address_takes_nothing(app, db, user):
    pending = await invite(user, "victim@example.com", role="admin")
    # The attacker registers the invited address, by the API and by the page, without the token.
    async with anonymous(app) as attacker:
        r = await attacker.post(
            "/api/auth/signup", json={"email": "VICTIM@example.com", "password": PASSWORD}
        )
        assert r.status_code == 201
        bearer = {"Authorization": f"Bearer {r.json()['token']}"}
        mine = (await attacker.get("/api/workspaces", headers=bearer)).json()["data"]
        assert user.workspace_id not in {w["id"] for w in mine}
        # Logging in again with the address activates nothing either.
        r = await attacker.post(
            "/api/auth/login", json={"email": "victim@example.com", "password": PASSWORD}
        )
        bearer = {"Authorization": f"Bearer {r.json()['token']}"}
        assert (await attacker.get("/api/auth/me", headers=bearer)).json()["workspace"][
            "id"
        ] != user.workspace_id
        r = await attacker.get(f"/api/workspaces/{user.workspace_id}/members", headers=bearer)
        assert r.status_code == 404
        # Guessing a token gets nowhere.
        r = await attacker.post("/api/invites/" + "A" * 43 + "/accept", headers=bearer)
        assert r.status_code == 404
    page_attacker = await User.signup(app, "other.victim@example.com")
    other = await invite(user, "third@example.com")
    assert user.workspace_id not in await workspace_ids(page_attacker)
    await page_attacker.close()
    assert await status_of(user, pending["id"]) == "pending"
    assert await status_of(user, other["id"]) == "pending"
    row = await db.fetchone(
        "SELECT account_id, status FROM memberships WHERE id = ?", (pending["id"],)
    )
    assert row == {"account_id": None, "status": "pending"}


async def test_tokens_are_random_and_stored_hashed(app, db, user):
    a, b = await invite(user, "a@example.com"), await invite(user, "b@example.com")
    assert token_of(a) != token_of(b) and len(token_of(a)) >= 40
    rows = await db.fetchall("SELECT * FROM memberships WHERE id IN (?, ?)", (a["id"], b["id"]))
    for row in rows:
        assert (
            row["invite_token_hash"] and token_of(a) not in str(row) and token_of(b) not in str(row)
        )
    mail = (await outbox(db, "a@example.com"))[0]
    assert a["invite_url"] in mail["body_text"] and a["invite_url"] in mail["body_html"]


async def test_accept_through_the_api_by_the_invited_account_only(app, user):
    pending = await invite(user, "carol@example.com", role="viewer")
    token = token_of(pending)
    carol = await User.signup(app, "Carol@Example.com")  # without the link: nothing joined yet
    dave = await User.signup(app, "dave@example.com")
    assert user.workspace_id not in await workspace_ids(carol)
    url = f"/api/invites/{token}/accept"
    async with anonymous(app) as anon:
        assert (await anon.post(url)).status_code == 401
    key = await carol.create_api_key(["forms:read"])
    async with carol.key_client(key) as keyed:
        assert (await keyed.post(url)).status_code == 403
    r = await dave.api.post(url)
    assert r.status_code == 403 and "carol@example.com" in r.json()["error"]["message"]
    r = await carol.api.post(url)
    assert r.status_code == 200, r.text
    member = r.json()
    assert member["status"] == "active" and member["role"] == "viewer"
    assert member["account_id"] == carol.account_id and "invite_url" not in member
    assert user.workspace_id in await workspace_ids(carol)
    events = (await user.api.get("/api/events", params={"type": "member_joined"})).json()["data"]
    assert [e["details"]["member_id"] for e in events] == [pending["id"]]
    r = await carol.api.post(url)  # single use
    assert r.status_code == 410 and r.json()["error"]["code"] == "invite_used"
    assert (await carol.api.post("/api/invites/nope/accept")).status_code == 404
    await carol.close()
    await dave.close()


async def test_expired_token_answers_410_everywhere(app, user, freeze_clock):
    pending = await invite(user, "late@example.com")
    token = token_of(pending)
    late = await User.signup(app, "late@example.com")
    freeze_clock.advance(days=7, minutes=1)
    r = await late.api.post(f"/api/invites/{token}/accept")
    assert r.status_code == 410 and r.json()["error"]["code"] == "invite_expired"
    assert (await late.web.get(f"/invite/{token}")).status_code == 410
    async with anonymous(app) as anon:
        r = await anon.post(
            "/api/auth/signup",
            json={"email": "late2@example.com", "password": PASSWORD, "invite_token": token},
        )
        assert r.status_code == 410
    r = await user.api.get(f"/api/workspaces/{user.workspace_id}/members")
    expired = next(m for m in r.json()["data"] if m["id"] == pending["id"])
    assert expired["status"] == "expired" and "invite_url" not in expired
    await late.close()


async def test_api_signup_with_the_token(app, db, user):
    pending = await invite(user, "newbie@example.com", role="admin")
    token = token_of(pending)
    async with anonymous(app) as anon:
        for body, status in [
            ({"email": "intruder@example.com", "invite_token": token}, 403),
            ({"email": "newbie@example.com", "invite_token": "wrong-token"}, 404),
            ({"email": "newbie@example.com", "invite_token": [token]}, 422),
            ({"email": ["newbie@example.com"], "invite_token": token}, 422),
        ]:
            r = await anon.post("/api/auth/signup", json={**body, "password": PASSWORD})
            assert r.status_code == status, (body, r.text)
            assert r.json()["error"]["message"]
        # Refused sign-ups created no account.
        count = await db.fetchval(
            "SELECT COUNT(*) FROM accounts WHERE email_lower IN ('intruder@example.com', 'newbie@example.com')"
        )
        assert count == 0
        r = await anon.post(
            "/api/auth/signup",
            json={"email": "NewBie@example.com", "password": PASSWORD, "invite_token": token},
        )
        assert r.status_code == 201, r.text
        me = await anon.get(
            "/api/auth/me", headers={"Authorization": f"Bearer {r.json()['token']}"}
        )
        assert me.json()["workspace"]["id"] == user.workspace_id and me.json()["role"] == "admin"
        # The same token again: used.
        r = await anon.post(
            "/api/auth/signup",
            json={"email": "newbie2@example.com", "password": PASSWORD, "invite_token": token},
        )
        assert r.status_code == 410
    assert await status_of(user, pending["id"]) == "active"


async def test_invite_page_then_signup_page_accepts(app, user):
    token = token_of(await invite(user, "page@example.com"))
    async with anonymous(app) as visitor:
        r = await visitor.get(f"/invite/{token}")
        assert r.status_code == 200
        doc = soup(r)
        text = doc.select_one("#invite").get_text(" ")
        assert "Acme Marketing" in text and "Alice Owner" in text and "page@example.com" in text
        signup_href = doc.select_one(f"a[href='/signup?invite={token}']")
        assert signup_href is not None
        assert doc.select_one(f"a[href='/login?next=/invite/{token}']") is not None
        r = await visitor.get(f"/signup?invite={token}")
        doc = soup(r)
        assert doc.select_one("#f-email")["value"] == "page@example.com"
        assert doc.select_one("input[name=invite_token]")["value"] == token
        csrf = await page_csrf(visitor, f"/signup?invite={token}")
        r = await visitor.post(
            "/signup",
            data={
                "email": "someone.else@example.com",
                "password": PASSWORD,
                "invite_token": token,
                "csrf_token": csrf,
            },
        )
        assert r.status_code == 403 and "page@example.com" in soup(r).get_text()
        # The refused form keeps the token so the person can fix the address.
        assert soup(r).select_one("input[name=invite_token]")["value"] == token
        r = await visitor.post(
            "/signup",
            data={
                "email": "page@example.com",
                "password": PASSWORD,
                "invite_token": token,
                "csrf_token": csrf,
            },
        )
        assert r.status_code == 303
        me = await visitor.get("/api/auth/me")
        assert me.json()["workspace"]["id"] == user.workspace_id
        r = await visitor.get(f"/invite/{token}")
        assert r.status_code == 410 and "already accepted" in r.text
    async with anonymous(app) as visitor:
        r = await visitor.get("/invite/not-a-real-token")
        assert r.status_code == 404 and "not valid" in r.text
        r = await visitor.get("/signup?invite=not-a-real-token")
        assert r.status_code == 200 and "not valid" in r.text
        assert soup(r).select_one("input[name=invite_token]") is None


async def test_log_in_then_accept_on_the_invite_page(app, user):
    token = token_of(await invite(user, "erin@example.com", role="member"))
    erin = await User.signup(app, "erin@example.com", workspace="Erin Co")  # without the link
    frank = await User.signup(app, "frank@example.com")
    # Someone else signed in sees whom it is for, and cannot accept it.
    doc = soup(await frank.web.get(f"/invite/{token}"))
    assert doc.select_one(f"form[action='/invite/{token}']") is None
    assert "erin@example.com" in doc.get_text()
    r = await frank.post_form(f"/invite/{token}", page=f"/invite/{token}")
    assert r.status_code == 403 and "erin@example.com" in r.text
    # Anonymous: accepting needs a log-in first.
    async with anonymous(app) as anon:
        csrf = await page_csrf(anon, f"/invite/{token}")
        r = await anon.post(f"/invite/{token}", data={"csrf_token": csrf})
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    doc = soup(await erin.web.get(f"/invite/{token}"))
    assert doc.select_one(f"form[action='/invite/{token}'] button") is not None
    r = await erin.post_form(f"/invite/{token}", page=f"/invite/{token}")
    assert r.status_code == 303 and r.headers["location"] == "/"
    me = (await erin.web.get("/api/auth/me")).json()
    assert me["workspace"]["id"] == user.workspace_id and me["role"] == "member"
    await erin.close()
    await frank.close()


async def test_invite_url_only_for_owners_and_admins_and_copyable_without_smtp(app, user):
    admin = await join_as(app, user, "admin@example.com", "admin")
    member = await join_as(app, user, "member@example.com", "member")
    pending = await invite(user, "someone@example.com")
    ws = user.workspace_id
    for person, sees in ((user, True), (admin, True), (member, False)):
        rows = (await person.api.get(f"/api/workspaces/{ws}/members")).json()["data"]
        row = next(m for m in rows if m["id"] == pending["id"])
        assert ("invite_url" in row) is sees
        assert all("invite_url" not in m for m in rows if m["status"] == "active")
    row = soup(await user.web.get("/settings/members")).select_one(f"#member-{pending['id']}")
    field = row.select_one(f"input#invite-url-{pending['id']}")
    assert field["value"] == pending["invite_url"] and field.has_attr("readonly")
    assert row.select_one(f"button[data-copy='#invite-url-{pending['id']}']") is not None
    row = soup(await member.web.get("/settings/members")).select_one(f"#member-{pending['id']}")
    assert row.select_one("input[readonly]") is None and token_of(pending) not in str(row)
    # A role change keeps the link (same token) on the answer and on the swapped row.
    r = await admin.api.put(
        f"/api/workspaces/{ws}/members/{pending['id']}", json={"role": "viewer"}
    )
    assert r.status_code == 200 and r.json()["invite_url"] == pending["invite_url"]
    r = await user.post_form(
        f"/settings/members/{pending['id']}/role",
        {"role": "member"},
        page="/settings/members",
        htmx=True,
    )
    assert r.status_code == 200
    assert soup(r).select_one(f"input#invite-url-{pending['id']}")["value"] == pending["invite_url"]
    await admin.close()
    await member.close()


async def test_no_copy_field_when_mail_is_sent(tmp_path):
    from app.main import create_app

    application = create_app(make_settings(tmp_path, smtp_url="smtp://127.0.0.1:1"))
    async with application.router.lifespan_context(application):
        owner = await User.signup(application, "owner@example.com")
        pending = await invite(owner, "someone@example.com")
        row = soup(await owner.web.get("/settings/members")).select_one(f"#member-{pending['id']}")
        assert row is not None and row.select_one("input[readonly]") is None
        await owner.close()


async def test_sign_up_refuses_odd_input_with_a_4xx(app, client):
    """A list where the email goes (API), and odd form bodies on the page, are 4xx, never 500."""
    for email in (["a@example.com"], {"x": 1}, 12, None):
        r = await client.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
        assert r.status_code == 422 and "email" in r.json()["error"]["fields"], email
    async with anonymous(app) as web:
        csrf = await page_csrf(web, "/signup")
        odd_bodies = [
            {"email": ["a@example.com", "b@example.com"], "password": PASSWORD},
            {"email": "a" * 5000 + "@example.com", "password": PASSWORD},
            {"email": "nul\x00@example.com", "password": PASSWORD},
            {"email": "c@example.com", "password": "", "name": "x" * 300},
            {"email": "d@example.com", "password": PASSWORD, "invite_token": "x" * 5000},
        ]
        for body in odd_bodies:
            r = await web.post("/signup", data={**body, "csrf_token": csrf})
            assert 400 <= r.status_code < 500, (body, r.status_code)
            assert soup(r).select_one("form[action='/signup']") is not None
        r = await web.post(
            "/signup",
            data={"password": PASSWORD, "csrf_token": csrf},
            files={"email": ("e.txt", b"e@example.com", "text/plain")},
        )
        assert 400 <= r.status_code < 500
