"""The optimisation assistant (SPEC §10): suggestions computed from what visitors sent
through the public endpoint (with the interactions embed.js sends) and the beacon;
evidence with sample sizes; minimum samples; dismiss remembered per workspace;
"Apply to editor" as an unsaved edit that saving applies."""

from __future__ import annotations

from tests.factory import make_deal, make_form, submitted
from tests.helpers import User, soup
from tests.helpers_accounts import join_as
from tests.helpers_agents import CFO_LEAD, ScriptedEngine, make_agent_form, submit_and_process

FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "phone", "type": "text", "label": "Phone"},
    {"name": "budget", "type": "text", "label": "Budget", "required": True},
]


async def _form(user) -> dict:
    return await make_form(user, fields=FIELDS, security={"max_submissions_per_ip": 1000})


async def _visitors(user, form_id: str, count: int, *, start: int = 0, phone_every: int = 5):
    """``count`` senders: every one focuses Phone, one in ``phone_every`` answers it;
    each spends 30 s on Budget and 2 s on the others."""
    for i in range(start, start + count):
        phone = i % phone_every == 0
        data = {"email": f"lead{i}@example.com", "name": f"Lead {i}", "budget": "10k"}
        if phone:
            data["phone"] = "+1 555 0100"
        data["_interactions"] = {
            "email": {"focused": True, "filled": True, "time_ms": 2000},
            "name": {"focused": True, "filled": True, "time_ms": 2000},
            "phone": {"focused": True, "filled": phone, "time_ms": 2000},
            "budget": {"focused": True, "filled": True, "time_ms": 30000},
        }
        await submitted(user, form_id, data)


async def _starts(user, form_id: str, count: int):
    for _ in range(count):
        r = await user.web.post(f"/api/forms/{form_id}/beacon", json={"type": "start"})
        assert r.status_code == 204


async def _listed(user, form_id: str) -> list[dict]:
    r = await user.api.get(f"/api/analytics/forms/{form_id}/suggestions")
    assert r.status_code == 200, r.text
    assert r.json()["next_cursor"] is None
    return r.json()["data"]


async def _busy_form(user) -> tuple[dict, list[dict]]:
    form = await _form(user)
    await _starts(user, form["id"], 100)
    await _visitors(user, form["id"], 40)
    return form, await _listed(user, form["id"])


async def test_suggestions_from_field_stats_carry_their_evidence_and_change(user):
    form, found = await _busy_form(user)
    assert [(s["kind"], s["field"]) for s in found] == [
        ("make_optional", "budget"),
        ("remove_field", "phone"),
    ]
    budget, phone = found
    assert budget["title"] == "Make “Budget” optional: it holds visitors up"
    assert budget["evidence"] == [
        "60 % of the visitors who started the form left without sending it (n=100).",
        "They spend 30 s on average on “Budget”, the slowest question (n=40).",
    ]
    assert budget["change"] == {"op": "set_required", "field": "budget", "required": False}
    assert budget["sample"] == 100
    assert phone["evidence"] == [
        "Only 20 % of the people who sent the form answered “Phone” (n=40).",
        "80 % of the visitors who clicked into “Phone” left it empty (n=40).",
    ]
    assert phone["change"] == {"op": "delete_field", "field": "phone"}
    assert phone["id"].startswith("sugg_") and len(phone["id"]) == 21

    page = soup(await user.web.get(f"/forms/{form['id']}"))
    items = page.select("#suggestions li.suggestion")
    assert [li["data-kind"] for li in items] == ["make_optional", "remove_field"]
    assert "(n=100)" in items[0].select_one(".evidence").text
    assert (
        items[1]
        .select_one("a.btn-primary")["href"]
        .endswith(f"/forms/{form['id']}?suggestion={phone['id']}#pending-change")
    )


async def test_no_suggestion_below_the_minimum_sample(user):
    form = await _form(user)
    await _starts(user, form["id"], 100)
    await _visitors(user, form["id"], 29)
    assert await _listed(user, form["id"]) == []
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    assert "No suggestions right now" in page.select_one("#suggestions").text
    await _visitors(user, form["id"], 1, start=29)
    assert [s["kind"] for s in await _listed(user, form["id"])] == [
        "make_optional",
        "remove_field",
    ]


