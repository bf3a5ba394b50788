"""The local engine, round 19c (issue 20): every listed item is read as the marketer meant
it and no contact or business field is added around it — a tenant's employer is no company,
"mobile" and "WhatsApp number" are phones in the marketer's word, "coordonnées" are the
contact fields, what people "occasionally ask about" is no field; through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_a_tenants_employer_asks_no_company(user):
    config, _ = await generated(
        user, "Lettings application: name, mobile, employer, yearly income, rent you can afford"
    )
    labels = _labels(config)
    assert "Company" not in labels and "Employer" in labels
    assert "Rent you can afford" in labels
    assert not any(f["type"] == "email" for f in config["fields"])


async def test_a_mobile_and_a_whatsapp_number_are_phones_in_the_marketers_word(user):
    config, _ = await generated(
        user, "Dog walking booking: owner's name, mobile, dog's name, walk length"
    )
    assert ("Mobile", "phone") in [(f["label"], f["type"]) for f in config["fields"]]
    config, _ = await generated(
        user, "Nail salon booking: name, WhatsApp number, treatment, preferred date"
    )
    assert ("WhatsApp number", "phone") in [(f["label"], f["type"]) for f in config["fields"]]
    assert not any(f["type"] == "email" for f in config["fields"])


async def test_contact_details_in_other_languages_are_the_contact_fields(user):
    config, _ = await generated(user, "Formulaire de contact : nom, coordonnées, message")
    assert "Coordonnées" not in _labels(config)
    assert any(f["type"] == "email" and f["required"] for f in config["fields"])


async def test_what_people_ask_about_is_no_field(user):
    config, _ = await generated(
        user,
        "Get in touch form for a florist. Occasionally people ask about weddings, "
        "so a field for wedding date.",
    )
    labels = _labels(config)
    assert "Weddings" not in labels
    assert ("Wedding date", "date") in [(f["label"], f["type"]) for f in config["fields"]]


async def test_guards_a_named_email_and_a_b2b_company_stay_required(user):
    config, _ = await generated(user, "Physio appointment: name, email, phone, preferred day")
    assert any(f["type"] == "email" and f["required"] for f in config["fields"])
    config, _ = await generated(
        user, "Book a demo of our payroll software: name, work email, company, number of employees"
    )
    assert any(f["label"] == "Company" and f["required"] for f in config["fields"])
    assert "Work email" in _labels(config)
