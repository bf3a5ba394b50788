"""The SSE stream (/events/stream) against a real uvicorn server on a local port."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from bs4 import BeautifulSoup

from app.main import create_app
from app.services.events import live
from tests.conftest import ServerThread, free_port, make_settings
from tests.helpers_live import SSE, cookie_client, signup, wait_until


def _serve(tmp_path, **overrides):
    port = free_port()
    settings = make_settings(tmp_path, base_url=f"http://127.0.0.1:{port}", workers=0, **overrides)
    application = create_app(settings)
    server = ServerThread(application, port)
    server.app = application
    return server


@pytest.fixture
def fast_server(tmp_path):
    """A live server with short heartbeats and polls (workers off: only capture's events)."""
    with _serve(tmp_path, sse_heartbeat_seconds=0.2, events_poll_seconds=0.1) as server:
        yield server


def _count(server) -> int:
    return live.subscriber_count(server.app.state.db)


def _sub_id(frame: dict) -> str:
    row = BeautifulSoup(frame["data"], "html.parser").find("li")
    link = row.find("a", href=lambda h: h and h.startswith("/submissions/"))
    return link["href"].rsplit("/", 1)[1]


async def _open(client: httpx.AsyncClient, url: str, **headers):
    """Open a stream and wait for its first comment: from then on nothing is missed."""
    cm = client.stream("GET", url, headers=headers)
    response = await cm.__aenter__()
    assert response.status_code == 200, await response.aread()
    assert response.headers["content-type"].startswith("text/event-stream")
    sse = SSE(response)
    first = await asyncio.wait_for(sse.lines.__anext__(), 5)
    assert first.startswith("retry:")
    return cm, sse


async def test_rows_arrive_in_order_filtered_by_form_and_type(fast_server):
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    demo, other = await alice.form("Demo"), await alice.form("Newsletter")
    cm, sse = await _open(alice.api, f"/events/stream?form={demo}&type=submission_received")
    try:
        sent = []
        for n in range(3):
            sent.append(await alice.submit(demo, f"lead{n}@example.net"))
            await alice.submit(other, f"reader{n}@example.net")  # another form: filtered out
        frames = await sse.events(3)
        assert [_sub_id(f) for f in frames] == sent
        assert all(f["event"] == "event" and f["id"].startswith("evt_") for f in frames)
        row = BeautifulSoup(frames[0]["data"], "html.parser").find("li")
        assert row["id"] == frames[0]["id"] and row["data-type"] == "submission_received"
        assert "New submission" in row.get_text() and "Demo" in row.get_text()
        # The stream's order is the log's order.
        listed = (
            await alice.api.get("/api/events", params={"form": demo, "type": "submission_received"})
        ).json()
        assert [e["id"] for e in reversed(listed["data"])] == [f["id"] for f in frames]
    finally:
        await cm.__aexit__(None, None, None)
        await alice.close()


async def test_resume_with_last_event_id_misses_nothing(fast_server):
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    form = await alice.form()
    url = "/events/stream?type=submission_received"
    cm, sse = await _open(alice.api, url)
    first = await alice.submit(form, "one@example.net")
    frame = await sse.next_event()
    assert _sub_id(frame) == first
    await cm.__aexit__(None, None, None)

    missed = [await alice.submit(form, f"gap{n}@example.net") for n in range(4)]
    cm, sse = await _open(alice.api, url, **{"Last-Event-ID": frame["id"]})
    try:
        later = await alice.submit(form, "after@example.net")
        frames = await sse.events(5)
        assert [_sub_id(f) for f in frames] == [*missed, later]
        assert len({f["id"] for f in frames}) == 5
    finally:
        await cm.__aexit__(None, None, None)
        await alice.close()


async def test_another_workspace_never_arrives(fast_server):
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    bob = await signup(fast_server.url, "bob@example.org", "Bob Inc")
    alice_form, bob_form = await alice.form(), await bob.form("Bob's secret form")
    cm, sse = await _open(alice.api, "/events/stream")
    try:
        bob_sub = await bob.submit(bob_form, "customer@bob.example")
        await bob.form("Bob's second form")
        mine = await alice.submit(alice_form, "lead@example.net")
        seen = []
        alice_first_id = None
        while True:  # Alice's own events come after Bob's in the log: any leak would show first
            frame = await sse.next_event()
            alice_first_id = alice_first_id or frame["id"]
            seen.append(frame["data"])
            if mine in frame["data"] and "submission_received" in frame["data"]:
                break
        text = "\n".join(seen)
        assert bob_sub not in text and bob_form not in text and "Bob" not in text
        # Bob replaying his whole log sees only his own events.
        cm2, bob_sse = await _open(bob.api, "/events/stream?since=start")
        frame = await bob_sse.next_event()
        assert bob_form in frame["data"] and alice_form not in frame["data"]
        await cm2.__aexit__(None, None, None)
        # Alice's event id as Bob's Last-Event-ID is unknown in his workspace: he streams from now.
        cm3, bob_sse = await _open(bob.api, "/events/stream", **{"Last-Event-ID": alice_first_id})
        await alice.submit(alice_form, "second@example.net")
        newest = await bob.submit(bob_form, "again@bob.example")
        frame = await bob_sse.next_event()
        assert newest in frame["data"] and alice_form not in frame["data"]
        await cm3.__aexit__(None, None, None)
    finally:
        await cm.__aexit__(None, None, None)
        await alice.close()
        await bob.close()


async def test_heartbeats_and_cleanup_of_closed_clients(fast_server):
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    streams = [await _open(alice.api, "/events/stream") for _ in range(5)]
    try:
        assert _count(fast_server) == 5
        sse = streams[0][1]
        await asyncio.sleep(0.5)
        with pytest.raises(TimeoutError):
            await sse.next_event(timeout=0.3)  # nothing happened: only heartbeats
        assert "keepalive" in sse.comments
    finally:
        for cm, _ in streams:
            await cm.__aexit__(None, None, None)
    await wait_until(lambda: _count(fast_server) == 0)
    await alice.close()


async def test_auth_cookie_key_scopes_and_anonymous(fast_server):
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    form = await alice.form()
    async with httpx.AsyncClient(base_url=fast_server.url) as anon:
        r = await anon.get("/events/stream")
        assert r.status_code == 401
    no_scope = await alice.create_key(["forms:read"])
    async with httpx.AsyncClient(
        base_url=fast_server.url, headers={"Authorization": f"Bearer {no_scope}"}
    ) as c:
        r = await c.get("/events/stream")
        assert r.status_code == 403 and "events:read" in r.text
    key = await alice.create_key(["events:read"])
    web = await cookie_client(fast_server.url, alice)
    async with httpx.AsyncClient(
        base_url=fast_server.url, headers={"Authorization": f"Bearer {key}"}
    ) as keyed:
        for client in (keyed, web):
            cm, sse = await _open(client, "/events/stream?type=submission_received")
            try:
                sub = await alice.submit(form, f"via-{id(client)}@example.net")
                assert _sub_id(await sse.next_event()) == sub
            finally:
                await cm.__aexit__(None, None, None)
    await web.aclose()
    await alice.close()


async def test_bad_filters_answer_422(fast_server):
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    r = await alice.api.get("/events/stream", params={"form": "not-a-form"})
    assert r.status_code == 422 and "form id" in r.text
    await alice.close()


async def test_events_written_by_another_process_arrive_by_polling(tmp_path, fast_server):
    """Two server processes on one database file: the stream on the first sees
    what the second wrote, with no in-process signal to wake it."""
    alice = await signup(fast_server.url, "alice@example.com", "Alice Co")
    form = await alice.form()
    settings = fast_server.app.state.settings
    with _serve(
        tmp_path / "second", db_path=settings.db_path, secret_key=settings.secret_key
    ) as second:
        cm, sse = await _open(alice.api, "/events/stream?type=submission_received")
        try:
            async with httpx.AsyncClient(base_url=second.url) as visitor:
                r = await visitor.post(
                    f"/api/submissions/{form}", json={"email": "elsewhere@example.net"}
                )
                assert r.status_code == 201, r.text
            assert _sub_id(await sse.next_event(timeout=3)) == r.json()["submission_id"]
        finally:
            await cm.__aexit__(None, None, None)
    await alice.close()


@pytest.fixture
def rechecking_server(tmp_path):
    """Credentials re-checked every 0.2 s instead of every 5 s."""
    with _serve(
        tmp_path, sse_heartbeat_seconds=0.2, events_poll_seconds=0.1, credential_recheck_seconds=0.2
    ) as server:
        yield server


async def _ends(sse: SSE) -> None:
    """The server closes the stream: reading runs into its end within a few rechecks."""
    with pytest.raises(EOFError):
        while True:
            await sse.next_event(timeout=3)


async def test_a_revoked_session_stops_the_stream(rechecking_server):
    alice = await signup(rechecking_server.url, "alice@example.com", "Alice Co")
    form = await alice.form()
    cm, sse = await _open(alice.api, "/events/stream?type=submission_received")
    try:
        sub = await alice.submit(form, "before@example.net")
        assert _sub_id(await sse.next_event()) == sub
        assert (await alice.api.post("/api/auth/logout")).status_code == 204
        await _ends(sse)
        await wait_until(lambda: _count(rechecking_server) == 0)
    finally:
        await cm.__aexit__(None, None, None)
        await alice.close()


async def test_a_removed_member_and_a_revoked_key_stop_streaming(rechecking_server):
    url = rechecking_server.url
    alice = await signup(url, "alice@example.com", "Alice Co")
    bob = await signup(url, "bob@example.org", "Bob Inc")
    r = await alice.api.post(
        f"/api/workspaces/{alice.workspace_id}/invite", json={"email": "bob@example.org"}
    )
    bob_member = r.json()["id"]
    r = await bob.api.post("/api/auth/switch-workspace", json={"workspace_id": alice.workspace_id})
    assert r.status_code == 200
    key = await alice.create_key(["events:read"])
    key_id = (await alice.api.get("/api/api-keys")).json()["data"][0]["id"]
    keyed = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"})
    bob_cm, bob_sse = await _open(bob.api, "/events/stream")
    key_cm, key_sse = await _open(keyed, "/events/stream")
    try:
        r = await alice.api.delete(f"/api/workspaces/{alice.workspace_id}/members/{bob_member}")
        assert r.status_code == 204
        await _ends(bob_sse)
        assert (await alice.api.delete(f"/api/api-keys/{key_id}")).status_code == 204
        await _ends(key_sse)
        await wait_until(lambda: _count(rechecking_server) == 0)
    finally:
        await bob_cm.__aexit__(None, None, None)
        await key_cm.__aexit__(None, None, None)
        await keyed.aclose()
        await alice.close()
        await bob.close()


def test_streams_recheck_at_least_every_five_seconds_by_default():
    from app.config import Settings

    assert Settings.credential_recheck_seconds <= 5
