"""The local engine, round 31c (issue 20): a question the marketer writes as a fragment is
asked as a question ("which way the roof faces", "any behaviour we should know about"), a
recollection ("when was it last tuned") is a line of text, not a date, and a follow-up hangs
on its yes/no without a second field, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _fields(config: dict) -> dict[str, str]:
    return {f["label"]: f["type"] for f in config["fields"]}


async def test_an_embedded_question_is_asked_as_a_question(user):
    config, _ = await generated(
        user, "Solar quote form: name, email, postcode, which way the roof faces"
    )
    assert _fields(config)["Which way does the roof face?"] == "text"
    config, _ = await generated(
        user, "Solaranfrage: Name, E-Mail, PLZ, in welche Richtung das Dach zeigt"
    )
    assert "In welche Richtung zeigt das Dach?" in _fields(config)


async def test_anything_we_should_know_is_a_free_text_question(user):
    config, _ = await generated(
        user,
        "Dog grooming booking: owner name, phone, breed, size, any behaviour we should know about",
    )
    fields = _fields(config)
    assert fields["Any behaviour we should know about?"] == "textarea"
    assert fields["Breed"] == fields["Size"] == "text"  # a plain noun stays as it is
    config, _ = await generated(
        user,
        "Peluquería canina: nombre, teléfono, raza, algo que debamos saber sobre su comportamiento",
    )
    assert _fields(config)["¿Algo que debamos saber sobre su comportamiento?"] == "textarea"


async def test_a_recollection_is_text_and_a_planned_date_a_date(user):
    for description, recalled, planned in (
        (
            "Piano tuning request: name, email, when was it last tuned, preferred date",
            "When was it last tuned?",
            "Preferred date",
        ),
        (
            "Wartungstermin Heizung: Name, Telefon, wann war die letzte Wartung, Wunschtermin",
            "Wann war die letzte Wartung?",
            "Wunschtermin",
        ),
    ):
        config, _ = await generated(user, description)
        fields = _fields(config)
        assert fields[recalled] == "text", fields
        assert fields[planned] == "date", fields


async def test_a_date_given_its_format_stays_a_date(user):
    config, _ = await generated(
        user, "Vet clinic new patient: owner name, email, pet name, date of last visit (dd/mm/yyyy)"
    )
    assert _fields(config)["Date of last visit"] == "date"


async def test_a_follow_up_adds_no_second_website(user):
    config, _ = await generated(
        user,
        "Podcast guest application: name, email, your website or LinkedIn, have you been on a "
        "podcast before? links if so",
    )
    urls = [f["label"] for f in config["fields"] if f["type"] == "url"]
    assert urls == ["Website or LinkedIn", "Links"]  # the links asked for are addresses (41a)
    links = next(f for f in config["fields"] if f["label"] == "Links")
    assert links["show_if"]["all"][0]["value"] == "Yes"
    config, _ = await generated(user, "Agency partner application: company name, email, website")
    assert [f["label"] for f in config["fields"] if f["type"] == "url"] == ["Website"]
