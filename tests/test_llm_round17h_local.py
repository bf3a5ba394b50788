"""The local engine, round 17h (issue 20): "are you a new or existing patient" offers New
patient / Existing patient — the noun said once after the last answer is every answer's
when the answers describe it; a choice after "looking for" or "contact you by" is a choice,
not a yes/no — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_noun_said_once_belongs_to_every_answer(user):
    for said, options in (
        ("are you a new or existing patient", ["New patient", "Existing patient"]),
        ("is it a petrol, diesel or electric car", ["Petrol car", "Diesel car", "Electric car"]),
        ("is it for a personal or business account", ["Personal account", "Business account"]),
    ):
        config, _ = await generated(user, f"Enquiry form: name, email, {said}")
        [choice] = [f for f in config["fields"] if f.get("options")]
        assert choice["options"] == options, said


async def test_answers_that_are_things_stay_as_said_and_a_lead_verb_asks_no_yes_no(user):
    config, _ = await generated(
        user, "Checkout feedback: email, did you pay by cash or credit card"
    )
    assert [f["options"] for f in config["fields"] if f.get("options")] == [["Cash", "Credit card"]]
    config, _ = await generated(
        user, "Contact preferences: name, should we contact you by email or phone call"
    )
    assert ["Email", "Phone call"] in [f["options"] for f in config["fields"] if f.get("options")]
    config, _ = await generated(
        user, "Job application: name, email, CV, are you looking for a full-time or part-time role"
    )
    assert ["Full-time role", "Part-time role"] in [
        f["options"] for f in config["fields"] if f.get("options")
    ]
