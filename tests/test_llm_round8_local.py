"""The local engine, round 8 (issue 20): a B2B service that sounds like support asked for
with a proposal is a sale; "type of X (a, b)" in es/fr/de/pt is a choice; fields named in
passing keep their words and acronyms; "When …?" questions pass the shared shape check;
small-business owners and partners writing in Spanish, French, German or Portuguese are
scored with the English logic — through POST /api/forms/generate and the agent."""

from __future__ import annotations

from tests.helpers_agents import make_agent_form, submission, submit_and_process
from tests.helpers_forms import generated


async def test_a_service_asked_for_with_a_proposal_is_a_sale_a_fault_stays_support(user):
    sale, fields = await generated(
        user,
        "Get a quote for IT support: business name, email, how many users, how many sites.",
    )
    assert sale["flow_id"] == "sales_lead"
    assert fields["how_many_users"]["type"] == "number"
    helpdesk, fields = await generated(
        user,
        "Outsourced helpdesk: let companies ask us for a quote. Fields: company, email, "
        "number of staff, support hours needed.",
    )
    assert helpdesk["flow_id"] == "sales_lead"
    assert not any("let" in name for name in fields)  # the form's own act is no field
    fault, _ = await generated(
        user,
        "Support request form for our managed IT customers: name, email, company, which "
        "system is down and how urgent it is.",
    )
    assert fault["flow_id"] == "support_triage"


async def test_a_type_with_bracketed_options_is_a_choice_in_the_marketers_language(user):
    config, _ = await generated(
        user,
        "Wir brauchen ein Kontaktformular mit Name, E-Mail, Art der Anfrage (Angebot, "
        "Support, Sonstiges) und Nachricht.",
    )
    kind = next(f for f in config["fields"] if f["label"] == "Art der Anfrage")
    assert kind["type"] == "select" and kind["options"] == ["Angebot", "Support", "Sonstiges"]
    assert config["flow_id"] == "direct_route"  # an option is no purpose
    config, _ = await generated(
        user,
        "Formulaire de cours : nom, e-mail, type de cours (pâtisserie, bases) et niveau "
        "(débutant, confirmé).",
    )
    labels = {f["label"]: f for f in config["fields"]}
    assert labels["Type de cours"]["options"] == ["Pâtisserie", "Bases"]
    assert labels["Niveau"]["options"] == ["Débutant", "Confirmé"]


async def test_fields_named_in_passing_keep_their_words_and_acronyms(user):
    config, _ = await generated(
        user,
        "Exhibitor application: business name, email, a short description of the products "
        "you'll show and a link to slides or a video of a previous talk.",
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Description of the products you'll show" in labels
    assert "Link to slides or a video of a previous talk" in labels
    config, _ = await generated(
        user, "Order problem form: name, email, order number and what's wrong with the order."
    )
    assert [f["label"] for f in config["fields"]][-2:] == [
        "Order number",
        "What's wrong with the order?",
    ]
    config, _ = await generated(
        user, "Wholesale account: business name, VAT number, email and whether you need SSO."
    )
    labels = [f["label"] for f in config["fields"]]
    assert "VAT number" in labels and "Do you need SSO?" in labels
    refined, _ = await generated(user, "add an IBAN field", config)
    assert "IBAN" in [f["label"] for f in refined["fields"]]


async def test_questions_starting_with_when_are_fields_not_conditions(user):
    config, _ = await generated(
        user,
        "Win-back survey for lapsed customers: When did you last order? Why did you stop? "
        "When might you restart? One thing we could have done better.",
    )
    labels = [f["label"] for f in config["fields"]]
    assert config["flow_id"] == "notify_only"
    for label in ("When did you last order?", "When might you restart?"):
        assert label in labels
    assert "One thing we could have done better" in labels


async def _score(app, user, db, form_name: str, data: dict) -> dict:
    form = await make_agent_form(user, name=form_name)
    sid = await submit_and_process(app, user, form["id"], data)
    actions = (await submission(db, sid))["actions"]
    return next(a["details"] for a in actions if a["details"].get("action") == "qualify_lead")


async def test_a_small_business_owner_writing_in_spanish_is_a_buyer(app, user, db):
    owner = await _score(
        app,
        user,
        db,
        "Pricing request",
        {
            "email": "sofia.floreria@hotmail.com",
            "name": "Sofía Vega",
            "message": "Buenas tardes, tengo una floristería pequeña y necesito un formulario de "
            "pedidos para San Valentín. ¿Qué precio tiene? Me gustaría empezar la próxima "
            "semana.",
        },
    )
    assert owner["score"] == "high", owner
    assert "decision-maker" in owner["tags"]
    price_only = await _score(
        app,
        user,
        db,
        "Pricing request",
        {
            "email": "rosa.panaderia@gmail.com",
            "name": "Rosa Jiménez",
            "message": "Hola, tengo una panadería en Valencia y quiero saber el precio. "
            "Queremos empezar este mes.",
        },
    )
    assert price_only["score"] == "medium", price_only


async def test_a_german_partner_with_clients_is_what_the_partner_form_is_for(app, user, db):
    partner = await _score(
        app,
        user,
        db,
        "Partner program",
        {
            "email": "s.koch@koch-systemhaus.de",
            "name": "Sabine Koch",
            "company": "Koch Systemhaus",
            "job_title": "Inhaberin",
            "message": "Wir sind ein Systemhaus und betreuen über 70 Kunden in Bayern. Wir "
            "würden gern Vertriebspartner werden und Ihre Software weiterverkaufen.",
        },
    )
    assert partner["score"] == "high", partner
    assert "partner-fit" in partner["tags"]
    student = await _score(
        app,
        user,
        db,
        "Partner program",
        {
            "email": "hannah.schulz@gmail.com",
            "name": "Hannah Schulz",
            "message": "Ich bin Studentin und schreibe meine Bachelorarbeit über "
            "Partnerprogramme. Können Sie mir ein paar Fragen beantworten?",
        },
    )
    assert student["score"] == "low"
