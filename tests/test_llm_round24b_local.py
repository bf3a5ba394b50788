"""The local engine, round 24b (issue 20): each listed item becomes one field, labelled as
a person would ask it and of the kind its wording asks for, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_an_indirect_clause_is_asked_directly(user):
    config, _ = await generated(
        user,
        "Lost property at the bus depot: your name, phone, where on the bus you left it, "
        "how many staff they have, what their booking reference is",
    )
    labels = _by_label(config)
    assert "Where on the bus did you leave it?" in labels, list(labels)
    # round 26b: the description calls the visitor "your", so "they" are someone else
    assert labels["How many staff do they have?"]["type"] == "number", list(labels)
    assert "Booking reference" in labels, list(labels)


async def test_an_answer_hint_sets_the_kind_and_leaves_the_label(user):
    for description, label in (
        ("School trip form: child's name, class, photo consent yes/no", "Photo consent?"),
        (
            "Inscripción al taller: nombre, correo, consentimiento de fotos sí/no",
            "Consentimiento de fotos",
        ),
    ):
        config, _ = await generated(user, description)
        asked = [f for f in config["fields"] if f["label"].rstrip(" ?") == label.rstrip(" ?")]
        assert len(asked) == 1, [f["label"] for f in config["fields"]]
        assert asked[0]["type"] == "select" and len(asked[0]["options"]) == 2


async def test_a_question_opened_by_a_question_word_is_open(user):
    config, _ = await generated(user, "Kontaktformular: Name, E-Mail, worum geht es?, Telefon")
    assert _by_label(config)["Worum geht es?"]["type"] in ("text", "textarea")


async def test_one_yes_no_question_about_two_things_stays_one(user):
    config, _ = await generated(
        user, "Catering enquiry: name, email, date, guests, do you need plates and cutlery?"
    )
    labels = _by_label(config)
    assert labels["Do you need plates and cutlery?"]["options"] == ["Yes", "No"], list(labels)
    assert not any(
        "cutlery" in label.lower() and label != "Do you need plates and cutlery?"
        for label in labels
    )


async def test_an_upload_of_either_keeps_the_descriptions_words(user):
    config, _ = await generated(user, "Reclamación de garantía: nombre, correo, fotos o documentos")
    uploads = [f for f in config["fields"] if f["type"] == "file"]
    assert [f["label"] for f in uploads] == ["Fotos o documentos"]


async def test_the_handset_is_no_phone_number_but_a_phone_stays_one(user):
    config, _ = await generated(
        user, "Phone repair booking: name, phone number, which phone they use (iPhone or Android)"
    )
    types = [(f["type"], f.get("options")) for f in config["fields"]]
    assert [t for t, _ in types].count("phone") == 1, types
    assert ("select", ["iPhone", "Android"]) in types, types
    config, _ = await generated(user, "Callback request: name, phone, best time to call")
    assert _by_label(config)["Phone"]["type"] == "phone"
