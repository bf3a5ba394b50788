"""Workspace isolation across EVERY registered route (SPEC §3): Alice asks for
Bob's objects by id and gets 404, Bob's rows stay untouched, and no list,
page or export of Alice's shows anything of Bob's. New routes are covered
automatically; see tests/helpers_isolation.py to map a new path parameter."""

from __future__ import annotations

import asyncio

import pytest

from app.db.schema import column_names, table_names
from tests.helpers_isolation import (
    LISTEN_TIMEOUT,
    MARKER,
    fake_ids,
    fire_while_listening,
    is_public,
    list_routes,
    owner_module,
    peek,
    route_cases,
    seed_victim,
    snapshot,
    walk_routes,
)

WRITE_ORDER = {"GET": 0, "OPTIONS": 1, "POST": 2, "PUT": 2, "PATCH": 2, "DELETE": 3}
CALL_TIMEOUT = 3.0
# Query parameters list endpoints take to filter by another object.
FILTERS = [
    "form",
    "form_id",
    "contact",
    "submission",
    "handler",
    "company",
    "assignee",
    "workspace_id",
]
# A second try for writes that check their body before looking the id up: a
# plausible body, so the answer is about the id, not about a missing field.
PLAUSIBLE = {
    "body": "isolation probe",
    "note": "isolation probe",
    "role": "viewer",
    "status": "paused",
    "name": "isolation probe",
    "title": "isolation probe",
    "stage": "won",
    "amount": 1,
    "email": "probe@alice.example",
    "instructions": "probe",
    "reason": "probe",
}
FILTER_KEYS = {
    "form": "form",
    "contact": "contact",
    "submission": "submission",
    "handler": "handler",
    "company": "company",
    "deal": "deal",
    "assignee": "handler",
    "group": "group",
    "workspace": "workspace",
}


@pytest.fixture
async def world(app, two_workspaces):
    alice, bob = two_workspaces
    ids = await seed_victim(app, bob)
    own_contact = await prepare_alice(app, alice)
    token = await alice.csrf("/")
    PLAUSIBLE["other_id"] = own_contact
    yield alice, bob, ids, token
    PLAUSIBLE.pop("other_id", None)


async def call(alice, method: str, path: str, token: str, params=None, body=None):
    """Alice calls: Bearer token under /api (JSON {} for writes), her cookie and CSRF token on pages."""
    if path.startswith("/api/"):
        kwargs = {"json": body or {}} if method in ("POST", "PUT", "PATCH") else {}
        request = alice.api.request(method, path, params=params, **kwargs)
    elif method in ("GET", "OPTIONS"):
        request = alice.web.request(method, path, params=params)
    else:
        request = alice.web.request(method, path, data={**(body or {}), "csrf_token": token})
    return await asyncio.wait_for(request, CALL_TIMEOUT)


class Answer:
    """A response, whether it came through httpx or from peeking at a stream."""

    def __init__(self, status_code, text, streamed=False):
        self.status_code, self.text, self.streamed = status_code, text, streamed


def _describe(answer) -> str:
    body = answer.text.replace("\n", " ")[:160]
    return f"{answer.status_code}{' (stream)' if answer.streamed else ''} {body}"


async def answer(
    app, alice, method, path, token, params=None, *, stream=False, body=None, until=None
) -> Answer:
    """``stream=True``: known to be a stream, peek at once instead of waiting for the
    timeout (with ``until``: read until that text arrives, or LISTEN_TIMEOUT)."""
    try:
        if stream:
            raise TimeoutError
        response = await call(alice, method, path, token, params, body)
        return Answer(response.status_code, response.text)
    except TimeoutError:
        if method != "GET":
            return Answer(None, "no answer within 5 s")
        headers = (
            dict(alice.api.headers)
            if path.startswith("/api/")
            else {"cookie": "; ".join(f"{k}={v}" for k, v in alice.web.cookies.items())}
        )
        status, text = await peek(
            app,
            path,
            params=params,
            headers={"authorization": headers["authorization"]}
            if "authorization" in headers
            else {"cookie": headers["cookie"]},
            **({"until": until, "seconds": LISTEN_TIMEOUT} if until else {}),
        )
        return Answer(status, text, streamed=True)


