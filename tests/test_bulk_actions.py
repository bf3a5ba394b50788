"""Bulk actions on the submissions and contacts lists (issue 14): checkboxes posting to a
confirmation that says how many, the action run on the second post, CSV of a selection,
viewers 403, another workspace's ids 404."""

from __future__ import annotations

import csv
import io

from tests.factory import make_contact, make_form, make_handler, submitted
from tests.helpers import drain_jobs, soup
from tests.helpers_accounts import join_as


async def three_submissions(app, user) -> list[str]:
    form = await make_form(user, security={"duplicate_window_minutes": 0})
    ids = [
        await submitted(user, form["id"], {"email": f"p{n}@example.org", "name": f"Person {n}"})
        for n in range(3)
    ]
    await drain_jobs(app)
    return ids


def rows_of(response) -> list[dict]:
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))


async def bulk(user, path: str, ids: list[str], **fields):
    token = await user.csrf("/submissions")
    data = {"csrf_token": token, **fields, "ids": ids}
    return await user.web.post(path, data=data)


async def test_the_submissions_list_has_checkboxes_a_select_all_and_a_bulk_bar(app, user):
    ids = await three_submissions(app, user)
    page = soup(await user.web.get("/submissions"))
    bar = page.select_one("form#bulk-submissions")
    assert bar["method"] == "post" and bar["action"] == "/submissions/bulk"
    assert [o["value"] for o in bar.select("select[name=action] option")] == [
        "reprocess",
        "reassign",
        "spam",
        "export",
    ]
    boxes = page.select("input[name=ids][form=bulk-submissions]")
    assert sorted(b["value"] for b in boxes) == sorted(ids)
    assert all(b.get("aria-label", "").startswith("Select the submission from") for b in boxes)
    assert page.select_one("[data-select-all=bulk-submissions]") is not None
    # without JavaScript: "Select all on this page" ticks every row
    link = page.select_one("a.bulk-select-all")["href"]
    ticked = soup(await user.web.get(link)).select("input[name=ids][checked]")
    assert len(ticked) == 3


async def test_bulk_reprocess_confirms_with_the_count_then_runs(app, user, db):
    ids = await three_submissions(app, user)
    r = await bulk(user, "/submissions/bulk", ids, action="reprocess", next="/submissions?form=x")
    assert r.status_code == 200
    page = soup(r)
    assert page.h1.text == "Reprocess 3 submissions?"
    assert "current settings" in page.select_one(".bulk-confirm").text
    assert "emails already sent are not sent again" in page.select_one(".bulk-confirm").text
    assert len(page.select(".bulk-confirm input[name=ids]")) == 3
    statuses = await db.fetchall("SELECT status FROM submissions")
    assert {s["status"] for s in statuses} == {"processed"}  # nothing ran yet
    confirm = {i["name"]: i["value"] for i in page.select(".bulk-confirm input[type=hidden]")}
    r = await user.web.post("/submissions/bulk", data={**confirm, "ids": ids})
    assert r.status_code == 303 and r.headers["location"] == "/submissions?form=x"
    assert {s["status"] for s in await db.fetchall("SELECT status FROM submissions")} == {
        "received"
    }
    # one being processed right now is skipped, as the single reprocess refuses it
    r = await user.web.post("/submissions/bulk", data={**confirm, "ids": ids})
    flash = soup(await user.web.get(r.headers["location"])).text
    assert "Reprocessing 0 submissions" in flash and "3 submissions skipped" in flash
    await drain_jobs(app)


async def test_bulk_reassign_and_mark_spam(app, user, db):
    ids = await three_submissions(app, user)
    handler = await make_handler(db, user.workspace_id, type="human", name="Hana Handler")
    r = await bulk(user, "/submissions/bulk", ids[:2], action="reassign", handler_id=handler)
    page = soup(r)
    assert page.h1.text == "Reassign 2 submissions?"
    assert page.select_one("select[name=handler_id] option[selected]")["value"] == handler
    r = await bulk(
        user, "/submissions/bulk", ids[:2], action="reassign", handler_id=handler, confirm="yes"
    )
    assert r.status_code == 303
    for sid in ids[:2]:
        got = (await user.api.get(f"/api/submissions/{sid}")).json()
        assert got["assigned_to"] == {"type": "handler", "id": handler}
    r = await bulk(
        user, "/submissions/bulk", ids[:1], action="reassign", handler_id="hdl_nope", confirm="yes"
    )
    assert r.status_code == 422

    r = await bulk(user, "/submissions/bulk", [ids[2]], action="spam")
    assert soup(r).h1.text == "Mark as spam 1 submission?"
    r = await bulk(user, "/submissions/bulk", [ids[2]], action="spam", confirm="yes")
    assert r.status_code == 303
    listed = soup(await user.web.get("/submissions")).select("input[name=ids]")
    assert sorted(b["value"] for b in listed) == sorted(ids[:2])  # out of the default list
    spam_only = soup(await user.web.get("/submissions?status=spam")).select("input[name=ids]")
    assert [b["value"] for b in spam_only] == [ids[2]]
    form_id = (await user.api.get(f"/api/submissions/{ids[2]}")).json()["form_id"]
    log = (await user.web.get(f"/forms/{form_id}/spam")).text
    assert "Marked as spam by a person" in log


