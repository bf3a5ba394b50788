"""The local engine, round 35s (issue 20), through POST /api/forms/generate: a help-desk
ticket is triaged whoever files it; "tema" is a word of the description's language, not a
misspelt "team"; a question for someone named in the list is an item, not the form's
name; what a thing is worth is a number; "any questions" is asked in case there are some;
answers listed after "would you recommend" are its answers."""

from __future__ import annotations

from tests.helpers_forms import generated


def _field(config: dict, word: str) -> dict:
    return next(f for f in config["fields"] if word in f["label"].lower())


async def test_a_staff_help_desk_ticket_is_triaged_and_a_staff_request_is_not(user):
    ticket, _ = await generated(
        user,
        "Service desk ticket for our staff - name, location, issue type (printer, login), details",
    )
    leave, _ = await generated(
        user, "Holiday request form for staff: name, department, first day off, last day off"
    )
    assert ticket["flow_id"] == "support_triage"
    assert leave["flow_id"] == "notify_only"


async def test_tema_stays_tema(user):
    config, _ = await generated(
        user, "Inscrição para a oficina: nome, e-mail, tema preferido (paisagem, retrato, abstrato)"
    )
    labels = [f["label"] for f in config["fields"]]
    assert "Tema preferido" in labels and not any("Team" in label for label in labels)


async def test_a_question_for_the_host_is_an_item_of_a_webinar_signup(user):
    config, _ = await generated(
        user, "Product launch webinar signup: name, work email, company, questions for the host"
    )
    assert "Webinar" in config["name"] and "Question" not in config["name"]
    assert _field(config, "question")["type"] in ("text", "textarea")


async def test_a_value_is_a_number_a_value_proposition_is_words(user):
    config, _ = await generated(
        user, "Pitch form: founder name, email, value proposition, estimated car value"
    )
    assert _field(config, "car value")["type"] == "number"
    assert _field(config, "value proposition")["type"] in ("text", "textarea")


async def test_any_questions_is_optional_questions_alone_is_the_point(user):
    asked, _ = await generated(user, "Kayak hire booking - name, phone, date, any questions?")
    bare, _ = await generated(user, "Contact our surgery: name, phone, email, questions")
    assert _field(asked, "question")["required"] is False
    assert _field(bare, "question")["required"] is True


async def test_recommend_keeps_the_answers_listed(user):
    config, _ = await generated(
        user, "Workshop survey: rating 1-5, would you recommend it (yes, no, maybe), comments"
    )
    assert _field(config, "recommend")["options"] == ["Yes", "No", "Maybe"]


async def test_asked_to_describe_or_how_it_helped_gets_a_box(user):
    config, _ = await generated(
        user,
        "Law firm intake: name, email, briefly describe your case, how has mediation helped you",
    )
    assert _field(config, "describe")["type"] == "textarea"
    assert _field(config, "describe")["label"] == "Briefly describe your case"
    assert _field(config, "helped")["type"] == "textarea"


async def test_a_childcare_waiting_list_goes_to_a_person_an_app_waitlist_is_marketing(user):
    place, _ = await generated(
        user, "Warteliste Betreuungsplatz: Name der Eltern, E-Mail, Name des Kindes"
    )
    app_list, _ = await generated(user, "Waitlist for our new meal-planning app: email, first name")
    assert place["flow_id"] == "direct_route"
    assert app_list["flow_id"] == "email_marketing"


async def test_a_possessive_without_its_apostrophe_gets_it(user):
    config, _ = await generated(
        user, "Swim lessons sign up: childs name, age, parents name, parents phone"
    )
    labels = [f["label"] for f in config["fields"]]
    assert {"Child's name", "Parent's name", "Parent's phone"} <= set(labels), labels


async def test_a_customer_story_is_no_sales_lead(user):
    config, _ = await generated(
        user, "Share your success story: name, company, email, what results have you seen"
    )
    assert config["flow_id"] in ("notify_only", "direct_route")


async def test_a_follow_up_does_not_change_what_the_form_is_for(user):
    config, _ = await generated(
        user,
        "Loan pre-approval enquiry: name, email, monthly income, any CCJs? if yes give details",
    )
    assert config["flow_id"] == "sales_lead"
    details = _field(config, "detail")
    assert details["show_if"]["all"][0]["value"] == "Yes" and details["required"] is False


async def test_an_italian_heading_names_the_form_whole(user):
    config, _ = await generated(
        user, "Modulo di iscrizione per il nostro corso di ceramica: nome, email, telefono"
    )
    assert config["name"] == "Modulo di iscrizione per il nostro corso di ceramica"
