"""A person's data as JSON (SPEC §19): every section, from a history made through the
public surfaces; a download on the contact page; each export in the audit log."""

from __future__ import annotations

from tests.factory import make_deal, make_form, submitted
from tests.helpers import User, drain_jobs

SECTIONS = {
    "contact",
    "company",
    "submissions",
    "emails",
    "notes",
    "deals",
    "events",
    "partial_submissions",
    "consent_log",
    "uploaded_files",
}


async def _viewer_of(app, user) -> User:
    viewer = await User.signup(app, "vic@example.net", name="Vic Viewer", workspace="Vic Co")
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite",
        json={"email": viewer.email, "role": "viewer"},
    )
    assert r.status_code == 201, r.text
    await viewer.api.post("/api/auth/switch-workspace", json={"workspace_id": user.workspace_id})
    return viewer


async def test_export_holds_every_section_of_the_persons_data(app, user):
    form = await make_form(
        user, flow_id="sales_lead", auto={"confirmation_template": "Hi {{name}}, thanks."}
    )
    sub = await submitted(
        user,
        form["id"],
        {"email": "ana@lima.example", "name": "Ana Lima", "company": "Lima Co", "message": "Hi"},
    )
    await drain_jobs(app)
    contact_id = (await user.api.get(f"/api/submissions/{sub}")).json()["contact_id"]
    await user.api.post(f"/api/contacts/{contact_id}/notes", json={"body": "Met at the fair."})
    deal = await make_deal(user, name="Lima pilot", contact_id=contact_id, amount=900)

    r = await user.api.get(f"/api/contacts/{contact_id}/export")
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"] == f'attachment; filename="{contact_id}.json"'
    export = r.json()
    assert SECTIONS <= set(export)
    assert export["contact"]["email"] == "ana@lima.example"
    assert export["contact"]["touchpoints"], "the touchpoints travel with the contact"
    assert export["company"]["name"] == "Lima Co"
    assert [s["id"] for s in export["submissions"]] == [sub]
    assert export["submissions"][0]["data"]["message"] == "Hi"
    assert [e["to"] for e in export["emails"]] == ["ana@lima.example"]
    assert "Hi Ana Lima, thanks." in export["emails"][0]["text"]
    assert [n["body"] for n in export["notes"]] == ["Met at the fair."]
    assert [d["id"] for d in export["deals"]] == [deal["id"]]
    types = {e["type"] for e in export["events"]}
    assert {"submission_received", "contact_created", "note_added"} <= types
    assert export["consent_log"] == [] and export["uploaded_files"] == []

    trail = (await user.api.get("/api/audit-log")).json()["data"]
    assert (trail[0]["action"], trail[0]["target_id"]) == ("contact.exported", contact_id)


async def test_the_contact_page_offers_the_download_and_viewers_may_export(app, user):
    form = await make_form(user)
    sub = await submitted(user, form["id"], {"email": "kim@park.example", "name": "Kim Park"})
    await drain_jobs(app)
    contact_id = (await user.api.get(f"/api/submissions/{sub}")).json()["contact_id"]
    page = await user.web.get(f"/contacts/{contact_id}")
    link = f'href="/api/contacts/{contact_id}/export" download'
    assert link in page.text
    download = await user.web.get(f"/api/contacts/{contact_id}/export")
    assert download.status_code == 200 and download.json()["contact"]["name"] == "Kim Park"
    viewer = await _viewer_of(app, user)
    assert (await viewer.api.get(f"/api/contacts/{contact_id}/export")).status_code == 200
    assert "Erase…" not in (await viewer.api.get(f"/contacts/{contact_id}")).text
    assert (await viewer.api.post(f"/api/contacts/{contact_id}/erase")).status_code == 403
    await viewer.close()
