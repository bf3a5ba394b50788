"""The local engine, round 13d (issue 20): a field takes the kind of answer its words ask
for — a yes/no note in a list is a Yes/No choice, a reason or an opinion is written out, a
content list is long text, a paired time is two whole fields, every follow-up after "if
yes" is shown on Yes, and a past tense is never "corrected" — through POST
/api/forms/generate (the eval set is tests/eval/forms_round13d.jsonl)."""

from __future__ import annotations

from tests.helpers_forms import generated, rule


async def test_yes_no_notes_in_a_list_are_yes_no_choices_and_values_keep_their_type(user):
    _, fields = await generated(
        user,
        "Roof repair quote request: name, phone, address, scaffolding required, parking "
        "needed, own the home?, first visit?, budget?, dog's breed?",
    )
    for name in ("scaffolding_required", "parking_needed", "own_home", "first_visit"):
        assert fields[name]["type"] == "select" and fields[name]["options"] == ["Yes", "No"]
    assert fields["scaffolding_required"]["required"] is False  # the word asks, it flags nothing
    assert fields["first_visit"]["label"] == "Is this your first visit?"
    assert fields["budget"]["options"] != ["Yes", "No"]  # "budget?" asks for the budget
    assert fields["dog_s_breed"]["type"] == "text"
    _, fields = await generated(
        user, "Kids' party booking: parent name, phone, party date, any allergies"
    )
    assert all(f.get("options") != ["Yes", "No"] for f in fields.values())  # a need to describe


async def test_yes_no_notes_in_other_languages_answer_in_that_language(user):
    config, _ = await generated(
        user,
        "Demande de devis de déménagement : nom, e-mail, date du déménagement, ascenseur ?, "
        "stationnement nécessaire ?",
    )
    lift = next(f for f in config["fields"] if f["label"].startswith("Ascenseur"))
    assert lift["options"] == ["Oui", "Non"]


async def test_reasons_and_opinions_are_written_and_scales_are_numbers(user):
    _, fields = await generated(
        user,
        "NPS survey: likely to recommend 0-10, main reason for your score, the best part of "
        "the day, rate cleanliness, staff and location (1-5)",
    )
    assert fields["nps"]["type"] == "number" and (fields["nps"]["min"], fields["nps"]["max"]) == (
        0,
        10,
    )
    assert fields["main_reason_for_score"]["type"] == "textarea"
    assert fields["best_part_of_day"]["type"] == "textarea"  # no date
    assert "rating" not in fields  # no satisfaction choice for the reason
    for aspect in ("cleanliness", "staff", "location"):
        rated = fields[f"{aspect}_rating"]
        assert (rated["type"], rated["min"], rated["max"]) == ("number", 1, 5)


async def test_content_lists_are_long_text(user):
    _, fields = await generated(
        user,
        "Recipe submission for our food blog: your name, email, recipe title, ingredients, "
        "method, agenda, synopsis, track list, payment method",
    )
    for name in ("ingredients", "method", "agenda", "synopsis", "track_list"):
        assert fields[name]["type"] == "textarea", name
    assert fields["recipe_title"]["type"] == "text"
    assert fields["payment_method"]["type"] == "text"  # not a recipe's method


async def test_paired_times_are_two_whole_fields(user):
    config, fields = await generated(
        user, "Meeting room booking: name, email, date, start and end time, number of people"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Start time" in labels and "End time" in labels and "Start" not in labels
    _, fields = await generated(
        user, "Campsite booking: name, email, arrival and departure, tent or caravan"
    )
    assert fields["arrival_date"]["type"] == fields["departure_date"]["type"] == "date"
    config, _ = await generated(
        user, "Reserva de sala: nombre, correo, fecha, hora de inicio y de fin, número de personas"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Hora de inicio" in labels and "Hora de fin" in labels


async def test_every_follow_up_after_if_yes_is_shown_on_yes(user):
    _, fields = await generated(
        user,
        "Car purchase enquiry: name, phone, model of interest, trade-in? if yes, its make and "
        "mileage",
    )
    assert fields["trade_in"]["options"] == ["Yes", "No"]
    for name in ("make", "mileage"):
        assert rule(fields[name]) == [{"field": "trade_in", "op": "equals", "value": "Yes"}]
    assert not any("and" in name.split("_") for name in fields)  # no "Its make and mileage"
    _, fields = await generated(
        user,
        "Insurance quote for landlords: name, email, tenants in place? if so, how many and "
        "since when, previous claims (yes/no)",
    )
    assert rule(fields["how_many"]) and rule(fields["since_when"])
    assert rule(fields["previous_claims"]) is None  # a question of its own


async def test_past_tenses_in_a_field_phrase_are_kept(user):
    config, _ = await generated(
        user,
        "Bug report for our mobile game: name, email, device, bugs you found, the animal you "
        "saw, plants you grew, books you bought this year",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Bugs found" in labels and "Animal seen" in labels and "Plants grown" in labels
    assert "Books bought this year" in labels
    assert not any(word in " ".join(labels) for word in ("founded", "sawed", "grewed"))


async def test_one_scale_for_several_aspects_in_another_language(user):
    config, _ = await generated(
        user,
        "Encuesta post-evento: valora la organización, el catering y el lugar (1-5), lo que "
        "más te gustó",
    )
    rated = {f["label"]: f for f in config["fields"] if f["type"] == "number"}
    assert set(rated) == {"Organización", "Catering", "Lugar"}
    assert all((f["min"], f["max"]) == (1, 5) for f in rated.values())
