"""Refinement in a marketer's own words (issue 20), through POST /api/forms/generate."""

from __future__ import annotations

import pytest

from tests.test_llm_local_forms import by_name, generate


@pytest.fixture
async def contact(user):
    return await generate(user, "Contact form for a consultancy")


@pytest.mark.parametrize(
    "instruction",
    [
        'rename the "Message" label to "How can we help you today?"',
        "rename “Message” to “How can we help you today?”",
        "relabel 'message' as 'How can we help you today?'",
        "call the message field «How can we help you today?»",
        "change the label of the message field to How can we help you today?",
    ],
)
async def test_rename_a_label_in_any_quotes(user, contact, instruction):
    config = await generate(user, instruction, contact)
    labels = [f["label"] for f in config["fields"]]
    assert "How can we help you today?" in labels and len(labels) == len(contact["fields"])


async def test_add_an_existing_field_changes_it_instead_of_duplicating(user):
    demo = await generate(user, "Demo request form for a SaaS")
    assert not by_name(demo)["phone"]["required"]
    for text, required in (
        ("add a phone field, required", True),
        ("add an optional phone field", False),
        ("add a phone field, optional", False),
    ):
        config = await generate(user, text, demo)
        phones = [f for f in config["fields"] if f["type"] == "phone"]
        assert (
            len(phones) == 1 and phones[0]["required"] is required and phones[0]["label"] == "Phone"
        )
        demo = config
    body = await generate(user, "add a phone field", demo, status=422)
    assert "already has a field “Phone”" in body["error"]["message"]


async def test_add_a_new_optional_phone_field_gets_a_clean_label(user):
    news = await generate(user, "Newsletter signup")
    config = await generate(user, "add a phone field, optional", news)
    phone = by_name(config)["phone"]
    assert phone["label"] == "Phone" and phone["type"] == "phone" and not phone["required"]


@pytest.mark.parametrize(
    "instruction, gone",
    [
        ("remove the budget question", "budget"),
        ("get rid of the timeline dropdown", "timeline"),
        ("we don't need the phone number", "phone"),
        ("no need to ask for company size", "company_size"),
        ("skip the company name", "company"),
    ],
)
async def test_remove_in_other_words(user, instruction, gone):
    pricing = await generate(user, "Pricing request form for our SaaS")
    assert gone in by_name(pricing)
    config = await generate(user, instruction, pricing)
    assert gone not in by_name(config) and len(config["fields"]) == len(pricing["fields"]) - 1


@pytest.mark.parametrize("instruction", ["move email to the top", "put the email field first"])
async def test_move_to_the_top(user, contact, instruction):
    config = await generate(user, instruction, contact)
    assert config["fields"][0]["name"] == "email"


async def test_optional_and_required_in_several_phrasings(user):
    demo = await generate(user, "Demo request form for a SaaS")
    config = await generate(user, "phone should be mandatory; company name is optional", demo)
    assert by_name(config)["phone"]["required"] and not by_name(config)["company"]["required"]


async def test_put_swap_and_everything_optional(user):
    demo = await generate(user, "Demo request form for a SaaS")
    config = await generate(user, "put phone after email; swap name and email", demo)
    assert [f["name"] for f in config["fields"]][:3] == ["email", "name", "phone"]
    config = await generate(user, "make everything optional", config)
    assert [f["name"] for f in config["fields"] if f["required"]] == [
        "email"
    ]  # the contact needs it
    config = await generate(user, 'change "Message" to "Your question"', config)
    assert "Your question" in [f["label"] for f in config["fields"]]


async def test_what_a_field_is_changed_in_the_marketers_words(user):
    """Stop 15: a quoted label holding "to", a scale, a yes/no, a checkbox's words, a name
    split in two, and an honest answer for date-and-time in one field."""
    coffee = (
        "Office coffee quote: company, how many staff, do they want bean to cup or capsule, email"
    )
    config = await generate(
        user,
        "rename 'Do you want bean to cup or capsule?' to 'Machine type'",
        await generate(user, coffee),
    )
    assert "Machine type" in [f["label"] for f in config["fields"]]
    config = await generate(
        user,
        "make the rating 1 to 10",
        await generate(user, "Plumber visit feedback: rate the engineer 1-5, comments, email"),
    )
    [rating] = [f for f in config["fields"] if "rating" in f["label"].lower()]
    assert (rating["type"], rating["min"], rating["max"]) == ("number", 1, 10)
    config = await generate(user, "make comments a yes/no question", config)
    assert by_name(config)["comments"]["options"] == ["Yes", "No"]
    config = await generate(user, "add a checkbox: Also send me event invites", config)
    box = next(f for f in config["fields"] if f["label"] == "Also send me event invites")
    assert box["type"] == "checkbox" and box["required"] is False
    config = await generate(user, "add job reference number", config)
    assert next(f for f in config["fields"] if "reference" in f["label"].lower())["type"] == "text"
    draft = await generate(user, "Complaint form: name, email, order number, what went wrong")
    config = await generate(user, "split the name into first and last name", draft)
    assert [f["name"] for f in config["fields"]][:2] == ["first_name", "last_name"]
    refusal = await generate(user, "merge the date and time into one field", config, status=422)
    assert "date or a time, not both" in refusal["error"]["message"]


async def test_removing_a_list_with_a_field_the_form_lacks_names_it_and_changes_nothing(user):
    draft = await generate(user, "Dental contact form: name, email, phone, preferred date, message")
    body = await generate(
        user, "remove the address, the phone and the preferred date", draft, status=422
    )
    assert "no single field “address”" in body["error"]["message"]
    config = await generate(user, "remove the phone and the preferred date", draft)
    assert {"phone", "preferred_date"}.isdisjoint(by_name(config))


async def test_replace_move_several_and_add_by_kind_in_the_marketers_words(user):
    hotel = await generate(user, "Hotel booking: name, email, number of guests, arrival date")
    config = await generate(user, "replace number of guests with a dropdown: 1, 2, 3, 4+", hotel)
    labels = [f["label"] for f in config["fields"]]
    guests = by_name(config)["party_size"]
    assert guests["type"] == "select" and guests["options"] == ["1", "2", "3", "4+"]
    assert labels.index("Number of guests") < labels.index("Arrival date")
    config = await generate(user, "move the arrival date and the email to the top", config)
    assert [f["label"] for f in config["fields"]][:2] == ["Arrival date", "Email"]
    config = await generate(
        user,
        "add a yes/no question called Will you need parking? and "
        "add a rating from 1 to 10 called Overall experience",
        config,
    )
    assert by_name(config)["will_you_need_parking"]["options"] == ["Yes", "No"]
    overall = by_name(config)["overall_experience"]
    assert (overall["type"], overall["min"], overall["max"]) == ("number", 1, 10)
    config = await generate(
        user, "change the options of number of guests to 1, 2, Let us know", config
    )
    assert by_name(config)["party_size"]["options"] == ["1", "2", "Let us know"]


async def test_the_thank_you_and_the_button_in_plain_words(user):
    trial = await generate(user, "Free trial sign-up: work email, company name, team size")
    config = await generate(
        user,
        "add a thank you message: Thanks, see you soon! and change the button to Start my trial",
        trial,
    )
    assert config["response"]["thank_you_message"] == "Thanks, see you soon!"
    assert config["theme"]["button_label"] == "Start my trial"
    assert len(config["fields"]) == len(trial["fields"])  # no field called "Thank you message"
