"""Marketing email rules (SPEC §8) over a real SMTP server (aiosmtpd): the footer
with the postal address and unsubscribe link, the one-click headers, the
unsubscribe page (GET confirms, POST without cookies unsubscribes), the
suppression list checked at send time (transactional mail still goes), hard
bounces, and DKIM signatures that verify."""

from __future__ import annotations

import email as email_lib
import re
import subprocess
from email import policy

import dkim
import httpx
import pytest

from app.db import new_id
from app.services.mail.outbox import queue_email
from app.services.mail.suppression import on_unsubscribe
from tests.factory import make_contact
from tests.helpers import User, drain_jobs, soup
from tests.helpers_platform import running_app
from tests.test_mail_delivery import Inbox, start_smtp

POSTAL = "Acme Marketing, 1 Main Street, Springfield"


@pytest.fixture
def smtp():
    from tests.conftest import free_port

    port = free_port()
    inbox = Inbox(refuse={"gone@example.com"})
    controller = start_smtp(port, inbox)
    inbox.url = f"smtp://127.0.0.1:{port}"
    yield inbox
    controller.stop()


async def _owner(app) -> User:
    owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme Marketing")
    r = await owner.api.put(
        f"/api/workspaces/{owner.workspace_id}", json={"settings": {"postal_address": POSTAL}}
    )
    assert r.status_code == 200, r.text
    return owner


async def queue(app, owner, to, *, kind="marketing", contact_id=None, html=None, text="Hi there"):
    return await app.state.db.write(
        lambda conn: queue_email(
            conn,
            owner.workspace_id,
            to=to,
            subject="Our spring news",
            body_text=text,
            body_html=html,
            dedupe_key=new_id("key"),
            kind=kind,
            contact_id=contact_id,
        )
    )


def parsed(message: dict):
    return email_lib.message_from_string(message["data"], policy=policy.default)


def unsubscribe_path(message) -> str:
    header = message["List-Unsubscribe"]
    return re.fullmatch(r"<http://testserver(/unsubscribe/[^>]+)>", header)[1]


async def status(app, email_id):
    return await app.state.db.fetchone(
        "SELECT status, last_error FROM emails WHERE id = ?", (email_id,)
    )


async def test_marketing_email_carries_footer_headers_and_one_click_unsubscribe(tmp_path, smtp):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await _owner(app)
        contact = await make_contact(owner, "dana@example.com", name="Dana Scully")
        html = (
            "<html><body><p>Spring is here.</p><a href='{{unsubscribe_url}}'>stop</a></body></html>"
        )
        email_id = await queue(app, owner, "dana@example.com", contact_id=contact["id"], html=html)
        assert await drain_jobs(app) == 1
        sent = parsed(smtp.messages[0])
        shown = (await owner.api.get(f"/api/emails/{email_id}")).json()  # the outbox's view
        assert dict(shown["headers"])["List-Unsubscribe"] == sent["List-Unsubscribe"]
        sent_text = sent.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert shown["text"].strip() == sent_text.strip()
        assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        path = unsubscribe_path(sent)
        text = sent.get_body(("plain",)).get_content()
        html_part = sent.get_body(("html",)).get_content()
        assert POSTAL in text and f"Unsubscribe: http://testserver{path}" in text
        assert POSTAL in html_part and html_part.count(f"http://testserver{path}") == 2
        assert html_part.index(POSTAL) < html_part.index(
            "</body>"
        )  # the footer sits inside the body

        # A link scanner fetching the link changes nothing: GET only asks.
        visitor = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        page = await visitor.get(path)
        assert page.status_code == 200 and "Unsubscribe from Acme Marketing?" in page.text
        assert "d***@example.com" in page.text and "set-cookie" not in page.headers
        form = soup(page).select_one("form")
        assert form["method"] == "post" and form["action"] == path
        assert (await app.state.db.fetchval("SELECT COUNT(*) FROM email_suppressions")) == 0

        # The mail client's one-click POST: no cookies, no CSRF token, from anywhere.
        r = await visitor.post(
            path,
            content=b"List-Unsubscribe=One-Click",
            headers={
                "content-type": "application/x-www-form-urlencoded",
                "origin": "https://mail.example",
            },
        )
        assert r.status_code == 200 and "You are unsubscribed" in r.text
        assert "set-cookie" not in r.headers
        again = await visitor.post(path)  # once more: still fine, nothing new happens
        assert again.status_code == 200
        await visitor.aclose()

        contact_now = (await owner.api.get(f"/api/contacts/{contact['id']}")).json()
        assert contact_now["status"] == "unsubscribed"
        events = await app.state.db.fetchall(
            "SELECT details FROM events WHERE type = 'contact_unsubscribed'"
        )
        assert len(events) == 1 and contact["id"] in events[0]["details"]

        # Suppression is checked at send time: marketing mail is held, transactional still goes.
        held = await queue(app, owner, "DANA@example.com", contact_id=contact["id"])
        receipt = await queue(app, owner, "dana@example.com", kind="transactional")
        await drain_jobs(app)
        assert (await status(app, held))["status"] == "suppressed"
        assert (await status(app, receipt))["status"] == "sent"
        assert len(smtp.messages) == 2 and "List-Unsubscribe" not in parsed(smtp.messages[1])
        listing = (await owner.api.get("/api/emails?status=suppressed")).json()["data"]
        assert [e["id"] for e in listing] == [held]
        await owner.close()


