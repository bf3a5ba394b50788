"""The local engine, round 27a (issue 20): the subject said right beside the form's kind word
names the form — a quote wanted for a thing, a heading after a sentence about the business, a
scheme applied for, what people are let do, money back on a thing, a question to a named
expert — not a stock name or the opening clause title-cased, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_thing_wanted_or_applied_for_names_the_form(user):
    for description, name in (
        (
            "Form for landlords who want a quote for a new fuse board: name, phone, address",
            "Fuse Board Quote",
        ),
        (
            "We run escape rooms in Leeds. Corporate booking enquiry: name, company, email, date",
            "Corporate Booking Enquiry",
        ),
        (
            "Apply for our data science internship - name, email, university, CV",
            "Data Science Internship Application",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_what_people_are_let_do_names_the_form(user):
    for description, name in (
        (
            "Let students report lost property: name, email, item, where lost",
            "Lost Property Report",
        ),
        (
            "Pet sitting business so owners can book: owner name, phone, pet, dates",
            "Pet Sitting Booking",
        ),
        (
            "A form where buyers ask for their money back on a jacket: name, email, order number",
            "Jacket Refund Request",
        ),
        ("Got a question for our optician? name, email, question", "Question for Our Optician"),
        (
            "Que los socios puedan reservar la pista de pádel: nombre, fecha, hora",
            "Reserva de la pista de pádel",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_name_already_right_stays(user):
    for description, name in (
        ("Form so staff can book meeting rooms: name, room, date, time", "Meeting Room Booking"),
        (
            "Pedido de reembolso de despesas: nome, email, valor, comprovativo",
            "Pedido de reembolso de despesas",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
