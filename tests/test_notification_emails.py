"""Members' notification emails and Slack messages (SPEC §18)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from app.services.integrations import notify
from tests.conftest import make_settings
from tests.factory import make_form, make_viewer, submitted
from tests.helpers import drain_jobs, soup
from tests.helpers_webhooks import Receiver


@pytest.fixture
def settings(tmp_path):
    return make_settings(
        tmp_path, webhook_allow_private=True, webhook_timeout=2.0, webhook_concurrency=0
    )


async def my_handler(user, name="Alice at the desk"):
    r = await user.api.post(
        "/api/handlers", json={"type": "human", "name": name, "account_id": user.account_id}
    )
    assert r.status_code == 201, r.text
    return r.json()


async def emails_to(user, to: str) -> list[dict]:
    return [e for e in (await user.api.get("/api/emails")).json()["data"] if e["to"] == to]


async def set_prefs(user, **values):
    return await user.post_form("/settings/notifications", values, page="/settings/notifications")


async def test_each_new_assignment_emails_the_assignee(app, user):
    handler = await my_handler(user)
    form = await make_form(user, name="Demo", assignment={"type": "handler", "id": handler["id"]})
    sub_id = await submitted(
        user, form["id"], {"email": "jane@bigcorp.example", "name": "Jane Miller"}
    )
    await drain_jobs(app)
    [email] = [
        e
        for e in await emails_to(user, "alice@example.com")
        if e["subject"].startswith("New for you")
    ]
    assert email["subject"] == "New for you: Jane Miller — Demo"
    full = (await user.api.get(f"/api/emails/{email['id']}")).json()
    assert f"http://testserver/submissions/{sub_id}" in full["text"]
    assert "email: jane@bigcorp.example" in full["text"]
    # reprocessing does not assign anew, and never sends twice
    await user.api.post(f"/api/submissions/{sub_id}/reprocess", json={})
    await drain_jobs(app)
    again = [
        e
        for e in await emails_to(user, "alice@example.com")
        if e["subject"].startswith("New for you")
    ]
    assert len(again) == 1


async def test_none_and_digest_send_no_assignment_email(app, user):
    handler = await my_handler(user)
    form = await make_form(user, assignment={"type": "handler", "id": handler["id"]})
    r = await set_prefs(user, mode="none", timezone="Europe/Berlin", digest_hour="8")
    assert r.status_code == 303
    await submitted(user, form["id"], {"email": "a@example.com"})
    await set_prefs(user, mode="digest", timezone="Europe/Berlin", digest_hour="8")
    await submitted(user, form["id"], {"email": "b@example.com"})
    await drain_jobs(app)
    assert not [
        e
        for e in await emails_to(user, "alice@example.com")
        if e["subject"].startswith("New for you")
    ]


async def test_the_page_shows_and_checks_the_choice(app, user):
    page = soup(await user.web.get("/settings/notifications"))
    assert page.select_one("input[name=mode][value=each]").has_attr("checked")
    assert page.select_one("#f-timezone")["value"] == "UTC"
    bad = await set_prefs(user, mode="hourly", timezone="Mars/Olympus", digest_hour="25")
    assert bad.status_code == 422
    errors = soup(bad)
    assert "Choose each, digest or none." in errors.select_one("#e-mode").text
    assert "IANA time zone" in errors.select_one("#e-timezone").text
    await set_prefs(user, mode="digest", timezone="America/New_York", digest_hour="7")
    page = soup(await user.web.get("/settings/notifications"))
    assert page.select_one("input[name=mode][value=digest]").has_attr("checked")
    assert page.select_one("#f-timezone")["value"] == "America/New_York"
    assert page.select_one("#f-digest_hour option[selected]")["value"] == "7"


async def test_a_viewer_chooses_their_own_emails_but_not_slack(app, user):
    viewer = await make_viewer(app)
    r = await set_prefs(viewer, mode="none", timezone="UTC", digest_hour="8")
    assert r.status_code == 303
    r = await viewer.post_form(
        "/settings/notifications/slack",
        {"slack_workspace": "https://hooks.slack.com/x"},
        page="/settings/notifications",
    )
    assert r.status_code == 403
    await viewer.close()


async def test_the_daily_digest_arrives_once_at_the_members_local_hour(app, user, freeze_clock):
    freeze_clock.set(datetime(2026, 3, 2, 11, 30, tzinfo=UTC))  # 06:30 in New York
    handler = await my_handler(user)
    form = await make_form(user, name="Demo", assignment={"type": "handler", "id": handler["id"]})
    await set_prefs(user, mode="digest", timezone="America/New_York", digest_hour="7")
    await submitted(user, form["id"], {"email": "jane@bigcorp.example", "name": "Jane Miller"})
    await submitted(user, form["id"], {"email": "li@corp.example"})
    await drain_jobs(app)
    await app.state.db.execute(
        "INSERT INTO tasks (id, workspace_id, title, status, assignee_id, due_at, created_at, updated_at)"
        " VALUES ('task_overdue000000', ?, 'Call Jane back', 'open', ?, '2026-03-01T12:00:00.000Z', ?, ?)",
        (user.workspace_id, handler["id"], "2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.000Z"),
    )
    ctx = SimpleNamespace(db=app.state.db, settings=app.state.settings)
    assert await notify.send_digests(ctx) == 0  # 06:30 local: not yet
    freeze_clock.advance(minutes=31)
    assert await notify.send_digests(ctx) == 1
    assert await notify.send_digests(ctx) == 0  # once a day
    await drain_jobs(app)
    [digest] = [e for e in await emails_to(user, "alice@example.com") if "digest" in e["subject"]]
    assert digest["subject"] == "Your FormAgent digest: 2 new, 0 drafts waiting"
    text = (await user.api.get(f"/api/emails/{digest['id']}")).json()["text"]
    assert "New submissions in the last 24 hours: 2" in text
    assert "- Jane Miller — Demo" in text and "- li@corp.example — Demo" in text
    assert "Your overdue tasks: 1\n- Call Jane back" in text
    assert "http://testserver/drafts" in text
    freeze_clock.advance(hours=23)  # 06:01 next day local
    assert await notify.send_digests(ctx) == 0
    freeze_clock.advance(hours=1)
    assert await notify.send_digests(ctx) == 1


async def test_slack_gets_the_one_line_summary_and_a_link(app, user):
    with Receiver() as workspace_hook, Receiver() as handler_hook:
        handler = await my_handler(user, name="Desk")
        r = await user.post_form(
            "/settings/notifications/slack",
            {"slack_workspace": workspace_hook.url, f"slack_{handler['id']}": handler_hook.url},
            page="/settings/notifications",
        )
        assert r.status_code == 303, r.text
        form = await make_form(
            user, name="Demo", assignment={"type": "handler", "id": handler["id"]}
        )
        sub_id = await submitted(
            user, form["id"], {"email": "jane@bigcorp.example", "name": "Jane Miller"}
        )
        await drain_jobs(app)
        for hook in (workspace_hook, handler_hook):
            assert len(hook.requests) == 1
            text = json.loads(hook.requests[0]["body"])["text"]
            assert text.startswith("Jane Miller")
            assert f"<http://testserver/submissions/{sub_id}|Open in FormAgent>" in text
        await user.api.post(f"/api/submissions/{sub_id}/reprocess", json={})
        await drain_jobs(app)
        assert len(workspace_hook.requests) == 1  # not posted twice


async def test_slack_urls_follow_the_ssrf_rules(tmp_path, user, app):
    app.state.settings = app.state.settings.with_(webhook_allow_private=False)
    r = await user.post_form(
        "/settings/notifications/slack",
        {"slack_workspace": "http://169.254.169.254/latest"},
        page="/settings/notifications",
    )
    assert r.status_code == 422
    assert "private, loopback or link-local" in soup(r).select_one("#e-slack_workspace").text
