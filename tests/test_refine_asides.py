"""Refinements with the marketer's why and how-much-else said around them (issue 20, stop 29),
through POST /api/forms/generate. On the start commit "add an optional email field so we can
follow up" added a field "Email field so we can follow up", "add a phone number field for urgent
jobs" a text field "Urgent jobs", and "we don't allow pets so drop that question", "social
handles can go", "screenshot should be optional and app version too" were refused."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

NPS = "Short NPS survey: how likely to recommend 0-10, main reason for your score. nothing else"
BUG = "Bug report: what happened, device, OS version, app version, screenshot, email"
VIEWING = "Apartment viewing request: name, phone, email, viewing date, pets?, move-in date"
CATERING = "Catering enquiry: event date, type of event (wedding, corporate, birthday), name, email"
HIRE = "Party equipment hire enquiry: name, phone, email, event date, delivery address"


async def test_the_reason_for_a_new_field_is_never_its_label(user):
    form = await generate(user, NPS)
    config = await generate(user, "add an optional email field so we can follow up", form)
    assert len(_labels(config)) == 3 and "Email" in _labels(config)
    assert _field(config, "Email")["required"] is False
    config = await generate(user, "also ask for their phone number in case we need to call", config)
    assert _field(config, "Phone")["type"] == "phone"
    form = await generate(user, HIRE)
    config = await generate(user, "add a company name field for business bookings", form)
    assert "Company" in _labels(config) and len(_labels(config)) == len(_labels(form)) + 1


async def test_a_box_added_so_visitors_can_say_something_speaks_for_them(user):
    form = await generate(user, HIRE)
    config = await generate(user, "add a checkbox so they can agree to our hire terms", form)
    box = _field(config, "I agree to the hire terms")
    assert box["type"] == "checkbox"


async def test_a_field_named_in_the_reason_is_the_one_removed(user):
    form = await generate(user, VIEWING)
    config = await generate(user, "we don't allow pets so drop that question", form)
    assert "Pets?" not in _labels(config)
    assert len(_labels(config)) == len(_labels(form)) - 1
    form = await generate(user, CATERING)
    config = await generate(user, "we don't do birthdays any more so take that option out", form)
    assert _field(config, "Type of event")["options"] == ["Wedding", "Corporate"]


async def test_the_same_state_for_a_second_field_and_the_rest_left_alone(user):
    form = await generate(user, BUG)
    config = await generate(user, "device should be required and OS version too", form)
    assert _field(config, "Device")["required"] and _field(config, "OS version")["required"]
    said = "app version and screenshot should be required, the rest can stay"
    config = await generate(user, said, config)
    assert _field(config, "App version")["required"] and _field(config, "Screenshot")["required"]
    assert _field(config, "Email")["required"] == _field(form, "Email")["required"]
    config = await generate(user, "screenshot can go", config)
    assert "Screenshot" not in _labels(config)


async def test_an_instruction_that_names_no_field_is_still_refused(user):
    form = await generate(user, VIEWING)
    response = await generate(
        user, "we don't allow smoking so drop that question", form, status=422
    )
    assert "could not" in response["error"]["message"]


async def test_two_states_joined_by_but_or_a_comma_each_go_to_their_field(user):
    form = await generate(user, "Call for speakers: name, email, talk title, bio, photo")
    config = await generate(user, "photo is optional but bio is required", form)
    assert _field(config, "Photo")["required"] is False
    assert _field(config, "Bio")["required"] is True
    config = await generate(user, "bio optional, talk title required", config)
    assert _field(config, "Bio")["required"] is False
    assert _field(config, "Talk title")["required"] is True


async def test_quoted_answers_a_choice_should_say_are_its_options_never_its_label(user):
    form = await generate(user, "Retreat sign-up: name, email, which room (shared or private)")
    said = "the room choice should say 'Shared room (£350)' and 'Private room (£520)'"
    config = await generate(user, said, form)
    assert _field(config, "Room")["options"] == ["Shared room (£350)", "Private room (£520)"]


async def test_several_fields_moved_at_once_each_move_and_none_is_added(user):
    form = await generate(user, "Supplier form: email, products, company, phone, website")
    config = await generate(user, "put company and phone after email", form)
    assert _labels(config)[:3] == ["Email", "Company", "Phone"]
    assert len(_labels(config)) == len(_labels(form))


async def test_a_note_of_several_changes_is_each_change_without_its_praise(user):
    form = await generate(
        user, "IT helpdesk ticket: your name, department, what's the issue, how urgent, asset tag"
    )
    said = "Looks good! Couple of things: 1) remove the asset tag 2) department should be required. Also the button should say 'Send ticket'"
    config = await generate(user, said, form)
    assert "Asset tag" not in _labels(config) and len(_labels(config)) == len(_labels(form)) - 1
    assert _field(config, "Department")["required"] is True
    assert config["theme"]["button_label"] == "Send ticket"
    config = await generate(user, "- move department to the top\n- how urgent required", config)
    assert _labels(config)[0] == "Department"
    assert _field(config, "How urgent?")["required"] is True


async def test_a_sentence_for_the_visitor_is_never_cut(user):
    form = await generate(user, "Venue hire: name, email, date")
    config = await generate(user, "add a question: Do you need catering? yes/no", form)
    assert _field(config, "Do you need catering?")["options"] == ["Yes", "No"]
    config = await generate(
        user, "change the thank-you message to Thanks! We'll be in touch.", config
    )
    assert config["response"]["thank_you_message"] == "Thanks! We'll be in touch."


async def test_each_change_of_a_note_may_be_read_by_the_last_reader(user):
    form = await generate(
        user,
        "Beach clean-up sign-up: name, email, phone, t-shirt size (S, M, L), emergency contact",
    )
    said = "Looks good! A few things:\n- t-shirt size: add XL\n- emergency contact is a must"
    config = await generate(user, said, form)
    assert _field(config, "T-shirt size")["options"] == ["S", "M", "L", "XL"]
    assert _field(config, "Emergency contact")["required"] is True


async def test_a_state_then_another_change_each_go_to_their_field(user):
    form = await generate(
        user,
        "Influencer collaboration form: name, instagram handle, follower count, niche, email, rates",
    )
    config = await generate(
        user, "rates aren't required and follower count should be a number", form
    )
    assert (
        _field(config, "Rates")["type"] == "text" and _field(config, "Rates")["required"] is False
    )
    assert _field(config, "Follower count")["type"] == "number"


async def test_an_answer_added_to_a_choice_abroad_is_an_answer_never_a_field(user):
    form = await generate(
        user,
        "Inscription à la newsletter du club de randonnée : prénom, email, régions préférées (Alpes, Pyrénées, Vosges, Jura)",
    )
    config = await generate(user, "ajoute le Massif central aux régions", form)
    assert _field(config, "Régions préférées")["options"][-1] == "Massif central"
    assert len(_labels(config)) == len(_labels(form))
