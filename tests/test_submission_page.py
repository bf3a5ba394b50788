"""The submission page and its API twin (issue 14 item 7): ``created_entities`` lists
everything the flow or the agent made (contact, deal, ticket/task, emails, notes,
activity), each with a label and a link; the page reads like a product — field
labels, the lead score up top, the agent's email readable, the timeline in sentences,
no None/False/raw milliseconds."""

from __future__ import annotations

import re

from tests.factory import make_form, submitted
from tests.helpers import drain_jobs, soup
from tests.helpers_agents import CFO_LEAD, ScriptedEngine, make_agent_form, submit_and_process

RAW = re.compile(r"\bNone\b|\bFalse\b|\bTrue\b|\d+ ms\b")


def by_type(entities: dict) -> dict:
    out = {}
    for item in entities["items"]:
        out.setdefault(item["type"], []).append(item)
    return out


async def test_a_flow_lists_its_contact_task_and_confirmation_email(app, user):
    form = await make_form(
        user, flow_id="direct_route", auto={"confirmation_template": "Hi {{name}}, thanks."}
    )
    sid = await submitted(user, form["id"], {"email": "dana@bigcorp.com", "name": "Dana Scully"})
    await drain_jobs(app)
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    created = item["created_entities"]
    kinds = by_type(created)
    # the documented keys stay, the new ones are added
    assert created["task_id"] == kinds["task"][0]["id"]
    assert created["contact_id"] == item["contact_id"] and created["emails"]
    assert {"contact", "task", "email"} <= set(kinds)
    assert kinds["contact"][0]["label"] == "New contact: Dana Scully"
    assert kinds["contact"][0]["url"] == f"http://testserver/contacts/{item['contact_id']}"
    assert kinds["task"][0]["url"] == "http://testserver/work#tasks"
    [mail] = kinds["email"]
    assert mail["url"] == f"http://testserver/outbox/{mail['id']}"
    assert "dana@bigcorp.com" in mail["label"] and "We received your message" in mail["label"]
    # the list answers the same
    listed = (await user.api.get("/api/submissions")).json()["data"][0]["created_entities"]
    assert [i["id"] for i in listed["items"]] == [i["id"] for i in created["items"]]


