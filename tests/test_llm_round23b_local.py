"""The local engine, round 23b (issue 20): a paper a person hands over (a boarding pass, a
ticket, a certificate, a "Bordkarte", an "atestado médico") is an upload, what is said of it
(its number, its type) is not; a letter the person writes (a motivation letter, a "lettre de
motivation") is a long text — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _kind(config: dict, word: str) -> str:
    return next(f["type"] for f in config["fields"] if word in f["label"].lower())


async def test_a_paper_handed_over_is_an_upload(user):
    config, _ = await generated(
        user, "Flight delay claim: name, email, booking reference, boarding pass"
    )
    assert _kind(config, "boarding pass") == "file"
    config, _ = await generated(user, "Erstattung Flugverspätung: Name, E-Mail, Bordkarte")
    assert _kind(config, "bordkarte") == "file"
    config, _ = await generated(user, "Justificação de falta: nome do aluno, atestado médico")
    assert _kind(config, "atestado") == "file"


async def test_what_is_said_of_a_paper_is_no_upload(user):
    config, _ = await generated(
        user, "Festival booking: name, email, ticket type (standard, VIP), number of tickets"
    )
    assert _kind(config, "ticket type") == "select"
    assert all(f["type"] != "file" for f in config["fields"])
    config, _ = await generated(user, "Electrician registration: name, email, licence number")
    assert _kind(config, "licence") == "text"


async def test_a_letter_the_person_writes_is_a_long_text(user):
    config, _ = await generated(user, "Candidature stage : nom, e-mail, lettre de motivation")
    assert _kind(config, "lettre de motivation") == "textarea"
    config, _ = await generated(user, "Bewerbung Werkstudent: Name, E-Mail, Motivationsschreiben")
    assert _kind(config, "motivationsschreiben") == "textarea"


async def test_a_letter_asked_as_an_upload_is_a_file(user):
    config, _ = await generated(
        user, "Design internship: name, email, upload your cover letter (PDF)"
    )
    letters = [f for f in config["fields"] if "cover" in f["name"]]
    assert [f["type"] for f in letters] == ["file"]
