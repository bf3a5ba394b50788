"""Dashboard pages: submissions list/detail, handlers and groups, My work."""

from __future__ import annotations

from tests.factory import make_form, set_form, submit
from tests.helpers import drain_jobs, soup


async def _submissions(app, client, user, n, **form_config):
    form = await make_form(user, **form_config)
    await set_form(app, form["id"], security={"max_submissions_per_ip": 1000})
    ids = []
    for i in range(n):
        r = await submit(client, form["id"], {"email": f"s{i}@x.test", "name": f"<i>S{i}</i>"})
        assert r.status_code == 201
        ids.append(r.json()["submission_id"])
    return form, ids


async def test_submissions_list_filters_and_paginates(app, client, user):
    form, ids = await _submissions(app, client, user, 55)
    other, _ = await _submissions(app, client, user, 2, name="Other form")
    await drain_jobs(app)
    r = await user.web.get("/submissions", params={"form": form["id"]})
    assert r.status_code == 200
    rows = soup(r).select("#submissions-table tbody tr")
    assert len(rows) == 50
    next_link = soup(r).select_one("nav.pager a")["href"]
    r2 = await user.web.get(next_link)
    assert len(soup(r2).select("#submissions-table tbody tr")) == 5
    api = await user.api.get("/api/submissions", params={"form": form["id"], "limit": 50})
    page2 = await user.api.get(
        "/api/submissions", params={"form": form["id"], "cursor": api.json()["next_cursor"]}
    )
    seen = [s["id"] for s in api.json()["data"] + page2.json()["data"]]
    assert sorted(seen) == sorted(ids) and len(set(seen)) == 55
    processed = await user.web.get(
        "/submissions", params={"status": "processed", "form": other["id"]}
    )
    assert len(soup(processed).select("#submissions-table tbody tr")) == 2
    none = await user.web.get("/submissions", params={"from": "2001-01-01", "to": "2001-12-31"})
    assert soup(none).select_one(".empty") and "match" in none.text
    bad = await user.web.get("/submissions", params={"status": "nonsense"})
    assert bad.status_code == 422 and soup(bad).select_one("#e-flt-status")
    frag = await user.web.get(
        "/submissions", params={"form": other["id"]}, headers={"HX-Request": "true"}
    )
    assert "<html" not in frag.text and soup(frag).select_one("#submissions-table")
    contact_id = (await user.api.get(f"/api/submissions/{ids[0]}")).json()["contact_id"]
    by_contact = await user.api.get("/api/submissions", params={"contact": contact_id})
    found = [s["id"] for s in by_contact.json()["data"]]
    assert (
        ids[0] in found and len(found) == 2
    )  # s0@x.test also sent the other form: one contact, two submissions


async def test_submission_detail_timeline_and_reprocess_button(app, client, db, user):
    _, [sid] = await _submissions(app, client, user, 1, flow_id="direct_route")
    await drain_jobs(app)
    r = await user.web.get(f"/submissions/{sid}")
    assert r.status_code == 200
    page = soup(r)
    steps = [li.find("span").text for li in page.select("#timeline > li")]
    assert steps[:3] == [
        "Received",
        "Processing started (direct route flow)",
        "Not routed: the form has no assignment",
    ]
    assert steps[-1] == "Done: processed"
    whens = [li.select_one(".when").text for li in page.select("#timeline > li")[1:]]
    assert all(" · +" in w and w.endswith(" s") and " ms" not in w for w in whens)
    assert "&lt;i&gt;S0&lt;/i&gt;" in r.text
    assert page.select_one(f"a[href='/submissions/{sid}/reprocess']")  # asks first
    confirm = soup(await user.web.get(f"/submissions/{sid}/reprocess"))
    form = confirm.select_one(f"form[action='/submissions/{sid}/reprocess']")
    assert form is not None and form.select_one("input[name=csrf_token]")
    done = await user.post_form(f"/submissions/{sid}/reprocess", page=f"/submissions/{sid}")
    assert done.status_code == 303 and done.headers["location"] == f"/submissions/{sid}"
    await drain_jobs(app)
    assert await db.fetchval("SELECT status FROM submissions WHERE id = ?", (sid,)) == "processed"
    assert await db.fetchval("SELECT COUNT(*) FROM tasks WHERE submission_id = ?", (sid,)) == 1


