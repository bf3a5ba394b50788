"""The local engine, round 19a (issue 20): the draft asks its questions in the order the
marketer listed them — an address, a serial number, an email, a company stay where the
list put them — and the engine's own fields go where a person expects them, through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_the_fields_come_in_the_lists_order(user):
    config, _ = await generated(
        user,
        "Roofing quote: name, email, phone, service type (repair, replacement, inspection), "
        "approximate budget, property address, tell us about the job",
    )
    assert _labels(config) == [
        "Full name",
        "Email",
        "Phone",
        "Service type",
        "Approximate budget",
        "Property address",
        "Tell us about the job",
    ]


async def test_contact_details_listed_last_stay_last(user):
    config, _ = await generated(
        user, "Garantieanfrage: Modell, Seriennummer, Kaufdatum, Name, E-Mail"
    )
    labels = _labels(config)
    assert labels[:5] == ["Modell", "Seriennummer", "Kaufdatum", "Name", "E-Mail"]


async def test_a_company_listed_first_stays_first(user):
    config, _ = await generated(
        user,
        "SaaS demo request: company, company size, your name, work email, what you want to see",
    )
    assert [f["name"] for f in config["fields"]][:4] == [
        "company",
        "company_size",
        "name",
        "email",
    ]


async def test_a_follow_up_stays_after_its_question(user):
    config, _ = await generated(
        user,
        "Pet sitting enquiry: do you have a dog (yes/no), if yes, the dog's breed, "
        "dates needed, name, email",
    )
    names = [f["name"] for f in config["fields"]]
    breed = next(f for f in config["fields"] if f.get("show_if"))
    assert names.index(breed["name"]) == names.index("dog") + 1
    assert names[-2:] == ["name", "email"]


async def test_a_description_naming_no_field_keeps_contact_first(user):
    config, _ = await generated(user, "Contact form for our bakery")
    assert [f["name"] for f in config["fields"]][:2] == ["name", "email"]
    assert config["fields"][-1]["type"] == "textarea"


async def test_a_condition_read_from_a_sentence_follows_its_question(user):
    config, _ = await generated(
        user,
        "Car service booking: name, phone, car make, service type (MOT, full service, repair), "
        "preferred date. Ask for a description of the fault only if the service type is repair.",
    )
    names = [f["name"] for f in config["fields"]]
    [fault] = [f for f in config["fields"] if f.get("show_if")]
    assert names.index(fault["name"]) == names.index("service_type") + 1
    assert names[-1] == "preferred_date"
