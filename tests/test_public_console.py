"""No console noise on customer sites (issue 14 item 16): the schema's 404 is readable
cross-origin, and /favicon.ico is our icon rather than a 404."""

from tests.factory import make_form

SITE = {"origin": "https://shop.example.com"}


async def test_unknown_form_schema_404_carries_cors_for_the_caller(client):
    r = await client.get("/api/forms/frm_nope/schema", headers=SITE)
    assert r.status_code == 404
    assert r.headers["access-control-allow-origin"] == "https://shop.example.com"
    assert r.json()["error"]["message"] == "This form is not available."


async def test_unpublished_form_schema_404_says_nothing_more(user, client):
    form = await make_form(
        user, status="draft", security={"allowed_origins": ["https://mine.example"]}
    )
    r = await client.get(f"/api/forms/{form['id']}/schema", headers=SITE)
    assert r.status_code == 404 and r.headers["access-control-allow-origin"] == SITE["origin"]
    assert form["name"] not in r.text and "fields" not in r.json()
    beacon = await client.post(
        f"/api/forms/{form['id']}/beacon", json={"type": "view"}, headers=SITE
    )
    assert (
        beacon.status_code == 404
        and beacon.headers["access-control-allow-origin"] == SITE["origin"]
    )


async def test_a_refused_origin_on_a_live_form_still_gets_no_cors(user, client):
    form = await make_form(user, security={"allowed_origins": ["https://mine.example"]})
    r = await client.get(f"/api/forms/{form['id']}/schema", headers=SITE)
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers


async def test_favicon_is_served(client, user):
    r = await client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.content.startswith(b"<svg")
    page = await user.web.get("/forms")
    assert 'rel="icon"' in page.text
