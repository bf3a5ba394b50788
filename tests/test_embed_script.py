"""GET /embed.js: small, cacheable, versioned; the snippet points at the current version."""

import gzip

from tests.factory import make_form
from tests.helpers_forms import demo_config


async def test_embed_js_size_and_caching(client):
    r = await client.get("/embed.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert "max-age=300" in r.headers["cache-control"] and r.headers["etag"]
    assert "__FA_CSS__" not in r.text and ".fa-form{" in r.text  # the form CSS is inlined
    assert len(gzip.compress(r.content, 9)) < 6 * 1024
    not_modified = await client.get("/embed.js", headers={"If-None-Match": r.headers["etag"]})
    assert not_modified.status_code == 304 and not not_modified.content

    version = r.headers["etag"].strip('"')
    versioned = await client.get(f"/embed.js?v={version}", headers={"Accept-Encoding": "gzip"})
    assert (
        "immutable" in versioned.headers["cache-control"]
        and "max-age=31536000" in versioned.headers["cache-control"]
    )
    assert versioned.headers["content-encoding"] == "gzip"
    assert (
        len(versioned.headers["content-length"])
        and int(versioned.headers["content-length"]) < 6 * 1024
    )
    stale = await client.get("/embed.js?v=old")
    assert "immutable" not in stale.headers["cache-control"]


async def test_embed_js_covers_the_contract(client):
    text = (await client.get("/embed.js")).text
    for needle in (
        "data-formagent",
        "data-form-id",
        "/api/submissions/",
        "/beacon",
        "/schema",
        "_meta",
        "_interactions",
        "utm_source",
        "localStorage",
        "aria-describedby",
        "redirect_url",
        "409",
        "422",
    ):
        assert needle in text, needle


async def test_snippet_uses_the_served_version(user, client):
    form = await make_form(user, **demo_config(status="active"))
    info = (await user.api.get(f"/api/forms/{form['id']}/embed")).json()
    etag = (await client.get("/embed.js")).headers["etag"].strip('"')
    assert info["script_url"].endswith(f"/embed.js?v={etag}")
