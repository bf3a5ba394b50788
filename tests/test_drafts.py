"""Drafts: the JSON API and the /drafts page (approve with edits, reject with a note)."""

from __future__ import annotations

from app.db import loads
from tests.helpers import soup
from tests.helpers_agents import (
    CFO_LEAD,
    emails_for,
    event_types,
    make_agent_form,
    submission,
    submit_and_process,
)


async def _draft(app, user, db, **form_kw):
    form = await make_agent_form(user, autonomy="draft", **form_kw)
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    draft_id = await db.fetchval("SELECT id FROM drafts WHERE submission_id = ?", (sid,))
    return sid, draft_id


async def _agent_mails(db, sid):
    return [e for e in await emails_for(db, sid) if loads(e["related"], {}).get("action")]


def form_values(form) -> dict:
    """What a browser would post for a <form>: checked boxes, text, textareas, selected options."""
    data = {}
    for el in form.select("input[name]"):
        if el.get("type") == "checkbox" and not el.has_attr("checked"):
            continue
        data[el["name"]] = el.get("value", "on") if el.get("type") != "checkbox" else "on"
    for el in form.select("textarea[name]"):
        data[el["name"]] = el.text
    for el in form.select("select[name]"):
        chosen = el.select_one("option[selected]") or el.select_one("option")
        data[el["name"]] = chosen["value"]
    return data


async def test_api_lists_and_shows_a_pending_draft(app, user, db):
    sid, draft_id = await _draft(app, user, db)
    r = await user.api.get("/api/drafts")
    assert r.status_code == 200
    body = r.json()
    assert [d["id"] for d in body["data"]] == [draft_id] and body["next_cursor"] is None
    one = (await user.api.get(f"/api/drafts/{draft_id}")).json()
    assert one["status"] == "pending" and one["submission_id"] == sid
    assert [a["action"] for a in one["planned_actions"]] == [
        "qualify_lead",
        "create_deal",
        "send_email",
    ]
    assert one["reasoning"].startswith("Scored high")
    assert (await user.api.get("/api/drafts?status=approved")).json()["data"] == []
    assert (await user.api.get("/api/drafts?status=bogus")).status_code == 422


async def test_api_approve_with_an_edited_action_runs_the_edited_plan(app, user, db):
    sid, draft_id = await _draft(app, user, db)
    planned = (await user.api.get(f"/api/drafts/{draft_id}")).json()["planned_actions"]
    edited = [
        planned[0],
        {
            "action": "send_email",
            "details": {"subject": "Edited: your demo", "body": "Hi Jane, edited."},
        },
    ]
    r = await user.api.post(f"/api/drafts/{draft_id}/approve", json={"planned_actions": edited})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved" and r.json()["reviewed_by"] == user.account_id
    assert [a["action"] for a in r.json()["planned_actions"]] == ["qualify_lead", "send_email"]
    sub = await submission(db, sid)
    assert sub["status"] == "processed"
    assert await db.fetchall("SELECT id FROM deals") == []  # the reviewer dropped the deal
    mails = await _agent_mails(db, sid)
    assert [m["subject"] for m in mails] == ["Edited: your demo"]
    approved = await db.fetchone(
        "SELECT details FROM events WHERE submission_id = ? AND type = 'human_approved'", (sid,)
    )
    assert loads(approved["details"])["edited"] is True
    again = await user.api.post(f"/api/drafts/{draft_id}/approve", json={})
    assert again.status_code == 409 and again.json()["error"]["code"] == "draft_already_reviewed"
    assert len(await _agent_mails(db, sid)) == 1


async def test_api_approve_as_is_and_the_approval_cannot_add_a_disallowed_action(app, user, db):
    sid, draft_id = await _draft(
        app, user, db, allowed=["qualify_lead", "send_email", "create_deal"]
    )
    bad = await user.api.post(
        f"/api/drafts/{draft_id}/approve",
        json={"planned_actions": [{"action": "create_ticket", "details": {"title": "x"}}]},
    )
    assert bad.status_code == 422
    assert "create_ticket is not allowed" in bad.json()["error"]["fields"]["planned_actions"]
    malformed = await user.api.post(
        f"/api/drafts/{draft_id}/approve",
        json={"planned_actions": [{"action": "send_email", "details": {"subject": "x"}}]},
    )
    assert (
        malformed.status_code == 422
        and "body" in malformed.json()["error"]["fields"]["planned_actions"]
    )
    ok = await user.api.post(f"/api/drafts/{draft_id}/approve")
    assert ok.status_code == 200 and ok.json()["status"] == "approved"
    assert (
        len(await db.fetchall("SELECT id FROM deals")) == 1
        and len(await _agent_mails(db, sid)) == 1
    )


