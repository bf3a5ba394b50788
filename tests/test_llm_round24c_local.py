"""The local engine, round 24c (issue 20): the draft asks what the list asks, required where
it must be, and nothing more — contact words typed without commas are separate fields, a
brochure or a free trial gets no open box nobody asked for, an item asked only in some cases
is optional, and the child a parent registers is named; through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_contact_words_without_commas_are_separate_fields(user):
    for description, labels in (
        ("Yoga class enquiry. name email phone, your level (beginner, advanced)", ["Email"]),
        ("Aulas de surf: nome email telefone, nível (iniciante, avançado)", ["Email"]),
    ):
        config, _ = await generated(user, description)
        types = [f["type"] for f in config["fields"]]
        assert types.count("email") == 1 and "phone" in types, (description, types)
        assert not any(" " in f["label"] and "mail" in f["label"] for f in config["fields"])
        assert all(label in _by_label(config) for label in labels)


async def test_a_brochure_or_a_free_trial_gets_no_unasked_open_box(user):
    for description in (
        "Catalogue request form - name, address, email",
        "Sign up for a 14-day free trial of our invoicing app: name, email, company name",
        "Katalog anfordern: Name, E-Mail, Adresse",
    ):
        config, _ = await generated(user, description)
        assert not [f for f in config["fields"] if f["type"] == "textarea"], description


async def test_a_bare_contact_form_and_a_quote_keep_their_open_box(user):
    for description in (
        "contact form: name, email",
        "Quote request for a kitchen refit: name, email",
    ):
        config, _ = await generated(user, description)
        assert [f for f in config["fields"] if f["type"] == "textarea"], description


async def test_an_item_asked_in_some_cases_is_optional_and_a_course_stays_a_course(user):
    config, _ = await generated(
        user,
        "Kursanmeldung: Name, E-Mail, Telefon, gewünschter Kurs (Excel, Word, PowerPoint), "
        "Firma (falls vom Arbeitgeber bezahlt)",
    )
    assert config["flow_id"] == "direct_route"
    assert _by_label(config)["Firma"]["required"] is False


async def test_the_child_a_parent_registers_is_named(user):
    config, _ = await generated(
        user, "Summer camp registration: parent name, email, phone, child's name, child's age"
    )
    fields = _by_label(config)
    assert fields["Child's name"]["required"] and fields["Parent name"]["required"]