async def test_the_agent_s_deal_and_email_and_the_flow_s_activity_are_listed(app, user):
    form = await make_agent_form(user, autonomy="fully_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    created = (await user.api.get(f"/api/submissions/{sid}")).json()["created_entities"]
    kinds = by_type(created)
    [deal] = kinds["deal"]
    assert created["deal_id"] == deal["id"] and deal["created"] is True
    assert deal["url"] == f"http://testserver/deals/{deal['id']}" and "$50,000" in deal["label"]
    agent_mail = [e for e in kinds["email"] if "jane.cfo@bigcorp.com" in e["label"]]
    assert agent_mail, kinds["email"]
    assert {"contact", "company", "activity"} <= set(kinds)
    assert created["company_id"] == kinds["company"][0]["id"]
    assert created["activity_id"] == kinds["activity"][0]["id"]
    assert kinds["activity"][0]["url"] == f"http://testserver/contacts/{created['contact_id']}"

    page = soup(await user.web.get(f"/submissions/{sid}"))
    links = {a["href"] for a in page.select("#created a")}
    assert f"/deals/{deal['id']}" in links
    assert f"/contacts/{created['contact_id']}" in links
    assert any(h.startswith("/outbox/email_") for h in links)


async def test_a_deal_with_no_amount_given_is_opened_not_worth_zero(app, user):
    form = await make_agent_form(user, autonomy="fully_autonomous")
    lead = {k: v for k, v in CFO_LEAD.items() if k != "budget"} | {
        "message": "We need a demo this month: 40 finance staff, replacing spreadsheets."
    }
    sid = await submit_and_process(app, user, form["id"], lead)
    page = soup(await user.web.get(f"/submissions/{sid}"))
    [deal] = [
        li.get_text(" ", strip=True)
        for li in page.select("#created li")
        if "Deal:" in li.get_text()
    ]
    assert "(open)" in deal and "$0" not in deal
    assert "$0" not in page.get_text() and "deal opened" in page.get_text()


async def test_a_support_ticket_made_by_the_flow_is_listed(app, user):
    form = await make_agent_form(user, flow="support_triage", autonomy="fully_autonomous")
    sid = await submit_and_process(
        app,
        user,
        form["id"],
        {"email": "sam@acme.io", "subject": "Login broken", "message": "help"},
    )
    created = (await user.api.get(f"/api/submissions/{sid}")).json()["created_entities"]
    [ticket] = by_type(created)["ticket"]
    assert created["ticket_id"] == ticket["id"] and ticket["label"].startswith("Ticket T")
    assert ticket["url"] == "http://testserver/work#tickets"


async def test_the_page_reads_like_a_product(app, user):
    form = await make_agent_form(user, autonomy="fully_autonomous")
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    r = await user.web.get(f"/submissions/{sid}")
    page = soup(r)
    main = page.select_one("main")
    text = main.get_text(" ", strip=True)
    for disclosure in main.select("details.small"):  # raw step details sit behind a disclosure
        disclosure.decompose()
    visible = main.get_text(" ", strip=True)
    assert not RAW.search(visible), RAW.search(visible)
    assert sid not in visible  # no bare id where a person reads

    # labels from the form, not keys
    answers = [dt.text for dt in page.select(".card dl.kv dt")]
    assert "Work email" in answers and "Job title" in answers and "job_title" not in answers
    # the lead score sits above the answers, with its reason
    score = page.select_one(".score-card")
    assert score is not None and "High" in score.select_one("h2").text
    assert score.select_one("p").text.strip()
    assert str(page).index("score-card") < str(page).index("Answers")
    # the agent's email: subject, recipient, status and the whole body
    message = next(m for m in page.select("#messages .message") if "jane.cfo@bigcorp.com" in m.text)
    sent = next(
        e
        for e in (await user.api.get(f"/api/submissions/{sid}")).json()["messages"]
        if e["to"] == "jane.cfo@bigcorp.com"
    )
    assert sent["subject"] in message.select_one("summary").text
    assert message.select_one(".badge").text.strip() in ("queued", "sent")
    assert message.select_one("pre.email-body").text.strip() == sent["body"].strip()
    # the timeline speaks in sentences and human durations
    steps = [li.select_one("span").text for li in page.select("#timeline > li")]
    assert "Received" in steps[0]
    assert any(s.startswith("The agent scored the lead high") for s in steps)
    assert any("created a deal" in s for s in steps)
    whens = " ".join(w.text for w in page.select("#timeline .when"))
    assert re.search(r"\+\d+(\.\d)? s", whens) and not re.search(r"\d+ ms", whens)
    assert "Processing started (sales lead flow)" in text


async def test_a_draft_approved_later_adds_its_ticket_and_note(app, user):
    form = await make_agent_form(user, autonomy="draft")
    app.state.llm = ScriptedEngine(
        {
            "reasoning": "Needs a ticket.",
            "actions": [{"action": "create_ticket", "details": {"title": "Set up SSO"}}],
            "contact_updates": {"tags_add": [], "notes": "Asked about SSO."},
        }
    )
    sid = await submit_and_process(app, user, form["id"], CFO_LEAD)
    before = by_type((await user.api.get(f"/api/submissions/{sid}")).json()["created_entities"])
    assert "ticket" not in before and "note" not in before  # nothing runs before approval
    draft = (await user.api.get("/api/drafts")).json()["data"][0]
    assert (await user.api.post(f"/api/drafts/{draft['id']}/approve", json={})).status_code == 200
    await drain_jobs(app)
    created = (await user.api.get(f"/api/submissions/{sid}")).json()["created_entities"]
    kinds = by_type(created)
    assert created["ticket_id"] == kinds["ticket"][0]["id"]
    assert "Set up SSO" in kinds["ticket"][0]["label"]
    [note] = kinds["note"]
    assert created["notes"] == [note["id"]]
    assert note["url"] == f"http://testserver/contacts/{created['contact_id']}"
