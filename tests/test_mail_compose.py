"""The message as written by app/services/mail/compose.py (no EmailMessage) is
well-formed MIME that any mail client reads back exactly: encoded non-ASCII
headers, folded long ones, quoted-printable or base64 bodies, 7-bit clean."""

from __future__ import annotations

import email
from email import policy

from app.db import new_id
from app.services.mail.outbox import queue_email
from tests.conftest import free_port
from tests.helpers import drain_jobs
from tests.helpers_platform import running_app
from tests.test_mail_delivery import WS, Inbox, start_smtp

LONG_SUBJECT = "A subject long enough to be folded over two lines, as mail headers should be"
UNICODE_SUBJECT = "Café news for Zoë ☕ — with enough words to need a second encoded word"
TEXT = "Привет, Zoë!\nA line that = equals, and trailing space \n" + "long line " * 20
HTML = "<p>Привет <b>Zoë</b></p><p>" + "long line " * 30 + "</p>"


async def test_headers_and_bodies_arrive_exactly_as_queued(tmp_path):
    inbox, port = Inbox(), free_port()
    controller = start_smtp(port, inbox)
    try:
        async with running_app(
            tmp_path, smtp_url=f"smtp://127.0.0.1:{port}", mail_from="Acmé Café <news@acme.example>"
        ) as app:
            for subject, html in ((UNICODE_SUBJECT, HTML), (LONG_SUBJECT, None)):
                await app.state.db.write(
                    lambda conn, s=subject, h=html: queue_email(
                        conn,
                        WS,
                        to="Zoë Ümlaut <zoe@example.com>",
                        subject=s,
                        body_text=TEXT,
                        body_html=h,
                        dedupe_key=new_id("key"),
                    )
                )
            assert await drain_jobs(app) == 2
    finally:
        controller.stop()
    by_subject = {}
    for received in inbox.messages:
        raw = received["data"].replace("\r\n", "\n")
        assert raw.isascii() and max(len(line) for line in raw.split("\n")) <= 78
        message = email.message_from_string(raw, policy=policy.default)
        assert [p.defects for p in message.walk()] == [[] for _ in message.walk()]
        assert message["From"].addresses[0].display_name == "Acmé Café"
        assert message["To"].addresses[0].display_name == "Zoë Ümlaut"
        assert message["To"].addresses[0].addr_spec == "zoe@example.com"
        by_subject[str(message["Subject"])] = message
    assert set(by_subject) == {UNICODE_SUBJECT, LONG_SUBJECT}
    both, plain = by_subject[UNICODE_SUBJECT], by_subject[LONG_SUBJECT]
    assert both.get_content_type() == "multipart/alternative"
    assert both.get_body(("plain",)).get_content() == TEXT + "\n"
    assert both.get_body(("html",)).get_content() == HTML + "\n"
    assert plain.get_content_type() == "text/plain" and plain.get_content() == TEXT + "\n"
