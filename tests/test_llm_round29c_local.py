"""The local engine, round 29c (issue 20): a question whose answers a person may want several
of (what to change, improve or replace, rooms, areas, topics, equipment, a noun marked plural
like "subject(s)") is a multiple choice; a level, a size, a time or a package stays one,
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _type(config: dict, word: str) -> str:
    return next(f["type"] for f in config["fields"] if word in f["label"].lower())


async def test_what_to_change_takes_several_answers_in_every_language(user):
    for description, word in (
        (
            "Bathroom quote: name, email, what would you like to replace (bath, tiles, sink)",
            "replace",
        ),
        (
            "Presupuesto: nombre, correo, ¿qué quieres cambiar? (muebles, encimera, suelo)",
            "cambiar",
        ),
        ("Devis : nom, e-mail, que souhaitez-vous améliorer (cuisine, salon, jardin)", "améliorer"),
        ("Angebot: Name, E-Mail, was möchten Sie ändern (Küche, Bad, Boden)", "ändern"),
        ("Orçamento: nome, email, o que quer mudar (cozinha, sala, quarto)", "mudar"),
    ):
        config, _ = await generated(user, description)
        assert _type(config, word) == "multiselect", description


async def test_rooms_and_a_noun_marked_plural_take_several(user):
    config, _ = await generated(
        user, "Painting quote: name, email, rooms to paint (hall, kitchen, lounge)"
    )
    assert _type(config, "room") == "multiselect"
    config, _ = await generated(
        user,
        "Tutoring: pupil's name, year group, subject(s) (maths, English, science), parent email",
    )
    subject = next(f for f in config["fields"] if "subject" in f["label"].lower())
    assert (subject["label"], subject["type"]) == ("Subjects", "multiselect")
    assert subject["options"] == ["Maths", "English", "Science"]
    config, _ = await generated(user, "Tutoring: pupil's name, subject(s), parent email")
    assert "Subjects" in [f["label"] for f in config["fields"]]


async def test_a_level_a_size_a_time_and_a_package_stay_one(user):
    config, _ = await generated(
        user,
        "Class booking: name, email, level (beginner, intermediate), size (S, M, L), "
        "time (11am, 2pm), package (basic, deluxe)",
    )
    for word in ("level", "size", "time", "package"):
        assert _type(config, word) == "select", word
