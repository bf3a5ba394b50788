"""Refining the drafts the engine got wrong on the blind batches of stop 25, in the words a
marketer would type (issue 20, "refine the rest in their own words"), through POST
/api/forms/generate. "X should be a phone number" was refused: a field's kind said after
"should be" now covers phone, email and link as well as the answer widgets."""

from __future__ import annotations

from tests.test_llm_local_forms import generate

RETREAT = "Anmeldung Yoga-Retreat: Vorname, Nachname, E-Mail, Handynummer privat, Anmerkungen"


def _field(config: dict, label: str) -> dict:
    return next(f for f in config["fields"] if f["label"] == label)


async def test_a_field_said_to_be_a_phone_number_becomes_one(user):
    form = await generate(user, RETREAT)
    config = await generate(user, "Handynummer privat should be a phone number", form)
    assert _field(config, "Handynummer privat")["type"] == "phone"
    assert len(config["fields"]) == len(form["fields"])


async def test_a_field_said_to_be_a_link_or_an_email_becomes_one(user):
    form = await generate(
        user, "Supplier sign-up: company, contact, website address, accounts contact"
    )
    config = await generate(user, "website address should be a link", form)
    assert _field(config, "Website address")["type"] == "url"
    config = await generate(user, "the accounts contact must be an email address", config)
    assert _field(config, "Accounts contact")["type"] == "email"


DOGS = "Dog walking enquiry: owner name, email, phone, dog's name, breed, how many walks a week"
RUN = "5k fun run sign-up: first name, last name, email, running for a team?"


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_what_is_wrong_and_then_it_is_the_field_named(user):
    form = await generate(user, DOGS)
    config = await generate(user, "the breed field isn't necessary, take it out", form)
    assert "Breed" not in _labels(config) and len(config["fields"]) == len(form["fields"]) - 1
    config = await generate(
        user, "phone isn't needed, remove it and make dog's name optional", form
    )
    assert "Phone" not in _labels(config)
    assert _field(config, "Dog's name")["required"] is False


async def test_a_reason_after_the_change_is_not_a_field(user):
    form = await generate(user, "Event feedback: name, which session did you attend, comments")
    config = await generate(user, "name should not be required, it's anonymous feedback", form)
    assert _labels(config) == _labels(form)
    assert _field(config, "Full name")["required"] is False


async def test_a_field_added_with_its_condition_in_the_same_sentence(user):
    form = await generate(user, RUN)
    for said in (
        "add team name, only shown if running for a team is yes",
        "add a team name field, only show it when running for a team is Yes",
    ):
        config = await generate(user, said, form)
        assert _labels(config) == [*_labels(form), "Team name"], said
        rule = _field(config, "Team name")["show_if"]["all"][0]
        assert (rule["op"], rule["value"]) == ("equals", "Yes")


async def test_removing_a_placeholder_keeps_the_field(user):
    form = await generate(user, "Bug report for our app: what happened, device, your email")
    described = next(f for f in form["fields"] if f["placeholder"] and f["type"] == "textarea")
    config = await generate(user, f"remove the placeholder of {described['label']}", form)
    assert _field(config, described["label"])["placeholder"] == ""
    assert len(config["fields"]) == len(form["fields"])


async def test_two_changes_in_one_sentence_are_both_made(user):
    form = await generate(user, "Membership cancellation: member ID, name, email, tell us more")
    config = await generate(user, "make name optional, we also need a phone field", form)
    assert _field(config, "Full name")["required"] is False
    assert _field(config, "Phone")["type"] == "phone"


async def test_an_instruction_that_changes_nothing_says_so(user):
    form = await generate(user, "Contact form: name, email, phone (optional), message")
    assert _field(form, "Phone")["required"] is False
    config = await generate(user, "make phone optional", form)
    assert [f["label"] for f in config["fields"]] == _labels(form)
    assert any("Nothing on the form changed" in n for n in config["notes"]), config.get("notes")


async def test_a_field_named_as_missing_is_added_and_one_named_as_useless_removed(user):
    form = await generate(
        user, "Webinar registration: first name, last name, email, company, job title"
    )
    config = await generate(user, "job title doesn't matter to us, remove it", form)
    assert "Job title" not in _labels(config)
    config = await generate(
        user, "company size would be useful, add a dropdown for it with 1-10, 11-50, 200+", form
    )
    assert _field(config, "Company size")["options"] == ["1-10", "11-50", "200+"]
    assert _field(config, "Company")["type"] == "text"


async def test_an_option_added_as_another_of_its_kind(user):
    form = await generate(
        user, "Photo enquiry: name, email, type of shoot (wedding, portrait, event)"
    )
    config = await generate(user, "add 'Family' as an option for type of shoot", form)
    assert _field(config, "Type of shoot")["options"][-1] == "Family"
    assert len(config["fields"]) == len(form["fields"])
