"""Describe-a-form on the local engine, round 6 (issue 16/20): conditions, steps, ratings
and uploads as marketers phrase them, through POST /api/forms/generate; leads written in
German, Spanish, French and Portuguese scored through a real submission."""

from __future__ import annotations

from app.services.forms.fields import FIELD_TYPES
from tests.helpers_agents import make_agent_form, submission, submit_and_process
from tests.helpers_forms import generated, rule


async def test_a_condition_names_the_earlier_choice_and_every_field_it_lists(user):
    config, fields = await generated(
        user,
        "Insurance enquiry. First ask whether they are a business or an individual, then name, "
        "email and phone. Only for business customers ask for the company name and the VAT number.",
    )
    choice = fields["business_or_individual"]
    assert choice["label"] == "Are you a business or an individual?"
    assert choice["options"] == ["Business", "Individual"]
    expected = [{"field": "business_or_individual", "op": "equals", "value": "Business"}]
    assert rule(fields["company"]) == expected and rule(fields["vat_number"]) == expected
    # no second "customer type" question, and the clause is no label
    assert sum(bool(f.get("options")) for f in config["fields"]) == 1
    assert not any(
        "only" in f["label"].lower() or "customers" in f["label"].lower() for f in config["fields"]
    )


async def test_an_answer_alone_reads_the_question_that_offers_it(user):
    _, fields = await generated(
        user,
        "Dental appointment request: name, email, new or existing patient; if existing, ask "
        "for the patient number.",
    )
    assert "existing" not in fields  # no duplicate "Existing?" question
    assert rule(fields["patient_number"]) == [
        {"field": "patient_status", "op": "equals", "value": "Existing patient"}
    ]
    config, fields = await generated(
        user,
        "Job application with name, email, position (driver, warehouse operative, office admin), "
        "and ask for a driving licence only for drivers.",
    )
    assert rule(fields["driving_licence"]) == [
        {"field": "position", "op": "equals", "value": "Driver"}
    ]
    assert not any("drivers" in f["label"].lower() for f in config["fields"])


async def test_steps_in_words_and_contact_details_are_no_fields(user):
    config, fields = await generated(
        user,
        "Quote request for kitchen fitting in two steps: first the kitchen size and budget, "
        "then the preferred start date and contact details.",
    )
    assert len(config["steps"]) == 2
    assert {"name", "email", "phone", "kitchen_size", "budget", "preferred_start_date"} <= set(
        fields
    )
    assert not any(
        f["label"].lower().startswith(("first", "then", "contact")) for f in config["fields"]
    )
    config, fields = await generated(
        user,
        "Table booking form in 2 steps: step 1 the date and number of guests, step 2 your "
        "contact details.",
    )
    assert len(config["steps"]) == 2 and "email" in fields
    assert not any("step" in f["label"].lower() for f in config["fields"])


async def test_a_rating_on_a_scale_is_a_bounded_number(user):
    _, fields = await generated(user, "Customer feedback form with a rating 1 to 5 and comments.")
    rating = fields["rating"]
    assert (rating["type"], rating["label"], rating["min"], rating["max"]) == (
        "number",
        "Rating",
        1,
        5,
    )
    _, fields = await generated(user, "Post-event survey: a score from 1-10 for the venue.")
    assert (fields["venue_score"]["type"], fields["venue_score"]["max"]) == ("number", 10)


async def test_photos_and_cvs_are_uploads_once_the_file_type_exists(user):
    _, fields = await generated(
        user,
        "Warranty claim: order number, a description of the fault and photos of the damage. "
        "Also a CV upload.",
    )
    photos = next(f for n, f in fields.items() if n.startswith("photos"))
    cv = next(f for n, f in fields.items() if n.startswith("cv"))
    if "file" in FIELD_TYPES:
        assert (photos["type"], photos["accept"], photos["max_files"]) == ("file", ["image/*"], 5)
        assert cv["type"] == "file" and ".pdf" in cv["accept"] and cv["max_files"] == 1
        assert cv["label"] == "CV"
    else:  # before uploads exist the photos stay a link for the visitor to paste
        assert photos["type"] == "url"


GERMAN_QUOTE = {
    "email": "t.becker@hansa-logistik.de",
    "name": "Thomas Becker",
    "company": "Hansa Logistik GmbH",
    "message": "Guten Tag, wir brauchen ein Angebot für 120 Lizenzen. Das Budget ist "
    "freigegeben, Start im März. Bitte senden Sie uns ein Angebot.",
}
SPANISH_PITCH = {
    "email": "ventas@seo-rapido.com",
    "name": "Jorge",
    "message": "Hola, somos una agencia de SEO. Ofrecemos posicionamiento garantizado en Google "
    "para su web, ¿le interesa una propuesta?",
}


async def test_buying_and_non_buyer_signals_are_read_in_other_languages(app, user, db):
    form = await make_agent_form(user, name="Quote request")
    actions = (await submission(db, await submit_and_process(app, user, form["id"], GERMAN_QUOTE)))[
        "actions"
    ]
    qualify = next(a["details"] for a in actions if a["details"].get("action") == "qualify_lead")
    assert qualify["score"] == "high"
    assert {"timeline", "volume"} <= set(qualify["tags"]) and "budget approved" in qualify["reason"]
    actions = (
        await submission(db, await submit_and_process(app, user, form["id"], SPANISH_PITCH))
    )["actions"]
    qualify = next(a["details"] for a in actions if a["details"].get("action") == "qualify_lead")
    assert qualify["score"] == "low" and "vendor" in qualify["tags"]


async def test_a_named_dropdown_is_the_field_the_rule_reads(user):
    config, fields = await generated(
        user,
        "Support form with a product dropdown (mobile app, website, hardware) and a description "
        "of the problem. Ask for the serial number if the product is hardware.",
    )
    assert fields["product"]["type"] == "select"
    assert fields["product"]["options"] == ["Mobile app", "Website", "Hardware"]
    assert not any("dropdown" in f["label"].lower() for f in config["fields"])
    assert rule(fields["serial_number"]) == [
        {"field": "product", "op": "equals", "value": "Hardware"}
    ]


async def test_a_group_no_question_offers_gets_a_plain_yes_no_question(user):
    config, fields = await generated(
        user, "Restaurant booking: date, time, party size. For groups, ask for the occasion."
    )
    assert fields["is_this_for_groups"]["label"] == "Is this for groups?"
    assert rule(fields["occasion"]) == [
        {"field": "is_this_for_groups", "op": "equals", "value": "Yes"}
    ]
    assert "check its wording" in " ".join(config["notes"])
