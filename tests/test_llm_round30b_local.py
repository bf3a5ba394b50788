"""The local engine, round 30b (issue 20): a label a marketer would not have to retype. A
yes/no item said as a noun phrase stays one ("First-time buyer?", not "Is this your first
time buyer?"), and a field the marketer listed in es/fr/de/pt is labelled with their own
word ("Classe", "Räume"), through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_a_first_time_noun_phrase_stays_a_noun_phrase(user):
    config, _ = await generated(user, "Mortgage enquiry: name, email, phone, first time buyer?")
    assert "First-time buyer?" in _labels(config)


async def test_a_first_visit_is_still_asked_as_a_question(user):
    config, _ = await generated(user, "Dental clinic new patient form: name, phone, first visit?")
    assert "Is this your first visit?" in _labels(config)
    config, _ = await generated(user, "Yoga retreat booking: name, email, first time doing yoga?")
    assert "Is this your first time doing yoga?" in _labels(config)


async def test_a_listed_word_the_gloss_left_is_the_marketers_own(user):
    for description, label in (
        ("Inscription à la cantine : nom de l'enfant, classe, régime alimentaire", "Classe"),
        ("Inscrição cantina escolar: nome do aluno, classe, alergias, email", "Classe"),
        ("Angebot Maler: Name, E-Mail, welche Räume (Küche, Flur, Bad), Wunschtermin", "Räume"),
    ):
        config, _ = await generated(user, description)
        assert label in _labels(config), (description, _labels(config))


async def test_catalogue_labels_keep_their_translation(user):
    config, _ = await generated(user, "Kontaktformular: Name, E-Mail, Telefon, Nachricht")
    assert _labels(config)[1:3] == ["E-Mail", "Telefon"]
    config, _ = await generated(user, "Presupuesto de reforma: nombre, correo, teléfono, obra")
    assert "Teléfono" in _labels(config)
