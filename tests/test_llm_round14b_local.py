"""The local engine, round 14b (issue 20): the draft's purpose comes from the right words — an
answer in brackets never names or routes the form; donation pledges, sponsorships, clubs you
join, competition entries, supplier registrations and creator collaborations are named for
themselves without the engine's own free-text question; a law firm's client intake is a
prospective client — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated

OWN_QUESTIONS = {"How can we help?", "What do you need a quote for?", "Why do you want to join us?"}


async def test_an_answer_in_brackets_never_names_or_routes_the_form(user):
    config, fields = await generated(
        user,
        "Free consultation request for our accounting firm: name, email, business type "
        "(sole trader, partnership, limited company), annual turnover",
    )
    assert "Partnership" not in config["name"]
    assert fields["business_type"]["options"] == ["Sole trader", "Partnership", "Limited company"]
    config, _ = await generated(
        user, "Contact form: name, email, topic (sales, support, billing, other), message"
    )
    assert (config["name"], config["flow_id"]) == ("Contact Us", "direct_route")
    config, _ = await generated(
        user, "Contact form with a dropdown for the department: sales, support, partnerships"
    )
    assert (config["name"], config["flow_id"]) == ("Contact Us", "direct_route")
    # a bracket in the opening sentence describes the form: still read
    config, _ = await generated(
        user,
        "Register for our online masterclass on cold-water swimming safety (live stream, "
        "recording sent after).",
    )
    assert config["flow_id"] == "email_marketing"


async def test_giving_forms_are_named_for_themselves_and_routed_to_a_person(user):
    config, _ = await generated(
        user,
        "Donation pledge form for our animal shelter: name, email, pledge amount, monthly or "
        "one-off, gift aid (yes/no)",
    )
    assert (config["name"], config["flow_id"]) == ("Donation Pledge", "direct_route")
    assert not OWN_QUESTIONS & {f["label"] for f in config["fields"]}
    config, _ = await generated(
        user, "Sponsor a child: name, email, address, country (Kenya, Peru, Nepal), monthly amount"
    )
    assert config["flow_id"] != "sales_lead" and "Sponsor" in config["name"]
    # a company buying a sponsorship package is still a sale
    config, _ = await generated(
        user, "Sponsorship packages for our tech conference: company, contact name, email"
    )
    assert config["flow_id"] == "sales_lead"


async def test_clubs_competitions_suppliers_and_creators(user):
    cases = {
        "Book club sign-up: name, email, favourite genre": "Book Club Sign-up",
        "Join our community choir: name, email, voice part (soprano, alto, tenor, bass)": (
            "Community Choir Sign-up"
        ),
        # the marketer's subject stays in the name (round 17a)
        "Photo competition entry: name, email, photo upload, title of your photo": (
            "Photo Competition Entry"
        ),
        "Supplier registration for our procurement team: company name, contact name, email, "
        "VAT number": "Supplier Registration",
        "Influencer collaboration request for our skincare brand: name, email, Instagram "
        "handle, follower count": "Influencer Collaboration Request",
    }
    for description, name in cases.items():
        config, _ = await generated(user, description)
        assert config["name"] == name, description
        assert config["flow_id"] == "direct_route", description
        assert not OWN_QUESTIONS & {f["label"] for f in config["fields"]}, description
    config, _ = await generated(user, "Únete a nuestro grupo de senderismo: nombre, correo, nivel")
    assert config["name"] == "Inscripción al grupo"  # the name in the marketer's language
    # news about a club is a newsletter
    config, _ = await generated(user, "A sign-up for our wine club updates: email only")
    assert config["flow_id"] == "email_marketing"


async def test_a_professional_client_intake_is_a_prospective_client(user):
    config, fields = await generated(
        user,
        "Client intake form for our family law firm: name, email, phone, type of matter "
        "(divorce, custody, property), brief description of your situation",
    )
    assert config["flow_id"] == "sales_lead"
    assert fields["type_of_matter"]["type"] == "select"
    # a personal trainer's client intake stays a note for the team
    config, _ = await generated(
        user, "Our gym's personal trainers need a client intake: goals, medical conditions"
    )
    assert config["flow_id"] == "notify_only"


async def test_a_terse_description_gets_the_questions_its_purpose_needs(user):
    config, fields = await generated(user, "A donation form for our animal charity")
    assert fields["amount"]["type"] == "number"
    assert fields["frequency"]["options"] == ["One-off", "Monthly"]
    assert [f["name"] for f in config["fields"] if f["required"]] == ["name", "email"]
    _, fields = await generated(user, "Photo competition entry form")
    assert fields["entry"]["type"] == "file"
    config, _ = await generated(user, "Formulaire de don pour notre association")
    assert config["name"] == "Formulaire de don"
    assert "Montant" in [f["label"] for f in config["fields"]]
