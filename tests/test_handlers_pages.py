"""One idea of "agent" and "handler" (issue 14 item 9): the people of a workspace make
themselves handlers in one click, /agents lists every AI agent that exists (a form's own
agent included), and the add-handler form asks each kind only for its own fields."""

from __future__ import annotations

from tests.helpers import soup
from tests.helpers_accounts import join_as
from tests.helpers_agents import CFO_LEAD, make_agent_form, submit_and_process


async def test_the_owner_becomes_a_handler_from_my_work(user, db):
    page = soup(await user.web.get("/work"))
    assert "Ask an admin" not in page.text
    form = page.select_one("form[action='/handlers/me']")
    assert form["method"] == "post" and form.select_one("input[name=next]")["value"] == "/work"
    r = await user.post_form("/handlers/me", {"next": "/work"})
    assert r.status_code == 303 and r.headers["location"] == "/work"
    row = await db.fetchone(
        "SELECT * FROM handlers WHERE workspace_id = ? AND account_id = ?",
        (user.workspace_id, user.account_id),
    )
    assert row["type"] == "human" and row["name"] == "Alice Owner"
    assert row["email"] == "alice@example.com" and row["active"] == 1
    page = soup(await user.web.get("/work"))
    assert "Everything waiting on Alice Owner" in page.text
    assert not page.select("form[action='/handlers/me']")
    # twice: the same handler, not a second one
    await user.post_form("/handlers/me", {"next": "/work"})
    count = await db.fetchval(
        "SELECT COUNT(*) FROM handlers WHERE account_id = ?", (user.account_id,)
    )
    assert count == 1
    assert "already a handler" in soup(await user.web.get("/work")).select_one("#flashes").text
    handlers_page = soup(await user.web.get("/handlers"))
    assert not handlers_page.select(".add-me-card")
    assert "(you)" in handlers_page.select_one("tbody tr").text
    # the handler is offered as an assignee in the editor
    form = await make_agent_form(user)
    editor = soup(await user.web.get(f"/forms/{form['id']}"))
    assert "Handler: Alice Owner (human)" in editor.select_one("#det-assignment").text


async def test_a_deactivated_handler_is_reactivated_and_viewers_cannot(app, user, db):
    await user.post_form("/handlers/me")
    hid = await db.fetchval("SELECT id FROM handlers WHERE account_id = ?", (user.account_id,))
    await user.post_form(f"/handlers/{hid}/toggle")
    assert await db.fetchval("SELECT active FROM handlers WHERE id = ?", (hid,)) == 0
    assert soup(await user.web.get("/handlers")).select_one(".add-me-card")
    await user.post_form("/handlers/me")
    assert await db.fetchval("SELECT active FROM handlers WHERE id = ?", (hid,)) == 1
    viewer = await join_as(app, user, "vera@example.com", "viewer")
    try:
        page = soup(await viewer.web.get("/work"))
        assert not page.select("form[action='/handlers/me']") and "Viewers only read" in page.text
        assert (await viewer.post_form("/handlers/me")).status_code == 403
    finally:
        await viewer.close()


async def test_add_handler_form_has_a_fieldset_per_kind(user, db):
    page = soup(await user.web.get("/handlers"))
    form = page.select_one("#new-handler form")
    kinds = [r["value"] for r in form.select("input[type=radio][name=type]")]
    assert kinds == ["human", "agent"]
    human, agent = form.select_one("fieldset.kind-human"), form.select_one("fieldset.kind-agent")
    assert {i["name"] for i in human.select("[name]")} == {"email", "account_id"}
    assert {i["name"] for i in agent.select("[name]")} == {"instructions", "model"}
    # without CSS both fieldsets post: the server keeps only the chosen kind's fields
    r = await user.post_form(
        "/handlers",
        {"type": "human", "name": "Hanna", "email": "h@x.test", "instructions": "left over"},
    )
    assert r.status_code == 303
    row = await db.fetchone("SELECT * FROM handlers WHERE name = 'Hanna'")
    assert row["email"] == "h@x.test" and row["instructions"] == ""
    r = await user.post_form(
        "/handlers",
        {"type": "agent", "name": "Bot", "email": "bot@x.test", "instructions": "Qualify"},
    )
    row = await db.fetchone("SELECT * FROM handlers WHERE name = 'Bot'")
    assert row["email"] == "" and row["instructions"] == "Qualify"
    bad = await user.post_form("/handlers", {"type": "agent", "name": ""}, htmx=True)
    assert bad.status_code == 422
    assert soup(bad).select_one("#kind-agent").has_attr("checked")  # the choice is kept
    # the API refuses agent-only fields for a person, with a message to act on
    api = await user.api.post(
        "/api/handlers", json={"type": "human", "name": "P", "instructions": "x"}
    )
    assert (
        api.status_code == 422 and "Only AI agents" in api.json()["error"]["fields"]["instructions"]
    )


async def test_agents_lists_a_forms_own_agent_once_it_has_acted(app, user, db):
    page = soup(await user.web.get("/agents"))
    assert "No AI agent has acted yet" in page.text
    form = await make_agent_form(user, autonomy="draft", name="Demo request")
    await submit_and_process(app, user, form["id"], CFO_LEAD)
    board = soup(await user.web.get("/agents")).select_one("#agent-board")
    rows = board.select("tr.agent-row")
    assert len(rows) == 1
    assert rows[0]["data-state"] == "waiting_approval"
    link = rows[0].select_one("td a")
    assert link.get_text(strip=True) == "Demo request agent"
    assert link["href"] == f"/forms/{form['id']}#sec-agent"
    assert rows[0].select("td")[4].get_text(strip=True) == "1"  # one draft waiting
    assert "No AI agent" not in board.text


async def test_another_workspaces_form_agent_is_not_listed(app, two_workspaces, db):
    alice, bob = two_workspaces
    form = await make_agent_form(alice, name="Alice form")
    await submit_and_process(app, alice, form["id"], CFO_LEAD)
    assert "Alice form agent" in (await alice.web.get("/agents")).text
    assert "Alice form agent" not in (await bob.web.get("/agents")).text
