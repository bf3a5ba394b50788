"""The local engine's form generation and refinement, through POST /api/forms/generate."""

from __future__ import annotations

import pytest

from app.services.forms.config import validate_config


async def generate(user, description, draft=None, status=200):
    body = {"description": description} | ({"draft": draft} if draft is not None else {})
    r = await user.api.post("/api/forms/generate", json=body)
    assert r.status_code == status, r.text
    return r.json()["draft"] if status == 200 else r.json()


def by_name(config):
    return {f["name"]: f for f in config["fields"]}


def assert_sane(config):
    """Every generated draft is a valid config with a name, slug, fields and an agent."""
    assert validate_config(config) == config
    assert config["name"] and config["slug"] and config["fields"]
    assert config["response"]["thank_you_message"]
    assert config["agent"]["instructions"] and config["agent"]["allowed_actions"]


async def test_demo_request_for_enterprise_clients(user):
    config = await generate(
        user, "Build a demo request form for an AI consulting firm targeting enterprise clients"
    )
    assert_sane(config)
    fields = by_name(config)
    assert config["name"] == "Demo Request" and config["slug"] == "demo-request"
    assert config["type"] == "sales" and config["flow_id"] == "sales_lead"
    assert fields["email"]["type"] == "email" and fields["email"]["required"]
    assert config["field_mapping"]["email"] == "contact.email"
    assert config["field_mapping"]["company"] == "company.name" and fields["company"]["required"]
    assert config["field_mapping"]["name"] == "contact.name"
    assert (
        fields["company_size"]["type"] == "select" and "1000+" in fields["company_size"]["options"]
    )
    assert fields["phone"]["type"] == "phone" and not fields["phone"]["required"]
    assert fields["message"]["type"] == "textarea" and "job_title" in fields
    assert {"qualify_lead", "create_deal", "send_email"} <= set(config["agent"]["allowed_actions"])
    assert "create_ticket" not in config["agent"]["allowed_actions"]
    assert config["agent"]["autonomy_level"] == "draft"
    assert "enterprise clients" in config["agent"]["instructions"]
    assert "an AI consulting firm" in config["agent"]["instructions"]
    assert "demo" in config["response"]["thank_you_message"].lower()


async def test_newsletter_is_short_and_marketing(user):
    config = await generate(user, "Newsletter signup for our SaaS blog")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "email_marketing" and config["type"] == "marketing"
    assert len(config["fields"]) <= 3 and fields["email"]["required"]
    assert [f["name"] for f in config["fields"] if f["required"]] == [
        "email"
    ]  # nothing unasked is required
    assert set(config["agent"]["allowed_actions"]) == {"send_email", "enroll_sequence"}
    assert "company" not in fields


async def test_bug_report_support_form(user):
    config = await generate(user, "Support form for bug reports from our mobile app users")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "support_triage" and config["type"] == "support"
    assert fields["description"]["type"] == "textarea" and fields["description"]["required"]
    assert fields["steps"]["type"] == "textarea"  # a bug report asks how to reproduce it
    assert fields["priority"]["options"] == ["Low", "Normal", "High", "Urgent"]
    assert {"create_ticket", "escalate"} <= set(config["agent"]["allowed_actions"])
    assert "mobile app users" in config["agent"]["instructions"]


async def test_consultation_booking(user):
    config = await generate(user, "Schedule a consultation with our tax advisors")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "booking_request"
    assert fields["preferred_date"]["type"] == "date"
    assert "book_meeting" in config["agent"]["allowed_actions"]


async def test_pricing_with_budget_and_timeline(user):
    config = await generate(
        user, "Request a quote for enterprise pricing, ask about budget and timeline"
    )
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "sales_lead" and config["name"] == "Pricing Request"
    assert fields["budget"]["type"] == "select" and fields["timeline"]["type"] == "select"
    assert config["field_mapping"]["budget"] == "contact.custom_fields.budget"
    assert "budget" in config["agent"]["instructions"]
    # the description names its fields: the engine's own question is there, optional
    assert not fields["requirements"]["required"]
    bare = by_name(await generate(user, "Request a quote for enterprise pricing"))
    assert bare["requirements"]["required"]


