"""Contact pages: list with search/filters/pages, detail with timeline, edit, tags, notes,
merge, the import flow, viewer read-only, and the plain-form fallbacks."""

from __future__ import annotations

from tests.factory import make_contact, make_viewer
from tests.helpers import soup


async def test_list_search_filters_and_htmx_fragment(user):
    await make_contact(user, "ada@engines.io", name="Ada Lovelace", tags=["vip"], status="customer")
    await make_contact(user, "bob@example.com", name="Bob <script>alert(1)</script>")
    r = await user.web.get("/contacts")
    assert r.status_code == 200
    page = soup(r)
    rows = page.select("table.contacts-table tbody tr")
    assert len(rows) == 2
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text
    assert page.find("a", string="Export CSV")["href"] == "/api/contacts.csv"
    for name in ("q", "status", "tag", "source", "sort"):
        assert page.find("label", attrs={"for": f"f-{name}"}) is not None
    r = await user.web.get("/contacts", params={"q": "ada"}, headers={"HX-Request": "true"})
    frag = soup(r)
    assert frag.find("html") is None
    assert [a.text for a in frag.select("tbody tr td.check-col + td > a")] == ["Ada Lovelace"]
    r = await user.web.get("/contacts", params={"status": "customer", "tag": "vip"})
    assert len(soup(r).select("table.contacts-table tbody tr")) == 1
    csv_link = soup(r).find("a", string="Export CSV")["href"]
    assert csv_link == "/api/contacts.csv?status=customer&tag=vip"
    download = await user.web.get(csv_link)  # the signed-in cookie is enough
    assert download.status_code == 200 and "ada@engines.io" in download.text
    assert "bob@example.com" not in download.text
    r = await user.web.get("/contacts", params={"q": "zzz"})
    assert "No contacts match" in r.text
    r = await user.web.get("/contacts", params={"sort": "bogus"})
    assert r.status_code == 422 and "Sort by one of" in r.text


async def test_list_pages_through_next_link(app, user):
    for i in range(55):
        await make_contact(user, f"p{i:02d}@example.com")
    r = await user.web.get("/contacts")
    page = soup(r)
    assert len(page.select("table.contacts-table tbody tr")) == 50
    next_url = page.select_one("nav.pager a")["href"]
    r2 = await user.web.get(next_url)
    assert len(soup(r2).select("table.contacts-table tbody tr")) == 5
    assert soup(r2).select_one("nav.pager a") is None


async def test_empty_state(user):
    r = await user.web.get("/contacts")
    assert "No contacts yet" in r.text and "/contacts/import" in r.text


async def test_new_contact_form_errors_and_success(user):
    r = await user.post_form("/contacts/new", {"email": "bad", "name": "Kept Name"})
    assert r.status_code == 422
    page = soup(r)
    assert page.find(id="e-email") is not None
    assert page.find(id="f-email")["aria-describedby"].startswith("e-email")
    assert page.find(id="f-name")["value"] == "Kept Name"
    r = await user.post_form(
        "/contacts/new",
        {
            "email": "new@example.com",
            "first_name": "New",
            "tags": "a, b",
            "status": "qualified",
            "company": "Newco",
        },
    )
    assert r.status_code == 303
    detail = await user.web.get(r.headers["location"])
    assert "New" in detail.text and "Newco" in detail.text
    c = (await user.api.get("/api/contacts")).json()["data"][0]
    assert c["tags"] == ["a", "b"] and c["status"] == "qualified"


async def test_detail_edit_tags_notes(user):
    c = await make_contact(user, "d@example.com", name="Dana")
    r = await user.web.get(f"/contacts/{c['id']}")
    assert r.status_code == 200 and "Dana" in r.text
    # edit with a bad email: 422 fragment for HTMX, error next to the field
    r = await user.post_form(
        f"/contacts/{c['id']}/edit", {"email": "nope", "name": "Dana"}, htmx=True
    )
    assert r.status_code == 422 and soup(r).find(id="e-email") is not None
    r = await user.post_form(
        f"/contacts/{c['id']}/edit",
        {"email": "d@example.com", "name": "Dana X", "status": "customer"},
    )
    assert r.status_code == 303
    assert (await user.api.get(f"/api/contacts/{c['id']}")).json()["status"] == "customer"
    # tags: add via HTMX (fragment back), remove via plain form (redirect)
    r = await user.post_form(f"/contacts/{c['id']}/tags", {"add": "VIP, webinar"}, htmx=True)
    assert r.status_code == 200 and [a.text for a in soup(r).select("a.tag")] == ["vip", "webinar"]
    r = await user.post_form(f"/contacts/{c['id']}/tags", {"remove": "vip"})
    assert r.status_code == 303
    assert (await user.api.get(f"/api/contacts/{c['id']}")).json()["tags"] == ["webinar"]
    # notes: HTMX returns the timeline with the note; empty note -> 422 next to the field
    r = await user.post_form(
        f"/contacts/{c['id']}/notes", {"body": "Wants <b>pricing</b>"}, htmx=True
    )
    assert r.status_code == 200
    items = soup(r).select("ol.contact-timeline li[data-kind=note]")
    assert items and items[0].select_one(".tl-body").text == "Wants <b>pricing</b>"
    r = await user.post_form(f"/contacts/{c['id']}/notes", {"body": " "}, htmx=True)
    assert r.status_code == 422 and soup(r).find(id="e-body") is not None
    r = await user.post_form(f"/contacts/{c['id']}/notes", {"body": "plain"})
    assert r.status_code == 303


