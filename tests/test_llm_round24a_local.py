"""The local engine, round 24a (issue 20): a form is named for the subject its description
gives — the business a sentence says, whose contact form it is, a claim at an insurer, the
role applied for, an early-access list, a free consultation — through POST
/api/forms/generate; a name already right stays."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_business_and_whose_contact_form_name_it(user):
    for description, name in (
        (
            "We run a cattery near Stroud and would like customers to be able to book online. "
            "Ask for cat's name, dates, owner phone.",
            "Cattery Booking",
        ),
        ("Contact form for our dental practice: name, email, message", "Dental Practice Enquiry"),
        (
            "Kontaktformular für unsere Zahnarztpraxis: Name, E-Mail, Nachricht",
            "Anfrage – Zahnarztpraxis",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_claim_a_role_a_beta_list_and_a_consultation_say_what_they_are(user):
    for description, name, flow in (
        (
            "Claim form for our insurance customers: policy number, date, what happened",
            "Insurance Claim",
            "support_triage",
        ),
        (
            "Formulario de reclamación para clientes de nuestra compañía de seguros: número de "
            "póliza, fecha, descripción",
            "Reclamación de seguro",
            "support_triage",
        ),
        (
            "Apply to become a stockist of our soaps: shop name, website",
            "Stockist Application",
            None,
        ),
        ("Join the beta waiting list for our app: name, email", "Beta Waitlist", "email_marketing"),
        (
            "IT support for small offices - book a free consultation: name, company, phone",
            "Free Consultation",
            "booking_request",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
        assert flow is None or config["flow_id"] == flow, (description, config["flow_id"])


async def test_a_name_already_right_stays(user):
    for description, name in (
        ("Contact form: name, email, message", "Contact Us"),
        ("Expense claim form: date, amount, receipt", "Expense Claim"),
        ("Book a free consultation: name, email, phone", "Free Consultation"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
