"""An experiment in a real browser: two clicks from the editor to a running experiment,
the experiment page's "Optimize now" answers in place (HTMX), no serious axe violation,
and the page fits 375 px."""

from __future__ import annotations

import pytest

from tests.factory import browser_signup
from tests.test_accessibility_browser import _assert_clean, _axe, _settle


@pytest.mark.browser
def test_start_from_the_editor_and_optimize_in_place(live_server, browser, tmp_path):
    url = live_server.url
    context = browser.new_context(bypass_csp=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    browser_signup(page, url, "alice@example.com", "Acme")
    fields = [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "phone", "type": "text", "label": "Phone"},
    ]
    r = page.request.post(
        url + "/api/forms", data={"name": "Demo request", "status": "active", "fields": fields}
    )
    form_id = r.json()["id"]

    page.goto(url + f"/forms/{form_id}")
    page.click("button:has-text('Start experiment')")
    page.wait_for_url(url + "/experiments/exp_*")
    _settle(page)
    assert page.locator(".exp-chart-row").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    found = {"experiment": _axe(page)}
    page.click("button:has-text('Optimize now')")
    page.wait_for_selector("text=Waiting for the minimum sample")
    assert page.url.startswith(url + "/experiments/exp_")  # swapped in place
    found["after optimize"] = _axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(tmp_path / "experiment.png"), full_page=True)
    _assert_clean(found)
    context.close()


@pytest.mark.browser
def test_embed_shows_a_variant_keeps_it_and_reports_it(live_server, foreign_site, page):
    from tests.test_embed_browser import _api, _form

    api = _api(live_server.url)
    form_id = _form(api)
    short = [{"name": "email", "type": "email", "label": "Just your email", "required": True}]
    r = api.post(
        "/api/experiments",
        json={
            "form_id": form_id,
            "status": "active",
            "variants": [
                {"label": "Control", "weight": 0, "overrides": None},
                {"label": "Email only", "weight": 1, "overrides": {"fields": short}},
            ],
        },
    )
    assert r.status_code == 201, r.text
    experiment = r.json()
    (foreign_site.root / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head><body>'
        f'<div data-formagent="{form_id}"></div><script src="{live_server.url}/embed.js" async>'
        "</script></body></html>"
    )
    page.goto(foreign_site.url + "/index.html")
    page.get_by_label("Just your email").wait_for()
    page.reload()
    page.get_by_label("Just your email").wait_for()  # the browser keeps its variant
    assert page.evaluate("Object.keys(localStorage).some(k => k.startsWith('fa_v_'))")
    page.get_by_label("Just your email").fill("visitor@example.net")
    page.locator("button.fa-submit").click()
    page.get_by_text("Thanks, we will write soon.").wait_for()
    stats = api.get(f"/api/experiments/{experiment['id']}").json()["stats"]
    email_only = next(s for s in stats if s["label"] == "Email only")
    assert email_only["submissions"] == 1 and email_only["views"] >= 2
