"""Partial submissions (SPEC §17): saved once an email is typed, updated through the
resume token, removed by the completed submission, abandoned after the form's delay
(event, one follow-up email through the outbox), listed in the API and on the form's
Abandoned view, purged after 30 days."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from aiosmtpd.controller import Controller

from app.db import loads
from app.services.capture.partials import abandon_partials
from app.services.mail.suppression import suppress_tx
from tests.conftest import free_port, make_settings
from tests.factory import make_form, make_viewer, submit, submitted
from tests.helpers import drain_jobs, soup

FIELDS = [
    {"name": "email", "type": "email", "label": "Work email", "required": True},
    {"name": "full_name", "type": "text", "label": "Your name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "budget", "type": "select", "label": "Budget", "options": ["Small", "Large"]},
]
FOLLOW_UP = {
    "enabled": True,
    "subject": "Still there, {{first_name|friend}}?",
    "body": "You left {{form_name}} at {{page_url}}. Company: {{data.company|unknown}}",
}


class Inbox:
    """A real SMTP server's mailbox (aiosmtpd): the follow-up goes over the wire."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf8", "replace")))
        return "250 Message accepted"


@pytest.fixture
def inbox():
    box, port = Inbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.url = f"smtp://127.0.0.1:{port}"
    yield box
    controller.stop()


@pytest.fixture
def settings(tmp_path, inbox):
    return make_settings(tmp_path, smtp_url=inbox.url)


async def partial_form(user, **partials) -> dict:
    return await make_form(
        user, name="Quote", fields=FIELDS, partials={"enabled": True, **partials}
    )


def save(user, form_id: str, data: dict, headers: dict | None = None, **extra):
    return user.web.post(
        f"/api/forms/{form_id}/partials", json={"data": data, **extra}, headers=headers
    )


async def listed(user, form_id: str, status: str = "") -> list[dict]:
    r = await user.api.get(
        f"/api/forms/{form_id}/partials", params={"status": status} if status else {}
    )
    assert r.status_code == 200, r.text
    return r.json()["data"]


def ctx(app):
    return SimpleNamespace(db=app.state.db, settings=app.state.settings)


async def test_a_partial_is_saved_updated_with_its_token_and_removed_by_the_submission(user):
    form = await partial_form(user)
    r = await save(user, form["id"], {"email": "ada@example.com", "full_name": "Ada Lovelace"})
    assert r.status_code == 200, r.text
    token = r.json()["resume_token"]
    assert len(token) >= 24
    r = await save(
        user,
        form["id"],
        {"email": "ada@example.com", "full_name": "Ada Lovelace", "company": "Engines"},
        resume_token=token,
        page_url="https://www.example.com/quote",
    )
    assert r.json() == {"resume_token": token}
    [partial] = await listed(user, form["id"])
    assert partial["status"] == "open"
    assert (partial["email"], partial["name"]) == ("ada@example.com", "Ada Lovelace")
    assert partial["data"]["company"] == "Engines"
    assert partial["progress"] == "Last answered “Company”"
    assert partial["page_url"] == "https://www.example.com/quote"
    assert "resume_token" not in partial and "token_hash" not in partial
    stored = await user.app.state.db.fetchval(
        "SELECT token_hash FROM partial_submissions WHERE id = ?", (partial["id"],)
    )
    assert stored != token  # only the hash is kept

    # a submission with another token leaves it; the one carrying its token removes it
    await submitted(user, form["id"], {"email": "bob@example.com", "_resume_token": "nope"})
    assert len(await listed(user, form["id"])) == 1
    await submitted(
        user, form["id"], {"email": "ada@example.com", "company": "Engines", "_resume_token": token}
    )
    assert await listed(user, form["id"]) == []


async def test_a_save_needs_a_valid_email_and_partials_switched_on(user):
    form = await partial_form(user)
    r = await save(user, form["id"], {"email": "ada@", "full_name": "Ada"})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "email_required"
    assert "valid email" in r.json()["error"]["message"]
    assert await listed(user, form["id"]) == []

    plain = await make_form(user, name="Plain", fields=FIELDS)
    r = await save(user, plain["id"], {"email": "ada@example.com"})
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "partials_disabled"
    assert "partial submissions are off" in r.json()["error"]["message"]


