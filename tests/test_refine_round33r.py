"""Refinement in the marketer's own words (issue 20, refine round 33r), through the refine
API: a question word is put to the visitor ("ask which genres they like: crime, fantasy" adds
"Which genres do you like?" with those answers), a field followed by the kind it should be
("special requests as a big text box", "Anmerkungen als großes Textfeld") changes its kind, a
type said in brackets ("add floor (number)") is the type, "it" after a move is the moved field,
"the email field at the top" is the first email, and a checkbox for accepting something says
it ("I accept the code of conduct")."""

from __future__ import annotations

from tests.test_llm_local_forms import generate


async def refine(user, form: dict, say: str) -> dict:
    return await generate(user, say, form)


def _field(config: dict, words: str) -> dict:
    (field,) = [f for f in config["fields"] if words in f["label"].lower()]
    return field


async def test_a_question_word_is_put_to_the_visitor(user):
    form = await generate(user, "Bookshop newsletter: first name, email")
    form = await refine(user, form, "also ask which genres they like: crime, fantasy, romance")
    genres = _field(form, "genres")
    assert genres["label"] == "Which genres do you like?"
    assert (genres["type"], genres["options"]) == ("multiselect", ["Crime", "Fantasy", "Romance"])
    form = await refine(user, form, "add a question asking what the shop is for, as a big text box")
    assert _field(form, "shop for")["type"] == "textarea"
    assert _field(form, "shop for")["label"] == "What is the shop for?"


async def test_a_field_then_its_kind_and_a_type_in_brackets(user):
    form = await generate(user, "Firmenfeier Anfrage: Name, Firma, E-Mail, Anmerkungen")
    form = await refine(user, form, "Anmerkungen als großes Textfeld")
    assert _field(form, "anmerkungen")["type"] == "textarea"
    form = await generate(user, "Moving quote: name, email, phone, budget")
    form = await refine(user, form, "add floor (number)")
    assert (_field(form, "floor")["label"], _field(form, "floor")["type"]) == ("Floor", "number")
    form = await refine(user, form, "turn budget into a dropdown: under £1k, £1k+")
    assert _field(form, "budget")["options"] == ["Under £1k", "£1k+"]


async def test_it_and_a_field_named_by_where_it_is(user):
    form = await generate(user, "Wholesale enquiry: business name, contact name, email, phone")
    form = await refine(user, form, "put phone after email and make it required")
    assert _field(form, "phone")["required"] is True
    form = await generate(user, "Referral form: your name, email, friend's name, friend's email")
    form = await refine(user, form, "remove the email field at the top")
    assert [f["label"] for f in form["fields"] if f["type"] == "email"] == ["Friend's email"]


async def test_a_checkbox_for_accepting_something_says_it(user):
    form = await generate(user, "Conference registration: full name, company, email")
    form = await refine(user, form, "add a checkbox for accepting the code of conduct, required")
    box = _field(form, "code of conduct")
    assert (box["label"], box["required"]) == ("I accept the code of conduct", True)
