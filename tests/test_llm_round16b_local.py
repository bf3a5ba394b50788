"""The local engine, round 16b (issue 20): the engine's own extra questions on a form whose
fields are listed — the quote question, "How can we help?", "Why do you want to join us?",
"Steps to reproduce" and a phone nobody asked for go where the list already says what is
wanted or the question does not fit the form, and stay where the list says only who is
writing — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _texts(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"] if f["type"] == "textarea"]


async def test_a_listed_enquiry_that_says_what_is_wanted_gets_no_quote_question(user):
    config, fields = await generated(
        user, "Venue enquiry form: name, email, event date, number of guests, type of event"
    )
    assert _texts(config) == []
    assert fields["party_size"]["type"] == "number" and "type_of_event" in fields
    config, _ = await generated(
        user, "Sponsoringanfrage: Firma, Ansprechpartner, E-Mail, Paket (Gold, Silber, Bronze)"
    )
    assert _texts(config) == [] and "Paket" in [f["label"] for f in config["fields"]]


async def test_a_list_of_contact_details_only_keeps_the_stock_question(user):
    # the list says who is writing, not what they want: the question stays, optional
    for said, label in (
        ("Quote form: name, email, phone", "What do you need a quote for?"),
        ("Demande de devis : nom, e-mail, téléphone", "Pour quoi avez-vous besoin d'un devis ?"),
        ("Contact form: name, email, order number", "How can we help?"),
    ):
        config, _ = await generated(user, said)
        assert _texts(config) == [label], config["fields"]
        assert next(f for f in config["fields"] if f["label"] == label)["required"] is False
    # the description invites free text: the marketer's own field is the one question
    config, _ = await generated(user, "Hall hire enquiry: name, email, phone, anything else")
    assert _texts(config) == ["Anything else?"]


async def test_why_join_us_and_an_unasked_phone_leave_a_sign_up_or_a_bursary(user):
    config, fields = await generated(
        user, "Volunteer sign-up for the beach clean on Saturday: name, email, t-shirt size"
    )
    assert set(fields) == {"name", "email", "t_shirt_size"}
    config, fields = await generated(
        user, "Bursary application: name, email, course, household income, supporting documents"
    )
    assert "cover_letter" not in fields and "phone" not in fields
    # a job application that names only who is writing still asks why, optionally; a phone
    # the list names stays
    config, fields = await generated(user, "Job application: name, email, phone, CV, LinkedIn")
    assert fields["cover_letter"]["required"] is False and fields["phone"]["type"] == "phone"
    # one whose list says what it asks has said it (stop 16)
    config, fields = await generated(
        user,
        "Warehouse job application: name, phone, email, forklift licence (yes/no), "
        "shifts you can work (days, nights), years of experience, CV",
    )
    assert "cover_letter" not in fields and "why" not in " ".join(fields)


async def test_a_listed_bug_report_that_says_what_happened_has_no_steps_to_reproduce(user):
    config, _ = await generated(user, "App bug report: what happened, device, when")
    assert _texts(config) == ["What happened?"]
    # nothing in the list says what happened: the problem is asked, and how to reproduce it
    config, _ = await generated(user, "Bug report: name, email, browser, URL")
    assert _texts(config) == ["Describe the problem", "Steps to reproduce"]


async def test_an_accreditation_asks_nobody_how_we_can_help(user):
    config, fields = await generated(
        user, "Press accreditation form: name, email, media outlet, role, press card number"
    )
    assert _texts(config) == []
    assert [f["label"] for f in config["fields"] if "outlet" in f["label"].lower()] == [
        "Media outlet"
    ]
