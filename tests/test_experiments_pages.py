"""Experiment pages (SPEC §9, §16): start from the form editor in two clicks, the
experiment page with variants, stats and log, start/stop/optimize by plain form and
by htmx."""

from __future__ import annotations

from tests.factory import make_form
from tests.test_experiments_api import make_experiment


async def test_two_clicks_from_the_editor_to_a_running_experiment(user):
    form = await make_form(user)
    page = await user.web.get(f"/forms/{form['id']}")
    assert "Start experiment" in page.text
    r = await user.post_form(f"/forms/{form['id']}/experiment")
    assert r.status_code == 303, r.text
    detail = await user.web.get(r.headers["location"])
    assert detail.status_code == 200
    assert "Conversion by variant" in detail.text and "Control" in detail.text
    assert "(the form as it is)" in detail.text and "Started" in detail.text
    running = (await user.api.get("/api/experiments", params={"form": form["id"]})).json()["data"]
    assert [e["status"] for e in running] == ["active"]
    editor = await user.web.get(f"/forms/{form['id']}")
    assert "is running" in editor.text and running[0]["name"] in editor.text
    listing = await user.web.get("/experiments")
    assert running[0]["name"] in listing.text and form["name"] in listing.text


async def test_optimize_and_stop_buttons(user):
    form = await make_form(user)
    exp = await make_experiment(user, form["id"])
    r = await user.post_form(f"/experiments/{exp['id']}/optimize", htmx=True)
    assert r.status_code == 200 and "Waiting for the minimum sample" in r.text
    assert "<html" not in r.text  # the fragment only
    r = await user.post_form(f"/experiments/{exp['id']}/stop")
    assert r.status_code == 303
    assert (await user.api.get(f"/api/experiments/{exp['id']}")).json()["status"] == "completed"
    r = await user.post_form(f"/experiments/{exp['id']}/optimize", htmx=True)
    assert r.status_code == 422 and "Only an active experiment" in r.text


async def test_empty_list_says_what_to_do(user):
    page = await user.web.get("/experiments")
    assert page.status_code == 200 and "Start experiment" in page.text
