"""Reprocess asks first and says what happens (issue 14); the agent never writes
the same email to the same person twice, even when its plan repeats itself."""

from __future__ import annotations

from tests.helpers import drain_jobs, soup
from tests.helpers_agents import (
    CFO_LEAD,
    ScriptedEngine,
    make_agent_form,
    submission,
    submit_and_process,
)
from tests.test_agents_runner import _agent_emails


async def test_reprocess_asks_for_confirmation_then_runs_without_a_second_email(app, user, db):
    form = await make_agent_form(user)
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    assert len(await _agent_emails(db, sid)) == 1
    show = soup(await user.web.get(f"/submissions/{sid}"))
    link = show.select_one(f"a[href='/submissions/{sid}/reprocess']")
    assert link is not None and link["hx-get"] == f"/submissions/{sid}/reprocess"
    assert show.select_one(f"form[action='/submissions/{sid}/reprocess']") is None  # asks first

    confirm = await user.web.get(f"/submissions/{sid}/reprocess")  # no JS: a page
    assert confirm.status_code == 200 and "<html" in confirm.text
    text = soup(confirm).select_one("#reprocess-confirm").get_text(" ", strip=True)
    assert "current settings" in text and "emails already sent are not sent again" in text
    assert soup(confirm).select_one(f"form[action='/submissions/{sid}/reprocess'] button")
    inline = await user.web.get(f"/submissions/{sid}/reprocess", headers={"HX-Request": "true"})
    assert "<html" not in inline.text and 'id="reprocess-confirm"' in inline.text
    assert await db.fetchval("SELECT status FROM submissions WHERE id = ?", (sid,)) == "processed"

    done = await user.post_form(f"/submissions/{sid}/reprocess", page=f"/submissions/{sid}")
    assert done.status_code == 303 and done.headers["location"] == f"/submissions/{sid}"
    await drain_jobs(app)
    assert (await submission(db, sid))["status"] == "processed"
    assert len(await _agent_emails(db, sid)) == 1


async def test_a_plan_writing_twice_to_one_person_sends_one_email(app, user, db):
    form = await make_agent_form(user)
    hello = {"action": "send_email", "details": {"subject": "Hello Jane", "body": "Let's talk."}}
    again = {"action": "send_email", "details": {"subject": "Hi again", "body": "Still there?"}}
    app.state.llm = ScriptedEngine({"reasoning": "Keen.", "actions": [hello, again]})
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    emails = await _agent_emails(db, sid)
    assert [e["subject"] for e in emails] == ["Hello Jane"]
    skipped = await db.fetchone(
        "SELECT status, result FROM action_runs WHERE submission_id = ? AND action_index = 1",
        (sid,),
    )
    assert skipped["status"] == "skipped" and "already has this email" in skipped["result"]
