"""The local engine, round 36c (issue 20): an answer written as a range ("size (XS-XXL)",
"shoe size (38-45)") is the answers to choose, and a familiar item gets the answer its trade
expects (a compound date a date, days in the plural several, a project's timeline in words,
a pupil's year written), through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_a_size_range_is_the_sizes_to_choose(user):
    config, _ = await generated(user, "Team shirt order: name, email, size (XS-XXL), how many")
    size = _field(config, "size")
    assert (size["type"], size["options"]) == ("select", ["XS", "S", "M", "L", "XL", "XXL"])
    config, _ = await generated(user, "Shoe swap: your name, email, shoe size (38-41), condition")
    shoe = _field(config, "shoe size")
    assert (shoe["type"], shoe["options"]) == ("select", ["38", "39", "40", "41"])


async def test_a_count_with_bounds_stays_a_bounded_number(user):
    config, _ = await generated(user, "Rental enquiry: name, email, number of bedrooms (1-5)")
    bedrooms = _field(config, "bedrooms")
    assert (bedrooms["type"], bedrooms["min"], bedrooms["max"]) == ("number", 1, 5)


async def test_a_german_form_asks_a_date_and_several_days(user):
    config, _ = await generated(
        user,
        "Kita Anmeldung: Name der Eltern, Geburtsdatum des Kindes, "
        "Betreuungstage (Mo, Di, Mi, Do, Fr), Telefon",
    )
    assert _field(config, "geburtsdatum")["type"] == "date"
    assert _field(config, "betreuungstage")["type"] == "multiselect"


async def test_a_grant_timeline_is_written_a_buyers_keeps_its_answers(user):
    config, _ = await generated(
        user, "Community grant application: organisation name, project summary, timeline"
    )
    assert _field(config, "timeline")["type"] == "text"
    config, _ = await generated(user, "Demo request: name, work email, company, timeline")
    assert _field(config, "timeline")["type"] == "select"


async def test_a_pupils_year_and_an_unnamed_duration_are_written(user):
    config, _ = await generated(user, "Tutoring enquiry: parent name, email, pupil's year/grade")
    assert _field(config, "year/grade")["type"] == "text"
    config, _ = await generated(user, "GP triage: name, symptoms, how long has it been going on")
    duration = _field(config, "how long")
    assert duration["type"] == "text" and "(days)" not in duration["label"]
