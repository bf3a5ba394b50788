"""The bell (issue 14): notifications stored per member and workspace, written where
the facts happen — a submission assigned to you, an agent's draft waiting, a review
due, an @mention in a contact note — shown with a badge, listed on /notifications
and in the HTMX panel, marked read on open, and never shown to anyone else."""

from __future__ import annotations

from tests.factory import make_contact, make_form, submitted
from tests.helpers import drain_jobs, soup
from tests.helpers_agents import CFO_LEAD, make_agent_form, submit_and_process
from tests.helpers_members import join


async def badge(who) -> str | None:
    """The bell's count as shown in the top bar, None when hidden."""
    count = soup(await who.web.get("/forms")).select_one(".topbar #bell-count")
    return None if count.has_attr("hidden") else count.text.strip()


async def bell(who) -> list:
    """Open the bell's panel the way app.js does (an HTMX GET) and read its items."""
    r = await who.web.get("/notifications", headers={"HX-Request": "true"})
    assert r.status_code == 200
    page = soup(r)
    assert page.select_one("#bell-count[hx-swap-oob]").has_attr("hidden")  # the badge clears
    return page.select(".notification")


async def human_handler(owner, account_id: str, name: str) -> str:
    r = await owner.api.post(
        "/api/handlers", json={"type": "human", "name": name, "account_id": account_id}
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def test_assignment_shows_on_the_assignees_bell_only_and_is_read_on_open(app, user):
    bob = await join(user, "bob@example.com", name="Bob Seller")
    handler = await human_handler(user, bob.account_id, "Bob Seller")
    form = await make_form(
        user, flow_id="direct_route", assignment={"type": "handler", "id": handler}
    )
    sid = await submitted(user, form["id"], {"email": "dana@bigcorp.com", "name": "Dana Scully"})
    await drain_jobs(app)

    assert await badge(bob) == "1"
    assert await badge(user) is None  # the owner was not assigned anything
    link = soup(await bob.web.get("/forms")).select_one(".topbar a[data-bell]")
    assert link["href"] == "/notifications" and "1 unread" in link["aria-label"]
    items = await bell(bob)
    assert len(items) == 1 and "is-unread" in items[0]["class"]
    assert "Dana Scully" in items[0].text and "assigned to you" in items[0].text
    assert items[0].select_one("a")["href"] == f"/submissions/{sid}"
    # opened: read; still listed, no longer bold, the badge gone on the next page
    assert await badge(bob) is None
    again = soup(await bob.web.get("/notifications")).select(".notification")
    assert len(again) == 1 and "is-unread" not in again[0]["class"]
    assert (await user.web.get("/notifications")).text.count('class="notification') == 0


async def test_draft_waiting_and_review_due_reach_the_owner(app, user):
    draft_form = await make_agent_form(user, autonomy="draft", name="Drafting")
    semi_form = await make_agent_form(user, autonomy="semi_autonomous", name="Semi")
    await submit_and_process(app, user, draft_form["id"], CFO_LEAD)
    sid = await submit_and_process(
        app, user, semi_form["id"], {**CFO_LEAD, "email": "b@bigcorp.com"}
    )
    assert await badge(user) == "2"
    items = {i["data-kind"]: i for i in await bell(user)}
    assert set(items) == {"draft", "review"}
    assert "waits for your approval" in items["draft"].text
    assert items["draft"].select_one("a")["href"].startswith("/drafts/draft_")
    assert "review it" in items["review"].text
    assert items["review"].select_one("a")["href"] == f"/submissions/{sid}"


async def test_a_reprocess_does_not_notify_twice(app, user):
    form = await make_agent_form(user, autonomy="draft")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    assert (await user.api.post(f"/api/submissions/{sid}/reprocess")).status_code == 202
    await drain_jobs(app)
    assert await badge(user) == "1"


async def test_mention_in_a_contact_note_notifies_the_named_member(app, user):
    bob = await join(user, "bob@example.com", name="Bob Seller")
    carol = await join(user, "carol@example.com", name="Carol Ops")
    contact = await make_contact(user, "dana@bigcorp.com", name="Dana Scully")
    r = await user.post_form(
        f"/contacts/{contact['id']}/notes",
        {"body": "@bob can you call her back? cc @alice (mail me at x@bob.com)"},
        page=f"/contacts/{contact['id']}",
    )
    assert r.status_code == 303
    assert await badge(bob) == "1"
    assert await badge(carol) is None  # not mentioned
    assert await badge(user) is None  # the author mentioning themself gets nothing
    [item] = await bell(bob)
    assert item["data-kind"] == "mention"
    assert "Alice Owner mentioned you in a note on Dana Scully" in item.text
    assert item.select_one("a")["href"] == f"/contacts/{contact['id']}"
    # through the API too, by full name without spaces
    r = await bob.api.post(f"/api/contacts/{contact['id']}/notes", json={"body": "Done, @CarolOps"})
    assert r.status_code == 201
    assert await badge(carol) == "1"


async def test_notifications_stay_in_their_workspace(app, two_workspaces):
    alice, bob = two_workspaces
    form = await make_agent_form(alice, autonomy="draft")
    await submit_and_process(app, alice, form["id"], CFO_LEAD)
    assert await badge(alice) == "1"
    assert await badge(bob) is None and await bell(bob) == []
    # alice in another workspace of hers sees that workspace's bell, not this one's
    r = await alice.api.post("/api/workspaces", json={"name": "Side project"})
    assert r.status_code == 201, r.text
    r = await alice.post_form("/workspaces/switch", {"workspace_id": r.json()["id"]})
    assert r.status_code == 303
    assert await badge(alice) is None and await bell(alice) == []


async def test_the_page_works_without_javascript_and_lists_nothing_when_empty(user):
    page = soup(await user.web.get("/notifications"))
    assert page.select_one("h1").text == "Notifications"
    assert "Nothing new" in page.select_one("main").text
    assert page.select_one("main #bell-count") is None  # the badge lives in the top bar only
