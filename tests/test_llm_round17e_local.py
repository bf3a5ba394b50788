"""The local engine, round 17e (issue 20): the kind and the wording of each answer — a
measured quantity or a duration is a number (the duration's unit in its label), a trailing
"yes/no" is a Yes/No question, "which dates can you make (…)" takes several answers, a
t-shirt size is a choice of sizes, "date and time of …" never asks a free-text time, brand
names keep their spelling and a relative clause reads as a question — through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_measured_quantity_or_a_duration_is_a_number(user):
    config, _ = await generated(
        user,
        "Solar panel quote: name, email, approximate square metres of roof, monthly kWh usage, "
        "how long have you been in the house",
    )
    kinds = {f["label"]: f["type"] for f in config["fields"]}
    assert kinds["Approximate square metres of roof"] == "number"
    assert kinds["Monthly kWh usage"] == "number"  # the unit keeps its spelling
    assert kinds["How long have you been in the house (years)?"] == "number"
    config, _ = await generated(
        user, "Consulta de fisioterapia: nombre, teléfono, cuánto tiempo lleva con el dolor"
    )
    asked = next(f for f in config["fields"] if "dolor" in f["label"])
    assert asked["type"] == "number" and "(días)" in asked["label"], asked


async def test_a_trailing_yes_no_is_a_question_answered_yes_or_no(user):
    config, _ = await generated(
        user, "Engineer visit feedback: name, on time yes/no?, left the site tidy yes/no"
    )
    asked = {f["label"]: f["options"] for f in config["fields"] if f["type"] == "select"}
    assert asked == {"On time?": ["Yes", "No"], "Left the site tidy?": ["Yes", "No"]}
    config, _ = await generated(user, "Umfrage Lieferung: Bestellnummer, pünktlich ja/nein")
    labels = [f["label"] for f in config["fields"]]
    assert "Pünktlich?" in labels and not any("ja" in label.lower() for label in labels)


async def test_dates_a_person_can_make_take_several_answers_and_sizes_are_listed(user):
    config, _ = await generated(
        user,
        "Charity run: name, email, which dates can you make (3 March, 10 March, 17 March), "
        "t-shirt size, date and time of your last race",
    )
    fields = {f["label"]: f for f in config["fields"]}
    assert fields["Which dates can you make?"]["type"] == "multiselect"
    assert fields["T-shirt size"]["options"] == ["XS", "S", "M", "L", "XL", "XXL"]
    timed = [f for f in config["fields"] if f["label"].startswith("Time of")]
    # a past event's time is a clock time (round 38a), not a times-of-day choice
    assert timed and all(f["type"] == "text" and "14:30" in f["placeholder"] for f in timed), timed
    assert any(f["type"] == "date" for f in config["fields"])


async def test_brand_names_keep_their_spelling_and_clauses_read_as_questions(user):
    config, _ = await generated(
        user,
        "App beta signup: name, email, iphone or android, tiktok handle, what you sell, "
        "what you expected",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "iPhone or Android" in labels and "TikTok handle" in labels, labels
    assert "What do you sell?" in labels and "What did you expect?" in labels, labels
    choice = next(f for f in config["fields"] if f["label"] == "iPhone or Android")
    assert choice["options"] == ["iPhone", "Android"]


async def test_a_question_said_with_yes_or_no_keeps_only_the_question(user):
    config, _ = await generated(
        user,
        "Accident report: driver name, email, was anyone injured yes or no, "
        "what you'd like us to do next",
    )
    fields = {f["label"]: f for f in config["fields"]}
    assert fields["Was anyone injured?"]["options"] == ["Yes", "No"], list(fields)
    assert "What would you like us to do next?" in fields, list(fields)
