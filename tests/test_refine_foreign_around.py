"""Refinements in fr/es/de/pt/it/nl with words around the field (round 42c), through
POST /api/forms/generate. On the start commit "ajoute un champ entreprise (facultatif)" added
"Entreprise ( )", "aggiungi un campo note alla fine" added "Note alla fine", and "o orçamento
deve ser uma lista: …" added a dropdown "O orçamento deve ser uma lista"."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

QUOTE_FR = "Demande de devis pour un paysagiste : nom, email, téléphone, adresse, budget, description du projet"
SALON_IT = "Modulo di prenotazione per un parrucchiere: nome, email, servizio, data preferita"
AGENCY_PT = "Formulário de pedido de orçamento para uma agência web: nome, email, empresa, orçamento, descrição do projeto"
YOGA_DE = "Anmeldeformular für einen Yogakurs: Name, E-Mail, Telefon, Kursart, Nachricht"


async def test_a_flag_in_brackets_and_a_place_are_no_part_of_the_label(user):
    form = await generate(user, QUOTE_FR)
    config = await generate(user, "ajoute un champ entreprise (facultatif)", form)
    assert _field(config, "Entreprise")["required"] is False
    form = await generate(user, SALON_IT)
    config = await generate(user, "aggiungi un campo note alla fine", form)
    assert _labels(config)[-1] == "Note"
    form = await generate(user, YOGA_DE)
    config = await generate(user, "füge ein Feld Firma hinzu (Pflicht)", form)
    assert _field(config, "Firma")["required"] is True


async def test_a_field_said_to_be_a_list_gets_its_answers(user):
    form = await generate(user, AGENCY_PT)
    said = "o orçamento deve ser uma lista: até 1000€, 1000-5000€, mais de 5000€"
    config = await generate(user, said, form)
    assert len(config["fields"]) == len(form["fields"])
    budget = _field(config, "Orçamento")
    assert budget["type"] == "select"
    assert budget["options"] == ["Até 1000€", "1000-5000€", "Mais de 5000€"]


async def test_a_purpose_is_dropped_and_an_unread_clause_refused(user):
    form = await generate(user, YOGA_DE)
    config = await generate(user, "füge ein Feld Allergien hinzu, damit wir planen können", form)
    assert _labels(config) == [*_labels(form)[:-1], "Allergien", _labels(form)[-1]]
    form = await generate(user, QUOTE_FR)
    answer = await generate(user, "le budget doit changer : petit, moyen, grand", form, status=422)
    assert "could not" in str(answer)
