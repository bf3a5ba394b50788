"""Consent (SPEC §19): the consent field records what the person saw, when and from
where, on the contact's consent log (page and API); "marketing needs consent" is
enforced when mail is sent (a campaign broadcast and a sequence step over a real
SMTP server); an unsubscribe is a withdrawal."""

from __future__ import annotations

import httpx
import pytest

from app.services.consent import erase_contact_consents_tx
from app.services.mail.suppression import unsubscribe_url
from tests.conftest import free_port
from tests.factory import make_contact, make_form, submit, submitted
from tests.helpers import User, drain_jobs, soup
from tests.helpers_platform import running_app
from tests.helpers_sequences import enroll, make_sequence, step, step_emails, tick
from tests.test_mail_delivery import Inbox, start_smtp

CONSENT_TEXT = "Yes, send me Acme's monthly newsletter. I can unsubscribe at any time."
PRIVACY = "https://acme.test/privacy"
FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {
        "name": "newsletter_consent",
        "type": "consent",
        "label": CONSENT_TEXT,
        "privacy_url": PRIVACY,
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


async def consent_log(who, contact_id: str) -> list[dict]:
    r = await who.api.get(f"/api/contacts/{contact_id}/consents")
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def require_consent(who, on: bool = True) -> None:
    r = await who.api.put(
        f"/api/workspaces/{who.workspace_id}",
        json={"settings": {"marketing_requires_consent": on}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["settings"]["marketing_requires_consent"] is on


async def grant(who, contact_id: str, text="Agreed by phone to the newsletter") -> dict:
    r = await who.api.post(
        f"/api/contacts/{contact_id}/consents", json={"action": "granted", "text": text}
    )
    assert r.status_code == 201, r.text
    return r.json()


async def test_a_ticked_consent_field_is_recorded_with_text_time_and_ip(app, user):
    form = await make_form(user, name="Newsletter", flow_id="email_marketing", fields=FIELDS)
    schema = (await user.web.get(f"/api/forms/{form['id']}/schema")).json()
    assert schema["fields"][2]["type"] == "consent"
    assert schema["fields"][2]["privacy_url"] == PRIVACY

    # Unticked, a required consent refuses the submission: nothing is stored.
    r = await submit(user, form["id"], {"email": "dana@example.com", "newsletter_consent": False})
    assert (
        r.status_code == 422
        and "Tick this box" in r.json()["error"]["fields"]["newsletter_consent"]
    )
    sub_id = await submitted(
        user,
        form["id"],
        {"email": "dana@example.com", "name": "Dana", "newsletter_consent": True},
        headers={"User-Agent": "ConsentTest/1.0"},
    )
    sub = (await user.api.get(f"/api/submissions/{sub_id}")).json()
    contact_id = sub["contact_id"]
    stored = await app.state.db.fetchone(
        "SELECT ip, created_at FROM submissions WHERE id = ?", (sub_id,)
    )
    assert stored["ip"]  # the address the capture endpoint saw

    [entry] = await consent_log(user, contact_id)
    assert entry["action"] == "granted" and entry["source"] == "form"
    assert entry["text"] == CONSENT_TEXT and entry["privacy_url"] == PRIVACY
    assert entry["ip"] == stored["ip"] and entry["created_at"] == stored["created_at"]
    assert entry["user_agent"] == "ConsentTest/1.0"
    assert (entry["form_id"], entry["submission_id"], entry["field_name"]) == (
        form["id"],
        sub_id,
        "newsletter_consent",
    )
    assert entry["form_version"] == sub["form_version"] == 1  # the version the visitor saw
    contact = (await user.api.get(f"/api/contacts/{contact_id}")).json()
    assert contact["marketing_consent"] == "granted" and contact["opt_in_status"] is None

    page = soup(await user.web.get(f"/contacts/{contact_id}"))
    section = page.select_one("#contact-consents")
    assert CONSENT_TEXT in section.select_one("q.consent-text").get_text()
    text = section.get_text(" ", strip=True)
    assert "Consent given" in text and "ticked on a form" in text
    assert f"from IP {stored['ip']}" in text
    assert section.select_one(f"a[href='{PRIVACY}']") is not None


async def test_the_consent_field_on_the_hosted_page_and_its_definition_checks(app, user):
    form = await make_form(user, name="Newsletter", flow_id="email_marketing", fields=FIELDS)
    page = soup(await user.web.get(f"/f/{form['id']}"))
    box = page.select_one("input[name='newsletter_consent']")
    assert box["type"] == "checkbox" and box.has_attr("required") and not box.has_attr("checked")
    label = page.select_one(f"label[for='{box['id']}']")
    assert CONSENT_TEXT in label.get_text() and label.select_one("a")["href"] == PRIVACY

    bad = dict(FIELDS[2], default=True, privacy_url="privacy page")
    r = await user.api.post("/api/forms", json={"name": "Pre-ticked", "fields": [FIELDS[0], bad]})
    assert r.status_code == 422
    fields = r.json()["error"]["fields"]
    assert "ticked in advance" in fields["fields[1].default"]
    assert "http" in fields["fields[1].privacy_url"]
    long_text = dict(FIELDS[2], label="I agree. " * 100)  # consent texts may be long
    assert (
        await user.api.post("/api/forms", json={"name": "Long", "fields": [long_text]})
    ).status_code == 201


async def test_manual_consent_and_the_setting_on_the_pages(app, user):
    contact = await make_contact(user, "erin@example.com", name="Erin")
    r = await user.api.post(
        f"/api/contacts/{contact['id']}/consents", json={"action": "granted", "text": ""}
    )
    assert r.status_code == 422 and "agreed" in r.json()["error"]["fields"]["text"]
    entry = await grant(user, contact["id"])
    assert entry["source"] == "manual" and entry["recorded_by"] and entry["ip"] is None

    # The contact page's own form records a withdrawal.
    r = await user.post_form(
        f"/contacts/{contact['id']}/consents",
        {"action": "withdrawn", "text": "Asked by phone to stop"},
        page=f"/contacts/{contact['id']}",
    )
    assert r.status_code == 303, r.text
    log = await consent_log(user, contact["id"])
    assert [(c["action"], c["source"]) for c in log] == [
        ("withdrawn", "manual"),
        ("granted", "manual"),
    ]

    page = soup(await user.web.get("/settings/workspace"))
    assert not page.select_one("#marketing_requires_consent").has_attr("checked")
    values = {"name": "Acme", "timezone": "UTC", "currency": "USD"}
    r = await user.post_form(
        "/settings/workspace",
        {**values, "marketing_requires_consent": "y"},
        page="/settings/workspace",
    )
    assert r.status_code == 303, r.text
    page = soup(await user.web.get("/settings/workspace"))
    assert page.select_one("#marketing_requires_consent").has_attr("checked")
    r = await user.api.get("/api/workspaces")
    [ws] = [w for w in r.json()["data"] if w["id"] == user.workspace_id]
    assert ws["settings"]["marketing_requires_consent"] is True
    r = await user.post_form("/settings/workspace", values, page="/settings/workspace")
    assert r.status_code == 303  # unticked: off again
    page = soup(await user.web.get("/settings/workspace"))
    assert not page.select_one("#marketing_requires_consent").has_attr("checked")
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"marketing_requires_consent": "yes"}},
    )
    assert r.status_code == 422


