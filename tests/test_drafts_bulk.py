"""Drafts list bulk review (issue 14 item 11): tick several, confirm a page that says how
many, then each draft is approved or rejected exactly as if reviewed alone."""

from __future__ import annotations

from app.db import loads
from tests.helpers import soup
from tests.helpers_agents import (
    CFO_LEAD,
    emails_for,
    make_agent_form,
    submit_and_process,
)


async def _drafts(app, user, db, n: int) -> list[str]:
    form = await make_agent_form(user, autonomy="draft")
    ids = []
    for i in range(n):
        lead = {**CFO_LEAD, "email": f"lead{i}@bigcorp.com", "name": f"Lead {i}"}
        sid = await submit_and_process(app, user, form["id"], lead)
        ids.append(await db.fetchval("SELECT id FROM drafts WHERE submission_id = ?", (sid,)))
    return ids


async def _agent_mails(db, draft_id):
    sid = await db.fetchval("SELECT submission_id FROM drafts WHERE id = ?", (draft_id,))
    return [e for e in await emails_for(db, sid) if loads(e["related"], {}).get("action")]


async def _statuses(db, ids):
    return [await db.fetchval("SELECT status FROM drafts WHERE id = ?", (i,)) for i in ids]


async def test_bulk_approve_confirms_how_many_then_runs_each_draft(app, user, db):
    ids = await _drafts(app, user, db, 3)
    page = soup(await user.web.get("/drafts"))
    bulk = page.select_one("form#drafts-bulk")
    assert bulk["method"] == "post" and bulk["action"] == "/drafts/bulk"
    boxes = bulk.select("input.draft-pick[name=ids]")
    assert sorted(b["value"] for b in boxes) == sorted(ids)
    for box in boxes:  # each box is named by its row: "Select Lead 2"
        assert box["aria-labelledby"].split()[1] == f"draft-title-{box['value']}"
    token = bulk.select_one("input[name=csrf_token]")["value"]
    chosen = ids[:2]
    ask = await user.web.post(
        "/drafts/bulk",
        data={"csrf_token": token, "ids": chosen, "decision": "approve", "note": "Batch OK"},
    )
    assert ask.status_code == 200
    confirm = soup(ask)
    assert confirm.select_one("h1").get_text(strip=True) == "Approve 2 drafts?"
    assert "will run now" in confirm.select_one(".confirm-what").text
    assert len(confirm.select(".draft-row")) == 2
    assert await _statuses(db, ids) == ["pending"] * 3  # nothing ran before confirming
    form = confirm.select_one("form[action='/drafts/bulk']")
    data = {
        "csrf_token": token,
        "ids": [i["value"] for i in form.select("input[name=ids]")],
        "decision": form.select_one("input[name=decision]")["value"],
        "confirmed": form.select_one("input[name=confirmed]")["value"],
        "note": form.select_one("input[name=note]")["value"],
    }
    assert form.select_one("button").get_text(strip=True) == "Approve 2 drafts"
    done = await user.web.post("/drafts/bulk", data=data)
    assert done.status_code == 303 and done.headers["location"] == "/drafts"
    assert await _statuses(db, ids) == ["approved", "approved", "pending"]
    assert await db.fetchval("SELECT note FROM drafts WHERE id = ?", (ids[0],)) == "Batch OK"
    flashes = soup(await user.web.get("/drafts")).select_one("#flashes").text
    assert "2 drafts approved" in flashes
    assert [len(await _agent_mails(db, i)) for i in ids] == [1, 1, 0]  # the emails ran
    # again: all already reviewed → skipped, nothing runs twice
    again = await user.web.post("/drafts/bulk", data=data)
    assert again.status_code == 303
    assert [len(await _agent_mails(db, i)) for i in ids] == [1, 1, 0]
    assert "0 drafts approved" in soup(await user.web.get("/drafts")).select_one("#flashes").text


async def test_bulk_reject_needs_a_note_and_sends_nothing(app, user, db):
    ids = await _drafts(app, user, db, 2)
    base = {"ids": ids, "decision": "reject"}
    r = await user.post_form("/drafts/bulk", {**base, "note": "  "})
    assert r.status_code == 303
    assert "Say why" in soup(await user.web.get("/drafts")).select_one("#flashes").text
    ask = await user.post_form("/drafts/bulk", {**base, "note": "Not our market"})
    assert soup(ask).select_one("h1").get_text(strip=True) == "Reject 2 drafts?"
    r = await user.post_form("/drafts/bulk", {**base, "note": "Not our market", "confirmed": "1"})
    assert r.status_code == 303
    assert await _statuses(db, ids) == ["rejected", "rejected"]
    assert [len(await _agent_mails(db, i)) for i in ids] == [0, 0]
    notes = await db.fetchall("SELECT note FROM drafts WHERE id IN (?, ?)", tuple(ids))
    assert {n["note"] for n in notes} == {"Not our market"}


async def test_bulk_without_ticks_or_with_foreign_ids(app, two_workspaces, db):
    alice, bob = two_workspaces
    ids = await _drafts(app, alice, db, 1)
    r = await alice.post_form("/drafts/bulk", {"decision": "approve"})
    assert r.status_code == 303
    assert "Tick at least one" in soup(await alice.web.get("/drafts")).select_one("#flashes").text
    ask = await bob.post_form("/drafts/bulk", {"ids": ids, "decision": "approve"})
    assert "None of the ticked drafts" in soup(ask).text
    r = await bob.post_form("/drafts/bulk", {"ids": ids, "decision": "approve", "confirmed": "1"})
    assert r.status_code == 303
    assert await _statuses(db, ids) == ["pending"]  # another workspace's draft is untouched
