"""The local engine, round 33b (issue 20): items glued together or lost around chatter —
"name email phone postcode" is four fields, "we come to you so we need your address" asks
the address, "They give name, …" keeps the name, "send me the recording" is a tick box and
"subject(s) needed (…)" several subjects — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_field_words_without_commas_are_separate_fields(user):
    config, _ = await generated(
        user, "landscaping lead form. name email phone postcode, what do you need (lawn, patio)"
    )
    types = {f["label"]: f["type"] for f in config["fields"]}
    assert types.get("Phone") == "phone", types
    assert any(label.startswith("Postcode") for label in types), types
    config, _ = await generated(user, "Anfrage Malerbetrieb: Name E-Mail Telefon PLZ, Zimmer")
    assert "Telefon PLZ" not in _labels(config)


async def test_a_two_word_field_name_stays_one_field(user):
    config, _ = await generated(
        user, "Gym trial signup: company name, email address, phone number, post code"
    )
    labels = _labels(config)
    assert "Company name" in labels and "Name" not in labels and "Full name" not in labels


async def test_the_chatter_around_an_item_is_no_field(user):
    config, _ = await generated(
        user,
        "Car detailing booking - name, phone, service (interior, exterior), preferred date, "
        "we come to you so we need your address",
    )
    labels = _labels(config)
    assert "Address" in labels and not any("come" in label.lower() for label in labels)
    config, _ = await generated(
        user,
        "Window cleaning quote: name, phone, we need your address so that we can price the "
        "job, number of windows",
    )
    assert any(f["type"] == "number" and "windows" in f["label"].lower() for f in config["fields"])


async def test_the_first_item_after_they_give_is_kept(user):
    config, _ = await generated(
        user,
        "Can you build me a form so customers can request a sample of our fabrics? They give "
        "name, shipping address, email, which fabrics, and what the project is",
    )
    names = [f["name"] for f in config["fields"]]
    assert "name" in names, names
    assert "What is the project?" in _labels(config)


async def test_send_me_is_a_tick_box_and_a_plural_marker_takes_several(user):
    config, _ = await generated(
        user, "webinar signup: name, email, company, send me the recording if I can't attend"
    )
    box = [f for f in config["fields"] if f["label"].startswith("Send me the recording")]
    assert box and box[0]["type"] == "checkbox", _labels(config)
    config, _ = await generated(
        user, "Tutoring enquiry: parent name, email, subject(s) needed (maths, English, science)"
    )
    subjects = [f for f in config["fields"] if f["label"] == "Subjects needed"]
    assert subjects and subjects[0]["type"] == "multiselect", _labels(config)
