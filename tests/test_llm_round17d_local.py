"""The local engine, round 17d (issue 20): every item a description lists is one field, kept
whole — a long question naming a place, a measure over a period, an item added after the
list ("… too", "También …"), a tick box with its quoted words, "is it A, B or C", "what X
you use (a, b)" and a job application's own items — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> dict[str, dict]:
    return {f["label"]: f for f in config["fields"]}


async def test_a_long_question_naming_a_place_is_kept_whole(user):
    config, _ = await generated(
        user,
        "Lost property report: name, email, what did you lose, where in the shop do you "
        "think you left it",
    )
    assert "Where in the shop do you think you left it?" in _labels(config)
    config, _ = await generated(
        user,
        "Objetos perdidos: nombre, email, qué perdiste, en qué parte de la tienda crees que lo dejaste",
    )
    assert "¿En qué parte de la tienda crees que lo dejaste?" in _labels(config)


async def test_an_item_added_after_the_list_is_asked_in_its_own_words(user):
    config, _ = await generated(
        user, "Quote request: name, email, describe the job. Job reference number too"
    )
    assert "Job reference number" in _labels(config)
    config, _ = await generated(
        user, "Reserva de mesa: nombre, teléfono, fecha, número de personas. También alergias"
    )
    labels = _labels(config)
    assert "Alergias" in labels and "También alergias" not in labels


async def test_a_quoted_tick_box_is_a_checkbox_with_the_quoted_words(user):
    config, _ = await generated(
        user, "Event signup: name, email, a tick box for 'send me event invites'"
    )
    box = _labels(config)["Send me event invites"]
    assert box["type"] == "checkbox" and not box["required"]
    assert not any("tick box" in label.lower() for label in _labels(config))
    config, _ = await generated(
        user, "Anmeldung zum Workshop: Name, E-Mail, ein Kästchen „Ich möchte Einladungen erhalten“"
    )
    assert _labels(config)["Ich möchte Einladungen erhalten"]["type"] == "checkbox"
    # a confirmation quoted as a box must be ticked
    config, _ = await generated(
        user, "Photo contest entry: name, email, photo upload, tick box for 'I am over 18'"
    )
    assert _labels(config)["I am over 18"]["required"] is True


async def test_is_it_a_b_or_c_is_one_question_with_three_answers(user):
    config, _ = await generated(
        user,
        "Insurance claim: name, policy number, is it damaged, stolen or missing, date of incident",
    )
    asked = [f for f in config["fields"] if f.get("options")]
    assert [f["options"] for f in asked] == [["Damaged", "Stolen", "Missing"]]


async def test_what_phone_you_use_is_a_choice_not_a_phone_number(user):
    config, _ = await generated(
        user,
        "Early access waitlist for our budgeting app. Just email and what phone you use "
        "(iPhone, Android)",
    )
    types = [f["type"] for f in config["fields"]]
    assert "phone" not in types
    chosen = next(f for f in config["fields"] if f["type"] == "select")
    assert chosen["options"] == ["iPhone", "Android"]


async def test_a_spanish_job_application_keeps_its_items(user):
    config, _ = await generated(
        user,
        "Solicitud de empleo: nombre, email, teléfono, experiencia en años, sube tu CV, "
        "¿por qué quieres unirte?",
    )
    labels = _labels(config)
    assert labels["Experiencia en años"]["type"] == "number"
    assert labels["CV"]["type"] == "file"
    assert "¿Por qué quieres unirte?" in labels