def _same_shape(path: str, ids: dict, unknown: dict) -> str:
    for key, value in ids.items():
        if isinstance(value, str) and key in unknown:
            path = path.replace(value, unknown[key])
    return path


def _same(a: Answer, b: Answer, ids: dict, unknown: dict) -> bool:
    text = a.text
    for key, value in ids.items():
        if isinstance(value, str) and key in unknown:
            text = text.replace(value, unknown[key])
    return a.status_code == b.status_code and text == b.text


async def isolation_problems(app, world) -> tuple[list[str], list[str]]:
    """Walk every route with parameters as Alice with Bob's ids: (problems, checked)."""
    alice, bob, ids, token = world
    unknown = fake_ids(ids)
    cases = sorted(route_cases(app, ids), key=lambda c: (WRITE_ORDER.get(c[0], 2), c[1]))
    owners = {path: owner_module(route) for path, route in walk_routes(app.routes)}
    assert cases, "no routes with parameters registered?"
    before = await snapshot(app, bob.workspace_id)

    unmapped, failures, checked = [], [], []
    for method, template, path, problem, exempt in cases:
        if exempt:
            continue
        if problem:
            unmapped.append(f"{method} {template}: {problem} ({owners.get(template)})")
            continue
        response = await answer(app, alice, method, path, token)
        checked.append(f"{method} {template}")
        if response.status_code != 404 and method in ("POST", "PUT", "PATCH"):
            response = await answer(app, alice, method, path, token, body=PLAUSIBLE)
        if response.status_code == 404:
            continue
        other = _same_shape(path, ids, unknown)
        baseline = await answer(
            app,
            alice,
            method,
            other,
            token,
            body=PLAUSIBLE if method in ("POST", "PUT", "PATCH") else None,
        )
        kind = (
            "not 404, though it answers exactly like an unknown id"
            if _same(response, baseline, ids, unknown)
            else "LEAK: answers differently than for an unknown id"
        )
        failures.append(
            f"{method} {template} [{owners.get(template)}] {kind}: {_describe(response)}"
            f" | unknown id: {_describe(baseline)}"
        )

    after = await snapshot(app, bob.workspace_id)
    changed = [table for table in before if before[table] != after.get(table)]

    problems = []
    if unmapped:
        problems.append(
            "Routes whose parameters the isolation harness cannot map: add the mapping to "
            "PARAM_KEYS / COLLECTION_KEYS / LITERAL_PARAMS in tests/helpers_isolation.py (or to "
            "declare the route public=True where it is routed if it is public by design):\n  "
            + "\n  ".join(unmapped)
        )
    if failures:
        problems.append("Another workspace's id did not answer 404:\n  " + "\n  ".join(failures))
    if changed:
        problems.append(f"Alice's refused requests changed Bob's data in: {changed}")
    return problems, checked


async def test_every_route_with_an_id_answers_404_for_another_workspace(app, world):
    problems, checked = await isolation_problems(app, world)
    assert len(checked) > 20
    assert not problems, "\n\n".join(problems) + f"\n\n({len(checked)} route/method pairs checked)"


async def test_the_harness_catches_a_leaky_route_and_an_unmapped_one(app, world):
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def leaky(
        request,
    ):  # looks the form up without its workspace: the bug the harness exists for
        row = await request.app.state.db.fetchone(
            "SELECT name FROM forms WHERE id = ?", (request.path_params["form_id"],)
        )
        return JSONResponse(row or {}, status_code=200 if row else 404)

    async def nothing(request):
        return JSONResponse({})

    app.router.routes.insert(0, Route("/api/forms/{form_id}/leak", leaky, methods=["GET"]))
    app.router.routes.insert(0, Route("/api/widgets/{wid}", nothing, methods=["GET"]))
    problems, _ = await isolation_problems(app, world)
    text = "\n".join(problems)
    assert "GET /api/forms/{form_id}/leak" in text and "LEAK" in text
    assert "GET /api/widgets/{wid}: parameter {wid} after '/widgets'" in text


