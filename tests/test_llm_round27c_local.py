"""The local engine, round 27c (issue 20): a paid box or a membership is a sign-up a person
handles, not a newsletter; a trade account is an application by a business (the business
required, no quote asked); a paid retreat asked like a booking is a booking. Through POST
/api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_paid_box_is_no_newsletter(user):
    config, _ = await generated(
        user,
        "Subscribe to our monthly coffee box: name, email, address, roast (light, medium, dark)",
    )
    assert config["flow_id"] == "sales_lead"
    assert config["name"] == "Coffee Box Subscription"
    assert not any("quote" in f["label"].lower() for f in config["fields"])


async def test_a_subscription_named_alone_asks_where_to_deliver_and_no_quote(user):
    config, _ = await generated(user, "Coffee subscription form for our roastery")
    labels = [f["label"] for f in config["fields"]]
    assert config["name"] == "Coffee Subscription"
    assert "Delivery address" in labels
    assert not any("quote" in label.lower() for label in labels)


async def test_a_gym_membership_is_routed_to_a_person(user):
    config, _ = await generated(
        user, "Gym membership sign-up: name, email, phone, membership type (off-peak, full)"
    )
    assert config["flow_id"] == "direct_route"
    assert config["name"] == "Gym Membership Sign-up"


async def test_a_trade_account_requires_the_business_and_asks_no_quote(user):
    config, _ = await generated(
        user,
        "Apply for a trade account with our timber merchant - company name, name, email, phone",
    )
    assert config["name"] == "Trade Account Application"
    business = next(f for f in config["fields"] if f["label"] == "Company name")
    assert business["required"]
    assert not any("quote" in f["label"].lower() for f in config["fields"])


async def test_a_foreign_trade_account_requires_the_shop(user):
    config, _ = await generated(
        user, "Solicitud de cuenta mayorista: nombre de la tienda, nombre, email, teléfono, NIF"
    )
    shop = next(f for f in config["fields"] if f["label"] == "Nombre de la tienda")
    assert shop["required"]


async def test_a_retreat_asked_like_a_booking_is_a_booking(user):
    config, _ = await generated(
        user,
        "Yoga retreat application in Portugal: name, email, room type (shared, private), dates, "
        "dietary requirements",
    )
    assert config["flow_id"] == "booking_request"
    assert config["name"] == "Yoga Retreat Booking"


async def test_a_free_newsletter_a_scholarship_and_a_residency_keep_their_flow(user):
    for description, flow in (
        ("Newsletter sign-up for our bakery: email, first name", "email_marketing"),
        ("Scholarship application: name, email, school, essay on why you deserve it", None),
        ("Artist residency application: name, email, portfolio link, preferred dates", None),
    ):
        config, _ = await generated(user, description)
        assert config["flow_id"] == (flow or "direct_route"), description
