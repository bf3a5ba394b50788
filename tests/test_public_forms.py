"""Public delivery: schema + beacon CORS, inactive forms, the hosted page without JS."""

import asyncio
import time

import pytest

from tests.factory import make_form
from tests.helpers import soup
from tests.helpers_forms import demo_config

ORIGIN = "https://www.customer.example"


async def test_schema_is_public_and_minimal(user, client):
    form = await make_form(user, **demo_config(status="active"))
    r = await client.get(f"/api/forms/{form['id']}/schema")
    assert r.status_code == 200
    schema = r.json()
    assert schema["id"] == form["id"] and schema["honeypot_field"] == "_hp"
    assert [f["name"] for f in schema["fields"]] == [f["name"] for f in form["fields"]]
    assert schema["response"]["thank_you_message"] and schema["experiment_id"] is None
    for internal in ("agent", "security", "field_mapping", "workspace_id", "auto"):
        assert internal not in schema
    assert r.headers["access-control-allow-origin"] == "*"
    again = await client.get(
        f"/api/forms/{form['id']}/schema", headers={"If-None-Match": r.headers["etag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize("status", ["draft", "paused", "archived"])
async def test_schema_404_unless_active(user, client, status):
    form = await make_form(user, **demo_config(status="active"))
    assert (await client.get(f"/api/forms/{form['id']}/schema")).status_code == 200  # now cached
    r = await user.api.put(f"/api/forms/{form['id']}", json={"status": status})
    assert r.status_code == 200
    r = await client.get(f"/api/forms/{form['id']}/schema")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert (
        await client.post(f"/api/forms/{form['id']}/beacon", json={"type": "view"})
    ).status_code == 404


async def test_schema_404_for_unknown_form(client):
    assert (await client.get("/api/forms/form_doesnotexist0000/schema")).status_code == 404


async def test_schema_follows_edits_made_elsewhere(user, client, db, monkeypatch):
    """Another server process may change the form: once the recheck interval (1 s)
    has passed, the cache notices through updated_at / status."""
    from app.services.forms import public as form_public

    monkeypatch.setattr(form_public, "RECHECK_SECONDS", 0)
    form = await make_form(user, **demo_config(status="active"))
    assert (await client.get(f"/api/forms/{form['id']}/schema")).json()["name"] == "Demo request"
    await db.execute(
        "UPDATE forms SET name = 'Renamed', updated_at = '2999-01-01T00:00:00.000Z' WHERE id = ?",
        (form["id"],),
    )
    assert (await client.get(f"/api/forms/{form['id']}/schema")).json()["name"] == "Renamed"
    await db.execute("UPDATE forms SET status = 'paused' WHERE id = ?", (form["id"],))
    assert (await client.get(f"/api/forms/{form['id']}/schema")).status_code == 404


async def test_a_burst_of_views_costs_one_database_read(user, client, monkeypatch):
    """Many visitors at once (cold, then at the recheck): one read of the form, and every
    one of them gets the schema. Each used to queue its own read, which was the p99."""
    from app.services.forms import public as form_public

    form = await make_form(user, **demo_config(status="active"))
    reads, real = [], form_public._fetch

    def slow_fetch(conn, *args):
        reads.append(1)
        time.sleep(0.05)  # a read that takes a while: the others arrive meanwhile
        return real(conn, *args)

    monkeypatch.setattr(form_public, "_fetch", slow_fetch)
    url = f"/api/forms/{form['id']}/schema"
    cold = await asyncio.gather(*(client.get(url) for _ in range(20)))
    assert [r.status_code for r in cold] == [200] * 20 and len(reads) == 1
    monkeypatch.setattr(form_public, "RECHECK_SECONDS", 0)  # every view now rechecks
    warm = await asyncio.gather(*(client.get(url) for _ in range(20)))
    assert {r.text for r in warm} == {cold[0].text} and len(reads) == 2


async def test_cors_allowed_and_refused_origins(user, client):
    form = await make_form(
        user, **demo_config(status="active", security={"allowed_origins": [ORIGIN]})
    )
    path = f"/api/forms/{form['id']}"
    r = await client.get(f"{path}/schema", headers={"Origin": ORIGIN})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == ORIGIN
    assert "Origin" in r.headers["vary"]
    r = await client.get(f"{path}/schema", headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    assert r.json()["error"]["code"] == "origin_not_allowed"

    r = await client.post(f"{path}/beacon", json={"type": "view"}, headers={"Origin": ORIGIN})
    assert r.status_code == 204 and r.headers["access-control-allow-origin"] == ORIGIN
    r = await client.post(
        f"{path}/beacon", json={"type": "view"}, headers={"Origin": "https://evil.example"}
    )
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers

    r = await client.options(
        f"{path}/schema", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    )
    assert r.status_code == 204 and r.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in r.headers["access-control-allow-methods"]
    r = await client.options(
        f"{path}/beacon",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers


async def test_beacon_counts_views_and_starts(user, client, db):
    form = await make_form(user, **demo_config(status="active"))
    path = f"/api/forms/{form['id']}/beacon"
    assert (
        await client.post(path, json={"type": "view"}, headers={"Origin": ORIGIN})
    ).status_code == 204
    # navigator.sendBeacon sends text/plain: accepted, no preflight needed
    r = await client.post(
        path,
        content=b'{"type":"view","variant_id":"var_b"}',
        headers={"content-type": "text/plain;charset=UTF-8"},
    )
    assert r.status_code == 204
    assert (await client.post(path, json={"type": "start"})).status_code == 204
    rows = await db.fetchall(
        "SELECT variant_id, views, starts, workspace_id FROM form_daily_stats"
        " WHERE form_id = ? ORDER BY variant_id",
        (form["id"],),
    )
    assert [(r["variant_id"], r["views"], r["starts"]) for r in rows] == [
        ("", 1, 1),
        ("var_b", 1, 0),
    ]
    assert rows[0]["workspace_id"] == user.workspace_id
    r = await client.post(path, json={"type": "click"})
    assert r.status_code == 422 and "type" in r.json()["error"]["fields"]
    assert (
        await client.post(path, content=b"{nope", headers={"content-type": "text/plain"})
    ).status_code == 400


async def test_hosted_page_renders_without_js(user, client):
    form = await make_form(user, **demo_config(status="active"))
    r = await client.get(f"/f/{form['id']}")
    assert r.status_code == 200
    page = soup(r)
    html_form = page.select_one("form.fa-form")
    assert html_form["method"] == "post" and html_form["action"] == f"/f/{form['id']}"
    for field in form["fields"]:
        control = html_form.find(attrs={"name": field["name"]})
        assert control is not None, field["name"]
        label = html_form.find("label", attrs={"for": control["id"]})
        assert label is not None and field["label"] in label.get_text()
    email = html_form.find("input", attrs={"name": "email"})
    assert email["type"] == "email" and email.has_attr("required")
    assert html_form.select_one(f"#{email['aria-describedby']}").get_text() == "We reply here."
    assert [
        o["value"] for o in html_form.find("select", attrs={"name": "budget"}).find_all("option")
    ][1:] == ["<$10K", "$10K-$50K", "$50K+"]
    honeypot = html_form.select_one(".fa-hp input[name=_hp]")
    assert honeypot is not None and honeypot["tabindex"] == "-1"
    assert html_form.select_one("button.fa-submit[type=submit]")
    assert page.select_one("link[rel=stylesheet]")["href"].startswith("/static/css/form.css")
    assert not page.select("[style]") and not [s for s in page.select("script") if not s.get("src")]
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors *" in csp and "style-src 'self'" in csp


async def test_hosted_page_view_counts_as_a_view(user, client):
    form = await make_form(user, **demo_config(status="active"))
    for _ in range(2):
        assert (await client.get(f"/f/{form['id']}")).status_code == 200
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["stats"]["views"] == 2


async def test_hosted_page_escapes_labels(user, client):
    form = await make_form(
        user,
        **demo_config(
            status="active",
            fields=[{"name": "email", "type": "email", "label": "<script>alert(1)</script>"}],
        ),
    )
    r = await client.get(f"/f/{form['id']}")
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text


@pytest.mark.parametrize("status, code", [("paused", 410), ("archived", 410), ("draft", 404)])
async def test_hosted_page_not_available(user, client, status, code):
    form = await make_form(user, **demo_config(status=status))
    r = await client.get(f"/f/{form['id']}")
    assert r.status_code == code and "This form is not available" in r.text
    assert soup(r).select_one("form") is None
    r = await client.get("/f/form_unknown000000000")
    assert r.status_code == 404 and "This form is not available" in r.text


async def test_hosted_template_renders_errors_next_to_fields(app, user):
    """The contract the capture module relies on: values kept, errors tied by aria-describedby."""
    from bs4 import BeautifulSoup

    from app.services.forms.public import schema_of
    from app.web.render import render_string

    form = await make_form(user, **demo_config(status="active"))
    html = render_string(
        "public/_form.html",
        {
            "form": schema_of(form),
            "values": {"email": "not-an-email", "budget": "$50K+", "consent": "true"},
            "errors": {"email": "Enter a valid email address."},
            "message": "Please fix the highlighted field.",
            "action": f"/f/{form['id']}",
            "enhance": True,
        },
    )
    page = BeautifulSoup(html, "html.parser")
    email = page.find("input", attrs={"name": "email"})
    assert email["value"] == "not-an-email" and email["aria-invalid"] == "true"
    error = page.select_one(f"#{email['aria-describedby'].split()[-1]}")
    assert error.get_text() == "Enter a valid email address." and "fa-error" in error["class"]
    assert "fa-has-error" in email.find_parent("div")["class"]
    assert page.find("option", attrs={"value": "$50K+"}).has_attr("selected")
    assert page.find("input", attrs={"name": "consent"}).has_attr("checked")
    assert page.select_one("form")["hx-post"] == f"/f/{form['id']}"
    done = render_string(
        "public/_form.html", {"form": schema_of(form), "done": True, "message": "Thanks!"}
    )
    assert "Thanks!" in done and "<form" not in done


async def test_concurrent_beacons_are_all_counted(user, client, db):
    import asyncio

    form = await make_form(user, **demo_config(status="active"))
    path = f"/api/forms/{form['id']}/beacon"
    answers = await asyncio.gather(
        *[client.post(path, json={"type": "view" if i % 4 else "start"}) for i in range(60)]
    )
    assert {r.status_code for r in answers} == {204}
    row = await db.fetchone(
        "SELECT SUM(views) AS views, SUM(starts) AS starts FROM form_daily_stats WHERE form_id = ?",
        (form["id"],),
    )
    assert (row["views"], row["starts"]) == (45, 15)


async def test_archived_workspace_forms_are_not_available(user, client, monkeypatch):
    from app.services.forms import public as form_public

    monkeypatch.setattr(
        form_public, "RECHECK_SECONDS", 0
    )  # archived by another service: no local forget
    form = await make_form(user, **demo_config(status="active"))
    assert (await client.get(f"/api/forms/{form['id']}/schema")).status_code == 200
    r = await user.api.delete(f"/api/workspaces/{user.workspace_id}")
    assert r.status_code == 204, r.text
    assert (await client.get(f"/api/forms/{form['id']}/schema")).status_code == 404
    assert (await client.get(f"/f/{form['id']}")).status_code == 410