async def test_merge_page_flow(user):
    keep = await make_contact(user, "keep@example.com")
    other = await make_contact(user, "other@example.com", phone="123", tags=["t"])
    r = await user.post_form(
        f"/contacts/{keep['id']}/merge", {"other": "nobody@example.com"}, htmx=True
    )
    assert r.status_code == 422 and "No contact with the email" in soup(r).find(id="e-other").text
    r = await user.post_form(
        f"/contacts/{keep['id']}/merge", {"other": "keep@example.com"}, htmx=True
    )
    assert r.status_code == 422
    r = await user.post_form(f"/contacts/{keep['id']}/merge", {"other": "OTHER@example.com"})
    assert r.status_code == 303
    merged = (await user.api.get(f"/api/contacts/{keep['id']}")).json()
    assert merged["phone"] == "123" and merged["tags"] == ["t"]
    assert (await user.web.get(f"/contacts/{other['id']}")).status_code == 404


async def test_import_page_flow(user):
    await make_contact(user, "old@example.com", name="Old")
    r = await user.web.get("/contacts/import")
    assert r.status_code == 200 and soup(r).find("input", attrs={"type": "file"}) is not None
    token = await user.csrf("/contacts/import")
    content = (
        b"Email,Name,Plan\nnew@example.com,New,pro\nold@example.com,Ignored,basic\nbroken,X,y\n"
    )
    r = await user.web.post(
        "/contacts/import",
        data={"csrf_token": token},
        files={"file": ("list.csv", content, "text/csv")},
    )
    assert r.status_code == 303, r.text
    preview_url = r.headers["location"]
    page = soup(await user.web.get(preview_url))
    assert page.find("select", id="map_0").find("option", selected=True)["value"] == "email"
    assert page.find("select", id="map_2").find("option", selected=True)["value"] == ""
    actions = [tr.select("td")[2].text.strip() for tr in page.select("table.import-rows tbody tr")]
    assert actions == ["create", "unchanged", "error"]
    # importing with an error row is refused, nothing imported
    form = {"map_0": "email", "map_1": "name", "map_2": "custom", "action": "import"}
    r = await user.post_form(preview_url, form)
    assert r.status_code == 422 and "nothing was imported" in r.text
    assert len((await user.api.get("/api/contacts")).json()["data"]) == 1
    r = await user.post_form(preview_url, {**form, "skip_errors": "on"})
    assert r.status_code == 303
    new = (await user.api.get("/api/contacts", params={"q": "new@"})).json()["data"][0]
    assert new["custom_fields"] == {"Plan": "pro"}
    old = (await user.api.get("/api/contacts", params={"q": "old@"})).json()["data"][0]
    assert old["name"] == "Old" and old["custom_fields"] == {"Plan": "basic"}
    assert (await user.web.get(preview_url)).status_code == 404  # the upload is consumed


async def test_import_page_bad_files(user):
    token = await user.csrf("/contacts/import")
    r = await user.web.post(
        "/contacts/import",
        data={"csrf_token": token},
        files={"file": ("l.csv", "email\nzoë@x.io\n".encode("cp1252"), "text/csv")},
    )
    assert r.status_code == 400 and "UTF-8" in soup(r).find(id="e-file").text
    r = await user.web.post(
        "/contacts/import",
        data={"csrf_token": token},
        files={"file": ("l.csv", b"name\nAda\n", "text/csv")},
    )
    assert r.status_code == 303
    page = await user.web.get(r.headers["location"])
    assert "No column holds the email address" in page.text


async def test_viewer_sees_no_write_controls_and_cannot_post(app):
    viewer = await make_viewer(app)
    try:
        # the contact is made while the person is still owner, then they become a viewer
        await app.state.db.execute(
            "UPDATE memberships SET role = 'owner' WHERE account_id = ?", (viewer.account_id,)
        )
        own = await make_contact(viewer, "mine@example.com")
        await app.state.db.execute(
            "UPDATE memberships SET role = 'viewer' WHERE account_id = ?", (viewer.account_id,)
        )
        r = await viewer.web.get(f"/contacts/{own['id']}")
        assert (
            r.status_code == 200
            and soup(r).find("form", action=f"/contacts/{own['id']}/notes") is None
        )
        r = await viewer.post_form(f"/contacts/{own['id']}/notes", {"body": "x"})
        assert r.status_code == 403
        assert (await viewer.web.get("/contacts/import")).status_code == 403
        assert (await viewer.web.get("/contacts/new")).status_code == 403
    finally:
        await viewer.close()
