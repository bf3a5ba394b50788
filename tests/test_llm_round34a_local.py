"""The local engine, round 34a (issue 20): brackets after an item that hold no answers —
examples ("e.g.", "por ejemplo", "z. B.", "p. ex.", "ex.:") and one sum with a limit
("up to £5,000", "hasta 5.000 €") — are the question's help and bound, not its answers, through
POST /api/forms/generate. Answer lists in brackets stay choices."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_examples_are_help_under_the_question(user):
    config, _ = await generated(
        user,
        "Plumber callout request. Name, phone, address, is it an emergency "
        "(e.g. leak, no hot water)?, describe the issue",
    )
    labels = [f["label"] for f in config["fields"]]
    assert not any("e.g" in label or "Leak" in label or "water" in label for label in labels)
    emergency = _field(config, "emergency")
    assert emergency["options"] == ["Yes", "No"]
    assert emergency["help"] == "e.g. leak, no hot water"
    assert labels[-1] == "Describe the issue"


async def test_examples_in_other_languages(user):
    for description, word in (
        ("Solicitud de reforma: nombre, teléfono, tipo de obra (por ejemplo baño, cocina)", "tipo"),
        (
            "Demande de devis : nom, email, travaux souhaités (p. ex. taille de haies, tonte)",
            "travaux",
        ),
    ):
        config, _ = await generated(user, description)
        field = _field(config, word)
        assert field["type"] != "select" and field["help"], (description, field)
        assert not any(
            "tonte" in f["label"].lower() or "cocina" in f["label"].lower()
            for f in config["fields"]
        )


async def test_a_money_limit_is_a_bounded_number(user):
    config, _ = await generated(
        user,
        "Grant application for community groups: group name, contact email, project summary, "
        "amount requested (up to £5,000), how will you measure success",
    )
    amount = _field(config, "amount")
    assert (amount["type"], amount["max"], amount["help"]) == ("number", 5000, "Up to £5,000")
    config, _ = await generated(
        user, "Förderantrag: Vereinsname, E-Mail, beantragter Betrag (max. 10.000 €), Zweck"
    )
    assert (_field(config, "betrag")["type"], _field(config, "betrag")["max"]) == ("number", 10000)


async def test_answers_in_brackets_stay_choices(user):
    config, _ = await generated(
        user, "Donation form: name, email, amount (£10, £25, £50, other), gift aid"
    )
    assert _field(config, "amount")["options"] == ["£10", "£25", "£50", "Other"]
    config, _ = await generated(
        user,
        "Fun run sign-up: name, email, dietary needs (i.e. vegan, halal, none), size (S, M, L)",
    )
    assert _field(config, "dietary")["options"] == ["Vegan", "Halal", "None"]
    assert _field(config, "size")["options"] == ["S", "M", "L"]
