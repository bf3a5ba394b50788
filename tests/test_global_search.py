"""The global search (top bar): a results page grouped by kind with counts that works
without JavaScript, HTMX suggestions, and nothing from another workspace."""

from __future__ import annotations

from tests.factory import make_contact, make_form, submitted
from tests.helpers import drain_jobs, soup


def _groups(response) -> dict[str, dict]:
    """{section label: {"count": text, "links": [(text, href)]}} of a results page or fragment."""
    out = {}
    for section in soup(response).select("section.search-group"):
        out[section["aria-label"]] = {
            "count": section.select_one(".count").get_text(strip=True),
            "links": [
                (a.select_one(".search-title").get_text(strip=True), a["href"])
                for a in section.select(".search-items a")
            ],
        }
    return out


async def _northwind_world(app, user):
    form = await make_form(user, name="Northwind demo request")
    await make_form(user, name="Newsletter")
    sub_id = await submitted(
        user,
        form["id"],
        {"email": "maria@northwind-traders.com", "name": "Maria Santos", "company": "Northwind"},
    )
    await drain_jobs(app)  # the processing job indexes the submitter's contact
    other = await make_contact(user, "li@contoso.io", name="Li Northwind-Wei")
    contact = (await user.api.get("/api/contacts", params={"q": "maria"})).json()["data"][0]
    return form, sub_id, contact, other


async def test_results_page_groups_every_kind_with_counts(app, user):
    form, sub_id, maria, other = await _northwind_world(app, user)
    r = await user.web.get("/search", params={"q": "northwind"})
    assert r.status_code == 200
    page = soup(r)
    assert page.select_one("h1").get_text(strip=True) == "Search"
    assert page.find("input", id="search-page-q")["value"] == "northwind"
    groups = _groups(r)
    assert list(groups) == ["Contacts", "Companies", "Forms", "Submissions"]
    assert groups["Contacts"]["count"] == "2"
    assert groups["Contacts"]["links"] == [  # both a whole word: the newest first
        ("Li Northwind-Wei", f"/contacts/{other['id']}"),  # a word of the name
        ("Maria Santos", f"/contacts/{maria['id']}"),  # a word of the email's domain
    ]
    assert groups["Companies"]["links"] == [("Northwind", f"/companies/{maria['company_id']}")]
    assert groups["Forms"]["links"] == [("Northwind demo request", f"/forms/{form['id']}")]
    assert groups["Submissions"]["links"] == [
        ("maria@northwind-traders.com", f"/submissions/{sub_id}")
    ]
    assert "5 results for “northwind”" in page.select_one(".search-summary").get_text()


async def test_submissions_by_the_start_or_any_part_of_the_email(app, user):
    _, sub_id, _, _ = await _northwind_world(app, user)
    for q in ("maria@", "MARIA@NORTH", "traders"):
        r = await user.web.get("/search", params={"q": q})
        links = _groups(r)["Submissions"]["links"]
        assert links == [("maria@northwind-traders.com", f"/submissions/{sub_id}")], q


async def test_nothing_found_and_empty_query(user):
    r = await user.web.get("/search", params={"q": "zzzz"})
    assert r.status_code == 200
    assert "Nothing matches “zzzz”" in r.text and _groups(r) == {}
    r = await user.web.get("/search")
    assert r.status_code == 200 and soup(r).find("input", id="search-page-q")["value"] == ""


async def test_htmx_gets_the_suggestions_fragment(app, user):
    await _northwind_world(app, user)
    r = await user.web.get("/search", params={"q": "north"}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and "<html" not in r.text
    assert r.headers["vary"] == "HX-Request"
    groups = _groups(r)
    assert set(groups) == {"Contacts", "Companies", "Forms", "Submissions"}
    more = soup(r).select_one("a.search-more[href^='/search']")
    assert more["href"] == "/search?q=north"
    status = soup(r).find(id="global-suggest-status")  # into the live status line
    assert status["hx-swap-oob"] == "innerHTML" and status.get_text() == "5 results for north"
    r = await user.web.get("/search", params={"q": ""}, headers={"HX-Request": "true"})
    assert soup(r).select(".search-suggest-panel, a") == []  # an emptied box closes them


async def test_top_bar_search_on_every_signed_in_page(user):
    for path in ("/", "/contacts", "/forms"):
        page = soup(await user.web.get(path))
        box = page.select_one("header.topbar form.global-search")
        assert box["method"] == "get" and box["action"] == "/search", path
        field = box.find("input", id="global-q")
        assert page.find("label", attrs={"for": "global-q"}) is not None
        assert field["name"] == "q" and field["aria-keyshortcuts"] == "/"
        assert field["hx-get"] == "/search"


async def test_another_workspaces_matches_never_appear(two_workspaces):
    alice, bob = two_workspaces
    await make_contact(bob, "secret@northwind-bob.io", name="Bob Northwind", company="Northwind")
    await make_form(bob, name="Northwind intake")
    mine = await make_contact(alice, "alice@northwind-alice.io", name="Ally")
    r = await alice.web.get("/search", params={"q": "northwind"})
    assert "bob" not in r.text.lower()
    groups = _groups(r)
    assert groups["Contacts"]["links"] == [("Ally", f"/contacts/{mine['id']}")]
    assert "Companies" not in groups and "Forms" not in groups
    api = (await alice.api.get("/api/contacts", params={"q": "northwind"})).json()["data"]
    assert [c["id"] for c in api] == [mine["id"]]
    r = await alice.web.get("/search", params={"q": "bob"}, headers={"HX-Request": "true"})
    assert "secret@" not in r.text and _groups(r) == {}
