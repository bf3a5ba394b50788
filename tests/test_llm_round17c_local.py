"""The local engine, round 17c (issue 20): when a description lists its fields the draft asks
that list (and the email the flow needs), nothing stock beside it — no address, room type,
guest count or "New or existing patient" the list did not name, no "Describe the problem"
once the list says what happened, no "How can we help?" beside the list's own free text or
on a report named for itself, no quote question on a lead form that asks for no quote, no
order number for the verb "order" — and the stock question stays where the description
does not say what it is about; through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _texts(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"] if f["type"] == "textarea"]


async def test_a_listed_form_gets_no_domain_question_it_did_not_name(user):
    _, fields = await generated(
        user,
        "Group hotel booking: name, email, check-in date, check-out date, number of rooms, "
        "adults, children",
    )
    assert "room_type" not in fields and "phone" not in fields
    assert fields["number_of_rooms"]["type"] == "number"
    _, fields = await generated(
        user,
        "Solicitud de presupuesto de reforma: nombre, correo, teléfono, tipo de obra, "
        "metros cuadrados",
    )
    assert set(fields) == {"name", "email", "phone", "tipo_de_obra", "metros_cuadrados"}
    _, fields = await generated(user, "Physio clinic new patient form: name, email, phone, injury")
    assert "patient_status" not in fields and "injury" in fields
    # not listed: the domain's questions are what the marketer expects
    _, fields = await generated(user, "Hotel booking form for our B&B")
    assert fields["room_type"]["type"] == "select" and fields["check_in"]["type"] == "date"


async def test_a_report_whose_list_says_what_happened_gets_no_stock_problem_question(user):
    config, fields = await generated(
        user,
        "Missed bin collection: name, email, address, which bin (general, recycling, garden), "
        "is the bin damaged",
    )
    assert _texts(config) == [] and fields["bin"]["options"] == ["General", "Recycling", "Garden"]
    config, _ = await generated(user, "Objetos perdidos: nombre, correo, qué perdiste, fecha")
    assert "¿Cómo podemos ayudarle?" not in [f["label"] for f in config["fields"]]
    # an order number says which order, not what went wrong: the question stays
    config, _ = await generated(user, "Support request: name, email, order number")
    assert _texts(config) == ["Describe the problem"]


async def test_the_list_own_free_text_is_the_one_question(user):
    config, _ = await generated(user, "Idea box for staff: name, department, your suggestion")
    assert _texts(config) == ["Suggestion"]
    config, _ = await generated(user, "Get in touch: name, email, question in your own words")
    assert _texts(config) == ["Question in your own words"]


async def test_a_lead_or_contact_form_listing_its_fields_gets_no_stock_sales_question(user):
    config, _ = await generated(
        user, "Lead capture form: name, email, company, company size, industry, budget"
    )
    assert _texts(config) == []
    config, _ = await generated(
        user, "Contact us form: name, email, topic (billing, technical, other), order number"
    )
    assert _texts(config) == []
    # a quote request naming only contact details still asks what the quote is for
    config, _ = await generated(user, "Quote request: name, email, budget, timeline")
    assert _texts(config) == ["What do you need a quote for?"]


async def test_the_verb_order_is_no_purchase(user):
    _, fields = await generated(
        user, "A form for customers to order a replacement charger for their e-bike"
    )
    assert "order_number" not in fields
    _, fields = await generated(user, "A form for customers whose parcel never arrived")
    assert "order_number" in fields
