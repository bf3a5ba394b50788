"""The local engine, round 35d (issue 20): the form speaks to the visitor as "you" ("the
customer's email" is "Email", "for themselves or a family member" is "for yourself …" with
the answer "Myself"), a permission asked in passing is one optional checkbox in the
visitor's words, and a form about someone else keeps its third person; through
POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


def _labels(config: dict) -> list[str]:
    return [f["label"] for f in config["fields"]]


async def test_the_visitor_is_addressed_as_you(user):
    config, _ = await generated(
        user, "Callback form for our dental clinic: the person's name, their phone number"
    )
    assert _labels(config)[:2] == ["Full name", "Phone"]
    config, _ = await generated(
        user,
        "Memorial planning enquiry: name, phone, whether the service is for themselves or a "
        "family member",
    )
    asked = config["fields"][-1]
    assert asked["label"] == "Is the service for yourself or a family member?"
    assert asked["options"] == ["Myself", "A family member"]
    config, _ = await generated(user, "Trial class: name, email, how they heard about us")
    assert "How did you hear about us?" in _labels(config)


async def test_a_permission_asked_in_passing_is_an_optional_checkbox(user):
    for description, label in (
        (
            "Beta signup: name, email, ok to be contacted for a 30 minute feedback call",
            "I'm happy to be contacted for a 30-minute feedback call",
        ),
        (
            "Fun run registration: name, email, happy for us to share photos of you online",
            "I'm happy for you to share photos of me online",
        ),
        (
            "Anmeldung Sommerfest: Name, E-Mail, einverstanden mit Fotos",
            "Ich bin mit Fotos einverstanden",
        ),
    ):
        config, _ = await generated(user, description)
        box = next(f for f in config["fields"] if f["label"] == label)
        assert box["type"] == "checkbox" and not box["required"], box


async def test_terms_said_required_stay_a_required_statement(user):
    config, _ = await generated(
        user, "Yoga membership: name, email, agree to our terms and conditions (required)"
    )
    terms = config["fields"][-1]
    assert terms["label"] == "I agree to the terms and conditions"
    assert terms["type"] == "checkbox" and terms["required"]
    assert "Conditions" not in _labels(config)


async def test_a_form_about_someone_else_keeps_them(user):
    config, _ = await generated(
        user,
        "Refer a friend to our agency: your name, your email, the candidate's name, their email",
    )
    assert _labels(config) == ["Full name", "Email", "Candidate's name", "Candidate's email"]
    config, _ = await generated(user, "Summer camp: parent name, email, child's name, allergies")
    assert "Child's name" in _labels(config)
