"""The local engine, round 32a (issue 20): the marketer's own words for a control and its
answers win over the engine's stock, through POST /api/forms/generate.

A tick box said in the list ("everyone must be over 18 tickbox", "Kästchen: AGB gelesen") is
one checkbox labelled with its statement, required when it is a condition of taking part;
answers listed with spaces ("t-shirt size (S M L XL)") are the answers offered; an item that is
only measured answers ("1 or 2 hours") is labelled by what is chosen ("Duration")."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, words: str) -> dict:
    return next(f for f in config["fields"] if words in f["label"].lower())


async def test_a_tick_box_said_in_the_list_is_one_checkbox_with_its_statement(user):
    config, _ = await generated(
        user,
        "Beach clean sign-up: name, email, everyone must be over 18 tickbox, "
        "tick box: happy to be photographed",
    )
    over_18 = _field(config, "over 18")
    assert (over_18["type"], over_18["label"], over_18["required"]) == (
        "checkbox",
        "Everyone must be over 18",
        True,
    )
    photos = _field(config, "photographed")
    assert (photos["type"], photos["required"]) == ("checkbox", False)
    assert not any("tick" in f["label"].lower() for f in config["fields"])


async def test_a_foreign_box_keeps_its_words(user):
    config, _ = await generated(user, "Anmeldung Sommerfest: Name, E-Mail, Kästchen: AGB gelesen")
    box = _field(config, "agb")
    assert (box["type"], box["label"], box["required"]) == ("checkbox", "AGB gelesen", True)
    config, _ = await generated(
        user,
        "Inscripción al taller: nombre, correo, casilla de aceptación de la política de privacidad",
    )
    box = _field(config, "privacidad")
    assert (box["type"], box["label"], box["required"]) == (
        "checkbox",
        "Acepto la política de privacidad",
        True,
    )


async def test_the_listed_sizes_replace_the_stock_ones(user):
    for listed in ("(S M L XL)", "(S, M, L, XL)", "- S, M, L or XL"):
        config, _ = await generated(user, f"Fun run entry: name, email, t-shirt size {listed}")
        assert _field(config, "size")["options"] == ["S", "M", "L", "XL"], listed
    config, _ = await generated(user, "Fun run entry: name, email, t-shirt size")
    assert _field(config, "size")["options"] == ["XS", "S", "M", "L", "XL", "XXL"]


async def test_measured_answers_are_labelled_by_what_is_chosen(user):
    config, _ = await generated(user, "Massage booking: name, phone, date, 30 or 60 minutes")
    duration = _field(config, "duration")
    assert duration["options"] == ["30 minutes", "60 minutes"]
    config, _ = await generated(user, "Reserva de pista: nombre, teléfono, fecha, 1 o 2 horas")
    assert _field(config, "duración")["type"] == "select"


async def test_a_pair_of_nouns_stays_as_written(user):
    config, _ = await generated(
        user, "Festival camping: name, email, 1 or 2 nights, tent or campervan"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Tent or campervan" in labels and "Number of nights" in labels
