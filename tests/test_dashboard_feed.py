"""What a marketer reads first (SPEC §16): one-line submission summaries, the
dashboard feed that folds a lead's events into one row, money in the workspace
currency, and today's / the week's cards counted in the workspace time zone."""

from __future__ import annotations

import re
from datetime import datetime

from app.services.accounts.currency import format_money
from tests.factory import make_deal, make_form, submitted
from tests.helpers import drain_jobs, soup

# What a person must never read: Python/JSON literals or a bare id.
RAW = re.compile(r"\b(None|False|True|null)\b|\b[a-z]{2,12}_[a-z0-9]{16}\b")


async def _human(user, name="Hana Human", email="hana@acme.test") -> str:
    r = await user.api.post("/api/handlers", json={"type": "human", "name": name, "email": email})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def _agent(user, name="Scout") -> str:
    r = await user.api.post(
        "/api/handlers", json={"type": "agent", "name": name, "instructions": "Qualify leads."}
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def _summaries(user) -> dict[str, str]:
    """{submission id: the Summary cell} from the submissions list page."""
    page = soup(await user.web.get("/submissions"))
    out = {}
    for row in page.select("#submissions-table tbody tr"):
        sid = row.select_one("td a")["href"].rsplit("/", 1)[1]
        out[sid] = row.select_one("td.summary-cell").get_text(" ", strip=True)
    return out


async def test_each_flow_reads_as_one_sentence_without_ids_or_literals(app, client, user):
    hana = await _human(user)
    scout = await _agent(user)
    support = await make_form(
        user,
        name="Help desk",
        type="support",
        flow_id="support_triage",
        assignment={"type": "handler", "id": hana},
    )
    sales = await make_form(
        user,
        name="Talk to us",
        type="sales",
        flow_id="sales_lead",
        assignment={"type": "handler", "id": scout},
        agent={"autonomy_level": "draft"},
        fields=[
            {"name": "email", "type": "email", "label": "Email", "required": True},
            {"name": "name", "type": "text", "label": "Name"},
            {"name": "company", "type": "text", "label": "Company"},
            {"name": "job_title", "type": "text", "label": "Job title"},
        ],
    )
    news = await make_form(user, name="Newsletter", type="marketing", flow_id="email_marketing")
    general = await make_form(user, name="Contact us")
    bug = await submitted(
        client, support["id"], {"email": "bea@corp.test", "name": "Bea Bug", "message": "Broken"}
    )
    lead = await submitted(
        client,
        sales["id"],
        {
            "email": "jane@bigcorp.test",
            "name": "Jane Miller",
            "company": "BigCorp",
            "job_title": "CFO",
        },
    )
    reader = await submitted(client, news["id"], {"email": "reader@x.test"})
    other = await submitted(client, general["id"], {"email": "sam@x.test", "name": "Sam"})
    await drain_jobs(app)
    await make_deal(user, amount=4800, stage="won", source_submission_id=lead)

    lines = await _summaries(user)
    assert lines[bug].startswith("Bea Bug asked for help — routed to Hana Human · ticket T-00001")
    assert "replied in" in lines[bug]
    status = (await user.api.get(f"/api/submissions/{lead}")).json()["status"]
    assert lines[lead].startswith(
        "Jane Miller (CFO, BigCorp) asked to talk to sales — routed to Scout (AI agent)"
    )
    assert "deal $4,800 won" in lines[lead]
    assert ("draft waiting for approval" in lines[lead]) == (status == "awaiting_approval")
    assert lines[reader].startswith("reader@x.test signed up")
    assert lines[other].startswith("Sam sent Contact us")
    for line in lines.values():
        assert not RAW.search(line), line


async def test_the_notification_email_leads_with_the_summary(app, client, user):
    hana = await _human(user)
    form = await make_form(
        user, type="support", flow_id="support_triage", assignment={"type": "handler", "id": hana}
    )
    await submitted(client, form["id"], {"email": "bea@corp.test", "name": "Bea Bug"})
    await drain_jobs(app)
    mail = await app.state.db.fetchone(
        "SELECT subject, body_text FROM emails WHERE kind = 'notification'"
    )
    assert mail["subject"] == "New submission: Bea Bug asked for help — routed to Hana Human"
    assert mail["body_text"].startswith("Bea Bug asked for help")


async def test_the_feed_folds_a_leads_events_into_one_row_with_the_steps_behind_a_disclosure(
    app, client, user
):
    scout = await _agent(user)
    form = await make_form(
        user, type="sales", flow_id="sales_lead", assignment={"type": "handler", "id": scout}
    )
    sid = await submitted(client, form["id"], {"email": "jane@bigcorp.test", "name": "Jane"})
    hana = await _human(user)  # a routed, processed lead too: its outcome names a handler id
    desk = await make_form(
        user, type="support", flow_id="support_triage", assignment={"type": "handler", "id": hana}
    )
    await submitted(client, desk["id"], {"email": "bea@corp.test", "name": "Bea"})
    await drain_jobs(app)
    events = await app.state.db.fetchval(
        "SELECT COUNT(*) FROM events WHERE submission_id = ?", (sid,)
    )
    page = soup(await user.web.get("/"))
    rows = page.select(f'#live-events > li.event[data-submission="{sid}"]')
    assert events >= 6 and len(rows) == 1  # one row, however many events
    row = rows[0]
    assert row.select_one(".event-lead a")["href"] == f"/submissions/{sid}"
    assert (
        row.select_one(".event-lead").get_text(strip=True).startswith("Jane asked to talk to sales")
    )
    steps = row.select("details.event-steps > ol > li")
    assert len(steps) == events
    labels = [s.select_one(".step-label").get_text(strip=True) for s in steps]
    assert labels[0] == "New submission" and "Contact created" in labels  # labels, not keys
    feed = page.select_one("#live-events").get_text(" ", strip=True)
    assert not RAW.search(feed), RAW.search(feed)
    assert "Took" in feed and "Duration ms" not in feed
    assert "replaying" not in feed and "entity" not in feed.lower()
    # /live keeps one row per event, each submission event led by the same summary
    live = soup(await user.web.get("/live", params={"submission": sid}))
    leads = {li.select_one(".event-lead").get_text(strip=True) for li in live.select("li.event")}
    assert leads == {row.select_one(".event-lead").get_text(strip=True)}


def test_money_follows_the_currencys_minor_units():
    assert format_money(4800, "USD") == "$4,800"
    assert format_money(4800.5, "USD") == "$4,800.50"
    assert format_money(1250, "EUR") == "€1,250"
    assert format_money(48000.4, "JPY") == "¥48,000"  # no decimals in yen
    assert format_money(1.5, "BHD") == "BHD 1.500"  # three in dinar
    assert format_money(-20, "GBP") == "-£20"
    assert format_money(None, "USD") == "" and format_money(3, "nope") == "$3"


async def test_the_workspace_currency_is_a_validated_setting_used_for_money(client, user):
    bad = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"currency": "EURO"}}
    )
    assert bad.status_code == 422 and "ISO 4217" in bad.json()["error"]["fields"]["currency"]
    ok = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"currency": "eur"}}
    )
    assert ok.status_code == 200 and ok.json()["settings"]["currency"] == "EUR"
    settings = soup(await user.web.get("/settings/workspace"))
    assert settings.select_one("#f-currency")["value"] == "EUR"
    deal = await make_deal(user, amount=4800, stage="won")
    assert "€4,800" in (await user.web.get(f"/deals/{deal['id']}")).text
    assert "€4,800" in soup(await user.web.get("/")).select_one('[data-stat="revenue"] .value').text


