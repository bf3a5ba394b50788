"""The local engine, round 16k (issue 20), through POST /api/forms/generate: the sentences
fresh batches still missed after round 16 — someone else stays "them", a time said in
passing is no number, an aspect already rated is not rated again, "if you're not home" is
no negation, a long count is kept, and the teacher booking a school trip is the one writing."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_question_about_someone_else_keeps_them_and_a_time_in_passing_is_no_number(user):
    config, _ = await generated(
        user,
        "Complaint about a noisy neighbour: your address, have you spoken to them, "
        "what should we do next week",
    )
    kinds = {f["label"]: f["type"] for f in config["fields"]}
    assert kinds["Have you spoken to them?"] == "select"
    assert kinds["What should we do next week?"] in ("text", "textarea")


async def test_named_ratings_are_not_asked_again_and_a_condition_is_no_negation(user):
    config, _ = await generated(
        user,
        "Maintenance visit feedback: engineer rating 1-5, tidiness rating 1-5, "
        "can we call you if you're not home (yes/no)",
    )
    names = [f["name"] for f in config["fields"]]
    assert "rating" not in names and {"engineer_rating", "tidiness_rating"} <= set(names)
    asked = next(f for f in config["fields"] if f["label"].startswith("Can we call you"))
    assert asked["options"] == ["Yes", "No"]


async def test_a_school_trip_asks_the_teachers_email_once_and_the_year_group_as_typed(user):
    config, _ = await generated(
        user,
        "School trip booking: school name, teacher email, year group, "
        "number of pupils coming on the trip",
    )
    emails = [f["label"] for f in config["fields"] if f["type"] == "email"]
    assert emails == ["Teacher email"]
    kinds = {f["label"]: f["type"] for f in config["fields"]}
    assert kinds["Year group"] == "text"
    assert kinds["Number of pupils coming on the trip"] == "number"
