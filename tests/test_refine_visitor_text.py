"""Words for the visitor on one field, said the marketer's way (issue 20, stop 30), through
POST /api/forms/generate. On the start commit "add help text under phone: …" added a dropdown
labelled "Help text", "add a little note under number of guests saying …" a text box "Little
note", "the email field should say '…' underneath" replaced the Email field by one labelled
with those words, "set the help text of Photo to Max 5MB" showed "to Max 5MB", and "message
placeholder: '…'", "preferred date: explain that …" and the French, Portuguese and Dutch help
texts were refused."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

CONTACT = "Contact us: name, email, phone, message"
BOOKING = "Booking request: name, email, phone, preferred date, number of guests, notes"


async def test_help_under_a_field_is_its_help_text_not_a_new_field(user):
    form = await generate(user, CONTACT)
    config = await generate(
        user, "add help text under phone: we only call about your booking", form
    )
    assert _labels(config) == _labels(form)
    assert _field(config, "Phone")["help"] == "we only call about your booking"
    config = await generate(
        user, "the email field should say 'We never share your email' underneath", config
    )
    assert _labels(config) == _labels(form)
    assert _field(config, "Email")["help"] == "We never share your email"
    form = await generate(user, BOOKING)
    config = await generate(
        user, "add a little note under number of guests saying max 8 per table", form
    )
    assert _labels(config) == _labels(form)
    assert _field(config, "Number of guests")["help"] == "max 8 per table"
    config = await generate(user, "preferred date: explain that we're closed on Mondays", config)
    assert _field(config, "Preferred date")["help"] == "we're closed on Mondays"


async def test_an_example_inside_a_box_is_its_placeholder(user):
    form = await generate(user, CONTACT)
    config = await generate(user, "message placeholder: 'What can we help with?'", form)
    assert _field(config, "Message")["placeholder"] == "What can we help with?"
    config = await generate(
        user, "give the message box an example like 'I'd like a quote for…'", config
    )
    assert _field(config, "Message")["placeholder"] == "I'd like a quote for…"
    config = await generate(user, "no placeholder on name please", config)
    assert _field(config, "Full name")["placeholder"] == ""
    assert _labels(config) == _labels(form)


async def test_help_text_said_in_the_marketers_language(user):
    form = await generate(user, CONTACT)
    for said, help_ in (
        (
            "ajoute un texte d'aide sous le téléphone : uniquement en cas d'urgence",
            "uniquement en cas d'urgence",
        ),
        ("coloca um texto de ajuda no telefone: só para urgências", "só para urgências"),
        ("voeg een hulptekst toe bij telefoon: alleen voor spoed", "alleen voor spoed"),
    ):
        config = await generate(user, said, form)
        assert _labels(config) == _labels(form), said
        assert _field(config, "Phone")["help"] == help_


async def test_a_label_with_to_in_it_keeps_its_words(user):
    form = await generate(user, "Pothole report: location, photo, email")
    config = await generate(user, "set the help text of Photo to Max 5MB", form)
    assert _field(config, "Photo")["help"] == "Max 5MB"


async def test_a_label_holding_the_word_note_is_that_field(user):
    form = await generate(
        user, "Volunteer sign-up: name, email, emergency contact, emergency contact note"
    )
    config = await generate(user, "emergency contact note: optional", form)
    assert _field(config, "Emergency contact note")["required"] is False
    assert _field(config, "Emergency contact")["help"] == ""
