"""The local engine, round 17b (issue 20): one person, one organisation — a person named by
their role or an organisation by its own noun gets no stock "Full name" or "Company" beside
it, an item the marketer rules out in passing is not asked, and the words saying whom the
form is for are no field — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_person_named_by_their_role_is_the_contact_name_asked_once(user):
    config, fields = await generated(
        user,
        "Formulaire d'inscription pour notre chenil : nom du propriétaire, e-mail, nom du chien",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Nom complet" not in labels
    # the owner's name fills the contact's name; the dog's stays its own field
    assert fields["name"]["label"] == "Nom du propriétaire" and fields["name"]["required"]
    assert "Nom du chien" in labels
    assert config["field_mapping"]["name"] == "contact.name"


async def test_two_people_named_get_no_third_generic_name(user):
    config, _ = await generated(
        user, "Doubles tennis tournament entry: player 1 name, player 2 name, email, club"
    )
    labels = [f["label"] for f in config["fields"]]
    assert labels.count("Player 1 name") == 1 and labels.count("Player 2 name") == 1
    assert "Full name" not in labels
    # a guardian's form keeps the child's name apart: the guardian is the contact
    _, fields = await generated(
        user, "Youth football registration: player name, parent's email, shirt size"
    )
    assert fields["name"]["label"] != "Player name"


async def test_the_organisation_named_by_its_own_noun_is_the_company_field(user):
    config, fields = await generated(
        user, "Partner programme application: agency name, email, website, clients per year"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Company" not in labels and labels.count("Agency name") == 1
    assert fields["company"]["label"] == "Agency name"
    config, _ = await generated(
        user, "Demande de partenariat : nom de l'agence, e-mail, site web, nombre de clients"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Entreprise" not in labels and "Nom de l'agence" in labels


async def test_an_item_ruled_out_in_passing_is_not_asked(user):
    config, _ = await generated(
        user,
        "Room service feedback: hotel name? no, it's just our hotel. Room number, rating, comments",
    )
    labels = [f["label"].lower() for f in config["fields"]]
    assert not any("hotel" in label for label in labels) and "room number" in labels
    for said in (
        "Customer feedback for our café: no need for a phone, just name, email, what you ordered",
        "Demande de devis : nom, e-mail, surface, pas besoin de téléphone",
    ):
        config, _ = await generated(user, said)
        kinds = [f["type"] for f in config["fields"]]
        assert "phone" not in kinds, config["fields"]
        assert not any(f["label"] in ("No", "For a phone") for f in config["fields"])


async def test_whom_the_form_is_for_is_no_field(user):
    config, _ = await generated(
        user,
        "Office cleaning quote form: contact details so office managers can ask for a quote, "
        "office size, frequency",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Quote" not in labels and not any("managers" in label for label in labels)
    assert "Office size" in labels and "Frequency" in labels
