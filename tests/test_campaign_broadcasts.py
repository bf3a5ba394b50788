"""Broadcasts (SPEC §8): one checkpointed BULK job sends an email to a campaign's
contacts or a tag in slices, over a real SMTP server (aiosmtpd); restart-safe
(no recipient gets it twice), one running broadcast per audience (409), and
interactive jobs are claimed before it."""

from __future__ import annotations

from email import message_from_string, policy
from email.header import decode_header, make_header
from urllib.parse import urlsplit

import httpx

from app.services.platform.jobs import claim_job, run_job
from tests.conftest import free_port
from tests.factory import make_contact, make_form, submitted
from tests.helpers import User, drain_jobs, soup
from tests.helpers_platform import running_app
from tests.test_mail_delivery import Inbox, start_smtp


async def _setup(app, n: int, tag: str = "") -> tuple[User, dict]:
    user = await User.signup(app, "mia@acme.test", name="Mia", workspace="Acme")
    r = await user.api.post(
        "/api/campaigns", json={"name": "Spring", "asset_url": "https://a.test/g"}
    )
    camp = r.json()
    for i in range(n):
        c = await make_contact(
            user, f"r{i}@list.test", name=f"Reader {i}", tags=[tag] if tag else []
        )
        await user.api.post(f"/api/campaigns/{camp['id']}/contacts", json={"contact_id": c["id"]})
    return user, camp


async def _start(user, camp, **extra):
    body = {
        "campaign_id": camp["id"],
        "subject": "News for {{first_name|you}}",
        "body": "Hi {{first_name|there}}, read {{asset_url}}",
    }
    return await user.api.post("/api/broadcasts", json={**body, **extra})


async def _run_once(app) -> str:
    job = await claim_job(app.state.db, app.state.settings, "test-worker")
    assert job is not None and job.kind == "send_broadcast"
    return await run_job(app.state.db, app.state.settings, app.state, job)


async def test_broadcast_reaches_every_contact_once_over_reused_connections(tmp_path):
    port, inbox = free_port(), Inbox()
    controller = start_smtp(port, inbox)
    try:
        async with running_app(
            tmp_path, smtp_url=f"smtp://127.0.0.1:{port}", broadcast_slice=2
        ) as app:
            user, camp = await _setup(app, 5)
            r = await _start(user, camp, subject="News for {{first_name|you}} ☕")
            assert r.status_code == 201, r.text
            broadcast = r.json()
            assert (broadcast["status"], broadcast["total"]) == ("queued", 5)
            assert await drain_jobs(app) >= 4  # queue, then three delivery slices of 2
            done = (await user.api.get(f"/api/broadcasts/{broadcast['id']}")).json()
            assert done["status"] == "done" and done["finished_at"]
            assert done["progress"] == {"queued": 0, "sent": 5, "failed": 0, "suppressed": 0}
            jobs = await app.state.db.fetchall("SELECT kind, priority FROM jobs")
            assert jobs == [
                {"kind": "send_broadcast", "priority": 1}
            ]  # one bulk job, no per-email jobs
            listed = (await user.api.get("/api/broadcasts", params={"campaign": camp["id"]})).json()
            assert [b["id"] for b in listed["data"]] == [broadcast["id"]]
            await user.close()
    finally:
        controller.stop()
    recipients = sorted(m["to"][0] for m in inbox.messages)
    assert recipients == [f"r{i}@list.test" for i in range(5)]
    first = next(m for m in inbox.messages if m["to"] == ["r0@list.test"])
    parsed = message_from_string(first["data"])
    assert str(make_header(decode_header(parsed["Subject"]))) == "News for Reader ☕"
    assert "read https://a.test/g" in first["data"]
    assert inbox.connections() <= 2  # the pool's connections, reused across the slices


async def test_restart_mid_way_sends_nobody_twice(tmp_path, freeze_clock):
    port, inbox = free_port(), Inbox()
    controller = start_smtp(port, inbox)
    try:
        async with running_app(
            tmp_path, smtp_url=f"smtp://127.0.0.1:{port}", broadcast_slice=3, job_lease_seconds=5.0
        ) as app:
            db = app.state.db
            user, camp = await _setup(app, 7)
            broadcast = (await _start(user, camp)).json()
            assert (
                await _run_once(app) == "queued"
            )  # run 1: the 7 rows into the outbox (up to 3 x 3)
            row = await db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (broadcast["id"],))
            assert row["status"] == "sending" and row["queued_count"] == 7
            assert await _run_once(app) == "queued"  # first delivery slice: 3 sent
            assert len(inbox.messages) == 3
            # The worker dies right after claiming the next run: its lease runs out.
            crashed = await claim_job(db, app.state.settings, "doomed-worker")
            assert crashed is not None
            freeze_clock.advance(seconds=10)
            await drain_jobs(app)  # another worker takes over from the checkpoint
            done = (await user.api.get(f"/api/broadcasts/{broadcast['id']}")).json()
            assert done["status"] == "done" and done["progress"]["sent"] == 7
            # Starting the queue phase again (a replayed run) queues nobody twice.
            emails = await db.fetchval("SELECT COUNT(*) FROM emails WHERE kind = 'marketing'")
            assert emails == 7
            await user.close()
    finally:
        controller.stop()
    recipients = sorted(m["to"][0] for m in inbox.messages)
    assert recipients == sorted(f"r{i}@list.test" for i in range(7))  # each exactly once


