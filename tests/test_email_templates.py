"""Email templates (SPEC §8, §13): the API, the pages with their live preview,
placeholders limited to the §8 variables, escaping in HTML bodies, a text part
for every HTML email, and ``render_template_for`` as other features call it."""

from __future__ import annotations

from app.services.mail.email_templates import contact_variables, render_template_for
from tests.factory import make_contact, make_viewer
from tests.helpers import soup

WELCOME = {
    "name": "Welcome",
    "subject": "Welcome, {{first_name|friend}}",
    "text": "Hi {{first_name|there}}, here is {{asset_url}}.\nBye: {{unsubscribe_url}}",
    "html": "",
}


async def test_api_creates_reads_updates_lists_and_deletes(two_workspaces):
    alice, bob = two_workspaces
    r = await alice.api.post("/api/email-templates", json=WELCOME)
    assert r.status_code == 201, r.text
    tmpl = r.json()
    assert tmpl["id"].startswith("tmpl_") and tmpl["subject"] == WELCOME["subject"]
    assert (await alice.api.get(f"/api/email-templates/{tmpl['id']}")).json() == tmpl

    # PUT takes what GET returned, with changes; a changed read-only key is a 422 naming it.
    r = await alice.api.put(
        f"/api/email-templates/{tmpl['id']}", json={**tmpl, "name": "Welcome v2"}
    )
    assert r.status_code == 200 and r.json()["name"] == "Welcome v2"
    tmpl = r.json()
    r = await alice.api.put(f"/api/email-templates/{tmpl['id']}", json={**tmpl, "id": "tmpl_x"})
    assert r.status_code == 422 and set(r.json()["error"]["fields"]) == {"id"}
    r = await alice.api.put(f"/api/email-templates/{tmpl['id']}", json={"colour": "red"})
    assert r.status_code == 422 and "colour" in r.json()["error"]["fields"]

    listing = (await alice.api.get("/api/email-templates")).json()
    assert [t["id"] for t in listing["data"]] == [tmpl["id"]] and listing["next_cursor"] is None
    # Bob's workspace sees none of it and cannot touch it.
    assert (await bob.api.get("/api/email-templates")).json()["data"] == []
    for method in ("get", "put", "delete"):
        kwargs = {"json": WELCOME} if method == "put" else {}
        r = await getattr(bob.api, method)(f"/api/email-templates/{tmpl['id']}", **kwargs)
        assert r.status_code == 404, method
    assert (await alice.api.delete(f"/api/email-templates/{tmpl['id']}")).status_code == 204
    assert (await alice.api.get(f"/api/email-templates/{tmpl['id']}")).status_code == 404


async def test_unknown_variables_and_bad_input_are_422_naming_the_field(user):
    cases = [
        ({"subject": "Hi {{firstname}}"}, "subject", "Unknown variable {{firstname}}"),
        ({"html": "<p>{{data.company}}</p>"}, "html", "Unknown variable {{data.company}}"),
        ({"text": "{% for x in y %}loop{% endfor %}"}, "text", "is not a placeholder"),
        ({"name": ""}, "name", "empty"),
        ({"text": "", "html": ""}, "text", "Write the message"),
        ({"subject": ["a"]}, "subject", "text"),
        ({"text": "x" * 50_001}, "text", "under 50000 characters"),
    ]
    for change, field, words in cases:
        r = await user.api.post("/api/email-templates", json={**WELCOME, **change})
        assert r.status_code == 422, change
        assert words in r.json()["error"]["fields"][field], (change, r.json())
    assert (await user.api.get("/api/email-templates")).json()["data"] == []


async def test_viewers_read_but_cannot_write(app, user):
    viewer = await make_viewer(app)
    assert (await viewer.api.get("/api/email-templates")).status_code == 200
    assert (await viewer.api.post("/api/email-templates", json=WELCOME)).status_code == 403
    assert (await viewer.web.get("/email-templates/new")).status_code == 403
    await viewer.close()


