"""Erasing a person (SPEC §19): after a rich history (public submissions, processing
with the local agent, a confirmation email over real SMTP, a note, a deal, a webhook
delivery), no table holds their address, name, phone or what they wrote, while the
analytics stay the same; only owners and admins may do it; their address is never
mailed again."""

from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller

from app.db import loads
from tests.conftest import free_port, make_settings
from tests.factory import make_contact, make_deal, make_form, set_form, submit, submitted
from tests.helpers import User, drain_jobs
from tests.helpers_privacy import traces_of
from tests.helpers_webhooks import Receiver

EMAIL = "Priya.Natarajan@quietmail.example"
NAME = "Priya Natarajan"
PHONE = "+44 7700 900123"
SENTENCE = "our warehouse in Leeds floods every spring"
FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "phone", "type": "phone", "label": "Phone"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "message", "type": "textarea", "label": "Message"},
]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append({"to": envelope.rcpt_tos, "data": envelope.content.decode()})
        return "250 Message accepted"


@pytest.fixture
def smtp():
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = port
    yield inbox
    controller.stop()


@pytest.fixture
def settings(tmp_path, smtp):
    return make_settings(
        tmp_path,
        smtp_url=f"smtp://127.0.0.1:{smtp.port}",
        webhook_allow_private=True,
        webhook_timeout=2.0,
        webhook_concurrency=0,
    )


@pytest.fixture
def receiver():
    with Receiver() as r:
        yield r


async def _rich_person(app, user, receiver, smtp) -> dict:
    """Everything a real lead leaves behind, made through the public surfaces."""
    r = await user.api.post(
        "/api/webhooks",
        json={"url": receiver.url, "event_types": ["submission_received", "contact_created"]},
    )
    assert r.status_code == 201, r.text
    form = await make_form(
        user,
        fields=FIELDS,
        flow_id="sales_lead",
        auto={"confirmation_template": "Hi {{name}}, thanks for writing to us."},
    )
    typed = {
        "email": EMAIL,
        "name": NAME,
        "phone": PHONE,
        "company": "Quietmail Labs",
        "message": f"Hello, {SENTENCE}. Can your team help before April?",
    }
    first = await submitted(user, form["id"], typed)
    # A resend within the duplicate window is refused and logged with the address.
    assert (await submit(user, form["id"], typed)).status_code == 409
    await set_form(app, form["id"], security={**form["security"], "duplicate_window_minutes": 0})
    second = await submitted(user, form["id"], {**typed, "message": f"Again: {SENTENCE}."})
    await drain_jobs(app)
    contact_id = (await user.api.get(f"/api/submissions/{first}")).json()["contact_id"]
    # Answers typed into another form and not sent (a partial submission).
    quote = await make_form(user, name="Quote", fields=FIELDS, partials={"enabled": True})
    saved = await user.web.post(
        f"/api/forms/{quote['id']}/partials",
        json={"data": {"email": EMAIL, "name": NAME, "message": SENTENCE}},
    )
    assert saved.status_code in (200, 201), saved.text
    note = await user.api.post(
        f"/api/contacts/{contact_id}/notes", json={"body": f"Called {NAME} on {PHONE}."}
    )
    assert note.status_code == 201, note.text
    await make_deal(user, name=f"{NAME} – flood sensors", contact_id=contact_id, amount=4200)
    await drain_jobs(app)
    return {"form": form, "contact_id": contact_id, "submissions": [first, second]}


async def _overview(user) -> dict:
    r = await user.api.get("/api/analytics/overview")
    assert r.status_code == 200, r.text
    return r.json()


async def test_erasure_leaves_no_trace_in_any_table_and_keeps_the_totals(
    app, db, user, receiver, smtp
):
    person = await _rich_person(app, user, receiver, smtp)
    needles = [EMAIL, NAME, PHONE, SENTENCE]
    # The history is really there: the scan finds them in many places before.
    before_traces = await traces_of(db, needles)
    tables = {t.split(".")[0] for t in before_traces}
    assert {"contacts", "submissions", "emails", "notes", "deals", "events"} <= tables, tables
    assert {"webhook_deliveries", "spam_log", "contact_search_docs", "notifications"} <= tables
    assert "partial_submissions" in tables
    runs = await db.fetchall(
        "SELECT engine FROM agent_runs WHERE workspace_id = ?", (user.workspace_id,)
    )
    assert [r["engine"] for r in runs] == ["local", "local"]
    assert any(EMAIL.lower() in str(m["to"]).lower() for m in smtp.messages)
    assert receiver.requests, "the webhook was delivered"
    overview = await _overview(user)

    r = await user.api.post(
        f"/api/contacts/{person['contact_id']}/erase", json={"confirm_email": EMAIL.upper()}
    )
    assert r.status_code == 200, r.text
    assert r.json()["submissions"] == 2

    assert await traces_of(db, needles) == []
    assert await _overview(user) == overview
    # Rows are kept (counts stay right), emptied of what identified the person.
    subs = await db.fetchall(
        "SELECT data, ip, email_lower FROM submissions WHERE contact_id = ?",
        (person["contact_id"],),
    )
    assert len(subs) == 2
    assert all(s["ip"] is None and s["email_lower"] is None for s in subs)
    assert loads(subs[0]["data"])["message"] == "[erased]"
    contact = (await user.api.get(f"/api/contacts/{person['contact_id']}")).json()
    assert (contact["email"], contact["name"], contact["status"]) == ("", "", "erased")
    assert contact["submission_count"] == 2
    listed = await db.fetchall(
        "SELECT email_lower, reason FROM email_suppressions WHERE workspace_id = ?",
        (user.workspace_id,),
    )
    assert [row["reason"] for row in listed] == ["erased"]
    assert listed[0]["email_lower"].startswith("sha256:")
    event = await db.fetchone("SELECT details FROM events WHERE type = 'contact_erased'")
    assert loads(event["details"]) == {
        "contact_id": person["contact_id"],
        "submissions": 2,
        "by": user.account_id,
    }
    again = await user.api.post(f"/api/contacts/{person['contact_id']}/erase", json={})
    assert again.status_code == 409


