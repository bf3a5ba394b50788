"""Refinements in a marketer's everyday words (issue 20, refine round 31r), through POST
/api/forms/generate: "add a phone number but don't make it required" adds an optional phone
(it added a number field labelled "Phone number but don't make it", required), "… and make
it required" a required one, and "ask whether they have sung in a choir before" is asked as
"Have you sung in a choir before?" (it was "Do you have sung …")."""

from __future__ import annotations

from tests.test_llm_local_forms import generate

CHOIR = "Choir audition: name, email, voice part (soprano, alto, tenor, bass), read music yes/no"


def _phones(config: dict) -> list[dict]:
    return [f for f in config["fields"] if f["type"] == "phone"]


async def test_a_field_added_but_not_required_is_optional_and_one(user):
    form = await generate(user, CHOIR)
    config = await generate(user, "add a phone number but don't make it required", form)
    [phone] = _phones(config)
    assert (phone["label"], phone["required"]) == ("Phone", False)
    assert len(config["fields"]) == len(form["fields"]) + 1
    config = await generate(user, "add a phone number and make it required", form)
    assert [p["required"] for p in _phones(config)] == [True]


async def test_a_question_about_what_they_have_done_is_asked_in_the_perfect(user):
    form = await generate(user, CHOIR)
    config = await generate(
        user, "add a question asking whether they have sung in a choir before", form
    )
    assert config["fields"][-1]["label"] == "Have you sung in a choir before?"
    config = await generate(user, "ask if they have a garden", form)
    assert config["fields"][-1]["label"] == "Do you have a garden?"