async def test_ebook_download_names_the_topic(user):
    config = await generate(user, "Download our ebook on AI in finance")
    assert_sane(config)
    assert config["flow_id"] == "email_marketing"
    assert config["name"] == "Content Download: AI in finance"
    assert config["slug"] == "content-download-ai-in-finance"
    assert by_name(config)["email"]["label"] == "Work email"


async def test_webinar_beats_generic_registration(user):
    config = await generate(user, "Register for our webinar about remote onboarding for HR teams")
    assert_sane(config)
    assert config["name"].startswith("Webinar Registration")
    assert config["flow_id"] == "email_marketing"
    assert "HR teams" in config["agent"]["instructions"]
    assert by_name(config)["question"]["type"] == "textarea"


async def test_nps_survey_is_internal_notification(user):
    config = await generate(user, "Customer satisfaction survey with NPS after onboarding")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "notify_only" and config["agent"]["autonomy_level"] == "notify_only"
    assert (
        fields["nps"]["type"] == "number"
        and fields["nps"]["min"] == 0
        and fields["nps"]["max"] == 10
    )
    assert not fields["email"]["required"]
    assert config["auto"]["create_contact"] is False


async def test_anonymous_feedback_asks_no_email(user):
    config = await generate(user, "An anonymous feedback form for our workshop attendees")
    assert_sane(config)
    assert config["flow_id"] == "notify_only"
    assert not {"email", "name"} & set(by_name(config))


async def test_job_application(user):
    config = await generate(user, "Job application form for our careers page")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "direct_route" and config["type"] == "general"
    assert fields["portfolio"]["type"] == "url" and not fields["portfolio"]["required"]
    assert fields["start_date"]["type"] == "date" and fields["experience"]["type"] == "number"
    assert "create_deal" not in config["agent"]["allowed_actions"]
    assert "hiring" in config["agent"]["instructions"]


async def test_event_registration(user):
    config = await generate(user, "Event registration for our annual developer conference")
    assert_sane(config)
    fields = by_name(config)
    # A place at an event is not consent to marketing: confirmed and routed, not nurtured.
    assert config["flow_id"] == "direct_route" and config["name"] == "Event Registration"
    assert "enroll_sequence" not in config["agent"]["allowed_actions"]
    assert fields["ticket_type"]["type"] == "select" and not fields["ticket_type"]["required"]
    assert "our annual developer conference" in config["agent"]["instructions"]


async def test_contact_us_general_inquiry(user):
    config = await generate(user, "Contact us form for a law firm")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "direct_route" and config["name"] == "Contact Us"
    assert fields["message"]["type"] == "textarea" and fields["message"]["required"]
    assert [f["name"] for f in config["fields"]] == ["name", "email", "message"]


async def test_partnership_inquiry(user):
    config = await generate(user, "Partnership inquiry form for resellers and agencies")
    assert_sane(config)
    fields = by_name(config)
    assert config["flow_id"] == "sales_lead" and config["name"] == "Partnership Inquiry"
    assert "Reseller" in fields["partnership_type"]["options"]
    assert "resellers and agencies" in config["agent"]["instructions"]


async def test_internal_request_creates_no_contact(user):
    config = await generate(user, "Internal IT request form for employees")
    assert_sane(config)
    assert config["flow_id"] == "notify_only" and config["auto"]["create_contact"] is False
    assert (
        by_name(config)["details"]["required"] and not by_name(config)["request_type"]["required"]
    )


async def test_short_form_keeps_only_required_fields(user):
    config = await generate(user, "A short demo request form")
    assert_sane(config)
    assert all(f["required"] for f in config["fields"])
    assert {"name", "email", "company"} <= set(by_name(config))


