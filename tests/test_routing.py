"""Routing strategies (SPEC §6.2), concurrency, broadcast claims, deactivation."""

from __future__ import annotations

import asyncio
import collections

from tests.factory import make_form, set_form, submit
from tests.helpers import User, drain_jobs


async def handler(user, name, **extra):
    r = await user.api.post(
        "/api/handlers",
        json={"type": "human", "name": name, "email": f"{name.lower()}@acme.test", **extra},
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def group(user, strategy, members, **extra):
    r = await user.api.post(
        "/api/handler-groups",
        json={
            "name": f"{strategy} team",
            "routing_strategy": strategy,
            "members": members,
            **extra,
        },
    )
    assert r.status_code == 201, r.text
    return r.json()


async def submit_many(app, client, form, n, prefix="p"):
    await set_form(app, form["id"], security={"max_submissions_per_ip": 1000})
    results = await asyncio.gather(
        *(submit(client, form["id"], {"email": f"{prefix}{i}@x.test"}) for i in range(n))
    )
    assert all(r.status_code == 201 for r in results)
    # several "workers" drain at once: claims are atomic, routing runs in the writer
    await asyncio.gather(*(drain_jobs(app) for _ in range(4)))
    return [r.json()["submission_id"] for r in results]


async def assignees(db, ids):
    marks = ",".join("?" * len(ids))
    rows = await db.fetchall(
        f"SELECT assigned_type, assigned_id FROM submissions WHERE id IN ({marks})", tuple(ids)
    )
    return collections.Counter((r["assigned_type"], r["assigned_id"]) for r in rows)


async def test_round_robin_50_concurrent_split_17_17_16(app, client, db, user):
    a, b, c = [await handler(user, n) for n in ("Ann", "Bob", "Cid")]
    g = await group(user, "round_robin", [a, b, c])
    form = await make_form(
        user, flow_id="direct_route", assignment={"type": "group", "id": g["id"]}
    )
    ids = await submit_many(app, client, form, 50)
    split = await assignees(db, ids)
    assert sorted(split.values()) == [16, 17, 17] and {k[1] for k in split} == {a, b, c}
    last = await db.fetchval(
        "SELECT last_assigned_member_id FROM handler_groups WHERE id = ?", (g["id"],)
    )
    assert last in {m["id"] for m in g["members"]}


async def test_round_robin_skips_inactive_members(app, client, db, user):
    a, b = await handler(user, "Ann"), await handler(user, "Bob")
    g = await group(user, "round_robin", [a, {"handler_id": b, "active": False}])
    form = await make_form(user, assignment={"type": "group", "id": g["id"]})
    ids = await submit_many(app, client, form, 3)
    assert await assignees(db, ids) == {("handler", a): 3}


async def test_principal_then_fallback_then_unassigned(app, client, db, user):
    boss, backup = await handler(user, "Boss"), await handler(user, "Backup")
    member = await handler(user, "Member")
    g = await group(
        user,
        "principal",
        [{"handler_id": boss, "role": "principal"}, member],
        settings={"fallback_handler_id": backup},
    )
    form = await make_form(user, assignment={"type": "group", "id": g["id"]})
    assert await assignees(db, await submit_many(app, client, form, 2, "a")) == {
        ("handler", boss): 2
    }
    assert (await user.api.put(f"/api/handlers/{boss}", json={"active": False})).status_code == 200
    assert await assignees(db, await submit_many(app, client, form, 2, "b")) == {
        ("handler", backup): 2
    }
    assert (await user.api.delete(f"/api/handlers/{backup}")).status_code == 204
    ids = await submit_many(app, client, form, 1, "c")
    assert await assignees(db, ids) == {("unassigned", None): 1}
    listed = await user.api.get("/api/submissions", params={"assigned": "unassigned"})
    # the deactivated and the removed handlers' open tasks went back to the queue too
    assert len(listed.json()["data"]) == 5 and ids[0] in [s["id"] for s in listed.json()["data"]]


async def test_least_loaded_picks_fewest_open_assignments(app, client, db, user):
    a, b = await handler(user, "Ann"), await handler(user, "Bob")
    g = await group(user, "least_loaded", [a, b])
    form = await make_form(
        user, flow_id="direct_route", assignment={"type": "group", "id": g["id"]}
    )
    first = await submit_many(app, client, form, 4, "a")
    assert sorted((await assignees(db, first)).values()) == [2, 2]
    # Ann closes her tasks: she has the fewest open assignments now
    for task in (await user.api.get("/api/tasks", params={"assignee": a})).json()["data"]:
        assert (
            await user.api.put(f"/api/tasks/{task['id']}", json={"status": "done"})
        ).status_code == 200
    second = await submit_many(app, client, form, 2, "b")
    assert await assignees(db, second) == {("handler", a): 2}


async def test_broadcast_notifies_all_and_first_claim_wins(app, client, db, user):
    a, b = await handler(user, "Ann", account_id=user.account_id), await handler(user, "Bob")
    g = await group(user, "broadcast", [a, b])
    form = await make_form(
        user, flow_id="direct_route", assignment={"type": "group", "id": g["id"]}
    )
    [sid] = await submit_many(app, client, form, 1)
    row = await db.fetchone(
        "SELECT assigned_type, assigned_id FROM submissions WHERE id = ?", (sid,)
    )
    assert row == {"assigned_type": "broadcast", "assigned_id": g["id"]}
    notified = {
        e["to_addr"]
        for e in await db.fetchall("SELECT to_addr FROM emails WHERE kind = 'notification'")
    }
    assert notified == {"ann@acme.test", "bob@acme.test"}
    work = (await user.web.get("/work")).text
    assert sid in work
    r1, r2 = await asyncio.gather(
        user.api.post(f"/api/submissions/{sid}/claim", json={"handler_id": a}),
        user.api.post(f"/api/submissions/{sid}/claim", json={"handler_id": b}),
    )
    assert sorted([r1.status_code, r2.status_code]) == [200, 409]
    winner = a if r1.status_code == 200 else b
    row = await db.fetchone(
        "SELECT assigned_type, assigned_id FROM submissions WHERE id = ?", (sid,)
    )
    assert row == {"assigned_type": "handler", "assigned_id": winner}
    task = await db.fetchone("SELECT assignee_id FROM tasks WHERE submission_id = ?", (sid,))
    assert task["assignee_id"] == winner
    again = await user.api.post(f"/api/submissions/{sid}/claim", json={"handler_id": winner})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_claimed"


async def test_deactivated_handler_keeps_history_and_releases_open_work(app, client, db, user):
    a = await handler(user, "Ann")
    form = await make_form(user, flow_id="support_triage", assignment={"type": "handler", "id": a})
    [sid] = await submit_many(app, client, form, 1)
    assert (await db.fetchone("SELECT assignee_id FROM tickets"))["assignee_id"] == a
    assert (await user.api.delete(f"/api/handlers/{a}")).status_code == 204
    assert (await db.fetchone("SELECT assignee_id FROM tickets"))["assignee_id"] is None
    row = await db.fetchone("SELECT assigned_type, actions FROM submissions WHERE id = ?", (sid,))
    assert row["assigned_type"] == "unassigned" and a in row["actions"]  # the log still names her
    listed = (await user.api.get("/api/handlers", params={"include_removed": "1"})).json()["data"]
    assert [h["removed"] for h in listed if h["id"] == a] == [True]
    assert a not in [h["id"] for h in (await user.api.get("/api/handlers")).json()["data"]]
    page = (await user.web.get("/handlers?removed=1")).text
    assert "removed" in page.lower()


async def test_cross_workspace_is_404(app, client, db, two_workspaces):
    alice, bob = two_workspaces
    hid = await handler(alice, "Ann")
    g = await group(alice, "round_robin", [hid])
    form = await make_form(alice, flow_id="direct_route", assignment={"type": "handler", "id": hid})
    [sid] = await submit_many(app, client, form, 1)
    task_id = (await alice.api.get("/api/tasks")).json()["data"][0]["id"]
    for method, path, body in [
        ("GET", f"/api/submissions/{sid}", None),
        ("PUT", f"/api/submissions/{sid}", {}),
        ("POST", f"/api/submissions/{sid}/reprocess", None),
        ("POST", f"/api/submissions/{sid}/claim", {"handler_id": hid}),
        ("PUT", f"/api/handlers/{hid}", {"name": "x"}),
        ("DELETE", f"/api/handlers/{hid}", None),
        ("GET", f"/api/handler-groups/{g['id']}", None),
        ("POST", f"/api/handler-groups/{g['id']}/members", {"handler_id": hid}),
        ("PUT", f"/api/tasks/{task_id}", {"status": "done"}),
    ]:
        r = await bob.api.request(method, path, json=body)
        assert r.status_code == 404, (method, path, r.text)
    assert (await bob.api.get("/api/submissions")).json()["data"] == []
    assert (await bob.web.get(f"/submissions/{sid}")).status_code == 404


async def test_viewer_cannot_write(app, user):
    assert isinstance(user, User)
    key = await user.create_api_key(["handlers:read"])
    async with user.key_client(key) as reader:
        r = await reader.post("/api/handlers", json={"type": "human", "name": "X"})
        assert r.status_code == 403
        assert (await reader.get("/api/handlers")).status_code == 200


async def assigned_events(user) -> list[dict]:
    r = await user.api.get("/api/events", params={"type": "handler_assigned"})
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def test_routing_to_a_handler_writes_handler_assigned_once(app, client, db, user):
    a, b = await handler(user, "Ann"), await handler(user, "Bob")
    g = await group(user, "round_robin", [a, b])
    form = await make_form(user, assignment={"type": "group", "id": g["id"]})
    ids = await submit_many(app, client, form, 2)
    events = await assigned_events(user)
    assert sorted(e["submission_id"] for e in events) == sorted(ids)
    names = {a: "Ann", b: "Bob"}
    for event in events:
        row = await db.fetchone(
            "SELECT assigned_id FROM submissions WHERE id = ?", (event["submission_id"],)
        )
        assert event["handler_id"] == row["assigned_id"] and event["form_id"] == form["id"]
        assert event["details"] == {
            "handler_id": row["assigned_id"],
            "handler_name": names[row["assigned_id"]],
            "handler_type": "human",
            "strategy": "round_robin",
            "group_id": g["id"],
        }
    # reprocessing keeps the route: no second assignment, no second event
    r = await user.api.post(f"/api/submissions/{ids[0]}/reprocess")
    assert r.status_code in (200, 202), r.text
    await drain_jobs(app)
    assert len(await assigned_events(user)) == 2
    # the live page labels it from the catalogue
    page = (await user.web.get("/live", params={"type": "handler_assigned"})).text
    assert page.count("Handler assigned") >= 3  # two rows and the type menu


async def test_direct_assignment_says_so_and_broadcast_assigns_nobody(app, client, user):
    a, b = await handler(user, "Ann"), await handler(user, "Bob")
    direct = await make_form(user, assignment={"type": "handler", "id": a})
    [sid] = await submit_many(app, client, direct, 1, prefix="d")
    [event] = await assigned_events(user)
    assert event["submission_id"] == sid and event["handler_id"] == a
    assert event["details"]["strategy"] == "direct" and event["details"]["group_id"] is None
    g = await group(user, "broadcast", [a, b])
    offered = await make_form(user, assignment={"type": "group", "id": g["id"]})
    await submit_many(app, client, offered, 1, prefix="b")
    assert len(await assigned_events(user)) == 1
