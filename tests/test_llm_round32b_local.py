"""The local engine, round 32b (issue 20): an item of the list that names a value is never
dropped ("size of site in acres", "name of the person the plan is for"), a booking or an
enquiry that lists its questions gets no stock free-text question on top, and a casting call
is an application named for itself, through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_a_measure_with_a_chatter_word_is_kept_as_a_number(user):
    config, _ = await generated(
        user,
        "Drone survey quote for construction sites: company, contact name, email, site "
        "address, size of site in acres, type of survey (topographic, volumetric), deadline",
    )
    size = [f for f in config["fields"] if f["label"].startswith("Size of site")]
    assert size and size[0]["type"] == "number", _labels(config)
    config, _ = await generated(
        user, "Devis nettoyage de chantier : nom, email, superficie du site en m², date souhaitée"
    )
    assert any(label.startswith("Superficie du site") for label in _labels(config))


async def test_a_value_and_whose_it_is_is_one_field(user):
    config, _ = await generated(
        user,
        "Funeral pre-planning enquiry: your name, phone, email, name of the person the plan "
        "is for, preferred contact time",
    )
    assert "Name of the person the plan is for" in _labels(config)
    assert "How can we help?" not in _labels(config)


async def test_a_listed_booking_gets_no_stock_reason_but_a_bare_one_keeps_it(user):
    config, _ = await generated(
        user,
        "Blood donation appointment at the clinic: full name, date of birth, email, phone, "
        "preferred date, have you donated before?",
    )
    assert "Reason for your visit" not in _labels(config)
    config, _ = await generated(user, "Book a physio appointment: name, email, phone")
    assert "Reason for your visit" in _labels(config)


async def test_a_casting_call_with_an_upload_is_an_application(user):
    config, _ = await generated(
        user,
        "Casting call for a short film: name, email, age range you can play, height, headshot "
        "upload, showreel link",
    )
    assert config["name"] == "Casting Call"
    assert config["flow_id"] == "direct_route"
    config, _ = await generated(user, "Client onboarding: name, email, upload documents")
    assert config["flow_id"] == "notify_only"
