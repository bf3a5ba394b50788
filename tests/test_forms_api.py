"""Forms through the JSON API: CRUD, isolation, slugs, generate, embed."""

from tests.factory import make_form
from tests.helpers_forms import demo_config


async def test_create_get_update_archive(user):
    form = await make_form(user, **demo_config())
    assert (
        form["id"].startswith("form_")
        and form["slug"] == "demo-request"
        and form["status"] == "draft"
    )
    assert (
        form["field_mapping"]["email"] == "contact.email"
        and form["field_mapping"]["company"] == "company.name"
    )

    r = await user.api.get(f"/api/forms/{form['id']}")
    assert r.status_code == 200
    assert [f["name"] for f in r.json()["fields"]] == [
        "email",
        "name",
        "company",
        "budget",
        "message",
        "consent",
    ]
    assert r.json()["stats"] == {"submissions": 0, "views": 0, "starts": 0, "conversion": None}

    r = await user.api.put(
        f"/api/forms/{form['id']}",
        json={
            "status": "active",
            "response": {"thank_you_message": "Talk soon!", "redirect_url": ""},
        },
    )
    assert r.status_code == 200, r.text
    assert (
        r.json()["status"] == "active" and r.json()["response"]["thank_you_message"] == "Talk soon!"
    )
    assert r.json()["fields"] == form["fields"]  # untouched keys are kept

    r = await user.api.delete(f"/api/forms/{form['id']}")
    assert r.status_code == 204
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["status"] == "archived"
    listed = (await user.api.get("/api/forms")).json()
    assert listed["data"] == [] and listed["next_cursor"] is None
    archived = (await user.api.get("/api/forms?status=archived")).json()["data"]
    assert [f["id"] for f in archived] == [form["id"]]


async def test_validation_errors_are_per_field(user):
    bad = demo_config(fields=[{"name": "budget", "type": "select", "options": []}])
    r = await user.api.post("/api/forms", json=bad)
    assert r.status_code == 422
    assert "at least one option" in r.json()["error"]["fields"]["fields[0].options"]
    r = await user.api.post("/api/forms", json={"fields": []})
    assert r.status_code == 422 and "name" in r.json()["error"]["fields"]
    r = await user.api.post("/api/forms", content=b"name=x", headers={"content-type": "text/plain"})
    assert r.status_code == 415


async def test_slug_unique_per_workspace(two_workspaces):
    alice, bob = two_workspaces
    await make_form(alice, **demo_config(slug="contact"))
    r = await alice.api.post("/api/forms", json=demo_config(slug="contact"))
    assert r.status_code == 409 and r.json()["error"]["fields"]["slug"]
    other = await make_form(alice, **demo_config(name="Other", slug="other"))
    r = await alice.api.put(f"/api/forms/{other['id']}", json={"slug": "contact"})
    assert r.status_code == 409
    assert (await bob.api.post("/api/forms", json=demo_config(slug="contact"))).status_code == 201


async def test_other_workspace_form_is_404(two_workspaces):
    alice, bob = two_workspaces
    form = await make_form(alice, **demo_config())
    for method, path in [
        ("GET", f"/api/forms/{form['id']}"),
        ("PUT", f"/api/forms/{form['id']}"),
        ("DELETE", f"/api/forms/{form['id']}"),
        ("GET", f"/api/forms/{form['id']}/embed"),
    ]:
        r = await bob.api.request(method, path, json={"name": "x"} if method == "PUT" else None)
        assert r.status_code == 404, (method, path, r.text)
    assert (await bob.api.get("/api/forms")).json()["data"] == []
    assert (await alice.api.get(f"/api/forms/{form['id']}")).json()["name"] == "Demo request"


async def test_list_pagination_and_stats(user, db):
    ids = [
        (await make_form(user, **demo_config(name=f"Form {i}", status="active")))["id"]
        for i in range(3)
    ]
    r = await user.api.get("/api/forms?limit=2")
    page1 = r.json()
    assert [f["id"] for f in page1["data"]] == ids[::-1][:2] and page1["next_cursor"]
    page2 = (await user.api.get(f"/api/forms?limit=2&cursor={page1['next_cursor']}")).json()
    assert [f["id"] for f in page2["data"]] == [ids[0]] and page2["next_cursor"] is None
    for _ in range(4):
        assert (
            await user.api.post(f"/api/forms/{ids[0]}/beacon", json={"type": "view"})
        ).status_code == 204
    await user.api.post(f"/api/forms/{ids[0]}/beacon", json={"type": "start"})
    stats = (await user.api.get(f"/api/forms/{ids[0]}")).json()["stats"]
    assert stats["views"] == 4 and stats["starts"] == 1 and stats["conversion"] == 0.0
    assert (await user.api.get("/api/forms?status=bogus")).status_code == 422


