"""The local engine, round 21c (issue 20): each listed item gets the type its whole wording
asks for and keeps that wording — a how/what question is free text whatever noun it holds,
a count of people is a number, a scale the list gives is the item's own, a question stays a
question — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_a_question_is_answered_in_words_whatever_noun_it_holds(user):
    config, _ = await generated(
        user,
        "Financial coaching intake: name, email, what does your budget look like right now, "
        "why do you want coaching",
    )
    assert _field(config, "budget look like")["type"] == "text"


async def test_an_expected_count_of_people_is_a_number(user):
    config, _ = await generated(
        user, "Charity gala table booking: name, email, estimated attendance, any access needs"
    )
    assert _field(config, "attendance")["type"] == "number"


async def test_a_recommend_question_keeps_its_subject_range_and_place(user):
    config, _ = await generated(
        user,
        "HR exit survey: why are you leaving, would you recommend us as an employer (0-10), "
        "how was your manager",
    )
    labels = [f["label"] for f in config["fields"]]
    asked = _field(config, "employer")
    assert (asked["type"], asked["min"], asked["max"]) == ("number", 0, 10)
    assert not any("friend or colleague" in label for label in labels)
    assert labels.index(asked["label"]) < labels.index("How was your manager?")


async def test_a_question_keeps_its_wording_as_its_label(user):
    config, _ = await generated(
        user,
        "Gym feedback: which branch you go to most (A, B, C), how likely are you to suggest "
        "our gym to a friend (1-5), comments",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Which branch do you go to most?" in labels
    scale = _field(config, "suggest our gym")
    assert (scale["min"], scale["max"]) == (1, 5)
    config, _ = await generated(
        user, "Housing repair report: address, is there damp in the walls right now?, photos"
    )
    assert "Is there damp in the walls right now?" in [f["label"] for f in config["fields"]]


async def test_guards_a_bare_noun_and_a_plain_nps_stay_as_they_were(user):
    config, _ = await generated(
        user, "Library suggestions: Branch (Central, North), your suggestion"
    )
    assert "Branch" in [f["label"] for f in config["fields"]]
    config, _ = await generated(user, "Customer survey: name, email, NPS, comments")
    nps = [f for f in config["fields"] if f["name"] == "nps"]
    assert [f["label"] for f in nps] == [
        "How likely are you to recommend us to a friend or colleague? (0-10)"
    ]
