"""The local engine, round 16a (issue 20): one person, one contact field — a role's name,
email or phone ("organiser's email", "tenant's phone", "the pair's names", "nom du parent")
is the person's own and replaces the default; someone else's ("referee's email", "dog's
name", a child's name beside a guardian's email) stays a second field; one place is asked
once — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _of(config: dict, ftype: str) -> list[dict]:
    return [f for f in config["fields"] if f["type"] == ftype]


async def test_a_role_named_on_the_name_and_the_email_is_the_person_writing(user):
    config, fields = await generated(
        user,
        "Bake sale stall sign-up: organiser's name, organiser's email, stall type "
        "(cakes, savouries, drinks), number of helpers",
    )
    assert fields["name"]["label"] == "Organiser's name" and fields["name"]["required"]
    emails = _of(config, "email")
    assert [(f["name"], f["label"], f["required"]) for f in emails] == [
        ("email", "Organiser's email", True)
    ]
    assert config["field_mapping"]["email"] == "contact.email"
    config, fields = await generated(
        user, "Flat viewing request: tenant's name, tenant's phone, tenant's email, preferred date"
    )
    assert fields["name"]["label"] == "Tenant's name"
    assert [f["label"] for f in _of(config, "phone")] == ["Tenant's phone"]
    assert [f["label"] for f in _of(config, "email")] == ["Tenant's email"]


async def test_two_people_named_together_are_one_name_field_in_the_marketers_words(user):
    config, fields = await generated(
        user, "Wedding enquiry for our barn venue: bride and groom names, email, wedding date"
    )
    labels = [f["label"] for f in config["fields"]]
    assert fields["name"]["label"] == "Bride and groom names"
    assert "Full name" not in labels and "Bride" not in labels
    _, fields = await generated(user, "Pairs bridge tournament entry: the pair's names, email")
    assert fields["name"]["label"] == "Pair's names"


async def test_someone_elses_contact_stays_a_second_field(user):
    config, fields = await generated(
        user,
        "Reference request: candidate name, candidate email, referee's name, referee's email",
    )
    assert fields["name"]["label"] == "Candidate name"
    assert [f["label"] for f in _of(config, "email")] == ["Candidate email", "Referee's email"]
    config, _ = await generated(user, "Puppy class enrolment: dog's name, breed, email, phone")
    labels = {f["label"] for f in config["fields"]}
    # the list names no person's name: no stock "Full name" beside the dog's (round 18a)
    assert "Dog's name" in labels and "Full name" not in labels


async def test_a_childs_name_beside_a_guardians_email_is_the_childs(user):
    config, fields = await generated(
        user,
        "Swimming lesson enrolment: swimmer's name, swimmer's age, guardian email, guardian phone",
    )
    # the contact is the guardian, reached by the email the list names; the list names no
    # guardian's name, so none is added (round 18a), and the swimmer's name is no contact's
    assert "name" not in fields and fields["swimmer_s_name"]["label"] == "Swimmer's name"
    assert config["field_mapping"]["email"] == "contact.email"  # "Guardian email"
    assert "contact.name" not in config["field_mapping"].values()


async def test_the_role_fields_keep_their_words_in_the_descriptions_language(user):
    config, fields = await generated(
        user,
        "Inscription à l'atelier enfants : nom du parent, e-mail du parent, nom de l'enfant, âge",
    )
    labels = [f["label"] for f in config["fields"]]
    assert fields["name"]["label"] == "Nom du parent" and "Nom complet" not in labels
    assert fields["email"]["label"] == "E-mail du parent" and "Nom de l'enfant" in labels


async def test_one_place_is_asked_once(user):
    config, _ = await generated(
        user, "Pothole report for the city council: name, email, street address, photo"
    )
    places = [f["label"] for f in config["fields"] if "address" in f["label"].lower()]
    assert places == ["Street address"]
    assert "Location or address" not in [f["label"] for f in config["fields"]]
    config, fields = await generated(
        user, "Home visit request for our physio clinic: name, phone, address or location"
    )
    assert fields["address_or_location"]["type"] == "text"
