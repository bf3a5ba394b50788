"""Drafts in a real browser: an agent's draft is edited and approved through the
HTMX swap (no navigation), and the agent board refreshes itself."""

import pytest

from tests.factory import browser_signup
from tests.helpers_agents import ALL_ACTIONS, CFO_LEAD, SALES_FIELDS


@pytest.mark.browser
def test_edit_and_approve_a_draft_in_place(live_server, page):
    url = live_server.url
    browser_signup(page, url, "alice@example.com", "Acme")
    form = page.request.post(
        url + "/api/forms",
        data={
            "name": "Demo request",
            "status": "active",
            "type": "sales",
            "flow_id": "sales_lead",
            "fields": SALES_FIELDS,
            "agent": {"autonomy_level": "draft", "allowed_actions": ALL_ACTIONS},
        },
    )
    assert form.status == 201, form.text()
    r = page.request.post(url + f"/api/submissions/{form.json()['id']}", data=CFO_LEAD)
    assert r.status == 201, r.text()

    for _ in range(100):  # the server's worker processes the submission
        page.goto(url + "/drafts")
        if page.locator("article.draft").count():
            break
        page.wait_for_timeout(100)
    card = page.locator("article.draft").first
    card.get_by_label("Subject").fill("A demo for BigCorp's finance team")
    card.locator("input[name=a1_keep]").uncheck()  # no deal yet
    card.get_by_role("button", name="Approve and run").click()
    page.wait_for_selector("article.draft .badge-approved")
    assert page.url == url + "/drafts"  # swapped in place by HTMX
    assert "Draft approved: 2 actions ran." in page.locator("article.draft").inner_text()

    approved = page.request.get(url + "/api/drafts?status=approved").json()["data"]
    assert [a["action"] for a in approved[0]["planned_actions"]] == ["qualify_lead", "send_email"]
    assert (
        approved[0]["planned_actions"][1]["details"]["subject"]
        == "A demo for BigCorp's finance team"
    )
    assert page.request.get(url + "/api/deals").json()["data"] == []