async def test_bulk_export_of_the_selection(app, user):
    ids = await three_submissions(app, user)
    r = await bulk(user, "/submissions/bulk", ids[:2], action="export")
    rows = rows_of(r)
    assert sorted(row["id"] for row in rows) == sorted(ids[:2])
    assert {row["email"] for row in rows} == {"p0@example.org", "p1@example.org"}
    assert all(row["summary"] for row in rows) and "name" in rows[0]


async def test_bulk_needs_a_selection_and_an_action(app, user):
    ids = await three_submissions(app, user)
    assert (await bulk(user, "/submissions/bulk", [], action="reprocess")).status_code == 422
    assert (await bulk(user, "/submissions/bulk", ids, action="delete")).status_code == 422


async def test_contacts_bulk_tag_untag_export_delete(app, user, db):
    made = [await make_contact(user, f"c{n}@example.org", name=f"Cee {n}") for n in range(4)]
    ids = [c["id"] for c in made]
    page = soup(await user.web.get("/contacts"))
    assert page.select_one("form#bulk-contacts input[name=tag]") is not None
    assert len(page.select("input[name=ids][form=bulk-contacts]")) == 4

    r = await bulk(user, "/contacts/bulk", ids[:3], action="tag", tag=" VIP ")
    assert soup(r).h1.text == "Add tag “vip” to 3 contacts?"
    r = await bulk(user, "/contacts/bulk", ids[:3], action="tag", tag="VIP", confirm="yes")
    assert r.status_code == 303
    tagged = (await user.api.get("/api/contacts", params={"tag": "vip"})).json()["data"]
    assert sorted(c["id"] for c in tagged) == sorted(ids[:3])
    r = await bulk(user, "/contacts/bulk", ids[:1], action="untag", tag="vip", confirm="yes")
    flash = soup(await user.web.get(r.headers["location"])).text
    assert "removed from 1 contact" in flash
    r = await bulk(user, "/contacts/bulk", ids, action="tag", tag="", confirm="yes")
    assert r.status_code == 422 and soup(r).select_one("#e-tag")

    rows = rows_of(await bulk(user, "/contacts/bulk", ids[1:3], action="export"))
    assert [row["email"] for row in rows] == ["c1@example.org", "c2@example.org"]
    assert rows[0]["tags"] == "vip"

    r = await bulk(user, "/contacts/bulk", ids[2:], action="delete")
    assert soup(r).h1.text == "Delete 2 contacts?"
    assert (await user.api.get(f"/api/contacts/{ids[3]}")).status_code == 200  # asked, not done
    r = await bulk(user, "/contacts/bulk", ids[2:], action="delete", confirm="yes")
    assert r.status_code == 303
    for cid in ids[2:]:
        assert (await user.api.get(f"/api/contacts/{cid}")).status_code == 404
    left = (await user.api.get("/api/contacts")).json()["data"]
    assert sorted(c["id"] for c in left) == sorted(ids[:2])


async def test_deleting_a_contact_keeps_its_submissions_and_deals(app, user, db):
    form = await make_form(user)
    sid = await submitted(user, form["id"], {"email": "gone@example.org", "name": "Gone Soon"})
    await drain_jobs(app)
    contact_id = (await user.api.get(f"/api/submissions/{sid}")).json()["contact_id"]
    deal = (
        await user.api.post("/api/deals", json={"name": "Kept", "contact_id": contact_id})
    ).json()
    await user.api.post(f"/api/contacts/{contact_id}/notes", json={"body": "a note"})
    r = await bulk(user, "/contacts/bulk", [contact_id], action="delete", confirm="yes")
    assert r.status_code == 303
    sub = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert sub["contact_id"] is None and sub["data"]["email"] == "gone@example.org"
    assert (await user.api.get(f"/api/deals/{deal['id']}")).json()["contact_id"] is None
    assert await db.fetchval("SELECT COUNT(*) FROM notes WHERE contact_id = ?", (contact_id,)) == 0


async def test_viewers_see_no_bulk_bar_and_get_403(app, user):
    made = await make_contact(user, "v@example.org")
    viewer = await join_as(app, user, "vic@example.com", "viewer")
    try:
        page = soup(await viewer.web.get("/contacts"))
        assert (
            page.select_one("#bulk-contacts") is None and page.select_one("input[name=ids]") is None
        )
        assert soup(await viewer.web.get("/submissions")).select_one("#bulk-submissions") is None
        for path, action in (("/contacts/bulk", "delete"), ("/submissions/bulk", "export")):
            r = await viewer.post_form(
                path, {"ids": made["id"], "action": action, "confirm": "yes"}
            )
            assert r.status_code == 403
        assert (await user.api.get(f"/api/contacts/{made['id']}")).status_code == 200
    finally:
        await viewer.close()


async def test_another_workspaces_ids_are_404_and_nothing_changes(two_workspaces):
    alice, bob = two_workspaces
    theirs = await make_contact(alice, "theirs@example.org")
    mine = await make_contact(bob, "mine@example.org")
    r = await bulk(
        bob, "/contacts/bulk", [mine["id"], theirs["id"]], action="delete", confirm="yes"
    )
    assert r.status_code == 404
    assert (await alice.api.get(f"/api/contacts/{theirs['id']}")).status_code == 200
    assert (await bob.api.get(f"/api/contacts/{mine['id']}")).status_code == 200
    r = await bulk(bob, "/contacts/bulk", [theirs["id"]], action="export")
    assert r.status_code == 404
    form = await make_form(alice)
    sid = await submitted(alice, form["id"], {"email": "x@example.org"})
    assert (await bulk(bob, "/submissions/bulk", [sid], action="export")).status_code == 404
