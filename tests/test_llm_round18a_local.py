"""The local engine, round 18a (issue 20: "never add a required field it did not ask for"):
a listed form asks for no contact field it did not name, and no business fields on a form
for a person, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated

STOCK_NAMES = {"Full name", "Nom complet", "Nombre completo", "Nome completo", "Vollständiger Name"}


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_a_list_with_a_phone_gets_no_stock_name_or_email(user):
    for description in (
        "Allotment waiting list: plot size wanted, mobile number, postcode",
        "Boiler service booking: address, boiler make, preferred day, contact number",
        "Pedido de orçamento para remodelação: tipo de obra, metros quadrados, telefone, cidade",
    ):
        config, _ = await generated(user, description)
        assert not STOCK_NAMES & set(_labels(config)), (description, _labels(config))
        assert not [f for f in config["fields"] if f["type"] == "email"], description


async def test_a_person_named_by_role_is_the_name(user):
    config, _ = await generated(
        user, "Five-a-side league entry: team name, skipper, mobile, shirt colour"
    )
    assert "Skipper" in _labels(config)
    assert "Full name" not in _labels(config)
    config, _ = await generated(
        user, "Anmeldung zum Vereinsfest: Name des Ansprechpartners, Anzahl Personen, Telefonnummer"
    )
    assert "Name des Ansprechpartners" in _labels(config)
    assert "Vollständiger Name" not in _labels(config)


async def test_a_list_with_no_way_back_keeps_only_an_optional_email(user):
    config, fields = await generated(
        user,
        "Lettings application: current landlord, rent you can afford, move date, number of adults",
    )
    assert "name" not in fields
    assert fields["email"]["required"] is False
    assert fields["email"]["label"] == "Email"


async def test_a_creator_collab_form_has_no_business_fields(user):
    config, _ = await generated(
        user, "Partnership form for Instagram creators: handle, followers, content niche, email"
    )
    labels = _labels(config)
    assert not {"Work email", "Company", "Website"} & set(labels), labels


async def test_guards_unlisted_and_named_and_b2b_stay(user):
    _, fields = await generated(user, "a contact form for my florist shop")
    assert fields["name"]["required"] and fields["email"]["required"]
    _, fields = await generated(user, "Contact form: name, email, message")
    assert fields["name"]["required"] and fields["email"]["required"]
    config, fields = await generated(user, "Book a demo: name, work email, company, team size")
    assert {"Work email", "Company"} <= set(_labels(config))
    assert fields["company"]["required"]
    config, _ = await generated(user, "Newsletter signup, email only")
    assert [f["type"] for f in config["fields"]] == ["email"]