async def _campaign_with(owner, contacts: list[dict]) -> dict:
    camp = (await owner.api.post("/api/campaigns", json={"name": "Spring"})).json()
    for c in contacts:
        r = await owner.api.post(
            f"/api/campaigns/{camp['id']}/contacts", json={"contact_id": c["id"]}
        )
        assert r.status_code in (200, 201), r.text
    return camp


async def test_marketing_needs_consent_holds_back_a_broadcast_to_contacts_without_it(
    tmp_path, smtp
):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        await require_consent(owner)
        yes = await make_contact(owner, "yes@list.test", name="Yolanda")
        no = await make_contact(owner, "no@list.test", name="Nadia")
        await grant(owner, yes["id"])
        camp = await _campaign_with(owner, [yes, no])
        r = await owner.api.post(
            "/api/broadcasts",
            json={"campaign_id": camp["id"], "subject": "Spring news", "body": "Hello"},
        )
        assert r.status_code == 201, r.text
        await drain_jobs(app)
        assert [m["to"] for m in smtp.messages] == [["yes@list.test"]]
        held = await app.state.db.fetchone(
            "SELECT status, last_error FROM emails WHERE to_addr = 'no@list.test'"
        )
        assert held == {"status": "suppressed", "last_error": "No marketing consent"}
        outbox = soup(await owner.web.get("/outbox"))
        row = next(
            tr for tr in outbox.select("#outbox-table tbody tr") if "no@list.test" in tr.get_text()
        )
        assert "No marketing consent" in row.get_text()

        # The setting off: the same broadcast reaches Nadia.
        await require_consent(owner, on=False)
        r = await owner.api.post(
            "/api/broadcasts",
            json={"campaign_id": camp["id"], "subject": "Summer news", "body": "Hello again"},
        )
        assert r.status_code == 201, r.text
        await drain_jobs(app)
        assert sorted(m["to"][0] for m in smtp.messages[1:]) == ["no@list.test", "yes@list.test"]
        await owner.close()


async def test_marketing_needs_consent_holds_back_a_sequence_step(tmp_path, smtp):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        await require_consent(owner)
        seq = await make_sequence(owner, step(subject="Welcome {{first_name|there}}"))
        no = await make_contact(owner, "no@seq.test", name="Nadia")
        e_no = await enroll(owner, seq["id"], no["id"])
        await tick(app)
        [held] = await step_emails(app.state.db, e_no["id"])
        assert (held["status"], held["last_error"]) == ("suppressed", "No marketing consent")
        assert smtp.messages == []
        shown = (await owner.api.get(f"/api/emails/{held['id']}")).json()
        assert shown["status"] == "suppressed" and shown["error"] == "No marketing consent"
        page = soup(await owner.web.get(f"/outbox/{held['id']}"))
        assert "No marketing consent" in page.get_text()

        yes = await make_contact(owner, "yes@seq.test", name="Yolanda")
        await grant(owner, yes["id"])
        e_yes = await enroll(owner, seq["id"], yes["id"])
        await tick(app)
        [sent] = await step_emails(app.state.db, e_yes["id"])
        assert sent["status"] == "sent"
        assert [m["to"] for m in smtp.messages] == [["yes@seq.test"]]
        await owner.close()


