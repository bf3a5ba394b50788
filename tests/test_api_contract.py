"""The JSON API contract of SPEC §12, checked over every registered /api route:
OpenAPI describes each one, errors share one body, lists share one shape."""

from __future__ import annotations

import asyncio

from tests.helpers_isolation import walk_routes

SKIP_LISTS = {"/api/openapi.json", "/api/docs"}


def api_routes(app):
    for path, route in walk_routes(app.routes):
        if path.startswith("/api/"):
            yield path, route


async def test_openapi_describes_every_api_route(app, client):
    spec = (await client.get("/api/openapi.json")).json()
    assert spec["openapi"].startswith("3.")
    missing, undocumented, op_ids = [], [], []
    for path, route in api_routes(app):
        if path in SKIP_LISTS:
            continue
        clean = path.replace(":str", "").replace(":path", "")
        for method in route.methods or ():
            if method == "HEAD":
                continue
            op = spec["paths"].get(clean, {}).get(method.lower())
            if op is None:
                missing.append(f"{method} {path} (use app.web.api.api_route so it is documented)")
                continue
            op_ids.append(op["operationId"])
            if not op.get("summary"):
                undocumented.append(
                    f"{method} {path} ({route.endpoint.__module__}): give the endpoint a docstring"
                )
    assert not missing, "API routes missing from /api/openapi.json:\n  " + "\n  ".join(missing)
    assert not undocumented, "API operations without a summary:\n  " + "\n  ".join(undocumented)
    duplicates = sorted({i for i in op_ids if op_ids.count(i) > 1})
    assert not duplicates, f"operationIds used twice: {duplicates}"
    error = spec["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["required"] == ["code", "message"]


async def test_docs_page_renders_the_spec(client):
    r = await client.get("/api/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "/api/auth/login" in r.text


async def test_error_bodies_share_one_shape(client, user):
    cases = [
        await client.get("/api/no-such-thing"),
        await client.get("/api/auth/me", headers={"authorization": "Bearer fa_live_" + "x" * 32}),
        await client.post(
            "/api/auth/login", content=b"{", headers={"content-type": "application/json"}
        ),
        await client.post(
            "/api/auth/login",
            content=b"a=b",
            headers={"content-type": "application/x-www-form-urlencoded"},
        ),
        await user.api.get("/api/workspaces/ws_0000000000000000/members"),
    ]
    assert [r.status_code for r in cases] == [404, 401, 400, 415, 404]
    for r in cases:
        body = r.json()
        assert set(body) == {"error"}, body
        assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["message"], str)
        assert body["error"]["message"].strip()


async def test_every_list_endpoint_has_the_list_shape_and_validates_paging(app, user):
    lists, problems = [], []
    for path, route in api_routes(app):
        if "{" in path or "GET" not in (route.methods or ()) or path in SKIP_LISTS:
            continue
        try:
            r = await asyncio.wait_for(user.api.get(path), 3)
        except TimeoutError:
            continue  # a stream
        if r.status_code != 200 or not r.headers.get("content-type", "").startswith(
            "application/json"
        ):
            continue
        body = r.json()
        if not (isinstance(body, dict) and "data" in body):
            continue  # not a list (e.g. /api/auth/me)
        lists.append(path)
        if set(body) != {"data", "next_cursor"} or not isinstance(body["data"], list):
            problems.append(f"{path}: answers keys {sorted(body)} instead of data + next_cursor")
        for params, status in (
            ({"limit": "0"}, 422),
            ({"limit": "201"}, 422),
            ({"limit": "abc"}, 422),
            ({"cursor": "!!not-a-cursor!!"}, 400),
            ({"limit": "200"}, 200),
        ):
            answer = await user.api.get(path, params=params)
            if answer.status_code != status:
                problems.append(
                    f"{path}?{params}: {answer.status_code} instead of {status}: {answer.text[:120]}"
                )
            elif status != 200 and "error" not in answer.json():
                problems.append(f"{path}?{params}: error without the error body")
    assert "/api/api-keys" in lists
    assert not problems, "List endpoints off the §12 contract:\n  " + "\n  ".join(problems)


async def test_cursor_paging_walks_a_list_without_gaps(app, user):
    names = [f"key {n}" for n in range(7)]
    for name in names:
        await user.create_api_key(["forms:read"], name=name)
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": "3", **({"cursor": cursor} if cursor else {})}
        body = (await user.api.get("/api/api-keys", params=params)).json()
        seen += [item["id"] for item in body["data"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) >= 7


async def test_a_decodable_cursor_of_the_wrong_shape_is_a_400_on_every_keyset_list(app, user):
    from app.db.pagination import encode_cursor

    odd = encode_cursor([1, 2, 3])
    for path in ("/api/deals", "/api/api-keys", "/api/handlers", "/api/tasks", "/api/tickets"):
        r = await user.api.get(path, params={"cursor": odd})
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_cursor", path
