"""Round 13a of the local engine (issue 20), through POST /api/forms/generate: refinements
written in es/fr/de/pt, a named email replacing the default, a job to do at home, short
descriptions in another language, English with one French word, durations kept."""

from __future__ import annotations

import pytest

from tests.test_llm_local_forms import by_name, generate


@pytest.mark.parametrize(
    "form, instruction, check",
    [
        ("Formulaire de contact : nom, e-mail, téléphone, message", "rends le téléphone obligatoire",
         lambda f: f["phone"]["required"] is True),
        ("Solicitud de presupuesto: nombre, email, empresa, presupuesto, mensaje",
         "elimina el campo presupuesto", lambda f: "budget" not in f),
        ("Formulário de contacto: nome, email, mensagem", "torne o email opcional",
         lambda f: f["email"]["required"] is False),
        ("Kontaktformular: Name, E-Mail, Telefon, Nachricht", "verschiebe die E-Mail nach oben",
         lambda f: next(iter(f)) == "email"),
    ],
)  # fmt: skip
async def test_a_refinement_in_the_marketers_language_is_applied(user, form, instruction, check):
    draft = await generate(user, form)
    config = await generate(user, instruction, draft)
    assert check(by_name(config))


async def test_a_field_added_in_german_to_a_german_form_is_labelled_in_german(user):
    draft = await generate(user, "Kontaktformular: Name, E-Mail, Nachricht")
    config = await generate(user, "füge ein Telefonfeld hinzu", draft)
    phones = [f for f in config["fields"] if f["type"] == "phone"]
    assert [p["label"] for p in phones] == ["Telefon"]


async def test_an_instruction_nobody_can_read_is_still_refused(user):
    draft = await generate(user, "Formulaire de contact : nom, e-mail, message")
    body = await generate(user, "rends-le plus joli", draft, status=422)
    assert "Say exactly what to change" in body["error"]["message"]


async def test_a_named_contact_email_is_the_forms_one_email(user):
    config = await generate(user, "Newsletter signup: name, contact email, company")
    emails = [f for f in config["fields"] if f["type"] == "email"]
    assert [(e["name"], e["label"], e["required"]) for e in emails] == [
        ("email", "Contact email", True)
    ]
    friend = await generate(user, "Refer a friend: your name, your email, friend's email")
    assert len([f for f in friend["fields"] if f["type"] == "email"]) == 2


async def test_a_job_to_do_at_home_is_a_quote_and_a_job_opening_an_application(user):
    lead = await generate(user, "Handyman request: name, email, postcode, describe the job, photos")
    assert lead["flow_id"] == "sales_lead" and "cover_letter" not in by_name(lead)
    hiring = await generate(user, "Jobs at our plumbing company: apply with name, email and CV")
    assert hiring["name"] == "Job Application"


async def test_short_foreign_and_english_with_a_french_word(user):
    german = await generate(user, "Ruf mich zurück: Name, Telefon")
    assert by_name(german)["phone"]["label"] == "Telefon" and german["name"] != "Contact Us"
    english = await generate(user, "Café de la Plage reservation: name, date, time, party size")
    assert english["name"] == "Reservation Request"
    assert by_name(english)["party_size"]["label"] == "Party size"


async def test_a_duration_named_in_a_list_is_kept(user):
    config = await generate(
        user, "Open mic sign-up: name, email, act name, length of set in minutes"
    )
    length = [f for f in config["fields"] if f["label"].startswith("Length of set")]
    assert [f["type"] for f in length] == ["number"]