async def test_generate_returns_an_unsaved_valid_draft(user, db):
    r = await user.api.post(
        "/api/forms/generate", json={"description": "A demo request form for an AI consultancy"}
    )
    assert r.status_code == 200, r.text
    draft = r.json()["draft"]
    assert draft["name"] and any(f["type"] == "email" for f in draft["fields"])
    assert await db.fetchval("SELECT COUNT(*) FROM forms") == 0
    r = await user.api.post(
        "/api/forms/generate", json={"description": "make phone optional", "draft": draft}
    )
    assert r.status_code == 200 and r.json()["draft"]["fields"]
    r = await user.api.post("/api/forms/generate", json={"description": "  "})
    assert r.status_code == 422 and "description" in r.json()["error"]["fields"]
    r = await user.api.post("/api/forms/generate", json={"description": "x", "draft": "nope"})
    assert r.status_code == 422


async def test_embed_info(user):
    form = await make_form(user, **demo_config())
    r = await user.api.get(f"/api/forms/{form['id']}/embed")
    body = r.json()
    assert body["hosted_url"].endswith(f"/f/{form['id']}")
    assert (
        f'data-formagent="{form["id"]}"' in body["snippet"] and "/embed.js?v=" in body["script_url"]
    )
    assert body["script_url"] in body["snippet"]


async def test_api_key_scopes_and_viewer(user, db):
    key = await user.create_api_key(["forms:read"])
    reader = user.key_client(key)
    assert (await reader.get("/api/forms")).status_code == 200
    r = await reader.post("/api/forms", json=demo_config())
    assert r.status_code == 403
    await reader.aclose()
    form = await make_form(user, **demo_config())
    await db.execute(
        "UPDATE memberships SET role = 'viewer' WHERE account_id = ?", (user.account_id,)
    )
    assert (await user.api.get(f"/api/forms/{form['id']}")).status_code == 200
    assert (await user.api.put(f"/api/forms/{form['id']}", json={"name": "No"})).status_code == 403
    assert (await user.api.delete(f"/api/forms/{form['id']}")).status_code == 403


async def test_openapi_lists_form_endpoints(client):
    paths = (await client.get("/api/openapi.json")).json()["paths"]
    for path in (
        "/api/forms",
        "/api/forms/generate",
        "/api/forms/{form_id}",
        "/api/forms/{form_id}/embed",
        "/api/forms/{form_id}/schema",
        "/api/forms/{form_id}/beacon",
    ):
        assert path in paths, path


async def test_publish_rules_and_derived_slugs(user, db):
    r = await user.api.post("/api/forms", json={"name": "Empty", "status": "active", "fields": []})
    assert r.status_code == 422 and "at least one field" in r.json()["error"]["fields"]["fields"]
    first, second = (
        await make_form(user, **demo_config()),
        await make_form(user, **demo_config()),
    )  # slug derived from the same name
    assert (first["slug"], second["slug"]) == ("demo-request", "demo-request-2")
    r = await user.api.put(f"/api/forms/{first['id']}", json={"status": "active"})
    assert r.status_code == 200
    events = await db.fetchall(
        "SELECT type, details FROM events WHERE form_id = ? ORDER BY created_at, id", (first["id"],)
    )
    assert [e["type"] for e in events] == ["form_created", "form_active"]
    r = await user.api.put(f"/api/forms/{first['id']}", json={"fields": []})
    assert r.status_code == 422 and "published form" in r.json()["error"]["fields"]["fields"]


async def test_invalid_llm_output_is_rejected_not_passed_on(app, user, db):
    async def broken(description, draft=None, *, workspace_id=None):
        return {"name": "Broken", "fields": [{"name": "plan", "type": "select", "options": []}]}

    app.state.llm.generate_form = broken
    r = await user.api.post("/api/forms/generate", json={"description": "a pricing form"})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "llm_invalid_output" and "fields[0].options" in error["fields"]
    assert await db.fetchval("SELECT COUNT(*) FROM forms") == 0
