"""The local engine, round 28c (issue 20): a form is named for the act it performs — report
a problem, consent to a trip, apply for an internship, take a survey about a subject — not
the organisation that runs it, and a consent or waiver form is a record for the organiser,
never a booking; through POST /api/forms/generate."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_problem_report_is_named_for_the_report_not_the_organisation(user):
    for description, name in (
        (
            "Village hall committee - report a problem with the hall: name, email, what's wrong",
            "Problem Report",
        ),
        ("Bowls club - ein Problem auf dem Grün melden: Name, E-Mail, Foto", "Problem melden"),
        (
            "Association de quartier - signaler un problème dans la rue : nom, email, photo",
            "Signaler un problème",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
        assert config["flow_id"] in ("support_triage", "direct_route")


async def test_a_waiver_or_release_form_is_recorded_not_booked(user):
    config, _ = await generated(
        user,
        "Medical release form for the summer camp - camper name, parent name, allergies, "
        "I authorise emergency treatment (checkbox)",
    )
    assert config["flow_id"] in ("direct_route", "notify_only")
    assert config["name"] == "Medical Release Form"


async def test_an_internship_keeps_its_heading_and_a_survey_its_subject(user):
    config, _ = await generated(
        user, "Candidature de stage dans notre studio : nom, email, école, dates, CV"
    )
    assert (config["name"], config["flow_id"]) == ("Candidature de stage", "direct_route")
    config, _ = await generated(
        user, "Survey about garden composting for our council - do you compost, email"
    )
    assert (config["name"], config["flow_id"]) == ("Garden Composting Survey", "notify_only")


async def test_names_already_right_stay(user):
    for description, name in (
        ("Lost property report for our museum: name, email, what you lost", "Lost Property Report"),
        ("Roofing quote request: name, address, phone, type of roof", "Roofing Quote Request"),
        ("Bug report for our app: what happened, steps to reproduce, email", "Bug Report"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, (description, config["name"])
