"""Double opt-in (SPEC §19) end to end over a real SMTP server (aiosmtpd): the
sign-up's only email is a confirmation link; the contact waits in
``pending_confirmation`` and gets no marketing email; the link's GET only asks
(mail scanners fetch links), its POST confirms, records the consent and runs the
held-back flow (welcome email, sequence); a used or expired link is refused clearly."""

from __future__ import annotations

import email as email_lib
import re
from email import policy

import httpx
import pytest

from tests.conftest import free_port
from tests.factory import submitted
from tests.helpers import User, drain_jobs, soup
from tests.helpers_platform import running_app
from tests.helpers_sequences import make_sequence, step, tick
from tests.test_mail_delivery import Inbox, start_smtp

FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "first_name", "type": "text", "label": "First name"},
    {
        "name": "consent",
        "type": "consent",
        "label": "Send me the Acme newsletter.",
        "required": True,
    },
]


@pytest.fixture
def smtp():
    port = free_port()
    inbox = Inbox()
    controller = start_smtp(port, inbox)
    inbox.url = f"smtp://127.0.0.1:{port}"
    yield inbox
    controller.stop()


def confirm_path(message: dict) -> str:
    parsed = email_lib.message_from_string(message["data"], policy=policy.default)
    text = parsed.get_body(("plain",)).get_content()
    return re.search(r"http://testserver(/confirm/\S+)", text)[1]


async def _newsletter(owner) -> tuple[dict, dict]:
    """An email_marketing form with double opt-in, feeding a campaign with a welcome
    email and a one-step nurture sequence."""
    seq = await make_sequence(owner, step(subject="Tip 1 for {{first_name|you}}"))
    r = await owner.api.post(
        "/api/forms",
        json={
            "name": "Newsletter",
            "status": "active",
            "flow_id": "email_marketing",
            "fields": FIELDS,
            "auto": {"double_opt_in": True},
        },
    )
    assert r.status_code == 201, r.text
    form = r.json()
    assert form["auto"]["double_opt_in"] is True
    r = await owner.api.post(
        "/api/campaigns",
        json={
            "name": "Newsletter",
            "inbound_form_ids": [form["id"]],
            "welcome_subject": "Welcome, {{first_name|friend}}",
            "welcome_body": "Glad you are here.",
            "nurture_sequence_id": seq["id"],
        },
    )
    assert r.status_code == 201, r.text
    return form, seq


async def _contact(owner, sub_id: str) -> dict:
    sub = (await owner.api.get(f"/api/submissions/{sub_id}")).json()
    return (await owner.api.get(f"/api/contacts/{sub['contact_id']}")).json()


