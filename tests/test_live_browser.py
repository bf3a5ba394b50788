"""The live page in a real browser: a new submission appears without a reload."""

from __future__ import annotations

import httpx
import pytest

from tests.factory import CONTACT_FIELDS

PASSWORD = "correct horse battery"


def _sign_up(page, base_url: str, email: str) -> None:
    page.goto(base_url + "/signup")
    page.get_by_label("Your name").fill("Mara Marketer")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Workspace name").fill("Mara's Studio")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base_url + "/**")


def _make_form(base_url: str, email: str) -> str:
    with httpx.Client(base_url=base_url, timeout=10) as api:
        token = api.post("/api/auth/login", json={"email": email, "password": PASSWORD}).json()[
            "token"
        ]
        r = api.post(
            "/api/forms",
            json={"name": "<b>Demo</b> request", "status": "active", "fields": CONTACT_FIELDS},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 201, r.text
        return r.json()["id"]


@pytest.mark.browser
def test_new_submission_appears_on_the_live_page_without_reload(live_server, page):
    base = live_server.url
    _sign_up(page, base, "mara@example.com")
    form_id = _make_form(base, "mara@example.com")
    page.goto(base + "/live")
    status = page.locator("[data-live-status]")
    status.filter(has_text="Live").wait_for()
    page.evaluate("window.__sameDocument = true")
    rows_before = page.locator("#live-events > li.event").count()

    with httpx.Client(base_url=base, timeout=10) as visitor:
        r = visitor.post(f"/api/submissions/{form_id}", json={"email": "visitor@example.net"})
        assert r.status_code == 201, r.text
    submission_id = r.json()["submission_id"]

    row = page.locator("#live-events > li.event[data-type=submission_received]").filter(
        has=page.locator(f'a[href="/submissions/{submission_id}"]')
    )
    row.wait_for()
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    assert page.locator("#live-events > li.event").count() > rows_before
    # Newest on top: contact_created (emitted after submission_received) sits above it.
    page.locator("#live-events > li.event[data-type=contact_created]").first.wait_for()
    types = page.eval_on_selector_all(
        "#live-events > li.event", "els => els.map(e => e.dataset.type)"
    )
    assert types.index("contact_created") < types.index("submission_received")
    assert not page.locator(".live-empty").is_visible()
    assert page.locator("#live-events b").count() == 0  # user data stays text
    assert "<b>Demo</b> request" in row.inner_text()


@pytest.mark.browser
def test_the_page_resumes_after_the_stream_ends_without_gaps_or_duplicates(
    live_server, page, monkeypatch
):
    from app.routes import live as live_routes

    monkeypatch.setattr(
        live_routes, "SSE_MAX_SECONDS", 1.0
    )  # the server ends each stream after 1 s
    base = live_server.url
    _sign_up(page, base, "mara@example.com")
    form_id = _make_form(base, "mara@example.com")
    page.goto(base + "/live?type=submission_received")
    page.locator("[data-live-status][data-state=open]").wait_for()

    def submit(email: str) -> str:
        with httpx.Client(base_url=base, timeout=10) as visitor:
            r = visitor.post(f"/api/submissions/{form_id}", json={"email": email})
            assert r.status_code == 201, r.text
            return r.json()["submission_id"]

    def row(sub_id: str):
        return page.locator("#live-events > li.event").filter(
            has=page.locator(f'a[href="/submissions/{sub_id}"]')
        )

    first = submit("first@example.net")
    row(first).wait_for()
    page.locator(
        "[data-live-status][data-state=error]"
    ).wait_for()  # the stream ended; the browser reconnects
    during_gap = submit("gap@example.net")
    row(during_gap).wait_for()
    page.locator("[data-live-status][data-state=open]").wait_for()
    after = submit("after@example.net")
    row(after).wait_for()
    ids = page.eval_on_selector_all("#live-events > li.event", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)) == 3


@pytest.mark.browser
def test_the_submission_timeline_updates_live_while_it_is_processed(live_server, page):
    base = live_server.url
    _sign_up(page, base, "mara@example.com")
    form_id = _make_form(base, "mara@example.com")
    with httpx.Client(base_url=base, timeout=10) as api:
        token = api.post(
            "/api/auth/login", json={"email": "mara@example.com", "password": PASSWORD}
        ).json()["token"]
        api.headers["Authorization"] = f"Bearer {token}"
        sub_id = api.post(f"/api/submissions/{form_id}", json={"email": "lead@example.net"}).json()[
            "submission_id"
        ]
        _wait_processed(api, sub_id)
        page.goto(f"{base}/submissions/{sub_id}")
        page.locator("#timeline").wait_for()
        page.wait_for_timeout(500)  # let the connect-time replay settle
        page.evaluate("window.__sameDocument = true")
        before = page.locator("#timeline > li").count()
        r = api.post(f"/api/submissions/{sub_id}/reprocess")
        assert r.status_code in (200, 202), r.text
        page.locator("#timeline > li").nth(before).wait_for()  # new steps appear without a reload
        assert "Reprocessing requested" in page.locator("#timeline").inner_text()
        assert page.evaluate("window.__sameDocument") is True


def _wait_processed(api, sub_id: str) -> None:
    import time

    deadline = time.monotonic() + 10
    while api.get(f"/api/submissions/{sub_id}").json()["status"] in ("received", "processing"):
        assert time.monotonic() < deadline, "the submission was not processed in time"
        time.sleep(0.05)


@pytest.mark.browser
def test_the_dashboard_feed_keeps_one_row_per_lead_as_it_moves_on_a_phone(live_server, page):
    base = live_server.url
    _sign_up(page, base, "dora@example.com")
    form_id = _make_form(base, "dora@example.com")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base + "/")
    page.locator("[data-live-status]").filter(has_text="Live").wait_for()
    # On a phone the numbers come first, the feed after them.
    cards = page.locator("#today-numbers").bounding_box()
    feed = page.locator("#live-events").bounding_box()
    assert cards["y"] < feed["y"]
    with httpx.Client(base_url=base, timeout=10) as visitor:
        r = visitor.post(
            f"/api/submissions/{form_id}", json={"email": "zoe@acme.example", "name": "Zoe Quinn"}
        )
        assert r.status_code == 201, r.text
    sid = r.json()["submission_id"]
    rows = page.locator(f'#live-events > li.event[data-submission="{sid}"]')
    rows.first.locator(".event-lead", has_text="Zoe Quinn sent").wait_for()
    # Processing follows in the background: its outcome replaces the row, never adds one.
    page.locator(
        f'#live-events > li[data-submission="{sid}"][data-type="submission_processed"]'
    ).wait_for()
    assert rows.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
