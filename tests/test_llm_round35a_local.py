"""The local engine, round 35a (issue 20): a description written in Dutch or Italian gets
the field types a marketer expects (a phone, a text box for the message, a date, a number,
a file, a yes/no choice), labels and answers in the marketer's words and a name kept in
their language, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_a_dutch_contact_form_reads_its_words(user):
    config, _ = await generated(
        user, "Contactformulier: naam, e-mail, telefoonnummer, onderwerp, bericht"
    )
    fields = _by_label(config)
    assert config["name"] == "Contactformulier"
    assert fields["Naam"]["required"]
    assert fields["Telefoonnummer"]["type"] == "phone"
    assert fields["Bericht"]["type"] == "textarea"


async def test_a_dutch_yes_no_question_answers_in_dutch(user):
    config, _ = await generated(
        user,
        "Sollicitatie chauffeur: voornaam, achternaam, mobiel, cv, heeft u een rijbewijs? ja/nee",
    )
    fields = _by_label(config)
    assert fields["Mobiel"]["type"] == "phone"
    assert fields["CV"]["type"] == "file"
    assert fields["Heeft u een rijbewijs?"]["options"] == ["Ja", "Nee"]


async def test_an_italian_booking_reads_dates_and_numbers(user):
    config, _ = await generated(
        user,
        "Prenotazione tavolo: nome e cognome, cellulare, data, numero di persone, note",
    )
    fields = _by_label(config)
    assert config["name"] == "Prenotazione tavolo"
    assert fields["Nome e cognome"]["required"]
    assert fields["Cellulare"]["type"] == "phone"
    assert fields["Data"]["type"] == "date"
    assert fields["Numero di persone"]["type"] == "number"
    assert fields["Note"]["type"] == "textarea"


async def test_english_and_spanish_stay_as_they_were(user):
    config, _ = await generated(user, "Contact form for our bakery: name, email, phone, message")
    assert [f["label"] for f in config["fields"]][:2] == ["Full name", "Email"]
    config, _ = await generated(user, "Formulario de contacto: nombre, correo, teléfono, mensaje")
    assert "Teléfono" in [f["label"] for f in config["fields"]]
