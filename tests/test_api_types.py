"""The JSON API's input typing (SPEC §12, §13): every body is checked against the
schema its route publishes in OpenAPI; a PUT takes its GET back; wrong types are a
422 naming the field, never a 500; OpenAPI lists every status; 405 says Allow."""

from __future__ import annotations

from tests.helpers_isolation import seed_victim, substitute, walk_routes


def put_routes(app):
    for path, route in walk_routes(app.routes):
        if path.startswith("/api/") and "PUT" in (route.methods or ()):
            yield path, route


async def representation(user, path: str) -> dict:
    """The resource as its GET returns it, or as its list entry when it has no GET."""
    r = await user.api.get(path)
    if r.status_code == 200:
        return r.json()
    collection, _, item_id = path.rpartition("/")
    listed = await user.api.get(collection, params={"limit": 200})
    assert listed.status_code == 200, f"{path}: neither a GET nor a list entry: {listed.text}"
    entries = [e for e in listed.json()["data"] if e["id"] == item_id]
    assert entries, f"{path}: not in {collection}"
    return entries[0]


def strict_read_only_keys(route) -> list[str]:
    props = route.openapi["body"]["properties"]
    return [k for k, s in props.items() if s.get("readOnly") and not s.get("x-computed")]


async def test_every_put_takes_its_get_back_and_names_a_changed_read_only_key(app, user):
    ids = await seed_victim(app, user)
    walked, problems = [], []
    for template, route in put_routes(app):
        path, why = substitute(template, ids)
        assert path, f"PUT {template}: {why}"
        current = await representation(user, path)
        same = await user.api.put(path, json=current)
        if same.status_code != 200:
            problems.append(f"PUT {template} with its GET: {same.status_code} {same.text[:200]}")
            continue
        keys = [k for k in strict_read_only_keys(route) if k in current]
        if not keys:
            problems.append(f"PUT {template}: no read-only key of its GET is declared")
            continue
        for key in keys:
            changed = await user.api.put(path, json={**current, key: "changed-by-a-client"})
            fields = changed.json().get("error", {}).get("fields", {})
            if changed.status_code != 422 or key not in fields:
                problems.append(f"PUT {template} changing {key}: {changed.status_code} {fields}")
        walked.append(template)
    assert len(walked) >= 11, walked  # me, workspaces, members, forms, submissions, contacts, ...
    assert not problems, "PUT does not take its GET back:\n  " + "\n  ".join(problems)


async def test_unchanged_keys_are_no_ops_and_a_change_still_applies(user):
    deal = (await user.api.post("/api/deals", json={"name": "Pilot", "amount": 10})).json()
    r = await user.api.put(f"/api/deals/{deal['id']}", json={**deal, "amount": 25})
    assert r.status_code == 200 and r.json()["amount"] == 25 and r.json()["name"] == "Pilot"
    r = await user.api.put(f"/api/deals/{deal['id']}", json={**deal, "created_at": "2001-01-01"})
    assert r.status_code == 422
    assert r.json()["error"]["fields"]["created_at"].startswith("Read-only")
    r = await user.api.put(f"/api/deals/{deal['id']}", json={"colour": "red"})
    assert r.status_code == 422 and "Unknown field" in r.json()["error"]["fields"]["colour"]
    ws = f"/api/workspaces/{user.workspace_id}"
    listed = (await user.api.get("/api/workspaces")).json()["data"][0]
    r = await user.api.put(ws, json={**listed, "slug": "other-slug"})
    assert r.status_code == 422 and set(r.json()["error"]["fields"]) == {"slug"}


