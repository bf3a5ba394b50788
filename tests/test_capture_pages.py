"""The hosted form's plain POST (JavaScript off, and HTMX) and the spam log page."""

from __future__ import annotations

import httpx

from tests.factory import make_form, set_form, submit
from tests.helpers import soup


async def test_hosted_post_errors_inline_with_input_kept(app, client, db, user):
    form = await make_form(user)
    r = await client.post(
        f"/f/{form['id']}", data={"email": "nope", "name": "<b>Ada</b>", "_hp": ""}
    )
    assert r.status_code == 422
    page = soup(r)
    error = page.select_one(".fa-field-email .fa-error")
    assert error is not None and "name@example.com" in error.text
    email_input = page.select_one("input[name=email]")
    assert email_input["value"] == "nope" and email_input["aria-invalid"] == "true"
    assert error["id"] in email_input["aria-describedby"]
    assert (
        page.select_one("input[name=name]")["value"] == "<b>Ada</b>" and "<b>Ada</b>" not in r.text
    )
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 0


async def test_hosted_post_success_shows_thank_you(app, client, db, user):
    form = await make_form(user, response={"thank_you_message": "Merci, we will call you."})
    r = await client.post(f"/f/{form['id']}", data={"email": "ok@x.test", "_hp": ""})
    assert r.status_code == 200
    assert soup(r).select_one(".fa-done .fa-message").text.strip() == "Merci, we will call you."
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 1
    # double click: the duplicate still looks like success, stored once
    again = await client.post(f"/f/{form['id']}", data={"email": "ok@x.test"})
    assert again.status_code == 200 and soup(again).select_one(".fa-done")
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 1


async def test_hosted_post_redirects_when_configured(app, client, user):
    form = await make_form(user, response={"redirect_url": "https://customer.test/thanks"})
    r = await client.post(f"/f/{form['id']}", data={"email": "r@x.test"})
    assert r.status_code == 303 and r.headers["location"] == "https://customer.test/thanks"
    hx = await client.post(
        f"/f/{form['id']}", data={"email": "s@x.test"}, headers={"HX-Request": "true"}
    )
    assert hx.headers["hx-redirect"] == "https://customer.test/thanks"


async def test_hosted_htmx_gets_the_fragment(app, client, user):
    form = await make_form(user)
    r = await client.post(f"/f/{form['id']}", data={"email": "bad"}, headers={"HX-Request": "true"})
    assert (
        r.status_code == 422
        and "<html" not in r.text
        and soup(r).select_one("form.fa-form .fa-error")
    )
    ok = await client.post(
        f"/f/{form['id']}", data={"email": "good@x.test"}, headers={"HX-Request": "true"}
    )
    assert ok.status_code == 200 and soup(ok).select_one(".fa-done")


async def test_hosted_rate_limit_message(app, client, user):
    form = await make_form(user)
    await set_form(app, form["id"], security={"max_submissions_per_ip": 1})
    assert (await client.post(f"/f/{form['id']}", data={"email": "1@x.test"})).status_code == 200
    r = await client.post(f"/f/{form['id']}", data={"email": "2@x.test"})
    assert r.status_code == 429 and "try again later" in soup(r).select_one(".fa-message").text
    assert soup(r).select_one("input[name=email]")["value"] == "2@x.test"


async def test_hosted_post_on_paused_or_unknown_form(app, client, user):
    form = await make_form(user)
    await set_form(app, form["id"], status="paused")
    r = await client.post(f"/f/{form['id']}", data={"email": "a@x.test"})
    assert r.status_code == 410 and "not available" in r.text
    assert (
        await client.post("/f/form_unknown0000000", data={"email": "a@x.test"})
    ).status_code == 404


async def test_hosted_post_without_csrf_is_accepted_cross_site(app, user):
    form = await make_form(user)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as stranger:
        r = await stranger.post(
            f"/f/{form['id']}",
            data={"email": "far@x.test"},
            headers={"origin": "https://customer.test", "sec-fetch-site": "cross-site"},
        )
    assert r.status_code == 200


async def test_spam_log_page_lists_rejections(app, client, user):
    form = await make_form(user)
    await submit(client, form["id"], {"email": "bot@x.test", "_hp": "gotcha"})
    await submit(client, form["id"], {"email": "d@x.test"})
    await submit(client, form["id"], {"email": "d@x.test"})
    r = await user.web.get(f"/forms/{form['id']}/spam")
    assert r.status_code == 200
    rows = soup(r).select("#blocked-log tbody tr")
    assert len(rows) == 2
    text = " ".join(row.text for row in rows)
    assert "honeypot" in text and "duplicate" in text and "d@x.test" in text


async def test_spam_log_page_of_another_workspace_is_404(app, two_workspaces):
    alice, bob = two_workspaces
    form = await make_form(alice)
    assert (await bob.web.get(f"/forms/{form['id']}/spam")).status_code == 404
    empty = await alice.web.get(f"/forms/{form['id']}/spam")
    assert soup(empty).select_one(".empty") is not None
