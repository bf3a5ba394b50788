"""The local engine, round 30a (issue 20): an "A or B" item naming one thing two ways ("fault
code or error message", "Fragen oder Anmerkungen") is one free-text question; a noun heading
a choice ("session format online or in person", "¿modalidad online o presencial?") is its
label and the answers follow it; choices a visitor picks stay choices, through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, label: str) -> dict:
    return next(f for f in config["fields"] if f["label"].lower().startswith(label.lower()))


async def test_two_words_for_what_the_visitor_describes_are_one_text(user):
    for description, label in (
        ("Printer support: name, email, model, fault code or error message", "Fault code or"),
        ("Club open evening: name, email, questions or comments", "Questions or comments"),
        ("Rückmeldung Mieter: Name, Telefon, Fragen oder Anmerkungen", "Fragen oder"),
    ):
        config, _ = await generated(user, description)
        field = _field(config, label)
        assert field["type"] in ("text", "textarea"), (description, field)
        assert not field.get("options"), (description, field)


async def test_a_noun_heading_a_choice_is_its_label(user):
    for description, label, answers in (
        (
            "Therapy enquiry: name, email, session format online or in person",
            "Session format",
            ["Online", "In person"],
        ),
        (
            "Clases de pilates: nombre, email, ¿modalidad online o presencial?",
            "Modalidad",
            ["Online", "Presencial"],
        ),
    ):
        config, _ = await generated(user, description)
        field = _field(config, label)
        assert field["label"].rstrip("?") == label, (description, field)
        assert field["options"] == answers, (description, field)


async def test_alternatives_the_visitor_picks_stay_a_choice(user):
    for description, answers in (
        ("Dry cleaning order: name, phone, drop off or collection", ["Drop off", "Collection"]),
        ("App beta: name, email, iPhone or Android", ["iPhone", "Android"]),
        ("Tutoring: name, email, in person or online", ["In person", "Online"]),
    ):
        config, _ = await generated(user, description)
        assert any(f.get("options") == answers for f in config["fields"]), (
            description,
            [(f["label"], f.get("options")) for f in config["fields"]],
        )
