"""The local engine, round 16l (issue 20), through POST /api/forms/generate: a request is
named for what it asks (a free trial, a brochure, a renewal, refer a friend…) without the
quote question, and "pay monthly or annually" offers Monthly / Annually."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_requests_are_named_for_what_they_ask(user):
    for said, name in (
        ("Start your free trial: name, work email, company", "Free Trial Signup"),
        ("Order our free holiday brochure: name, postal address", "Brochure Request"),
        ("Refer a friend to our gym: your name, friend's name, friend's phone", "Refer a Friend"),
        ("Spare parts request: model number, part needed, address", "Spare Parts Request"),
    ):
        config, _ = await generated(user, said)
        assert config["name"] == name, said
        assert "What do you need a quote for?" not in [f["label"] for f in config["fields"]]


async def test_a_verb_before_two_answers_is_no_answer(user):
    config, _ = await generated(user, "Membership renewal: member number, pay monthly or annually")
    assert config["name"] == "Membership Renewal"
    paid = next(f for f in config["fields"] if f["type"] == "select")
    assert paid["options"] == ["Monthly", "Annually"]


async def test_the_marketers_heading_names_the_form_unless_it_is_generic(user):
    config, _ = await generated(
        user, "Lost card report for our gym: member name, membership number"
    )
    assert config["name"] == "Lost Card Report"
    config, _ = await generated(user, "Umzugsanfrage: Name, Telefon, Auszugsadresse")
    assert config["name"] == "Umzugsanfrage"
    config, _ = await generated(user, "Contact form: name, email, message")
    assert config["name"] == "Contact Us"