async def test_unsubscribing_records_a_withdrawal_and_stops_marketing(tmp_path, smtp):
    async with running_app(tmp_path, smtp_url=smtp.url) as app:
        owner = await User.signup(app, "alice@example.com", name="Alice", workspace="Acme")
        await require_consent(owner)
        contact = await make_contact(owner, "dana@example.com", name="Dana")
        await grant(owner, contact["id"])
        seq = await make_sequence(
            owner, step(subject="First"), step(subject="Second", delay_hours=1)
        )
        e = await enroll(owner, seq["id"], contact["id"])
        await tick(app)
        [first] = await step_emails(app.state.db, e["id"])
        assert first["status"] == "sent" and len(smtp.messages) == 1

        link = unsubscribe_url(app.state.settings, first)
        visitor = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        r = await visitor.post(link.removeprefix("http://testserver"), data={})
        assert r.status_code == 200
        await visitor.aclose()

        log = await consent_log(owner, contact["id"])
        assert [(c["action"], c["source"]) for c in log] == [
            ("withdrawn", "unsubscribe"),
            ("granted", "manual"),
        ]
        assert (await owner.api.get(f"/api/contacts/{contact['id']}")).json()[
            "marketing_consent"
        ] == "withdrawn"
        page = soup(await owner.web.get(f"/contacts/{contact['id']}"))
        assert "Consent withdrawn" in page.select_one("#contact-consents").get_text()

        # A marketing email queued for the contact now is not sent.
        broadcast_camp = await _campaign_with(owner, [contact])
        r = await owner.api.post(
            "/api/broadcasts",
            json={"campaign_id": broadcast_camp["id"], "subject": "Later", "body": "Hi"},
        )
        assert r.status_code == 201, r.text
        await drain_jobs(app)
        held = await app.state.db.fetchone(
            "SELECT status FROM emails WHERE subject = 'Later' AND contact_id = ?",
            (contact["id"],),
        )
        assert held["status"] == "suppressed"
        assert len(smtp.messages) == 1  # only the first step ever went out
        await owner.close()


async def test_merging_contacts_keeps_the_consent_log(app, user):
    kept = await make_contact(user, "dana@example.com", name="Dana")
    other = await make_contact(user, "dana.scully@example.com", name="Dana Scully")
    await grant(user, other["id"], text="Agreed at the trade fair")
    r = await user.api.post(f"/api/contacts/{kept['id']}/merge", json={"other_id": other["id"]})
    assert r.status_code == 200, r.text
    assert r.json()["marketing_consent"] == "granted"
    log = await consent_log(user, kept["id"])
    assert [(c["action"], c["text"]) for c in log] == [("granted", "Agreed at the trade fair")]


async def test_erasure_clears_who_but_keeps_what_and_when(app, user):
    form = await make_form(user, name="Newsletter", flow_id="email_marketing", fields=FIELDS)
    values = {"email": "dana@example.com", "newsletter_consent": True}
    sub_id = await submitted(user, form["id"], values, headers={"User-Agent": "Erase/1.0"})
    contact_id = (await user.api.get(f"/api/submissions/{sub_id}")).json()["contact_id"]
    await grant(user, contact_id, text="Dana said yes on +1 555 0100")
    cleared = await app.state.db.write(erase_contact_consents_tx, user.workspace_id, contact_id)
    assert cleared == 2
    log = await consent_log(user, contact_id)
    assert [(c["source"], c["text"], c["ip"], c["user_agent"]) for c in log] == [
        ("manual", "(erased)", None, None),
        ("form", CONSENT_TEXT, None, None),
    ]
    assert all(c["created_at"] for c in log)


async def test_export_carries_the_consent_log_and_erasure_clears_its_ip(app, user):
    form = await make_form(user, name="Newsletter", flow_id="email_marketing", fields=FIELDS)
    values = {"email": "dana@example.com", "newsletter_consent": True}
    sub_id = await submitted(user, form["id"], values)
    contact_id = (await user.api.get(f"/api/submissions/{sub_id}")).json()["contact_id"]
    export = (await user.api.get(f"/api/contacts/{contact_id}/export")).json()
    [entry] = export["consent_log"]
    assert entry["text"] == CONSENT_TEXT and entry["ip"]
    r = await user.api.post(f"/api/contacts/{contact_id}/erase")
    assert r.status_code == 200, r.text
    row = await app.state.db.fetchone(
        "SELECT ip, user_agent, consent_text FROM consents WHERE id = ?", (entry["id"],)
    )
    assert row == {"ip": None, "user_agent": None, "consent_text": CONSENT_TEXT}
