"""The hosted form page's branded default (issue 14 item 18): the workspace's name and
logo (an https URL setting, initials without one) above a centred card, no JavaScript
needed, and a stylesheet of its own that themes can override."""

from __future__ import annotations

from tests.factory import make_form
from tests.helpers import soup


async def _hosted(client, form_id):
    r = await client.get(f"/f/{form_id}")
    assert r.status_code == 200
    return r, soup(r)


async def test_hosted_page_shows_the_workspace_initials_and_a_card(user, client):
    form = await make_form(user, status="active", name="Demo request")
    r, page = await _hosted(client, form["id"])
    brand = page.select_one("header.fa-brand")
    assert brand.select_one(".fa-initials").get_text() == "AM"  # Acme Marketing
    assert brand.select_one(".fa-brand-name").get_text() == "Acme Marketing"
    assert not brand.select("img")
    card = page.select_one("main .fa-card")
    assert card.select_one("h1.fa-title").get_text() == "Demo request"
    assert card.select_one("form.fa-form[method=post]")
    assert page.select_one("title").get_text() == "Demo request · Acme Marketing"
    sheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert any("/static/css/hosted.css" in h for h in sheets)
    assert "Acme Marketing" in page.select_one("footer.fa-footer").text


async def test_a_logo_url_shows_and_is_allowed_by_the_pages_csp(user, client):
    form = await make_form(user, status="active")
    r = await user.post_form(
        "/settings/workspace",
        {"name": "Acme", "timezone": "UTC", "logo_url": "https://cdn.acme.test/logo.svg"},
        page="/settings/workspace",
    )
    assert r.status_code == 303
    r, page = await _hosted(client, form["id"])
    logo = page.select_one("header.fa-brand img.fa-logo")
    assert logo["src"] == "https://cdn.acme.test/logo.svg"
    assert logo["alt"] == ""  # the name is written beside it
    assert page.select_one(".fa-brand-name").get_text() == "Acme"  # renamed: shown at once
    csp = r.headers["content-security-policy"]
    assert "img-src 'self' data: https:;" in csp and "script-src 'self';" in csp


async def test_the_logo_must_be_an_https_address(user):
    for bad in ("http://acme.test/logo.png", "javascript:alert(1)", "https://", "logo.png"):
        r = await user.post_form(
            "/settings/workspace",
            {"name": "Acme", "timezone": "UTC", "logo_url": bad},
            page="/settings/workspace",
        )
        assert r.status_code == 422, bad
        assert "https://" in soup(r).select_one("#e-logo_url").get_text()
        assert soup(r).select_one("#f-logo_url")["value"] == bad  # input kept
    api = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"logo_url": "ftp://x.test/l"}}
    )
    assert api.status_code == 422 and "logo_url" in api.json()["error"]["fields"]
    ok = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"logo_url": ""}}
    )
    assert ok.status_code == 200 and ok.json()["settings"]["logo_url"] == ""


async def test_the_htmx_answer_is_only_the_form_and_unavailable_pages_keep_working(user, client):
    form = await make_form(user, status="active")
    r = await client.post(
        f"/f/{form['id']}", data={"email": "not an email"}, headers={"HX-Request": "true"}
    )
    assert r.status_code == 422
    assert not soup(r).select(".fa-brand") and soup(r).select_one("form.fa-form")
    gone = await client.get("/f/form_unknown")
    assert gone.status_code == 404 and not soup(gone).select(".fa-brand")
    assert "not available" in soup(gone).select_one(".fa-card h1").get_text()