async def test_an_erased_address_is_never_mailed_again(app, db, user, receiver, smtp):
    person = await _rich_person(app, user, receiver, smtp)
    sent_before = len(smtp.messages)
    r = await user.api.post(f"/api/contacts/{person['contact_id']}/erase")
    assert r.status_code == 200, r.text

    # The person writes again: a new contact, and the confirmation email is suppressed.
    again = await submitted(user, person["form"]["id"], {"email": EMAIL, "name": "P."})
    await drain_jobs(app)
    assert len(smtp.messages) == sent_before
    email = await db.fetchone(
        "SELECT status, last_error FROM emails WHERE submission_id = ?", (again,)
    )
    assert email["status"] == "suppressed" and "erased" in email["last_error"]


async def test_only_owners_and_admins_erase(app, db, user):
    contact = await make_contact(user, "sam@example.org", name="Sam Example")
    bob = await User.signup(app, "bob@example.net", name="Bob Member", workspace="Bob Co")
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite", json={"email": bob.email, "role": "admin"}
    )
    assert r.status_code == 201, r.text
    members_url = f"/api/workspaces/{user.workspace_id}/members/{r.json()['id']}"
    await bob.api.post("/api/auth/switch-workspace", json={"workspace_id": user.workspace_id})
    bobs_key = await bob.create_api_key(["contacts:write"])  # made while Bob was an admin
    demoted = await user.api.put(members_url, json={"role": "member"})
    assert demoted.status_code == 200, demoted.text
    refused = await bob.api.post(f"/api/contacts/{contact['id']}/erase")
    assert refused.status_code == 403
    assert "owners and admins" in refused.json()["error"]["message"]
    # A key acts with its creator's current role: Bob's key is a member's now.
    async with bob.key_client(bobs_key) as client:
        assert (await client.post(f"/api/contacts/{contact['id']}/erase")).status_code == 403
    admin_key = await user.create_api_key(["contacts:write"])
    async with user.key_client(admin_key) as client:
        wrong = await client.post(
            f"/api/contacts/{contact['id']}/erase", json={"confirm_email": "other@example.org"}
        )
        assert wrong.status_code == 422
        assert wrong.json()["error"]["fields"]["confirm_email"]
        assert (await client.post(f"/api/contacts/{contact['id']}/erase")).status_code == 200
    assert await traces_of(db, ["sam@example.org", "Sam Example"]) == []
    await bob.close()


async def test_the_erase_page_asks_for_the_address(app, db, user):
    contact = await make_contact(user, "lee@example.org", name="Lee Page")
    page = await user.web.get(f"/contacts/{contact['id']}")
    assert f"/contacts/{contact['id']}/erase" in page.text
    assert f"/api/contacts/{contact['id']}/export" in page.text
    confirm = await user.web.get(f"/contacts/{contact['id']}/erase")
    assert confirm.status_code == 200 and "cannot be undone" in confirm.text
    wrong = await user.post_form(
        f"/contacts/{contact['id']}/erase", {"confirm_email": "lee@example.com"}
    )
    assert wrong.status_code == 422 and "exactly" in wrong.text
    assert (
        await db.fetchval("SELECT status FROM contacts WHERE id = ?", (contact["id"],))
    ) == "lead"
    done = await user.post_form(
        f"/contacts/{contact['id']}/erase", {"confirm_email": "LEE@example.org "}
    )
    assert done.status_code == 303
    after = await user.web.get(f"/contacts/{contact['id']}")
    assert "Erased contact" in after.text and "lee@example.org" not in after.text
    assert f"/contacts/{contact['id']}/edit" not in after.text  # nothing is written back
    listed = await user.web.get("/contacts")
    assert "Erased contact" in listed.text and "Lee Page" not in listed.text
