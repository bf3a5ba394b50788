"""The local engine, round 34b (issue 20): a form's name read again against the description —
a plural-only noun keeps its s, who applies to be listed names the application, a complaint
heading is not named for the refund it asks about, a registration is no claim, a foreign
heading "form of X for a Y" is "X – Y" — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_names_say_what_the_description_says(user):
    for description, name in (
        (
            "B2B lead form for our logistics company. name, company, email, phone, message",
            "Logistics Enquiry",
        ),
        (
            "need a quick form where restaurants can apply to be listed on our food delivery "
            "app: restaurant name, contact name, email, phone, cuisine",
            "Restaurant Listing Application",
        ),
        (
            "I need a warranty registration form for our e-bikes: name, email, serial number, "
            "date of purchase",
            "Warranty Registration",
        ),
        (
            "Formulário de reclamação: nome, email, número da encomenda, o que aconteceu, o que "
            "prefere (reembolso, troca)",
            "Reclamação",
        ),
        (
            "Formulario de contacto para una agencia de viajes: nombre, email, destino, fechas",
            "Consulta – agencia de viajes",
        ),
        (
            "Want a form for people to nominate a local hero for our community awards: your "
            "name, email, nominee name, why they deserve it",
            "Community Awards Nomination",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_names_already_right_keep(user):
    for description, name in (
        (
            "product registration form for our coffee machines: name, email, model, serial number",
            "Product Registration",
        ),
        (
            "Kontaktformular für unsere Physiotherapiepraxis: Name, E-Mail, Telefon, Anliegen",
            "Anfrage – Physiotherapiepraxis",
        ),
        (
            "Complaint form: name, email, order number, what went wrong, what would you like "
            "(refund, replacement)",
            "Complaint",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
