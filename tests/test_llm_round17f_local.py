"""The local engine, round 17f (issue 20): a span named by its dates — "travel dates",
"dates of your stay", "rental dates", "dates du séjour", "Reisedaten" — is its two ends,
named the way the trade names them, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_trip_departs_and_returns_a_stay_arrives_and_departs(user):
    for said, ends in (
        ("destination, travel dates, number of travellers", ["Departure date", "Return date"]),
        ("dates of your stay, number of guests", ["Arrival date", "Departure date"]),
        ("what equipment, rental dates, delivery address", ["Start date", "End date"]),
    ):
        config, _ = await generated(user, f"Enquiry form: name, email, {said}")
        dates = [f["label"] for f in config["fields"] if f["type"] == "date"]
        assert dates == ends, (said, dates)


async def test_the_ends_are_named_in_the_descriptions_language(user):
    for description, ends in (
        (
            "Demande de réservation : nom, email, dates du séjour",
            ["Date d'arrivée", "Date de départ"],
        ),
        (
            "Solicitud de viaje: nombre, correo, destino, fechas del viaje",
            ["Fecha de ida", "Fecha de vuelta"],
        ),
        ("Reiseanfrage: Name, E-Mail, Reiseziel, Reisedaten", ["Hinreisedatum", "Rückreisedatum"]),
    ):
        config, _ = await generated(user, description)
        assert [f["label"] for f in config["fields"] if f["type"] == "date"] == ends


async def test_dates_offered_as_a_choice_stay_a_choice(user):
    config, _ = await generated(
        user, "Volunteer sign up: name, email, which dates can you make (3 May, 10 May, 17 May)"
    )
    assert not [f for f in config["fields"] if f["type"] == "date"]
    [dates] = [f for f in config["fields"] if f.get("options")]
    assert dates["options"] == ["3 May", "10 May", "17 May"]
