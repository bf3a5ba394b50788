"""Campaigns through the JSON API (SPEC §8, §12): CRUD, validation beside fields,
contacts (automatic through the email_marketing flow and by hand), performance,
and the flow's campaign + welcome steps end to end from a public submission."""

from __future__ import annotations

from app.db import loads
from tests.factory import make_contact, make_deal, make_form, make_viewer, submitted
from tests.helpers import drain_jobs

NEWSLETTER = {"flow_id": "email_marketing", "name": "Newsletter sign-up"}


async def make_campaign(user, **fields) -> dict:
    r = await user.api.post("/api/campaigns", json={"name": "Spring guide", **fields})
    assert r.status_code == 201, r.text
    return r.json()


async def test_create_get_update_delete(user):
    form = await make_form(user, **NEWSLETTER)
    camp = await make_campaign(
        user,
        type="content_download",
        inbound_form_ids=[form["id"]],
        contact_tags=["Guide ", "newsletter"],
        asset_url="https://acme.test/guide.pdf",
        asset_name="The buyer's guide",
        utm_campaign="spring-guide",
    )
    assert camp["id"].startswith("camp_") and camp["status"] == "active"
    assert camp["inbound_form_ids"] == [form["id"]]
    assert camp["contact_tags"] == ["guide", "newsletter"]
    assert camp["nurture_sequence_id"] is None
    assert camp["performance"] == {
        "submissions": 0,
        "contacts": 0,
        "deals": 0,
        "won_deals": 0,
        "revenue": 0,
        "pipeline": 0,
    }
    got = (await user.api.get(f"/api/campaigns/{camp['id']}")).json()
    assert got == camp
    # PUT takes the resource as GET returned it, with changes.
    r = await user.api.put(f"/api/campaigns/{camp['id']}", json={**got, "status": "paused"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "paused" and r.json()["asset_name"] == "The buyer's guide"
    listed = (await user.api.get("/api/campaigns", params={"status": "paused"})).json()
    assert [c["id"] for c in listed["data"]] == [camp["id"]] and listed["next_cursor"] is None
    assert (await user.api.get("/api/campaigns", params={"status": "active"})).json()["data"] == []
    assert (await user.api.delete(f"/api/campaigns/{camp['id']}")).status_code == 204
    assert (await user.api.get(f"/api/campaigns/{camp['id']}")).status_code == 404


async def test_bad_input_is_422_beside_the_field(user):
    r = await user.api.post(
        "/api/campaigns",
        json={
            "name": " ",
            "type": "spam",
            "contact_tags": "vip",
            "inbound_form_ids": "form_x",
            "colour": "red",
        },
    )
    assert r.status_code == 422
    fields = r.json()["error"]["fields"]
    assert set(fields) == {"name", "type", "contact_tags", "inbound_form_ids", "colour"}
    r = await user.api.post(
        "/api/campaigns",
        json={
            "name": "Guide",
            "asset_url": "javascript:alert(1)",
            "welcome_body": "Hi {{nickname}}",
            "contact_tags": ["x" * 60],
        },
    )
    assert r.status_code == 422
    fields = r.json()["error"]["fields"]
    assert set(fields) == {"asset_url", "welcome_body", "contact_tags"}
    assert "{{nickname}}" in fields["welcome_body"] and "https://" in fields["asset_url"]
    camp = await make_campaign(user)
    r = await user.api.put(f"/api/campaigns/{camp['id']}", json={"id": "camp_other"})
    assert r.status_code == 422 and "id" in r.json()["error"]["fields"]
    r = await user.api.put(f"/api/campaigns/{camp['id']}", json={"name": ["a"]})
    assert r.status_code == 422 and "name" in r.json()["error"]["fields"]


async def test_a_form_feeds_one_campaign(user):
    form = await make_form(user, **NEWSLETTER)
    await make_campaign(user, name="First", inbound_form_ids=[form["id"]])
    r = await user.api.post(
        "/api/campaigns", json={"name": "Second", "inbound_form_ids": [form["id"]]}
    )
    assert r.status_code == 422
    assert "First" in r.json()["error"]["fields"]["inbound_form_ids"]


async def test_other_workspaces_ids_are_404(two_workspaces):
    alice, bob = two_workspaces
    bob_form = await make_form(bob, **NEWSLETTER)
    bob_camp = await make_campaign(bob)
    bob_contact = await make_contact(bob, "b@bob.test")
    r = await alice.api.post(
        "/api/campaigns", json={"name": "Mine", "inbound_form_ids": [bob_form["id"]]}
    )
    assert r.status_code == 404 and "inbound_form_ids" in r.json()["error"]["fields"]
    for method, path, body in (
        ("GET", f"/api/campaigns/{bob_camp['id']}", None),
        ("PUT", f"/api/campaigns/{bob_camp['id']}", {"name": "x"}),
        ("DELETE", f"/api/campaigns/{bob_camp['id']}", None),
        ("GET", f"/api/campaigns/{bob_camp['id']}/contacts", None),
        ("POST", f"/api/campaigns/{bob_camp['id']}/contacts", {"email": "b@bob.test"}),
    ):
        r = await alice.api.request(method, path, json=body)
        assert r.status_code == 404, (method, path, r.text)
    mine = await make_campaign(alice)
    r = await alice.api.post(
        f"/api/campaigns/{mine['id']}/contacts", json={"contact_id": bob_contact["id"]}
    )
    assert r.status_code == 404 and "contact_id" in r.json()["error"]["fields"]
    assert (await bob.api.get(f"/api/campaigns/{bob_camp['id']}")).json()["name"] == "Spring guide"


async def test_viewer_reads_but_cannot_write(app, user):
    viewer = await make_viewer(app)
    r = await viewer.api.post("/api/campaigns", json={"name": "Nope"})
    assert r.status_code == 403
    assert (await viewer.api.get("/api/campaigns")).status_code == 200
    key = await user.create_api_key(["campaigns:read"])
    async with user.key_client(key) as reader:
        assert (await reader.get("/api/campaigns")).status_code == 200
        assert (await reader.post("/api/campaigns", json={"name": "x"})).status_code == 403
    await viewer.close()


async def test_manual_contacts_get_tags_and_can_be_removed(user):
    camp = await make_campaign(user, contact_tags=["vip"])
    c = await make_contact(user, "ann@acme.test", name="Ann Lee")
    r = await user.api.post(
        f"/api/campaigns/{camp['id']}/contacts", json={"email": "ANN@acme.test"}
    )
    assert r.status_code == 201, r.text
    assert r.json()["source"] == "manual" and r.json()["contact_id"] == c["id"]
    again = await user.api.post(
        f"/api/campaigns/{camp['id']}/contacts", json={"contact_id": c["id"]}
    )
    assert again.status_code == 200  # already in: nothing doubles
    assert (await user.api.get(f"/api/contacts/{c['id']}")).json()["tags"] == ["vip"]
    listed = (await user.api.get(f"/api/campaigns/{camp['id']}/contacts")).json()["data"]
    assert [m["email"] for m in listed] == ["ann@acme.test"]
    r = await user.api.post(f"/api/campaigns/{camp['id']}/contacts", json={"email": "who@x.test"})
    assert r.status_code == 422 and "email" in r.json()["error"]["fields"]
    r = await user.api.post(f"/api/campaigns/{camp['id']}/contacts", json={})
    assert r.status_code == 422
    gone = await user.api.delete(f"/api/campaigns/{camp['id']}/contacts/{c['id']}")
    assert gone.status_code == 204
    assert (await user.api.get(f"/api/campaigns/{camp['id']}/contacts")).json()["data"] == []
    again = await user.api.delete(f"/api/campaigns/{camp['id']}/contacts/{c['id']}")
    assert again.status_code == 404


async def test_signup_joins_the_campaign_and_gets_the_welcome_with_the_asset(app, user):
    form = await make_form(user, **NEWSLETTER)
    camp = await make_campaign(
        user,
        inbound_form_ids=[form["id"]],
        contact_tags=["ebook"],
        asset_url="https://acme.test/ebook.pdf",
        asset_name="the ebook",
        welcome_subject="Your copy, {{first_name|friend}}",
        welcome_body="Hi {{first_name|there}}, thanks for joining. Leave: {{unsubscribe_url}}",
    )
    sid = await submitted(user, form["id"], {"email": "zoe@reader.test", "name": "Zoe Park"})
    await drain_jobs(app)
    sub = (await user.api.get(f"/api/submissions/{sid}")).json()
    steps = {a["step"]: a for a in sub["actions"]}
    assert steps["campaign"]["status"] == "done" and steps["campaign"]["entity_id"] == camp["id"]
    assert steps["welcome_email"]["status"] == "done"
    contact = (await user.api.get(f"/api/contacts/{sub['contact_id']}")).json()
    assert contact["tags"] == ["ebook"]
    members = (await user.api.get(f"/api/campaigns/{camp['id']}/contacts")).json()["data"]
    assert [(m["email"], m["source"], m["submission_id"]) for m in members] == [
        ("zoe@reader.test", "submission", sid)
    ]
    emails = await app.state.db.fetchall(
        "SELECT * FROM emails WHERE submission_id = ? AND kind = 'marketing'", (sid,)
    )
    assert len(emails) == 1
    welcome = emails[0]
    assert welcome["to_addr"] == "zoe@reader.test" and welcome["subject"] == "Your copy, Zoe"
    assert "Hi Zoe, thanks for joining." in welcome["body_text"]
    assert "the ebook: https://acme.test/ebook.pdf" in welcome["body_text"]
    # The unsubscribe link is per recipient and made when the email is sent (mail.compose).
    assert "Leave: {{unsubscribe_url}}" in welcome["body_text"]
    assert loads(welcome["related"])["campaign_id"] == camp["id"]
    # Reprocessing never doubles the membership or the welcome.
    r = await user.api.post(f"/api/submissions/{sid}/reprocess")
    assert r.status_code in (200, 202), r.text
    await drain_jobs(app)
    assert (
        await app.state.db.fetchval(
            "SELECT COUNT(*) FROM emails WHERE submission_id = ? AND kind = 'marketing'", (sid,)
        )
        == 1
    )
    numbers = (await user.api.get(f"/api/campaigns/{camp['id']}")).json()["performance"]
    assert (numbers["submissions"], numbers["contacts"]) == (1, 1)


async def test_no_campaign_keeps_the_old_welcome_and_a_paused_campaign_takes_no_one(app, user):
    form = await make_form(user, **NEWSLETTER)
    camp = await make_campaign(user, inbound_form_ids=[form["id"]], status="paused")
    sid = await submitted(user, form["id"], {"email": "p@reader.test"})
    await drain_jobs(app)
    sub = (await user.api.get(f"/api/submissions/{sid}")).json()
    steps = {a["step"]: a for a in sub["actions"]}
    assert steps["campaign"]["status"] == "skipped"
    assert "no active campaign" in steps["campaign"]["details"]["reason"]
    assert steps["welcome_email"]["status"] == "skipped"  # no confirmation template either
    assert (await user.api.get(f"/api/campaigns/{camp['id']}/contacts")).json()["data"] == []


async def test_performance_counts_deals_opened_after_joining(app, user):
    form = await make_form(user, **NEWSLETTER)
    camp = await make_campaign(user, inbound_form_ids=[form["id"]])
    before = await make_contact(user, "early@x.test")
    await make_deal(user, name="Before joining", amount=999, contact_id=before["id"], stage="won")
    await user.api.post(f"/api/campaigns/{camp['id']}/contacts", json={"contact_id": before["id"]})
    sid = await submitted(user, form["id"], {"email": "new@x.test"})
    await drain_jobs(app)
    contact_id = (await user.api.get(f"/api/submissions/{sid}")).json()["contact_id"]
    await make_deal(user, name="Won", amount=1500.5, contact_id=contact_id, stage="won")
    await make_deal(user, name="Open", amount=200, contact_id=before["id"])
    numbers = (await user.api.get(f"/api/campaigns/{camp['id']}")).json()["performance"]
    assert numbers == {
        "submissions": 1,
        "contacts": 2,
        "deals": 2,
        "won_deals": 1,
        "revenue": 1500.5,
        "pipeline": 200,
    }


async def test_merging_two_members_of_one_campaign_keeps_one_membership(user):
    camp = await make_campaign(user)
    other_camp = await make_campaign(user, name="Other")
    keep = await make_contact(user, "keep@x.test")
    other = await make_contact(user, "other@x.test")
    for cid, contact in ((camp, keep), (camp, other), (other_camp, other)):
        r = await user.api.post(
            f"/api/campaigns/{cid['id']}/contacts", json={"contact_id": contact["id"]}
        )
        assert r.status_code == 201
    r = await user.api.post(f"/api/contacts/{keep['id']}/merge", json={"other_id": other["id"]})
    assert r.status_code == 200, r.text
    for c in (camp, other_camp):
        members = (await user.api.get(f"/api/campaigns/{c['id']}/contacts")).json()["data"]
        assert [m["contact_id"] for m in members] == [keep["id"]]


async def test_welcome_from_an_email_template_escapes_values_in_html(app, user):
    form = await make_form(user, **NEWSLETTER)
    r = await user.api.post(
        "/api/email-templates",
        json={
            "name": "Guide welcome",
            "subject": "Your guide, {{first_name|friend}}",
            "html": "<p>Hi {{name}}, <a href='{{asset_url}}'>{{company|your guide}}</a></p>",
        },
    )
    assert r.status_code == 201, r.text
    camp = await make_campaign(
        user,
        inbound_form_ids=[form["id"]],
        welcome_template_id=r.json()["id"],
        asset_url="https://acme.test/g.pdf",
        asset_name="Tips & tricks",
    )
    sid = await submitted(
        user, form["id"], {"email": "t@x.test", "name": "Tom <b>", "company": "Tips & tricks"}
    )
    await drain_jobs(app)
    email = await app.state.db.fetchone(
        "SELECT * FROM emails WHERE submission_id = ? AND kind = 'marketing'", (sid,)
    )
    assert email["subject"] == "Your guide, Tom"
    assert "Hi Tom &lt;b&gt;," in email["body_html"] and "Tips &amp; tricks" in email["body_html"]
    assert "https://acme.test/g.pdf" in email["body_html"] and "Tom <b>" in email["body_text"]
    assert loads(email["related"])["campaign_id"] == camp["id"]
    r = await user.api.post(
        "/api/campaigns", json={"name": "x", "welcome_template_id": "tmpl_nosuchtemplate00"}
    )
    assert r.status_code == 404 and "welcome_template_id" in r.json()["error"]["fields"]


async def test_signup_walks_campaign_welcome_then_the_nurture_sequence(app, user):
    form = await make_form(user, **NEWSLETTER)
    step = {"subject": "Day 2", "body": "Hi {{first_name|there}}", "delay_days": 2}
    r = await user.api.post("/api/sequences", json={"name": "Nurture", "steps": [step]})
    assert r.status_code == 201, r.text
    sequence_id = r.json()["id"]
    camp = await make_campaign(user, inbound_form_ids=[form["id"]], nurture_sequence_id=sequence_id)
    sid = await submitted(user, form["id"], {"email": "n@x.test", "name": "Nia"})
    await drain_jobs(app)
    actions = (await user.api.get(f"/api/submissions/{sid}")).json()["actions"]
    steps = [a["step"] for a in actions if a["status"] == "done"]
    assert steps.index("campaign") < steps.index("welcome_email") < steps.index("sequence")
    enrolled = (await user.api.get(f"/api/sequences/{sequence_id}/enrollments")).json()["data"]
    assert [(e["campaign_id"], e["submission_id"]) for e in enrolled] == [(camp["id"], sid)]
    # A paused campaign takes no one in: no membership, no welcome, no enrollment.
    await user.api.put(f"/api/campaigns/{camp['id']}", json={"status": "paused"})
    later = await submitted(user, form["id"], {"email": "m@x.test"})
    await drain_jobs(app)
    actions = (await user.api.get(f"/api/submissions/{later}")).json()["actions"]
    assert {a["step"]: a["status"] for a in actions}["sequence"] == "skipped"
    enrolled = (await user.api.get(f"/api/sequences/{sequence_id}/enrollments")).json()["data"]
    assert len(enrolled) == 1
    r = await user.api.put(
        f"/api/campaigns/{camp['id']}", json={"nurture_sequence_id": "seq_nosuchsequence0"}
    )
    assert r.status_code == 404 and "nurture_sequence_id" in r.json()["error"]["fields"]
