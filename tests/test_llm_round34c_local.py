"""The local engine, round 34c (issue 20): an item of the list is asked whole, once, as the
marketer wrote it — "experience with animals" is one field, "no longer needed" stays an
answer, "parent email if under 18" beside the visitor's email is optional, a listed contact
form gets no stock "How can we help?", and "how did it happen" is a free-text box — through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_an_item_with_with_in_it_is_one_field(user):
    config, _ = await generated(
        user,
        "Volunteer application for an animal shelter: name, email, "
        "previous experience with animals, why do you want to volunteer",
    )
    labels = _labels(config)
    assert "Previous experience with animals" in labels, labels
    assert "Animals" not in labels


async def test_a_form_with_its_fields_still_lists_them(user):
    config, _ = await generated(user, "Event RSVP: name and email, dietary requirements")
    assert any(f["type"] == "email" for f in config["fields"])
    assert any(f["name"] == "name" for f in config["fields"])


async def test_an_answer_saying_no_stays_an_answer(user):
    config, _ = await generated(
        user,
        "SaaS cancellation survey: why are you leaving (too expensive, missing features, "
        "no longer needed, other)",
    )
    leaving = next(f for f in config["fields"] if "leaving" in f["label"].lower())
    assert leaving["options"] == ["Too expensive", "Missing features", "No longer needed", "Other"]


async def test_an_item_asked_if_something_holds_is_optional(user):
    config, _ = await generated(
        user,
        "Music lesson enquiry - student name, age, email, instrument, parent email if under 18",
    )
    parent = next(f for f in config["fields"] if f["label"] == "Parent email")
    assert parent["required"] is False


async def test_the_only_email_asked_of_a_parent_reaches_every_visitor(user):
    # round 44a: with no other email, an adult gives their own (its help says whose to give)
    config, _ = await generated(
        user, "Music lesson enquiry - student name, age, instrument, parent email if under 18"
    )
    email = next(f for f in config["fields"] if f["type"] == "email")
    assert email["label"] == "Email" and not email.get("show_if")
    assert "parent's email" in email["help"]


async def test_a_listed_foreign_contact_form_gets_no_stock_message(user):
    config, _ = await generated(
        user,
        "Formulario de contacto para una agencia de viajes: nombre, email, teléfono, destino, "
        "fechas aproximadas, número de viajeros",
    )
    assert not [f for f in config["fields"] if f["type"] == "textarea"], _labels(config)


async def test_an_account_is_a_free_text_box_a_budget_is_not(user):
    config, _ = await generated(
        user,
        "Damage report for holiday rentals: name, booking reference, how did it happen, "
        "what's your budget, photos",
    )
    types = {f["label"]: f["type"] for f in config["fields"]}
    assert types["How did it happen?"] == "textarea"
    assert types["What's your budget?"] != "textarea"
