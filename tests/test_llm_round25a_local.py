"""The local engine, round 25a (issue 20): a form is named for what its description says it is
for, however the description opens — a chatty sentence, a heading whose noun is no stock kind,
"contact form for my … buisness" — and people updating their own details are no job
applicants, through POST /api/forms/generate; a name already right stays."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_purpose_a_sentence_states_names_the_form(user):
    for description, name in (
        (
            "Quick one - we need a form for customers to request our catalogue. Name, email.",
            "Catalogue Request",
        ),
        (
            "hey can you make me a form for booking our jazz trio? date, venue, name, phone",
            "Jazz Trio Booking",
        ),
        (
            "We run a charity pub quiz every spring and need a form for teams to enter - team "
            "name, captain, number of players",
            "Charity Pub Quiz Entry",
        ),
        ("form for customers to request a refund: order number, reason", "Refund Request"),
        (
            "Olá, preciso de um formulário para os clientes pedirem o nosso catálogo. Nome, email",
            "Pedido de catálogo",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_a_headings_own_noun_and_my_business_are_kept(user):
    for description, name in (
        ("Sign-up sheet for our river clean-up: name, email, shoe size", "River Clean-up Sign-up"),
        (
            "Application for a craft stall at our village fete: stall name, goods",
            "Craft Stall Application",
        ),
        ("Season pass renewal request: name, pass number, email", "Season Pass Renewal Request"),
        ("contact form for my roofing buisness - name phone message", "Roofing Enquiry"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])


async def test_an_alumni_update_is_no_job_application(user):
    config, _ = await generated(
        user, "Alumni update form: graduation year, current employer, job title, email"
    )
    assert config["name"] in ("Alumni Update", "Alumni Update Form")
    assert config["flow_id"] == "notify_only"
    assert "appl" not in config["response"]["thank_you_message"].lower()


async def test_names_already_right_stay(user):
    for description, name in (
        ("Just a simple contact form please: name, email, message", "Contact Us"),
        (
            "Contact form for our physiotherapy clinic: name, email, message",
            "Physiotherapy Clinic Enquiry",
        ),
        ("Sign up for our weekly newsletter: email, first name", "Newsletter Signup"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