async def test_unrecognised_description_falls_back_to_contact_form(user):
    config = await generate(user, "Something for the website")
    assert_sane(config)
    assert config["flow_id"] == "direct_route" and "email" in by_name(config)
    assert "website" not in by_name(config)  # "our website" is not "their website"


async def test_empty_description_is_422(user):
    body = await generate(user, "   ", status=422)
    assert "description" in body["error"]["fields"]


# -- refinement turns --------------------------------------------------------------


@pytest.fixture
async def demo(user):
    return await generate(
        user, "Build a demo request form for an AI consulting firm targeting enterprise clients"
    )


async def test_add_budget_dropdown_with_exact_options(user, demo):
    config = await generate(user, "add a budget dropdown: <$10K, $10K-$50K, $50K+", demo)
    budget = by_name(config)["budget"]
    assert budget["type"] == "select" and budget["options"] == ["<$10K", "$10K-$50K", "$50K+"]
    assert not budget["required"]
    names = [f["name"] for f in config["fields"]]
    assert names.index("budget") < names.index(
        "message"
    )  # new fields go before the closing free text
    assert config["field_mapping"]["budget"] == "contact.custom_fields.budget"


async def test_make_phone_required_then_optional(user, demo):
    config = await generate(user, "make phone required", demo)
    assert by_name(config)["phone"]["required"] is True
    config = await generate(user, "Make the phone number optional.", config)
    assert by_name(config)["phone"]["required"] is False
    config = await generate(user, "company should be optional", config)
    assert by_name(config)["company"]["required"] is False


async def test_remove_company_drops_its_mapping(user, demo):
    config = await generate(user, "remove the company field", demo)
    assert "company" not in by_name(config)
    assert "company" not in config["field_mapping"]
    assert config["field_mapping"]["email"] == "contact.email"


async def test_several_instructions_in_one_text(user, demo):
    text = (
        "add a budget dropdown: <$10K, $10K-$50K, $50K+ and make phone required; remove the job title field\n"
        "change the thank-you message to Thanks, we'll call you soon!\n"
        "set autonomy to semi-autonomous, rename message to Project details"
    )
    config = await generate(user, text, demo)
    fields = by_name(config)
    assert fields["budget"]["options"] == ["<$10K", "$10K-$50K", "$50K+"]
    assert fields["phone"]["required"] and "job_title" not in fields
    assert config["response"]["thank_you_message"] == "Thanks, we'll call you soon!"
    assert config["agent"]["autonomy_level"] == "semi_autonomous"
    assert fields["project_details"]["label"] == "Project details" and "message" not in fields


async def test_positions_types_actions_and_names(user, demo):
    text = (
        'add a required date field "Start date" after email\nmove phone to the top\n'
        "change company size to a dropdown: Small, Medium, Large\ndisallow create deal\nallow create ticket\n"
        "rename the form to Enterprise Demo\nadd a multiple choice field called Interests: AI, Data, Cloud\n"
        "redirect to https://example.com/thanks"
    )
    config = await generate(user, text, demo)
    names = [f["name"] for f in config["fields"]]
    fields = by_name(config)
    assert names[0] == "phone" and names[names.index("email") + 1] == "start_date"
    assert fields["start_date"]["type"] == "date" and fields["start_date"]["required"]
    assert fields["company_size"]["options"] == ["Small", "Medium", "Large"]
    assert "create_deal" not in config["agent"]["allowed_actions"]
    assert "create_ticket" in config["agent"]["allowed_actions"]
    assert config["name"] == "Enterprise Demo" and config["slug"] == "enterprise-demo"
    assert fields["interests"]["type"] == "multiselect" and fields["interests"]["options"] == [
        "AI",
        "Data",
        "Cloud",
    ]
    assert config["response"]["redirect_url"] == "https://example.com/thanks"


async def test_add_known_fields_from_the_catalogue(user):
    config = await generate(user, "Newsletter signup")
    config = await generate(
        user, "add a company field and add a linkedin field; add a required phone field", config
    )
    fields = by_name(config)
    assert (
        fields["company"]["type"] == "text" and config["field_mapping"]["company"] == "company.name"
    )
    assert fields["linkedin"]["type"] == "url"
    assert fields["phone"]["type"] == "phone" and fields["phone"]["required"]
    assert config["field_mapping"]["phone"] == "contact.phone"