async def test_cards_count_today_and_the_week_in_the_workspace_time_zone_and_link_to_their_lists(
    app, client, user, freeze_clock
):
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"timezone": "America/Los_Angeles"}},
    )
    assert r.status_code == 200
    form = (await make_form(user))["id"]
    for moment, count in (
        ("2026-11-22T20:00:00", 1),  # noon on the 22nd in Los Angeles
        ("2026-11-26T07:00:00", 1),  # 23:00 on the 25th there: yesterday, though UTC says 26th
        ("2026-11-26T20:00:00", 2),  # noon on the 26th: today
    ):
        freeze_clock.set(datetime.fromisoformat(moment))
        for n in range(count):
            await submitted(client, form, {"email": f"lead{moment[8:10]}{moment[11:13]}{n}@x.test"})
    await drain_jobs(app)
    await make_deal(user, amount=4800, stage="won")
    page = soup(await user.web.get("/"))

    def card(key):
        return page.select_one(f'[data-stat="{key}"]')

    assert card("submissions").select_one(".value").get_text(strip=True) == "2"
    assert card("submissions").select_one(".week").get_text(strip=True) == "4 in 7 days"
    spark = card("submissions").select_one("svg.sparkline")
    assert spark["aria-label"] == "New leads, last 7 days: 0, 0, 1, 0, 0, 1, 2"
    assert len(spark.select_one("polyline")["points"].split()) == 7
    assert card("processed").select_one(".value").get_text(strip=True) == "2"
    assert card("deals").select_one(".value").get_text(strip=True) == "1"
    assert card("revenue").select_one(".value").get_text(strip=True) == "$4,800"
    assert card("response").select_one(".value").get_text(strip=True) != "—"
    assert card("submissions").select_one("a")["href"] == "/submissions?from=2026-11-26"
    for key in ("submissions", "processed"):
        listed = soup(await user.web.get(card(key).select_one("a")["href"]))
        # the list reads the day in the workspace's zone too, so it shows what the card counts
        assert len(listed.select("#submissions-table tbody tr")) == 2, key
        assert listed.select_one("#flt-from")["value"] == "2026-11-26"
