"""Handlers, groups, tasks, tickets and submission updates through the JSON API (SPEC §12)."""

from __future__ import annotations

import re

from tests.factory import make_form, submit
from tests.helpers import drain_jobs

ID = re.compile(r"^[a-z]+_[a-z0-9]{16}$")


async def test_handler_shape_and_validation(user):
    r = await user.api.post(
        "/api/handlers",
        json={
            "type": "agent",
            "name": "Scout",
            "instructions": "Qualify leads",
            "model": "claude-x",
        },
    )
    assert r.status_code == 201
    h = r.json()
    assert ID.match(h["id"]) and h["id"].startswith("hdl_")
    assert set(h) >= {
        "id",
        "type",
        "name",
        "email",
        "account_id",
        "instructions",
        "active",
        "state",
        "last_heartbeat_at",
        "current_submission_id",
    }
    assert h["state"] == "idle" and h["active"] is True
    bad = await user.api.post("/api/handlers", json={"type": "robot", "name": "", "email": "x"})
    assert bad.status_code == 422
    assert set(bad.json()["error"]["fields"]) == {"type", "name", "email"}
    stranger = await user.api.post(
        "/api/handlers", json={"type": "human", "name": "X", "account_id": "acct_x"}
    )
    assert stranger.status_code == 422 and "account_id" in stranger.json()["error"]["fields"]
    assert (
        await user.api.put(f"/api/handlers/{h['id']}", json={"active": "yes"})
    ).status_code == 422
    renamed = await user.api.put(f"/api/handlers/{h['id']}", json={"name": "Scout 2"})
    assert renamed.json()["name"] == "Scout 2"


async def test_group_shape_members_and_errors(user):
    a = (await user.api.post("/api/handlers", json={"type": "human", "name": "A"})).json()["id"]
    r = await user.api.post(
        "/api/handler-groups",
        json={
            "name": "Support",
            "routing_strategy": "least_loaded",
            "settings": {"fallback_handler_id": a},
        },
    )
    assert r.status_code == 201
    g = r.json()
    assert (
        g["id"].startswith("group_")
        and g["settings"] == {"fallback_handler_id": a}
        and g["members"] == []
    )
    added = await user.api.post(
        f"/api/handler-groups/{g['id']}/members", json={"handler_id": a, "role": "principal"}
    )
    assert added.status_code == 201
    member = added.json()["members"][0]
    assert member["handler_id"] == a and member["role"] == "principal" and member["active"] is True
    bad = await user.api.post(
        f"/api/handler-groups/{g['id']}/members", json={"handler_id": "hdl_nope", "role": "boss"}
    )
    assert bad.status_code == 422 and set(bad.json()["error"]["fields"]) == {"role"}
    # the body's shape is checked first (app/web/schema.py), then what the database knows
    bad = await user.api.post(
        f"/api/handler-groups/{g['id']}/members", json={"handler_id": "hdl_nope"}
    )
    assert bad.status_code == 422 and set(bad.json()["error"]["fields"]) == {"handler_id"}
    assert (
        await user.api.put(f"/api/handler-groups/{g['id']}", json={"routing_strategy": "random"})
    ).status_code == 422
    listed = (await user.api.get("/api/handler-groups")).json()["data"]
    assert [x["id"] for x in listed] == [g["id"]]
    gone = await user.api.delete(f"/api/handler-groups/{g['id']}/members/{member['id']}")
    assert gone.status_code == 204
    assert (
        await user.api.delete(f"/api/handler-groups/{g['id']}/members/{member['id']}")
    ).status_code == 404
    assert (await user.api.delete(f"/api/handler-groups/{g['id']}")).status_code == 204
    assert (await user.api.get(f"/api/handler-groups/{g['id']}")).status_code == 404


async def test_tasks_and_tickets_api(app, client, user):
    h = (await user.api.post("/api/handlers", json={"type": "human", "name": "H"})).json()["id"]
    support = await make_form(
        user, flow_id="support_triage", assignment={"type": "handler", "id": h}
    )
    general = await make_form(user, flow_id="direct_route", assignment={"type": "handler", "id": h})
    await submit(client, support["id"], {"email": "s@x.test"})
    await submit(client, general["id"], {"email": "g@x.test"})
    await drain_jobs(app)
    tickets = (await user.api.get("/api/tickets")).json()["data"]
    tasks = (await user.api.get("/api/tasks", params={"status": "open", "assignee": h})).json()[
        "data"
    ]
    assert len(tickets) == 1 and len(tasks) == 1
    t = tickets[0]
    assert t["id"].startswith("ticket_") and t["reference"] == "T-00001" and t["assignee_id"] == h
    assert set(tasks[0]) >= {
        "id",
        "title",
        "status",
        "assignee_id",
        "submission_id",
        "contact_id",
        "due_at",
        "created_at",
    }
    r = await user.api.put(
        f"/api/tickets/{t['id']}", json={"status": "resolved", "priority": "high"}
    )
    assert (
        r.status_code == 200 and r.json()["status"] == "resolved" and r.json()["priority"] == "high"
    )
    bad = await user.api.put(
        f"/api/tasks/{tasks[0]['id']}", json={"status": "finished", "assignee_id": 7}
    )
    assert bad.status_code == 422 and set(bad.json()["error"]["fields"]) == {
        "status",
        "assignee_id",
    }
    bad = await user.api.put(f"/api/tasks/{tasks[0]['id']}", json={"assignee_id": "hdl_x"})
    assert bad.status_code == 422 and set(bad.json()["error"]["fields"]) == {"assignee_id"}
    assert (await user.api.get("/api/tasks", params={"status": "weird"})).status_code == 422


async def test_submission_update_and_claim_errors(app, client, user):
    form = await make_form(user, flow_id="booking_request")
    sid = (await submit(client, form["id"], {"email": "u@x.test"})).json()["submission_id"]
    await drain_jobs(app)
    r = await user.api.put(
        f"/api/submissions/{sid}", json={"status": "failed", "agent_notes": "spam really"}
    )
    assert (
        r.status_code == 200
        and r.json()["status"] == "failed"
        and r.json()["agent_notes"] == "spam really"
    )
    assert r.json()["actions"][-1]["step"] == "updated"
    assert (
        await user.api.put(f"/api/submissions/{sid}", json={"status": "received"})
    ).status_code == 422
    claim = await user.api.post(f"/api/submissions/{sid}/claim")
    assert claim.status_code == 403 and claim.json()["error"]["code"] == "not_a_handler"
    await user.api.post(
        "/api/handlers", json={"type": "human", "name": "Me", "account_id": user.account_id}
    )
    not_offered = await user.api.post(f"/api/submissions/{sid}/claim")
    assert not_offered.status_code == 409
    detail = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert set(detail) >= {
        "id",
        "form_id",
        "flow_id",
        "data",
        "meta",
        "field_interactions",
        "contact_id",
        "company_id",
        "is_new_contact",
        "status",
        "outcome",
        "assigned_to",
        "actions",
        "agent_notes",
        "created_entities",
        "created_at",
        "processed_at",
        "processing_duration_ms",
    }
    assert all(a["since_previous_ms"] >= 0 for a in detail["timeline"])
