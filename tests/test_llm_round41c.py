"""Round 41c: an Italian or Dutch lead is answered in their language (every sentence the
agent can say exists in it, with the same placeholders), and a form label that is a question
in es/fr/de/pt/it/nl reads as one ("¿Sabes nadar?", a Yes/No in the language), while a noun
label ("Alergias", "Rendez-vous souhaité") and an instruction stay as written. Through the
API: a published form's submission and the agent's processing, POST /api/forms/generate."""

from __future__ import annotations

import re

from app.services.llm.local_reply_words import LANGS, TEXT, TOPICS
from tests.helpers_agents import emails_for, make_agent_form, submit_and_process
from tests.helpers_forms import generated


def test_every_sentence_exists_in_every_language_with_its_placeholders():
    for key, row in {**TEXT, **TOPICS}.items():
        assert len(row) == len(LANGS) and all(row), key
        it, nl = row[LANGS.index("it")], row[LANGS.index("nl")]
        # the Spanish row's placeholders (English's subject_book alone names the topic)
        wanted = set(re.findall(r"\{(\w+)\}", row[LANGS.index("es")]))
        assert set(re.findall(r"\{(\w+)\}", it)) == wanted, key
        assert set(re.findall(r"\{(\w+)\}", nl)) == wanted, key


async def test_an_italian_quote_request_is_answered_in_italian(app, user, db):
    data = {
        "email": "l.conti@immobiliareconti.it",
        "name": "Luca Conti",
        "company": "Immobiliare Conti",
        "company_size": "51-200",
        "message": "Buongiorno, siamo un'agenzia immobiliare con 12 sedi in Lombardia e cerchiamo "
        "un modulo per le richieste di valutazione. Potete inviarci un preventivo?",
    }
    form = await make_agent_form(user, name="Quote request")
    sid = await submit_and_process(app, user, form["id"], data)
    body = (await emails_for(db, sid))[0]["body_text"]
    assert body.startswith("Gentile Luca,"), body
    assert "12 sedi" in body and "“12 sedi”" not in body, body
    assert not re.search(r"\b(?:Thank|You mentioned|Best regards|Gracias)\b", body), body


async def test_a_dutch_demo_request_is_answered_in_dutch_with_their_timeline(app, user, db):
    data = {
        "email": "m.bakker@zorggroepnoord.nl",
        "name": "Marloes Bakker",
        "company": "Zorggroep Noord",
        "company_size": "1000+",
        "message": "Wij zijn een zorggroep met 40 locaties en willen graag een demo zien. We "
        "willen voor de zomer live gaan.",
    }
    form = await make_agent_form(user, name="Demo request")
    sid = await submit_and_process(app, user, form["id"], data)
    body = (await emails_for(db, sid))[0]["body_text"]
    assert body.startswith("Beste Marloes,"), body
    assert "40 locaties" in body and "voor de zomer" in body, body
    assert "Met vriendelijke groet" in body and "Thank" not in body, body


async def test_a_question_listed_abroad_is_asked_as_one(user):
    config, _ = await generated(
        user,
        "Formulario de inscripción para clases de yoga: nombre, email, sabes nadar, "
        "nivel de experiencia, alguna lesión que debamos saber, alergias",
    )
    fields = {f["label"]: f for f in config["fields"]}
    assert fields["¿Sabes nadar?"]["options"] == ["Sí", "No"], list(fields)
    assert fields["¿Alguna lesión que debamos saber?"]["type"] == "textarea"
    assert "Alergias" in fields and "Nivel de experiencia" in fields


async def test_a_noun_or_an_instruction_abroad_stays_as_written(user):
    config, _ = await generated(
        user,
        "Prise de rendez-vous : nom, téléphone, rendez-vous souhaité, savez-vous nager",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Rendez-vous souhaité" in labels and "Savez-vous nager ?" in labels, labels
    config, _ = await generated(
        user, "Kontaktformular: Name, Telefon, beschreiben Sie Ihr Anliegen, Fotos"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Beschreiben Sie Ihr Anliegen" in labels, labels
