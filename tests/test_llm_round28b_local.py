"""The local engine, round 28b (issue 20): an item that offers alternatives ("front only or
front and back", "front, back or both", "drop it off or do you need us to collect it",
"(2 o 4 semanas)") is one choice whose answers are the alternatives as whole phrases,
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _options(config: dict, word: str) -> list[str] | None:
    found = [f for f in config["fields"] if word in f["label"].lower()]
    return found[0].get("options") if found else None


async def test_an_and_inside_an_answer_stays_in_it(user):
    config, _ = await generated(
        user, "Window cleaning sign-up: name, address, front only or front and back"
    )
    assert _options(config, "front") == ["Front only", "Front and back"]
    assert "Back" not in [f["label"] for f in config["fields"]]


async def test_a_list_before_or_both_is_one_choice(user):
    config, _ = await generated(
        user, "Volunteer sign-up: name, email, weekdays, weekends or both, do you drive?"
    )
    assert _options(config, "weekend") == ["Weekdays", "Weekends", "Both"]
    assert _options(config, "drive") == ["Yes", "No"]


async def test_bring_it_or_we_collect_is_no_yes_no_question(user):
    config, _ = await generated(
        user,
        "Laptop repair: name, phone, model, can you drop it off or do you need us to collect it?",
    )
    assert _options(config, "drop") == ["Drop off", "Collection"]


async def test_a_unit_and_a_place_belong_to_their_answers(user):
    config, _ = await generated(user, "Alquiler de kayak: nombre, email, duración (2 o 4 semanas)")
    assert _options(config, "duraci") == ["2 semanas", "4 semanas"]
    config, _ = await generated(
        user, "Commande traiteur : nom, téléphone, livraison ou retrait en boutique"
    )
    assert _options(config, "livraison") == ["Livraison", "Retrait en boutique"]


async def test_pairs_of_fields_and_yes_no_questions_stay(user):
    config, _ = await generated(
        user, "Conference sign-up: first and last name, email, do you need a parking space?"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "First name" in labels and "Last name" in labels
    assert _options(config, "parking") == ["Yes", "No"]


async def test_drop_off_or_collection_after_a_question_is_its_own_choice(user):
    for ending in ("do you need collection?", "do you need us to collect it"):
        config, _ = await generated(
            user,
            "Donate items to the food bank - name, email, what are you donating, can you drop "
            f"it off or {ending}",
        )
        labels = [f["label"] for f in config["fields"]]
        assert "What are you donating?" in labels, labels
        (choice,) = [f for f in config["fields"] if f["options"]]
        assert choice["options"] == ["Drop off", "Collection"], choice


async def test_a_field_or_a_clause_before_b_or_both_is_no_answer(user):
    config, _ = await generated(
        user, "Wine club sign-up: email, and tell us whether you prefer red, white or both"
    )
    assert _options(config, "both") == ["Red", "White", "Both"]
    config, _ = await generated(
        user, "Corporate catering quote - company, date, headcount, breakfast, lunch or both"
    )
    assert any(f["label"] == "Headcount" for f in config["fields"]), config["fields"]
