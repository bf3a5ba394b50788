"""The local engine, round 14c (issue 20): the person filling the form in, or the main
question, asked once. A "<role> name" for the person the form addresses is the one name
field; the marketer's word for the main question (in any of the five languages) replaces
the engine's own, as long text; a named symptom replaces "Describe the problem"; an "email
plus X" signup gets nothing beyond the email — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _names(fields: dict) -> list[str]:
    return [f["label"] for f in fields.values() if f["label"].lower().endswith("name")]


def _texts(fields: dict) -> list[str]:
    return [f["label"] for f in fields.values() if f["type"] == "textarea"]


async def test_the_role_the_form_addresses_names_the_contact(user):
    _, fields = await generated(
        user, "Press accreditation for journalists: journalist name, media outlet, email"
    )
    assert fields["name"]["label"] == "Journalist name" and fields["name"]["required"]
    assert _names(fields) == ["Journalist name"]
    assert list(fields)[0] == "name"  # the name keeps its place at the top
    _, fields = await generated(user, "Fahrer-Bewerbung: Name des Fahrers, E-Mail, Telefon")
    assert fields["name"]["label"] == "Name des Fahrers"
    assert len([f for f in fields.values() if "name" in f["label"].lower()]) == 1


async def test_two_people_keep_two_names(user):
    for description, other in (
        (
            "Summer camp registration: child name, child age, parent name, parent email",
            "Child name",
        ),
        (
            "Patient intake form for our clinic: patient name, date of birth, email, GP name",
            "GP name",
        ),
        (
            "Training request: your name, your manager's name, email, course wanted",
            "Manager's name",
        ),
    ):
        _, fields = await generated(user, description)
        assert other in _names(fields) and fields["name"]["label"] != other, description
    # the supplier's name is the only name the list asks: no stock "Full name" (round 18a)
    _, fields = await generated(user, "Supplier registration: supplier name, email, VAT number")
    assert "Supplier name" in _names(fields) and "name" not in fields


async def test_the_marketers_word_for_the_main_question_is_the_only_one(user):
    for description, label in (
        ("Kontaktformular für unsere Kanzlei: Name, E-Mail, Ihr Anliegen", "Anliegen"),
        ("Contactez notre agence : nom, e-mail, objet de votre demande", "Objet de votre demande"),
        ("Contact form for our design agency: name, email, what's it about", "What's it about?"),
        ("IT helpdesk form: name, email, query", "Query"),
    ):
        _, fields = await generated(user, description)
        assert _texts(fields) == [label], description
    # a tutoring form's subject is a school subject, not the message's
    _, fields = await generated(user, "Tutoring enquiry: name, email, subject, year group")
    assert fields["subject"]["type"] == "text"


async def test_a_named_symptom_replaces_describe_the_problem(user):
    _, fields = await generated(
        user, "Bug report for our app: name, email, app version, error message, screenshot"
    )
    assert "description" not in fields and "error_message" in fields
    _, fields = await generated(
        user, "Vet appointment request: pet name, owner name, email, symptoms"
    )
    assert fields["symptoms"]["type"] == "textarea"


async def test_an_email_plus_signup_asks_nothing_else(user):
    _, fields = await generated(
        user, "Newsletter signup: email plus a checkbox for marketing consent"
    )
    assert "first_name" not in fields and "email" in fields
    _, fields = await generated(
        user, "Newsletter sign-up for our vineyard: email plus birthday month"
    )
    assert [f["label"] for f in fields.values()] == ["Email", "Birthday month"]
