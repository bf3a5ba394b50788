"""The local engine, round 31b (issue 20): the words in front of the list name the form and
are no field — the segment that says the act wins over where the form sits ("Formular für
Mieter: Schaden melden"); a generic name says whose it is; a sign-up to an audition, a
trial or a class is a registration, one to news stays email marketing — through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_the_act_segment_names_the_form_and_no_title_segment_is_a_field(user):
    for description, named, heading in (
        (
            "Formular für Mieter: Schaden melden. Name, E-Mail, Wohnungsnummer, Foto",
            "Schaden",
            "Schaden melden",
        ),
        (
            "Staff portal: Expense claim. Name, department, amount, date, receipt",
            "Expense",
            "Expense claim",
        ),
    ):
        config, _ = await generated(user, description)
        assert named.lower() in config["name"].lower(), config["name"]
        labels = [f["label"].lower() for f in config["fields"]]
        assert heading.lower() not in labels, labels


async def test_a_bare_act_before_a_dash_is_named_with_what_follows(user):
    config, _ = await generated(user, "Inscripción – torneo de verano: nombre, email, edad")
    assert "torneo de verano" in config["name"].lower()


async def test_a_generic_name_says_whose_it_is(user):
    config, _ = await generated(
        user, "We run an escape room. I need a booking form: name, email, date, number of players"
    )
    assert config["name"] == "Escape Room Booking"


async def test_an_audition_sign_up_is_a_registration_and_news_stays_marketing(user):
    config, _ = await generated(
        user, "Choir audition sign up - name, email, voice part (soprano, alto, tenor, bass)"
    )
    assert config["flow_id"] == "direct_route"
    assert "audition" in config["name"].lower()
    config, _ = await generated(user, "Newsletter sign up: email, interests")
    assert config["flow_id"] == "email_marketing"


async def test_a_list_first_description_and_an_exact_title_keep_their_names(user):
    config, _ = await generated(user, "Call for Speakers: name, email, talk title, abstract")
    assert config["name"] == "Call for Speakers"
    config, _ = await generated(user, "name, email, phone, message")
    assert config["name"] == "Contact Us"
