"""A length the description gives an answer, and a year asked as a year (issue 20, stop 29),
through POST /api/forms/generate. On the start commit "abstract (max 300 words)" kept the
default 5,000-character box with no word of the limit, and "year of birth" was a date picker,
"Geburtsjahr" a short text."""

from __future__ import annotations

from datetime import date

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field


async def test_a_word_limit_is_told_under_the_box_and_keeps_the_answer_near_it(user):
    said = "Call for speakers: name, email, abstract (max 300 words), summary (max 500 characters)"
    form = await generate(user, said)
    abstract = _field(form, "Abstract")
    assert abstract["help"] == "Up to 300 words."
    assert abstract["max_length"] == 2400
    assert _field(form, "Summary")["max_length"] == 500


async def test_the_limit_is_told_in_the_language_the_marketer_wrote_it_in(user):
    form = await generate(
        user, "Candidatura: nome, email, lettera di presentazione (massimo 200 parole)"
    )
    assert _field(form, "Lettera di presentazione")["help"] == "Massimo 200 parole."
    form = await generate(
        user, "Solicitud de beca: nombre, email, carta de motivación (máximo 500 palabras)"
    )
    assert _field(form, "Carta de motivación")["help"] == "Máximo 500 palabras."


async def test_a_year_of_birth_is_a_number_up_to_this_year(user):
    for said, label in (
        ("Club membership: name, email, year of birth, phone", "Year of birth"),
        ("Anmeldung Probetraining: Name des Kindes, Geburtsjahr, E-Mail", "Geburtsjahr"),
    ):
        year = _field(await generate(user, said), label)
        assert (year["type"], year["min"], year["max"]) == ("number", 1900, date.today().year)


async def test_a_follow_up_is_keyed_by_what_it_asks(user):
    """A webhook or an export reads "how_many_kids", never a bare "how_many"."""
    form = await generate(user, "Volunteer sign-up: name, email, bringing kids? (how many)")
    count = _field(form, "How many kids?")
    assert count["name"] == "how_many_kids"
    assert count["show_if"]["all"][0]["field"] == "bringing_kids"
