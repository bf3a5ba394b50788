"""SPEC §19 proof-of-work in a real browser: embed.js on a customer's site solves the
form's challenge in a Web Worker after the first focus and the submission is accepted
(without one it would be held or refused: pow_missing weighs 60, review is at 50)."""

from __future__ import annotations

import pytest

from tests.test_embed_browser import _api, _form


@pytest.mark.browser
def test_embed_solves_the_challenge_and_the_submission_passes(live_server, foreign_site, page):
    api = _api(live_server.url)
    guarded = _form(api, security={"challenge": "on"})
    (
        foreign_site.root / "pow.html"
    ).write_text(f"""<!doctype html><html><head><meta charset="utf-8">
<title>Customer site</title></head><body><div data-formagent="{guarded}"></div>
<script src="{live_server.url}/embed.js" async></script></body></html>""")
    worker_loads = []
    page.on("request", lambda r: worker_loads.append(r.url) if "embed-pow.js" in r.url else None)
    page.goto(foreign_site.url + "/pow.html")
    form = page.locator(f"form[data-fa-form='{guarded}']")
    form.wait_for()
    assert worker_loads == []  # nothing is solved before the visitor starts
    form.locator("input[name=email]").fill("human@example.net")
    form.locator("input[name=company]").fill("Acme")
    form.locator("button.fa-submit").click()
    page.get_by_text("Thanks, we will write soon.").wait_for()
    assert len(worker_loads) == 1

    subs = api.get("/api/submissions", params={"form": guarded}).json()["data"]
    assert len(subs) == 1 and subs[0]["status"] != "quarantined"
    held = api.get(f"/api/forms/{guarded}/quarantine").json()["data"]
    assert held == []
    api.close()


@pytest.mark.browser
def test_the_hosted_page_solves_the_challenge_too(live_server, page):
    api = _api(live_server.url)
    guarded = _form(api, security={"challenge": "on"})
    page.goto(f"{live_server.url}/f/{guarded}")
    page.get_by_label("Work email").fill("hosted@example.net")
    page.get_by_role("button", name="Submit").click()  # before the worker is done: it waits
    page.get_by_text("Thanks, we will write soon.").wait_for()
    subs = api.get("/api/submissions", params={"form": guarded}).json()["data"]
    assert len(subs) == 1 and subs[0]["status"] != "quarantined"
    assert api.get(f"/api/forms/{guarded}/quarantine").json()["data"] == []
    api.close()
