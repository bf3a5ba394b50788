"""The local engine, round 26s (issue 20): a "when …" item ending a list is a question, a
condition after a list's last item is a rule on that item only, and "when suits you" is the
time to call, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_a_when_item_ending_a_list_is_a_question(user):
    config, _ = await generated(
        user,
        "request a free home valuation - property address, bedrooms, when you're thinking of "
        "selling",
    )
    assert "When are you thinking of selling?" in _labels(config)
    assert not any(f.get("show_if") for f in config["fields"])
    assert not any("valuation" in label.lower() for label in _labels(config))


async def test_a_condition_after_the_last_item_is_on_that_item(user):
    config, _ = await generated(
        user, "Request a callback: name, phone, company name if they are a business"
    )
    ruled = [f["label"] for f in config["fields"] if f.get("show_if")]
    assert ruled == ["Company name"]
    phone = next(f for f in config["fields"] if f["type"] == "phone")
    assert phone["required"] and not phone.get("show_if")


async def test_when_suits_you_is_the_time_to_call(user):
    config, _ = await generated(user, "Callback request: name, phone number, when suits you")
    when = next(f for f in config["fields"] if "suits" in f["label"].lower())
    assert when["type"] in ("select", "radio") and "Morning" in when["options"]


async def test_a_form_headings_kind_phrase_and_a_booking_at_our_place_name_it(user):
    for description, name in (
        (
            "Form for our dental practice - new patient registration: name, date of birth, "
            "phone, email",
            "New Patient Registration",
        ),
        (
            "Could you make a form for parents booking a kids' birthday party at our trampoline "
            "park? parent name, phone, email, child's name",
            "Kids' Birthday Party Booking",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