async def test_dismiss_is_remembered_and_scoped_to_the_workspace(app, user):
    form, found = await _busy_form(user)
    phone = found[1]
    other = await User.signup(app, "bob@example.org", name="Bob", workspace="Bob Inc")
    r = await other.post_form(f"/forms/{form['id']}/suggestions/{phone['id']}/dismiss", {})
    assert r.status_code == 404
    r = await other.api.get(f"/api/analytics/forms/{form['id']}/suggestions")
    assert r.status_code == 404

    r = await user.post_form(f"/forms/{form['id']}/suggestions/{phone['id']}/dismiss", {})
    assert r.status_code == 303 and r.headers["location"].endswith(
        f"/forms/{form['id']}#suggestions"
    )
    assert [s["field"] for s in await _listed(user, form["id"])] == ["budget"]
    # One more visitor like the others does not change the evidence materially.
    await _visitors(user, form["id"], 1, start=41)
    assert [s["field"] for s in await _listed(user, form["id"])] == ["budget"]

    # HTMX: the panel comes back without the dismissed suggestion.
    csrf = await user.csrf(f"/forms/{form['id']}")
    r = await user.web.post(
        f"/forms/{form['id']}/suggestions/{found[0]['id']}/dismiss",
        data={"csrf_token": csrf},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200
    panel = soup(r)
    assert panel.select("li.suggestion") == [] and "dismissed" in panel.text
    # Dismissing again: it no longer applies.
    r = await user.api.post(
        f"/api/analytics/forms/{form['id']}/suggestions",
        json={"suggestion_id": phone["id"], "action": "dismiss"},
    )
    assert r.status_code == 404


async def test_dismissed_suggestion_returns_when_the_sample_doubles(user):
    form, found = await _busy_form(user)
    r = await user.api.post(
        f"/api/analytics/forms/{form['id']}/suggestions",
        json={"suggestion_id": found[1]["id"], "action": "dismiss"},
    )
    assert r.status_code == 200 and r.json()["id"] == found[1]["id"]
    await _visitors(user, form["id"], 40, start=40)
    # 80 senders for 100 starts: Budget no longer holds anyone up; Phone is back.
    assert [s["field"] for s in await _listed(user, form["id"])] == ["phone"]


async def test_apply_opens_an_unsaved_edit_and_saving_applies_it(user):
    form, found = await _busy_form(user)
    budget = found[0]
    r = await user.web.get(f"/forms/{form['id']}?suggestion={budget['id']}")
    assert r.status_code == 200
    page = soup(r)
    banner = page.select_one("#pending-change")
    assert "Unsaved change: Make “Budget” optional" in banner.text
    preview = page.select_one("#form-preview [name=budget]")
    assert not preview.has_attr("required")
    assert page.select_one("#field-budget .badge-required") is None
    assert page.select_one("#field-budget .badge-changed").text == "unsaved change"
    assert not page.select("#sec-fields form")  # edit controls wait until it is saved or discarded
    # Nothing is saved yet.
    stored = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert next(f for f in stored["fields"] if f["name"] == "budget")["required"] is True

    save = banner.select_one("form")
    r = await user.post_form(save["action"], {})
    assert r.status_code == 303
    stored = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert next(f for f in stored["fields"] if f["name"] == "budget")["required"] is False
    assert "budget" not in [s["field"] for s in await _listed(user, form["id"])]

    # The API applies directly: the phone field goes.
    r = await user.api.post(
        f"/api/analytics/forms/{form['id']}/suggestions",
        json={"suggestion_id": found[1]["id"], "action": "apply"},
    )
    assert r.status_code == 200
    assert [f["name"] for f in r.json()["fields"]] == ["email", "name", "budget"]


async def test_viewer_sees_suggestions_but_cannot_dismiss_or_apply(app, user):
    form, found = await _busy_form(user)
    viewer = await join_as(app, user, "vera@example.com", "viewer")
    assert len(await _listed(viewer, form["id"])) == 2
    page = soup(await viewer.web.get(f"/forms/{form['id']}"))
    assert page.select("#suggestions li.suggestion") and not page.select("#suggestions form")
    r = await viewer.post_form(f"/forms/{form['id']}/suggestions/{found[1]['id']}/dismiss", {})
    assert r.status_code == 403
    r = await viewer.api.post(
        f"/api/analytics/forms/{form['id']}/suggestions",
        json={"suggestion_id": found[1]["id"], "action": "dismiss"},
    )
    assert r.status_code == 403
    r = await viewer.web.get(f"/forms/{form['id']}?suggestion={found[1]['id']}")
    assert r.status_code == 403
    assert len(await _listed(user, form["id"])) == 2


async def test_bad_actions_are_422(user):
    form = await _form(user)
    url = f"/api/analytics/forms/{form['id']}/suggestions"
    r = await user.api.post(url, json={"suggestion_id": "sugg_x", "action": "explode"})
    assert r.status_code == 422
    r = await user.api.post(url, json={"suggestion_id": "sugg_0000000000000000", "action": "apply"})
    assert r.status_code == 404 and "no longer applies" in r.json()["error"]["message"]


async def test_a_field_whose_answer_goes_with_deals_should_be_required(user):
    fields = [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "company", "type": "text", "label": "Company"},
    ]
    form = await make_form(user, fields=fields, security={"max_submissions_per_ip": 1000})
    for i in range(50):
        data = {"email": f"buyer{i}@example.com"}
        if i % 2 == 0:
            data["company"] = f"Company {i}"
        sid = await submitted(user, form["id"], data)
        # 10 of the 25 who named their company became deals; 2 of the 25 who did not.
        if (i % 2 == 0 and i < 20) or i in (1, 3):
            await make_deal(user, source_submission_id=sid, amount=1000)
    found = await _listed(user, form["id"])
    assert [(s["kind"], s["field"]) for s in found] == [("make_required", "company")]
    assert found[0]["evidence"] == [
        "40 % of the leads who answered “Company” became deals (n=25), against 8 % of those "
        "who did not (n=25)."
    ]
    assert found[0]["change"] == {"op": "set_required", "field": "company", "required": True}


