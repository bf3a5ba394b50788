"""The local engine, round 33c (issue 20): the wording says how the answer looks, through
POST /api/forms/generate — a plural thing picked takes several answers ("items being
returned (…)"), wishes and remarks are a box ("Sonderwünsche"), plural dates are a line of
text and a start and an end are two dates; someone else's email asked adds no "Email"."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_a_plural_thing_picked_takes_several_answers(user):
    config, _ = await generated(
        user,
        "IT asset return form for leavers: employee name, employee ID, last working day, "
        "items being returned (laptop, phone, badge, charger), manager's email",
    )
    items = _field(config, "items")
    assert items["type"] == "multiselect"
    assert items["options"] == ["Laptop", "Phone", "Badge", "Charger"]
    # the only email asked is the manager's: no unasked "Email" for the leaver
    assert [f["label"] for f in config["fields"] if f["type"] == "email"] == ["Manager's email"]


async def test_a_single_choice_stays_single(user):
    config, _ = await generated(
        user, "Course enrolment: name, email, which start date (Jan 12, Feb 9), size (S, M, L)"
    )
    assert _field(config, "start date")["type"] == "select"
    assert _field(config, "size")["type"] == "select"


async def test_wishes_are_a_box_in_any_language(user):
    config, _ = await generated(user, "Anfrage Firmenfeier: Name, E-Mail, Datum, Sonderwünsche")
    assert _field(config, "sonderw")["type"] == "textarea"
    config, _ = await generated(
        user, "Réservation de salle : nom, e-mail, date, demandes particulières"
    )
    assert _field(config, "demandes")["type"] == "textarea"


async def test_plural_dates_are_text_and_a_start_and_end_two_dates(user):
    config, _ = await generated(user, "Casting form: nom, e-mail, dates de disponibilité")
    assert _field(config, "disponibilit")["type"] == "text"
    config, _ = await generated(
        user,
        "Campanha de influenciadores: nome, e-mail, período da campanha (data início e fim)",
    )
    dates = [f["label"] for f in config["fields"] if f["type"] == "date"]
    assert dates == ["Data de início", "Data de fim"]