async def test_api_reject_needs_a_note_and_runs_nothing(app, user, db):
    sid, draft_id = await _draft(app, user, db)
    blank = await user.api.post(f"/api/drafts/{draft_id}/reject", json={"note": "  "})
    assert blank.status_code == 422 and "note" in blank.json()["error"]["fields"]
    r = await user.api.post(
        f"/api/drafts/{draft_id}/reject", json={"note": "We already talk to BigCorp."}
    )
    assert (
        r.status_code == 200
        and r.json()["status"] == "rejected"
        and r.json()["note"] == "We already talk to BigCorp."
    )
    sub = await submission(db, sid)
    assert sub["status"] == "processed" and sub["outcome"] == "draft_rejected"
    assert await _agent_mails(db, sid) == [] and await db.fetchall("SELECT id FROM deals") == []
    assert "human_rejected" in await event_types(db, sid)
    assert (await user.api.post(f"/api/drafts/{draft_id}/approve")).status_code == 409


async def test_drafts_are_invisible_to_another_workspace(app, two_workspaces, db):
    alice, bob = two_workspaces
    _, draft_id = await _draft(app, alice, db)
    assert (await bob.api.get(f"/api/drafts/{draft_id}")).status_code == 404
    assert (await bob.api.post(f"/api/drafts/{draft_id}/approve")).status_code == 404
    assert (
        await bob.api.post(f"/api/drafts/{draft_id}/reject", json={"note": "no"})
    ).status_code == 404
    assert (await bob.api.get("/api/drafts")).json()["data"] == []
    assert (await bob.web.get(f"/drafts/{draft_id}")).status_code == 404
    r = await bob.post_form(f"/drafts/{draft_id}/approve", {}, page="/drafts")
    assert r.status_code == 404
    assert (await db.fetchval("SELECT status FROM drafts WHERE id = ?", (draft_id,))) == "pending"


async def test_api_scopes(app, user, db):
    _, draft_id = await _draft(app, user, db)
    reader = user.key_client(await user.create_api_key(["drafts:read"]))
    try:
        assert (await reader.get(f"/api/drafts/{draft_id}")).status_code == 200
        denied = await reader.post(f"/api/drafts/{draft_id}/approve")
        assert denied.status_code == 403 and denied.json()["error"]["code"] == "missing_scope"
    finally:
        await reader.aclose()
    assert (
        await user.web.get("/api/drafts", headers={"Authorization": "Bearer nope"})
    ).status_code == 401


async def test_page_lists_drafts_and_plain_approve_with_edits_redirects(app, user, db):
    sid, draft_id = await _draft(app, user, db)
    page = await user.web.get("/drafts")
    assert page.status_code == 200
    # the list is one summary line per draft; the editable card is on the draft's own page
    row = soup(page).select_one(f"#draft-row-{draft_id}")
    assert row.select_one(f"a[href='/drafts/{draft_id}']").get_text(strip=True) == "Jane Miller"
    assert "score high" in row.select_one(".draft-row-meta").text
    assert "Send email “Your request for a demo, Jane”" in row.text
    assert not soup(page).select("form[action$='/approve'], textarea[name^='a']")
    card = soup(await user.web.get(f"/drafts/{draft_id}")).select_one(f"#draft-{draft_id}")
    assert card is not None and "Scored high" in card.text
    form = card.select_one(f"form[action='/drafts/{draft_id}/approve']")
    assert form["hx-post"] == f"/drafts/{draft_id}/approve" and form["method"] == "post"
    for label in form.select("label[for]"):
        assert form.select_one(f"#{label['for']}") is not None
    data = form_values(form)
    assert data["a2_subject"] == "Your request for a demo, Jane"
    data.pop("a1_keep")  # untick create_deal
    data["a2_subject"] = "A demo for BigCorp"
    assert data["csrf_token"]  # the page's own token: the form works without JavaScript
    assert data["a1_amount"] == "50000"
    r = await user.web.post(f"/drafts/{draft_id}/approve", data=data)
    assert r.status_code == 303 and r.headers["location"] == "/drafts"
    assert [m["subject"] for m in await _agent_mails(db, sid)] == ["A demo for BigCorp"]
    assert await db.fetchall("SELECT id FROM deals") == []
    done = await user.web.get("/drafts?status=approved")
    assert soup(done).select_one(f"#draft-row-{draft_id} .badge-approved").text == "approved"
    assert not soup(done).select(".draft-pick")  # nothing to tick among reviewed drafts
    shown = soup(await user.web.get(f"/drafts/{draft_id}")).select_one(f"#draft-{draft_id}")
    assert "Approved by Alice Owner" in shown.text


