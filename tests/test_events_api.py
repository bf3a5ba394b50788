"""GET /api/events: filters, cursor pagination, resume from an event id, isolation."""

from __future__ import annotations

import pytest

from tests.factory import make_form, submitted

PUBLIC_KEYS = {"id", "type", "submission_id", "form_id", "handler_id", "details", "created_at"}


async def _all_pages(api, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        r = await api.get(
            "/api/events", params={**params, **({"cursor": cursor} if cursor else {})}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        items.extend(body["data"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items


@pytest.fixture
async def filled(user, client):
    """Two forms with submissions: each submission emits submission_received + contact_created."""
    demo, news = (
        (await make_form(user, name="Demo"))["id"],
        (await make_form(user, name="Newsletter"))["id"],
    )
    subs = [
        await submitted(client, demo, {"email": f"d{n}@example.net", "name": "Lee"})
        for n in range(3)
    ]
    subs.append(await submitted(client, news, {"email": "n0@example.net", "name": "Lee"}))
    return {"demo": demo, "news": news, "subs": subs}


async def test_list_shape_and_newest_first(user, filled):
    r = await user.api.get("/api/events")
    assert r.status_code == 200
    data = r.json()["data"]
    assert all(set(e) == PUBLIC_KEYS for e in data)
    assert all(e["id"].startswith("evt_") for e in data)
    assert data[0]["submission_id"] == filled["subs"][-1]  # newest first
    assert data[-1]["type"] == "form_created"
    received = [e for e in data if e["type"] == "submission_received"]
    assert received[0]["details"]["email"] == "n0@example.net"


async def test_filters(user, filled):
    demo = (
        await user.api.get(
            "/api/events", params={"form": filled["demo"], "type": "submission_received"}
        )
    ).json()
    assert [e["submission_id"] for e in demo["data"]] == filled["subs"][2::-1]
    one = (await user.api.get("/api/events", params={"submission": filled["subs"][1]})).json()[
        "data"
    ]
    assert {e["type"] for e in one} == {"submission_received", "contact_created"}
    assert all(e["submission_id"] == filled["subs"][1] for e in one)
    both = (await user.api.get("/api/events?type=form_created&type=contact_created")).json()["data"]
    assert {e["type"] for e in both} == {"form_created", "contact_created"} and len(both) == 6
    comma = (
        await user.api.get("/api/events", params={"type": "form_created,contact_created"})
    ).json()["data"]
    assert comma == both
    none = (await user.api.get("/api/events", params={"handler": "hdl_aaaaaaaaaaaaaaaa"})).json()
    assert none == {"data": [], "next_cursor": None}


async def test_cursor_pagination_walks_everything_once(user, filled):
    everything = (await user.api.get("/api/events", params={"limit": 200})).json()["data"]
    paged = await _all_pages(user.api, limit=3)
    assert [e["id"] for e in paged] == [e["id"] for e in everything]
    assert len(paged) == 2 + 4 * 2


async def test_after_lists_oldest_first_from_that_event(user, client, filled):
    everything = (await user.api.get("/api/events", params={"limit": 200})).json()["data"]
    oldest_first = list(reversed(everything))
    pivot = oldest_first[3]
    after = await _all_pages(user.api, after=pivot["id"], limit=2)
    assert [e["id"] for e in after] == [e["id"] for e in oldest_first[4:]]
    # Catching up: nothing new yet, then exactly the new events.
    last = after[-1]["id"]
    assert (await user.api.get("/api/events", params={"after": last})).json()["data"] == []
    new_sub = await submitted(client, filled["demo"], {"email": "new@example.net", "name": "Lee"})
    fresh = (await user.api.get("/api/events", params={"after": last})).json()["data"]
    assert [(e["type"], e["submission_id"]) for e in fresh] == [
        ("submission_received", new_sub),
        ("contact_created", new_sub),
    ]


async def test_bad_input_answers_actionable_errors(user, filled):
    cases = [
        ({"after": "evt_zzzzzzzzzzzzzzzz"}, 422, "after"),
        ({"after": "nonsense"}, 422, "after"),
        ({"type": "Not A Type"}, 422, "type"),
        ({"form": "sub_aaaaaaaaaaaaaaaa"}, 422, "form"),
        ({"limit": "0"}, 422, "limit"),
    ]
    for params, status, field in cases:
        r = await user.api.get("/api/events", params=params)
        assert r.status_code == status, (params, r.text)
        assert field in r.json()["error"]["fields"]
    r = await user.api.get("/api/events", params={"cursor": "bm9wZQ"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_cursor"


async def test_other_workspace_and_scopes(app, client, two_workspaces):
    alice, bob = two_workspaces
    alice_form = (await make_form(alice))["id"]
    await submitted(client, alice_form, {"email": "lead@example.net", "name": "Lee"})
    bob_events = (await bob.api.get("/api/events")).json()["data"]
    assert all(e["form_id"] != alice_form for e in bob_events)
    alice_event = (await alice.api.get("/api/events")).json()["data"][0]["id"]
    r = await bob.api.get("/api/events", params={"after": alice_event})
    assert r.status_code == 422  # another workspace's event id is unknown here
    r = await bob.api.get("/api/events", params={"form": alice_form})
    assert r.json()["data"] == []

    no_scope = alice.key_client(await alice.create_api_key(["forms:read"]))
    r = await no_scope.get("/api/events")
    assert r.status_code == 403 and r.json()["error"]["code"] == "missing_scope"
    scoped = alice.key_client(await alice.create_api_key(["events:read"]))
    r = await scoped.get("/api/events")
    assert r.status_code == 200 and any(e["form_id"] == alice_form for e in r.json()["data"])
    assert (await client.get("/api/events")).status_code == 401
    await no_scope.aclose()
    await scoped.aclose()


async def test_openapi_documents_events_and_the_websocket(user):
    doc = (await user.api.get("/api/openapi.json")).json()
    listing = doc["paths"]["/api/events"]["get"]
    assert listing["x-required-scope"] == "events:read" and "after" in listing["description"]
    socket = doc["paths"]["/ws/events"]["get"]
    assert socket["x-required-scope"] == "events:read" and "WebSocket" in socket["description"]


async def test_handler_filter(user):
    ids = []
    for name in ("Hana Human", "Otto Other"):
        r = await user.api.post(
            "/api/handlers",
            json={"type": "human", "name": name, "email": f"{name[:4].lower()}@example.com"},
        )
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    for handler_id in ids:
        assert (await user.api.delete(f"/api/handlers/{handler_id}")).status_code in (200, 204)
    r = await user.api.get("/api/events", params={"handler": ids[0]})
    data = r.json()["data"]
    assert data and all(e["handler_id"] == ids[0] for e in data)
    assert "handler_removed" in {e["type"] for e in data}