async def test_lists_pages_and_exports_never_show_another_workspace(app, world):
    alice, bob, ids, token = world
    secret_ids = [v for k, v in ids.items() if isinstance(v, str) and k != "unseeded"]
    owners = {path: owner_module(route) for path, route in walk_routes(app.routes)}
    leaks, unchecked, checked = [], [], 0
    for path in sorted(list_routes(app)):
        variants = [None] + [
            {name: ids[FILTER_KEYS.get(name.removesuffix("_id"), name.removesuffix("_id"))]}
            for name in FILTERS
            if FILTER_KEYS.get(name.removesuffix("_id")) in ids
        ]
        for params in variants:
            if path in unchecked:
                break
            response = await answer(app, alice, "GET", path, token, params)
            if response.streamed:
                unchecked.append(path)
                break
            checked += 1
            text = response.text
            sent = set(
                (params or {}).values()
            )  # a filter value echoed back in the page is not a leak
            found = [i for i in secret_ids if i in text and i not in sent]
            if MARKER in text.lower() or found:
                leaks.append(
                    f"GET {path} {params or ''} [{owners.get(path)}] -> {response.status_code}: shows "
                    f"{'the marker ' if MARKER in text.lower() else ''}{found}"
                )
        if (
            path in unchecked
        ):  # a stream: replays and live events, while Bob's workspace gets a new event
            for params in (
                None,
                {"since": "start"},
                {"after": ids["event"]},
                {"since": "start", "form": ids["form"]},
            ):
                response = await stream_answer(
                    app, alice, path, token, params, ids, bob.workspace_id
                )
                checked += 1
                found = [
                    i
                    for i in secret_ids
                    if i in response.text and i not in set((params or {}).values())
                ]
                if MARKER in response.text.lower() or found:
                    leaks.append(
                        f"GET {path} (stream) {params or ''} [{owners.get(path)}] -> "
                        f"{response.status_code}: shows {found}"
                    )
            continue
        if not path.startswith("/api/"):  # the HTMX fragment of the page too
            try:
                fragment = await asyncio.wait_for(
                    alice.web.get(path, headers={"HX-Request": "true"}), CALL_TIMEOUT
                )
            except TimeoutError:
                continue
            checked += 1
            found = [i for i in secret_ids if i in fragment.text]
            if MARKER in fragment.text.lower() or found:
                leaks.append(
                    f"GET {path} (HTMX fragment) [{owners.get(path)}] -> {fragment.status_code}: shows {found}"
                )
    assert checked > 10
    assert not leaks, "Another workspace's data shows up:\n  " + "\n  ".join(leaks)
    print(
        f"list isolation: {checked} calls; streams probed while subscribed: {sorted(set(unchecked))}"
    )


async def stream_answer(app, alice, path, token, params, ids, bob_ws) -> Answer:
    """Peek at a stream of Alice's while Bob's workspace gets an event. The event is
    written only once her stream is subscribed, and her own event written after it
    must arrive: a peek that could not have seen Bob's event fails instead of passing."""
    from app.services.events.log import emit

    def bobs_event(conn):
        emit(
            conn,
            bob_ws,
            "note_added",
            submission_id=ids["submission"],
            form_id=ids["form"],
            handler_id=ids["handler"],
            details={"note": MARKER},
        )

    subscribed, note, response = await fire_while_listening(
        app,
        alice.workspace_id,
        lambda until: answer(app, alice, "GET", path, token, params, stream=True, until=until),
        bobs_event,
        own_filters(params),
    )
    if response.status_code == 200:
        assert subscribed and note in response.text, (
            f"GET {path} {params or ''}: Alice's own event never arrived, so the peek proved"
            f" nothing: {response.text[:200]}"
        )
    return response


def own_filters(params: dict | None) -> dict:
    """Ids for Alice's control event so it passes the same filters as the stream."""
    return {
        f"{name}_id": params[name]
        for name in ("form", "submission", "handler")
        if (params or {}).get(name)
    }


