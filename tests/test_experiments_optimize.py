"""Optimizing an experiment (SPEC §9): waiting under the minimum sample, promotion only
on > 10 % relative lift with p < 0.05, no clear winner otherwise; a promotion changes
the form and starts a challenger that keeps every required field. Interval maths
against known values."""

from __future__ import annotations

import pytest

from app.db import now_iso
from app.services.experiments.stats import two_proportion_p, wilson
from tests.factory import CONTACT_FIELDS, make_form, submitted
from tests.test_experiments_api import SHORT, make_experiment

# many test submissions come from one address
OPEN = {"security": {"max_submissions_per_ip": 10000}}


async def traffic(app, user, form_id, exp, per_variant):
    """Views through the day's rollup (the beacon itself is tested elsewhere) and real
    submissions carrying the experiment and variant ids."""
    for variant, (views, subs) in zip(exp["variants"], per_variant, strict=True):
        await app.state.db.execute(
            "INSERT INTO form_daily_stats (workspace_id, form_id, variant_id, day, views, starts)"
            " VALUES (?, ?, ?, ?, ?, 0)",
            (user.workspace_id, form_id, variant["id"], now_iso()[:10], views),
        )
        for i in range(subs):
            await submitted(
                user,
                form_id,
                {
                    "email": f"{variant['id']}-{i}@example.com",
                    "name": "Pat Doe",
                    "_experiment_id": exp["id"],
                    "_variant_id": variant["id"],
                },
            )


async def optimize(user, exp):
    r = await user.api.post(f"/api/experiments/{exp['id']}/optimize")
    assert r.status_code == 200, r.text
    return r.json()


def test_wilson_and_z_test_against_known_values():
    # Wilson 95 % for 10/100 is (0.0552, 0.1744); for 0/10 it is (0, 0.2775)
    low, high = wilson(10, 100)
    assert low == pytest.approx(0.05523, abs=1e-4) and high == pytest.approx(0.17437, abs=1e-4)
    low, high = wilson(0, 10)
    assert low == 0 and high == pytest.approx(0.27753, abs=1e-4)
    assert wilson(0, 0) == (0.0, 0.0)
    # 20/100 vs 10/100: z = 1.98, two-sided p = 0.0477
    assert two_proportion_p(20, 100, 10, 100) == pytest.approx(0.0477, abs=5e-4)
    assert two_proportion_p(5, 50, 5, 50) == 1.0


async def test_waiting_under_the_minimum_sample(app, user):
    form = await make_form(user, **OPEN)
    exp = await make_experiment(user, form["id"])
    await traffic(app, user, form["id"], exp, [(12, 2), (30, 3)])
    result = await optimize(user, exp)
    assert result["outcome"] == "waiting"
    assert "Control 12 of 30 views" in result["message"]
    assert result["counts"][exp["variants"][0]["id"]] == 12
    assert result["experiment"]["status"] == "active"
    assert result["experiment"]["optimization_log"][-1]["kind"] == "waiting"


@pytest.mark.parametrize(
    ("per_variant", "reason"),
    [
        ([(40, 5), (40, 5)], "identical"),
        ([(40, 10), (42, 11)], "small_lift"),
        ([(40, 4), (40, 7)], "not_significant"),
    ],
)
async def test_no_clear_winner(app, user, per_variant, reason):
    form = await make_form(user, **OPEN)
    exp = await make_experiment(user, form["id"])
    await traffic(app, user, form["id"], exp, per_variant)
    result = await optimize(user, exp)
    assert (result["outcome"], result["reason"]) == ("no_clear_winner", reason)
    assert result["experiment"]["status"] == "active"
    assert result["experiment"]["winner_variant_id"] is None
    fields = (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"]
    assert len(fields) == len(CONTACT_FIELDS)  # the form is untouched


async def test_significant_winner_is_promoted_and_a_challenger_starts(app, user):
    required = {**CONTACT_FIELDS[1], "required": True}  # name required too
    form = await make_form(user, fields=[CONTACT_FIELDS[0], required, *CONTACT_FIELDS[2:]], **OPEN)
    short_fields = [CONTACT_FIELDS[0], required]
    variants = [
        {"label": "Control", "weight": 1, "overrides": None},
        {"label": "Short", "weight": 1, "overrides": {"fields": short_fields}},
    ]
    exp = await make_experiment(user, form["id"], variants=variants)
    await traffic(app, user, form["id"], exp, [(40, 4), (40, 16)])
    result = await optimize(user, exp)
    assert result["outcome"] == "promoted", result
    assert result["p_value"] < 0.05 and result["lift"] > 0.1
    done = result["experiment"]
    assert done["status"] == "completed" and done["winner_variant_id"] == exp["variants"][1]["id"]
    assert done["optimization_log"][-1]["kind"] == "promoted"
    form_now = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert [f["name"] for f in form_now["fields"]] == ["email", "name"]

    nxt = (await user.api.get(f"/api/experiments/{result['next_experiment_id']}")).json()
    assert nxt["status"] == "active" and nxt["variants"][0]["overrides"] is None
    challenger = nxt["variants"][1]["overrides"]
    kept = {f["name"] for f in (challenger or {}).get("fields", form_now["fields"])}
    assert {"email", "name"} <= kept  # required fields are never removed

    events = (await user.api.get("/api/events", params={"form": form["id"]})).json()["data"]
    types = {e["type"] for e in events}
    assert {"optimization_run", "experiment_promoted", "experiment_variant"} <= types


async def test_optimizing_a_draft_is_a_409(user):
    form = await make_form(user, **OPEN)
    exp = await make_experiment(user, form["id"], status="draft")
    r = await user.api.post(f"/api/experiments/{exp['id']}/optimize")
    assert r.status_code == 409


async def test_short_variant_is_the_one_served_after_promotion(app, user):
    form = await make_form(user, **OPEN)
    exp = await make_experiment(user, form["id"])
    await traffic(app, user, form["id"], exp, [(40, 4), (40, 16)])
    assert (await optimize(user, exp))["outcome"] == "promoted"
    schema = (await user.web.get(f"/api/forms/{form['id']}/schema")).json()
    assert schema["experiment_id"] is not None  # the next challenger runs
    control = await user.web.get(
        f"/api/forms/{form['id']}/schema",
        params={
            "variant_id": (
                await user.api.get(f"/api/experiments/{schema['experiment_id']}")
            ).json()["variants"][0]["id"]
        },
    )
    assert [f["name"] for f in control.json()["fields"]] == [f["name"] for f in SHORT]
