"""Members: the invite lifecycle, role changes, removal, the last owner, and the members page."""

import pytest

import app.db.clock as clock
from tests.conftest import make_settings
from tests.helpers import User, soup
from tests.helpers_accounts import join_as, member_id, outbox


@pytest.fixture
def settings(tmp_path):
    # Sessions that outlive the 7-day invite window, so tests can move time past it.
    return make_settings(tmp_path, session_hours=24 * 30)


async def test_invite_existing_account_is_active_at_once(app, db, two_workspaces):
    alice, bob = two_workspaces
    r = await alice.api.post(
        f"/api/workspaces/{alice.workspace_id}/invite",
        json={"email": "bob@example.org", "role": "admin"},
    )
    assert r.status_code == 201
    m = r.json()
    assert m["status"] == "active" and m["role"] == "admin" and m["account_id"] == bob.account_id
    assert m["id"].startswith("wm_") and m["joined_at"]
    names = {w["name"] for w in (await bob.api.get("/api/workspaces")).json()["data"]}
    assert names == {"Alice Co", "Bob Inc"}
    mails = await outbox(db, "bob@example.org")
    assert len(mails) == 1 and "/login" in mails[0]["body_text"]


async def test_invite_new_email_pending_then_activates_through_its_link(app, db, user):
    r = await user.post_form(
        "/settings/members/invite",
        {"email": "New.Person@example.com", "role": "viewer"},
        page="/settings/members",
    )
    assert r.status_code == 303
    members = (await user.api.get(f"/api/workspaces/{user.workspace_id}/members")).json()["data"]
    pending = next(m for m in members if m["email"] == "New.Person@example.com")
    assert (
        pending["status"] == "pending"
        and pending["account_id"] is None
        and pending["role"] == "viewer"
    )
    assert pending["expires_at"] > clock.now_iso()
    mails = await outbox(db, "new.person@example.com")
    assert len(mails) == 1
    mail = mails[0]
    assert mail["status"] == "queued" and mail["workspace_id"] == user.workspace_id
    link = pending["invite_url"]
    assert link.startswith("http://testserver/invite/") and link in mail["body_text"]
    assert "Acme Marketing" in mail["subject"] and "Alice Owner" in mail["subject"]
    assert soup_text(mail["body_html"]).count("Acme Marketing") == 1

    newbie = await User.signup(
        app, "new.person@example.com", workspace="Own Space", invite_token=invite_token(link)
    )
    spaces = {
        w["name"]: w["role"] for w in (await newbie.api.get("/api/workspaces")).json()["data"]
    }
    assert spaces == {"Own Space": "owner", "Acme Marketing": "viewer"}
    members = (await user.api.get(f"/api/workspaces/{user.workspace_id}/members")).json()["data"]
    joined = next(m for m in members if m["email"] == "New.Person@example.com")
    assert joined["status"] == "active" and joined["account_id"] == newbie.account_id
    await newbie.close()


def invite_token(url: str) -> str:
    return url.rsplit("/invite/", 1)[1]


def soup_text(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text()


async def test_invite_email_escapes_workspace_name(app, db, user):
    await user.api.put(f"/api/workspaces/{user.workspace_id}", json={"name": "<b>Evil</b> & Co"})
    await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "x@example.com"}
    )
    mail = (await outbox(db, "x@example.com"))[0]
    assert "<b>Evil</b>" not in mail["body_html"] and "&lt;b&gt;Evil&lt;/b&gt;" in mail["body_html"]


async def test_expired_invite_does_not_activate_and_reinvite_refreshes(app, db, user, freeze_clock):
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "late@example.com"}
    )
    invite_id = r.json()["id"]
    freeze_clock.advance(days=7, minutes=1)
    members = (await user.api.get(f"/api/workspaces/{user.workspace_id}/members")).json()["data"]
    assert next(m for m in members if m["id"] == invite_id)["status"] == "expired"
    page = await user.web.get("/settings/members")
    row = soup(page).select_one(f"#member-{invite_id}")
    assert "expired" in row.text
    assert (
        row.select_one("form[action='/settings/members/invite'] button").text.strip() == "Re-invite"
    )

    late = await User.signup(app, "late@example.com", workspace="Late Co")
    assert [w["name"] for w in (await late.api.get("/api/workspaces")).json()["data"]] == [
        "Late Co"
    ]
    await late.close()
    # late@ has an account now, so inviting again makes an active membership at once.
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "late@example.com"}
    )
    assert r.status_code == 201 and r.json()["id"] == invite_id and r.json()["status"] == "active"