async def prepare_alice(app, user) -> str:
    """Alice is a handler of her workspace and has a contact of her own, so handler-only
    actions and merges get as far as looking Bob's id up. Returns her contact's id."""
    from app.db import new_id, now_iso

    contact_id, now = new_id("contact"), now_iso()

    def write(conn):
        conn.execute(
            "INSERT INTO handlers (id, workspace_id, type, name, email, account_id, created_at)"
            " VALUES (?, ?, 'human', 'Alice', ?, ?, ?)",
            (new_id("hdl"), user.workspace_id, user.email, user.account_id, now),
        )
        conn.execute(
            "INSERT INTO contacts (id, workspace_id, email, email_lower, created_at, updated_at)"
            " VALUES (?, ?, 'own@alice.example', 'own@alice.example', ?, ?)",
            (contact_id, user.workspace_id, now, now),
        )

    await app.state.db.write(write)
    return contact_id


async def test_seed_covers_every_workspace_table(app, world):
    _, _, ids, _ = world
    assert ids["unseeded"] == [], (
        f"Tables with a workspace_id that the isolation seed does not fill: {ids['unseeded']}. "
        "Add a row for each to _rows() in tests/helpers_isolation.py so routes over them are checked."
    )


async def test_cannot_switch_into_another_workspace(app, world):
    alice, bob, ids, token = world
    r = await alice.api.post("/api/auth/switch-workspace", json={"workspace_id": bob.workspace_id})
    assert r.status_code == 404, r.text
    r = await alice.web.post(
        "/workspaces/switch", data={"workspace_id": bob.workspace_id, "csrf_token": token}
    )
    assert r.status_code in (303, 404)
    me = await alice.web.get("/api/auth/me")
    assert me.json()["workspace"]["id"] == alice.workspace_id
    assert MARKER not in (await alice.web.get("/")).text


async def test_another_workspaces_api_key_and_member_ids_are_404(app, world):
    alice, bob, ids, token = world
    assert (await alice.api.delete(f"/api/api-keys/{ids['api_key']}")).status_code == 404
    members = f"/api/workspaces/{bob.workspace_id}/members"
    assert (await alice.api.get(members)).status_code == 404
    for mid in (ids["membership"], ids["owner_membership"]):
        r = await alice.api.put(f"{members}/{mid}", json={"role": "viewer"})
        assert r.status_code == 404
    still = await bob.api.get("/api/api-keys")
    assert ids["api_key"] in still.text


# Minimal valid bodies of the create endpoints, so the answer is about the reference.
CREATE_BASES = {
    "/api/forms": {
        "name": "probe form",
        "fields": [{"name": "email", "type": "email", "label": "Email"}],
    },
    "/api/contacts": {"email": "probe@alice.example"},
    "/api/deals": {"name": "probe deal"},
    "/api/handlers": {"type": "human", "name": "probe handler"},
    "/api/handler-groups": {"name": "probe group"},
    "/api/api-keys": {"name": "probe key", "scopes": ["forms:read"]},
    "/api/workspaces": {"name": "probe workspace"},
}


def _references(ids: dict, account_id: str) -> list[tuple[str, object]]:
    """Body keys that name another object, each with one of Bob's."""
    return [
        ("contact_id", ids["contact"]),
        ("company_id", ids["company"]),
        ("form_id", ids["form"]),
        ("submission_id", ids["submission"]),
        ("handler_id", ids["handler"]),
        ("assignee_id", ids["handler"]),
        ("group_id", ids["group"]),
        ("source_submission_id", ids["submission"]),
        ("account_id", account_id),
        ("assignment", {"type": "handler", "id": ids["handler"]}),
        ("assignment", {"type": "group", "id": ids["group"]}),
        ("settings", {"fallback_handler_id": ids["handler"]}),
        ("assigned_to", {"type": "handler", "id": ids["handler"]}),
        ("members", [{"handler_id": ids["handler"]}]),
        ("auto", {"notify_handler_ids": [ids["handler"]]}),
    ]


