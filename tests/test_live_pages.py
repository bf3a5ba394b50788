"""The dashboard home (today's numbers, the stream), the /live page, and the hub's
guarantees that no HTTP client can provoke on demand (a slow client is dropped)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.services.events import live
from app.services.events.log import emit
from app.services.events.queries import EventFilters
from tests.factory import make_form, submit
from tests.helpers import soup

COUNTS = ("submissions", "processed", "contacts", "spam", "awaiting_approval", "needs_review")


def _numbers(page) -> dict:
    return {
        el["data-stat"]: int(el.select_one(".value").get_text())
        for el in soup(page).select("[data-stat]")
        if el["data-stat"] in COUNTS
    }


async def test_first_visit_redirects_to_signup(client):
    r = await client.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/signup"


async def test_dashboard_counts_today_in_the_workspace_time_zone(app, client, user, freeze_clock):
    form = (await make_form(user))["id"]
    freeze_clock.set(
        datetime.fromisoformat("2026-11-26T07:00:00")
    )  # 23:00 on the 25th in Los Angeles
    assert (await submit(client, form, {"email": "early@example.net"})).status_code == 201
    freeze_clock.set(
        datetime.fromisoformat("2026-11-26T20:00:00")
    )  # noon on the 26th in Los Angeles
    subs = [
        (await submit(client, form, {"email": f"lead{n}@example.net"})).json()["submission_id"]
        for n in range(3)
    ]
    assert (
        await submit(client, form, {"email": "bot@example.net", "_hp": "gotcha"})
    ).status_code == 200  # honeypot: spam
    db = app.state.db
    await db.execute("UPDATE submissions SET status = 'processed' WHERE id = ?", (subs[0],))
    await db.execute("UPDATE submissions SET status = 'awaiting_approval' WHERE id = ?", (subs[1],))
    await db.execute(
        "UPDATE submissions SET status = 'needs_human_review' WHERE id = ?", (subs[2],)
    )

    utc = _numbers(await user.web.get("/"))
    assert utc == {
        "submissions": 4,
        "processed": 1,
        "contacts": 4,
        "spam": 1,
        "awaiting_approval": 1,
        "needs_review": 1,
    }
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"timezone": "America/Los_Angeles"}},
    )
    assert r.status_code == 200, r.text
    page = await user.web.get("/")
    assert _numbers(page) == {**utc, "submissions": 3, "contacts": 3}
    assert "America/Los_Angeles" in page.text


async def test_dashboard_shows_the_live_stream_next_to_the_numbers(client, user):
    empty = soup(await user.web.get("/"))
    stream = empty.select_one("#live-events")
    assert (
        stream["hx-ext"] == "sse"
        and stream["sse-swap"] == "event"
        and stream["hx-swap"] == "afterbegin"
    )
    assert stream["sse-connect"].startswith("/events/stream?type=")  # only feed-worthy events
    assert stream["sse-connect"].endswith(
        "&since=start"
    )  # nothing shown yet: replay from the start
    assert "type=submission_received" in stream["sse-connect"]
    assert "type=notify" not in stream["sse-connect"]
    assert empty.select_one(".live-empty") and empty.find("a", href="/forms/new")  # first steps
    form = (await make_form(user))["id"]
    sub = (await submit(client, form, {"email": "lead@example.net"})).json()["submission_id"]
    page = soup(await user.web.get("/"))
    rows = page.select("#live-events > li.event")
    # One row for the lead (its events folded behind a disclosure), not one per event.
    assert [r["data-type"] for r in rows] == ["submission_received", "form_created"]
    assert rows[0]["data-submission"] == sub
    assert rows[0]["data-type"] == "submission_received"
    assert rows[0].select_one(".event-lead").get_text(strip=True).startswith("lead@example.net")
    assert len(rows[0].select("details.event-steps li")) >= 2  # received + contact created
    assert (
        page.select_one("#live-events")["sse-connect"].endswith(f"after={rows[0]['id']}") is False
    )
    assert page.find("a", href=f"/submissions/{sub}") is not None
    assert page.find("script", src=lambda s: s and s.startswith("/static/js/live.js"))


async def test_live_page_filters_and_escapes_event_details(client, user):
    hostile = (await make_form(user, name='<img src=x onerror="alert(1)">'))["id"]
    plain = (await make_form(user, name="Plain"))["id"]
    await submit(client, hostile, {"email": "a@example.net", "name": "<script>alert(2)</script>"})
    await submit(client, plain, {"email": "b@example.net"})
    page = await user.web.get("/live", params={"form": hostile, "type": "submission_received"})
    assert page.status_code == 200
    doc = soup(page)
    rows = doc.select("#live-events > li.event")
    assert len(rows) == 1 and rows[0]["data-type"] == "submission_received"
    assert (
        doc.select_one("#live-events img") is None and doc.select_one("#live-events script") is None
    )
    assert '<img src=x onerror="alert(1)">' in rows[0].get_text()
    stream = doc.select_one("#live-events")["sse-connect"]
    assert stream == f"/events/stream?type=submission_received&form={hostile}&after={rows[0]['id']}"
    assert doc.select_one("#f-form option[selected]")["value"] == hostile
    for label_for in ("f-type", "f-form", "f-handler", "f-submission"):
        assert doc.find("label", attrs={"for": label_for}) is not None


async def test_live_page_shows_bad_filters_next_to_the_field(user):
    page = await user.web.get("/live", params={"submission": "nope"})
    assert page.status_code == 200
    doc = soup(page)
    assert "submission id" in doc.select_one("#e-submission").get_text()
    assert doc.select_one("#f-submission")["aria-invalid"] == "true"


async def test_pages_need_a_session(client):
    r = await client.get("/live")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


async def test_a_slow_client_is_dropped_without_holding_back_the_others(app, user, monkeypatch):
    monkeypatch.setattr(live, "BUFFER", 5)
    db = app.state.db
    hub = live.hub_for(db, app.state.settings)
    slow = await hub.subscribe(user.workspace_id, EventFilters())
    fast = await hub.subscribe(user.workspace_id, EventFilters(types=frozenset({"note_added"})))
    assert hub.subscriber_count == 2
    got = []
    for n in range(12):
        await db.write(
            lambda conn, n=n: emit(conn, user.workspace_id, "note_added", details={"n": n})
        )
        batch = await fast.next_batch(2.0)
        got.extend(e["details"]["n"] for e in batch)
    assert got == list(range(12))
    assert slow.dropped and hub.subscriber_count == 1
    with pytest.raises(live.SubscriptionDropped):
        await slow.next_batch(0.1)
    fast.close()
    assert hub.subscriber_count == 0


async def test_todays_numbers_refresh_as_a_fragment(client, user):
    first = soup(await user.web.get("/")).select_one("#today-numbers")
    assert first["hx-get"] == "/dashboard/today" and "every" in first["hx-trigger"]
    form = (await make_form(user))["id"]
    await submit(client, form, {"email": "lead@example.net"})
    r = await user.web.get("/dashboard/today", headers={"HX-Request": "true"})
    assert r.status_code == 200
    fragment = soup(r)
    assert fragment.select_one("#today-numbers") is not None and fragment.find("html") is None
    assert _numbers(r)["submissions"] == 1 and _numbers(r)["contacts"] == 1
    plain = await user.web.get("/dashboard/today")
    assert plain.status_code == 303 and plain.headers["location"] == "/"
