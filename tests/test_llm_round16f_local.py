"""The local engine, round 16f (issue 20): answers said after their noun in Spanish, French
and Portuguese ("cesta pequeña, mediana o grande") are one choice; "número de matrícula"
names one thing (a text field) while "número de personas" counts; a room type asked in
es/fr/de/pt stands in for a booking's own — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_answers_after_their_noun_are_one_choice_in_the_marketers_words(user):
    config, _ = await generated(
        user, "Encomenda de cabazes: nome, telefone, morada, cabaz pequeno, médio ou grande"
    )
    chosen = next(f for f in config["fields"] if f["label"] == "Cabaz")
    assert (chosen["type"], chosen["options"]) == ("select", ["Pequeno", "Médio", "Grande"])
    assert not [f for f in config["fields"] if f["label"].startswith(("Médio", "Cabaz pequeno"))]
    # a list of fields joined by "o" stays a list of fields
    config, _ = await generated(user, "Contacto: nombre, correo electrónico, teléfono o email")
    assert not [f for f in config["fields"] if f["label"] == "Nombre" and f["type"] == "select"]


async def test_a_numero_de_names_one_thing_unless_it_counts(user):
    config, _ = await generated(
        user, "Reserva de grupo: nombre, email, número de socio, número de personas"
    )
    kinds = {f["label"]: f["type"] for f in config["fields"]}
    assert kinds["Número de socio"] == "text"
    assert kinds["Número de personas"] == "number"


async def test_a_room_type_asked_in_another_language_is_the_bookings_only_room(user):
    config, _ = await generated(
        user,
        "Reserva de hotel: nombre, email, tipo de habitación (individual, doble), fecha de llegada",
    )
    rooms = [f for f in config["fields"] if "habitaci" in f["label"].lower() or "room" in f["name"]]
    assert [r["options"] for r in rooms] == [["Individual", "Doble"]]