async def test_unsubscribing_runs_the_registered_hooks_in_its_transaction(tmp_path, smtp):
    """Sequences stop enrollments through this hook (SPEC §8)."""
    calls = []

    def stop_enrollments(conn, workspace_id, contact_id):
        calls.append((workspace_id, contact_id))

    on_unsubscribe(stop_enrollments)
    try:
        async with running_app(tmp_path, smtp_url=smtp.url) as app:
            owner = await _owner(app)
            contact = await make_contact(owner, "fox@example.com")
            await queue(app, owner, "fox@example.com", contact_id=contact["id"])
            await drain_jobs(app)
            path = unsubscribe_path(parsed(smtp.messages[0]))
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://testserver"
            ) as visitor:
                assert (await visitor.post(path)).status_code == 200
                assert (await visitor.post(path)).status_code == 200
            assert calls == [(owner.workspace_id, contact["id"])]
            await owner.close()
    finally:
        from app.services.mail import suppression

        suppression._HOOKS.remove(stop_enrollments)


async def test_marketing_mail_without_a_contact_unsubscribes_the_address(tmp_path, smtp):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await _owner(app)
        await queue(app, owner, "Contact_Us@Partner.example")
        await drain_jobs(app)
        path = unsubscribe_path(parsed(smtp.messages[0]))
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as visitor:
            assert "c***@partner.example" in (await visitor.get(path)).text
            assert (await visitor.post(path)).status_code == 200
        row = await app.state.db.fetchone("SELECT email_lower, contact_id FROM email_suppressions")
        assert row == {"email_lower": "contact_us@partner.example", "contact_id": None}
        await owner.close()


async def test_bad_and_expired_unsubscribe_links(tmp_path, smtp, freeze_clock):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await _owner(app)
        contact = await make_contact(owner, "walter@example.com")
        await queue(app, owner, "walter@example.com", contact_id=contact["id"])
        await drain_jobs(app)
        path = unsubscribe_path(parsed(smtp.messages[0]))
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as visitor:
            token = path.rsplit("/", 1)[1]
            forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
            for bad in (forged, "nonsense", "x" * 400, token.split(".")[0] + ".", "%00"):
                r = await visitor.get(f"/unsubscribe/{bad}")
                assert r.status_code == 404 and "not valid" in r.text, bad
                assert (await visitor.post(f"/unsubscribe/{bad}")).status_code == 404
            freeze_clock.advance(days=200)  # far past the 30 days the SPEC asks for: still works
            assert (await visitor.get(path)).status_code == 200
            freeze_clock.advance(days=200)
            r = await visitor.post(path)
            assert r.status_code == 410 and "expired" in r.text
        assert await app.state.db.fetchval("SELECT COUNT(*) FROM email_suppressions") == 0
        await owner.close()


async def test_a_hard_bounce_suppresses_the_address(tmp_path, smtp):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await _owner(app)
        bounced = await queue(app, owner, "gone@example.com", kind="transactional")
        await drain_jobs(app)
        row = await status(app, bounced)
        assert row["status"] == "failed" and "550" in row["last_error"]
        suppressed = await app.state.db.fetchone("SELECT * FROM email_suppressions")
        assert (suppressed["email_lower"], suppressed["reason"]) == (
            "gone@example.com",
            "hard_bounce",
        )
        later = await queue(app, owner, "Gone@Example.com")
        await drain_jobs(app)
        assert (await status(app, later))["status"] == "suppressed"
        assert smtp.messages == []
        detail = (await owner.api.get(f"/api/emails/{later}")).json()
        assert detail["suppressed_because"] == "Address refused (hard bounce)"
        await owner.close()


def _rsa_key(tmp_path) -> tuple[bytes, bytes]:
    """A fresh RSA key pair (PKCS#1 PEM private, DER public) from the openssl CLI."""
    path = tmp_path / "dkim.pem"
    subprocess.run(
        ["openssl", "genrsa", "-traditional", "-out", str(path), "2048"],
        check=True,
        capture_output=True,
    )
    public = subprocess.run(
        ["openssl", "rsa", "-in", str(path), "-pubout", "-outform", "DER"],
        check=True,
        capture_output=True,
    ).stdout
    return path.read_bytes(), public


async def test_mail_is_dkim_signed_when_configured(tmp_path, smtp):
    import base64

    private, public = _rsa_key(tmp_path)
    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)

    def dns(name, timeout=5):  # the DNS lookup, answered locally
        return record if name == b"mail2026._domainkey.acme.example." else None

    async with running_app(
        tmp_path,
        smtp_url=smtp.url,
        mail_from="Acme <news@acme.example>",
        dkim_key=private.decode(),
        dkim_selector="mail2026",
    ) as app:
        owner = await _owner(app)
        contact = await make_contact(owner, "dana@example.com")
        await queue(app, owner, "dana@example.com", contact_id=contact["id"], html="<p>Hi</p>")
        await drain_jobs(app)
    raw = smtp.messages[0]["data"].encode()
    assert b"DKIM-Signature:" in raw and b"d=acme.example" in raw and b"s=mail2026" in raw
    assert dkim.verify(raw, dnsfunc=dns)
    signed = raw.split(b"h=", 1)[1].split(b";", 1)[0].lower()
    assert b"list-unsubscribe" in signed and b"from" in signed
    assert not dkim.verify(raw.replace(b"Our spring news", b"Our autumn news"), dnsfunc=dns)
