"""The local engine, round 13b (issue 20): pieces of a description that are not questions
never become fields — the purpose in the opening words (a verb or a noun phrase after the
business name), a heading before the list, sentences about the form itself — and a
question inside a list keeps its shape; "if you have one" makes a field optional. Through
POST /api/forms/generate; the words differ from the eval set's (tests/eval/forms_round13b)."""

from __future__ import annotations

from tests.helpers_forms import generated


def labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_the_purpose_in_the_opening_words_is_no_field(user):
    cases = {
        "Physiotherapy clinic — book a sports massage. Name, phone, injury, preferred date": (
            "massage",
            {"Injury", "Preferred date"},
        ),
        "Car rental: reserve your van - name, email, pick-up date, licence number": (
            "van",
            {"Pick-up date", "Licence number"},
        ),
        "Pest control company: free termite survey. Name, address, phone, type of property": (
            "termite",
            {"Address", "Type of property"},
        ),
        "Pension adviser - complimentary retirement check: name, email, age, pension pots": (
            "retirement",
            {"Age", "Pension pots"},
        ),
        "Cours de piano : réservez votre premier cours. Nom, e-mail, téléphone, niveau": (
            "réservez",
            {"Niveau"},
        ),
    }
    for description, (stray, kept) in cases.items():
        config, _ = await generated(user, description)
        assert not any(stray in label.lower() for label in labels(config)), description
        assert kept <= set(labels(config)), (description, labels(config))


async def test_a_field_that_looks_like_a_purpose_stays(user):
    config, fields = await generated(user, "Returns: order number. Also name, email and reason.")
    assert "order_number" in fields
    config, _ = await generated(
        user, "Support form - request details: name, email, request details"
    )
    assert "Request details" in labels(config)
    config, _ = await generated(
        user, "Flower delivery - delivery address: name, phone, bouquet size, delivery date"
    )
    assert "Delivery address" in labels(config)  # a field before the colon, not a heading


async def test_a_heading_before_the_list_is_no_field(user):
    for description, stray in {
        "Boat charter. Tell us about your trip: date, number of guests, harbour, name, email": (
            "trip"
        ),
        "Give us the details of your move: from postcode, to postcode, moving date, name, phone": (
            "details of"
        ),
    }.items():
        config, _ = await generated(user, description)
        assert not any(stray in label.lower() for label in labels(config)), labels(config)
        assert len(config["fields"]) >= 4


async def test_sentences_about_the_form_name_no_field(user):
    config, fields = await generated(
        user,
        "Bike shop service booking: name, phone, bike model, preferred date. It sits on our "
        "workshop page, just below the price list.",
    )
    assert not any(
        "price list" in label.lower() or "workshop" in label.lower() for label in labels(config)
    )
    config, fields = await generated(
        user,
        "Solar panel quote. Homeowners complete this on their phone after our site visit. "
        "Address, roof type, number of panels wanted.",
    )
    assert "phone" not in fields  # the device they use, not a number to ask
    assert {"Address", "Roof type"} <= set(labels(config))


async def test_a_question_in_a_list_keeps_its_shape_and_a_qualifier_makes_it_optional(user):
    config, fields = await generated(
        user,
        "Web hosting enquiry: name, email, which CMS do you use, how many sites, "
        "customer number if you have one",
    )
    assert "Which CMS do you use?" in labels(config)
    number = next(f for f in config["fields"] if f["label"] == "Customer number")
    assert number["required"] is False
    config, _ = await generated(
        user,
        "Yoga newsletter: email, which classes interest you, membership ID where relevant",
    )
    assert "Which classes interest you?" in labels(config)
    assert "Membership ID" in labels(config)