async def test_second_broadcast_while_one_runs_is_409_and_bad_input_422(tmp_path):
    async with running_app(tmp_path, broadcast_slice=2) as app:
        user, camp = await _setup(app, 3, tag="beta")
        assert (await _start(user, camp)).status_code == 201
        r = await _start(user, camp)
        assert r.status_code == 409 and "still sending" in r.json()["error"]["message"]
        # Another audience (a tag) is not blocked by it.
        by_tag = await user.api.post(
            "/api/broadcasts", json={"tag": "Beta", "subject": "Beta news", "body": "Hello"}
        )
        assert by_tag.status_code == 201 and by_tag.json()["total"] == 3
        bad = await user.api.post(
            "/api/broadcasts", json={"subject": "", "body": "Hi", "tag": ["x"]}
        )
        assert bad.status_code == 422
        assert set(bad.json()["error"]["fields"]) == {"subject", "tag"}
        bad = await user.api.post(
            "/api/broadcasts", json={"subject": "S", "body": "Hi {{nickname}}", "tag": "beta"}
        )
        assert bad.status_code == 422 and "{{nickname}}" in bad.json()["error"]["fields"]["body"]
        both = await _start(user, camp, tag="beta")
        assert both.status_code == 422 and "audience" in both.json()["error"]["fields"]
        nobody = await user.api.post(
            "/api/broadcasts", json={"tag": "nobody", "subject": "S", "body": "B"}
        )
        assert nobody.status_code == 422 and "tag" in nobody.json()["error"]["fields"]
        # Without SMTP the emails wait in the outbox and the broadcast ends.
        await drain_jobs(app)
        listed = (await user.api.get("/api/broadcasts")).json()["data"]
        assert {b["status"] for b in listed} == {"done"}
        assert all(b["progress"]["queued"] == 3 for b in listed)
        assert (await _start(user, camp)).status_code == 201  # finished: a new one may start
        await user.close()


async def test_foreign_workspace_and_viewer(tmp_path):
    async with running_app(tmp_path) as app:
        user, camp = await _setup(app, 1)
        bob = await User.signup(app, "bob@other.test", workspace="Other")
        r = await _start(bob, camp)
        assert r.status_code == 404
        mine = (await _start(user, camp)).json()
        assert (await bob.api.get(f"/api/broadcasts/{mine['id']}")).status_code == 404
        await app.state.db.execute(
            "UPDATE memberships SET role = 'viewer' WHERE account_id = ?", (user.account_id,)
        )
        assert (await _start(user, camp)).status_code == 403
        await user.close()
        await bob.close()


async def test_submissions_are_claimed_before_the_broadcast(tmp_path):
    async with running_app(tmp_path, broadcast_slice=2) as app:
        user, camp = await _setup(app, 3)
        await _start(user, camp)
        form = await make_form(user, flow_id="email_marketing")
        await submitted(user, form["id"], {"email": "late@x.test"})
        job = await claim_job(app.state.db, app.state.settings, "w")
        assert job.kind == "process_submission"
        await user.close()


async def test_start_and_follow_a_broadcast_from_the_campaign_page(tmp_path):
    async with running_app(tmp_path, broadcast_slice=2) as app:
        user, camp = await _setup(app, 3)
        path = f"/campaigns/{camp['id']}"
        r = await user.post_form(
            f"{path}/broadcasts",
            {"audience": "campaign", "subject": "", "body": "Hello"},
            page=path,
            htmx=True,
        )
        assert r.status_code == 422 and soup(r).select_one("#e-subject")
        r = await user.post_form(
            f"{path}/broadcasts",
            {"audience": "campaign", "subject": "May news", "body": "Hello"},
            page=path,
        )
        assert r.status_code == 303
        panel = soup(await user.web.get(f"{path}/broadcasts", headers={"HX-Request": "true"}))
        section = panel.select_one("section.broadcasts")
        assert section["hx-trigger"] == "every 2s"  # it polls while sending
        assert "May news" in section.get_text() and "0 sent of 3" in section.get_text()
        again = await user.post_form(
            f"{path}/broadcasts",
            {"audience": "campaign", "subject": "Twice", "body": "x"},
            page=path,
        )
        assert (
            again.status_code == 409
            and "Still sending" in soup(again).select_one("#e-audience").get_text()
        )
        await drain_jobs(app)
        panel = soup(await user.web.get(f"{path}/broadcasts", headers={"HX-Request": "true"}))
        assert not panel.select_one("section.broadcasts").get("hx-trigger")
        assert "done" in panel.select_one(".broadcast .badge").get_text()
        await user.close()


async def test_one_click_unsubscribe_from_a_broadcast_skips_the_next_one(tmp_path):
    port, inbox = free_port(), Inbox()
    controller = start_smtp(port, inbox)
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{port}") as app:
            user, camp = await _setup(app, 3)
            assert (await _start(user, camp)).status_code == 201
            await drain_jobs(app)
            raw = next(m for m in inbox.messages if m["to"] == ["r1@list.test"])["data"]
            # On one line, as a URL a mail client can use (not RFC 2047 encoded-words).
            assert "\nList-Unsubscribe: <http://testserver/unsubscribe/" in raw.replace("\r", "")
            message = message_from_string(raw, policy=policy.default)
            link = message["List-Unsubscribe"].strip("<>")
            assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://testserver"
            ) as mail_client:  # a mail client: no cookies, no CSRF token
                r = await mail_client.post(
                    urlsplit(link).path,
                    content=b"List-Unsubscribe=One-Click",
                    headers={"content-type": "application/x-www-form-urlencoded"},
                )
            assert r.status_code < 400, r.text
            second = (await _start(user, camp, subject="Second")).json()
            await drain_jobs(app)
            done = (await user.api.get(f"/api/broadcasts/{second['id']}")).json()
            assert done["progress"] == {"queued": 0, "sent": 2, "failed": 0, "suppressed": 1}
            await user.close()
    finally:
        controller.stop()
    second_to = sorted(m["to"][0] for m in inbox.messages if "Subject: Second" in m["data"])
    assert second_to == ["r0@list.test", "r2@list.test"]
