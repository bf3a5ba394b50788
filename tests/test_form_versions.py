"""Form versions (SPEC §17): a change to an active form's fields is a new version, drafts
edit in place, each submission records its version, and its page shows the labels (and
choices) that visitor saw, fields removed since included."""

from __future__ import annotations

from tests.factory import make_form, submitted
from tests.helpers import soup

FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "size", "type": "select", "label": "Team size", "options": ["1-10", "11-50"]},
    {"name": "phone", "type": "phone", "label": "Phone"},
]


def answers(page) -> dict:
    return {
        div.select_one("dt").get_text(strip=True): div.select_one("dd").get_text(" ", strip=True)
        for div in page.select(".kv > div")
        if div.select_one("dt")
    }


async def versions(user, form_id: str) -> list[int]:
    r = await user.api.get(f"/api/forms/{form_id}/versions")
    assert r.status_code == 200, r.text
    return [v["version"] for v in r.json()["data"]]


async def test_submissions_keep_the_labels_their_visitor_saw(user):
    form = await make_form(user, name="Quote", fields=FIELDS)
    assert form["version"] == 1
    old = await submitted(
        user,
        form["id"],
        {"email": "ada@example.com", "company": "Engines", "size": "1-10", "phone": "+44 20 1234"},
    )
    renamed = [
        {**FIELDS[0]},
        {**FIELDS[1], "label": "Organisation"},
        {**FIELDS[2], "options": ["1-10", "11-50", "51+"]},
    ]  # phone removed
    r = await user.api.put(f"/api/forms/{form['id']}", json={"fields": renamed})
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2
    new = await submitted(
        user, form["id"], {"email": "li@example.com", "company": "Mills", "size": "51+"}
    )

    old_page = soup(await user.web.get(f"/submissions/{old}"))
    seen = answers(old_page)
    assert seen["Company"] == "Engines" and "Organisation" not in seen
    assert seen["Phone"] == "+44 20 1234"  # removed since, still shown under its label
    assert "Choices offered: 1-10 · 11-50" in seen["Team size"] and "51+" not in seen["Team size"]
    assert "version 1 of the form" in old_page.get_text()

    new_page = soup(await user.web.get(f"/submissions/{new}"))
    seen = answers(new_page)
    assert seen["Organisation"] == "Mills" and "Company" not in seen
    assert "51+" in seen["Team size"]

    r = await user.api.get(f"/api/submissions/{old}")
    assert r.json()["form_version"] == 1
    assert [f["label"] for f in r.json()["fields"]] == ["Email", "Company", "Team size", "Phone"]
    assert (await user.api.get(f"/api/submissions/{new}")).json()["form_version"] == 2
    listed = (await user.api.get(f"/api/forms/{form['id']}/versions")).json()["data"]
    assert [v["version"] for v in listed] == [2, 1]
    assert listed[1]["fields"][1]["label"] == "Company"


async def test_drafts_edit_in_place_and_activation_records_a_version(user):
    form = await make_form(user, name="Quote", fields=FIELDS, status="draft")
    r = await user.api.put(f"/api/forms/{form['id']}", json={"name": "Quote v2"})
    r = await user.api.put(
        f"/api/forms/{form['id']}", json={"fields": [{**FIELDS[0], "label": "Your email"}]}
    )
    assert r.json()["version"] == 1
    assert await versions(user, form["id"]) == []
    r = await user.api.put(f"/api/forms/{form['id']}", json={"status": "active"})
    assert r.json()["version"] == 1
    assert await versions(user, form["id"]) == [1]

    # edits that are not fields, steps or translations make no version
    r = await user.api.put(f"/api/forms/{form['id']}", json={"name": "Quote v3"})
    assert r.json()["version"] == 1
    # a paused form edits in place; going live again records what changed meanwhile
    await user.api.put(f"/api/forms/{form['id']}", json={"status": "paused"})
    r = await user.api.put(
        f"/api/forms/{form['id']}", json={"fields": [{**FIELDS[0], "label": "Work email"}]}
    )
    assert r.json()["version"] == 1
    r = await user.api.put(f"/api/forms/{form['id']}", json={"status": "active"})
    assert r.json()["version"] == 2
    assert await versions(user, form["id"]) == [2, 1]


async def test_the_version_is_read_only_in_the_api(user):
    form = await make_form(user, name="Quote", fields=FIELDS)
    current = (await user.api.get(f"/api/forms/{form['id']}")).json()
    current.pop("stats")
    r = await user.api.put(f"/api/forms/{form['id']}", json={**current, "version": 7})
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 1
    other = await user.api.get("/api/forms/form_doesnotexist0000/versions")
    assert other.status_code == 404
