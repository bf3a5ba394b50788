"""Reviewing what a semi-autonomous agent did (issue 14 item 5): "Looks good" on the
page and the API records who and when, the dashboard's "Needs review" counts such
submissions until then, a viewer may not review, and a reprocess leaves no stale banner."""

from __future__ import annotations

from tests.helpers import drain_jobs, soup
from tests.helpers_agents import CFO_LEAD, make_agent_form, submit_and_process
from tests.helpers_members import join


async def needs_review(who) -> int:
    page = soup(await who.web.get("/"))
    return int(page.select_one("[data-stat=needs_review] .value")["data-value"])


async def test_looks_good_clears_needs_review_and_shows_who_and_when(app, user):
    form = await make_agent_form(user, autonomy="semi_autonomous")
    assert await needs_review(user) == 0
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    assert await needs_review(user) == 1
    work = soup(await user.web.get("/work")).select_one("#needs-review a")
    assert work.text.strip() == "Needs review (1)" and work["href"] == "/submissions?review=needed"
    # the count links to the list it counts, and that list holds this submission
    link = soup(await user.web.get("/")).select_one("[data-stat=needs_review] a")["href"]
    listed = soup(await user.web.get(link))
    assert [a["href"] for a in listed.select(f"a[href='/submissions/{sid}']")]

    page = soup(await user.web.get(f"/submissions/{sid}"))
    banner = page.select_one("#sub-state")
    assert "acted on its own" in banner.text
    action = banner.select_one("form")["action"]
    assert action == f"/submissions/{sid}/review"

    r = await user.post_form(action, page=f"/submissions/{sid}")
    assert r.status_code == 303 and r.headers["location"] == f"/submissions/{sid}"
    assert await needs_review(user) == 0
    assert soup(await user.web.get("/work")).select_one("#needs-review") is None
    row = soup(await user.web.get("/submissions")).select_one("tbody tr")
    assert "review by" not in row.text
    state = soup(await user.web.get(f"/submissions/{sid}")).select_one("#sub-state")
    assert "acted on its own" not in state.text
    assert "Reviewed by Alice Owner" in state.text and state.select_one("time[datetime]")

    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["reviewed_by"] == user.account_id and item["reviewed_at"]
    assert (await user.api.get("/api/submissions?review=needed")).json()["data"] == []


async def test_review_through_the_api_is_idempotent_and_409_when_nothing_to_review(app, user):
    semi = await make_agent_form(user, autonomy="semi_autonomous", name="Semi")
    full = await make_agent_form(user, autonomy="fully_autonomous", name="Full")
    sid = await submit_and_process(app, user, semi["id"], CFO_LEAD)
    other = await submit_and_process(app, user, full["id"], {**CFO_LEAD, "email": "b@bigcorp.com"})

    first = await user.api.post(f"/api/submissions/{sid}/review")
    assert first.status_code == 200 and first.json()["reviewer"] == "Alice Owner"
    again = await user.api.post(f"/api/submissions/{sid}/review")
    assert again.status_code == 200
    assert again.json()["reviewed_at"] == first.json()["reviewed_at"]
    r = await user.api.post(f"/api/submissions/{other}/review")
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_awaiting_review"
    steps = [a["step"] for a in (await user.api.get(f"/api/submissions/{sid}")).json()["actions"]]
    assert steps.count("reviewed") == 1


async def test_a_viewer_cannot_review(app, user):
    form = await make_agent_form(user, autonomy="semi_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    viewer = await join(user, "vic@example.com", name="Vic Viewer", role="viewer")
    page = soup(await viewer.web.get(f"/submissions/{sid}"))
    assert "acted on its own" in page.select_one("#sub-state").text
    assert page.select_one("#sub-state form") is None  # no button they cannot use
    r = await viewer.post_form(f"/submissions/{sid}/review", page=f"/submissions/{sid}")
    assert r.status_code == 403
    assert (await viewer.api.post(f"/api/submissions/{sid}/review")).status_code == 403
    assert await needs_review(user) == 1


async def test_reprocess_into_draft_mode_swaps_the_review_banner_for_the_approval_one(
    app, user, db
):
    form = await make_agent_form(user, autonomy="semi_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    assert "acted on its own" in (await user.web.get(f"/submissions/{sid}")).text
    # the form's agent now drafts; its stored plan is replayed, as a draft this time
    agent = {**form["agent"], "autonomy_level": "draft"}
    assert (
        await user.api.put(f"/api/forms/{form['id']}", json={**form, "agent": agent})
    ).status_code == 200
    await db.execute("DELETE FROM action_runs WHERE submission_id = ?", (sid,))

    r = await user.post_form(f"/submissions/{sid}/reprocess", page=f"/submissions/{sid}")
    assert r.status_code == 303
    during = soup(await user.web.get(f"/submissions/{sid}")).select_one("#sub-state")
    assert "Processing" in during.text and "acted on its own" not in during.text
    await drain_jobs(app)

    state = soup(await user.web.get(f"/submissions/{sid}")).select_one("#sub-state")
    assert (await user.api.get(f"/api/submissions/{sid}")).json()["status"] == "awaiting_approval"
    assert "acted on its own" not in state.text
    assert "waits" in state.text or "approves" in state.text
    assert state.select_one("a[href^='/drafts/']")
    assert await needs_review(user) == 0


async def test_take_over_reviews_and_assigns_it_to_the_member(app, user):
    form = await make_agent_form(user, autonomy="semi_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    r = await user.api.post(
        "/api/handlers", json={"type": "human", "name": "Alice", "account_id": user.account_id}
    )
    assert r.status_code == 201, r.text
    mine = r.json()["id"]
    form_el = soup(await user.web.get(f"/submissions/{sid}")).select_one("#sub-state form")
    assert form_el.select_one("button[name=take_over]").text.strip() == "Take over"
    r = await user.post_form(
        f"/submissions/{sid}/review", {"take_over": "1"}, page=f"/submissions/{sid}"
    )
    assert r.status_code == 303
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["assigned_to"] == {"type": "handler", "id": mine} and item["reviewed_at"]
    assert await needs_review(user) == 0
