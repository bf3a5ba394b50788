"""The local engine, round 17a (issue 20): what the form is called and the purpose that name
implies — the marketer's subject and kind word ("Wedding catering enquiry for couples …" is a
"Wedding Catering Enquiry"), "Form to request a replacement bin" reads "Replacement Bin
Request", a free pass or a free trial class is asked for (no newsletter), an address change
is no removals quote, and es/fr/de/pt headings keep their words — through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_subject_and_kind_word_name_the_form_without_its_audience(user):
    said = {
        "Wedding catering enquiry for couples planning their big day. Ask for names, email, "
        "wedding date and guest count": "Wedding Catering Enquiry",
        "Grooming appointment form for dog owners with dog's name, breed, preferred date": (
            "Grooming Appointment"
        ),
        "Cancel my membership form with member number and reason for leaving": (
            "Membership Cancellation"
        ),
        "Padel tournament entry form with team name, both players and level": (
            "Padel Tournament Entry"
        ),
    }
    for description, name in said.items():
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
    # a business's name is no subject; whose contact form it is names it (round 24a)
    config, _ = await generated(user, "Contact form for our bakery: name, email, message")
    assert config["name"] == "Bakery Enquiry"
    config, _ = await generated(user, "Le Petit Bistro reservation form: name, phone, date, time")
    assert config["name"] == "Reservation Request"


async def test_a_form_to_do_something_is_named_for_what_it_asks(user):
    config, _ = await generated(user, "Form to request a replacement bin with address and bin type")
    assert config["name"] == "Replacement Bin Request"
    config, _ = await generated(user, "Form to report a pothole: location, photo, email")
    assert config["name"] == "Pothole Report"


async def test_a_free_pass_or_trial_is_a_visit_asked_for_not_a_newsletter(user):
    config, _ = await generated(user, "Claim your free pass to our gym - name, email, phone")
    assert config["flow_id"] == "booking_request" and config["name"] == "Free Pass Request"
    config, _ = await generated(user, "Kostenloses Probetraining: Name, E-Mail, Telefon, Wunschtag")
    assert config["flow_id"] == "booking_request"
    # a guide given away is still a download
    config, _ = await generated(user, "Free ebook: name, email")
    assert config["flow_id"] == "email_marketing"


async def test_an_address_change_is_no_quote_and_a_foreign_heading_keeps_its_words(user):
    config, fields = await generated(user, "Change of address form: name, old address, new address")
    assert config["flow_id"] == "direct_route"
    assert not any("quote" in f["label"].lower() for f in fields.values())
    config, _ = await generated(
        user, "Demande de rendez-vous toilettage : nom, téléphone, race du chien, date souhaitée"
    )
    assert config["name"] == "Demande de rendez-vous toilettage"
    config, _ = await generated(user, "Matrícula 2027 - nome do aluno, turma, e-mail dos pais")
    assert config["name"] == "Matrícula 2027" and config["flow_id"] == "direct_route"
