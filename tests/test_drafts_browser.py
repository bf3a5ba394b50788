"""Drafts in a real browser: an agent's draft is opened from the compact list, edited
and approved through the HTMX swap (no navigation); several are approved at once from
the list with a confirmation that says how many."""

import pytest

from tests.factory import browser_signup
from tests.helpers_agents import ALL_ACTIONS, CFO_LEAD, SALES_FIELDS


def _agent_form(page, url) -> str:
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
    return form.json()["id"]


def _wait_for_rows(page, url, n: int):
    for _ in range(100):  # the server's worker processes the submissions
        page.goto(url + "/drafts")
        if page.locator("li.draft-row").count() >= n:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{n} drafts never appeared")


@pytest.mark.browser
def test_edit_and_approve_a_draft_in_place(live_server, page):
    url = live_server.url
    browser_signup(page, url, "alice@example.com", "Acme")
    form_id = _agent_form(page, url)
    r = page.request.post(url + f"/api/submissions/{form_id}", data=CFO_LEAD)
    assert r.status == 201, r.text()

    _wait_for_rows(page, url, 1)
    page.get_by_role("link", name="Jane Miller").click()
    draft_url = page.url
    card = page.locator("article.draft").first
    card.get_by_label("Subject").fill("A demo for BigCorp's finance team")
    card.locator("input[name=a1_keep]").uncheck()  # no deal yet
    card.get_by_role("button", name="Approve and run").click()
    page.wait_for_selector("article.draft .badge-approved")
    assert page.url == draft_url  # swapped in place by HTMX
    assert "Draft approved: 2 actions ran." in page.locator("article.draft").inner_text()

    approved = page.request.get(url + "/api/drafts?status=approved").json()["data"]
    assert [a["action"] for a in approved[0]["planned_actions"]] == ["qualify_lead", "send_email"]
    assert (
        approved[0]["planned_actions"][1]["details"]["subject"]
        == "A demo for BigCorp's finance team"
    )
    assert page.request.get(url + "/api/deals").json()["data"] == []


@pytest.mark.browser
def test_bulk_approve_from_the_list(live_server, page):
    url = live_server.url
    browser_signup(page, url, "alice@example.com", "Acme")
    form_id = _agent_form(page, url)
    for i in range(3):
        lead = {**CFO_LEAD, "email": f"lead{i}@bigcorp.com", "name": f"Lead {i}"}
        assert page.request.post(url + f"/api/submissions/{form_id}", data=lead).status == 201
    _wait_for_rows(page, url, 3)
    # keyboard: tick with Space, no mouse
    page.get_by_role("checkbox", name="Select Lead 0").focus()
    page.keyboard.press("Space")
    page.get_by_role("checkbox", name="Select Lead 2").check()
    assert page.locator("[data-picked-count]").inner_text() == "2 drafts selected"
    page.get_by_label("Note (required to reject; kept with each draft)").fill("Looks right")
    page.get_by_role("button", name="Approve selected…").click()
    page.wait_for_url(url + "/drafts/bulk")
    assert page.locator("h1").inner_text() == "Approve 2 drafts?"
    page.get_by_role("button", name="Approve 2 drafts").click()
    page.wait_for_url(url + "/drafts")
    assert "2 drafts approved" in page.locator("#flashes").inner_text()
    assert page.locator("li.draft-row").count() == 1
    assert "Lead 1" in page.locator("li.draft-row").inner_text()
    approved = page.request.get(url + "/api/drafts?status=approved").json()["data"]
    assert len(approved) == 2 and {d["note"] for d in approved} == {"Looks right"}
