"""Sequences through the JSON API (SPEC §8, §12, §13): CRUD, steps, enrollments
and every enrollment action with its bad paths."""

from __future__ import annotations

from tests.factory import make_contact, make_viewer
from tests.helpers_sequences import enroll, make_sequence, step, step_emails, tick


async def test_create_and_read_a_sequence_with_ordered_steps(user):
    seq = await make_sequence(
        user, step(delay_days=0), step(subject="Part two", delay_days=2, send_time="09:00")
    )
    assert seq["id"].startswith("seq_")
    assert seq["stop_conditions"] == [
        "contact_replied",
        "deal_created",
        "manual_stop",
        "contact_unsubscribed",
    ]
    assert [s["order"] for s in seq["steps"]] == [1, 2]
    assert seq["steps"][1]["send_time"] == "09:00" and seq["steps"][1]["delay_days"] == 2
    got = await user.api.get(f"/api/sequences/{seq['id']}")
    assert got.json() == seq
    listed = (await user.api.get("/api/sequences")).json()
    assert [s["id"] for s in listed["data"]] == [seq["id"]] and listed["next_cursor"] is None


async def test_bad_step_delays_and_text_are_422_naming_the_field(user):
    seq = await make_sequence(user)
    url = f"/api/sequences/{seq['id']}/steps"
    for bad, key in (
        ({"delay_days": -1}, "delay_days"),
        ({"delay_days": 1.5}, "delay_days"),
        ({"delay_days": 400}, "delay_days"),
        ({"delay_hours": 24}, "delay_hours"),
        ({"delay_hours": True}, "delay_hours"),
        ({"delay_days": "soon"}, "delay_days"),
        ({"send_time": "25:00"}, "send_time"),
        ({"subject": ""}, "subject"),
        ({"body": "Hi {{nickname}}"}, "body"),
        ({"body": "{% for x in y %}"}, "body"),
    ):
        r = await user.api.post(url, json={**step(), **bad})
        assert r.status_code == 422, (bad, r.text)
        assert key in r.json()["error"]["fields"], (bad, r.json())
    r = await user.api.post("/api/sequences", json={"name": "x", "steps": [step(delay_days=-3)]})
    assert r.status_code == 422 and "steps[0].delay_days" in r.json()["error"]["fields"]
    assert (await user.api.get(f"/api/sequences/{seq['id']}")).json()["steps"] == []


async def test_steps_insert_reorder_edit_and_remove(user):
    seq = await make_sequence(user, step(subject="A"), step(subject="B"))
    url = f"/api/sequences/{seq['id']}/steps"
    c = (await user.api.post(url, json={**step(subject="C"), "order": 1})).json()
    subjects = lambda s: [x["subject"] for x in s["steps"]]  # noqa: E731
    current = (await user.api.get(f"/api/sequences/{seq['id']}")).json()
    assert subjects(current) == ["C", "A", "B"]
    r = await user.api.put(f"{url}/{c['id']}", json={**c, "order": 3, "delay_hours": 4})
    assert r.status_code == 200 and r.json()["order"] == 3 and r.json()["delay_hours"] == 4
    current = (await user.api.get(f"/api/sequences/{seq['id']}")).json()
    assert subjects(current) == ["A", "B", "C"]
    assert (await user.api.delete(f"{url}/{current['steps'][0]['id']}")).status_code == 204
    current = (await user.api.get(f"/api/sequences/{seq['id']}")).json()
    assert subjects(current) == ["B", "C"] and [s["order"] for s in current["steps"]] == [1, 2]


