"""Fields named as clauses or questions, and non-buyers read by structure (issue 20).

Each case is a phrasing class the blind batches showed the engine dropping or
mangling; the assertions are on the generated draft and the agent's plan.
"""

from __future__ import annotations

from app.services.llm.local_forms import generate_form
from tests.eval import run


def fields_of(description: str) -> dict:
    return {f["label"]: f for f in generate_form(description)["fields"]}


def test_yes_no_questions_become_clean_yes_no_fields():
    fields = fields_of(
        "Service call form for our heating company: name, phone, address, what's broken, "
        "is it urgent, and a good time for the technician to come."
    )
    assert fields["Urgent?"]["type"] == "select" and fields["Urgent?"]["options"] == ["Yes", "No"]
    assert "Preferred time" in fields
    assert not any(label.lower().startswith(("is it", "whether", "and")) for label in fields)


def test_whether_clauses_and_a_or_b_choices():
    fields = fields_of(
        "Water cooler rental enquiry. Ask for the office size, ask whether they have a water line "
        "near the kitchen, and whether they want still or sparkling."
    )
    assert fields["Do you have a water line near the kitchen?"]["options"] == ["Yes", "No"]
    assert fields["Still or sparkling?"]["options"] == ["Still", "Sparkling"]
    assert not any(f["name"] in ("whether", "if") for f in fields.values())


def test_relative_clauses_keep_the_noun():
    fields = fields_of(
        "Distributor application for our craft gin: company name, the regions they serve, "
        "the current brands they carry and their annual volume."
    )
    assert {"Regions served", "Current brands", "Annual volume"} <= set(fields)


def test_a_named_problem_question_is_the_only_free_text_field():
    config = generate_form(
        "Form for tenants to report a maintenance problem. We need the flat number, what needs "
        "fixing, is anyone vulnerable living there, and can we enter when they're out?"
    )
    longs = [f["label"] for f in config["fields"] if f["type"] == "textarea"]
    assert longs == ["What needs fixing?"]
    labels = [f["label"] for f in config["fields"]]
    assert (
        "Can we enter when you're out?" in labels and "Is anyone vulnerable living there?" in labels
    )


def test_shared_preposition_and_shared_noun_choices():
    gift = fields_of(
        "Corporate gifting quote — number of recipients, does it need our logo on it, "
        "delivery to one address or to each person"
    )
    assert gift["Delivery"]["options"] == ["To one address", "To each person"]
    boat = fields_of("Boat storage enquiry — boat length, indoor or outdoor storage")
    assert boat["Indoor or outdoor storage"]["options"] == ["Indoor storage", "Outdoor storage"]


def test_event_registration_is_routed_and_a_helpdesk_is_triaged():
    conference = generate_form(
        "Registration for our two-day design conference: ticket type, company"
    )
    assert conference["flow_id"] == "direct_route"
    assert "enroll_sequence" not in conference["agent"]["allowed_actions"]
    assert (
        generate_form("Webinar registration on cash-flow forecasting")["flow_id"]
        == "email_marketing"
    )
    helpdesk = generate_form(
        "Staff IT helpdesk: staff tell us what isn't working and on which laptop"
    )
    assert helpdesk["flow_id"] == "support_triage"


def lead(message: str, expect: str = "low", **data) -> list[str]:
    """What is wrong with the plan for this lead ([] = scored ``expect``, no deal unless high)."""
    case = {
        "form": "demo",
        "data": {"email": "a.b@example-co.com", "name": "A B", **data, "message": message},
        "expect": expect,
    }
    return run.check_lead(case)


def test_vendors_and_competitors_are_read_by_who_offers_what_to_whom():
    assert (
        lead("We can deliver 40 qualified leads a month to your team. Can I book 15 minutes?") == []
    )
    assert lead("Shall I send over a quote for localising your site?") == []
    assert lead("I work at a company that makes something like yours. How does routing work?") == []
    assert (
        lead("I run a startup building a form tool too, keen to hear about your tech stack.") == []
    )


def test_a_buyer_who_offers_material_is_still_a_buyer():
    problems = lead(
        "We run 18 care homes and need a better way to handle enquiries. Our team can send you "
        "our current flow beforehand. Looking to decide this quarter.",
        expect="high",
        company="Sunrise Care",
        job_title="Operations Director",
        company_size="201-1000",
    )
    assert problems == []