async def test_create_endpoints_refuse_references_into_another_workspace(app, world):
    """POST /api/<collection> with one of Bob's ids in the body: refused, or at
    least nothing Alice creates points at Bob's data."""
    alice, bob, ids, token = world
    secret = {
        v for k, v in ids.items() if isinstance(v, str) and k not in ("unseeded", "workspace")
    }
    secret.add(bob.account_id)
    owners = {path: owner_module(route) for path, route in walk_routes(app.routes)}
    before = await snapshot(app, bob.workspace_id)
    problems, accepted = [], 0
    for path, base in CREATE_BASES.items():  # the bases are valid: a refusal is the reference's
        r = await alice.api.post(path, json=base)
        accepted += r.status_code == 201
    for path, route in walk_routes(app.routes):
        if not path.startswith("/api/") or "{" in path or "POST" not in (route.methods or ()):
            continue
        if path.startswith("/api/auth/") or path.endswith(("/generate", "/import")):
            continue  # sign-up / log-in / form generation / CSV upload take no references
        for key, value in _references(ids, bob.account_id):
            body = {**CREATE_BASES.get(path, {"name": "probe"}), key: value}
            r = await alice.api.post(path, json=body)
            if 200 <= r.status_code < 300:
                accepted += 1
                shown = sorted(i for i in secret if i in r.text)
                if shown:
                    problems.append(
                        f"POST {path} with {key} [{owners.get(path)}] -> {r.status_code}: the "
                        f"new object points into the other workspace: {shown}"
                    )
    # Alice's own objects, joined to Bob's.
    group = (await alice.api.post("/api/handler-groups", json={"name": "mine"})).json()
    r = await alice.api.post(
        f"/api/handler-groups/{group['id']}/members", json={"handler_id": ids["handler"]}
    )
    if r.status_code < 400:
        problems.append(
            f"POST /api/handler-groups/{{id}}/members accepted another workspace's handler: {r.status_code}"
        )
    mine = (await alice.api.post("/api/contacts", json={"email": "mine@alice.example"})).json()
    r = await alice.api.post(f"/api/contacts/{mine['id']}/merge", json={"other_id": ids["contact"]})
    if r.status_code != 404:
        problems.append(
            f"POST /api/contacts/{{id}}/merge with another workspace's contact: {r.status_code} {r.text[:100]}"
        )
    after = await snapshot(app, bob.workspace_id)
    changed = [table for table in before if before[table] != after.get(table)]
    assert accepted == len(CREATE_BASES)  # so the probes reached the reference checks
    assert not changed, f"Alice's creates changed Bob's data in {changed}"
    assert not problems, "Cross-workspace references accepted:\n  " + "\n  ".join(problems)


def _form_pairs(key: str, value) -> list[tuple[str, str]] | None:
    """The reference as HTML form fields (dicts become key.sub fields; lists repeat)."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [(key, v) for v in value]
    if isinstance(value, dict):
        pairs = []
        for sub, inner in value.items():
            if isinstance(inner, list):
                pairs += [(sub, v) for v in inner]
            elif isinstance(inner, str):
                pairs += [(f"{key}_{sub}", inner), (sub, inner)]
        return pairs
    return None


def _foreign_values(rows: dict, secret: set[str]) -> list[str]:
    found = []
    for table, table_rows in rows.items():
        for row in table_rows:
            for column, value in row.items():
                if isinstance(value, str) and any(s in value for s in secret):
                    found.append(
                        f"{table}.{column} (row {row.get('id') or row.get('submission_id')})"
                    )
    return found


async def test_updates_refuse_references_into_another_workspace(app, two_workspaces):
    """Every write route with ids (API and pages), called on Alice's OWN objects with
    one of Bob's ids in the body: afterwards no row of Alice's holds any id of Bob's."""
    from tests.helpers_isolation import substitutions

    alice, bob = two_workspaces
    theirs = await seed_victim(app, bob)
    mine = await seed_victim(app, alice)
    token = await alice.csrf("/")
    secret = {
        v for k, v in theirs.items() if isinstance(v, str) and k not in ("unseeded", "workspace")
    }
    secret.add(bob.account_id)
    owners = {path: owner_module(route) for path, route in walk_routes(app.routes)}
    before = await snapshot(app, bob.workspace_id)
    assert _foreign_values(await snapshot(app, alice.workspace_id), secret) == []
    accepted, blamed = 0, {}
    for template, route in walk_routes(app.routes):
        if "{" not in template:
            continue
        for method in sorted(set(route.methods or ()) & {"POST", "PUT", "PATCH"}):
            if is_public(route):
                continue
            paths, _ = substitutions(template, mine)
            for path in paths:
                for key, value in _references(theirs, bob.account_id):
                    if path.startswith("/api/"):
                        r = await alice.api.request(method, path, json={key: value})
                    else:
                        pairs = _form_pairs(key, value)
                        if pairs is None:
                            continue
                        data: dict[str, list[str]] = {"csrf_token": [token]}
                        for name, item in pairs:
                            data.setdefault(name, []).append(item)
                        r = await alice.web.request(method, path, data=data)
                    if r.status_code >= 400:
                        continue  # refused: nothing stored (the snapshot below is the slow part)
                    accepted += 1
                    stored = _foreign_values(await snapshot(app, alice.workspace_id), secret)
                    for place in stored:
                        blamed.setdefault(
                            place, f"{method} {template} with {key} [{owners.get(template)}]"
                        )
                    if stored:
                        await _scrub(app, alice.workspace_id, secret)
    after = await snapshot(app, bob.workspace_id)
    changed = [table for table in before if before[table] != after.get(table)]
    assert accepted > 0
    assert not changed, f"Alice's updates changed Bob's data in {changed}"
    problems = [
        f"{route} stored another workspace's id in {place}" for place, route in blamed.items()
    ]
    assert not problems, "Cross-workspace references accepted:\n  " + "\n  ".join(problems)


