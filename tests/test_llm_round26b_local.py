"""The local engine, round 26b (issue 20): each listed item is asked as the visitor expects —
"<a date> or <another date>" is one date, an item about someone else keeps "they", an amount
of money is a number, "welche Arbeiten (…)" takes several answers — through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f"{f['name']} {f['label']}".lower())


async def test_two_dates_or_two_phones_are_one_field_of_their_type(user):
    config, _ = await generated(
        user, "Maternity pack request: name, email, due date or baby's date of birth, address"
    )
    assert _field(config, "due date")["type"] == "date"
    config, _ = await generated(
        user, "Volunteer sign-up: name, email, start or end date if known, phone"
    )
    start = _field(config, "start or end date")
    assert start["type"] == "date" and not start["required"]
    config, _ = await generated(user, "Inscripción gimnasio: nombre, email, teléfono o móvil")
    assert _field(config, "teléfono o móvil")["type"] == "phone"


async def test_genuine_alternatives_stay_a_choice(user):
    config, _ = await generated(user, "Click and collect: name, email, collection or delivery")
    assert _field(config, "collection or delivery")["options"] == ["Collection", "Delivery"]


async def test_an_item_about_someone_else_keeps_they(user):
    config, _ = await generated(
        user,
        "Nominate a teacher for our award: your name, your email, teacher's name, "
        "their school, why they deserve it",
    )
    assert _field(config, "deserve")["label"] == "Why do they deserve it?"
    config, _ = await generated(user, "Gym trial sign-up: their name, email, why they want to join")
    assert _field(config, "join")["label"] == "Why do you want to join?"  # the visitor


async def test_money_is_a_number_and_what_is_not_money_is_not(user):
    for description, word in (
        ("Solar panel quote: name, email, average monthly electricity bill", "bill"),
        ("Demande de location : nom, email, loyer maximum", "loyer"),
        ("Solicitud de alquiler: nombre, email, alquiler mensual que puede pagar", "alquiler"),
        ("Pedido de orçamento solar: nome, email, valor médio da conta de luz", "conta"),
    ):
        config, _ = await generated(user, description)
        assert _field(config, word)["type"] == "number", description
    config, _ = await generated(
        user, "Recruitment agency enquiry: name, email, company, salary range"
    )
    assert _field(config, "salary range")["type"] != "number"


async def test_which_works_in_the_plural_take_several_answers(user):
    config, _ = await generated(
        user, "Angebot Renovierung: Name, E-Mail, welche Arbeiten (Maler, Fliesen, Boden)"
    )
    assert _field(config, "arbeiten")["type"] == "multiselect"
    config, _ = await generated(user, "Bestellung: Name, E-Mail, welche Größe (S, M, L)")
    assert _field(config, "größe")["type"] == "select"
