"""The local engine, round 21d (issue 20): nothing the list names is lost and the business
can always answer — the only way back named is required, a choice of place stays a choice,
a box for comments is one long text, a second sentence keeps its items, a permission ticked
in a box is required — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_the_only_way_back_is_required(user):
    for description, word in (
        ("Book a home visit from our optician: name, phone, preferred date", "phone"),
        ("Terminanfrage Physiotherapie: Name, Telefonnummer, Beschwerden", "telefon"),
        ("Brochure request for our holiday cottages: name, postal address", "address"),
    ):
        config, _ = await generated(user, description)
        assert _field(config, word)["required"], description
        assert not any(f["type"] == "email" for f in config["fields"]), description


async def test_an_optional_way_back_and_phone_beside_email_keep_todays_requirement(user):
    config, _ = await generated(
        user, "Pothole report - where is it, how big, photo, phone number (optional)"
    )
    assert not _field(config, "phone")["required"]
    config, _ = await generated(user, "Kitchen fitting quote: name, email, phone, kitchen size")
    assert _field(config, "email")["required"] and not _field(config, "phone")["required"]


async def test_a_choice_of_place_is_one_dropdown(user):
    config, _ = await generated(
        user, "Quote for bike repair: name, phone, email, bike type, service in store or on site"
    )
    service = _field(config, "service")
    assert (service["type"], service["options"]) == ("select", ["In store", "On site"])


async def test_a_box_for_comments_is_one_long_text(user):
    config, _ = await generated(
        user, "Contact form for our bakery: name, email, message, and a box for comments"
    )
    assert [f["label"] for f in config["fields"] if f["type"] == "textarea"] == ["Message"]
    config, _ = await generated(
        user, "Feedback form for the museum café: name, email, rating 1-5, a space to tell us more"
    )
    assert _field(config, "tell us more")["type"] == "textarea"


async def test_a_second_sentence_keeps_its_items(user):
    config, _ = await generated(
        user, "Anfrage Umzug: Name, E-Mail, Telefon. Dazu noch Umzugsdatum und Anzahl der Zimmer"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Umzugsdatum" in labels and "Anzahl der Zimmer" in labels


async def test_a_permission_in_a_box_is_required_an_opt_in_is_not(user):
    config, _ = await generated(
        user,
        "Field trip consent form: student name, parent name, parent email, "
        "I give permission for my child to attend (checkbox)",
    )
    assert _field(config, "permission")["required"]
    config, _ = await generated(
        user,
        "Gym membership application: name, email, phone, I accept the terms and conditions "
        "(tick box), send me offers (checkbox)",
    )
    assert _field(config, "terms")["required"] and not _field(config, "offers")["required"]
