"""Outbox delivery over real SMTP (aiosmtpd on 127.0.0.1): sent, retried through
an outage without losing mail, kept in the outbox without SMTP (SPEC §8, §13)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from app.db import loads, new_id
from app.db.clock import iso
from app.services.mail.outbox import queue_email
from app.services.platform.jobs import enqueue
from tests.conftest import free_port
from tests.helpers import drain_jobs
from tests.helpers_platform import running_app

WS = "ws_mailtest00000001"


class Inbox:
    """aiosmtpd handler that keeps what it receives; refuses listed recipients."""

    def __init__(self, refuse=()):
        self.messages, self.refuse = [], set(refuse)
        self.sessions = []  # one per SMTP connection that delivered something

    def connections(self) -> int:
        return len({id(s) for s in self.sessions})  # the list keeps them alive: ids stay unique

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if not any(s is session for s in self.sessions):
            self.sessions.append(session)
        self.messages.append(
            {"to": envelope.rcpt_tos, "data": envelope.content.decode("utf8", "replace")}
        )
        return "250 Message accepted"


@pytest.fixture
def smtp_port():
    return free_port()


def start_smtp(port, handler):
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


async def queue(db, to="lead@example.com", subject="Welcome aboard", dedupe_key=None, **kw):
    key = dedupe_key or new_id("key")  # each call a different email unless a key is given
    return await db.write(
        lambda conn: queue_email(
            conn, WS, to=to, subject=subject, body_text="Hello <b>there</b>", dedupe_key=key, **kw
        )
    )


async def email_row(db, email_id):
    return await db.fetchone("SELECT * FROM emails WHERE id = ?", (email_id,))


async def event_types(db):
    return [
        r["type"]
        for r in await db.fetchall(
            "SELECT type FROM events WHERE workspace_id = ? ORDER BY seq", (WS,)
        )
    ]


async def test_queued_email_is_delivered_and_marked_sent(tmp_path, smtp_port):
    inbox = Inbox()
    controller = start_smtp(smtp_port, inbox)
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            email_id = await queue(db, body_html="<p>Hello</p>")
            assert await drain_jobs(app) == 1
            row = await email_row(db, email_id)
            assert (row["status"], row["attempts"], row["last_error"]) == ("sent", 1, None)
            assert row["sent_at"] is not None
            assert await event_types(db) == ["email_queued", "email_sent"]
            sent = loads(
                (await db.fetchone("SELECT details FROM events WHERE type = 'email_sent'"))[
                    "details"
                ]
            )
            assert sent["email_id"] == email_id and sent["to"] == "lead@example.com"
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["to"] == ["lead@example.com"]
    assert "Subject: Welcome aboard" in message["data"] and "Hello <b>there</b>" in message["data"]
    assert "text/html" in message["data"]  # the html alternative travels too


async def test_smtp_outage_retries_with_backoff_then_delivers(
    freeze_clock, tmp_path, smtp_port, monkeypatch
):
    async with running_app(
        tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}", retry_base_seconds=1.0
    ) as app:
        db = app.state.db
        email_id = await queue(db)

        # Nothing listens on the port: the email stays queued, retried later and later.
        for attempt, delay in ((1, 1.0), (2, 2.0), (3, 4.0)):
            assert await drain_jobs(app) == 1
            row = await email_row(db, email_id)
            assert (row["status"], row["attempts"]) == ("queued", attempt)
            assert row["last_error"] and row["next_attempt_at"] == iso(
                freeze_clock.now + timedelta(seconds=delay)
            )
            job = await db.fetchone("SELECT status, run_at FROM jobs WHERE kind = 'deliver_email'")
            assert job == {"status": "queued", "run_at": row["next_attempt_at"]}
            assert await drain_jobs(app) == 0  # not before its time
            freeze_clock.advance(delay)

        # Many more failed tries than max_attempts: the job never dies, the mail is not lost.
        for _ in range(6):
            await drain_jobs(app)
            freeze_clock.advance(3600)
        assert (await email_row(db, email_id))["status"] == "queued"
        assert await db.fetchval("SELECT COUNT(*) FROM jobs WHERE status = 'dead'") == 0

        inbox = Inbox()
        controller = start_smtp(smtp_port, inbox)  # the server comes back
        try:
            assert await drain_jobs(app) == 1
        finally:
            controller.stop()
        row = await email_row(db, email_id)
        assert row["status"] == "sent" and row["attempts"] == 10
        assert len(inbox.messages) == 1
        assert await event_types(db) == ["email_queued", "email_sent"]


async def test_refused_recipient_is_marked_failed(tmp_path, smtp_port):
    controller = start_smtp(smtp_port, Inbox(refuse={"nobody@example.com"}))
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            email_id = await queue(db, to="nobody@example.com")
            await drain_jobs(app)
            row = await email_row(db, email_id)
            assert row["status"] == "failed" and "550" in row["last_error"]
            assert await event_types(db) == ["email_queued", "email_failed"]
            assert await drain_jobs(app) == 0  # a 5xx refusal is not retried
    finally:
        controller.stop()


async def test_without_smtp_mail_stays_in_the_outbox_until_smtp_is_configured(tmp_path, smtp_port):
    async with running_app(tmp_path) as app:  # no FORMAGENT_SMTP_URL
        db = app.state.db
        email_id = await queue(db)
        await drain_jobs(app)
        row = await email_row(db, email_id)
        assert (row["status"], row["attempts"], row["sent_at"]) == ("queued", 0, None)

    inbox = Inbox()
    controller = start_smtp(smtp_port, inbox)
    try:
        # Restarted with SMTP configured: the scheduler's requeue_stalled finds it.
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            await db.write(enqueue, "scheduler_tick", {"tick": 1})
            await drain_jobs(app)
            assert (await email_row(db, email_id))["status"] == "sent"
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


async def test_dedupe_key_queues_one_email_per_workspace(app, db):
    first = await queue(db, dedupe_key="invite:1")
    second = await queue(db, dedupe_key="invite:1", subject="Another text, same email")
    assert first == second
    assert await db.fetchval("SELECT COUNT(*) FROM emails") == 1
    assert await db.fetchval("SELECT COUNT(*) FROM jobs WHERE kind = 'deliver_email'") == 1
    # the key is unique per workspace: another workspace's email with that key is its own
    other = await db.write(
        lambda conn: queue_email(
            conn, "ws_other", to="x@example.com", subject="s", body_text="b", dedupe_key="invite:1"
        )
    )
    assert other != first and await db.fetchval("SELECT COUNT(*) FROM emails") == 2


async def test_line_breaks_in_a_subject_cannot_inject_headers(tmp_path, smtp_port):
    inbox = Inbox()
    controller = start_smtp(smtp_port, inbox)
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            email_id = await queue(db, subject="Hi\r\nBcc: victim@example.com\x00\u2028x")
            await drain_jobs(app)
            row = await email_row(db, email_id)
    finally:
        controller.stop()
    assert row["status"] == "sent" and row["subject"] == "Hi Bcc: victim@example.com x"
    [message] = inbox.messages
    assert message["to"] == ["lead@example.com"]
    headers = message["data"].split("\n\n", 1)[0]
    assert "\nBcc:" not in headers and "Subject: Hi Bcc: victim@example.com x" in headers


async def test_an_old_row_with_a_line_break_in_its_subject_is_still_sent(tmp_path, smtp_port):
    inbox = Inbox()
    controller = start_smtp(smtp_port, inbox)
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            email_id = await queue(db)
            # as queued before subjects were cleaned on the way in
            await db.execute(
                "UPDATE emails SET subject = ? WHERE id = ?", ("Form\r\nBcc: v@x.test", email_id)
            )
            await drain_jobs(app)
            row = await email_row(db, email_id)
    finally:
        controller.stop()
    assert row["status"] == "sent" and len(inbox.messages) == 1
    assert "Subject: Form Bcc: v@x.test" in inbox.messages[0]["data"]


async def test_header_injection_in_an_address_is_refused_not_retried(tmp_path, smtp_port):
    inbox = Inbox()
    controller = start_smtp(smtp_port, inbox)
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            email_id = await queue(db, to="lead@example.com\r\nBcc: victim@example.com")
            await drain_jobs(app)
            row = await email_row(db, email_id)
    finally:
        controller.stop()
    assert row["status"] == "failed" and "unsendable" in row["last_error"]
    assert inbox.messages == []


async def test_several_emails_reuse_one_smtp_connection(tmp_path, smtp_port):
    inbox = Inbox()
    controller = start_smtp(smtp_port, inbox)
    try:
        async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
            db = app.state.db
            ids = [await queue(db, to=f"lead{n}@example.com") for n in range(5)]
            assert await drain_jobs(app) == 5
            statuses = [(await email_row(db, i))["status"] for i in ids]
            assert app.state.mailer.connections_opened == 1
    finally:
        controller.stop()
    assert statuses == ["sent"] * 5
    assert len(inbox.messages) == 5 and inbox.connections() == 1


async def test_a_connection_the_server_dropped_is_replaced_and_nothing_is_lost(
    freeze_clock, tmp_path, smtp_port
):
    first, second = Inbox(), Inbox()
    controller = start_smtp(smtp_port, first)
    async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
        db = app.state.db
        sent_first = await queue(db)
        assert await drain_jobs(app) == 1
        controller.stop()  # the server goes away with our pooled connection

        during = await queue(db, to="during@example.com")
        await drain_jobs(app)
        assert (await email_row(db, during))["status"] == "queued"  # kept for a retry

        controller = start_smtp(smtp_port, second)  # back, on a fresh connection
        try:
            after = await queue(db, to="after@example.com")
            freeze_clock.advance(3600)
            assert await drain_jobs(app) == 2
        finally:
            controller.stop()
        statuses = [(await email_row(db, i))["status"] for i in (sent_first, during, after)]
    assert statuses == ["sent", "sent", "sent"]
    assert [m["to"] for m in first.messages] == [["lead@example.com"]]
    assert sorted(m["to"][0] for m in second.messages) == [
        "after@example.com",
        "during@example.com",
    ]
    assert second.connections() == 1


async def test_a_server_restart_between_emails_costs_no_retry(tmp_path, smtp_port):
    first, second = Inbox(), Inbox()
    controller = start_smtp(smtp_port, first)
    async with running_app(tmp_path, smtp_url=f"smtp://127.0.0.1:{smtp_port}") as app:
        db = app.state.db
        await queue(db)
        assert await drain_jobs(app) == 1
        controller.stop()
        controller = start_smtp(smtp_port, second)  # the pooled connection is now dead
        try:
            email_id = await queue(db, to="next@example.com")
            assert await drain_jobs(app) == 1
        finally:
            controller.stop()
        row = await email_row(db, email_id)
        assert app.state.mailer.connections_opened == 2
    assert (row["status"], row["attempts"]) == ("sent", 1)  # reconnected at once, no backoff
    assert [m["to"] for m in second.messages] == [["next@example.com"]]