async def test_reinvite_refreshes_expiry_and_sends_again(app, db, user, freeze_clock):
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "slow@example.com"}
    )
    first_expiry, first_link = r.json()["expires_at"], r.json()["invite_url"]
    freeze_clock.advance(days=8)
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite",
        json={"email": "slow@example.com", "role": "admin"},
    )
    assert r.status_code == 201
    refreshed = r.json()
    assert refreshed["status"] == "pending" and refreshed["role"] == "admin"
    assert refreshed["expires_at"] > first_expiry and refreshed["expires_at"] > clock.now_iso()
    assert len(await outbox(db, "slow@example.com")) == 2
    assert refreshed["invite_url"] != first_link
    anon = user.__class__(app, "anon@example.com", "x")
    assert (await anon.web.get(f"/invite/{invite_token(first_link)}")).status_code == 404
    await anon.close()
    slow = await User.signup(
        app, "slow@example.com", invite_token=invite_token(refreshed["invite_url"])
    )
    roles = {w["name"]: w["role"] for w in (await slow.api.get("/api/workspaces")).json()["data"]}
    assert roles["Acme Marketing"] == "admin"
    await slow.close()


async def test_logging_in_with_the_invited_address_activates_nothing(app, db, user):
    """SPEC §3: only the token activates a pending invite, never the address alone."""
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "dan@example.com"}
    )
    assert r.json()["status"] == "pending"
    dan = await User.signup(app, "dan@example.com", workspace="Dan Co")
    await dan.login_api()
    assert user.workspace_id not in {
        w["id"] for w in (await dan.api.get("/api/workspaces")).json()["data"]
    }
    members = (await user.api.get(f"/api/workspaces/{user.workspace_id}/members")).json()["data"]
    assert next(m for m in members if m["email"] == "dan@example.com")["status"] == "pending"
    await dan.close()


