"""The local engine, round 16c (issue 20): list items said as questions, counts and ratings
keep their shape and type — "when did the fault start" is a date labelled with the
question, "did you talk to a colleague already" a Yes/No question that keeps "you", bare
scales ("food 1-5", "rate the speaker and the venue out of 5") one rated number per aspect,
and a long conditional question with "(yes/no)" kept whole — through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_when_did_question_is_a_date_labelled_with_the_question(user):
    config, _ = await generated(
        user, "Fault report: name, phone, address, when did the fault start, describe the fault"
    )
    by_label = {f["label"]: f["type"] for f in config["fields"]}
    assert by_label.get("When did the fault start?") == "date", by_label
    assert not any(label.startswith("Date did") for label in by_label)
    config, _ = await generated(
        user, "Schadensmeldung: Name, E-Mail, Telefon, wann ist es passiert, was ist beschädigt"
    )
    by_label = {f["label"]: f["type"] for f in config["fields"]}
    assert by_label.get("Wann ist es passiert?") == "date", by_label


async def test_a_did_you_question_is_yes_or_no_and_keeps_its_subject(user):
    config, _ = await generated(
        user, "Support request: name, email, issue, did you talk to a colleague already"
    )
    asked = next(f for f in config["fields"] if "colleague" in f["label"])
    assert asked["label"] == "Did you already talk to a colleague?"
    assert asked["options"] == ["Yes", "No"]
    config, _ = await generated(
        user, "Pedido de suporte: nome, e-mail, problema, já falou com algum colega"
    )
    asked = next(f for f in config["fields"] if "colega" in f["label"])
    assert (asked["label"], asked["options"]) == ("Já falou com algum colega?", ["Sim", "Não"])


async def test_each_aspect_with_a_bare_scale_is_its_own_rated_number(user):
    config, _ = await generated(
        user,
        "Restaurant feedback: name, email, food 1-5, service 1-5, value for money 1-10, comments",
    )
    rated = {f["label"]: (f["min"], f["max"]) for f in config["fields"] if f["type"] == "number"}
    assert rated == {"Food": (1, 5), "Service": (1, 5), "Value for money": (1, 10)}
    comments = next(f for f in config["fields"] if f["label"] == "Comments")
    assert comments["type"] == "textarea"  # the item after the scales keeps its own type
    config, _ = await generated(
        user,
        "Conference feedback: name, email, rate the speaker and the venue out of 5, "
        "what could we improve",
    )
    rated = {f["label"]: (f["min"], f["max"]) for f in config["fields"] if f["type"] == "number"}
    assert rated == {"Speaker rating": (1, 5), "Venue rating": (1, 5)}


async def test_a_conditional_question_marked_yes_no_is_kept_whole(user):
    config, _ = await generated(
        user,
        "Parcel delivery form: name, address, ok for us to leave it with a neighbour if "
        "you're out (yes/no)",
    )
    asked = next(f for f in config["fields"] if "neighbour" in f["label"])
    assert asked["label"] == "OK for us to leave it with a neighbour if you're out?"
    assert asked["options"] == ["Yes", "No"]
    config, _ = await generated(
        user, "Certificate request: name, email, course, address to post it to"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Address to post it to" in labels and "Address to" not in labels
