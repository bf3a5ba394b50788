"""The local engine, round 20b (issue 20): each listed item becomes one field of the right
kind, in the description's language — a whether-clause holding "X and Y" is one yes/no, a
modifier between dashes is no field, a foreign answer joined by "y"/"e"/"et"/"und" keeps the
marketer's words, a verb-first foreign question is a yes/no, a table is booked at a clock
time — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_a_whether_clause_holding_x_and_y_is_one_yes_no(user):
    config, _ = await generated(
        user,
        "Gutter cleaning quote: name, phone, address, whether they'd like the gutters and "
        "downpipes cleaned as well",
    )
    asked = _by_label(config)["Would you like the gutters and downpipes cleaned?"]
    assert asked["type"] == "select" and asked["options"] == ["Yes", "No"]
    assert not any(f["label"].startswith("Downpipes") for f in config["fields"])


async def test_the_and_still_ends_a_whether_clause_before_an_item(user):
    config, _ = await generated(
        user, "Driver sign up: name, email, whether you have a car and your postcode"
    )
    labels = list(_by_label(config))
    assert "Do you have a car?" in labels and "Postcode / ZIP" in labels


async def test_a_modifier_between_dashes_is_no_field(user):
    config, _ = await generated(
        user,
        "Conference sign up: name, email, sessions you'd attend (keynote, panels, workshops)"
        " - tick all that apply - and dietary needs",
    )
    labels = [f["label"] for f in config["fields"]]
    assert not any("apply" in label.lower() for label in labels), labels
    sessions = next(f for f in config["fields"] if f["label"] == "Sessions")
    assert sessions["type"] == "multiselect"


async def test_a_foreign_answer_keeps_its_and(user):
    for description, options in (
        (
            "Reserva peluquería: nombre, teléfono, servicio (corte y color, solo corte), fecha",
            ["Corte y color", "Solo corte"],
        ),
        (
            "Friseur Termin: Name, Telefon, Leistung (Schnitt und Farbe, nur Schnitt), Datum",
            ["Schnitt und Farbe", "Nur Schnitt"],
        ),
    ):
        config, _ = await generated(user, description)
        assert [f["options"] for f in config["fields"] if f["options"]] == [options]


async def test_a_verb_first_foreign_question_is_a_yes_no(user):
    config, _ = await generated(user, "Kundenumfrage: Name, E-Mail, würden Sie uns weiterempfehlen")
    asked = _by_label(config)["Würden Sie uns weiterempfehlen?"]
    assert asked["options"] == ["Ja", "Nein"]
    config, _ = await generated(user, "Anfrage: Name, E-Mail, geben Sie Ihre Adresse an")
    assert all(f["type"] != "select" for f in config["fields"])  # an imperative stays text


async def test_a_table_is_booked_at_a_clock_time_an_appointment_by_day_part(user):
    config, _ = await generated(
        user, "Restaurant table booking: name, phone, date, time, number of guests"
    )
    time = next(f for f in config["fields"] if "time" in f["name"])
    assert time["type"] == "text" and time["placeholder"] == "e.g. 19:30"
    config, _ = await generated(
        user, "Physio appointment request: name, email, phone, preferred date, preferred time"
    )
    time = next(f for f in config["fields"] if "time" in f["name"])
    assert time["type"] == "select" and "Morning" in time["options"]