async def test_invite_validation_and_conflicts(app, user):
    base = f"/api/workspaces/{user.workspace_id}/invite"
    r = await user.api.post(base, json={"email": "not an email"})
    assert r.status_code == 422 and r.json()["error"]["fields"]["email"]
    r = await user.api.post(base, json={"email": "ok@example.com", "role": "superuser"})
    assert r.status_code == 422 and r.json()["error"]["fields"]["role"]
    r = await user.api.post(base, json={"email": "alice@example.com"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_member"
    r = await user.post_form(
        "/settings/members/invite", {"email": "bad@", "role": "member"}, page="/settings/members"
    )
    assert r.status_code == 422
    doc = soup(r)
    assert doc.select_one("#e-email") and doc.select_one("#f-email")["value"] == "bad@"


async def test_last_owner_cannot_leave_or_be_demoted(app, user):
    me = await member_id(user, user.workspace_id, user.email)
    base = f"/api/workspaces/{user.workspace_id}/members/{me}"
    r = await user.api.put(base, json={"role": "admin"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "last_owner"
    r = await user.api.delete(base)
    assert r.status_code == 409
    r = await user.post_form(f"/settings/members/{me}/remove", page="/settings/members")
    assert r.status_code == 409 and "last owner" in r.text
    # With a second owner, the first may step down and leave.
    second = await join_as(app, user, "co@example.com", "owner")
    assert (await user.api.put(base, json={"role": "admin"})).status_code == 200
    assert (await user.api.delete(base)).status_code == 204
    assert user.workspace_id not in {
        w["id"] for w in (await user.api.get("/api/workspaces")).json()["data"]
    }
    co_id = await member_id(second, user.workspace_id, "co@example.com")
    r = await second.api.delete(f"/api/workspaces/{user.workspace_id}/members/{co_id}")
    assert r.status_code == 409  # now the last owner
    await second.close()


async def test_admin_limits_around_owners(app, user):
    admin = await join_as(app, user, "adam@example.com", "admin")
    ws = user.workspace_id
    owner_mid = await member_id(admin, ws, user.email)
    member = await join_as(app, user, "meg@example.com", "member")
    meg_mid = await member_id(admin, ws, "meg@example.com")
    assert (
        await admin.api.put(f"/api/workspaces/{ws}/members/{owner_mid}", json={"role": "member"})
    ).status_code == 403
    assert (await admin.api.delete(f"/api/workspaces/{ws}/members/{owner_mid}")).status_code == 403
    assert (
        await admin.api.put(f"/api/workspaces/{ws}/members/{meg_mid}", json={"role": "owner"})
    ).status_code == 403
    r = await admin.api.post(
        f"/api/workspaces/{ws}/invite", json={"email": "o@example.com", "role": "owner"}
    )
    assert r.status_code == 403
    r = await admin.api.put(f"/api/workspaces/{ws}/members/{meg_mid}", json={"role": "viewer"})
    assert r.status_code == 200 and r.json()["role"] == "viewer"
    # The admin's page offers no owner option and no controls on the owner's row.
    page = soup(await admin.web.get("/settings/members"))
    assert [o["value"] for o in page.select("#f-role option")] == ["admin", "member", "viewer"]
    assert page.select_one(f"#member-{owner_mid} select") is None
    await member.close()
    await admin.close()


async def test_role_change_through_htmx_and_plain_post(app, user):
    person = await join_as(app, user, "rita@example.com", "member")
    mid = await member_id(user, user.workspace_id, "rita@example.com")
    r = await user.post_form(
        f"/settings/members/{mid}/role", {"role": "admin"}, page="/settings/members", htmx=True
    )
    assert r.status_code == 200
    row = soup(r).select_one(f"tr#member-{mid}")
    assert row.select_one("option[selected]")["value"] == "admin" and "Saved" in row.text
    r = await user.post_form(
        f"/settings/members/{mid}/role", {"role": "viewer"}, page="/settings/members"
    )
    assert r.status_code == 303 and r.headers["location"] == "/settings/members"
    assert (await person.api.get("/api/auth/me")).json()["role"] == "viewer"
    r = await user.post_form(
        f"/settings/members/{mid}/role", {"role": "wizard"}, page="/settings/members", htmx=True
    )
    assert r.status_code == 422
    assert soup(r).select_one(f"#role-err-{mid}").text == "Choose owner, admin, member or viewer."
    await person.close()


async def test_remove_member_htmx_and_their_keys_are_revoked(app, user):
    person = await join_as(app, user, "kim@example.com", "admin")
    key = await person.create_api_key(["forms:read"])
    mid = await member_id(user, user.workspace_id, "kim@example.com")
    page = soup(await user.web.get("/settings/members"))
    remove = page.select_one(f"#member-{mid} form[action$='/remove']")
    assert remove["hx-confirm"] and remove["method"] == "post"
    r = await user.post_form(f"/settings/members/{mid}/remove", page="/settings/members", htmx=True)
    assert r.status_code == 200 and r.text == ""
    assert (await person.api.get(f"/api/workspaces/{user.workspace_id}/members")).status_code == 404
    async with person.key_client(key) as k:
        assert (await k.get("/api/forms")).status_code == 401
    me = (await person.api.get("/api/auth/me")).json()
    assert me["workspace"]["name"] == "kim@example.com home"
    await person.close()


async def test_member_can_leave_and_page_lists_pending(app, user):
    person = await join_as(app, user, "lee@example.com", "viewer")
    await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "wait@example.com"}
    )
    page = soup(await person.web.get("/settings/members"))
    assert (
        page.select_one("form[action='/settings/members/invite']") is None
    )  # viewers cannot invite
    pending = [tr for tr in page.select("tbody tr") if "wait@example.com" in tr.text]
    assert pending and "invited" in pending[0].text
    mid = await member_id(person, user.workspace_id, "lee@example.com")
    r = await person.post_form(f"/settings/members/{mid}/remove", page="/settings/members")
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert user.workspace_id not in {
        w["id"] for w in (await person.api.get("/api/workspaces")).json()["data"]
    }
    await person.close()


async def test_members_list_paginates(app, user):
    for i in range(3):
        await user.api.post(
            f"/api/workspaces/{user.workspace_id}/invite", json={"email": f"p{i}@example.com"}
        )
    r = await user.api.get(f"/api/workspaces/{user.workspace_id}/members?limit=2")
    first = r.json()
    assert len(first["data"]) == 2 and first["next_cursor"]
    r = await user.api.get(
        f"/api/workspaces/{user.workspace_id}/members?limit=2&cursor={first['next_cursor']}"
    )
    second = r.json()
    assert len(second["data"]) == 2 and second["next_cursor"] is None
    emails = [m["email"] for m in first["data"] + second["data"]]
    assert emails == ["alice@example.com", "p0@example.com", "p1@example.com", "p2@example.com"]


async def test_invite_through_htmx_swaps_the_members_section(app, db, user):
    r = await user.post_form(
        "/settings/members/invite",
        {"email": "hx@example.com", "role": "member"},
        page="/settings/members",
        htmx=True,
    )
    assert r.status_code == 200
    doc = soup(r)
    section = doc.select_one("div#members")
    assert (
        section is not None and doc.select_one("header.topbar") is None
    )  # the fragment, not the page
    notice = section.select_one("[role=status]").text
    assert "Invitation for hx@example.com created" in notice and "copy its invite link" in notice
    assert any("hx@example.com" in tr.text for tr in section.select("tbody tr"))
    assert section.select_one("#f-email")["value"] == ""  # a fresh form for the next invite
    r = await user.post_form(
        "/settings/members/invite",
        {"email": "hx@example.com", "role": "member"},
        page="/settings/members",
        htmx=True,
    )
    assert r.status_code == 200  # pending: a re-send, not an error
    assert len(await outbox(db, "hx@example.com")) == 2
    r = await user.post_form(
        "/settings/members/invite",
        {"email": "alice@example.com", "role": "member"},
        page="/settings/members",
        htmx=True,
    )
    assert r.status_code == 422
    doc = soup(r)
    assert doc.select_one("#e-email").text == "Already a member."
    assert doc.select_one("#f-email")["value"] == "alice@example.com"
    assert doc.select_one("#f-email")["aria-describedby"].startswith("e-email")


async def test_invites_are_capped_per_hour(app, user, monkeypatch, freeze_clock):
    from app.services.accounts import members

    monkeypatch.setattr(members, "INVITES_PER_HOUR", 3)
    for i in range(3):
        r = await user.api.post(
            f"/api/workspaces/{user.workspace_id}/invite", json={"email": f"s{i}@example.com"}
        )
        assert r.status_code == 201
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "s0@example.com"}
    )
    assert r.status_code == 429 and r.headers["Retry-After"] == "3600"  # re-sends count too
    freeze_clock.advance(hours=1, seconds=1)
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": "s3@example.com"}
    )
    assert r.status_code == 201
