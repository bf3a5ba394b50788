"""The local engine, round 32c (issue 20): an item is not cut inside its own clause ("any
wishes you'd like to tell us about" is one free-text question, "which subjects your child
needs help with" one item), and a range, a band or a bracket is short text, never a number,
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _fields(config: dict) -> dict[str, str]:
    return {f["label"]: f["type"] for f in config["fields"]}


async def test_a_clause_ending_on_its_preposition_is_one_free_text_question(user):
    config, _ = await generated(
        user,
        "Wedding band booking: your names, wedding date, venue, any wishes you'd like to tell us about",
    )
    fields = _fields(config)
    assert fields["Any wishes you'd like to tell us about?"] == "textarea"
    assert "About" not in fields and "Wishes" not in fields


async def test_the_same_item_abroad_keeps_its_clause(user):
    for description, label in (
        (
            "Reserva de boda: nombre, correo, fecha del evento, algo que quieras contarnos",
            "¿Algo que quieras contarnos?",
        ),
        (
            "Anmeldung Sommercamp: Name des Kindes, E-Mail der Eltern, Alter, etwas, das wir wissen sollten",
            "Etwas, das wir wissen sollten?",
        ),
    ):
        config, _ = await generated(user, description)
        assert _fields(config).get(label) == "textarea", (description, _fields(config))


async def test_the_cue_verb_of_a_which_clause_is_the_clauses(user):
    config, _ = await generated(
        user,
        "Tutoring sign-up: parent name, email, which subjects your child needs help with",
    )
    fields = _fields(config)
    assert "Which subjects does your child need help with?" in fields
    assert "Help with" not in fields


async def test_a_range_is_text_and_a_count_stays_a_number(user):
    config, _ = await generated(
        user, "Casting call: name, email, age, age range you can play, number of headshots"
    )
    fields = _fields(config)
    assert fields["Age range"] == "text"
    assert fields["Age"] == "number"
    assert fields["Number of headshots"] == "number"
    config, _ = await generated(user, "Casting: nombre, correo, rango de edad, foto")
    assert _fields(config)["Rango de edad"] == "text"


async def test_guards_tell_us_about_and_about_you(user):
    config, _ = await generated(
        user, "Freelance designer enquiry: name, email, tell us about your project"
    )
    assert _fields(config)["Tell us about your project"] == "textarea"
    config, _ = await generated(user, "Podcast guest application: name, email, about you")
    assert "About you" in _fields(config)
