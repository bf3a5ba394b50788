"""The local engine, round 33a (issue 20): a trade's or business's lead, sign-up or contact
form is named for what it is for — "New Client Registration", "Landscaping Enquiry",
"Anmeldung neuer Mitglieder" — without chatter ("form on our site") or a typo in the business
noun, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_newcomers_of_a_business_sign_up_in_a_registration(user):
    for description, name in (
        (
            "We're a dog daycare. I want a form for new clients: owner name, email, phone, breed",
            "New Client Registration",
        ),
        (
            "Formulaire pour les nouveaux patients de notre cabinet dentaire : nom, email",
            "Inscription des nouveaux patients",
        ),
        (
            "Anmeldeformular für neue Mitglieder unseres Tennisvereins: Name, E-Mail, Telefon",
            "Anmeldung neuer Mitglieder",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_trades_lead_form_is_an_enquiry_without_chatter_or_typo(user):
    for description, name in (
        (
            "landscaping company lead form. name, email, phone, postcode",
            "Landscaping Company Enquiry",
        ),
        ("contact form for my photography buisness. name, email, message", "Photography Enquiry"),
        (
            "accounting firm lead form on our website: name, email, company",
            "Accounting Firm Enquiry",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_right_name_and_another_act_for_newcomers_stay(user):
    for description, name in (
        (
            "Wedding catering enquiry for our events business: name, email, date",
            "Wedding Catering Enquiry",
        ),
        ("Newsletter sign up for new customers: email, first name", "Newsletter Signup"),
        (
            "booking form for new clients of our hair salon: name, phone, service, date",
            "Booking Request",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
