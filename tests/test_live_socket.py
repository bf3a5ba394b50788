"""WS /ws/events against a real uvicorn server: JSON events for integrations."""

from __future__ import annotations

import asyncio
import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from app.main import create_app
from app.services.events import live
from tests.conftest import ServerThread, free_port, make_settings
from tests.helpers_live import cookie_client, signup, wait_until

PUBLIC_KEYS = {"id", "type", "submission_id", "form_id", "handler_id", "details", "created_at"}


def _ws_url(server, query: str = "") -> str:
    return server.url.replace("http://", "ws://") + "/ws/events" + (f"?{query}" if query else "")


async def _recv(ws, timeout: float = 5.0) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def _refused(url: str, headers: dict | None = None) -> tuple[int, dict]:
    with pytest.raises(InvalidStatus) as info:
        async with connect(url, additional_headers=headers or {}):
            pass
    response = info.value.response
    return response.status_code, json.loads(response.body or b"{}")


@pytest.fixture
def live_server(tmp_path):
    """The app on a local port, re-checking stream credentials every 0.2 s (not 5 s)."""
    port = free_port()
    settings = make_settings(
        tmp_path, base_url=f"http://127.0.0.1:{port}", workers=1, credential_recheck_seconds=0.2
    )
    application = create_app(settings)
    with ServerThread(application, port) as server:
        server.app = application
        yield server


@pytest.fixture
async def alice(live_server):
    person = await signup(live_server.url, "alice@example.com", "Alice Co")
    yield person
    await person.close()


async def _ready(server, count: int) -> None:
    """The socket is subscribed once the hub counts it: events after this are not missed."""
    await wait_until(lambda: live.subscriber_count(server.app.state.db) >= count)


async def test_key_with_events_read_gets_json_events_in_order_with_filters(live_server, alice):
    key = await alice.create_key(["events:read"])
    demo, other = await alice.form("Demo"), await alice.form("Other")
    async with connect(
        _ws_url(live_server, f"form={demo}&type=submission_received,contact_created"),
        additional_headers={"Authorization": f"Bearer {key}"},
    ) as ws:
        await _ready(live_server, 1)
        first = await alice.submit(demo, "one@example.net")
        await alice.submit(other, "elsewhere@example.net")
        second = await alice.submit(demo, "two@example.net")
        got = [await _recv(ws) for _ in range(4)]
    assert all(set(e) == PUBLIC_KEYS for e in got)
    assert [(e["type"], e["submission_id"]) for e in got] == [
        ("submission_received", first),
        ("contact_created", first),
        ("submission_received", second),
        ("contact_created", second),
    ]
    assert all(e["form_id"] == demo for e in got)
    assert got[0]["details"]["email"] == "one@example.net"
    await wait_until(lambda: live.subscriber_count(live_server.app.state.db) == 0)


async def test_resume_after_an_event_id_misses_nothing(live_server, alice):
    key = await alice.create_key(["events:read"])
    form = await alice.form()
    headers = {"Authorization": f"Bearer {key}"}
    query = "type=submission_received"
    async with connect(_ws_url(live_server, query), additional_headers=headers) as ws:
        await _ready(live_server, 1)
        await alice.submit(form, "first@example.net")
        last = await _recv(ws)
    missed = [await alice.submit(form, f"gap{n}@example.net") for n in range(3)]
    async with connect(
        _ws_url(live_server, f"{query}&after={last['id']}"), additional_headers=headers
    ) as ws:
        await _ready(live_server, 1)
        later = await alice.submit(form, "later@example.net")
        got = [await _recv(ws) for _ in range(4)]
    assert [e["submission_id"] for e in got] == [*missed, later]