async def test_objects_and_lists_where_ids_are_expected_are_422(app, user):
    ids = await seed_victim(app, user)
    cases = [
        (
            "PUT",
            f"/api/submissions/{ids['submission']}",
            {"assigned_to": {"type": "handler", "id": {}}},
            "assigned_to.id",
        ),
        (
            "POST",
            "/api/handler-groups",
            {"name": "G", "members": [{"handler_id": ["x"]}]},
            "members[0]",
        ),
        (
            "PUT",
            f"/api/handler-groups/{ids['group']}",
            {"settings": {"fallback_handler_id": {}}},
            "settings.fallback_handler_id",
        ),
        (
            "POST",
            f"/api/handler-groups/{ids['group']}/members",
            {"handler_id": {"$ne": 1}},
            "handler_id",
        ),
        ("POST", "/api/handlers", {"type": "human", "name": "H", "account_id": []}, "account_id"),
        ("PUT", f"/api/handlers/{ids['handler']}", {"account_id": {"id": 1}}, "account_id"),
        ("POST", "/api/deals", {"name": "D", "contact_id": {"id": "x"}}, "contact_id"),
        ("PUT", f"/api/deals/{ids['deal']}", {"company_id": ["company_x"]}, "company_id"),
        ("POST", "/api/deals", {"name": "D", "amount": int("9" * 400)}, "amount"),
        ("POST", "/api/deals", {"name": "D", "amount": "9" * 400}, "amount"),
        (
            "POST",
            "/api/api-keys",
            {"name": "k", "scopes": ["forms:read"], "expires_at": "99999-01-01T00:00:00Z"},
            "expires_at",
        ),
        (
            "POST",
            "/api/api-keys",
            {"name": "k", "scopes": ["forms:read"], "expires_at": "9999-12-31T23:00:00-05:00"},
            "expires_at",
        ),
        (
            "POST",
            f"/api/workspaces/{user.workspace_id}/invite",
            {"email": ["a@b.example"]},
            "email",
        ),
        ("PUT", f"/api/tasks/{ids['task']}", {"due_at": "2026-02-30"}, "due_at"),
        ("PUT", f"/api/tickets/{ids['ticket']}", {"description": None}, "description"),
        ("POST", "/api/contacts", {"email": "a@b.example", "tags": [{"x": 1}]}, "tags[0]"),
        (
            "POST",
            "/api/auth/switch-workspace",
            {"workspace_id": {"id": user.workspace_id}},
            "workspace_id",
        ),
        (
            "POST",
            "/api/forms",
            {"name": "F", "fields": [{"type": "number", "min": int("9" * 40)}]},
            "fields[0].min",
        ),
    ]
    for method, path, body, field in cases:
        r = await user.api.request(method, path, json=body)
        assert r.status_code == 422, (method, path, r.status_code, r.text)
        error = r.json()["error"]
        assert error["code"] == "validation_error" and field in error["fields"], (path, error)
        assert (
            error["fields"][field].strip() and field.split("[")[0].split(".")[0] in error["message"]
        )


async def test_required_and_non_empty_are_enforced_as_declared(app, user):
    spec = (await user.api.get("/api/openapi.json")).json()
    schema = spec["paths"]["/api/deals"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    assert schema["required"] == ["name"] and schema["properties"]["name"]["minLength"] == 1
    r = await user.api.post("/api/deals", json={})
    assert r.status_code == 422 and r.json()["error"]["fields"] == {"name": "Required."}
    r = await user.api.post("/api/deals", json={"name": "   "})
    assert r.status_code == 422 and r.json()["error"]["fields"] == {"name": "Must not be empty."}


async def test_numbers_too_large_to_be_finite_are_refused_at_parse(client):
    for raw in (b'{"email": "a@b.example", "password": 1e400}', b'{"x": -1E999}'):
        r = await client.post(
            "/api/auth/login", content=raw, headers={"content-type": "application/json"}
        )
        assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_body", raw


def _numbers(schema, path=""):
    """(path, schema) of every number or integer in a request schema."""
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds or []
    if "number" in kinds or "integer" in kinds:
        yield path, schema
    for key, sub in (schema.get("properties") or {}).items():
        yield from _numbers(sub, f"{path}.{key}")
    for sub in schema.get("anyOf") or []:
        yield from _numbers(sub, path)
    if isinstance(schema.get("items"), dict):
        yield from _numbers(schema["items"], path + "[]")


async def test_openapi_documents_every_status_bounds_and_bodies(app, client):
    spec = (await client.get("/api/openapi.json")).json()
    problems = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            codes = set(op["responses"])
            where = f"{method.upper()} {path}"
            if op.get("security") != [] and not {"401", "403"} <= codes:
                problems.append(f"{where}: 401/403 undocumented")
            if "{" in path and "404" not in codes:
                problems.append(f"{where}: 404 undocumented")
            if method == "delete" and "204" not in codes:
                problems.append(f"{where}: 204 undocumented")
            body = op.get("requestBody")
            if body and "application/json" in body["content"]:
                if not {"400", "413", "415", "422"} <= codes:
                    problems.append(f"{where}: body errors undocumented")
                schema = body["content"]["application/json"]["schema"]
                for at, number in _numbers(schema):
                    if "minimum" not in number or "maximum" not in number:
                        problems.append(f"{where}: number {at} without bounds")
    assert not problems, "\n".join(problems)
    delete = spec["paths"]["/api/forms/{form_id}"]["delete"]["responses"]
    assert "204" in delete and "200" not in delete
    assert "429" in spec["paths"]["/api/auth/login"]["post"]["responses"]
    assert spec["paths"]["/api/auth/login"]["post"]["responses"]["429"]["headers"]["Retry-After"]


async def test_a_405_names_every_method_the_path_takes(client, user):
    for method, path, allow in (
        ("PATCH", "/api/forms/form_x", "DELETE, GET, HEAD, PUT"),
        ("DELETE", "/api/forms", "GET, HEAD, POST"),
        ("GET", "/api/auth/login", "POST"),
        ("DELETE", "/api/submissions/sub_x", "GET, HEAD, OPTIONS, POST, PUT"),
        ("DELETE", "/api/contacts/import", "POST"),  # a literal path is not an id of /{id}
        ("OPTIONS", "/api/forms/generate", "POST"),
    ):
        r = await user.api.request(method, path)
        assert r.status_code == 405 and r.headers["allow"] == allow, (method, path, r.headers)
        assert r.json()["error"]["code"] == "method_not_allowed"
