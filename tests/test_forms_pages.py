"""Form pages and editor fragments, asserted on the HTML (BeautifulSoup)."""

from tests.factory import make_form
from tests.helpers import soup
from tests.helpers_forms import demo_config


def field_names(html) -> list[str]:
    return [li["data-field"] for li in html.select("#sec-fields li.field-row")]


async def test_forms_list_shows_status_counts_and_conversion(user):
    form = await make_form(user, **demo_config(status="active"))
    for _ in range(4):
        await user.api.post(f"/api/forms/{form['id']}/beacon", json={"type": "view"})
    await make_form(user, **demo_config(name="Old one", status="archived"))
    r = await user.web.get("/forms")
    assert r.status_code == 200
    rows = soup(r).select("table.forms-table tbody tr")
    assert len(rows) == 1  # archived forms are behind the Archived filter
    cells = [td.get_text(strip=True) for td in rows[0].find_all("td")]
    assert cells[0].startswith("Demo request") and cells[1] == "active"
    assert cells[2] == "0" and cells[3] == "4" and cells[4] == "0.0%"
    archived = soup(await user.web.get("/forms?status=archived")).select(
        "table.forms-table tbody tr"
    )
    assert len(archived) == 1 and "Old one" in archived[0].get_text()


async def test_empty_forms_list_says_what_to_do(user):
    page = soup(await user.web.get("/forms"))
    assert page.select_one(".empty a[href='/forms/new']")


async def test_editor_page_has_every_section_and_a_live_preview(user):
    form = await make_form(user, **demo_config())
    r = await user.web.get(f"/forms/{form['id']}")
    assert r.status_code == 200
    page = soup(r)
    for section in ("details", "fields", "agent", "auto", "security", "response"):
        assert page.select_one(f"#sec-{section}"), section
    assert field_names(page) == ["email", "name", "company", "budget", "message", "consent"]
    preview = page.select_one("#form-preview form.fa-form")
    assert [c["name"] for c in preview.select("[name]") if c["name"] != "_hp"] == [
        "email",
        "name",
        "company",
        "budget",
        "message",
        "consent",
    ]
    slider = page.select_one("#sec-agent input[type=range][name=autonomy_level]")
    assert slider["value"] == "1" and slider["max"] == "3"
    assert len(page.select("#sec-agent input[name=allowed_actions]")) == 8
    for f in page.select("form[hx-post]"):
        assert f["action"] == f["hx-post"] and f["method"] == "post"
        token = page.select_one("meta[name=csrf-token]")["content"]
        assert (
            f.select_one("input[name=csrf_token]")["value"] == token
        )  # plain POSTs work without JS
    assert not page.select("[style]")


