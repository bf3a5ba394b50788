"""The local engine, round 15a (issue 20): list items that are questions or actions — an
aspect given its own scale is a rated number, "may we / podemos / dürfen wir …" a Yes/No
question, a long "what do you want to …" question is kept whole as free text, and "book a
time" / "pick a slot" at the end of a list asks when — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_each_aspect_given_a_scale_is_a_number_labelled_with_the_aspect(user):
    config, _ = await generated(
        user, "Hotel stay feedback: name, email, comfort (1-5), value (1-5), service (1-5)"
    )
    rated = {f["label"]: f for f in config["fields"] if f["type"] == "number"}
    assert set(rated) >= {"Comfort", "Value", "Service"}
    assert (rated["Comfort"]["min"], rated["Comfort"]["max"]) == (1, 5)
    # a count in brackets is no aspect: its bounds are the count's (round 31a), no rating help
    _, fields = await generated(user, "Party planning: name, email, number of guests (1-10)")
    guests = next(f for f in fields.values() if f["label"] == "Number of guests")
    assert (guests["min"], guests["max"]) == (1, 10) and not guests.get("help")


async def test_a_permission_question_is_asked_and_never_a_field_called_may(user):
    config, _ = await generated(
        user, "Feedback form for our bakery: name, email, what did you buy, may we contact you"
    )
    # round 35d: a permission asked in passing is the visitor's optional tick box
    asked = next(f for f in config["fields"] if f["type"] == "checkbox")
    assert asked["label"] == "I'm happy for you to contact me" and not asked["required"]
    assert "May" not in [f["label"] for f in config["fields"]]
    config, _ = await generated(
        user, "Formulaire d'avis : nom, e-mail, commentaire, pouvons-nous vous recontacter"
    )
    asked = next(f for f in config["fields"] if f["label"].startswith("Pouvons-nous"))
    assert asked["options"] == ["Oui", "Non"]


async def test_a_long_question_to_the_visitor_is_kept_whole_as_free_text(user):
    config, _ = await generated(
        user,
        "Coaching discovery form: name, email, what do you want to achieve in the next 6 "
        "months, what's stopped you so far",
    )
    labels = {f["label"]: f["type"] for f in config["fields"]}
    assert labels.get("What do you want to achieve in the next 6 months?") == "textarea"
    assert labels.get("What's stopped you so far?") == "textarea"


async def test_booking_a_time_at_the_end_of_a_list_asks_when(user):
    for said in ("book a time", "pick a slot", "schedule a call"):
        config, _ = await generated(user, f"Demo request: name, email, company size, {said}")
        labels = [f["label"] for f in config["fields"]]
        assert "Preferred time" in labels and said.capitalize() not in labels, labels
