"""The local engine, round 14a (issue 20): one list item read into one right field — a
trailing condition is no part of the label, a date and time of something is its date and
its time, a question keeps its verb, what is said of an upload is text, "X or Y number" is
one value, "any X in the last N years? if yes, details" is a Yes/No with its follow-up —
through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_trailing_condition_makes_the_field_optional_and_leaves_its_label(user):
    config, _ = await generated(
        user, "Wholesale account application: business name, email, VAT number if it's a company"
    )
    vat = next(f for f in config["fields"] if "vat" in f["name"])
    assert vat["label"] == "VAT number" and vat["required"] is False
    config, _ = await generated(
        user, "Anmeldung zum Workshop: Name, E-Mail, Firma, Rechnungsadresse falls abweichend"
    )
    assert "Rechnungsadresse" in [f["label"] for f in config["fields"]]


async def test_a_date_and_time_of_something_and_a_deadline_are_dates_as_said(user):
    config, fields = await generated(
        user, "Workplace incident report: name, email, date and time of the incident, what happened"
    )
    labels = {f["label"]: f["type"] for f in config["fields"]}
    assert labels.get("Date of the incident") == "date"
    assert "Time of the incident" in labels and "Preferred date" not in labels
    config, _ = await generated(
        user, "Print shop order: name, email, quantity, needed by date, artwork upload"
    )
    needed = next(f for f in config["fields"] if f["label"] == "Needed by")
    assert needed["type"] == "date"


async def test_a_question_keeps_its_verb(user):
    config, _ = await generated(user, "Tutoring enquiry: name, email, subject, which evening suits")
    labels = [f["label"] for f in config["fields"]]
    assert "Which evening suits you?" in labels and "Evening suits" not in labels


async def test_what_is_said_of_an_upload_is_text_and_one_value_named_two_ways_is_one_field(user):
    _, fields = await generated(
        user, "Photo competition entry: name, email, photo title, upload your photo"
    )
    assert fields["photo_title"]["type"] == "text"
    assert fields["photo"]["type"] == "file"
    config, _ = await generated(
        user, "Refund request: name, email, order or invoice number, reason for the refund"
    )
    numbers = [f for f in config["fields"] if "order" in f["name"] or "invoice" in f["name"]]
    assert [(f["type"], f["label"]) for f in numbers] == [("text", "Order or invoice number")]
    _, fields = await generated(
        user, "Bakery pre-order: name, email, collection or delivery, morning or afternoon"
    )
    assert fields["collection_or_delivery"]["options"] == ["Collection", "Delivery"]


async def test_any_x_in_the_last_n_years_is_a_yes_no_with_details_on_yes(user):
    config, _ = await generated(
        user,
        "Car insurance quote: name, email, car make, any accidents in the last 5 years? "
        "if yes, give details",
    )
    question = next(f for f in config["fields"] if "accident" in f["name"] and not f.get("show_if"))
    assert question["type"] == "select" and question["options"] == ["Yes", "No"]
    shown = [f for f in config["fields"] if f.get("show_if")]
    assert shown and shown[0]["show_if"]["all"][0] == {
        "field": question["name"],
        "op": "equals",
        "value": "Yes",
    }
