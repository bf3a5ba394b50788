"""The last reader of a refinement (issue 20, stop 29), through POST /api/forms/generate: a
note that names one field and wants one thing of it is read in whatever order it is said. On
the start commit "honestly the postcode is pointless, bin it", "move-in date is a must", "we
can live without the photo" and "member number isn't something everyone remembers so don't
force it" were refused, and "nombre de mots: we can count ourselves, drop" made the field a
dropdown offering "We can count ourselves" and "Drop"."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

SOLAR = "Solar panel quote: name, address, postcode, email, roof type (tiled, slate, flat)"
VIEWING = "Apartment viewing request: name, phone, email, viewing date, pets?, move-in date"
VISA = "Visa application: name, email, passport number, list of required documents"
PARTY = "Party booking: name, email, do you need a long table?, first visit?"


async def test_one_field_and_one_wish_in_any_order(user):
    form = await generate(user, SOLAR)
    config = await generate(user, "honestly the postcode is pointless, bin it", form)
    assert "Postcode / ZIP" not in _labels(config)
    assert len(_labels(config)) == len(_labels(form)) - 1
    config = await generate(user, "we really need people to tell us the roof type", config)
    assert _field(config, "Roof type")["required"] is True
    form = await generate(user, VIEWING)
    config = await generate(user, "move-in date is a must", form)
    assert _field(config, "Move-in date")["required"] is True
    config = await generate(user, "pets? -> not needed", config)
    assert "Pets?" not in _labels(config)


async def test_a_note_after_a_colon_is_a_wish_never_answers(user):
    form = await generate(user, "Devis traduction : nom, email, langue source, nombre de mots")
    config = await generate(user, "nombre de mots: we can count ourselves, drop", form)
    assert "Nombre de mots" not in _labels(config)
    assert all(not f["options"] for f in config["fields"] if f["type"] != "select")


async def test_a_word_of_the_label_is_never_read_as_the_wish(user):
    form = await generate(user, VISA)
    config = await generate(user, "required documents: make it optional", form)
    assert _field(config, "List of required documents")["required"] is False
    form = await generate(user, PARTY)
    config = await generate(user, "first visit is a must", form)
    assert _field(config, "Is this your first visit?")["required"] is True
    config = await generate(user, "long table - we can live without", config)
    assert "Do you need a long table?" not in _labels(config)


async def test_two_fields_or_two_wishes_are_still_a_question(user):
    form = await generate(user, VIEWING)
    for said in (
        "pets and move-in date, we can live without",
        "move-in date is a must, or maybe get rid of it",
        "ask pets only if more than one person lives there",
    ):
        response = await generate(user, said, form, status=422)
        assert "could not" in response["error"]["message"] or "Say" in response["error"]["message"]