async def test_the_save_is_origin_checked_and_rate_limited_per_network(user):
    form = await partial_form(user, abandon_after_minutes=60)
    r = await user.api.put(
        f"/api/forms/{form['id']}", json={"security": {"allowed_origins": ["https://shop.example"]}}
    )
    assert r.status_code == 200, r.text
    data = {"email": "ada@example.com"}
    r = await save(user, form["id"], data, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = await save(user, form["id"], data, headers={"Origin": "https://shop.example"})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://shop.example"
    pre = await user.web.options(
        f"/api/forms/{form['id']}/partials", headers={"Origin": "https://shop.example"}
    )
    assert pre.status_code == 204 and "POST" in pre.headers["access-control-allow-methods"]
    for _ in range(29):
        assert (await save(user, form["id"], data)).status_code == 200
    r = await save(user, form["id"], data)
    assert r.status_code == 429 and r.headers["retry-after"]
    big = await user.web.post(
        f"/api/forms/{form['id']}/partials",
        json={"data": {"email": "ada@example.com", "company": "x" * 20000}},
    )
    assert big.status_code == 413


async def test_an_abandoned_partial_emits_the_event_and_one_follow_up_email(
    app, user, freeze_clock, inbox
):
    form = await partial_form(user, abandon_after_minutes=30, follow_up=FOLLOW_UP)
    r = await save(
        user,
        form["id"],
        {"email": "ada@example.com", "full_name": "Ada Lovelace", "company": "Engines"},
        page_url="https://www.example.com/quote",
    )
    assert r.status_code == 200
    freeze_clock.advance(minutes=29)
    assert await abandon_partials(ctx(app)) == 0
    assert len(await listed(user, form["id"], "open")) == 1
    freeze_clock.advance(minutes=2)
    assert await abandon_partials(ctx(app)) == 1
    assert await listed(user, form["id"], "open") == []
    [gone] = await listed(user, form["id"], "abandoned")
    assert gone["abandoned_at"] and gone["follow_up"]["status"] == "queued"

    events = await app.state.db.fetchall(
        "SELECT form_id, details FROM events WHERE workspace_id = ? AND type = 'submission_abandoned'",
        (user.workspace_id,),
    )
    assert [e["form_id"] for e in events] == [form["id"]]
    details = loads(events[0]["details"])
    assert details["email"] == "ada@example.com" and details["follow_up"] is True
    assert details["progress"] == "Last answered “Company”"

    emails = await app.state.db.fetchall(
        "SELECT to_addr, subject, body_text, kind FROM emails WHERE workspace_id = ?",
        (user.workspace_id,),
    )
    assert emails == [
        {
            "to_addr": "ada@example.com",
            "subject": "Still there, Ada?",
            "body_text": "You left Quote at https://www.example.com/quote. Company: Engines",
            "kind": "marketing",
        }
    ]
    # once: later ticks, the visitor typing again, or starting over elsewhere send no more
    token = r.json()["resume_token"]
    r = await save(user, form["id"], {"email": "ada@example.com"}, resume_token=token)
    assert r.json() == {"resume_token": token}
    freeze_clock.advance(minutes=90)
    assert await abandon_partials(ctx(app)) == 0
    await save(user, form["id"], {"email": "ADA@example.com"})  # another device: a new partial
    freeze_clock.advance(minutes=31)
    assert await abandon_partials(ctx(app)) == 1
    await drain_jobs(app)
    sent = await app.state.db.fetchall(
        "SELECT status FROM emails WHERE workspace_id = ?", (user.workspace_id,)
    )
    assert sent == [{"status": "sent"}]
    assert [p["follow_up"]["text"] for p in await listed(user, form["id"], "abandoned")] == [
        "Follow-up sent",
        "Follow-up sent",
    ]
    [(to, message)] = inbox.messages
    assert to == ["ada@example.com"] and "Still there, Ada?" in message
    assert "List-Unsubscribe" in message  # marketing mail: unsubscribe link and footer


async def test_the_follow_up_respects_the_suppression_list(app, user, freeze_clock, inbox):
    form = await partial_form(user, follow_up=FOLLOW_UP)
    await app.state.db.write(
        lambda conn: suppress_tx(conn, user.workspace_id, "li@example.com", "unsubscribed")
    )
    await save(user, form["id"], {"email": "li@example.com"})
    freeze_clock.advance(minutes=31)
    assert await abandon_partials(ctx(app)) == 1
    await drain_jobs(app)
    [gone] = await listed(user, form["id"], "abandoned")
    assert gone["follow_up"]["text"] == "Follow-up not sent (the address opted out)"
    assert inbox.messages == []


async def test_no_follow_up_when_it_is_off_or_the_visitor_sent_the_form_after_all(
    app, user, freeze_clock
):
    form = await partial_form(user)
    await save(user, form["id"], {"email": "ada@example.com"})
    await save(user, form["id"], {"email": "li@example.com"})
    await submitted(user, form["id"], {"email": "li@example.com"})  # on another device: no token
    freeze_clock.advance(minutes=31)
    assert await abandon_partials(ctx(app)) == 2
    [gone] = await listed(user, form["id"], "abandoned")
    assert gone["email"] == "ada@example.com"
    assert gone["follow_up"] == {"email_id": None, "status": None, "text": "No follow-up"}
    assert await app.state.db.fetchval("SELECT COUNT(*) FROM emails WHERE kind = 'marketing'") == 0

    freeze_clock.advance(days=29)
    await abandon_partials(ctx(app))
    count = "SELECT COUNT(*) FROM partial_submissions"
    assert await app.state.db.fetchval(count) == 1
    freeze_clock.advance(days=2)
    await abandon_partials(ctx(app))
    assert await app.state.db.fetchval(count) == 0  # purged after 30 days


async def test_the_list_filters_pages_and_refuses_an_unknown_status(user):
    form = await partial_form(user)
    for who in ("a", "b", "c"):
        await save(user, form["id"], {"email": f"{who}@example.com"})
    r = await user.api.get(f"/api/forms/{form['id']}/partials", params={"limit": 2})
    first = r.json()
    assert [p["email"] for p in first["data"]] == ["c@example.com", "b@example.com"]
    r = await user.api.get(
        f"/api/forms/{form['id']}/partials", params={"limit": 2, "cursor": first["next_cursor"]}
    )
    assert [p["email"] for p in r.json()["data"]] == ["a@example.com"]
    assert r.json()["next_cursor"] is None
    r = await user.api.get(f"/api/forms/{form['id']}/partials", params={"status": "lost"})
    assert r.status_code == 422 and "status" in r.json()["error"]["fields"]


async def test_the_abandoned_view_says_who_how_far_when_and_the_follow_up(app, user, freeze_clock):
    steps = [
        {"title": "You", "fields": ["email", "full_name"]},
        {"title": "Company", "fields": ["company"]},
        {"title": "Budget", "fields": ["budget"]},
    ]
    form = await partial_form(user, follow_up=FOLLOW_UP)
    r = await user.api.put(f"/api/forms/{form['id']}", json={"steps": steps})
    assert r.status_code == 200, r.text
    await save(
        user,
        form["id"],
        {"email": "ada@example.com", "full_name": "Ada Lovelace", "company": "Engines"},
    )
    await save(user, form["id"], {"email": "li@example.com"})
    freeze_clock.advance(minutes=31)
    await abandon_partials(ctx(app))

    page = soup(await user.web.get(f"/forms/{form['id']}/abandoned"))
    rows = page.select("table tbody tr")
    text = [" ".join(r.get_text(" ", strip=True).split()) for r in rows]
    assert len(rows) == 2
    ada = next(t for t in text if "ada@example.com" in t)
    assert "Ada Lovelace" in ada and "Stopped at step 2 of 3" in ada
    assert "Follow-up queued" in ada and "Your name" in ada  # answers under their labels
    assert "full_name" not in ada
    li = next(t for t in text if "li@example.com" in t)
    assert "Stopped at step 1 of 3" in li
    assert page.select_one("table time")["datetime"]

    open_page = soup(await user.web.get(f"/forms/{form['id']}/abandoned?status=open"))
    assert open_page.select("table tbody tr") == []
    assert "Nobody is filling it in" in open_page.get_text()

    # linked from the form's submissions list
    listing = soup(await user.web.get(f"/submissions?form={form['id']}"))
    assert listing.select_one(f"a[href='/forms/{form['id']}/abandoned']")

    viewer = await make_viewer(app)
    r = await viewer.web.get(f"/forms/{form['id']}/abandoned")
    assert r.status_code == 404  # another workspace's form
    await viewer.close()


async def test_the_editor_turns_partials_on_and_checks_the_follow_up_text(user):
    form = await make_form(user, name="Quote", fields=FIELDS)
    editor = soup(await user.web.get(f"/forms/{form['id']}"))
    assert editor.select_one("#sec-partials input[name=partials_enabled]")
    post = {
        "_section": "partials",
        "partials_enabled": "on",
        "abandon_after_minutes": "45",
        "follow_up_enabled": "on",
        "follow_up.subject": "Finish {{form_name}}",
        "follow_up.body": "Hi {% if x %}",
    }
    r = await user.post_form(f"/forms/{form['id']}/settings", post, page=f"/forms/{form['id']}")
    assert r.status_code == 422
    error = soup(r).select_one("#sec-partials .error")
    assert error and "{{variable}}" in error.get_text()
    post["follow_up.body"] = "Hi {{first_name|there}}, finish it at {{page_url}}"
    r = await user.post_form(f"/forms/{form['id']}/settings", post, page=f"/forms/{form['id']}")
    assert r.status_code == 303
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()["partials"]
    assert saved == {
        "enabled": True,
        "abandon_after_minutes": 45,
        "follow_up": {
            "enabled": True,
            "subject": "Finish {{form_name}}",
            "body": "Hi {{first_name|there}}, finish it at {{page_url}}",
        },
    }
    schema = (await user.web.get(f"/api/forms/{form['id']}/schema")).json()
    assert schema["partials"] is True


async def test_the_api_bounds_the_delay_and_shows_defaults(user):
    form = await make_form(user, name="Quote", fields=FIELDS)
    assert form["partials"]["enabled"] is False
    assert form["partials"]["abandon_after_minutes"] == 30
    r = await user.api.put(
        f"/api/forms/{form['id']}", json={"partials": {"enabled": True, "abandon_after_minutes": 1}}
    )
    assert r.status_code == 422
    assert "abandon_after_minutes" in str(r.json()["error"]["fields"])
    r = await submit(user, form["id"], {"email": "x@example.com", "_resume_token": None})
    assert r.status_code == 201
