"""The local engine, round 17g (issue 20): a contact the visitor gives only if they wish
("your email if you want updates", "phone if we can call you", "e-mail si vous souhaitez
être tenu informé") is one optional field with a plain label; such a report asks no name
and is no newsletter signup — through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_an_email_given_if_the_visitor_wants_updates_is_optional_and_plain(user):
    config, fields = await generated(
        user,
        "Report a broken streetlight: street name, nearest house number, is it flickering "
        "or completely out, your email if you want updates",
    )
    assert fields["email"]["label"] == "Email" and fields["email"]["required"] is False
    assert "name" not in fields  # nobody asked who is reporting
    assert config["flow_id"] == "support_triage"


async def test_a_wish_to_hear_back_is_no_newsletter_and_no_marketing_box(user):
    for description in (
        "Report a pothole: location, photo, email if you want to receive updates",
        "Comunicar um buraco na estrada: local, foto, email se quiser receber atualizações",
    ):
        config, fields = await generated(user, description)
        assert config["flow_id"] == "support_triage", description
        assert fields["email"]["required"] is False
        assert not [f for f in config["fields"] if f["name"] == "consent"]


async def test_a_phone_for_a_call_back_is_the_only_contact_asked(user):
    _, fields = await generated(
        user, "Lost dog sighting: where did you see the dog, when, phone if we can call you"
    )
    assert fields["phone"]["required"] is False
    assert "email" not in fields and "name" not in fields


async def test_a_newsletter_email_stays_required_whatever_is_said_after_it(user):
    config, fields = await generated(
        user, "Newsletter signup: email, first name if you want a personal hello"
    )
    assert config["flow_id"] == "email_marketing" and fields["email"]["required"] is True
