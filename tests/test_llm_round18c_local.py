"""The local engine, round 18c (issue 20): every item the marketer names is kept, with its
scale and in good wording — a clause naming a date ("the day you'd like us to begin",
"quand souhaitez-vous commencer"), a list after "only", a scale with its words, a
grammatical question, the thing recommended, the end time, real foreign words — through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_a_date_said_as_a_clause_is_a_date_labelled_as_said(user):
    for description, word in (
        ("Cleaning quote: address, number of bedrooms, the day you'd like us to begin", "begin"),
        ("Painter quote: rooms to paint, and when you'd like us to start", "start"),
        ("Déménagement : nom, email, adresse, quand souhaitez-vous commencer", "commencer"),
        ("Wohnungsbewerbung: Name, E-Mail, wann möchten Sie einziehen", "einziehen"),
        ("Devis toiture : nom, la date à laquelle vous souhaitez que nous commencions", "commenc"),
    ):
        config, _ = await generated(user, description)
        assert _field(config, word)["type"] == "date", description


async def test_every_item_after_only_is_kept(user):
    config, _ = await generated(user, "Solo nombre y teléfono y el mejor día para llamar")
    assert {"name", "phone"} <= {f["name"] for f in config["fields"]}
    assert _field(config, "día")["type"] == "date"


async def test_a_scale_keeps_the_marketers_words_and_its_range(user):
    config, _ = await generated(
        user, "Restaurant feedback: how pleased were you (1-5), overall score 1-10, comments"
    )
    overall = _field(config, "overall score")
    assert (overall["label"], overall["min"], overall["max"]) == ("Overall score", 1, 10)
    config, _ = await generated(user, "Umfrage: Wie zufrieden waren Sie (1-5), Gesamtnote 1-10")
    assert _field(config, "gesamtnote")["max"] == 10


async def test_questions_stay_grammatical_and_name_what_is_recommended(user):
    config, _ = await generated(user, "Booking: name, email, what day suits you best")
    assert "What day suits you best?" in [f["label"] for f in config["fields"]]
    config, _ = await generated(user, "Workshop feedback: would you recommend the workshop")
    assert "recommend the workshop" in _field(config, "recommend")["label"]
    # a guard: "us" stays the stock question
    config, _ = await generated(user, "Customer survey: would you recommend us, comments")
    assert "recommend us" in _field(config, "recommend")["label"]


async def test_the_end_time_is_a_clock_time_and_frist_stays_frist(user):
    config, _ = await generated(
        user, "Noise complaint: date of the noise, time it started, what time did it end"
    )
    end, started = _field(config, "end"), _field(config, "started")
    assert (end["type"], end["placeholder"]) == (started["type"], started["placeholder"])
    assert started["type"] == "text" and "14:30" in started["placeholder"]
    config, _ = await generated(user, "Bauantrag: Name, Frist, Preis, Anmerkungen")
    labels = [f["label"] for f in config["fields"]]
    assert "Frist" in labels and "First" not in labels