async def test_refusals_scope_url_key_anonymous_unknown_after(live_server, alice):
    no_scope = await alice.create_key(["forms:read", "submissions:read"])
    status, body = await _refused(_ws_url(live_server), {"Authorization": f"Bearer {no_scope}"})
    assert status == 403 and body["error"]["code"] == "missing_scope"
    status, body = await _refused(_ws_url(live_server))
    assert status == 401
    key = await alice.create_key(["events:read"])
    status, body = await _refused(_ws_url(live_server, f"key={key}"))
    assert status == 400 and body["error"]["code"] == "credentials_in_url"
    status, body = await _refused(
        _ws_url(live_server, "after=evt_0000000000000000"), {"Authorization": f"Bearer {key}"}
    )
    assert status == 422 and "after" in body["error"]["fields"]
    assert live.subscriber_count(live_server.app.state.db) == 0


async def test_session_cookie_works_but_not_from_another_site(live_server, alice):
    web = await cookie_client(live_server.url, alice)
    cookie = "; ".join(f"{k}={v}" for k, v in web.cookies.items())
    status, _ = await _refused(
        _ws_url(live_server), {"Cookie": cookie, "Origin": "https://evil.example"}
    )
    assert status == 403
    form = await alice.form()
    async with connect(
        _ws_url(live_server, "type=submission_received"),
        additional_headers={"Cookie": cookie, "Origin": live_server.url},
    ) as ws:
        await _ready(live_server, 1)
        sub = await alice.submit(form, "cookie@example.net")
        assert (await _recv(ws))["submission_id"] == sub
    await web.aclose()


async def test_session_token_as_bearer_and_no_other_workspace(live_server, alice):
    bob = await signup(live_server.url, "bob@example.org", "Bob Inc")
    alice_form, bob_form = await alice.form(), await bob.form()
    async with connect(
        _ws_url(live_server), additional_headers={"Authorization": f"Bearer {alice.token}"}
    ) as ws:
        await _ready(live_server, 1)
        await bob.submit(bob_form, "b@bob.example")
        mine = await alice.submit(alice_form, "a@example.net")
        while True:
            event = await _recv(ws)
            assert event["form_id"] != bob_form
            if event["submission_id"] == mine:
                break
    await bob.close()


async def test_closed_sockets_are_cleaned_up(live_server, alice):
    key = await alice.create_key(["events:read"])
    sockets = [
        await connect(_ws_url(live_server), additional_headers={"Authorization": f"Bearer {key}"})
        for _ in range(4)
    ]
    await _ready(live_server, 4)
    for ws in sockets:
        await ws.close()
    await wait_until(lambda: live.subscriber_count(live_server.app.state.db) == 0)
    with pytest.raises(ConnectionClosed):
        await sockets[0].recv()


async def test_a_revoked_key_is_disconnected(live_server, alice):
    r = await alice.api.post(
        "/api/api-keys", json={"name": "soon revoked", "scopes": ["events:read"]}
    )
    key, key_id = r.json()["key"], r.json()["id"]
    async with connect(
        _ws_url(live_server), additional_headers={"Authorization": f"Bearer {key}"}
    ) as ws:
        await _ready(live_server, 1)
        assert (await alice.api.delete(f"/api/api-keys/{key_id}")).status_code == 204
        with pytest.raises(ConnectionClosed) as info:
            while True:  # the revocation itself may be an event; then the socket closes
                await asyncio.wait_for(ws.recv(), 5)
    assert info.value.rcvd.code == 1008
    await wait_until(lambda: live.subscriber_count(live_server.app.state.db) == 0)


async def test_a_revoked_session_is_disconnected(live_server, alice):
    async with connect(
        _ws_url(live_server), additional_headers={"Authorization": f"Bearer {alice.token}"}
    ) as ws:
        await _ready(live_server, 1)
        assert (await alice.api.post("/api/auth/logout")).status_code == 204
        with pytest.raises(ConnectionClosed) as info:
            while True:
                await asyncio.wait_for(ws.recv(), 5)
    assert info.value.rcvd.code == 1008
    await wait_until(lambda: live.subscriber_count(live_server.app.state.db) == 0)
