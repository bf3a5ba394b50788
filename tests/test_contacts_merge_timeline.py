"""Merge two contacts (everything moves, nothing lost, unique email kept) and the
contact timeline (every kind of item, newest first, first/last touch marked)."""

from __future__ import annotations

from app.db.clock import parse_iso
from tests.factory import make_contact, make_deal, make_form, submitted
from tests.helpers import soup


async def _events(user, type_):
    r = await user.api.get("/api/events", params={"type": type_})
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def test_merge_moves_everything_and_keeps_survivor_email(app, user):
    form_id = (await make_form(user))["id"]
    s1 = await submitted(
        user,
        form_id,
        {
            "email": "ada@engines.io",
            "name": "Ada",
            "_meta": {"referrer": "https://blog.example/post"},
        },
    )
    s2 = await submitted(
        user,
        form_id,
        {
            "email": "ada.lovelace@gmail.com",
            "name": "Ada L",
            "company": "Engines",
            "_meta": {"utm_source": "ads"},
        },
    )
    contacts = (await user.api.get("/api/contacts")).json()["data"]
    by_email = {c["email"]: c for c in contacts}
    keep, other = by_email["ada@engines.io"], by_email["ada.lovelace@gmail.com"]
    await user.api.put(
        f"/api/contacts/{keep['id']}", json={"tags": ["vip"], "custom_fields": {"plan": "pro"}}
    )
    await user.api.put(
        f"/api/contacts/{other['id']}",
        json={
            "tags": ["webinar", "VIP"],
            "phone": "+44 1",
            "status": "customer",
            "custom_fields": {"plan": "free", "size": "10"},
        },
    )
    note = (
        await user.api.post(f"/api/contacts/{other['id']}/notes", json={"body": "met at the fair"})
    ).json()
    deal = await make_deal(user, name="Engines deal", amount=500, contact_id=other["id"])

    r = await user.api.post(f"/api/contacts/{keep['id']}/merge", json={"other_id": other["id"]})
    assert r.status_code == 200, r.text
    merged = r.json()
    assert merged["email"] == "ada@engines.io"
    assert merged["tags"] == ["vip", "webinar"]
    assert merged["phone"] == "+44 1" and merged["status"] == "customer"
    assert merged["custom_fields"] == {
        "plan": "pro",
        "size": "10",
    }  # survivor's values win, gaps filled
    assert merged["submission_count"] == keep["submission_count"] + other["submission_count"] == 2
    assert merged["first_seen"] == min(keep["first_seen"], other["first_seen"])
    assert merged["last_seen"] == max(keep["last_seen"], other["last_seen"])
    assert len(merged["touchpoints"]) == 2
    assert {t["utm_source"] for t in merged["touchpoints"]} == {None, "ads"}
    assert (await user.api.get(f"/api/contacts/{other['id']}")).status_code == 404
    timeline = (await user.api.get(f"/api/contacts/{keep['id']}/timeline")).json()["data"]
    assert {i["id"] for i in timeline if i["kind"] == "submission"} == {s1, s2}
    assert (await user.api.get(f"/api/deals/{deal['id']}")).json()["contact_id"] == keep["id"]
    notes = (await user.api.get(f"/api/contacts/{keep['id']}/notes")).json()["data"]
    assert note["id"] in [n["id"] for n in notes]
    # the tag table follows: filtering by the moved tag finds the survivor only
    tagged = (await user.api.get("/api/contacts", params={"tag": "webinar"})).json()["data"]
    assert [c["id"] for c in tagged] == [keep["id"]]
    # the other email is free again, and can become a new contact
    assert (
        await user.api.post("/api/contacts", json={"email": "ada.lovelace@gmail.com"})
    ).status_code == 201
    timeline = (await user.api.get(f"/api/contacts/{keep['id']}/timeline")).json()["data"]
    assert any(i["kind"] == "activity" and "Merged" in i["title"] for i in timeline)
    events = await _events(user, "contact_merged")
    assert len(events) == 1 and events[0]["details"]["merged_id"] == other["id"]


async def test_merge_refuses_self_unknown_and_other_workspace(two_workspaces):
    alice, bob = two_workspaces
    a = await make_contact(alice, "a@example.com")
    b = await make_contact(bob, "b@example.com")
    r = await alice.api.post(f"/api/contacts/{a['id']}/merge", json={"other_id": a["id"]})
    assert r.status_code == 422
    r = await alice.api.post(f"/api/contacts/{a['id']}/merge", json={"other_id": b["id"]})
    assert r.status_code == 404
    r = await bob.api.post(f"/api/contacts/{a['id']}/merge", json={"other_id": b["id"]})
    assert r.status_code == 404
    r = await alice.api.post(f"/api/contacts/{a['id']}/merge", json={})
    assert r.status_code == 422
    assert (await bob.api.get(f"/api/contacts/{b['id']}")).status_code == 200  # nothing moved


async def test_timeline_orders_every_kind_newest_first(app, user, freeze_clock):
    from datetime import UTC, datetime, timedelta

    freeze_clock.set(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    freeze_clock.tick = timedelta(minutes=1)  # every event a minute after the one before

    form_id = (await make_form(user))["id"]
    await submitted(user, form_id, {"email": "t@example.com", "name": "Tim"})
    # the only contact (search would wait for the processing job to index it)
    contact = (await user.api.get("/api/contacts")).json()["data"][0]
    await user.api.post(f"/api/contacts/{contact['id']}/notes", json={"body": "first note"})
    deal = await make_deal(user, name="Tim deal", amount=100, contact_id=contact["id"])
    await submitted(user, form_id, {"email": "t@example.com", "message": "again"})
    await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "won"})
    await user.api.post(f"/api/contacts/{contact['id']}/notes", json={"body": "last note"})

    items = (await user.api.get(f"/api/contacts/{contact['id']}/timeline")).json()["data"]
    times = [parse_iso(i["at"]) for i in items]
    assert times == sorted(times, reverse=True)
    kinds = [i["kind"] for i in items]
    assert {"submission", "touchpoint", "note", "deal"} <= set(kinds)
    assert items[0]["kind"] == "note" and items[0]["body"] == "last note"
    assert [i["title"] for i in items if i["kind"] == "deal"] == [
        "Deal won: Tim deal",
        "Deal opened: Tim deal",
    ]
    touches = [i for i in items if i["kind"] == "touchpoint"]
    assert [t["badge"] for t in touches] == ["last touch", "first touch"]
    assert items[-1]["kind"] in ("submission", "touchpoint")


async def test_page_and_api_follow_the_same_merge_target_rules(user):
    """One set of rules in the merge service: the same message on the page (beside
    the field) and in the API (on other_id), and an email names the contact in both."""
    keep = await make_contact(user, "keep@example.com")
    for other, message in (
        ("", "Give the email or id of the contact to merge into this one."),
        ("nobody@example.com", "No contact with the email nobody@example.com in this workspace."),
        ("contact_nope", "No contact with this id in this workspace."),
    ):
        page = await user.post_form(f"/contacts/{keep['id']}/merge", {"other": other}, htmx=True)
        assert page.status_code == 422
        assert soup(page).find(id="e-other").get_text(strip=True) == message
        api = await user.api.post(f"/api/contacts/{keep['id']}/merge", json={"other_id": other})
        assert api.status_code in (404, 422) and api.json()["error"]["fields"] == {
            "other_id": message
        }
    await make_contact(user, "other@example.com", phone="123")
    r = await user.api.post(
        f"/api/contacts/{keep['id']}/merge", json={"other_id": "OTHER@example.com"}
    )
    assert r.status_code == 200 and r.json()["phone"] == "123"