async def test_handlers_page_create_with_errors_kept(app, user):
    page = await user.web.get("/handlers")
    assert page.status_code == 200 and soup(page).select_one(".empty")
    bad = await user.post_form(
        "/handlers", {"type": "human", "name": "", "email": "not-mail"}, page="/handlers"
    )
    assert bad.status_code == 422
    assert (
        soup(bad).select_one("#e-name") and soup(bad).select_one("#f-email")["value"] == "not-mail"
    )
    ok = await user.post_form(
        "/handlers",
        {"type": "human", "name": "Hana", "email": "h@x.test", "account_id": user.account_id},
        page="/handlers",
    )
    assert ok.status_code == 303
    listed = await user.web.get("/handlers")
    assert "Hana" in listed.text
    hid = (await user.api.get("/api/handlers")).json()["data"][0]["id"]
    toggled = await user.post_form(f"/handlers/{hid}/toggle", page="/handlers")
    assert toggled.status_code == 303
    assert (await user.api.get(f"/api/handlers/{hid}")).json()["active"] is False


async def test_groups_pages(app, user):
    hid = (await user.api.post("/api/handlers", json={"type": "human", "name": "Ann"})).json()["id"]
    bad = await user.post_form(
        "/groups", {"name": "", "routing_strategy": "round_robin"}, page="/groups"
    )
    assert bad.status_code == 422 and soup(bad).select_one("#e-name")
    r = await user.post_form(
        "/groups", {"name": "Sales", "routing_strategy": "broadcast"}, page="/groups"
    )
    assert r.status_code == 303
    gid = r.headers["location"].rsplit("/", 1)[1]
    added = await user.post_form(
        f"/groups/{gid}/members", {"handler_id": hid, "role": "principal"}, page=f"/groups/{gid}"
    )
    assert added.status_code == 303
    detail = await user.web.get(f"/groups/{gid}")
    assert "Ann" in detail.text and "principal" in detail.text
    group = (await user.api.get(f"/api/handler-groups/{gid}")).json()
    assert group["routing_strategy"] == "broadcast" and group["members"][0]["handler_id"] == hid
    bad_fallback = await user.post_form(
        f"/groups/{gid}",
        {"name": "Sales", "routing_strategy": "round_robin", "fallback_handler_id": "hdl_nope"},
        page=f"/groups/{gid}",
    )
    assert bad_fallback.status_code == 422 and soup(bad_fallback).select_one(
        "#e-fallback_handler_id"
    )


async def test_my_work_shows_tasks_tickets_and_claims(app, client, db, user):
    page = await user.web.get("/work")
    assert page.status_code == 200 and soup(page).select_one(".empty")
    hid = (
        await user.api.post(
            "/api/handlers",
            json={
                "type": "human",
                "name": "Me",
                "email": "me@x.test",
                "account_id": user.account_id,
            },
        )
    ).json()["id"]
    _, [task_sub] = await _submissions(
        app, client, user, 1, flow_id="direct_route", assignment={"type": "handler", "id": hid}
    )
    await drain_jobs(app)
    r = await user.web.get("/work")
    tasks = soup(r).select("#tasks .row")
    assert len(tasks) == 1 and task_sub in r.text
    task_id = (await user.api.get("/api/tasks")).json()["data"][0]["id"]
    done = await user.post_form(f"/work/task/{task_id}", {"status": "done"}, page="/work")
    assert done.status_code == 303
    assert soup(await user.web.get("/work")).select("#tasks .row") == []