async def _scrub(app, ws: str, secret: set[str]) -> None:
    """Forget a stored foreign reference (already reported) so the next probe is judged alone."""

    def write(conn):
        for table in table_names(conn):
            columns = column_names(conn, table)
            if "workspace_id" not in columns or table in ("sessions", "jobs", "events"):
                continue
            for column in columns:
                for value in secret:
                    conn.execute(
                        f"UPDATE {table} SET {column} = replace({column}, ?, 'scrubbed')"
                        f" WHERE workspace_id = ? AND typeof({column}) = 'text' AND instr({column}, ?) > 0",
                        (value, ws, value),
                    )

    await app.state.db.write(write)


async def test_websockets_never_carry_another_workspace(app, world):
    """Every WebSocket route, with Bob's ids as filters / resume point, while Bob's
    workspace gets a new event: nothing of Bob's arrives (and Alice's own does)."""
    from app.services.events.log import emit
    from tests.helpers_isolation import websocket_paths, ws_peek

    alice, bob, ids, token = world
    secret = [v for k, v in ids.items() if isinstance(v, str) and k != "unseeded"]
    auth = {"authorization": alice.api.headers["authorization"]}
    paths = websocket_paths(app)
    leaks = []

    async def during_peek(path, params):
        """Bob's event once the socket is subscribed, then Alice's own, which must arrive."""
        subscribed, note, (accepted, text) = await fire_while_listening(
            app,
            alice.workspace_id,
            lambda until: ws_peek(
                app, path, params=params, headers=auth, seconds=LISTEN_TIMEOUT, until=until
            ),
            lambda conn: emit(
                conn,
                bob.workspace_id,
                "note_added",
                submission_id=ids["submission"],
                form_id=ids["form"],
                handler_id=ids["handler"],
                details={"note": MARKER},
            ),
            own_filters(params),
        )
        if accepted:
            assert subscribed and note in text, f"WS {path} {params}: the control never arrived"
        return accepted, text

    for path in paths:
        for params in (
            None,
            {"after": ids["event"]},
            {"form": ids["form"]},
            {"submission": ids["submission"]},
            {"handler": ids["handler"]},
        ):
            accepted, text = await during_peek(path, params)
            assert accepted or params, f"WS {path}: refused Alice's own unfiltered stream"
            found = [i for i in secret if i in text and i not in set((params or {}).values())]
            if MARKER in text or found:
                leaks.append(f"WS {path} {params or ''}: received {found or 'the marker'}")
    assert not leaks, "Another workspace's events over a WebSocket:\n  " + "\n  ".join(leaks)
