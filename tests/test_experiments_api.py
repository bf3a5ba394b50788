"""Experiments through the JSON API and the public schema (SPEC §9, §12, §14):
CRUD and validation, one active per form, weighted deterministic assignment,
overrides served, beacons and submissions counted per variant."""

from __future__ import annotations

import httpx

from app.main import create_app
from tests.factory import CONTACT_FIELDS, make_form, make_viewer, submitted

SHORT = [f for f in CONTACT_FIELDS if f.get("required")]


def two_variants(weights=(1, 1)):
    return [
        {"label": "Control", "weight": weights[0], "overrides": None},
        {"label": "Short", "weight": weights[1], "overrides": {"fields": SHORT}},
    ]


async def make_experiment(user, form_id, **fields) -> dict:
    body = {"form_id": form_id, "variants": two_variants(), "status": "active", **fields}
    r = await user.api.post("/api/experiments", json=body)
    assert r.status_code == 201, r.text
    return r.json()


async def test_crud_and_one_active_per_form(user):
    form = await make_form(user)
    exp = await make_experiment(user, form["id"], name="Shorter form", min_sample_size=50)
    assert exp["id"].startswith("exp_") and exp["status"] == "active"
    assert exp["metric"] == "conversion_rate" and exp["min_sample_size"] == 50
    assert exp["variants"][0]["overrides"] is None
    assert [f["name"] for f in exp["variants"][1]["overrides"]["fields"]] == ["email"]
    assert exp["winner_variant_id"] is None
    assert [e["kind"] for e in exp["optimization_log"]] == ["created", "started"]

    r = await user.api.post(
        "/api/experiments",
        json={"form_id": form["id"], "variants": two_variants(), "status": "active"},
    )
    assert r.status_code == 409 and "active experiment" in r.json()["error"]["message"]
    draft = (
        await user.api.post(
            "/api/experiments", json={"form_id": form["id"], "variants": two_variants()}
        )
    ).json()
    assert draft["status"] == "draft"
    r = await user.api.put(f"/api/experiments/{draft['id']}", json={**draft, "status": "active"})
    assert r.status_code == 409

    listed = (await user.api.get("/api/experiments", params={"form": form["id"]})).json()["data"]
    assert {e["id"] for e in listed} == {exp["id"], draft["id"]}

    weights = [dict(v, weight=3 if i == 0 else 1) for i, v in enumerate(exp["variants"])]
    r = await user.api.put(f"/api/experiments/{exp['id']}", json={**exp, "variants": weights})
    assert r.status_code == 200, r.text
    assert [v["id"] for v in r.json()["variants"]] == [v["id"] for v in exp["variants"]]
    assert [v["weight"] for v in r.json()["variants"]] == [3, 1]
    r = await user.api.put(
        f"/api/experiments/{exp['id']}", json={**r.json(), "status": "completed"}
    )
    assert r.json()["status"] == "completed" and r.json()["ended_at"]
    r = await user.api.put(f"/api/experiments/{draft['id']}", json={**draft, "status": "active"})
    assert r.status_code == 200
    assert (await user.api.delete(f"/api/experiments/{exp['id']}")).status_code == 204
    assert (await user.api.get(f"/api/experiments/{exp['id']}")).status_code == 404


async def test_bad_variants_are_422_with_the_field(user):
    form = await make_form(user)
    cases = [
        (two_variants((-1, 1)), "variants"),
        (two_variants((0, 0)), "variants"),
        ([{"label": "Only", "weight": 1}], "variants"),
        (
            [
                {"weight": 1},
                {"weight": 1, "overrides": {"fields": [{"name": "x", "type": "nope"}]}},
            ],
            "variants[1].overrides",
        ),
        (
            [{"weight": 1}, {"weight": 1, "overrides": {"flow_id": "ai_agent"}}],
            "variants[1].overrides",
        ),
    ]
    for variants, key in cases:
        r = await user.api.post(
            "/api/experiments", json={"form_id": form["id"], "variants": variants}
        )
        assert r.status_code == 422, (variants, r.text)
        fields = r.json()["error"].get("fields") or {}
        assert any(k.startswith(key) for k in fields), (key, r.json())
    r = await user.api.post(
        "/api/experiments", json={"form_id": "form_0000000000000000", "variants": two_variants()}
    )
    assert r.status_code == 404


async def test_weighted_split_is_deterministic_and_overrides_are_served(user):
    form = await make_form(user)
    exp = await make_experiment(user, form["id"], variants=two_variants((3, 1)))
    control, short = (v["id"] for v in exp["variants"])
    seen = {control: 0, short: 0}
    for i in range(400):
        r = await user.web.get(f"/api/forms/{form['id']}/schema", params={"visitor_id": f"v{i}"})
        body = r.json()
        assert body["experiment_id"] == exp["id"]
        seen[body["variant_id"]] += 1
        names = [f["name"] for f in body["fields"]]
        assert names == (
            ["email"] if body["variant_id"] == short else [f["name"] for f in CONTACT_FIELDS]
        )
    # 75 % expected. The experiment id is random, so the count is a binomial draw
    # (sd 8.7 of 400): a 5-sd band fails about once in a million runs (3.4 sd did
    # once in CI), while an unweighted split (200) or a swapped one (100) still fails.
    assert 257 <= seen[control] <= 343, seen
    again = await user.web.get(f"/api/forms/{form['id']}/schema", params={"visitor_id": "v7"})
    first = await user.web.get(f"/api/forms/{form['id']}/schema", params={"visitor_id": "v7"})
    assert again.json()["variant_id"] == first.json()["variant_id"]
    kept = await user.web.get(
        f"/api/forms/{form['id']}/schema", params={"visitor_id": "v7", "variant_id": short}
    )
    assert kept.json()["variant_id"] == short
    # ended: the plain form again, without experiment ids
    await user.api.put(f"/api/experiments/{exp['id']}", json={**exp, "status": "completed"})
    form_state = await user.web.get(f"/api/forms/{form['id']}/schema", params={"visitor_id": "v7"})
    assert form_state.json()["experiment_id"] is None
    assert len(form_state.json()["fields"]) == len(CONTACT_FIELDS)


