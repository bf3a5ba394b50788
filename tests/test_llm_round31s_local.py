"""Choices said in passing, read as a marketer means them (issue 20, round 31s), through
POST /api/forms/generate: "would you prefer we contact you by phone or email?" offers Phone
and Email (it was a yes/no), "inside, outside or both windows" and "delivery method home
delivery or click and collect" are one choice each, "which areas need work (…)" keeps its
question, and a council's consultation is a survey, not a booking."""

from __future__ import annotations

from tests.test_llm_local_forms import generate


def _field(config: dict, words: str) -> dict:
    (field,) = [f for f in config["fields"] if words in f["label"].lower()]
    return field


async def test_a_preferred_way_to_answer_is_a_choice_of_the_ways(user):
    form = await generate(
        user,
        "Callback request: name, phone, email, would you prefer we contact you by phone or "
        "email?, best time",
    )
    assert _field(form, "prefer we")["options"] == ["Phone", "Email"]
    form = await generate(user, "Support form: name, email, order number, would you like a call?")
    assert _field(form, "call")["options"] == ["Yes", "No"]  # a plain yes/no stays one


async def test_answers_listed_before_or_both_and_after_a_heading_are_one_choice(user):
    form = await generate(
        user,
        "Window cleaning quote: name, phone, address, number of windows, inside, outside or "
        "both windows, how often",
    )
    assert _field(form, "inside")["options"] == ["Inside", "Outside", "Both"]
    assert not [f for f in form["fields"] if f["label"].lower().startswith("outside")]
    form = await generate(
        user,
        "Order form for our bakery: name, email, what you'd like to order, delivery method "
        "home delivery or click and collect, date",
    )
    method = _field(form, "delivery method")
    assert method["label"] == "Delivery method"
    assert method["options"] == ["Home delivery", "Click and collect"]


async def test_which_areas_need_work_is_one_question_and_a_consultation_of_residents_a_survey(
    user,
):
    form = await generate(
        user,
        "Council play-park consultation: name, postcode, which areas need work (swings, paths, "
        "benches, bins), any other comments",
    )
    areas = _field(form, "areas")
    assert areas["label"] == "Which areas need work?" and areas["type"] == "multiselect"
    assert form["flow_id"] == "notify_only"


async def test_asking_for_the_form_is_no_field_and_says_no_purpose(user):
    form = await generate(
        user,
        "hi! we're a small campsite. can you make a form where people tell us their name, "
        "email, phone, arrival date and if they're bringing a dog",
    )
    labels = [f["label"] for f in form["fields"]]
    assert not [x for x in labels if "form" in x.lower()], labels
    assert form["flow_id"] == "booking_request"
    form = await generate(user, "I need a form that collects name, email and phone")
    assert form["flow_id"] == "direct_route"  # it was a "Pricing Request"
    assert {"name", "email", "phone"} <= {f["name"] for f in form["fields"]}


async def test_a_foreign_choice_keeps_the_marketers_word_as_its_label(user):
    form = await generate(
        user,
        "Demande d'information pour notre école de langues : nom, email, cours en ligne ou en "
        "présentiel, disponibilités",
    )
    assert _field(form, "cours")["options"] == ["En ligne", "En présentiel"]


async def test_what_the_marketer_rules_out_is_left_out_and_a_condition_finds_its_question(
    user,
):
    form = await generate(
        user,
        "Contact form, but don't ask for phone. Just name, email, subject (sales, support, "
        "billing, other) and the message.",
    )
    assert [f["name"] for f in form["fields"] if f["type"] == "phone"] == []
    assert form["flow_id"] == "direct_route"  # "support" is an answer, not the purpose
    form = await generate(
        user,
        "Gym class booking: member ID, class (spin, yoga, HIIT, pilates), date, first time? "
        "If first time, ask about injuries",
    )
    first = _field(form, "first time")
    assert _field(form, "class")["type"] == "select"  # one class per booking
    injuries = _field(form, "injur")
    assert injuries["show_if"] == {
        "all": [{"field": first["name"], "op": "equals", "value": "Yes"}]
    }
    assert not [f for f in form["fields"] if "existing" in f["label"].lower()]
