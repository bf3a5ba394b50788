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