async def test_unknown_instruction_is_a_clear_422(user, demo):
    body = await generate(user, "make it pop with more colours", demo, status=422)
    message = body["error"]["fields"]["description"]
    assert "make it pop with more colours" in message
    assert message.endswith("Say exactly what to change.") and len(message) < 160


async def test_one_bad_clause_rejects_the_whole_refinement(user, demo):
    body = await generate(
        user, "add a budget dropdown: A, B and remove the fax field", demo, status=422
    )
    message = body["error"]["message"]
    assert (
        "fax" in message and "email" in message
    )  # names the unknown field and lists the real ones


async def test_dropdown_without_options_and_duplicate_field_are_422(user, demo):
    body = await generate(user, "add a region dropdown", demo, status=422)
    assert "options" in body["error"]["message"]
    body = await generate(user, "add a phone field", demo, status=422)
    assert "already has a field" in body["error"]["message"]


async def test_cannot_remove_every_field(user):
    config = await generate(user, "Newsletter signup")
    names = " and ".join(f["name"] for f in config["fields"])
    body = await generate(user, f"remove {names}", config, status=422)
    assert "at least one field" in body["error"]["message"]


async def test_generation_is_deterministic_and_recorded(user, app):
    first = await generate(user, "Demo request form for fintech startups")
    second = await generate(user, "Demo request form for fintech startups")
    assert first == second
    rows = await app.state.db.fetchall(
        "SELECT * FROM llm_calls WHERE workspace_id = ? ORDER BY created_at", (user.workspace_id,)
    )
    assert len(rows) == 2 and {r["engine"] for r in rows} == {"local"} and rows[0]["status"] == "ok"
    assert rows[0]["purpose"] == "generate_form"


async def test_company_size_named_in_another_language_is_the_size_choice(user):
    for description in (
        "Demande de démo : nom, email professionnel, entreprise, taille de l'entreprise, message",
        "Solicitud de demo: nombre, email, empresa, tamaño de la empresa, mensaje",
        "Demo-Anfrage: Name, E-Mail, Firma, Unternehmensgröße, Nachricht",
        "Pedido de demonstração: nome, email, empresa, tamanho da empresa, mensagem",
    ):
        config = await generate(user, description)
        size = by_name(config)["company_size"]
        assert size["type"] == "select" and "51-200" in size["options"], description


async def test_an_application_that_is_no_job_is_not_answered_as_hiring(user):
    volunteer = await generate(
        user, "Volunteer sign-up for the food bank: name, email, phone, which days can you help"
    )
    speaker = await generate(user, "Speaker application: name, email, talk title, abstract")
    job = await generate(user, "Job application for delivery drivers: name, phone, email, CV")
    for config in (volunteer, speaker):
        said = config["agent"]["instructions"] + config["response"]["thank_you_message"]
        assert "hiring" not in said.lower() and "job application" not in said.lower()
    assert "volunteer" in volunteer["response"]["thank_you_message"].lower()
    assert "hiring team" in job["response"]["thank_you_message"]


async def test_a_form_described_in_french_speaks_french_around_its_fields(user, client):
    from tests.factory import make_form
    from tests.helpers import soup

    config = await generate(
        user, "Demande de démo : nom, email professionnel, taille de l'entreprise, message"
    )
    config.pop("notes", None)
    form = await make_form(user, **{**config, "status": "active"})
    page = soup(await client.get(f"/f/{form['id']}"))
    assert page.select_one("button.fa-submit").get_text(strip=True) == "Envoyer"
    size = page.select_one("select[name=company_size] option")
    assert size.get_text(strip=True) == "Choisissez…"
    english = await generate(user, "Demo request: name, email, company size")
    assert not english.get("theme", {}).get("button_label")