async def test_put_takes_the_resource_back_and_names_a_changed_read_only_key(user):
    seq = await make_sequence(user, step())
    r = await user.api.put(f"/api/sequences/{seq['id']}", json={**seq, "name": "Renamed"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed"
    r = await user.api.put(f"/api/sequences/{seq['id']}", json={**seq, "id": "seq_other"})
    assert r.status_code == 422 and "id" in r.json()["error"]["fields"]
    r = await user.api.put(f"/api/sequences/{seq['id']}", json={"stop_conditions": ["never"]})
    assert r.status_code == 422 and "stop_conditions" in r.json()["error"]["fields"]


async def test_enroll_and_a_second_active_enrollment_is_409(user):
    seq = await make_sequence(user, step())
    contact = await make_contact(user, "dana@bigcorp.example", name="Dana Scully")
    first = await enroll(user, seq["id"], contact["id"])
    assert first["id"].startswith("enroll_") and first["status"] == "active"
    assert first["current_step"] == 0 and first["next_step_due_at"]
    assert first["history"][0]["event"] == "enrolled"
    again = await enroll(user, seq["id"], contact["id"], expect=409)
    assert "already enrolled" in again["error"]["message"]
    r = await user.api.post(f"/api/sequences/{seq['id']}/enroll", json={"contact_id": "contact_x"})
    assert r.status_code == 404
    r = await user.api.post(f"/api/sequences/{seq['id']}/enroll", json={"contact_id": ["x"]})
    assert r.status_code == 422 and "contact_id" in r.json()["error"]["fields"]
    r = await user.api.get(f"/api/sequences/{seq['id']}/enrollments", params={"status": "gone"})
    assert r.status_code == 422
    r = await user.api.get(f"/api/sequences/{seq['id']}/enrollments", params={"status": "active"})
    assert [e["id"] for e in r.json()["data"]] == [first["id"]]
    # once stopped, the contact may be enrolled again
    await user.api.post(f"/api/enrollments/{first['id']}/stop")
    assert (await enroll(user, seq["id"], contact["id"]))["id"] != first["id"]


async def test_every_enrollment_action_and_its_bad_paths(app, user):
    seq = await make_sequence(user, step(subject="One"), step(subject="Two", delay_days=3))
    contact = await make_contact(user, "fox@example.org", name="Fox Mulder")
    e = await enroll(user, seq["id"], contact["id"])
    act = lambda name: user.api.post(f"/api/enrollments/{e['id']}/{name}")  # noqa: E731

    r = await act("resume")
    assert r.status_code == 409 and "active" in r.json()["error"]["message"]
    r = await act("pause")
    assert r.status_code == 200 and r.json()["status"] == "paused"
    assert (await act("pause")).status_code == 409
    assert (await act("advance")).status_code == 409  # paused: resume first
    r = await act("resume")
    assert r.status_code == 200 and r.json()["status"] == "active"

    r = await act("advance")
    assert r.status_code == 200 and r.json()["current_step"] == 1
    emails = await step_emails(app.state.db, e["id"])
    assert [m["subject"] for m in emails] == ["One"] and emails[0]["kind"] == "marketing"
    assert r.json()["history"][-1]["event"] == "step_sent"

    r = await act("replied")
    body = r.json()
    assert r.status_code == 200 and body["status"] == "stopped"
    assert body["stop_reason"] == "contact_replied"
    for name in ("stop", "pause", "resume", "advance", "replied"):
        assert (await act(name)).status_code == 409, name
    await tick(app)
    assert len(await step_emails(app.state.db, e["id"])) == 1  # stopped: nothing more


async def test_replied_without_the_stop_condition_is_only_recorded(user):
    seq = await make_sequence(user, step(), stop_conditions=["manual_stop"])
    contact = await make_contact(user, "ann@example.org")
    e = await enroll(user, seq["id"], contact["id"])
    r = await user.api.post(f"/api/enrollments/{e['id']}/replied")
    assert r.status_code == 200 and r.json()["status"] == "active"
    assert r.json()["history"][-1]["event"] == "replied"
    r = await user.api.post(f"/api/enrollments/{e['id']}/stop")
    assert r.json()["status"] == "stopped" and r.json()["stop_reason"] == "manual_stop"


async def test_foreign_ids_are_404_and_viewers_are_403(app, two_workspaces):
    alice, bob = two_workspaces
    seq = await make_sequence(bob, step())
    contact = await make_contact(bob, "carl@bob.example")
    e = await enroll(bob, seq["id"], contact["id"])
    mine = await make_contact(alice, "amy@alice.example")
    assert (await alice.api.get(f"/api/sequences/{seq['id']}")).status_code == 404
    r = await alice.api.post(f"/api/sequences/{seq['id']}/enroll", json={"contact_id": mine["id"]})
    assert r.status_code == 404
    own = await make_sequence(alice, step())
    r = await alice.api.post(
        f"/api/sequences/{own['id']}/enroll", json={"contact_id": contact["id"]}
    )
    assert r.status_code == 404  # Bob's contact
    for name in ("stop", "pause", "resume", "advance", "replied"):
        assert (await alice.api.post(f"/api/enrollments/{e['id']}/{name}")).status_code == 404
    assert (await alice.api.delete(f"/api/sequences/{seq['id']}")).status_code == 404
    assert (await bob.api.get(f"/api/sequences/{seq['id']}/enrollments")).json()["data"][0][
        "status"
    ] == "active"

    viewer = await make_viewer(app)
    r = await viewer.api.post("/api/sequences", json={"name": "Nope"})
    assert r.status_code == 403
    assert (await viewer.api.get("/api/sequences")).status_code == 200


async def test_a_read_key_cannot_write_sequences(user):
    key = await user.create_api_key(["sequences:read"])
    async with user.key_client(key) as client:
        assert (await client.get("/api/sequences")).status_code == 200
        r = await client.post("/api/sequences", json={"name": "x"})
        assert r.status_code == 403


async def test_deleting_a_sequence_stops_its_enrollments(app, user):
    seq = await make_sequence(user, step())
    a = await enroll(user, seq["id"], (await make_contact(user, "a@example.org"))["id"])
    b = await enroll(user, seq["id"], (await make_contact(user, "b@example.org"))["id"])
    await user.api.post(f"/api/enrollments/{b['id']}/pause")
    assert (await user.api.delete(f"/api/sequences/{seq['id']}")).status_code == 204
    assert (await user.api.get(f"/api/sequences/{seq['id']}")).status_code == 404
    rows = await app.state.db.fetchall(
        "SELECT status, stop_reason FROM enrollments WHERE id IN (?, ?)", (a["id"], b["id"])
    )
    assert [(r["status"], r["stop_reason"]) for r in rows] == [("stopped", "sequence_deleted")] * 2
    await tick(app)
    assert await step_emails(app.state.db, a["id"]) == []


async def test_a_sequence_without_steps_completes_an_enrollment_at_once(user):
    seq = await make_sequence(user)
    e = await enroll(user, seq["id"], (await make_contact(user, "z@example.org"))["id"])
    assert e["status"] == "completed" and e["completed_at"] and e["next_step_due_at"] is None


async def test_openapi_documents_the_enrollment_actions(client):
    paths = (await client.get("/api/openapi.json")).json()["paths"]
    for action in ("stop", "pause", "resume", "advance", "replied"):
        op = paths[f"/api/enrollments/{{id}}/{action}"]["post"]
        assert op["x-required-scope"] == "sequences:write" and op["summary"], action
    assert "contact_replied" in paths["/api/enrollments/{id}/replied"]["post"]["description"]
    assert paths["/api/sequences/{id}/enrollments"]["get"]["x-required-scope"] == "sequences:read"
