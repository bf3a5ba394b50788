"""The local engine, round 31a (issue 20): a number whose bounds are written into the item
("number of players 2-6", "guests, max 40", "Anzahl Personen (max. 12)") is labelled with
the question alone and its min and max carry the bounds, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_a_range_in_the_item_is_the_numbers_min_and_max(user):
    for description, word, label, bounds in (
        (
            "Board game night: name, email, number of players 2-6",
            "players",
            "Number of players",
            (2, 6),
        ),
        (
            "Kids camp: parent name, phone, child's age (5-12), allergies",
            "age",
            "Child's age",
            (5, 12),
        ),
        (
            "Inscription atelier : nom, email, nombre de participants de 2 à 6",
            "participants",
            "Nombre de participants",
            (2, 6),
        ),
    ):
        config, _ = await generated(user, description)
        field = _field(config, word)
        assert field["type"] == "number", description
        assert field["label"] == label, description
        assert (field["min"], field["max"]) == bounds, description


async def test_a_one_sided_bound_sets_only_that_side(user):
    config, _ = await generated(user, "Venue enquiry: name, email, date, number of guests, max 40")
    guests = _field(config, "guests")
    assert guests["max"] == 40 and "40" not in guests["label"]
    assert not any("max" in f["label"].lower() for f in config["fields"])
    config, _ = await generated(user, "Trade order: company, email, quantity (min. 10 units)")
    quantity = _field(config, "quantity")
    assert (quantity["label"], quantity["min"], quantity["max"]) == ("Quantity", 10, None)
    config, _ = await generated(
        user, "Reservierung: Name, E-Mail, Datum, Anzahl Personen (max. 12)"
    )
    assert _field(config, "personen")["max"] == 12


async def test_a_time_unit_stays_in_the_label(user):
    config, _ = await generated(user, "Tutoring enquiry: name, email, lesson length 1-3 hours")
    lesson = _field(config, "lesson")
    assert (lesson["label"], lesson["min"], lesson["max"]) == ("Lesson length (hours)", 1, 3)


async def test_choices_dates_and_ratings_are_not_bounds(user):
    config, _ = await generated(
        user, "Demo request: name, work email, company size (1-10, 11-50, 51-200)"
    )
    assert _field(config, "company size")["type"] in ("select", "radio")
    config, _ = await generated(
        user, "Summer art camp July 7-11, ages 5-12 welcome. Parent name, email, child's name"
    )
    assert not [f for f in config["fields"] if f["type"] == "number"]
    config, _ = await generated(user, "Hotel feedback: name, email, comfort (1-5), comments")
    comfort = _field(config, "comfort")
    assert (comfort["type"], comfort["min"], comfort["max"]) == ("number", 1, 5)
