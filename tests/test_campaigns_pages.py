"""Campaign pages (SPEC §8, §16): the list with its numbers, create/edit with
messages beside the fields, the detail page with performance and contacts, and
the contact page naming its campaigns."""

from __future__ import annotations

from tests.factory import make_contact, make_deal, make_form, make_viewer
from tests.helpers import soup


async def _create(user, **fields):
    data = {"name": "Webinar May", "type": "webinar", "status": "active", **fields}
    return await user.post_form("/campaigns/new", data, page="/campaigns/new")


async def test_create_from_the_page_then_read_it_like_a_product(user):
    form = await make_form(user, flow_id="email_marketing", name="Webinar sign-up")
    r = await _create(
        user,
        inbound_form_ids=form["id"],
        contact_tags="webinar, may",
        asset_url="https://acme.test/replay",
        asset_name="The replay",
    )
    assert r.status_code == 303, r.text
    detail = await user.web.get(r.headers["location"])
    page = soup(detail)
    assert page.h1.get_text(strip=True) == "Webinar May"
    setup = page.select_one(".campaign-setup").get_text(" ", strip=True)
    assert "Webinar sign-up" in setup and "The replay" in setup and "form_" not in setup
    assert [b.get_text() for b in page.select(".campaign-setup .badge")] == ["webinar", "may"]
    numbers = {
        s["data-stat"]: s.select_one(".value").get_text(strip=True) for s in page.select(".stat")
    }
    assert numbers == {
        "submissions": "0",
        "contacts": "0",
        "deals": "0",
        "revenue": "$0",
        "pipeline": "$0",
    }
    # Add a contact by hand; it shows by name, and its revenue is formatted.
    contact = await make_contact(user, "kim@buyer.test", name="Kim Buyer")
    path = r.headers["location"]
    added = await user.post_form(f"{path}/contacts", {"email": "kim@buyer.test"}, page=path)
    assert added.status_code == 303
    await make_deal(user, name="Kim's deal", amount=12500, contact_id=contact["id"], stage="won")
    page = soup(await user.web.get(path))
    rows = page.select(".campaign-contacts tbody tr")
    assert (
        len(rows) == 1
        and "Kim Buyer" in rows[0].get_text()
        and "Added by hand" in rows[0].get_text()
    )
    assert page.select_one('[data-stat="revenue"] .value').get_text(strip=True) == "$12,500"
    listing = soup(await user.web.get("/campaigns"))
    row = listing.select_one(".campaigns-table tbody tr")
    assert "Webinar May" in row.get_text() and "Webinar" in row.get_text()
    assert "$12,500" in row.get_text()
    # The contact's page lists the campaign by name.
    contact_page = soup(await user.web.get(f"/contacts/{contact['id']}"))
    item = contact_page.select_one(".contact-campaigns li")
    assert "Webinar May" in item.get_text() and "added by hand" in item.get_text()


async def test_bad_values_rerender_with_the_message_beside_the_field(user):
    r = await _create(user, name="", asset_url="ftp://nope", welcome_body="Hi {% if x %}")
    assert r.status_code == 422
    page = soup(r)
    assert page.select_one("#e-name") and page.select_one("#e-asset_url")
    assert "placeholder" in page.select_one("#e-welcome_body").get_text()
    assert page.select_one("#f-asset_url")["value"] == "ftp://nope"  # input kept
    assert page.select_one("#f-welcome_body").get_text() == "Hi {% if x %}"


async def test_edit_and_delete(user):
    r = await _create(user)
    path = r.headers["location"]
    edited = await user.post_form(
        f"{path}/edit", {"name": "Webinar June", "type": "webinar", "status": "paused"}, page=path
    )
    assert edited.status_code == 303
    page = soup(await user.web.get(path))
    assert (
        page.h1.get_text(strip=True) == "Webinar June"
        and "paused" in page.select_one(".badge").get_text()
    )
    bad = await user.post_form(
        f"{path}/edit", {"name": "", "type": "webinar", "status": "x"}, page=path
    )
    assert bad.status_code == 422 and soup(bad).select_one("#e-status")
    gone = await user.post_form(f"{path}/delete", page=path)
    assert gone.status_code == 303
    assert (await user.web.get(path)).status_code == 404


async def test_unknown_contact_email_shows_beside_the_field_in_the_fragment(user):
    r = await _create(user)
    path = r.headers["location"]
    reply = await user.post_form(
        f"{path}/contacts", {"email": "ghost@x.test"}, page=path, htmx=True
    )
    assert reply.status_code == 422
    assert "create the contact first" in soup(reply).select_one("#e-member-email").get_text()


async def test_viewer_sees_no_edit_controls_and_cannot_post(app, user):
    viewer = await make_viewer(app)
    r = await viewer.web.get("/campaigns")
    assert r.status_code == 200 and not soup(r).select('a[href$="/campaigns/new"]')
    assert (await viewer.web.get("/campaigns/new")).status_code == 403
    await viewer.close()
