"""The local engine, round 35b (issue 20): a follow-up said inline right after a yes/no
question ("are you bringing children? if so how many") is two fields, the question offered
as Yes / No and the follow-up, optional, named after what the question asks about and shown
only on "Yes", through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, label: str) -> dict:
    return next(f for f in config["fields"] if f["label"] == label)


async def test_a_count_asked_after_a_yes_no_question_is_shown_on_yes(user):
    config, _ = await generated(
        user, "Party booking: your name, email, are you bringing children? if so how many"
    )
    question = _field(config, "Are you bringing children?")
    count = _field(config, "How many children?")
    assert question["options"] == ["Yes", "No"]
    assert count["type"] == "number" and not count["required"]
    assert count["show_if"] == {
        "all": [{"field": question["name"], "op": "equals", "value": "Yes"}]
    }


async def test_which_ones_is_named_after_the_question(user):
    config, _ = await generated(
        user, "Table booking: name, phone, party size, any food allergies? if yes, which ones"
    )
    follow = _field(config, "Which food allergies?")
    assert follow["type"] == "text" and follow["show_if"]["all"][0]["value"] == "Yes"
    assert not [f for f in config["fields"] if f["label"].startswith("Which ones")]


async def test_a_dash_before_if_so_opens_a_follow_up_too(user):
    config, _ = await generated(
        user, "Car valuation: name, phone, do you have a car to trade in — if so, make and model"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "So?" not in labels
    assert _field(config, "Make")["show_if"]["all"][0]["value"] == "Yes"


async def test_a_follow_up_said_in_german_is_shown_on_ja(user):
    config, _ = await generated(
        user, "Anmeldung: Name, E-Mail, Haben Sie Kinder? Wenn ja, wie viele"
    )
    follow = next(f for f in config["fields"] if f.get("show_if"))
    assert follow["type"] == "number"
    assert follow["show_if"]["all"][0]["value"] == "Ja"


async def test_an_if_that_is_no_follow_up_stays_as_it_was(user):
    config, _ = await generated(
        user, "Contact our plumbers: name, phone, website if you have one, postcode"
    )
    assert not [f for f in config["fields"] if f.get("show_if")]
    assert not _field(config, "Website")["required"]
    config, _ = await generated(
        user, "RSVP: name, email, do you need parking? if so, we'll reserve a space for you"
    )
    assert [f for f in config["fields"] if f.get("show_if")] == []
