"""The local engine, round 36a (issue 20): an aside on how an item is answered ("several
possible", "they can choose several", "mehrere möglich", "one only", "freiwillig",
"(optional)") sets the item's answer type or whether it is required, and is never a field of
its own, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_a_several_answers_aside_makes_a_multiple_choice_and_no_field(user):
    for description, asked in (
        (
            "Agency enquiry: name, email, which services you need (SEO, ads, web design) "
            "- several possible, budget",
            "services",
        ),
        (
            "Anmeldung Sommerfest: Name, E-Mail, Essenswünsche (vegetarisch, vegan, glutenfrei) "
            "mehrere möglich, Kommentar",
            "Essenswünsche",
        ),
        ("Camp signup: child's name, which week (week 1, week 2) they can choose several", "week"),
    ):
        config, _ = await generated(user, description)
        labels = [f["label"] for f in config["fields"]]
        choice = next(f for f in config["fields"] if asked.lower() in f["label"].lower())
        assert choice["type"] == "multiselect", (description, choice)
        assert not any(w in " ".join(labels).lower() for w in ("possible", "mehrere", "they can"))


async def test_a_one_answer_aside_keeps_a_single_choice(user):
    config, _ = await generated(
        user, "Café feedback: which drinks did you order (latte, mocha, tea) only one, comments"
    )
    drinks = next(f for f in config["fields"] if "drinks" in f["label"].lower())
    assert drinks["type"] == "select"
    assert not any("only" in f["label"].lower() for f in config["fields"])


async def test_an_optional_aside_ends_its_item_and_makes_it_optional(user):
    config, _ = await generated(
        user, "Coworking booking: name email company (optional) how many desks you need"
    )
    fields = _by_label(config)
    assert fields["Email"]["type"] == "email"
    assert fields["Company"]["required"] is False
    assert fields["How many desks do you need?"]["type"] == "number"
    config, _ = await generated(user, "Bewerbung: Name, E-Mail, Telefon freiwillig, Lebenslauf")
    assert _by_label(config)["Telefon"]["required"] is False


async def test_alternatives_of_an_upload_are_not_echoed_in_its_label(user):
    config, _ = await generated(user, "Demande de devis cuisine : nom, email, plan ou photos")
    upload = next(f for f in config["fields"] if f["type"] == "file")
    assert upload["label"] == "Plan ou photos"


async def test_an_items_own_words_stay(user):
    config, _ = await generated(
        user, "Franchise enquiry: name, email, do you run several locations?, turnover"
    )
    assert any("several locations" in f["label"].lower() for f in config["fields"])
    config, _ = await generated(
        user, "Wedding enquiry: names, email, optional extras (fireworks, photo booth, late bar)"
    )
    assert any("extras" in f["label"].lower() for f in config["fields"])
