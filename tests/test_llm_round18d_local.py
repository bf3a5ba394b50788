"""The local engine, round 18d (issue 20): the form's name is the marketer's subject, not
the kind's stock name — "Enquiry form for our landscape design studio", "Moving warehouse?
Tell us: …", "We repair sewing machines. Booking form: …", a vote for club members, a contact
form asking a budget — and "Anmeldung zum Firmenlauf" registers for an event, through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_subject_the_description_gives_names_the_form(user):
    for description, name in (
        (
            "Enquiry form for our landscape design studio: name, email, garden size, budget",
            "Landscape Design Enquiry",
        ),
        (
            "Moving warehouse? Tell us: current address, new address, budget",
            "Warehouse Move Enquiry",
        ),
        (
            "We repair sewing machines. Booking form: name, phone, machine model, preferred date",
            "Sewing Machine Repair Booking",
        ),
        ("A short vote for club members: which date suits (12 May, 19 May)", "Club Member Poll"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_the_name_does_not_change_the_flow(user):
    config, _ = await generated(
        user, "Planning a hen party? Enquiry form: name, email, date, group size, budget"
    )
    assert (config["name"], config["flow_id"]) == ("Hen Party Enquiry", "sales_lead")


async def test_a_contact_form_is_named_a_contact_form_in_its_language(user):
    config, _ = await generated(
        user,
        "Formulario de contacto para nuestro estudio de arquitectura: nombre, correo, presupuesto",
    )
    # whose contact form it is names it, in its language (round 24a)
    assert config["name"] == "Consulta – estudio de arquitectura"


async def test_registering_for_a_company_event_is_a_registration(user):
    config, _ = await generated(user, "Anmeldung zum Firmenlauf: Name, Abteilung, T-Shirt-Größe")
    assert (config["name"], config["flow_id"]) == ("Anmeldung zum Firmenlauf", "direct_route")
    config, _ = await generated(user, "Newsletter-Anmeldung: E-Mail, Vorname")
    assert config["flow_id"] == "email_marketing"
    config, _ = await generated(user, "Sign-up form for our beach clean: name, email, t-shirt size")
    assert (config["name"], config["flow_id"]) == ("Beach Clean Sign-up", "direct_route")
    config, _ = await generated(user, "Sign up for our monthly newsletter: email, first name")
    assert (config["name"], config["flow_id"]) == ("Newsletter Signup", "email_marketing")


async def test_a_good_name_stays(user):
    for description, name in (
        ("Newsletter signup: email, first name", "Newsletter Signup"),
        ("Wedding catering enquiry for couples: names, date, guests", "Wedding Catering Enquiry"),
        ("Job application for our bakery: name, email, CV", "Job Application"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description