async def test_reviewers_notes_on_rejected_drafts_become_agent_instructions(app, user):
    form = await make_agent_form(user, autonomy="draft", instructions="Be brief.")
    drafts = []
    for i in range(10):
        sid = await submit_and_process(
            app, user, form["id"], {**CFO_LEAD, "email": f"cfo{i}@big.com"}
        )
        drafts.append(
            await app.state.db.fetchval("SELECT id FROM drafts WHERE submission_id = ?", (sid,))
        )
    notes = ["Too pushy", "Too pushy", "Mention pricing", "Too pushy"]
    for draft_id, note in zip(drafts, notes, strict=False):
        r = await user.api.post(f"/api/drafts/{draft_id}/reject", json={"note": note})
        assert r.status_code == 200, r.text
    for draft_id in drafts[len(notes) :]:
        assert (await user.api.post(f"/api/drafts/{draft_id}/approve", json={})).status_code == 200
    found = await _listed(user, form["id"])
    assert [s["kind"] for s in found] == ["change_instructions"]
    assert found[0]["evidence"] == [
        "Reviewers rejected 40 % of the agent's drafts for this form (n=10).",
        "Their most frequent notes: Too pushy; Mention pricing.",
    ]
    page = soup(await user.web.get(f"/forms/{form['id']}?suggestion={found[0]['id']}"))
    assert "Reviewers have asked: Too pushy; Mention pricing." in page.select_one("#sec-agent").text
    r = await user.post_form(page.select_one("#pending-change form")["action"], {})
    assert r.status_code == 303
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()["agent"]["instructions"]
    assert saved == "Be brief.\n\nReviewers have asked: Too pushy; Mention pricing."


async def test_escalations_naming_an_optional_field_make_it_required(app, user):
    form = await make_agent_form(user, allowed=["qualify_lead", "escalate"])
    form["security"]["max_submissions_per_ip"] = 1000
    r = await user.api.put(f"/api/forms/{form['id']}", json=form)
    assert r.status_code == 200, r.text
    qualify = {"action": "qualify_lead", "details": {"score": "medium", "reason": "ok", "tags": []}}

    def plan(*actions):
        return {"reasoning": "r", "actions": list(actions), "contact_updates": {"tags_add": []}}

    def escalate(reason):
        return plan({"action": "escalate", "details": {"reason": reason}})

    plans = [escalate("No budget given") for _ in range(10)]
    plans += [escalate("Budget unclear") for _ in range(2)]
    plans += [plan(qualify) for _ in range(18)]
    app.state.llm = ScriptedEngine(*plans)
    for i in range(30):
        data = {**CFO_LEAD, "email": f"lead{i}@bigcorp.com"}
        if i < 12:
            data.pop("budget")
        await submit_and_process(app, user, form["id"], data)
    found = await _listed(user, form["id"])
    assert [(s["kind"], s["field"]) for s in found] == [("make_required", "budget")]
    assert found[0]["evidence"] == [
        "The agent handed 40 % of the submissions to a person (n=30).",
        "12 of those 12 escalations name “Budget”: “No budget given” (10); “Budget unclear” (2).",
    ]


async def test_a_field_nobody_answers_says_so(user):
    form = await _form(user)
    await _visitors(user, form["id"], 30, start=1, phone_every=1000)
    phone = next(s for s in await _listed(user, form["id"]) if s["field"] == "phone")
    assert phone["evidence"] == [
        "None of the people who sent the form answered “Phone” (n=30).",
        "100 % of the visitors who clicked into “Phone” left it empty (n=30).",
    ]


async def test_field_numbers_read_the_latest_submissions_only(user, monkeypatch, freeze_clock):
    from app.services.analytics import suggestion_data

    monkeypatch.setattr(suggestion_data, "SAMPLE", 30)
    form = await _form(user)
    await _visitors(user, form["id"], 10, phone_every=1)  # older: all answered Phone
    freeze_clock.advance(minutes=5)
    await _visitors(user, form["id"], 30, start=10, phone_every=1000)  # latest: none did
    phone = next(s for s in await _listed(user, form["id"]) if s["field"] == "phone")
    assert phone["evidence"][0] == "None of the people who sent the form answered “Phone” (n=30)."


async def test_a_stale_or_unsavable_change_is_explained(user):
    fields = [{"name": "note", "type": "text", "label": "Note"}]
    form = await make_form(user, fields=fields, security={"max_submissions_per_ip": 1000})
    for i in range(30):
        await submitted(user, form["id"], {"note": "hi"} if i == 0 else {})
    (remove,) = await _listed(user, form["id"])
    r = await user.post_form(f"/forms/{form['id']}/suggestions/{remove['id']}/apply", {})
    assert r.status_code == 303
    page = await user.web.get(r.headers["location"])
    flash = soup(page).select_one(".flash-error").text
    assert flash.startswith("The change was not saved: "), flash
    assert [
        f["name"] for f in (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"]
    ] == ["note"]
