"""The local engine after reading the blind batch of stop 16 (issue 20): an idiom is no
shared noun, a widget named in brackets is that widget, a duration keeps the unit said, no
stock question beside a list that says it all — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_in_person_is_an_answer_of_its_own(user):
    config, _ = await generated(
        user,
        "Music lessons enquiry: pupil's name, instrument(s), online or in person, parent phone",
    )
    [choice] = [f for f in config["fields"] if f["type"] == "select"]
    assert choice["options"] == ["Online", "In person"]


async def test_a_widget_in_brackets_is_that_widget_and_no_words_of_the_label(user):
    config, fields = await generated(
        user,
        "Event sign-up: name, email, dietary needs (dropdown: none, vegetarian, vegan), "
        "I agree to the code of conduct (checkbox)",
    )
    diet = next(f for f in config["fields"] if f["label"] == "Dietary needs")
    assert diet["type"] == "select" and diet["options"] == ["None", "Vegetarian", "Vegan"]
    box = next(f for f in config["fields"] if f["type"] == "checkbox")
    assert box["label"] == "I agree to the code of conduct" and box["required"]


async def test_a_duration_keeps_the_unit_said_and_guesses_none(user):
    config, _ = await generated(
        user, "Physio intake: name, email, where is the pain, how long have you had it"
    )
    asked = next(f for f in config["fields"] if f["label"].startswith("How long"))
    assert asked["label"] == "How long have you had it?" and asked["type"] == "text"
    config, _ = await generated(
        user, "Physio intake: name, email, how long have you had the pain (weeks)"
    )
    assert any("weeks" in f["label"] for f in config["fields"])


async def test_a_change_of_details_has_no_problem_to_describe(user):
    config, _ = await generated(
        user,
        "Change of address form: membership number, name, old address, new address, date of move",
    )
    assert "Describe the problem" not in [f["label"] for f in config["fields"]]
    config, _ = await generated(  # guard: a broken appliance has one
        user,
        "Report a broken appliance: name, email, appliance model, serial number, purchase date",
    )
    assert "Describe the problem" in [f["label"] for f in config["fields"]]


async def test_a_permission_form_is_no_opt_in_to_emails(user):
    config, _ = await generated(
        user,
        "Parent consent form for the school trip: child's name, parent name, I give permission (checkbox)",
    )
    assert [f["label"] for f in config["fields"] if f["type"] in ("checkbox", "consent")] == [
        "I give permission"
    ]
