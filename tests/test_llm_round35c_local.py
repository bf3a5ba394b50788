"""The local engine, round 35c (issue 20): a question asking the visitor to explain,
describe or give an opinion ("what do we do well", "¿qué podríamos mejorar?", "was hat Ihnen
am besten gefallen") is a text box; a short fact keeps its type; a clause said without
inversion ("why you're a good fit", "how you found us") reads as a question, through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _typed(config: dict) -> dict[str, str]:
    return {f["label"]: f["type"] for f in config["fields"]}


async def test_what_we_do_well_is_a_box_like_what_we_could_improve(user):
    config, _ = await generated(
        user, "Bakery survey: what do we do well, what should we improve, email"
    )
    typed = _typed(config)
    assert typed["What do we do well?"] == "textarea"
    assert typed["What should we improve?"] == "textarea"


async def test_open_questions_are_boxes_in_the_five_languages(user):
    for description, label in (
        ("Encuesta: nombre, correo, ¿qué podríamos mejorar?", "¿Qué podríamos mejorar?"),
        (
            "Questionnaire atelier : nom, e-mail, qu'avez-vous le plus apprécié",
            "Qu'avez-vous le plus apprécié ?",
        ),
        (
            "Feedback zum Kurs: Name, E-Mail, was können wir besser machen",
            "Was können wir besser machen?",
        ),
        ("Pesquisa da loja: nome, email, o que podemos melhorar", "O que podemos melhorar?"),
    ):
        config, _ = await generated(user, description)
        assert _typed(config).get(label) == "textarea", (description, _typed(config))


async def test_a_clause_said_without_inversion_is_asked_as_a_question(user):
    config, _ = await generated(
        user,
        "Podcast guest pitch: name, email, why you're a good fit for our audience, how you found us",
    )
    typed = _typed(config)
    assert typed["Why are you a good fit for our audience?"] == "textarea"
    assert typed["How did you find us?"] != "textarea"  # a short fact stays short


async def test_short_facts_and_listed_answers_keep_their_type(user):
    config, _ = await generated(
        user,
        "Catering enquiry: company name, what is your budget, how many guests, "
        "which date (Sat 3rd, Sun 4th), what would you like us to cook",
    )
    typed = _typed(config)
    assert typed["What is your budget?"] == "number"
    assert typed["How many guests?"] == "number"
    assert [f["type"] for f in config["fields"] if f["options"] == ["Sat 3rd", "Sun 4th"]] == [
        "select"
    ]
    assert typed["What would you like us to cook?"] == "textarea"
