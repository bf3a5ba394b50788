"""embed.js saves a visitor's unfinished answers in a real browser (SPEC §17): once a
valid email is typed, debounced, with the resume token kept in localStorage; the
submission carries the token and removes the partial."""

from __future__ import annotations

import time

import httpx
import pytest


def wait_for(probe, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.browser
def test_the_embed_saves_a_partial_and_the_submission_removes_it(live_server, foreign_site, page):
    base = live_server.url
    api = httpx.Client(base_url=base, timeout=10)
    r = api.post(
        "/api/auth/signup",
        json={
            "email": "owner@studio.test",
            "password": "correct horse battery",
            "name": "Olga",
            "workspace_name": "Studio",
        },
    )
    api.headers["Authorization"] = f"Bearer {r.json()['token']}"
    form = api.post(
        "/api/forms",
        json={
            "name": "Quote",
            "status": "active",
            "fields": [
                {"name": "email", "type": "email", "label": "Email", "required": True},
                {"name": "company", "type": "text", "label": "Company"},
            ],
            "security": {"allowed_origins": [foreign_site.url]},
            "partials": {"enabled": True},
        },
    ).json()
    (foreign_site.root / "quote.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><title>Quote</title></head><body>'
        f'<div data-formagent="{form["id"]}"></div><script src="{base}/embed.js" async></script>'
        "</body></html>"
    )

    def partials():
        return api.get(f"/api/forms/{form['id']}/partials").json()["data"]

    page.goto(foreign_site.url + "/quote.html")
    embed = page.locator(f"form[data-fa-form='{form['id']}']")
    embed.locator("input[name=company]").fill("Engines")
    embed.locator("input[name=email]").fill("ada@")  # not an email yet: nothing is saved
    page.wait_for_timeout(2000)
    assert partials() == []
    embed.locator("input[name=email]").fill("ada@example.com")
    [saved] = wait_for(partials)
    assert saved["email"] == "ada@example.com" and saved["data"]["company"] == "Engines"
    key = f"fa_r_{form['id']}"
    token = wait_for(lambda: page.evaluate(f"localStorage.getItem('{key}')"))
    assert len(token) >= 24

    embed.locator("input[name=company]").fill("Analytical Engines")
    wait_for(lambda: partials()[0]["data"]["company"] == "Analytical Engines")
    assert len(partials()) == 1  # the same partial, updated through the token

    embed.locator("button.fa-submit").click()
    page.locator(".fa-done").wait_for()
    wait_for(lambda: partials() == [])
    subs = api.get("/api/submissions", params={"form": form["id"]}).json()["data"]
    assert [s["data"]["company"] for s in subs] == ["Analytical Engines"]
