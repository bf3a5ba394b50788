"""The local engine, round 18b (issue 20): a choice is read whole — its answers, whether
several apply, and what only looks like a choice — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_tick_boxes_for_a_list_are_one_multi_choice(user):
    config, _ = await generated(
        user, "Dog grooming booking: name, phone, tick boxes for bath, nail trim and ear cleaning"
    )
    boxes = [f for f in config["fields"] if f["type"] == "multiselect"]
    assert [f["options"] for f in boxes] == [["Bath", "Nail trim", "Ear cleaning"]]
    assert not any("tick" in f["label"].lower() for f in config["fields"])


async def test_a_weekday_range_gives_its_days_in_the_descriptions_language(user):
    for description, word, days in (
        ("Volunteer sign-up: name, email, which days can you help (Mon-Fri)", "days", 5),
        ("Garderie : nom, email, jours de garde (lundi à vendredi)", "jours", 5),
        ("Kursanmeldung: Name, E-Mail, Wunschtage (Mo–Mi)", "tage", 3),
    ):
        config, _ = await generated(user, description)
        field = _field(config, word)
        assert field["type"] == "multiselect" and len(field["options"]) == days, field
        assert not any(f["type"] == "date" for f in config["fields"])


async def test_a_modifier_after_a_list_is_no_field(user):
    config, _ = await generated(
        user,
        "Encuesta: nombre, correo, qué productos usa (crema, champú, jabón) - puede elegir "
        "varias, comentarios",
    )
    assert _field(config, "productos")["type"] == "multiselect"
    assert not any("elegir" in f["label"].lower() for f in config["fields"])


async def test_or_questions_offer_the_answers_and_a_parents_phone_is_a_phone(user):
    config, _ = await generated(
        user,
        "Estate agent enquiry: name, email, are you hoping to buy or rent, mother's or "
        "father's phone",
    )
    assert _field(config, "buy or rent")["options"] == ["Buy", "Rent"]
    assert _field(config, "father")["type"] == "phone"


async def test_an_anonymous_form_without_contact_details_asks_none(user):
    config, _ = await generated(
        user, "Anonymous staff survey, no contact details: what went well, what would you change"
    )
    kinds = {f["type"] for f in config["fields"]}
    assert not kinds & {"email", "phone"}
    assert not any(f["label"].lower().startswith("anonym") for f in config["fields"])


async def test_sex_is_a_choice_and_how_often_a_number(user):
    config, _ = await generated(
        user, "Inscription club : nom, email, sexe, combien de fois par semaine"
    )
    assert "Je préfère ne pas répondre" in _field(config, "sexe")["options"]
    assert _field(config, "fois")["type"] == "number"


async def test_one_plan_one_size_one_contact_method_stay_single(user):
    config, _ = await generated(
        user,
        "Broadband support: name, email, which plan are you on (basic, fibre 100, fibre 500), "
        "preferred contact method (phone, email, text)",
    )
    assert {f["type"] for f in config["fields"] if f["options"]} == {"select"}


async def test_or_questions_in_other_languages(user):
    config, _ = await generated(
        user,
        "Inmobiliaria: nombre, correo, ¿quiere comprar o alquilar?, teléfono del padre o madre",
    )
    assert _field(config, "comprar")["options"] == ["Comprar", "Alquilar"]
    assert _field(config, "padre")["type"] == "phone"
