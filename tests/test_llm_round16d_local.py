"""The local engine, round 16d (issue 20): answers a description lists after a verb phrase
("choose the topics you care about: …", "cochez ce qui vous intéresse : …") are one choice
labelled from the phrase, and a reason, a type or a category given its answers ("reason for
return: …", "motivo (…)", "type of enquiry: …") is one select in place of the engine's own
free-text reason — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _by_label(config: dict) -> dict:
    return {f["label"]: f for f in config["fields"]}


async def test_answers_after_a_verb_phrase_are_one_choice_named_by_the_phrase(user):
    config, _ = await generated(
        user,
        "Newsletter signup for our deli: name, email, and choose the topics you care about: "
        "recipes, events, discounts",
    )
    fields = _by_label(config)
    assert fields["Topics"]["type"] == "multiselect"
    assert fields["Topics"]["options"] == ["Recipes", "Events", "Discounts"]
    assert not {"Recipes", "Events", "Discounts", "Choose"} & set(fields)
    # a verb phrase without a noun is the question it asks
    config, _ = await generated(
        user,
        "Brewery visit enquiry: name, email, pick what you'd like: tours, tastings, private hire",
    )
    asked = _by_label(config)["What would you like?"]
    assert (asked["type"], asked["options"]) == (
        "multiselect",
        ["Tours", "Tastings", "Private hire"],
    )


async def test_the_wording_says_when_only_one_answer_may_be_picked(user):
    config, _ = await generated(
        user,
        "Charity gala registration: name, email, pick one meal option: vegetarian, vegan, standard",
    )
    meal = _by_label(config)["Meal option"]
    assert (meal["type"], meal["options"]) == ("select", ["Vegetarian", "Vegan", "Standard"])
    config, _ = await generated(
        user,
        "Demande de visite : nom, e-mail, choisissez une formule : visite guidée, dégustation, atelier",
    )
    formule = _by_label(config)["Formule"]
    assert formule["type"] == "select"
    assert formule["options"] == ["Visite guidée", "Dégustation", "Atelier"]


async def test_a_reason_with_its_answers_is_one_select_instead_of_our_free_text(user):
    for description in (
        "Refund request: name, email, order number, reason: damaged, wrong item, late delivery",
        "Refund request form: name, email, order number, reason (damaged, wrong item, late delivery)",
    ):
        config, _ = await generated(user, description)
        reasons = [f for f in config["fields"] if "reason" in f["name"]]
        assert len(reasons) == 1, [f["label"] for f in config["fields"]]
        assert reasons[0]["type"] == "select"
        assert reasons[0]["options"] == ["Damaged", "Wrong item", "Late delivery"]
        assert "Damaged" not in _by_label(config)
    config, _ = await generated(
        user,
        "Kündigung der Mitgliedschaft: Name, E-Mail, Mitgliedsnummer, Grund: Umzug, zu teuer, unzufrieden",
    )
    grund = _by_label(config)["Grund"]
    assert (grund["type"], grund["options"]) == ("select", ["Umzug", "Zu teuer", "Unzufrieden"])
    assert not [f for f in config["fields"] if f["type"] == "textarea"]


async def test_the_answers_stop_where_a_field_begins_again(user):
    config, _ = await generated(
        user,
        "Contact form for our agency: name, email, type of enquiry: sales, support, press, message",
    )
    fields = _by_label(config)
    assert fields["Type of enquiry"]["options"] == ["Sales", "Support", "Press"]
    assert fields["Message"]["type"] == "textarea"
    # a colon before fields is no choice: "what we need: name, email, phone" lists fields
    config, _ = await generated(user, "Callback request. What we need: name, email, phone")
    assert {"email", "phone"} <= {f["type"] for f in config["fields"]}
    offered = {o for f in config["fields"] for o in f.get("options") or []}
    assert not offered & {"Name", "Email", "Phone"}
