"""The local engine, round 13c (issue 20): one role, one field. The engine's own free-text
question gives way to the one the description asks, two of its own never stand side by
side, what it adds on its own is optional when the fields are listed, a qualified email or
name is the contact's own, and a default that does not fit the purpose stays out — through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _texts(fields: dict) -> list[str]:
    return [f["label"] for f in fields.values() if f["type"] == "textarea"]


async def test_the_question_the_marketer_asks_replaces_the_engines_own(user):
    _, fields = await generated(
        user,
        "Apply to join our volunteer coaching team: name, email, phone, availability, "
        "why you'd be a good fit",
    )
    assert _texts(fields) == ["Why you'd be a good fit?"]
    _, fields = await generated(user, "Contact form for our bakery: name, email, phone, comments")
    assert _texts(fields) == ["Comments"]
    _, fields = await generated(
        user,
        "Get a quote from our removals team: name, email, phone, moving date, tell us about the job",
    )
    assert _texts(fields) == ["Tell us about the job"]  # one item, not a "Job" field
    # a refund: the reason for it, not also "Describe the problem"
    _, fields = await generated(user, "Refund request form for our online course")
    assert _texts(fields) == ["Reason for your request"] and fields["reason"]["required"]
    # a problem the visitor wants refunded is still described
    _, fields = await generated(
        user, "Report a damaged parcel so we can refund you: name, email, order number"
    )
    assert _texts(fields) == ["Describe the problem"]


async def test_what_the_engine_adds_to_a_listed_form_is_optional(user):
    _, fields = await generated(
        user, "Website design enquiry: name, email, company, budget, deadline"
    )
    assert fields["requirements"]["required"] is False
    assert fields["name"]["required"] and fields["email"]["required"]
    _, fields = await generated(
        user, "IT helpdesk request: name, email, department, device, urgency"
    )
    assert fields["description"]["required"] is False
    # a bare description keeps its required main question
    _, fields = await generated(user, "Contact form for our shop")
    assert fields["message"]["required"] is True
    # one the description names is asked for, in the marketer's word
    _, fields = await generated(user, "Contact form for our charity: name, email, message")
    assert fields["message"]["label"] == "Message" and fields["message"]["required"]


async def test_a_qualified_email_or_name_is_the_contacts_own(user):
    config, fields = await generated(
        user, "Invoice query form: company, billing email, invoice number, your question"
    )
    emails = [f for f in fields.values() if f["type"] == "email"]
    assert [f["label"] for f in emails] == ["Billing email"] and emails[0]["name"] == "email"
    assert config["field_mapping"]["email"] == "contact.email"
    _, fields = await generated(
        user, "Order problem form - name, the email you ordered with, order number, what went wrong"
    )
    assert fields["email"]["label"] == "Email you ordered with"
    # two asked, two kept
    _, fields = await generated(
        user,
        "Referral programme form: your name, your email, your friend's name, your friend's email",
    )
    assert [f["label"] for f in fields.values() if f["type"] == "email"] == [
        "Email",
        "Friend's email",
    ]
    _, fields = await generated(
        user, "Exhibitor enquiry for our trade fair: company, contact person, email, stand size"
    )
    names = [f["label"] for f in fields.values() if f["type"] == "text" and "name" in f["name"]]
    assert fields["name"]["label"] == "Contact person" and names == ["Contact person"]
    # "nothing else": the qualified email is the only one
    _, fields = await generated(user, "Alumni newsletter: name and school email, nothing else")
    assert [(f["name"], f["label"]) for f in fields.values()] == [
        ("name", "Full name"),
        ("email", "School email"),
    ]
    _, fields = await generated(
        user, "Demande de bourse d'études : nom, courriel de l'école, établissement"
    )
    assert [f["label"] for f in fields.values() if f["type"] == "email"] == ["Courriel de l'école"]


async def test_defaults_that_do_not_fit_the_purpose_stay_out(user):
    _, fields = await generated(
        user,
        "Submit your recipe to our community cookbook: name, email, recipe title, ingredients, "
        "method, photo",
    )
    assert "cover_letter" not in fields
    _, fields = await generated(user, "Nomination form for our community award")
    assert fields["cover_letter"]["label"] == "Tell us more"
    assert not fields["cover_letter"]["required"]
    _, fields = await generated(user, "Job application for a barista: name, email, phone, CV")
    assert fields["cover_letter"]["label"] == "Why do you want to join us?"
    _, fields = await generated(
        user,
        "Register your e-bike for the extended warranty: name, email, frame number, model, "
        "shop you bought it from",
    )
    assert not {"description", "order_number", "serial_number", "product"} & set(fields)
    # a product registration is no event (tickets, dietary needs) and reports no problem
    config, fields = await generated(user, "Product registration for our coffee machines")
    assert config["flow_id"] == "support_triage"
    assert {"product", "serial_number", "purchase_date"} <= set(fields)
    assert not {"ticket_type", "dietary", "priority", "description"} & set(fields)
    _, fields = await generated(user, "Register a fault with your boiler")
    assert fields["description"]["required"]


async def test_one_concept_is_asked_once(user):
    _, fields = await generated(
        user, "Bulk order quote for branded mugs: company, email, how many units, artwork upload"
    )
    assert "quantity" not in fields and fields["how_many_units"]["type"] == "number"
    _, fields = await generated(
        user, "Window cleaning quote - name, phone, zip code, number of windows"
    )
    assert "address" not in fields and fields["postcode"]["label"] == "Zip code"
    # "order details" is free text, not the quantity
    _, fields = await generated(
        user, "Bulk order enquiry for packaging: name, email, company, quantity, order details"
    )
    assert fields["quantity"]["type"] == "number" and "order_details" in fields
