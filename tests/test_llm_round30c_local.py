"""The local engine, round 30c (issue 20): a survey or a feedback widget whose list names no
contact gets no unasked email (it answers nobody), and a form for people who want to do
something is named to the visitor ("Sell Your Car"), never "their", through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_an_anonymous_widget_or_survey_gets_no_unasked_email(user):
    for description in (
        "Website feedback widget: was this page helpful (yes/no), what were you looking for, "
        "anything we could improve",
        "Post-event survey: overall rating 1-5, best session, what should we change next year",
        "Encuesta de satisfacción de la tienda: ¿encontró lo que buscaba?, valoración 1-5, "
        "comentarios",
        "Feedback-Widget für unsere Hilfeseiten: War dieser Artikel hilfreich (ja/nein), "
        "was hat gefehlt",
    ):
        config, _ = await generated(user, description)
        assert not [f for f in config["fields"] if f["type"] == "email"], description


async def test_an_email_the_feedback_form_asks_for_stays(user):
    config, _ = await generated(
        user, "Customer feedback form: rating 1-5, comments, email if you want a reply"
    )
    assert config["fields"][-1]["type"] == "email"
    assert not config["fields"][-1]["required"]
    config, _ = await generated(user, "Feedback form: name, email, what did you think of it")
    assert any(f["type"] == "email" for f in config["fields"])


async def test_a_form_for_people_who_want_to_sell_their_car_speaks_to_the_visitor(user):
    config, _ = await generated(
        user,
        "Can you make me a form for people who want to sell their car to us? name, phone, "
        "car make, model, year, mileage",
    )
    assert config["name"] == "Sell Your Car"


async def test_a_name_already_right_stays(user):
    config, _ = await generated(
        user, "a form for customers to request our price list: name, email, company"
    )
    assert config["name"] == "Price List Request"