async def test_double_opt_in_end_to_end(tmp_path, smtp, freeze_clock):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        db = app.state.db
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        form, seq = await _newsletter(owner)
        sub_id = await submitted(
            owner, form["id"], {"email": "dana@example.com", "first_name": "Dana", "consent": True}
        )
        await drain_jobs(app)

        # The only email is the confirmation; nothing else is even queued.
        assert [m["to"] for m in smtp.messages] == [["dana@example.com"]]
        assert "confirm" in smtp.messages[0]["data"].lower()
        emails = await db.fetchall(
            "SELECT id, kind, status FROM emails WHERE submission_id = ?", (sub_id,)
        )
        assert [(e["kind"], e["status"]) for e in emails] == [("transactional", "sent")]
        shown = (await owner.api.get(f"/api/emails/{emails[0]['id']}")).json()
        assert "double opt-in" in shown["why"] and "/confirm/" in shown["text"]
        contact = await _contact(owner, sub_id)
        assert contact["opt_in_status"] == "pending_confirmation"
        assert await db.fetchval("SELECT COUNT(*) FROM enrollments") == 0
        page = soup(await owner.web.get(f"/contacts/{contact['id']}"))
        assert "Waiting for email confirmation" in page.select_one("#contact-consents").get_text()

        path = confirm_path(smtp.messages[0])
        assert contact["id"] not in path  # a signed request id, never the contact id
        visitor = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        # A mail scanner's GET changes nothing: it only shows the button.
        r = await visitor.get(path)
        assert r.status_code == 200 and "d***@example.com" in r.text
        button_form = soup(r).select_one("form")
        assert button_form["method"] == "post" and button_form["action"] == path
        assert (await _contact(owner, sub_id))["opt_in_status"] == "pending_confirmation"
        # A forged token is refused.
        forged = path[:-3] + ("aaa" if not path.endswith("aaa") else "bbb")
        assert (await visitor.get(forged)).status_code == 404

        r = await visitor.post(path, data={})
        assert r.status_code == 200 and "confirmed" in r.text
        await drain_jobs(app)
        await tick(app)  # the sequence's first step is due at once
        contact = await _contact(owner, sub_id)
        assert contact["opt_in_status"] == "confirmed"
        subjects = sorted(
            email_lib.message_from_string(m["data"], policy=policy.default)["Subject"]
            for m in smtp.messages[1:]
        )
        assert subjects == ["Tip 1 for Dana", "Welcome, Dana"]  # welcome and the sequence
        [enrollment] = await db.fetchall("SELECT sequence_id FROM enrollments")
        assert enrollment["sequence_id"] == seq["id"]
        log = (await owner.api.get(f"/api/contacts/{contact['id']}/consents")).json()["data"]
        assert [(c["action"], c["source"]) for c in log] == [
            ("granted", "double_opt_in"),
            ("granted", "form"),
        ]
        assert log[0]["ip"] and log[0]["submission_id"] == sub_id
        assert log[0]["form_version"] == log[1]["form_version"] == 1
        assert "Send me the Acme newsletter." in log[0]["text"]
        sub = (await owner.api.get(f"/api/submissions/{sub_id}")).json()
        steps = [a["step"] for a in sub["actions"]]
        assert "double_opt_in" in steps and "opt_in_confirmed" in steps
        assert steps[-1] == "completed" and sub["status"] == "processed"

        # A second click is refused, clearly, and changes nothing.
        sent = len(smtp.messages)
        r = await visitor.post(path, data={})
        assert (
            r.status_code == 409
            and "already been used" in soup(r).select_one("#opt-in-problem").get_text()
        )
        assert (await visitor.get(path)).status_code == 409
        await drain_jobs(app)
        assert len(smtp.messages) == sent

        # A link older than 7 days is refused as expired.
        sub2 = await submitted(
            owner, form["id"], {"email": "erin@example.com", "first_name": "Erin", "consent": True}
        )
        await drain_jobs(app)
        late = confirm_path(smtp.messages[-1])
        erin = await _contact(owner, sub2)
        freeze_clock.advance(days=7, seconds=1)
        r = await visitor.get(late)
        assert r.status_code == 410 and "expired" in r.text
        r = await visitor.post(late, data={})
        assert r.status_code == 410 and "expired" in r.text
        state = await db.fetchval("SELECT opt_in_status FROM contacts WHERE id = ?", (erin["id"],))
        assert state == "pending_confirmation"  # the session has expired too: read the row
        await visitor.aclose()
        await owner.close()


async def test_a_pending_contact_gets_no_marketing_email_from_anywhere(tmp_path, smtp):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        form, _ = await _newsletter(owner)
        sub_id = await submitted(
            owner, form["id"], {"email": "dana@example.com", "first_name": "Dana", "consent": True}
        )
        await drain_jobs(app)
        contact = await _contact(owner, sub_id)
        camp = (await owner.api.post("/api/campaigns", json={"name": "Promo"})).json()
        await owner.api.post(
            f"/api/campaigns/{camp['id']}/contacts", json={"contact_id": contact["id"]}
        )
        r = await owner.api.post(
            "/api/broadcasts",
            json={"campaign_id": camp["id"], "subject": "Promo", "body": "Buy now"},
        )
        assert r.status_code == 201, r.text
        await drain_jobs(app)
        held = await app.state.db.fetchone(
            "SELECT status, last_error FROM emails WHERE subject = 'Promo'"
        )
        assert held == {"status": "suppressed", "last_error": "Awaiting double opt-in confirmation"}
        assert len(smtp.messages) == 1  # the confirmation only
        await owner.close()


