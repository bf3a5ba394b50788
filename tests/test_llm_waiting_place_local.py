"""The local engine (issue 20, stop 18): a waiting list for a place (an allotment plot, a
nursery place, a mooring, a puppy) goes to the person who offers places; a waiting list for
an app or a launch stays an audience that is kept informed. Through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_waiting_list_for_a_place_goes_to_a_person(user):
    for description in (
        "Allotment waiting list: name, address, email, phone, plot size wanted (half, full)",
        "Join the waiting list for a nursery place: parent name, email, child's name",
        "Waiting list for a boat mooring: name, email, boat length",
        "Warteliste für einen Kleingarten: Name, E-Mail, Adresse",
        "Lista de espera para plaza en la guardería: nombre, email, fecha de nacimiento del niño",
    ):
        config, _ = await generated(user, description)
        assert config["flow_id"] == "direct_route", description
        brief = config["agent"]["instructions"]
        assert "Never promise a place" in brief, description
        assert config["agent"]["autonomy_level"] != "fully_autonomous", description


async def test_a_waiting_list_for_a_product_stays_an_audience(user):
    for description in (
        "Waitlist for our new budgeting app: email",
        "Join the waitlist for our product launch: email, company",
        "Join the waitlist for our sold-out pottery course: name, email",
        "Puppy training waitlist - name, email, puppy's age",
    ):
        config, _ = await generated(user, description)
        assert config["flow_id"] == "email_marketing", description
