"""The outbox (SPEC §8, §12): /api/emails with filters and cursor pages, one email
exactly as sent, resending a failed one (members only), the /outbox pages with
the no-SMTP banner, and emails on the contact timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.db import new_id
from app.services.mail.outbox import queue_email
from tests.conftest import free_port
from tests.factory import make_contact, make_form, submitted
from tests.helpers import User, drain_jobs, soup
from tests.helpers_accounts import join_as
from tests.helpers_platform import running_app
from tests.test_mail_delivery import Inbox, start_smtp


async def queue(app, who, to, *, subject="Hello", kind="transactional", contact_id=None, **kw):
    return await app.state.db.write(
        lambda conn: queue_email(
            conn,
            who.workspace_id,
            to=to,
            subject=subject,
            body_text=kw.pop("text", "Plain body"),
            dedupe_key=new_id("key"),
            kind=kind,
            contact_id=contact_id,
            **kw,
        )
    )


async def test_api_lists_filters_and_pages_the_workspace_emails(app, two_workspaces, freeze_clock):
    alice, bob = two_workspaces
    freeze_clock.tick = timedelta(milliseconds=10)  # each email a moment after the last
    contact = await make_contact(alice, "dana@example.com", name="Dana Scully")
    first = await queue(app, alice, "dana@example.com", contact_id=contact["id"], kind="marketing")
    second = await queue(app, alice, "fox@example.com")
    third = await queue(app, alice, "walter@example.com")
    foreign = await queue(app, bob, "bob-lead@example.com")

    body = (await alice.api.get("/api/emails")).json()
    assert [e["id"] for e in body["data"]] == [third, second, first]
    assert set(body["data"][0]) == {
        "id", "to", "subject", "kind", "status", "attempts", "contact_id", "submission_id",
        "error", "created_at", "sent_at",
    }  # fmt: skip
    page1 = (await alice.api.get("/api/emails?limit=2")).json()
    assert [e["id"] for e in page1["data"]] == [third, second] and page1["next_cursor"]
    page2 = (await alice.api.get(f"/api/emails?limit=2&cursor={page1['next_cursor']}")).json()
    assert [e["id"] for e in page2["data"]] == [first] and page2["next_cursor"] is None

    marketing = (await alice.api.get("/api/emails?kind=marketing")).json()["data"]
    assert [e["id"] for e in marketing] == [first]
    by_contact = (await alice.api.get(f"/api/emails?contact={contact['id']}")).json()["data"]
    assert [e["id"] for e in by_contact] == [first]
    assert (await alice.api.get("/api/emails?status=queued")).json()["data"][0][
        "status"
    ] == "queued"
    assert (await alice.api.get("/api/emails?status=sent")).json()["data"] == []

    r = await alice.api.get("/api/emails?status=lost&kind=spam")
    assert r.status_code == 422
    assert set(r.json()["error"]["fields"]) == {"status", "kind"}
    assert (await alice.api.get("/api/emails?cursor=garbage")).status_code == 400
    # Another workspace's email: 404, and never in the list.
    assert (await alice.api.get(f"/api/emails/{foreign}")).status_code == 404
    assert foreign not in {e["id"] for e in body["data"]}


async def test_one_email_reads_exactly_as_it_would_be_sent(app, user):
    await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"postal_address": "1 Main St, Springfield"}},
    )
    contact = await make_contact(user, "dana@example.com")
    email_id = await queue(
        app,
        user,
        "dana@example.com",
        subject="Spring <news>",
        kind="marketing",
        contact_id=contact["id"],
        text="",
        body_html="<p>Hello <b>Dana</b></p><script>alert(1)</script>",
    )
    one = (await user.api.get(f"/api/emails/{email_id}")).json()
    headers = dict(one["headers"])
    assert headers["To"] == "dana@example.com" and headers["Subject"] == "Spring <news>"
    assert headers["List-Unsubscribe"].startswith("<http://testserver/unsubscribe/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The text part is derived from the HTML; the footer is in both.
    assert one["text"].startswith("Hello Dana") and "alert" not in one["text"]
    assert "1 Main St, Springfield" in one["text"] and "1 Main St, Springfield" in one["html"]

    page = await user.web.get(f"/outbox/{email_id}")
    assert page.status_code == 200
    html = soup(page)
    assert html.select_one("h1").text == "Spring <news>"  # escaped, shown as written
    assert "<script>alert" not in page.text
    frame = html.select_one("iframe.email-frame")
    assert (
        frame.has_attr("sandbox")
        and not frame["sandbox"]
        and "Hello <b>Dana</b>" in frame["srcdoc"]
    )
    assert "List-Unsubscribe-Post" in html.select_one("#email-headers").text
    assert "Hello Dana" in html.select_one("#email-text").text
    assert "No SMTP server is configured" in page.text
    assert (await user.web.get("/outbox/email_doesnotexist0000")).status_code == 404


async def test_outbox_page_lists_filters_and_explains_kept_mail(app, user, freeze_clock):
    freeze_clock.tick = timedelta(milliseconds=10)
    await queue(app, user, "dana@example.com", subject="Welcome aboard", kind="marketing")
    await queue(app, user, "fox@example.com", subject="Your receipt")
    page = await user.web.get("/outbox")
    assert page.status_code == 200
    banner = soup(page).select_one("#no-smtp")
    assert "kept here, not sent" in banner.text
    assert banner.select_one("a")["href"] == "/settings/members"  # where invite links are copied
    postal = soup(page).select_one("#no-postal-address")
    assert postal.select_one("a")["href"] == "/settings/workspace"
    rows = soup(page).select("#outbox-table tbody tr")
    assert [r.select("td")[2].text.strip() for r in rows] == ["Your receipt", "Welcome aboard"]
    assert "Marketing" in rows[1].text and "Queued" in rows[1].text

    filtered = await user.web.get("/outbox?kind=marketing", headers={"HX-Request": "true"})
    assert filtered.text.lstrip().startswith('<div id="outbox-table">')  # the fragment
    assert "Welcome aboard" in filtered.text and "Your receipt" not in filtered.text
    bad = await user.web.get("/outbox?status=lost")
    assert bad.status_code == 200 and "Use one of" in bad.text  # the filter is reset, not a 500
    empty = await user.web.get("/outbox?status=sent")
    assert "No emails match these filters" in empty.text


async def test_an_invite_without_smtp_shows_in_the_outbox(app, user):
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite",
        json={"email": "newbie@example.com", "role": "member"},
    )
    assert r.status_code == 201
    data = (await user.api.get("/api/emails")).json()["data"]
    assert [e["to"] for e in data] == ["newbie@example.com"]
    detail = (await user.api.get(f"/api/emails/{data[0]['id']}")).json()
    assert "/invite/" in detail["text"]
    assert detail["why"] == "An invitation to join the workspace."
    page = await user.web.get(f"/outbox/{data[0]['id']}")
    assert "An invitation to join the workspace." in page.text


@pytest.fixture
def refusing_smtp():
    port = free_port()
    inbox = Inbox(refuse={"typo@example.com"})
    controller = start_smtp(port, inbox)
    inbox.url = f"smtp://127.0.0.1:{port}"
    yield inbox
    controller.stop()


async def test_resend_a_failed_email_members_only(tmp_path, refusing_smtp):
    async with running_app(tmp_path, smtp_url=refusing_smtp.url) as app:
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        failed = await queue(app, owner, "typo@example.com", subject="Your receipt")
        delivered = await queue(app, owner, "fox@example.com")
        await drain_jobs(app)
        viewer = await join_as(app, owner, "viola@example.net", "viewer")
        await drain_jobs(app)  # the invite notice

        page = soup(await viewer.web.get(f"/outbox/{failed}"))
        assert page.select_one("form[action$='/resend']") is None  # viewers get no button
        r = await viewer.post_form(f"/outbox/{failed}/resend")
        assert r.status_code == 403
        assert (await viewer.api.post(f"/api/emails/{failed}/resend")).status_code == 403

        page = soup(await owner.web.get(f"/outbox/{failed}"))
        assert "550" in page.text and page.select_one("form[action$='/resend']") is not None
        r = await owner.post_form(f"/outbox/{failed}/resend")
        assert r.status_code == 303 and r.headers["location"] == f"/outbox/{failed}"
        row = await app.state.db.fetchone("SELECT status FROM emails WHERE id = ?", (failed,))
        assert row["status"] == "queued"
        refusing_smtp.refuse.clear()  # the address was fixed on the server's side
        await drain_jobs(app)
        assert (await owner.api.get(f"/api/emails/{failed}")).json()["status"] == "sent"
        assert "typo@example.com" in [m["to"][0] for m in refusing_smtp.messages]

        r = await owner.api.post(f"/api/emails/{delivered}/resend")
        assert r.status_code == 409 and "sent" in r.json()["error"]["message"]
        assert (await owner.api.post("/api/emails/email_nope00000000000/resend")).status_code == 404
        await owner.close()
        await viewer.close()


async def test_contact_timeline_shows_emails_readably_with_a_link(app, user):
    contact = await make_contact(user, "dana@example.com", name="Dana Scully")
    email_id = await queue(
        app, user, "dana@example.com", subject="Your guide", contact_id=contact["id"],
        kind="marketing", text="Here is the guide you asked for.",
    )  # fmt: skip
    page = soup(await user.web.get(f"/contacts/{contact['id']}"))
    item = page.select_one("li[data-kind=email]")
    assert item.select_one("a")["href"] == f"/outbox/{email_id}"
    assert "Marketing email to dana@example.com: Your guide" in item.text
    assert "Here is the guide you asked for." in item.text and "queued" in item.text


async def test_a_team_notification_reads_as_sent_to_the_team_about_the_contact(app, user):
    hana = await user.api.post(
        "/api/handlers", json={"type": "human", "name": "Hana", "email": "hana@acme.test"}
    )
    form = await make_form(user, auto={"notify_handler_ids": [hana.json()["id"]]})
    await submitted(user, form["id"], {"email": "lead@example.net", "name": "Lee Lead"})
    await drain_jobs(app)
    r = await user.api.get("/api/emails", params={"kind": "notification"})
    assert r.status_code == 200
    assert [e["to"] for e in r.json()["data"]] == ["hana@acme.test"]
    row = soup(await user.web.get("/outbox", params={"kind": "notification"})).select_one(
        "tbody tr"
    )
    assert "Team notification" in row.text
    assert "hana@acme.test" in row.text and "about" in row.text and "Lee Lead" in row.text
