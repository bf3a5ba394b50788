"""A sequence built on its page in a real browser, and an enrollment advancing:
the scheduler sends the first step by itself (the panel refreshes on its own),
then "Send next step now" sends the second through HTMX without a reload."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from app.main import create_app
from tests.conftest import ServerThread, free_port, make_settings

PASSWORD = "correct horse battery"


@pytest.fixture
def ticking_server(tmp_path):
    """The app on a free port with one worker and a scheduler ticking twice a second."""
    port = free_port()
    settings = make_settings(
        tmp_path, base_url=f"http://127.0.0.1:{port}", workers=1, scheduler_interval=0.5
    )
    with ServerThread(create_app(settings), port) as server:
        yield server


@pytest.mark.browser
def test_build_a_sequence_and_watch_an_enrollment_advance(ticking_server, page):
    base = ticking_server.url
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "mara@shop.test",
            "password": PASSWORD,
            "name": "Mara",
            "workspace_name": "Shop",
        },
    )
    assert r.status_code == 201, r.text
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    api.post("/api/contacts", json={"email": "rita@reader.test", "name": "Rita Reader"})

    page.goto(base + "/login")
    page.get_by_label("Email").fill("mara@shop.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/**")

    page.goto(base + "/sequences")
    page.get_by_label("Name").fill("Welcome series")
    page.get_by_role("button", name="Create sequence").click()
    page.wait_for_url(re.compile(r"/sequences/seq_"))
    for subject, days in (("Welcome, {{first_name|friend}}", "0"), ("Two days in", "2")):
        form = page.locator("form").filter(has=page.get_by_role("button", name="Add step"))
        form.get_by_label("Wait days").fill(days)
        form.get_by_label("Subject").fill(subject)
        form.get_by_label("Body").fill("Hi {{first_name|there}},\nThanks for signing up.")
        form.get_by_role("button", name="Add step").click()
        page.wait_for_load_state()
    expect(page.locator("ol.seq-steps > li")).to_have_count(2)
    expect(page.locator("#step-2 .when")).to_have_text("2 days after the previous step")

    page.get_by_label("Contact's email").fill("rita@reader.test")
    page.get_by_role("button", name="Enroll").click()
    enrollment = page.locator("li.enrollment").filter(has_text="Rita Reader")
    expect(enrollment).to_be_visible()
    page.evaluate("window.__noReload = 'still here'")
    # The scheduler sends step 1 on its own; the panel polls and shows it, no reload.
    expect(enrollment.locator(".progress")).to_contain_text("Step 2 of 2 next", timeout=15000)
    expect(enrollment.locator(".progress")).to_contain_text("sends in 2 days")

    enrollment.get_by_role("button", name="Send next step now").click()
    expect(enrollment.locator(".progress")).to_have_text("Completed all 2 steps")
    assert page.evaluate("window.__noReload") == "still here"
    sequence_id = page.url.rsplit("/", 1)[1]
    [row] = api.get(f"/api/sequences/{sequence_id}/enrollments").json()["data"]
    assert row["status"] == "completed" and row["current_step"] == 2
    api.close()