async def test_render_for_a_contact_escapes_html_and_keeps_the_unsubscribe_link(app, user):
    contact = await make_contact(user, "dana@example.com", name="<b>Dana</b> Scully")
    tmpl = (
        await user.api.post(
            "/api/email-templates",
            json={**WELCOME, "text": "", "html": "<p>Hi {{name}}</p><p>{{asset_url}}</p>"},
        )
    ).json()

    def render(conn):
        variables = contact_variables(
            conn, user.workspace_id, contact["id"], asset_url="https://x.example/a?b=1&c=2"
        )
        return render_template_for(conn, user.workspace_id, tmpl["id"], variables)

    subject, text, html = await app.state.db.read(render)
    assert subject == "Welcome, <b>Dana</b>"  # a header is plain text
    assert "<p>Hi &lt;b&gt;Dana&lt;/b&gt; Scully</p>" in html
    assert "https://x.example/a?b=1&amp;c=2" in html
    assert text == "Hi <b>Dana</b> Scully\n\nhttps://x.example/a?b=1&c=2"  # derived from the HTML

    plain = (await user.api.post("/api/email-templates", json=WELCOME)).json()
    _, text, html = await app.state.db.read(
        lambda conn: render_template_for(conn, user.workspace_id, plain["id"], {})
    )
    # No value: the fallback; the unsubscribe link is filled when a marketing email is sent.
    assert text == "Hi there, here is .\nBye: {{unsubscribe_url}}" and html is None


async def test_pages_create_edit_and_preview_live(user):
    page = await user.web.get("/email-templates")
    assert "No email templates yet" in page.text
    new = soup(await user.web.get("/email-templates/new"))
    form = new.select_one("form#template-form")
    assert form["action"] == "/email-templates" and form["method"] == "post"
    assert form["hx-post"] == "/email-templates/preview"

    bad = await user.post_form(
        "/email-templates", {**WELCOME, "subject": "Hi {{frist_name}}"}, page="/email-templates/new"
    )
    assert bad.status_code == 422
    html = soup(bad)
    assert "Unknown variable {{frist_name}}" in html.select_one("#e-subject").text
    assert html.select_one("#f-subject")["value"] == "Hi {{frist_name}}"  # input kept
    assert html.select_one("#f-subject")["aria-describedby"].startswith("e-subject")

    preview = await user.post_form(
        "/email-templates/preview",
        {**WELCOME, "html": "<p>Hello {{first_name}} from {{company}}</p>"},
        htmx=True,
    )
    assert preview.status_code == 200
    fragment = soup(preview)
    assert fragment.select_one("#template-preview") is not None and "<html" not in preview.text
    assert "Welcome, Dana" in preview.text
    assert (
        "Hi Dana, here is https://example.com/guide.pdf"
        in fragment.select_one("#preview-text").text
    )
    assert "Hello Dana from BigCorp" in fragment.select_one("iframe")["srcdoc"]
    broken = await user.post_form(
        "/email-templates/preview", {**WELCOME, "text": "Hi {{nope}}"}, htmx=True
    )
    assert "Unknown variable {{nope}}" in broken.text

    r = await user.post_form("/email-templates", WELCOME, page="/email-templates/new")
    assert r.status_code == 303
    edit_url = r.headers["location"]
    edit = soup(await user.web.get(edit_url))
    assert edit.select_one("#f-name")["value"] == "Welcome"
    r = await user.post_form(edit_url, {**WELCOME, "name": "Welcome (spring)"}, page=edit_url)
    assert r.status_code == 303
    listing = await user.web.get("/email-templates")
    assert "Welcome (spring)" in listing.text and "Plain text" in listing.text
    r = await user.post_form(f"{edit_url}/delete", page=edit_url)
    assert r.status_code == 303 and (await user.web.get(edit_url)).status_code == 404