async def test_the_editor_turns_double_opt_in_on_and_adds_a_consent_field(app, user):
    r = await user.api.post(
        "/api/forms",
        json={"name": "Newsletter", "flow_id": "email_marketing", "fields": FIELDS[:1]},
    )
    form = r.json()
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    box = page.select_one("#au-double_opt_in")
    assert box is not None and not box.has_attr("checked")
    r = await user.post_form(
        f"/forms/{form['id']}/settings",
        {"_section": "auto", "create_contact": "on", "log_activity": "on", "double_opt_in": "on"},
        htmx=True,
    )
    assert r.status_code == 200, r.text
    assert soup(r).select_one("#au-double_opt_in").has_attr("checked")
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert saved["auto"]["double_opt_in"] is True and saved["auto"]["create_company"] is False

    r = await user.post_form(
        f"/forms/{form['id']}/fields",
        {
            "label": "Yes, email me the newsletter",
            "name": "newsletter",
            "type": "consent",
            "privacy_url": "https://acme.test/privacy",
            "required": "on",
        },
        htmx=True,
    )
    assert r.status_code == 200, r.text
    preview = soup(r).select_one("#form-preview[hx-swap-oob]")
    label = preview.select_one("label.fa-check-row")
    assert "Yes, email me the newsletter" in label.get_text()
    assert label.select_one("a")["href"] == "https://acme.test/privacy"
    field = (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"][-1]
    assert field["type"] == "consent" and field["privacy_url"] == "https://acme.test/privacy"


async def test_confirming_a_new_sign_up_lifts_an_earlier_unsubscribe(tmp_path, smtp, freeze_clock):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        form, _ = await _newsletter(owner)
        visitor = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        values = {"email": "dana@example.com", "first_name": "Dana", "consent": True}
        sub_id = await submitted(owner, form["id"], values)
        await drain_jobs(app)
        assert (await visitor.post(confirm_path(smtp.messages[0]), data={})).status_code == 200
        await drain_jobs(app)
        welcome = email_lib.message_from_string(smtp.messages[1]["data"], policy=policy.default)
        assert welcome["Subject"] == "Welcome, Dana"
        unsubscribe = re.fullmatch(
            r"<http://testserver(/unsubscribe/[^>]+)>", welcome["List-Unsubscribe"]
        )[1]
        assert (await visitor.post(unsubscribe, data={})).status_code == 200
        contact = await _contact(owner, sub_id)
        assert contact["status"] == "unsubscribed" and contact["marketing_consent"] == "withdrawn"

        freeze_clock.advance(minutes=10)  # past the duplicate-submission window
        await submitted(owner, form["id"], values)
        await drain_jobs(app)
        assert len(smtp.messages) == 3  # a new confirmation link, though unsubscribed
        assert (await _contact(owner, sub_id))["opt_in_status"] == "pending_confirmation"
        assert (await visitor.post(confirm_path(smtp.messages[2]), data={})).status_code == 200
        await drain_jobs(app)
        assert len(smtp.messages) == 4
        again = email_lib.message_from_string(smtp.messages[3]["data"], policy=policy.default)
        assert again["Subject"] == "Welcome, Dana"
        contact = await _contact(owner, sub_id)
        assert (contact["status"], contact["marketing_consent"], contact["opt_in_status"]) == (
            "lead",
            "granted",
            "confirmed",
        )
        await visitor.aclose()
        await owner.close()
