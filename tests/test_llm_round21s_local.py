"""Round 21s (issue 20): a "whether" clause about a thing is asked whole, and one day named
before a weekday range is a single choice, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_whether_clause_about_a_thing_is_asked_whole(user):
    _, fields = await generated(
        user,
        "Removals quote: name, email, whether there is a lift, whether the new home has parking",
    )
    labels = [f["label"] for f in fields.values()]
    assert "Is there a lift?" in labels and "Does the new home have parking?" in labels


async def test_one_day_before_a_weekday_range_is_one_answer(user):
    _, fields = await generated(user, "Cake order: name, phone, collection day (Tue-Sat), flavour")
    day = next(f for f in fields.values() if f["label"] == "Collection day")
    assert day["type"] == "select" and day["options"][0] == "Tuesday"
    _, fields = await generated(
        user, "Volunteer drivers: name, phone, which days can you drive (Mon-Sun)"
    )
    days = next(f for f in fields.values() if "days" in f["label"])
    assert days["type"] == "multiselect" and len(days["options"]) == 7


async def test_what_is_posted_needs_the_address_and_a_dash_ends_the_heading(user):
    _, fields = await generated(
        user, "Request our printed catalogue: name, postal address, email (optional), phone"
    )
    address = next(f for f in fields.values() if "address" in f["label"].lower())
    assert address["required"]
    _, fields = await generated(
        user, "Event registration: pottery classes for beginners - name, email, phone"
    )
    assert not any("pottery" in f["label"].lower() for f in fields.values())
    _, fields = await generated(
        user, "Reserva de clase de surf - nombre del alumno, edad, teléfono"
    )
    assert "Nombre del alumno" in [f["label"] for f in fields.values()]


async def test_a_household_quote_is_not_briefed_as_a_b2b_sale(user):
    config, _ = await generated(
        user, "Solar panel quote: name, email, phone, postcode, roof direction"
    )
    brief = config["agent"]["instructions"]
    assert "company of 51+" not in brief and "details a quote needs" in brief
    config, _ = await generated(user, "Demo request: name, work email, company, company size")
    assert "company of 51+" in config["agent"]["instructions"]
