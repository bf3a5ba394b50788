"""Analytics (SPEC §10, §12): exact numbers from data entered through the public
submission endpoint, beacons and the API, placed in ranges with freeze_clock."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from tests.factory import make_deal, make_form, make_viewer, submit, submitted
from tests.helpers import drain_jobs

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
OPEN = {"max_submissions_per_ip": 1000}


async def beacon(client, form_id, kind, n=1):
    for _ in range(n):
        r = await client.post(f"/api/forms/{form_id}/beacon", json={"type": kind})
        assert r.status_code < 300, r.text


async def lead(user, form_id, email, source=None, **extra):
    body = {"email": email, "name": email.split("@")[0].title(), **extra}
    if source:
        body["utm_source"] = source
    return await submitted(user, form_id, body)


async def get(user, path, **params):
    r = await user.api.get(f"/api/analytics/{path}", params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def contact_of(user, sid):
    r = await user.api.get(f"/api/submissions/{sid}")
    return r.json()["contact_id"]


def rows_of(text):
    return list(csv.reader(io.StringIO(text)))


async def test_overview_counts_the_range_and_deltas_against_the_previous_period(
    app, user, freeze_clock
):
    freeze_clock.set(NOW.replace(day=10))  # previous period of "last 7 days" (7–13 March)
    form = await make_form(user, security=OPEN)
    await beacon(user.web, form["id"], "view", 4)
    await lead(user, form["id"], "a@old.test")
    await lead(user, form["id"], "b@old.test")
    freeze_clock.set(NOW.replace(day=1))  # before both periods: counted nowhere
    await lead(user, form["id"], "z@older.test")
    freeze_clock.set(NOW.replace(day=18))
    await beacon(user.web, form["id"], "view", 6)
    for i in range(3):
        await lead(user, form["id"], f"n{i}@new.test")
        freeze_clock.advance(minutes=2)
    r = await submit(user, form["id"], {"email": "n2@new.test"})  # a duplicate: spam blocked
    assert r.status_code == 409
    await make_deal(user, amount=1200, stage="won")
    await make_deal(user, amount=300)
    freeze_clock.set(NOW)

    data = await get(user, "overview", range="7d")
    k = data["kpis"]
    assert data["range"]["from"] == "2026-03-14" and data["range"]["to"] == "2026-03-20"
    assert data["range"]["previous"] == {"from": "2026-03-07", "to": "2026-03-13"}
    assert k["submissions"] == {"value": 3, "previous": 2, "change": 1, "change_percent": 50.0}
    assert k["conversion_rate"]["value"] == 50.0 and k["conversion_rate"]["previous"] == 50.0
    assert k["contacts_created"]["value"] == 3 and k["contacts_created"]["previous"] == 2
    assert k["deals_created"]["value"] == 2 and k["deals_won"]["value"] == 1
    assert k["revenue"] == {
        "value": 1200.0,
        "previous": 0,
        "change": 1200.0,
        "change_percent": None,
    }
    assert k["spam_blocked"]["value"] == 1 and k["spam_blocked"]["previous"] == 0
    custom = await get(user, "overview", **{"from": "2026-03-01", "to": "2026-03-10"})
    assert custom["range"]["range"] == "custom" and custom["kpis"]["submissions"]["value"] == 3


async def test_funnel_from_views_to_won(app, user, freeze_clock):
    freeze_clock.set(NOW)
    fields = [
        {"name": "email", "type": "email", "label": "Email"},
        {"name": "name", "type": "text", "label": "Name"},
    ]
    form = await make_form(user, fields=fields, security=OPEN)
    await beacon(user.web, form["id"], "view", 10)
    await beacon(user.web, form["id"], "start", 6)
    sids = []
    for email in ("a@f.test", "b@f.test", "c@f.test"):
        sids.append(await lead(user, form["id"], email))
        freeze_clock.advance(seconds=5)
    await submitted(user, form["id"], {"name": "No Email"})  # no contact to match
    assert (await submit(user, form["id"], {"email": "a@f.test"})).status_code == 409
    await drain_jobs(app)
    contact = await contact_of(user, sids[0])
    await make_deal(user, amount=900, stage="won", source_submission_id=sids[0], contact_id=contact)
    await make_deal(user, amount=100, source_submission_id=sids[1])
    await make_deal(user, amount=50)  # made by hand: not from a form

    steps = (await get(user, "funnel", range="7d"))["steps"]
    counts = {s["step"]: s["count"] for s in steps}
    assert counts == {
        "views": 10,
        "starts": 6,
        "submissions": 5,
        "passed_spam": 4,
        "contact_matched": 3,
        "processed": 4,
        "deal": 2,
        "won": 1,
    }
    by = {s["step"]: s for s in steps}
    assert by["starts"]["percent_of_first"] == 60.0 and by["views"]["percent_of_previous"] is None
    assert (
        by["contact_matched"]["percent_of_previous"] == 75.0
        and by["won"]["percent_of_first"] == 10.0
    )


async def _attribution_data(app, user, freeze_clock):
    freeze_clock.set(NOW.replace(day=15))
    form = await make_form(user, security=OPEN)
    a1 = await lead(user, form["id"], "ann@a.test", "google")
    freeze_clock.advance(days=1)
    a2 = await lead(user, form["id"], "ann@a.test", "newsletter")
    b = await lead(user, form["id"], "bob@b.test", "linkedin")
    await lead(user, form["id"], "cy@c.test")
    freeze_clock.advance(days=1)
    ann, bob = await contact_of(user, a1), await contact_of(user, b)
    assert ann == await contact_of(user, a2)
    await make_deal(user, amount=1000, stage="won", contact_id=ann, source_submission_id=a2)
    await make_deal(user, amount=500, contact_id=bob, source_submission_id=b)
    freeze_clock.set(NOW)


async def test_channels_last_and_first_touch_with_paths(app, user, freeze_clock):
    await _attribution_data(app, user, freeze_clock)
    last = await get(user, "channels", range="30d")
    assert last["attribution"] == "last_touch"
    table = {c["source"]: c for c in last["channels"]}
    assert {
        k: (v["submissions"], v["contacts"], v["deals"], v["revenue"]) for k, v in table.items()
    } == {
        "google": (1, 1, 0, 0.0),
        "newsletter": (1, 0, 1, 1000.0),
        "linkedin": (1, 1, 1, 0.0),
        None: (1, 1, 0, 0.0),
    }
    assert table["newsletter"]["conversion_rate"] == 100.0 and table[None]["conversion_rate"] == 0.0
    first = await get(user, "channels", range="30d", attribution="first_touch")
    table = {c["source"]: c for c in first["channels"]}
    assert {
        k: (v["submissions"], v["deals"], v["won"], v["revenue"]) for k, v in table.items()
    } == {
        "google": (2, 1, 1, 1000.0),
        "linkedin": (1, 1, 0, 0.0),
        None: (1, 0, 0, 0.0),
    }
    assert first["paths"] == [
        {"path": ["google", "newsletter"], "deals": 1, "won": 1, "revenue": 1000.0},
        {"path": ["linkedin"], "deals": 1, "won": 0, "revenue": 0.0},
    ]
    r = await user.api.get("/api/analytics/channels", params={"table": "paths", "format": "csv"})
    assert rows_of(r.text)[1] == ["google → newsletter", "1", "1", "1000.0"]


async def test_speed_to_lead_buckets_and_average(app, user, freeze_clock):
    freeze_clock.set(NOW.replace(hour=6))
    form = await make_form(user, security=OPEN)
    for i, wait in enumerate((30, 600, 7200)):
        await lead(user, form["id"], f"s{i}@speed.test")
        freeze_clock.advance(seconds=wait)
        await drain_jobs(app)
    await lead(user, form["id"], "waiting@speed.test")
    data = await get(user, "speed", range="7d")
    counts = {b["bucket"]: b["count"] for b in data["buckets"]}
    assert counts == {
        "<1 min": 1,
        "1–5 min": 0,
        "5–30 min": 1,
        "30–60 min": 0,
        "1–4 h": 1,
        "4–24 h": 0,
        ">24 h": 0,
    }
    assert data["responded"] == 3 and data["waiting"] == 1
    assert data["average_seconds"]["value"] == 2610.0
    overview = await get(user, "overview", range="7d")
    assert overview["kpis"]["avg_speed_to_lead_seconds"]["value"] == 2610.0


async def test_field_stats_from_embed_interactions(app, user, freeze_clock):
    freeze_clock.set(NOW)
    form = await make_form(user, security=OPEN)
    await beacon(user.web, form["id"], "start", 4)
    f, t = True, False
    await lead(
        user,
        form["id"],
        "one@fields.test",
        _interactions={
            "email": {"focused": f, "filled": f, "time_ms": 4000},
            "name": {"focused": f, "filled": f, "time_ms": 2000},
            "company": {"focused": f, "filled": t, "time_ms": 1000},
        },
    )
    await lead(
        user,
        form["id"],
        "two@fields.test",
        _interactions={
            "email": {"focused": f, "filled": f, "time_ms": 6000},
            "company": {"focused": f, "filled": t, "time_ms": 3000},
        },
    )
    await lead(user, form["id"], "three@fields.test")  # sent without the embed script
    data = await get(user, f"fields/{form['id']}", range="7d")
    assert data["tracked_submissions"] == 2 and data["abandonment_percent"] == 25.0
    by = {row["field"]: row for row in data["fields"]}
    pick = ("focused_percent", "filled_percent", "avg_time_seconds", "drop_off_percent")
    assert {k: tuple(v[p] for p in pick) for k, v in by.items()} == {
        "email": (100.0, 100.0, 5.0, 0.0),
        "name": (50.0, 50.0, 2.0, 0.0),
        "company": (100.0, 0.0, 2.0, 100.0),
        "message": (0.0, 0.0, None, None),
    }
    assert by["company"]["label"] == "Company"


async def test_csv_exports_neutralise_formulas(app, user, freeze_clock):
    freeze_clock.set(NOW)
    form = await make_form(user, name='=HYPERLINK("http://evil")', security=OPEN)
    await lead(user, form["id"], "x@csv.test", "@SUM(A1)")
    r = await user.api.get("/api/analytics/forms", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert rows_of(r.text)[1][0] == '\'=HYPERLINK("http://evil")'
    r = await user.web.get("/analytics/export.csv", params={"range": "7d", "table": "channels"})
    assert r.status_code == 200
    assert rows_of(r.text)[1][:2] == ["'@SUM(A1)", "1"]
    assert (await user.web.get("/analytics/export.csv?table=nope")).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"range": "5d"},
        {"from": "2026-03-01"},
        {"from": "yesterday", "to": "2026-03-02"},
        {"from": "2026-03-05", "to": "2026-03-01"},
        {"from": "2020-01-01", "to": "2026-03-01"},
        {"range": "7d", "format": "xml"},
    ],
)
async def test_a_bad_range_is_a_422_naming_the_field(app, user, params):
    r = await user.api.get("/api/analytics/overview", params=params)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["fields"]


async def test_analytics_needs_the_scope_and_hides_other_workspaces(app, user):
    form = await make_form(user)
    viewer = await make_viewer(app)
    assert (await viewer.api.get("/api/analytics/overview")).status_code == 200
    assert (await viewer.api.get(f"/api/analytics/fields/{form['id']}")).status_code == 404
    assert (await viewer.api.get(f"/api/analytics/forms/{form['id']}")).status_code == 404
    key = await user.api.post(
        "/api/api-keys", json={"name": "forms only", "scopes": ["forms:read"]}
    )
    assert key.status_code == 201, key.text
    headers = {"Authorization": f"Bearer {key.json()['key']}"}
    r = await user.api.get("/api/analytics/overview", headers=headers)
    assert r.status_code == 403
    await viewer.close()


async def test_form_numbers_and_agent_performance(app, user, freeze_clock):
    freeze_clock.set(NOW)
    form = await make_form(user, security=OPEN)
    await beacon(user.web, form["id"], "view", 4)
    await lead(user, form["id"], "p@form.test")
    await drain_jobs(app)
    data = await get(user, f"forms/{form['id']}", range="7d")
    assert data["form"]["name"] == form["name"]
    assert (
        data["kpis"]["submissions"]["value"] == 1
        and data["kpis"]["conversion_rate"]["value"] == 25.0
    )
    assert data["kpis"]["processed"]["value"] == 1
    r = await user.api.post(
        "/api/handlers", json={"type": "human", "name": "Hana", "email": "h@a.test"}
    )
    handler = r.json()
    agent = await get(user, f"agents/{handler['id']}", range="7d")
    assert agent["handler"]["name"] == "Hana" and agent["handled"] == 0
    assert agent["success_rate"] is None
    assert (await user.api.get("/api/analytics/agents/hdl_nope")).status_code == 404
    assert (await get(user, "sequences"))["sequences"] == []


async def test_won_and_revenue_follow_a_deal_through_its_stages(app, user, freeze_clock):
    freeze_clock.set(NOW.replace(day=17))
    form = await make_form(user, security=OPEN)
    sid = await lead(user, form["id"], "mover@deal.test", "partner")
    deal = await make_deal(user, amount=400, contact_id=await contact_of(user, sid))
    freeze_clock.set(NOW)

    async def numbers():
        k = (await get(user, "overview", range="7d"))["kpis"]
        chan = {c["source"]: c for c in (await get(user, "channels", range="7d"))["channels"]}
        return k["deals_won"]["value"], k["revenue"]["value"], chan["partner"]["revenue"]

    assert await numbers() == (0, 0, 0)
    r = await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "won"})
    assert r.status_code == 200, r.text
    assert await numbers() == (1, 400.0, 400.0)
    r = await user.api.put(f"/api/deals/{deal['id']}", json={"amount": 650})
    assert await numbers() == (1, 650.0, 650.0)
    r = await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "open"})
    assert r.status_code == 200, r.text
    assert await numbers() == (0, 0, 0)


async def test_handler_performance_counts_its_submissions(app, user, freeze_clock):
    freeze_clock.set(NOW)
    r = await user.api.post(
        "/api/handlers", json={"type": "human", "name": "Hana", "email": "hana@acme.test"}
    )
    hana = r.json()
    form = await make_form(
        user, flow_id="sales_lead", assignment={"type": "handler", "id": hana["id"]}, security=OPEN
    )
    await lead(user, form["id"], "one@lead.test")
    await lead(user, form["id"], "two@lead.test")
    await drain_jobs(app)
    data = await get(user, f"agents/{hana['id']}", range="7d")
    assert data["handled"] == 2 and data["success_rate"] == 100.0
    assert data["escalation_rate"] == 0.0 and data["error_rate"] == 0.0
    assert data["recovery_rate"] is None and data["actions_per_submission"] > 0
    everyone = await get(user, "agents", range="7d")
    assert [(h["handler"]["name"], h["handled"]) for h in everyone["handlers"]] == [("Hana", 2)]
    r = await user.api.get(f"/api/analytics/agents/{hana['id']}", params={"format": "csv"})
    assert rows_of(r.text)[1][:2] == ["Hana", "2"]


async def test_sequence_health_counts_enrollments_by_state(app, user, freeze_clock):
    freeze_clock.set(NOW)
    r = await user.api.post(
        "/api/sequences",
        json={
            "name": "Nurture",
            "steps": [{"subject": "Hello", "body": "Hi {{first_name|there}}"}],
        },
    )
    assert r.status_code == 201, r.text
    seq = r.json()["id"]
    enrollments = []
    for email in ("e1@seq.test", "e2@seq.test", "e3@seq.test", "e4@seq.test"):
        contact = (await user.api.post("/api/contacts", json={"email": email})).json()["id"]
        r = await user.api.post(f"/api/sequences/{seq}/enroll", json={"contact_id": contact})
        assert r.status_code == 201, r.text
        enrollments.append(r.json()["id"])
    r = await user.api.post(f"/api/enrollments/{enrollments[0]}/stop")
    assert r.status_code == 200, r.text
    r = await user.api.post(f"/api/enrollments/{enrollments[1]}/advance")
    assert r.status_code == 200, r.text
    await drain_jobs(app)
    data = await get(user, "sequences", range="7d")
    assert [
        {k: s[k] for k in ("name", "enrolled", "active", "completed", "stopped", "completion_rate")}
        for s in data["sequences"]
    ] == [
        {
            "name": "Nurture",
            "enrolled": 4,
            "active": 2,
            "completed": 1,
            "stopped": 1,
            "completion_rate": 25.0,
        }
    ]
