"""The local engine, round 36b (issue 20): a heading that names a thing or a trade plus an act
(a callout, a pre-order, a booking said in prose, a demo asked in Portuguese) is the form's
name in the marketer's words, not a stock name, through POST /api/forms/generate."""

from __future__ import annotations

import re

from tests.helpers_forms import generated


async def test_a_trade_and_its_callout_or_pre_order_name_the_form(user):
    for description, name in (
        (
            "Gutter clearing callout. Name, phone, address, how many storeys",
            "Gutter Clearing Callout",
        ),
        (
            "Pre-order form for our autumn candle box: name, email, scent, quantity",
            "Autumn Candle Box Pre-order",
        ),
        (
            "I run a small bike repair shop and want people to book a service online. name, email, bike model, preferred date",
            "Bike Repair (Shop )?Booking",
        ),
        (
            "form for parents to sign their kids up for the summer tennis camp - child name, age, parent email",
            "Summer Tennis Camp Registration",
        ),
    ):
        config, _ = await generated(user, description)
        assert re.fullmatch(name, config["name"]), (description, config["name"])


async def test_a_demo_asked_in_portuguese_is_a_demo_request_with_no_quote_question(user):
    config, _ = await generated(
        user, "Pedido de demonstração do nosso software de gestão: nome, email, empresa"
    )
    assert config["name"].startswith("Pedido de demonstração")
    assert not any("orçamento" in f["label"] for f in config["fields"])


async def test_a_heading_named_today_keeps_its_name(user):
    for description, name in (
        ("Dog grooming booking: name, phone, dog breed, preferred date", "Dog Grooming Booking"),
        ("Window cleaning quote: name, address, number of windows", "Window Cleaning Quote"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name
