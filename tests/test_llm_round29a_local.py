"""The local engine, round 29a (issue 20): an item that names a quantity counted in units
("weeks of stay", "hours of tutoring per week", "cost of damage in pounds", "semanas de
curso", "durée du séjour en semaines", "Aufenthaltsdauer in Nächten") is a number field,
its unit kept in the label; identifiers, phones, dates and offered ranges stay what they
were, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, start: str) -> dict:
    return next(f for f in config["fields"] if f["label"].startswith(start))


async def test_a_time_counted_in_units_is_a_number_of_at_least_one(user):
    config, _ = await generated(
        user, "Language camp signup - student name, age, weeks of stay, arrival airport"
    )
    weeks = _field(config, "Weeks of stay")
    assert (weeks["type"], weeks["min"]) == ("number", 1)


async def test_money_in_a_currency_is_a_number_and_keeps_its_unit(user):
    config, _ = await generated(
        user,
        "Insurance claim: policy number, name, date of incident, "
        "estimated cost of damage in pounds, description",
    )
    cost = _field(config, "Estimated cost of damage")
    assert cost["type"] == "number" and "pounds" in cost["label"]
    assert _field(config, "Policy number")["type"] == "text"


async def test_foreign_units_are_numbers_too(user):
    for description, start in (
        ("Inscripción curso: nombre, email, fecha de inicio, semanas de curso", "Semanas"),
        ("Réservation gîte : nom, e-mail, durée du séjour en semaines", "Durée du séjour"),
        ("Candidatura: nome, email, disponibilidade em horas por semana", "Disponibilidade"),
        ("Ferienwohnung Anfrage: Name, E-Mail, Aufenthaltsdauer in Nächten", "Aufenthaltsdauer"),
    ):
        config, _ = await generated(user, description)
        assert _field(config, start)["type"] == "number", description


async def test_identifiers_and_times_one_is_free_stay_text(user):
    config, _ = await generated(
        user,
        "Cafe job application: name, phone, member number, flat number, hours of availability",
    )
    for start in ("Member number", "Flat number", "Hours of availability"):
        assert _field(config, start)["type"] == "text", start
