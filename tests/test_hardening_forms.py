"""Forms and the pages around them, against an attacker (SPEC §4, §13): control
characters in form names, framing of the hosted page, ``next=`` redirects, and
bidi overrides / NUL in what people read."""

from __future__ import annotations

from tests.factory import make_form, submit
from tests.helpers import drain_jobs, soup
from tests.helpers_accounts import anonymous, page_csrf
from tests.helpers_agents import CFO_LEAD, make_agent_form

RLO, NUL = "\u202e", "\x00"


# -- control characters in form names ------------------------------------------------------


async def test_form_names_with_line_breaks_or_control_characters_are_refused(app, user):
    for name in ("Demo\r\nBcc: victim@example.com", "Tab\there", "Nul\x00", "C1\x85inside"):
        r = await user.api.post("/api/forms", json={"name": name, "fields": []})
        assert r.status_code == 422, repr(name)
        assert "control characters" in r.json()["error"]["fields"]["name"], repr(name)
    form = await make_form(user)
    r = await user.api.put(f"/api/forms/{form['id']}", json={"name": "Two\nlines"})
    assert r.status_code == 422 and "name" in r.json()["error"]["fields"]
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["name"] == "Demo request"


async def test_the_editor_shows_the_control_character_error_beside_the_name(app, user):
    form = await make_form(user)
    r = await user.post_form(
        f"/forms/{form['id']}/settings",
        {"_section": "details", "name": "Demo\rrequest", "slug": form["slug"], "type": "general"},
        htmx=True,
    )
    assert r.status_code == 422
    error = soup(r).select_one("#det-name-error")
    assert error is not None and "control characters" in error.get_text()


# -- framing the hosted page --------------------------------------------------------------------


def _frame_ancestors(response) -> str:
    policy = response.headers["content-security-policy"]
    return next(p.strip() for p in policy.split(";") if p.strip().startswith("frame-ancestors"))


async def test_only_the_allowed_origins_may_frame_the_hosted_page(app, client, user):
    shop = await make_form(
        user, security={"allowed_origins": ["https://shop.example.com"]}, name="Shop"
    )
    page = await client.get(f"/f/{shop['id']}")
    assert page.status_code == 200
    assert _frame_ancestors(page) == "frame-ancestors 'self' https://shop.example.com"
    posted = await client.post(f"/f/{shop['id']}", data={"email": "not an email"})
    assert posted.status_code == 422
    assert _frame_ancestors(posted) == "frame-ancestors 'self' https://shop.example.com"
    fragment = await client.post(
        f"/f/{shop['id']}", data={"email": "nope"}, headers={"HX-Request": "true"}
    )
    assert _frame_ancestors(fragment) == "frame-ancestors 'self' https://shop.example.com"
    anywhere = await make_form(user, name="Anywhere")
    assert _frame_ancestors(await client.get(f"/f/{anywhere['id']}")) == "frame-ancestors *"


# -- next= only to paths of this site -----------------------------------------------------------


async def _broadcast_submissions(app, client, user, count: int) -> list[str]:
    handler = await user.api.post(
        "/api/handlers",
        json={"type": "human", "name": "Me", "email": "me@x.test", "account_id": user.account_id},
    )
    hid = handler.json()["id"]
    group = await user.api.post(
        "/api/handler-groups", json={"name": "All", "routing_strategy": "broadcast"}
    )
    gid = group.json()["id"]
    r = await user.api.post(f"/api/handler-groups/{gid}/members", json={"handler_id": hid})
    assert r.status_code in (200, 201), r.text
    form = await make_form(user, assignment={"type": "group", "id": gid})
    sids = []
    for i in range(count):
        r = await submit(client, form["id"], {"email": f"lead{i}@example.com"})
        sids.append(r.json()["submission_id"])
    await drain_jobs(app)
    return sids


async def test_claim_next_never_leaves_the_site(app, client, user):
    targets = (
        "https://evil.example/phish",
        "//evil.example",
        "/\t/evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
    )
    sids = await _broadcast_submissions(app, client, user, len(targets) + 1)
    for sid, target in zip(sids, targets, strict=False):  # a claim is once per submission
        r = await user.post_form(
            f"/submissions/{sid}/claim", params={"next": target}, page=f"/submissions/{sid}"
        )
        assert r.status_code == 303, target
        assert r.headers["location"] == f"/submissions/{sid}", target
    last = sids[-1]
    r = await user.post_form(
        f"/submissions/{last}/claim", params={"next": "/work"}, page=f"/submissions/{last}"
    )
    assert r.headers["location"] == "/work"


async def test_login_next_never_leaves_the_site(app, user):
    for target, expected in (
        ("https://evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("/forms", "/forms"),
    ):
        browser = anonymous(app)
        body = {"email": user.email, "password": user.password, "next": target}
        r = await browser.post(
            "/login", data={**body, "csrf_token": await page_csrf(browser, "/login")}
        )
        assert r.status_code == 303 and r.headers["location"] == expected, target
        again = await browser.get("/login", params={"next": "//evil.example"})  # logged in now
        assert again.status_code == 303 and again.headers["location"] == "/"
        await browser.aclose()


# -- bidi overrides and NUL where people read submissions ---------------------------------------


async def test_bidi_overrides_and_nul_are_shown_escaped_on_the_submission_page(app, client, user):
    form = await make_form(user)
    spoof = f"Invoice{RLO}fdp.exe{NUL}"
    r = await submit(client, form["id"], {"email": "x@example.com", "name": spoof})
    sid = r.json()["submission_id"]
    page = await user.web.get(f"/submissions/{sid}")
    text = soup(page).get_text()
    assert "Invoice\\u202efdp.exe\\u0000" in text
    assert RLO not in page.text and NUL not in page.text
    listing = await user.web.get("/submissions")
    assert RLO not in listing.text
    spoofed_email = f"{RLO}moc.evil@example.com"
    r = await submit(client, form["id"], {"email": spoofed_email, "name": "Eve"})
    assert r.status_code == 201, r.text
    for path in ("/submissions", "/live", f"/submissions/{r.json()['submission_id']}"):
        page = await user.web.get(path)
        assert page.status_code == 200 and RLO not in page.text, path
        if path != "/submissions":  # the list shows the contact's name there
            assert "\\u202emoc.evil@example.com" in page.text, path
    stored = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert stored["data"]["name"] == spoof  # stored as sent, only the display escapes


async def test_bidi_overrides_are_shown_escaped_on_the_draft_pages(app, user, db):
    form = await make_agent_form(user, autonomy="draft")
    lead = {**CFO_LEAD, "message": f"Please call {RLO}1234 urgently"}
    r = await user.web.post(f"/api/submissions/{form['id']}", json=lead)
    assert r.status_code == 201, r.text
    await drain_jobs(app)
    draft_id = await db.fetchval("SELECT id FROM drafts")
    for path in ("/drafts", f"/drafts/{draft_id}"):
        page = await user.web.get(path)
        assert page.status_code == 200
        assert RLO not in page.text, path
    detail = await user.web.get(f"/drafts/{draft_id}")
    assert "\\u202e1234" in soup(detail).get_text()
