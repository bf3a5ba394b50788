"""A drafted sales form scores free-mail addresses only where a business buys (issue 20,
SPEC §19 "free-mail domain on a B2B form"): a couple asking a wedding photographer, or a
homeowner asking for a kitchen quote, writes from gmail, so those drafts allow free mail and a
gmail enquiry with a repeated word is not held, and the lead scorer counts their gmail as
the address that form expects; a software demo keeps the score. Through
POST /api/forms/generate, POST /api/forms and a public submission."""

from __future__ import annotations

import re

from tests.factory import make_form, submitted
from tests.helpers import soup
from tests.helpers_agents import submission, submit_and_process
from tests.helpers_forms import generated

WEDDING = "Wedding photography enquiry: names, email, wedding date, venue, message"


async def test_a_persons_sales_draft_allows_free_mail_a_business_one_scores_it(user):
    for description, policy in (
        (WEDDING, "allow"),
        ("Kitchen fitting quote: name, email, phone, postcode", "allow"),
        ("Enterprise software demo request: name, work email, company size", "score"),
    ):
        config, _ = await generated(user, description)
        assert config["type"] == "sales", description
        assert config["security"]["free_mail"] == policy, description


async def test_a_couples_gmail_enquiry_to_the_saved_draft_is_not_held(user):
    config, _ = await generated(user, WEDDING)
    form = await make_form(user, **{**config, "status": "active"})
    assert form["security"]["free_mail"] == "allow"
    data = {
        "name": "Lucy Hart",
        "email": "lucy.hart@gmail.com",
        "message": "Hello hello hello, we marry in June!",  # repeated content: +30 alone
    }
    sid = await submitted(user, form["id"], data)
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["status"] != "quarantined", item


async def test_a_couples_gmail_counts_as_the_address_that_form_expects(app, user, db):
    config, _ = await generated(user, WEDDING)
    agent = {**config["agent"], "autonomy_level": "fully_autonomous"}
    form = await make_form(user, **{**config, "status": "active", "agent": agent})
    data = {
        "name": "Lucy Hart",
        "email": "lucy.hart@gmail.com",
        "message": "We marry on 12 June at Hartwell House, about 80 guests.",
    }
    sid = await submit_and_process(app, user, form["id"], data)
    actions = (await submission(db, sid))["actions"]
    qualify = next(a["details"] for a in actions if a["details"].get("action") == "qualify_lead")
    assert "free-mail address" not in qualify["reason"], qualify
    assert "a personal address (gmail.com), as expected on this form" in qualify["reason"]
    assert qualify["score"] == "high", qualify  # a date, a venue and 80 guests: a real lead


async def test_the_inbox_says_what_the_couple_sent_and_the_agents_draft_in_words(app, user, db):
    config, _ = await generated(user, WEDDING)
    form = await make_form(user, **{**config, "status": "active"})  # the agent drafts
    data = {"name": "Lucy Hart", "email": "lucy.hart@gmail.com", "message": "June 12, 80 guests"}
    sid = await submit_and_process(app, user, form["id"], data)
    listing = (await user.web.get("/submissions")).text
    assert f"Lucy Hart sent {form['name']}" in listing
    assert "asked to talk to sales" not in listing
    page = soup(await user.web.get(f"/submissions/{sid}")).get_text(" ", strip=True)
    assert "action(s)" not in page and re.search(r"The agent drafted \d+ actions for", page), page
