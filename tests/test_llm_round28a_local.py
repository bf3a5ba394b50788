"""The local engine, round 28a (issue 20): the words a heading or preamble uses to say what
the business does, whom it serves or hires, or the occasions it works at ("- drivers, packers
and cooks", "events like weddings and festivals", "we do patios and lighting") are no fields
when the list of what to ask follows; "tick if you want X" is a box for X, never a field
"Tick". Through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_people_a_business_hires_are_no_fields(user):
    config, _ = await generated(
        user,
        "Hiring at our bakery - bakers, drivers and shop assistants. "
        "Name, email, phone, position, availability",
    )
    labels = [f["label"] for f in config["fields"]]
    assert not {"Bakers", "Drivers", "Shop assistants"} & set(labels), labels
    assert "Position" in labels and "Availability" in labels


async def test_the_occasions_and_services_are_no_fields(user):
    for description, gone in (
        (
            "Event hire enquiry for our bouncy castles, great for parties like birthdays, "
            "christenings and fun days. Name, email, phone, event date, venue",
            {"Christenings", "Fun days"},
        ),
        (
            "Roofing callback - we do flat roofs, gutters and chimneys. Name, phone, postcode",
            {"Gutters", "Chimneys"},
        ),
        (
            "Solicitud de empleo para nuestro hotel - recepcionistas, camareras y cocineros. "
            "Nombre, email, teléfono, puesto",
            {"Recepcionistas", "Camareras", "Cocineros"},
        ),
    ):
        config, _ = await generated(user, description)
        labels = {f["label"] for f in config["fields"]}
        assert not gone & labels, (description, labels)


async def test_tick_if_you_want_x_is_a_box_for_x(user):
    config, _ = await generated(
        user,
        "Sign our petition to save the community garden: first name, last name, email, "
        "tick if you want campaign updates",
    )
    labels = [f["label"] for f in config["fields"]]
    assert not any(label.lower().startswith("tick") for label in labels), labels
    box = next(f for f in config["fields"] if "campaign updates" in f["label"])
    assert box["type"] in ("consent", "checkbox") and not box["required"]


async def test_a_real_list_after_a_dash_or_a_colon_stays(user):
    for description, kept in (
        ("Feedback form - name, email, rating, comments", {"Email", "Comments"}),
        (
            "Tell us about your home: bedrooms, bathrooms, parking. Then your name and email",
            {"Bedrooms", "Bathrooms", "Parking"},
        ),
    ):
        config, _ = await generated(user, description)
        labels = {f["label"] for f in config["fields"]}
        assert kept <= labels, (description, labels)
