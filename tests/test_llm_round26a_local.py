"""The local engine, round 26a (issue 20): the form's name says what the visitor comes to do —
a quoted call to action, the free survey or consultation offered, the business heading's own
subject, the named award, what people want abroad — not a stock name or the business's name,
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_quoted_call_to_action_names_the_form(user):
    for description, name in (
        (
            'Lead form with the headline "Claim your free pest survey": name, phone, address',
            "Free Pest Survey",
        ),
        (
            "The button says 'Book your strategy call' - for our agency: name, email, company",
            "Strategy Call Booking",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_what_is_offered_or_asked_for_names_the_form(user):
    for description, name in (
        (
            "Tenants who want a free mould inspection can fill this in: name, phone, address",
            "Free Mould Inspection",
        ),
        (
            "Harbour Yoga - private class enquiries: name, email, experience",
            "Private Class Enquiry",
        ),
        ("Users of our note app can request a feature here: name, email, idea", "Feature Request"),
        (
            "Nominations form for our Carer of the Year award: nominee, reason",
            "Carer of the Year Award Nomination",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_abroad_the_thing_wanted_keeps_its_words(user):
    for description, name in (
        (
            "Formulaire pour les clients qui veulent une étude thermique gratuite: nom, téléphone",
            "Étude thermique gratuite",
        ),
        (
            "Demande de devis pour un séminaire dans notre château: nom, email, date",
            "Demande de devis pour un séminaire",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_stock_purpose_keeps_its_stock_name(user):
    for description, name in (
        ("Contact form: name, email, message", "Contact Us"),
        ("Support request form: name, email, order number, problem", "Support Request"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
