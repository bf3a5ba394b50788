"""The local engine, round 23a (issue 20): dates or clock times given in brackets are the
answers to choose from, and an amount said per day, week, month or year is a number,
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_dates_in_brackets_are_one_choice_of_those_dates(user):
    for description, word, dates in (
        (
            "Kursanmeldung: Name, E-Mail, Kursdatum (3. Juni, 17. Juni), Firma",
            "kursdatum",
            ["3. Juni", "17. Juni"],
        ),
        (
            "Taller: nombre, teléfono, fecha (12 de mayo, 19 de mayo)",
            "fecha",
            ["12 de mayo", "19 de mayo"],
        ),
    ):
        config, _ = await generated(user, description)
        field = _field(config, word)
        assert field["type"] in ("select", "radio") and field["options"] == dates
        assert not any(f["label"].startswith("Juni") for f in config["fields"])


async def test_a_tables_times_in_brackets_stay_its_answers(user):
    config, _ = await generated(user, "Sushi bar reservation: name, phone, time (17:30, 19:00)")
    assert _field(config, "time")["options"] == ["17:30", "19:00"]


async def test_an_amount_per_day_or_week_is_a_number(user):
    for description, word in (
        ("Coffee survey: name, cups per day roughly, favourite roast", "cups"),
        ("Umfrage: Name, Fahrten pro Woche ungefähr, Verkehrsmittel", "fahrten"),
    ):
        config, _ = await generated(user, description)
        assert _field(config, word)["type"] == "number"


async def test_a_plain_preferred_date_stays_a_date(user):
    config, _ = await generated(user, "Physio appointment: name, phone, preferred date")
    assert _field(config, "date")["type"] == "date"