async def test_add_field_fragment(user, db):
    form = await make_form(user, **demo_config())
    r = await user.post_form(
        f"/forms/{form['id']}/fields",
        {"label": "Team size", "name": "team_size", "type": "number", "min": "1", "required": "on"},
        htmx=True,
    )
    assert r.status_code == 200
    html = soup(r)
    assert field_names(html)[-1] == "team_size"
    assert "required" in html.select_one("#field-team_size").get_text()
    oob = html.select_one("#form-preview[hx-swap-oob]")
    assert oob and oob.find("input", attrs={"name": "team_size", "type": "number", "min": "1"})
    stored = (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"][-1]
    assert stored["name"] == "team_size" and stored["min"] == 1 and stored["required"] is True


async def test_add_field_error_is_422_next_to_the_field(user):
    form = await make_form(user, **demo_config())
    r = await user.post_form(
        f"/forms/{form['id']}/fields",
        {"label": "Plan", "name": "plan", "type": "select", "options": ""},
        htmx=True,
    )
    assert r.status_code == 422
    html = soup(r)
    options = html.select_one("#add-options")
    assert options["aria-invalid"] == "true"
    error = html.select_one(f"#{options['aria-describedby']}")
    assert "at least one option" in error.get_text()
    assert options.find_parent("div", class_="field").select_one(".error") is error
    assert html.select_one("#add-label")["value"] == "Plan"  # the input is kept
    assert html.select_one("details.add-field").has_attr("open")
    dup = await user.post_form(
        f"/forms/{form['id']}/fields", {"label": "E", "name": "email", "type": "text"}, htmx=True
    )
    assert (
        dup.status_code == 422
        and "already named" in soup(dup).select_one("#add-name-error").get_text()
    )
    assert len((await user.api.get(f"/api/forms/{form['id']}")).json()["fields"]) == 6


async def test_reorder_toggle_and_delete(user):
    form = await make_form(user, **demo_config())
    base = f"/forms/{form['id']}/fields"
    r = await user.post_form(f"{base}/company/move", {"direction": "up"}, htmx=True)
    assert field_names(soup(r)) == ["email", "company", "name", "budget", "message", "consent"]
    r = await user.post_form(
        f"{base}/email/move", {"direction": "up"}, htmx=True
    )  # already first: no-op
    assert field_names(soup(r))[0] == "email"
    r = await user.post_form(f"{base}/consent/move", {"direction": "down"}, htmx=True)
    assert field_names(soup(r))[-1] == "consent"
    html = soup(r)
    assert html.select_one("#field-email button[aria-label^='Move'][aria-label$='up']").has_attr(
        "disabled"
    )

    r = await user.post_form(f"{base}/company/required", htmx=True)
    toggle = soup(r).select_one("#field-company [role=switch]")
    # a switch: named for its field, its state in aria-checked (not in the label)
    assert toggle["aria-checked"] == "true" and toggle["aria-label"] == "Company required"
    preview_company = soup(r).select_one("#form-preview input[name=company]")
    assert preview_company.has_attr("required")

    r = await user.post_form(f"{base}/budget/delete", htmx=True)
    assert "budget" not in field_names(soup(r))
    fields = (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"]
    assert [f["name"] for f in fields] == ["email", "company", "name", "message", "consent"]
    assert fields[1]["required"] is True
    r = await user.post_form(f"{base}/budget/delete", htmx=True)
    assert r.status_code == 404


async def test_edit_field_round_trip(user):
    form = await make_form(user, **demo_config())
    r = await user.web.get(
        f"/forms/{form['id']}/fields/budget/edit", headers={"HX-Request": "true"}
    )
    html = soup(r)
    assert html.select_one("#edit-budget-options").get_text() == "<$10K\n$10K-$50K\n$50K+"
    r = await user.post_form(
        f"/forms/{form['id']}/fields/budget",
        {
            "label": "Budget range",
            "name": "budget_range",
            "type": "select",
            "options": "Small\nLarge",
            "help": "Rough",
        },
        htmx=True,
    )
    assert r.status_code == 200
    row = soup(r).select_one("#field-budget_range")
    assert "Budget range" in row.get_text() and "Small · Large" in row.get_text()
    bad = await user.post_form(
        f"/forms/{form['id']}/fields/budget_range",
        {"label": "Budget", "name": "budget_range", "type": "text", "regex": "(unclosed"},
        htmx=True,
    )
    assert bad.status_code == 422
    err = soup(bad).select_one("#edit-budget_range-regex-error")
    assert err and "does not compile" in err.get_text()
    assert soup(bad).select_one("#edit-budget_range-regex")["value"] == "(unclosed"


async def test_plain_post_without_js_redirects(user):
    form = await make_form(user, **demo_config())
    # the section's own hidden token is enough (no header, no helper)
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    settings = page.select_one("form#editor-settings")
    token = settings.select_one("input[name=csrf_token]")["value"]  # the form's own token
    data = {"csrf_token": token, "_section": "response", "thank_you_message": "Plain thanks"}
    r = await user.web.post(settings["action"], data=data)
    assert r.status_code == 303, r.text
    assert r.headers["location"] == f"/forms/{form['id']}#editor-settings"
    after = soup(await user.web.get(r.headers["location"]))
    assert "Saved." in after.select_one("#flashes").get_text()
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["response"][
        "thank_you_message"
    ] == "Plain thanks"
    r = await user.post_form(f"/forms/{form['id']}/fields/name/required")
    assert r.status_code == 303 and r.headers["location"] == f"/forms/{form['id']}#sec-fields"
    bad = await user.post_form(
        f"/forms/{form['id']}/fields", {"label": "", "name": "Bad Name", "type": "text"}
    )
    assert bad.status_code == 422
    page = soup(bad)
    assert (
        page.select_one("#sec-details")
        and "not a valid field name" in page.select_one("#add-name-error").text
    )


async def test_one_save_for_every_setting(user):
    """Item 8: one Save button for the whole settings form; HTMX answers the sections with
    the save bar's status; a field's Required control is a switch named for the field."""
    form = await make_form(user, **demo_config())
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    settings = page.select_one("form#editor-settings")
    assert settings.has_attr("data-unsaved-warning")
    saves = page.select("#editor-settings button[type=submit]")
    assert [b.get_text(strip=True) for b in saves] == ["Save changes"]
    assert not page.select(".card form button[type=submit]:-soup-contains('Save')")
    assert [i["value"] for i in settings.select("input[name=_section]")] == [
        "details",
        "agent",
        "auto",
        "security",
        "response",
        "partials",
        "steps",
    ]
    assert page.select_one(".save-bar [role=status] #save-status").get_text(strip=True) == ""
    for switch in page.select("#sec-fields [role=switch]"):
        assert switch["aria-checked"] in ("true", "false")
        assert switch["aria-label"].endswith(" required")
    data = {
        "_section": ["details", "agent", "response"],
        "name": "Demo v3",
        "slug": form["slug"],
        "type": "sales",
        "flow_id": "sales_lead",
        "instructions": "Be brief",
        "autonomy_level": "1",
        "allowed_actions": ["qualify_lead"],
        "thank_you_message": "Thanks a lot",
    }
    r = await user.post_form(f"/forms/{form['id']}/settings", data, htmx=True)
    assert r.status_code == 200
    html = soup(r)
    status = html.select_one("#save-status[hx-swap-oob]")
    assert status.get_text(strip=True) == "✓ All changes saved"
    assert html.select_one("#sec-details #det-name")["value"] == "Demo v3"
    assert html.select_one("#form-preview[hx-swap-oob]")
    assert "Demo v3" in html.select_one("h1#form-title[hx-swap-oob]").get_text()
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert saved["name"] == "Demo v3" and saved["agent"]["instructions"] == "Be brief"
    assert saved["response"]["thank_you_message"] == "Thanks a lot"
    # one bad value: nothing of the post is saved, the status says so, the input is kept
    bad = dict(data, name="Demo v4", _section=["details", "response"], redirect_url="ftp://x")
    r = await user.post_form(f"/forms/{form['id']}/settings", bad, htmx=True)
    assert r.status_code == 422
    html = soup(r)
    assert "Not saved" in html.select_one("#save-status").get_text()
    assert html.select_one("#re-redirect_url-error")
    assert html.select_one("#det-name")["value"] == "Demo v4"
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["name"] == "Demo v3"
    r = await user.post_form(f"/forms/{form['id']}/settings", {"name": "x"}, htmx=True)
    assert r.status_code == 422


async def test_settings_sections(user):
    form = await make_form(user, **demo_config())
    base = f"/forms/{form['id']}/settings"
    r = await user.post_form(
        base,
        {
            "_section": "agent",
            "instructions": "Qualify and book",
            "autonomy_level": "2",
            "allowed_actions": ["qualify_lead", "book_meeting"],
        },
        htmx=True,
    )
    assert r.status_code == 200
    assert soup(r).select_one("#sec-agent input[type=range]")["value"] == "2"
    r = await user.post_form(
        base,
        {
            "_section": "security",
            "allowed_origins": "https://a.example\nnot an origin",
            "honeypot_field": "_hp",
            "max_submissions_per_ip": "10",
            "max_submissions_per_email": "5",
            "duplicate_window_minutes": "5",
        },
        htmx=True,
    )
    assert r.status_code == 422
    assert "is not an origin" in soup(r).select_one("#se-allowed_origins-error").get_text()
    assert "not an origin" in soup(r).select_one("#se-allowed_origins").get_text()
    r = await user.post_form(
        base,
        {"_section": "response", "thank_you_message": "Cheers!", "redirect_url": ""},
        htmx=True,
    )
    assert r.status_code == 200
    r = await user.post_form(
        base,
        {
            "_section": "details",
            "name": "Demo v2",
            "slug": "demo-v2",
            "description": "",
            "type": "sales",
            "flow_id": "booking_request",
            "assignment": "",
        },
        htmx=True,
    )
    assert r.status_code == 200
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert saved["agent"] == {
        "instructions": "Qualify and book",
        "autonomy_level": "semi_autonomous",
        "allowed_actions": ["qualify_lead", "book_meeting"],
    }
    assert saved["security"]["allowed_origins"] == []
    assert saved["response"]["thank_you_message"] == "Cheers!"
    assert saved["name"] == "Demo v2" and saved["flow_id"] == "booking_request"
    r = await user.post_form(
        base, {"_section": "details", "name": "X", "assignment": "handler:hdl_nope"}, htmx=True
    )
    assert r.status_code == 422 and soup(r).select_one("#det-assignment-error")


async def test_status_duplicate_archive(user):
    form = await make_form(user, **demo_config())
    r = await user.post_form(f"/forms/{form['id']}/status", {"status": "active"})
    assert r.status_code == 303
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["status"] == "active"
    r = await user.post_form(f"/forms/{form['id']}/duplicate")
    assert r.status_code == 303
    copy_id = r.headers["location"].rsplit("/", 1)[-1]
    copy = (await user.api.get(f"/api/forms/{copy_id}")).json()
    assert (
        copy["name"] == "Demo request (copy)"
        and copy["status"] == "draft"
        and copy["slug"] != form["slug"]
    )
    assert copy["fields"] == form["fields"]
    r = await user.post_form(f"/forms/{form['id']}/archive")
    assert r.status_code == 303 and r.headers["location"] == "/forms"
    assert (await user.api.get(f"/api/forms/{form['id']}")).json()["status"] == "archived"


async def test_viewer_cannot_edit(user, db):
    form = await make_form(user, **demo_config())
    await db.execute(
        "UPDATE memberships SET role = 'viewer' WHERE account_id = ?", (user.account_id,)
    )
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    assert not page.select("#sec-fields form") and page.select_one("#form-preview")
    for path, data in [
        (f"/forms/{form['id']}/fields", {"name": "x", "label": "X", "type": "text"}),
        (f"/forms/{form['id']}/fields/email/delete", {}),
        (f"/forms/{form['id']}/settings", {"_section": "agent", "instructions": "x"}),
        (f"/forms/{form['id']}/archive", {}),
        ("/forms/new", {"description": "a form"}),
    ]:
        r = await user.post_form(path, data)
        assert r.status_code == 403, path
    assert len((await user.api.get(f"/api/forms/{form['id']}")).json()["fields"]) == 6


async def test_other_workspace_editor_is_404(two_workspaces):
    alice, bob = two_workspaces
    form = await make_form(alice, **demo_config())
    assert (await bob.web.get(f"/forms/{form['id']}")).status_code == 404
    assert (await bob.web.get(f"/forms/{form['id']}/embed")).status_code == 404
    r = await bob.post_form(f"/forms/{form['id']}/fields/email/delete", htmx=True)
    assert r.status_code == 404


async def test_describe_refine_and_save(user, db):
    r = await user.post_form(
        "/forms/new",
        {"description": "A newsletter signup form for a design blog"},
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200, r.text
    html = soup(r)
    draft_input = html.select_one("#draft input[name=draft]")
    assert draft_input and html.select_one("#draft .preview form.fa-form input[name=email]")
    assert await db.fetchval("SELECT COUNT(*) FROM forms") == 0  # not saved until Save
    r = await user.post_form(
        "/forms/new",
        {
            "draft": draft_input["value"],
            "description": "newsletter",
            "instruction": "add a company field",
        },
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200
    html = soup(r)
    assert [li.get_text() for li in html.select(".draft-history li")] == ["add a company field"]
    r = await user.post_form(
        "/forms",
        {"draft": html.select_one("#draft input[name=draft]")["value"]},
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200 and r.headers["hx-redirect"].startswith("/forms/form_")
    assert await db.fetchval("SELECT status FROM forms") == "draft"


async def test_describe_needs_text(user):
    r = await user.post_form("/forms/new", {"description": "  "}, page="/forms/new", htmx=True)
    assert r.status_code == 422
    field = soup(r).select_one("#gen-description")
    assert field["aria-invalid"] == "true" and soup(r).select_one("#gen-description-error")
    r = await user.post_form("/forms", {"draft": ""}, page="/forms/new")
    assert r.status_code == 422


async def test_describe_and_the_api_share_the_description_limit(user):
    """One rule in the forms service: 4000 characters, the same message on the page and the API."""
    message = "Keep the description under 4000 characters."
    long = "a" * 4001
    r = await user.post_form("/forms/new", {"description": long}, page="/forms/new", htmx=True)
    assert r.status_code == 422
    assert soup(r).select_one("#gen-description-error").get_text(strip=True) == message
    r = await user.api.post("/api/forms/generate", json={"description": long})
    assert r.status_code == 422 and r.json()["error"]["fields"] == {"description": message}


async def test_embed_page(user):
    form = await make_form(user, **demo_config(status="active"))
    page = soup(await user.web.get(f"/forms/{form['id']}/embed"))
    snippet = page.select_one("#embed-snippet").get_text()
    assert f'data-formagent="{form["id"]}"' in snippet and "/embed.js?v=" in snippet
    assert page.select_one("button[data-copy='#embed-snippet']")
    assert page.select_one("#hosted-url")["value"].endswith(f"/f/{form['id']}")
    assert page.select_one(".preview form.fa-form input[name=email]")


async def test_last_field_of_a_live_form_cannot_go(user):
    form = await make_form(
        user, **demo_config(status="active", fields=[{"name": "email", "type": "email"}])
    )
    r = await user.post_form(f"/forms/{form['id']}/fields/email/delete", htmx=True)
    assert r.status_code == 422
    html = soup(r)
    assert "at least one field" in html.select_one("#fields-error").get_text()
    assert field_names(html) == ["email"]


async def test_describe_shows_llm_failures_inline(app, user):
    from app.services.llm import LLMUnavailable

    async def down(description, draft=None, *, workspace_id=None):
        raise LLMUnavailable()

    app.state.llm.generate_form = down
    r = await user.post_form(
        "/forms/new", {"description": "A webinar signup"}, page="/forms/new", htmx=True
    )
    assert r.status_code == 422
    assert "unavailable" in soup(r).select_one("#gen-description-error").get_text()
    assert soup(r).select_one("#gen-description").get_text() == "A webinar signup"


async def test_drag_and_drop_order(user):
    form = await make_form(user, **demo_config())
    order = ["consent", "email", "name", "company", "budget", "message"]
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    assert [i["value"] for i in page.select("#field-order input[name=order]")] == [
        "email",
        "name",
        "company",
        "budget",
        "message",
        "consent",
    ]
    r = await user.post_form(f"/forms/{form['id']}/fields/order", {"order": order}, htmx=True)
    assert r.status_code == 200 and field_names(soup(r)) == order
    r = await user.post_form(f"/forms/{form['id']}/fields/order", {"order": order[:3]}, htmx=True)
    assert (
        r.status_code == 422
        and "changed meanwhile" in soup(r).select_one("#fields-error").get_text()
    )
    assert [
        f["name"] for f in (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"]
    ] == order


async def test_assignment_lists_this_workspace_handlers_and_groups(two_workspaces):
    alice, bob = two_workspaces
    r = await alice.api.post(
        "/api/handlers", json={"type": "human", "name": "Sam Sales", "email": "sam@alice.example"}
    )
    assert r.status_code == 201, r.text
    handler_id = r.json()["id"]
    r = await alice.api.post("/api/handler-groups", json={"name": "Sales team"})
    assert r.status_code == 201, r.text
    group_id = r.json()["id"]
    bob_handler = (
        await bob.api.post(
            "/api/handlers", json={"type": "human", "name": "Bob's", "email": "b@bob.example"}
        )
    ).json()["id"]
    form = await make_form(alice, **demo_config())
    page = soup(await alice.web.get(f"/forms/{form['id']}"))
    values = [o["value"] for o in page.select("#det-assignment option")]
    assert values == ["", f"handler:{handler_id}", f"group:{group_id}"]
    r = await alice.post_form(
        f"/forms/{form['id']}/settings",
        {
            "_section": "details",
            "name": "Demo",
            "slug": "demo",
            "type": "sales",
            "flow_id": "sales_lead",
            "assignment": f"group:{group_id}",
        },
        htmx=True,
    )
    assert r.status_code == 200
    assert soup(r).select_one("#det-assignment option[selected]")["value"] == f"group:{group_id}"
    assert (await alice.api.get(f"/api/forms/{form['id']}")).json()["assignment"] == {
        "type": "group",
        "id": group_id,
    }
    r = await alice.post_form(
        f"/forms/{form['id']}/settings",
        {"_section": "auto", "notify_handler_ids": [handler_id, bob_handler]},
        htmx=True,
    )
    assert r.status_code == 422
    assert "No handler" in soup(r).select_one("#sec-auto .has-error .error").get_text()
    r = await alice.api.put(
        f"/api/forms/{form['id']}", json={"assignment": {"type": "handler", "id": bob_handler}}
    )
    assert r.status_code == 422 and "No handler" in r.json()["error"]["fields"]["assignment"]


async def test_list_counts_submissions_and_conversion(user, client):
    form = await make_form(user, **demo_config(status="active"))
    for _ in range(4):
        await client.post(f"/api/forms/{form['id']}/beacon", json={"type": "view"})
    for i in range(2):
        r = await client.post(
            f"/api/submissions/{form['id']}",
            json={"email": f"p{i}@example.net", "name": f"P {i}", "consent": True},
        )
        assert r.status_code == 201, r.text
    cells = [
        td.get_text(strip=True) for td in soup(await user.web.get("/forms")).select("tbody tr td")
    ]
    assert cells[2:5] == ["2", "4", "50.0%"]
    stats = (await user.api.get(f"/api/forms/{form['id']}")).json()["stats"]
    assert stats == {"submissions": 2, "views": 4, "starts": 0, "conversion": 0.5}


async def test_the_draft_shows_the_limits_a_refinement_set(user):
    r = await user.post_form(
        "/forms/new",
        {"description": "Catering enquiry: company, email, number of people, photos of the venue"},
        page="/forms/new",
        htmx=True,
    )
    draft = soup(r).select_one("#draft input[name=draft]")["value"]
    r = await user.post_form(
        "/forms/new",
        {
            "draft": draft,
            "description": "catering",
            "instruction": "number of people must be between 10 and 200, allow up to 3 photos "
            "and only allow business emails",
        },
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200, r.text
    html = soup(r)
    rows = {
        tr.select("td")[0].contents[0].strip(): tr.select("td")[2].get_text()
        for tr in html.select("#draft table tbody tr")
    }
    assert rows["Number of people"] == "10 to 200"
    assert rows["Photos of the venue"] == "up to 3 files"
    assert "work addresses only" in html.select_one("#draft-h + p.muted").get_text()


async def test_the_draft_names_field_types_in_words_and_marks_required_fields(user):
    r = await user.post_form(
        "/forms/new",
        {"description": "Contact form: name, email, message, which services (design, build)"},
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200, r.text
    rows = soup(r).select("#draft table tbody tr")
    types = {tr.select("td")[0].contents[0].strip(): tr.select("td")[1].get_text() for tr in rows}
    assert types["Email"] == "Email"
    assert "Long text" in types.values() and "Multiple choice" in types.values(), types
    assert not {"textarea", "multiselect", "text"} & set(types.values()), types
    required = {
        tr.select("td")[0].contents[0].strip() for tr in rows if tr.select_one("td .badge-required")
    }
    assert "Email" in required and len(required) < len(rows)
    headers = [th.get_text() for th in soup(r).select("#draft table thead th")]
    assert headers == ["Field", "Type", "Answers"]


async def test_the_refine_hint_names_the_drafts_own_fields(user):
    """Under "Change something" the examples are drawn from this draft, not a B2B demo's
    fields: a wedding enquiry is never told to "remove the company field"."""
    r = await user.post_form(
        "/forms/new",
        {"description": "Wedding photography enquiry: names, email, wedding date, venue"},
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200, r.text
    hint = soup(r).select_one("#draft form .help, #draft form [id$=-help]").get_text()
    assert "For example:" in hint and "Venue" in hint, hint
    assert "company" not in hint.lower() and "$10K" not in hint


async def test_the_refine_box_takes_a_note_of_several_lines(user):
    """A marketer pastes a note of changes, one per line; each is applied."""
    r = await user.post_form(
        "/forms/new",
        {"description": "IT helpdesk ticket: your name, department, what's the issue, asset tag"},
        page="/forms/new",
        htmx=True,
    )
    html = soup(r)
    assert html.select_one("#draft textarea[name=instruction]")
    r = await user.post_form(
        "/forms/new",
        {
            "draft": html.select_one("#draft input[name=draft]")["value"],
            "description": "IT helpdesk ticket",
            "instruction": "Thanks! A few things:\n- remove the asset tag\n- department should be required",
        },
        page="/forms/new",
        htmx=True,
    )
    assert r.status_code == 200, r.text
    rows = [tr.get_text(" ", strip=True) for tr in soup(r).select("table.draft-table tbody tr")]
    assert not any("Asset tag" in row for row in rows), rows
    assert any(row.startswith("Department") and "Required" in row for row in rows), rows
