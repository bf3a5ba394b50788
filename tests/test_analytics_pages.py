"""The /analytics page (SPEC §10, §16): charts with their numbers beside them, a range
picker that works without JavaScript, CSV links for every table."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tests.factory import make_deal, make_form, submitted
from tests.helpers import drain_jobs

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def test_page_shows_cards_charts_and_tables_with_numbers(app, user, freeze_clock):
    freeze_clock.set(NOW)
    form = await make_form(user, name="Demo request", security={"max_submissions_per_ip": 100})
    for _ in range(8):
        r = await user.web.post(f"/api/forms/{form['id']}/beacon", json={"type": "view"})
        assert r.status_code < 300
    sid = await submitted(
        user, form["id"], {"email": "dana@bigcorp.test", "name": "Dana", "utm_source": "google"}
    )
    await submitted(user, form["id"], {"email": "fox@x.test", "utm_source": "google"})
    await drain_jobs(app)
    await make_deal(user, amount=36000, stage="won", source_submission_id=sid)

    r = await user.web.get("/analytics", params={"range": "7d"})
    assert r.status_code == 200, r.text
    html, words = r.text, text(r.text)
    assert 'aria-current="page">Last 7 days' in html
    # KPI cards: value, delta, money in the workspace currency
    assert re.search(r'data-kpi="submissions".*?<dd class="value">2</dd>', html, re.S)
    assert re.search(r'data-kpi="conversion_rate".*?<dd class="value">25%</dd>', html, re.S)
    assert re.search(r'data-kpi="revenue".*?<dd class="value">\$36,000</dd>', html, re.S)
    assert "no earlier data" in words or "▲" in words
    # the funnel: a bar and its number on each row
    assert re.search(r'data-step="views">.*?class="bar".*?<span class="num">8</span>', html, re.S)
    assert re.search(
        r'data-step="won">.*?class="bar-fill" width="12.5".*?<span class="num">1</span>', html, re.S
    )
    assert re.search(r'data-step="views">.*?class="bar-fill" width="100(\.0)?"', html, re.S)
    # the volume chart is an SVG with a text alternative, numbers in a table
    assert re.search(r'<svg class="volume-chart"[^>]*role="img"', html)
    assert "Submissions per day from 2026-03-14 to 2026-03-20: 2 in all" in html
    assert "2026-03-20 8 0 2 0" in words  # day, views, starts, submissions, spam
    # channels, speed, forms side by side
    assert "google" in words and "Demo request" in words and "<1 min" in html.replace("&lt;", "<")
    for table in ("overview", "funnel", "speed", "volume", "channels", "forms", "fields"):
        assert f"table={table}" in html, table
    r = await user.web.get(
        "/analytics",
        params={"from": "2026-03-19", "to": "2026-03-20", "attribution": "first_touch"},
    )
    assert r.status_code == 200 and 'aria-current="page">First touch' in r.text
    assert 'value="2026-03-19"' in r.text


async def test_bad_range_on_the_page_says_what_to_fix(app, user):
    r = await user.web.get("/analytics", params={"from": "2026-03-05", "to": "2026-03-01"})
    assert r.status_code == 422
    assert "Pick a day on or after from." in r.text and 'aria-invalid="true"' in r.text


async def test_empty_workspace_says_what_to_do(app, user):
    r = await user.web.get("/analytics")
    assert r.status_code == 200
    assert "No forms yet" in r.text and "No sequences yet" in r.text
    assert "None" not in text(r.text)


async def test_money_reads_in_the_workspace_currency(app, user):
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"currency": "eur"}}
    )
    assert r.status_code == 200, r.text
    await make_deal(user, amount=1250.5, stage="won")
    r = await user.web.get("/analytics", params={"range": "7d"})
    assert re.search(r'data-kpi="revenue".*?<dd class="value">€1,250.50</dd>', r.text, re.S)
