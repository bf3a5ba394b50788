"""The local engine, round 16e (issue 20): what the form is for and its name — a sign-up for
an open day, an info evening or a trial lesson (in any of the five languages) is a
registration named for the visit, not a newsletter; accreditations, permits, licences and
memberships are applications routed to a person; venue and function hire enquiries are named
for the hire and ask no quote; a callback asks for the phone first; partners' referrals, data
requests and a course named as an event are named for what they are — through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_visit_day_sign_up_is_a_registration_named_for_the_visit(user):
    config, fields = await generated(
        user, "Anmeldung zum Schnuppertag: Name, E-Mail, Telefon, Wunschdatum"
    )
    assert config["flow_id"] != "email_marketing"
    assert config["name"] == "Anmeldung zum Schnuppertag"
    assert fields["preferred_date"]["type"] == "date"
    config, _ = await generated(
        user,
        "Inscription à la journée portes ouvertes : nom, e-mail, téléphone, nombre de personnes",
    )
    assert config["name"] == "Inscription à la journée portes ouvertes"
    assert config["flow_id"] == "direct_route"
    config, _ = await generated(user, "Book a trial lesson at our dance school: name, email, phone")
    assert config["name"] == "Trial Lesson Booking"
    # a newsletter is asked for in newsletter words, and stays one
    config, _ = await generated(user, "Anmeldung zum Newsletter: E-Mail, Vorname")
    assert config["flow_id"] == "email_marketing"


async def test_accreditations_permits_and_memberships_are_applications_for_a_person(user):
    config, _ = await generated(
        user,
        "Press accreditation for our festival: name, email, media outlet, role, press card number",
    )
    assert (config["name"], config["flow_id"]) == ("Press Accreditation", "direct_route")
    assert "How can we help?" not in [f["label"] for f in config["fields"]]
    config, fields = await generated(
        user,
        "Residents' parking permit application: name, address, email, vehicle registration, "
        "proof of residence upload",
    )
    assert config["name"] == "Residents' Parking Permit Application"
    assert config["flow_id"] == "direct_route"
    config, fields = await generated(
        user,
        "Season ticket application: name, email, phone, seat preference, "
        "payment plan (monthly, annual)",
    )
    assert (config["name"], config["flow_id"]) == ("Season Ticket Application", "direct_route")
    assert "Describe the problem" not in [f["label"] for f in config["fields"]]
    config, _ = await generated(user, "Solicitud de acreditación de prensa: nombre, email, medio")
    assert config["name"] == "Acreditación de prensa"


async def test_a_venue_hire_enquiry_is_named_for_the_hire_and_asks_no_quote(user):
    config, fields = await generated(
        user,
        "Wedding venue enquiry: names, email, phone, wedding date, number of guests, "
        "ceremony on site yes/no",
    )
    assert config["name"] == "Wedding Venue Enquiry"
    labels = [f["label"] for f in config["fields"]]
    assert "What do you need a quote for?" not in labels
    config, _ = await generated(
        user, "Function room hire enquiry: name, email, phone, date, number of guests"
    )
    assert config["name"] == "Function Room Hire Enquiry"
    assert config["flow_id"] == "sales_lead"
    # a wedding service is no venue: the photographer still quotes
    config, _ = await generated(user, "Wedding photography enquiry: names, email, date, venue")
    assert config["name"] != "Wedding Venue Enquiry"


async def test_a_callback_asks_for_the_phone_first_and_a_time_to_call(user):
    config, fields = await generated(
        user, "Request a callback from an adviser: name, phone, best time to call, topic"
    )
    assert config["name"] == "Callback Request"
    names = [f["name"] for f in config["fields"]]
    # the list gives a phone: no stock email beside it (round 18a); the time follows it
    assert "email" not in names and names.index("phone") < names.index("preferred_time")
    assert fields["phone"]["required"]
    config, fields = await generated(user, "Callback request form for our insurance brokerage")
    assert config["name"] == "Callback Request"
    assert "phone" in fields and "preferred_time" in fields
    config, _ = await generated(user, "Rückrufbitte: Name, Telefon, beste Uhrzeit, Anliegen")
    assert config["name"] == "Rückrufbitte"


async def test_referrals_data_requests_and_courses_are_named_for_what_they_are(user):
    config, fields = await generated(
        user,
        "Partner referral form: referrer name, referrer email, client name, client phone, notes",
    )
    # a referral, named in the marketer's words (round 17a), not a partnership
    assert config["name"] == "Partner Referral" and "website" not in fields
    config, _ = await generated(
        user, "Journalists' data request: name, email, outlet, what figures you need, deadline"
    )
    assert (config["name"], config["flow_id"]) == ("Data Request", "direct_route")
    config, _ = await generated(
        user, "Auditor information request: name, email, firm, documents needed, deadline"
    )
    assert config["flow_id"] == "direct_route"
    config, _ = await generated(
        user,
        "Inscripción al evento: clases de guitarra para adultos - nombre, email, "
        "nivel (principiante, intermedio, avanzado), horario preferido",
    )
    assert (config["name"], config["flow_id"]) == ("Inscripción al curso", "direct_route")
