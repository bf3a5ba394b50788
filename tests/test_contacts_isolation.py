"""Every CRM route answers 404 for another workspace's ids, and lists and exports
never show another workspace's rows."""

from __future__ import annotations

from tests.factory import make_contact, make_deal, make_form, submitted


async def _alice_world(alice):
    form_id = (await make_form(alice))["id"]
    await submitted(
        alice, form_id, {"email": "secret@alice.io", "name": "Secret", "company": "Alice Secret Co"}
    )
    contact = (await alice.api.get("/api/contacts")).json()["data"][0]
    other = await make_contact(alice, "second@alice.io", company="Alice Secret Co")
    deal = await make_deal(alice, name="Alice deal", contact_id=contact["id"], amount=7)
    token = await alice.csrf("/contacts/import")
    r = await alice.web.post(
        "/contacts/import",
        data={"csrf_token": token},
        files={"file": ("a.csv", b"email\nx@alice.io\n", "text/csv")},
    )
    upload_url = r.headers["location"]
    return {
        "form": form_id,
        "contact": contact,
        "other": other,
        "deal": deal,
        "upload": upload_url,
        "company": other["company_id"],
    }


async def test_api_routes_answer_404_across_workspaces(two_workspaces):
    alice, bob = two_workspaces
    w = await _alice_world(alice)
    cid, did, coid = w["contact"]["id"], w["deal"]["id"], w["company"]
    mine = await make_contact(bob, "bob.contact@bob.io")
    calls = [
        ("GET", f"/api/contacts/{cid}", None),
        ("PUT", f"/api/contacts/{cid}", {"name": "x"}),
        ("GET", f"/api/contacts/{cid}/notes", None),
        ("POST", f"/api/contacts/{cid}/notes", {"body": "x"}),
        ("GET", f"/api/contacts/{cid}/timeline", None),
        ("POST", f"/api/contacts/{cid}/merge", {"other_id": mine["id"]}),
        ("POST", f"/api/contacts/{mine['id']}/merge", {"other_id": cid}),
        ("GET", f"/api/companies/{coid}", None),
        ("GET", f"/api/deals/{did}", None),
        ("PUT", f"/api/deals/{did}", {"stage": "won"}),
        ("GET", f"/api/forms/{w['form']}/submissions.csv", None),
        ("POST", "/api/deals", {"name": "steal", "contact_id": cid}),
        ("POST", "/api/deals", {"name": "steal", "company_id": coid}),
        ("PUT", f"/api/contacts/{mine['id']}", {"company_id": coid}),
    ]
    for method, path, body in calls:
        r = await bob.api.request(method, path, json=body)
        assert r.status_code == 404, (method, path, r.status_code, r.text)
    # lists, search and exports stay inside the workspace
    assert [
        c["email"]
        for c in (await bob.api.get("/api/contacts", params={"q": "secret"})).json()["data"]
    ] == []
    assert [c["email"] for c in (await bob.api.get("/api/contacts")).json()["data"]] == [
        "bob.contact@bob.io"
    ]
    assert (await bob.api.get("/api/deals")).json()["data"] == []
    assert (await bob.api.get("/api/companies", params={"q": "alice"})).json()["data"] == []
    assert "alice.io" not in (await bob.api.get("/api/contacts.csv")).text
    assert (await bob.api.get("/api/contacts", params={"tag": "x"})).json()["data"] == []
    # nothing of alice's changed
    assert (await alice.api.get(f"/api/contacts/{cid}")).json()["name"] == w["contact"]["name"]
    assert (await alice.api.get(f"/api/deals/{did}")).json()["stage"] == "open"


async def test_page_routes_answer_404_across_workspaces(two_workspaces):
    alice, bob = two_workspaces
    w = await _alice_world(alice)
    cid, did = w["contact"]["id"], w["deal"]["id"]
    for path in (
        f"/contacts/{cid}",
        f"/companies/{w['company']}",
        f"/deals/{did}",
        w["upload"],
        f"/deals/new?contact_id={cid}",
    ):
        r = await bob.web.get(path)
        assert r.status_code == 404, (path, r.status_code)
    token = await bob.csrf("/contacts")
    posts = [
        (f"/contacts/{cid}/edit", {"email": "x@y.io"}),
        (f"/contacts/{cid}/tags", {"add": "x"}),
        (f"/contacts/{cid}/notes", {"body": "x"}),
        (f"/contacts/{cid}/merge", {"other": "bob@bob.io"}),
        (f"/deals/{did}", {"name": "x", "stage": "won"}),
        (f"/deals/{did}/stage", {"stage": "won"}),
        (w["upload"], {"action": "import", "map_0": "email"}),
    ]
    for path, data in posts:
        for headers in ({}, {"HX-Request": "true", "HX-Target": "deal-board"}):
            r = await bob.web.post(path, data={**data, "csrf_token": token}, headers=headers)
            assert r.status_code == 404, (path, headers, r.status_code)
    r = await bob.web.get("/contacts", params={"q": "secret"})
    assert "secret@alice.io" not in r.text
    assert "Alice deal" not in (await bob.web.get("/deals")).text
    assert (await alice.api.get(f"/api/deals/{did}")).json()["stage"] == "open"
    assert (await alice.api.get(f"/api/contacts/{cid}/notes")).json()["data"] == []
