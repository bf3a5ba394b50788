"""Refine 16r of the local engine (issue 20), through POST /api/forms/generate: a field named
for what it is, several at once or all but some, the form's name, a choice's options, the
kind of answer, order and "phone: required", in English and es/fr/de/pt."""

from __future__ import annotations

import pytest

from tests.test_llm_local_forms import by_name, generate

POLL = "Poll for our ice cream shop: which flavour should we add next (pistachio, mango, salted caramel), your name, email"
SALON = "Booking form for a hair salon: name, phone, email, service (cut, colour, blow-dry), preferred date, preferred time, notes"
WORKSHOP = "Event registration for a photography workshop: name, email, phone, camera you use, experience level, dietary requirements, upload a sample photo"


async def test_an_other_option_goes_into_the_question_not_a_new_field(user):
    draft = await generate(user, POLL)
    config = await generate(user, "add an 'Other' option to the flavour question", draft)
    assert [f["name"] for f in config["fields"]] == [f["name"] for f in draft["fields"]]
    assert by_name(config)["flavour"]["options"][-1] == "Other"
    multi = await generate(user, "allow picking more than one flavour", draft)
    assert by_name(multi)["flavour"]["type"] == "multiselect"


ATELIER = "Inscription à notre atelier de cuisine : nom, e-mail, téléphone, atelier choisi (pâtisserie, pain, cuisine italienne), allergies, commentaires"


@pytest.mark.parametrize(
    "form, instruction, gone",
    [
        (WORKSHOP, "remove the upload", {"sample_photo"}),
        (
            WORKSHOP,
            "get rid of the camera and the experience level",
            {"camera_used", "experience_level"},
        ),
        (ATELIER, "supprime le téléphone et les allergies", {"phone", "dietary"}),
        (ATELIER, "supprime la liste déroulante", {"atelier_choisi"}),
    ],
)
async def test_fields_named_by_what_they_are_or_several_at_once(user, form, instruction, gone):
    draft = await generate(user, form)
    config = await generate(user, instruction, draft)
    before = {f["name"] for f in draft["fields"]}
    assert before - {f["name"] for f in config["fields"]} == gone


async def test_keep_only_some_and_name_the_form(user):
    draft = await generate(user, SALON)
    config = await generate(
        user, "only keep name, email and phone; call this form 'Book a cut'", draft
    )
    assert sorted(by_name(config)) == ["email", "name", "phone"]
    assert config["name"] == "Book a cut"


async def test_order_and_required_said_after_the_field(user):
    draft = await generate(user, SALON)
    config = await generate(
        user, "the service question should come before the phone\nphone: required", draft
    )
    names = [f["name"] for f in config["fields"]]
    assert names.index("service") < names.index("phone")
    assert by_name(config)["phone"]["required"] is True


async def test_two_dropdowns_or_a_wish_are_refused_with_examples(user):
    draft = await generate(user, SALON)
    body = await generate(user, "remove the dropdown", draft, status=422)
    assert "Service" in body["error"]["message"] and "Preferred time" in body["error"]["message"]
    body = await generate(user, "the title should be catchier", draft, status=422)
    assert "Say exactly what to change" in body["error"]["message"]
