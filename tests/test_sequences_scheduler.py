"""The sequence scheduler (SPEC §8, §6.6): due steps go out on schedule in the
workspace time zone, exactly once even with two server processes on one
database, after checking the stop conditions; the email_marketing flow and the
agent's enroll_sequence action enroll for real."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from app.db import loads
from app.main import create_app
from app.services.mail.suppression import suppress_tx, unsubscribe_url
from app.services.sequences import send_next_step
from tests.conftest import make_settings
from tests.factory import make_contact, make_deal, make_form, submitted
from tests.helpers import User, drain_jobs
from tests.helpers_agents import agent_steps, make_agent_form, submit_and_process
from tests.helpers_sequences import enroll, make_sequence, step, step_emails, tick

NEWSLETTER_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
]


async def enrollment(db, enrollment_id: str) -> dict:
    row = await db.fetchone("SELECT * FROM enrollments WHERE id = ?", (enrollment_id,))
    return {**row, "history": loads(row["history"], [])}


async def test_steps_go_out_on_schedule_in_the_workspace_time_zone(app, user, freeze_clock):
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"timezone": "America/New_York"}}
    )
    assert r.status_code == 200, r.text
    freeze_clock.set(datetime(2026, 3, 2, 20, 0, tzinfo=UTC))  # Monday 15:00 in New York (EST)
    seq = await make_sequence(
        user,
        step(subject="Welcome {{first_name}}"),
        # a week later at 09:00 local: New York has moved to EDT (UTC-4) by then
        step(subject="A week in", delay_days=7, send_time="09:00"),
    )
    contact = await make_contact(user, "dana@bigcorp.example", name="Dana Scully")
    e = await enroll(user, seq["id"], contact["id"])
    assert e["next_step_due_at"] == "2026-03-02T20:00:00.000Z"  # no delay: due now
    await tick(app)
    after_first = await enrollment(app.state.db, e["id"])
    assert after_first["current_step"] == 1
    assert after_first["next_step_due_at"] == "2026-03-09T13:00:00.000Z"  # 09:00 EDT
    [first] = await step_emails(app.state.db, e["id"])
    assert first["subject"] == "Welcome Dana" and first["to_addr"] == "dana@bigcorp.example"
    assert first["kind"] == "marketing" and "Hi Dana," in first["body_text"]

    freeze_clock.set(datetime(2026, 3, 9, 12, 59, tzinfo=UTC))
    await tick(app)
    assert len(await step_emails(app.state.db, e["id"])) == 1  # a minute early: not yet
    freeze_clock.set(datetime(2026, 3, 9, 13, 0, tzinfo=UTC))
    await tick(app)
    done = await enrollment(app.state.db, e["id"])
    assert [m["subject"] for m in await step_emails(app.state.db, e["id"])] == [
        "Welcome Dana",
        "A week in",
    ]
    assert done["status"] == "completed" and done["next_step_due_at"] is None
    assert [h["event"] for h in done["history"]] == [
        "enrolled",
        "step_sent",
        "step_sent",
        "completed",
    ]
    types = await app.state.db.fetchall(
        "SELECT type FROM events WHERE type LIKE 'sequence_%' OR type LIKE 'enrollment_%' ORDER BY seq"
    )
    assert [t["type"] for t in types] == [
        "enrollment_created",
        "sequence_step_sent",
        "sequence_step_sent",
        "enrollment_completed",
    ]


async def test_each_step_goes_out_once_with_two_processes_racing(tmp_path, freeze_clock):
    """Two apps (two server processes) on one database file send the same due steps."""
    settings = make_settings(tmp_path)
    one, two = create_app(settings), create_app(settings)
    async with one.router.lifespan_context(one), two.router.lifespan_context(two):
        owner = await User.signup(one, "olive@example.com", name="Olive", workspace="Race Co")
        seq = await make_sequence(
            owner, step(subject="First"), step(subject="Second", delay_hours=1)
        )
        enrolled = []
        for n in range(12):
            contact = await make_contact(owner, f"racer{n}@example.org", name=f"Racer {n}")
            enrolled.append((await enroll(owner, seq["id"], contact["id"]))["id"])

        async def race():
            await asyncio.gather(tick(one), tick(two), tick(one), tick(two))

        await race()
        freeze_clock.advance(hours=1)
        await race()
        # The claim itself: four sends of one due step prepared at once, one goes out.
        contact = await make_contact(owner, "last@example.org")
        last = (await enroll(owner, seq["id"], contact["id"]))["id"]
        outcomes = await asyncio.gather(
            *(send_next_step(app.state.db, None, last) for app in (one, two, one, two))
        )
        assert sorted(outcomes) == ["sent", "skipped", "skipped", "skipped"]
        enrolled.append(last)
        freeze_clock.advance(hours=1)
        await race()
        await owner.close()
        db = one.state.db
        for enrollment_id in enrolled:
            mails = await step_emails(db, enrollment_id)
            assert [m["subject"] for m in mails] == ["First", "Second"], enrollment_id
            row = await enrollment(db, enrollment_id)
            sent = [h for h in row["history"] if h["event"] == "step_sent"]
            assert [h["step"] for h in sent] == [1, 2] and row["status"] == "completed"
        events = await db.fetchval("SELECT COUNT(*) FROM events WHERE type = 'sequence_step_sent'")
        assert events == 2 * len(enrolled)


async def test_a_deal_for_the_contact_stops_the_enrollment_before_the_next_step(
    app, user, freeze_clock
):
    seq = await make_sequence(user, step(subject="One"), step(subject="Two", delay_days=1))
    contact = await make_contact(user, "lead@example.org")
    e = await enroll(user, seq["id"], contact["id"])
    await tick(app)
    await make_deal(user, contact_id=contact["id"], amount=5000)
    freeze_clock.advance(days=1)
    await tick(app)
    row = await enrollment(app.state.db, e["id"])
    assert (row["status"], row["stop_reason"]) == ("stopped", "deal_created")
    assert [m["subject"] for m in await step_emails(app.state.db, e["id"])] == ["One"]


async def test_without_the_deal_condition_a_deal_does_not_stop_it(app, user, freeze_clock):
    seq = await make_sequence(
        user, step(subject="One", delay_hours=2), stop_conditions=["manual_stop"]
    )
    contact = await make_contact(user, "keep@example.org")
    e = await enroll(user, seq["id"], contact["id"])
    await make_deal(user, contact_id=contact["id"])
    freeze_clock.advance(hours=2)
    await tick(app)
    assert (await enrollment(app.state.db, e["id"]))["status"] == "completed"


async def test_one_click_unsubscribe_stops_enrollments_and_blocks_new_ones(app, user, client):
    seq = await make_sequence(user, step(subject="One"), step(subject="Two", delay_hours=1))
    other = await make_sequence(user, step(delay_days=3), name="Product news")
    contact = await make_contact(user, "gone@example.org", name="Gail")
    e = await enroll(user, seq["id"], contact["id"])
    e2 = await enroll(user, other["id"], contact["id"])
    await tick(app)
    [mail] = await step_emails(app.state.db, e["id"])
    link = unsubscribe_url(app.state.settings, mail)
    r = await client.post(link.removeprefix(app.state.settings.base_url))  # no cookies: one click
    assert r.status_code == 200, r.text
    for enrollment_id in (e["id"], e2["id"]):
        row = await enrollment(app.state.db, enrollment_id)
        assert (row["status"], row["stop_reason"]) == ("stopped", "contact_unsubscribed")
    r = await enroll(user, seq["id"], contact["id"], expect=409)
    assert "no marketing email" in r["error"]["message"]


async def test_a_hard_bounce_found_before_a_step_stops_the_enrollment(app, user, freeze_clock):
    seq = await make_sequence(user, step(subject="One", delay_hours=1))
    contact = await make_contact(user, "bounced@example.org")
    e = await enroll(user, seq["id"], contact["id"])
    await app.state.db.write(
        suppress_tx, user.workspace_id, "bounced@example.org", "hard_bounce"
    )  # as delivery records a 5xx refusal (tests/test_mail_delivery.py drives that over SMTP)
    freeze_clock.advance(hours=1)
    await tick(app)
    row = await enrollment(app.state.db, e["id"])
    assert (row["status"], row["stop_reason"]) == ("stopped", "email_bounced")
    assert await step_emails(app.state.db, e["id"]) == []


async def test_a_paused_sequence_sends_nothing_until_active_again(app, user, freeze_clock):
    seq = await make_sequence(user, step(subject="One"))
    e = await enroll(user, seq["id"], (await make_contact(user, "p@example.org"))["id"])
    r = await user.api.put(f"/api/sequences/{seq['id']}", json={"status": "paused"})
    assert r.json()["status"] == "paused"
    await tick(app)
    assert await step_emails(app.state.db, e["id"]) == []
    await user.api.put(f"/api/sequences/{seq['id']}", json={"status": "active"})
    await tick(app)
    assert len(await step_emails(app.state.db, e["id"])) == 1


async def test_a_newsletter_signup_walks_through_the_nurture_sequence(app, user, freeze_clock):
    seq = await make_sequence(
        user,
        step(subject="Day one, {{first_name|friend}}", delay_days=1),
        step(
            subject="From {{form_name}}", body="Thanks for joining via {{form_name}}.", delay_days=2
        ),
    )
    form = await make_form(
        user,
        name="Newsletter",
        type="marketing",
        flow_id="email_marketing",
        fields=NEWSLETTER_FIELDS,
        auto={"sequence_id": seq["id"]},
    )
    sid = await submitted(user, form["id"], {"email": "reader@example.org", "name": "Rita Reader"})
    await drain_jobs(app)
    sub = (await user.api.get(f"/api/submissions/{sid}")).json()
    [seq_step] = [a for a in sub["actions"] if a["step"] == "sequence"]
    assert seq_step["status"] == "done" and seq_step["entity_id"].startswith("enroll_")
    listed = (await user.api.get(f"/api/sequences/{seq['id']}/enrollments")).json()["data"]
    assert [e["contact_id"] for e in listed] == [sub["contact_id"]]
    assert listed[0]["submission_id"] == sid
    # reprocessing the submission keeps the one enrollment
    assert (await user.api.post(f"/api/submissions/{sid}/reprocess")).status_code in (200, 202)
    await drain_jobs(app)
    assert len((await user.api.get(f"/api/sequences/{seq['id']}/enrollments")).json()["data"]) == 1

    enrollment_id = listed[0]["id"]
    await tick(app)
    assert await step_emails(app.state.db, enrollment_id) == []  # a day to wait
    freeze_clock.advance(days=1)
    await tick(app)
    freeze_clock.advance(days=2)
    await tick(app)
    mails = await step_emails(app.state.db, enrollment_id)
    assert [m["subject"] for m in mails] == ["Day one, Rita", "From Newsletter"]
    assert "Thanks for joining via Newsletter." in mails[1]["body_text"]
    assert all(m["to_addr"] == "reader@example.org" for m in mails)


async def test_the_flow_says_why_when_no_sequence_is_set(app, user):
    form = await make_form(
        user, name="Plain list", flow_id="email_marketing", fields=NEWSLETTER_FIELDS
    )
    sid = await submitted(user, form["id"], {"email": "x@example.org"})
    await drain_jobs(app)
    sub = (await user.api.get(f"/api/submissions/{sid}")).json()
    [seq_step] = [a for a in sub["actions"] if a["step"] == "sequence"]
    assert seq_step["status"] == "skipped"
    assert "no nurture sequence" in seq_step["details"]["reason"]


async def test_the_agent_enrolls_into_the_named_sequence_once(app, user):
    seq = await make_sequence(user, step(delay_days=1), name="Nurture")
    opt_in = {"name": "consent", "type": "checkbox", "label": "Send me product news"}
    form = await make_agent_form(user, autonomy="fully_autonomous", extra_fields=[opt_in])
    vague = {
        "email": "sam.smith@gmail.com",
        "name": "Sam",
        "message": "hi, what do you do?",
        "consent": True,  # nurture only with marketing consent (issue 20)
    }
    sid = await submit_and_process(app, user, form["id"], vague)
    done = {
        s["details"]["action"]: s
        for s in await agent_steps(app.state.db, sid)
        if s["step"] == "agent_action" and "action" in s.get("details", {})
    }
    action = done["enroll_sequence"]
    assert action["status"] == "done" and action["details"]["sequence"] == "Nurture"
    assert action["details"]["created"] is True
    await user.api.post(f"/api/submissions/{sid}/reprocess")
    await drain_jobs(app)
    listed = (await user.api.get(f"/api/sequences/{seq['id']}/enrollments")).json()["data"]
    assert len(listed) == 1 and listed[0]["submission_id"] == sid


async def test_agent_personalisation_uses_only_the_contacts_facts(app, user, freeze_clock):
    seq = await make_sequence(
        user,
        step(
            subject="Hello {{first_name}}",
            body="Hi {{first_name}},\nHere is our guide.",
            agent_personalize=True,
        ),
        step(subject="Plain", body="No personal line here.", delay_hours=1),
    )
    contact = await make_contact(
        user, "dana@bigcorp.example", name="Dana Scully", company="BigCorp"
    )
    e = await enroll(user, seq["id"], contact["id"])
    await tick(app)
    freeze_clock.advance(hours=1)
    await tick(app)
    first, second = await step_emails(app.state.db, e["id"])
    assert first["body_text"] == (
        "Hi Dana,\n\nI put this together with the team at BigCorp in mind.\n\nHere is our guide."
    )
    assert second["body_text"] == "No personal line here."
    row = await enrollment(app.state.db, e["id"])
    assert [h.get("personalized") for h in row["history"] if h["event"] == "step_sent"] == [
        True,
        None,
    ]
    calls = await app.state.db.fetchval(
        "SELECT COUNT(*) FROM llm_calls WHERE purpose = 'personalize_step' AND workspace_id = ?",
        (user.workspace_id,),
    )
    assert calls == 1
