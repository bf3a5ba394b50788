"""The local engine, round 25c (issue 20): each listed item is read whole and as meant —
nothing lost, nothing split, no wrong expansion — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_asking_about_either_of_two_health_matters_is_one_question(user):
    config, _ = await generated(
        user, "Patient registration: name, date of birth, email, allergies or medical needs"
    )
    field = _by_label(config)["Allergies or medical needs"]
    assert field["type"] in ("text", "textarea") and not field["options"]
    config, _ = await generated(
        user, "Fiche patient : nom, téléphone, allergies ou besoins médicaux"
    )
    field = _by_label(config)["Allergies ou besoins médicaux"]
    assert field["type"] in ("text", "textarea") and not field["options"]


async def test_a_choice_between_two_things_stays_a_choice(user):
    config, _ = await generated(
        user, "Café catering order: name, email, delivery or collection, number of people"
    )
    assert _by_label(config)["Delivery or collection"]["options"] == ["Delivery", "Collection"]


async def test_an_open_question_about_two_things_is_one_long_text_and_nothing_is_lost(user):
    config, _ = await generated(
        user,
        "Puppy adoption application: name, email, tell us about your home and garden, how "
        "many hours a day would the puppy be alone, do you rent or own your home",
    )
    labels = _by_label(config)
    assert labels["Tell us about your home and garden"]["type"] == "textarea"
    assert "Garden" not in labels
    assert labels["How many hours a day would the puppy be alone?"]["type"] == "number"
    assert labels["Do you rent or own your home?"]["options"] == ["Rent", "Own"]
    config, _ = await generated(user, "Adoção de cão: nome, email, fale-nos da sua casa e jardim")
    assert _by_label(config)["Fale-nos da sua casa e jardim"]["type"] == "textarea"


async def test_a_bare_title_beside_the_name_is_the_salutation(user):
    config, _ = await generated(
        user, "Member registration: title, first name, surname, date of birth, email"
    )
    title = _by_label(config)["Title"]
    assert title["type"] == "select" and title["options"][:3] == ["Mr", "Mrs", "Ms"]
    config, _ = await generated(user, "Mitgliedsantrag: Anrede, Vorname, Nachname, E-Mail")
    assert _by_label(config)["Anrede"]["type"] == "select"


async def test_a_title_beside_the_employer_stays_a_job_title(user):
    config, _ = await generated(user, "Job application: name, email, current employer, title, CV")
    assert _by_label(config)["Job title"]["type"] == "text"


async def test_allergies_keep_their_word(user):
    config, _ = await generated(
        user, "New patient registration: full name, date of birth, any allergies, medication"
    )
    assert "Allergies" in _by_label(config)
    config, _ = await generated(user, "Event registration: name, email, dietary requirements")
    assert "Dietary requirements" in _by_label(config)
