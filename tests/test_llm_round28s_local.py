"""Items from the blind batch forms_as read as a marketer means them (issue 20, round 28s),
through POST /api/forms/generate: a patient's "Beschwerden" is the form's free-text question
(no extra "Wie können wir helfen?"), "how will it help …" is answered in sentences,
"what you'd like (patio, planting, …)" takes several answers, and a petition is named for
its cause."""

from __future__ import annotations

from tests.test_llm_local_forms import generate


def _field(config: dict, word: str) -> dict:
    (field,) = [f for f in config["fields"] if word in f["label"].lower()]
    return field


async def test_a_patients_complaint_is_the_forms_own_question(user):
    form = await generate(
        user,
        "Kontaktformular für unsere Physiotherapie-Praxis: Name, Telefon, E-Mail, Beschwerden, "
        "Rezept vorhanden (ja/nein), Wunschtermin",
    )
    assert _field(form, "beschwerden")["type"] == "textarea"
    assert len(form["fields"]) == 6, [f["label"] for f in form["fields"]]


async def test_how_it_will_help_is_answered_in_sentences_how_you_get_here_is_not(user):
    form = await generate(
        user,
        "Grant application: organisation name, email, amount requested, how will it help the "
        "community, how will you get to the workshop",
    )
    assert _field(form, "help the community")["type"] == "textarea"
    assert _field(form, "get to")["type"] == "text"


async def test_what_you_would_like_from_a_list_of_works_takes_several(user):
    form = await generate(
        user,
        "Garden design consultation request. name, email, what you'd like (patio, planting, "
        "lawn, water feature, lighting), rough budget",
    )
    wanted = _field(form, "like")
    assert (wanted["type"], len(wanted["options"])) == ("multiselect", 5)


async def test_a_petition_is_named_for_its_cause(user):
    for description, name in (
        (
            "Petition sign form - save our local library. First name, last name, postcode, "
            "email, tick if you want campaign updates",
            "Petition: Save Our Local Library",
        ),
        (
            "Sign our petition to stop the bypass - name, email, postcode",
            "Petition to Stop the Bypass",
        ),
    ):
        form = await generate(user, description)
        assert form["name"] == name, form["name"]
