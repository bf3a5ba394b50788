"""Idempotency-Key on POST under /api (SPEC §18), decided in the database, and
?updated_since= on the list endpoints."""

from __future__ import annotations

import asyncio

from tests.factory import make_contact, make_form


async def contact_count(app, email: str) -> int:
    return await app.state.db.fetchval(
        "SELECT COUNT(*) FROM contacts WHERE email_lower = ?", (email.lower(),)
    )


async def test_the_same_key_and_body_replay_the_first_answer(app, user):
    headers = {"Idempotency-Key": "7d1f4c1e-0001"}
    body = {"email": "ann@example.com", "name": "Ann"}
    first = await user.api.post("/api/contacts", json=body, headers=headers)
    second = await user.api.post("/api/contacts", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await contact_count(app, "ann@example.com") == 1
    # without the key the same body is a new request (and here a 409 duplicate)
    third = await user.api.post("/api/contacts", json=body)
    assert third.status_code == 409


async def test_the_same_key_with_another_body_is_a_422(app, user):
    headers = {"Idempotency-Key": "key-2"}
    await user.api.post("/api/contacts", json={"email": "ann@example.com"}, headers=headers)
    r = await user.api.post("/api/contacts", json={"email": "bob@example.com"}, headers=headers)
    assert r.status_code == 422
    assert "different request" in r.json()["error"]["message"]
    assert "Idempotency-Key" in r.json()["error"]["fields"]
    other_path = await user.api.post("/api/deals", json={"name": "X"}, headers=headers)
    assert other_path.status_code == 422
    assert await contact_count(app, "bob@example.com") == 0


async def test_concurrent_duplicates_run_once(app, user):
    headers = {"Idempotency-Key": "burst"}
    body = {"name": "Big deal", "amount": 1200}
    answers = await asyncio.gather(
        *(user.api.post("/api/deals", json=body, headers=headers) for _ in range(6))
    )
    statuses = sorted(r.status_code for r in answers)
    assert set(statuses) <= {201, 409}, statuses
    created = {r.content for r in answers if r.status_code == 201}
    assert len(created) == 1  # every 201 is the same answer
    assert await app.state.db.fetchval("SELECT COUNT(*) FROM deals WHERE name = 'Big deal'") == 1
    busy = [r for r in answers if r.status_code == 409]
    for r in busy:
        assert "still in progress" in r.json()["error"]["message"]


async def test_an_error_releases_the_key(app, user):
    headers = {"Idempotency-Key": "fix-and-retry"}
    bad = await user.api.post("/api/deals", json={"name": "X", "amount": -5}, headers=headers)
    assert bad.status_code == 422
    good = await user.api.post("/api/deals", json={"name": "X", "amount": 5}, headers=headers)
    assert good.status_code == 201


async def test_keys_are_per_workspace_and_kept_24_hours(app, two_workspaces, freeze_clock):
    alice, bob = two_workspaces
    headers = {"Idempotency-Key": "shared-key"}
    body = {"email": "same@example.com"}
    a = await alice.api.post("/api/contacts", json=body, headers=headers)
    b = await bob.api.post("/api/contacts", json=body, headers=headers)
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    key = await alice.create_api_key(["contacts:write"])  # sessions end after 24 h, keys do not
    async with alice.key_client(key) as integration:
        freeze_clock.advance(hours=23)
        replay = await integration.post("/api/contacts", json=body, headers=headers)
        assert replay.headers.get("Idempotent-Replayed") == "true"
        assert replay.json()["id"] == a.json()["id"]
        freeze_clock.advance(hours=2)
        fresh = await integration.post("/api/contacts", json=body, headers=headers)
        assert fresh.status_code == 409  # ran again: the contact exists now
        assert "Idempotent-Replayed" not in fresh.headers


async def test_a_key_too_long_is_a_422(app, user):
    r = await user.api.post(
        "/api/contacts", json={"email": "a@example.com"}, headers={"Idempotency-Key": "k" * 300}
    )
    assert r.status_code == 422


async def test_openapi_documents_the_key_on_posts(app, user):
    doc = (await user.api.get("/api/openapi.json")).json()
    post = doc["paths"]["/api/contacts"]["post"]
    assert "Idempotency-Key" in [p["name"] for p in post["parameters"]]
    listing = doc["paths"]["/api/contacts"]["get"]
    assert "updated_since" in [p["name"] for p in listing["parameters"]]


async def test_updated_since_keeps_what_changed(app, user, freeze_clock):
    old = await make_contact(user, "old@example.com")
    old_deal = (await user.api.post("/api/deals", json={"name": "Old"})).json()
    old_form = await make_form(user, name="Old form")
    freeze_clock.advance(hours=1)
    since = freeze_clock.now.isoformat()
    freeze_clock.advance(seconds=1)
    new = await make_contact(user, "new@example.com")
    await user.api.put(f"/api/deals/{old_deal['id']}", json={"stage": "won"})
    new_form = await make_form(user, name="New form")
    for path, expected in (
        ("/api/contacts", [new["id"]]),
        ("/api/deals", [old_deal["id"]]),
        ("/api/forms", [new_form["id"]]),
    ):
        r = await user.api.get(path, params={"updated_since": since})
        assert r.status_code == 200, r.text
        assert [item["id"] for item in r.json()["data"]] == expected, path
    everything = await user.api.get("/api/contacts", params={"updated_since": "2000-01-01"})
    assert {c["id"] for c in everything.json()["data"]} == {old["id"], new["id"]}
    assert old_form["id"] not in [
        f["id"]
        for f in (await user.api.get("/api/forms", params={"updated_since": since})).json()["data"]
    ]


async def test_updated_since_garbage_is_a_422(app, user):
    for path in (
        "/api/contacts",
        "/api/deals",
        "/api/forms",
        "/api/submissions",
        "/api/webhooks",
        "/api/tasks",
        "/api/tickets",
    ):
        r = await user.api.get(path, params={"updated_since": "yesterday"})
        assert r.status_code == 422, path
        assert "ISO 8601" in r.json()["error"]["message"]


async def test_updated_since_on_submissions_counts_receipt_and_processing(app, user, freeze_clock):
    from tests.factory import submitted
    from tests.helpers import drain_jobs

    form = await make_form(user)
    done_before = await submitted(user, form["id"], {"email": "a@example.com"})
    await drain_jobs(app)
    processed_later = await submitted(user, form["id"], {"email": "b@example.com"})
    freeze_clock.advance(minutes=5)
    since = freeze_clock.now.isoformat()
    freeze_clock.advance(seconds=1)
    await drain_jobs(app)  # b is processed after `since`
    received_later = await submitted(user, form["id"], {"email": "c@example.com"})
    r = await user.api.get("/api/submissions", params={"updated_since": since})
    ids = {s["id"] for s in r.json()["data"]}
    assert ids == {processed_later, received_later}
    assert done_before not in ids
