"""The local engine, round 29b (issue 20): the list is the form. Its words are the labels
("feedback" stays "Feedback", "best time for access" is asked in those words, as text), and
nothing is added that it did not name (a member's number says who is writing: no stock
email beside it), through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_the_marketers_word_is_the_label(user):
    for description, word in (
        (
            "Class cancellation for our dance school: your name, email, reason for "
            "cancelling, final class date, feedback (optional)",
            "Feedback",
        ),
        (
            "Kündigung im Fitnessstudio: Name, Mitgliedsnummer, Grund der Kündigung, "
            "letzter Trainingstag, Feedback (optional)",
            "Feedback",
        ),
    ):
        config, _ = await generated(user, description)
        assert word in _labels(config), _labels(config)
        assert "Comments" not in _labels(config)


async def test_a_time_for_access_is_asked_as_written_with_no_invented_answers(user):
    config, _ = await generated(
        user,
        "Repair request for tenants: flat number, what's broken, best time for access, photo",
    )
    asked = next(f for f in config["fields"] if f["label"] == "Best time for access")
    assert asked["type"] == "text" and not asked["options"]


async def test_a_callbacks_time_keeps_its_slots_in_the_marketers_words(user):
    config, _ = await generated(user, "Callback request: name, phone number, best time to call")
    asked = next(f for f in config["fields"] if f["label"] == "Best time to call")
    assert asked["type"] == "select" and asked["options"]


async def test_a_member_number_says_who_is_writing(user):
    config, _ = await generated(
        user,
        "Refer a friend to our climbing wall - your name, your membership number, "
        "friend's name, friend's email, friend's phone",
    )
    emails = [f["label"] for f in config["fields"] if f["type"] == "email"]
    assert emails == ["Friend's email"], emails


async def test_a_list_that_names_the_email_keeps_both(user):
    config, _ = await generated(
        user, "Refer a friend: your name, your email, friend's name, friend's email"
    )
    assert len([f for f in config["fields"] if f["type"] == "email"]) == 2