async def test_page_htmx_reject_swaps_the_card_and_a_missing_note_answers_422(app, user, db):
    _, draft_id = await _draft(app, user, db)
    bad = await user.post_form(
        f"/drafts/{draft_id}/reject", {"note": ""}, page="/drafts", htmx=True
    )
    assert bad.status_code == 422
    err = soup(bad).select_one(f"#e-note-{draft_id}")
    assert err is not None and "Say why" in err.text
    assert soup(bad).select_one(f"#note-{draft_id}")["aria-describedby"] == f"e-note-{draft_id}"
    ok = await user.post_form(
        f"/drafts/{draft_id}/reject", {"note": "Duplicate <b>lead</b>"}, page="/drafts", htmx=True
    )
    assert ok.status_code == 200
    card = soup(ok).select_one(f"#draft-{draft_id}")
    assert card.select_one(".badge").text.strip() == "rejected"
    assert "Duplicate <b>lead</b>" in card.text and "<b>lead</b>" not in ok.text  # escaped


async def test_page_htmx_approve_with_a_bad_amount_keeps_the_input(app, user, db):
    _, draft_id = await _draft(app, user, db)
    card = soup(await user.web.get(f"/drafts/{draft_id}")).select_one(f"#draft-{draft_id}")
    data = {
        **form_values(card.select_one("form.draft-approve")),
        "a1_amount": "lots",
        "a2_body": "My edited body",
    }
    r = await user.post_form(f"/drafts/{draft_id}/approve", data, page="/drafts", htmx=True)
    assert r.status_code == 422
    page = soup(r)
    assert "not an amount" in page.select_one("[role=alert]").text
    assert page.select_one(f"#d-{draft_id}-a1_amount") is not None
    assert page.select_one(f"#d-{draft_id}-a2_body").text == "My edited body"
    assert (await db.fetchval("SELECT status FROM drafts WHERE id = ?", (draft_id,))) == "pending"


async def test_empty_drafts_page(app, user):
    r = await user.web.get("/drafts")
    assert r.status_code == 200 and "Nothing waiting for approval" in r.text


async def test_viewers_see_drafts_but_cannot_approve_or_reject(app, user, db):
    from tests.helpers_accounts import join_as

    _, draft_id = await _draft(app, user, db)
    viewer = await join_as(app, user, "vera@example.com", "viewer")
    try:
        page = await viewer.web.get("/drafts")
        assert page.status_code == 200 and soup(page).select_one(f"#draft-row-{draft_id}")
        assert not soup(page).select("#drafts-bulk, .draft-pick")
        shown = soup(await viewer.web.get(f"/drafts/{draft_id}"))
        assert shown.select_one(f"form[action='/drafts/{draft_id}/approve']") is None
        assert (
            await viewer.post_form(f"/drafts/{draft_id}/approve", {}, page="/drafts")
        ).status_code == 403
        assert (
            await viewer.api.post(f"/api/drafts/{draft_id}/reject", json={"note": "no"})
        ).status_code == 403
        assert (await viewer.api.get(f"/api/drafts/{draft_id}")).status_code == 200
    finally:
        await viewer.close()
    assert (await db.fetchval("SELECT status FROM drafts WHERE id = ?", (draft_id,))) == "pending"
