"""Deals JSON API: create/edit, stages and closed_at, validation, upsert for agents."""

from __future__ import annotations

from app.services.crm.deals import upsert_open_deal_tx
from tests.factory import make_contact, make_deal

DEAL_KEYS = {
    "id",
    "name",
    "amount",
    "currency",
    "stage",
    "owner_id",
    "expected_close_date",
    "contact_id",
    "company_id",
    "source_submission_id",
    "created_at",
    "updated_at",
    "closed_at",
}


async def test_create_deal_shape_and_company_from_contact(user):
    c = await make_contact(user, "d@acme.io", company="Acme")
    deal = await make_deal(user, name="Acme pilot", amount="1,250.50", contact_id=c["id"])
    assert set(deal) == DEAL_KEYS
    assert deal["amount"] == 1250.5 and deal["stage"] == "open" and deal["closed_at"] is None
    assert deal["company_id"] == c["company_id"]
    assert (await user.api.get(f"/api/deals/{deal['id']}")).json() == deal


async def test_deal_validation(user):
    r = await user.api.post("/api/deals", json={"name": "", "amount": -5, "stage": "maybe"})
    assert r.status_code == 422
    assert set(r.json()["error"]["fields"]) == {"name", "amount", "stage"}
    r = await user.api.post("/api/deals", json={"name": "x", "amount": "lots"})
    assert r.status_code == 422 and "amount" in r.json()["error"]["fields"]
    r = await user.api.post(
        "/api/deals", json={"name": "x", "contact_id": "contact_nope000000000000"}
    )
    assert r.status_code == 404 and "contact_id" in r.json()["error"]["fields"]


async def test_won_lost_set_closed_at_and_reopen_clears(user):
    deal = await make_deal(user, name="D", amount=10)
    won = (await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "won"})).json()
    assert won["stage"] == "won" and won["closed_at"]
    again = (await user.api.put(f"/api/deals/{deal['id']}", json={"amount": 20})).json()
    assert again["closed_at"] == won["closed_at"] and again["amount"] == 20
    lost = (await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "lost"})).json()
    assert lost["closed_at"] and lost["stage"] == "lost"
    reopened = (await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "proposal"})).json()
    assert reopened["closed_at"] is None
    born_won = await make_deal(user, name="W", stage="won")
    assert born_won["closed_at"]
    events = (await user.api.get("/api/events", params={"type": "deal_stage_changed"})).json()[
        "data"
    ]
    assert len(events) == 3


async def test_list_filters_and_pagination(user):
    c = await make_contact(user, "l@example.com")
    ids = [
        (
            await make_deal(
                user,
                name=f"D{i}",
                stage="won" if i % 2 else "open",
                contact_id=c["id"] if i < 3 else None,
            )
        )["id"]
        for i in range(7)
    ]
    seen, cursor = [], None
    while True:
        body = (
            await user.api.get(
                "/api/deals", params={"limit": 3, **({"cursor": cursor} if cursor else {})}
            )
        ).json()
        seen += [d["id"] for d in body["data"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 7
    won = (await user.api.get("/api/deals", params={"stage": "won"})).json()["data"]
    assert len(won) == 3 and all(d["stage"] == "won" for d in won)
    mine = (await user.api.get("/api/deals", params={"contact": c["id"]})).json()["data"]
    assert len(mine) == 3
    assert (await user.api.get("/api/deals", params={"stage": "nope"})).status_code == 422


async def test_upsert_open_deal_for_agents(app, user):
    c = await make_contact(user, "agent@example.com", name="Agent Target")
    db, ws = app.state.db, user.workspace_id
    deal_id, created = await db.write(
        lambda conn: upsert_open_deal_tx(
            conn,
            ws,
            contact_id=c["id"],
            company_id=None,
            name="",
            amount=None,
            source_submission_id=None,
        )
    )
    assert created
    same_id, created = await db.write(
        lambda conn: upsert_open_deal_tx(
            conn,
            ws,
            contact_id=c["id"],
            company_id=None,
            name="Other",
            amount=900,
            source_submission_id=None,
        )
    )
    assert same_id == deal_id and not created
    deal = (await user.api.get(f"/api/deals/{deal_id}")).json()
    assert deal["amount"] == 900 and deal["name"] == "Deal with Agent Target"
    await user.api.put(f"/api/deals/{deal_id}", json={"stage": "won"})
    new_id, created = await db.write(
        lambda conn: upsert_open_deal_tx(
            conn,
            ws,
            contact_id=c["id"],
            company_id=None,
            name="Renewal",
            amount=5,
            source_submission_id=None,
        )
    )
    assert created and new_id != deal_id


async def test_viewer_and_scopes_on_deals(app, user):
    from tests.factory import make_viewer

    viewer = await make_viewer(app)
    try:
        assert (await viewer.api.post("/api/deals", json={"name": "x"})).status_code == 403
        assert (await viewer.api.get("/api/deals")).status_code == 200
    finally:
        await viewer.close()
    key = await user.create_api_key(["deals:read"])
    async with user.key_client(key) as client:
        assert (await client.get("/api/deals")).status_code == 200
        assert (await client.post("/api/deals", json={"name": "x"})).status_code == 403