async def test_beacons_and_submissions_count_per_variant(user, app):
    form = await make_form(user)
    exp = await make_experiment(user, form["id"])
    control, short = (v["id"] for v in exp["variants"])
    for variant, views, starts in ((control, 5, 2), (short, 3, 3)):
        for _ in range(views):
            r = await user.web.post(
                f"/api/forms/{form['id']}/beacon", json={"type": "view", "variant_id": variant}
            )
            assert r.status_code == 204
        for _ in range(starts):
            await user.web.post(
                f"/api/forms/{form['id']}/beacon", json={"type": "start", "variant_id": variant}
            )
    for i, variant in enumerate((control, short, short)):
        await submitted(
            user,
            form["id"],
            {"email": f"v{i}@example.com", "_experiment_id": exp["id"], "_variant_id": variant},
        )
    stats = {
        s["variant_id"]: s
        for s in (await user.api.get(f"/api/experiments/{exp['id']}")).json()["stats"]
    }
    assert (stats[control]["views"], stats[control]["starts"], stats[control]["submissions"]) == (
        5,
        2,
        1,
    )
    assert (stats[short]["views"], stats[short]["starts"], stats[short]["submissions"]) == (3, 3, 2)
    assert stats[short]["conversion"] == 2 / 3
    assert 0 < stats[short]["conversion_low"] < 2 / 3 < stats[short]["conversion_high"] <= 1


async def test_two_apps_on_one_database_agree(user, settings):
    form = await make_form(user)
    exp = await make_experiment(user, form["id"])
    second = create_app(settings)
    async with second.router.lifespan_context(second):
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=second), base_url="http://testserver"
        ) as other:
            for i in range(40):
                params = {"visitor_id": f"visitor-{i}"}
                a = (await user.web.get(f"/api/forms/{form['id']}/schema", params=params)).json()
                b = (await other.get(f"/api/forms/{form['id']}/schema", params=params)).json()
                assert a["experiment_id"] == b["experiment_id"] == exp["id"]
                assert a["variant_id"] == b["variant_id"]


async def test_viewer_reads_but_cannot_write(app, user):
    viewer = await make_viewer(app)
    assert (await viewer.api.get("/api/experiments")).status_code == 200
    r = await viewer.api.post(
        "/api/experiments", json={"form_id": "form_0000000000000000", "variants": two_variants()}
    )
    assert r.status_code == 403


async def test_a_submission_is_checked_against_its_variant(user):
    required_name = {**CONTACT_FIELDS[1], "required": True}
    form = await make_form(user, fields=[CONTACT_FIELDS[0], required_name])
    optional_name = [CONTACT_FIELDS[0], {**required_name, "required": False}]
    variants = [
        {"label": "Control", "weight": 1, "overrides": None},
        {"label": "Name optional", "weight": 1, "overrides": {"fields": optional_name}},
    ]
    exp = await make_experiment(user, form["id"], variants=variants)
    control, relaxed = (v["id"] for v in exp["variants"])
    data = {"email": "a@example.com", "_experiment_id": exp["id"]}
    r = await user.web.post(f"/api/submissions/{form['id']}", json={**data, "_variant_id": control})
    assert r.status_code == 422 and "name" in r.json()["error"]["fields"]
    await submitted(user, form["id"], {**data, "_variant_id": relaxed})


async def test_the_hosted_page_serves_a_variant_and_keeps_the_visitor_on_it(user, app):
    form = await make_form(user)
    exp = await make_experiment(user, form["id"])
    short = exp["variants"][1]["id"]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as visitor:
        first = await visitor.get(f"/f/{form['id']}")
        assert first.status_code == 200 and "fa_vid" in first.headers.get("set-cookie", "")
        shown = 'name="company"' not in first.text
        for _ in range(3):  # the cookie keeps the visitor on the same variant
            again = await visitor.get(f"/f/{form['id']}")
            assert ('name="company"' not in again.text) == shown
        variant = short if shown else exp["variants"][0]["id"]
        assert f'value="{variant}"' in again.text
        r = await visitor.post(
            f"/f/{form['id']}",
            data={"email": "h@example.com", "_experiment_id": exp["id"], "_variant_id": variant},
        )
        assert r.status_code == 200, r.text
    stats = (await user.api.get(f"/api/experiments/{exp['id']}")).json()["stats"]
    row = next(s for s in stats if s["variant_id"] == variant)
    assert (row["views"], row["submissions"]) == (4, 1)
