"""Lists a marketer gives in a note (issue 20, stop 30), through POST /api/forms/generate. On
the start commit "put the packages in this order: …" added an answer "Packages", "reorder:
name, email, …" added a dropdown "Reorder", "rename the 'elopement' package to 'Micro
wedding'" renamed the Package question, "ask for their address in separate fields: …" added
a dropdown "Address in separate" and "add a second phone number for the partner" a text
field "Partner"."""

from __future__ import annotations

from tests.test_llm_local_forms import generate
from tests.test_refine_words import _field, _labels

WEDDING = (
    "Wedding photographer enquiry - your names, email, phone, wedding date, venue, estimated "
    "guest count, which package (half day, full day, elopement), how did you find me"
)
CATERING = (
    "Catering enquiry: event date, type of event (wedding, corporate, birthday, other), number "
    "of guests, budget per head, dietary requirements, name, email, phone"
)


async def test_answers_put_in_order_or_renamed_by_the_fields_noun(user):
    form = await generate(user, WEDDING)
    config = await generate(
        user, "put the packages in this order: elopement, half day, full day", form
    )
    assert _field(config, "Package")["options"] == ["Elopement", "Half day", "Full day"]
    config = await generate(user, "rename the 'elopement' package to 'Micro wedding'", config)
    assert _field(config, "Package")["options"] == ["Micro wedding", "Half day", "Full day"]
    assert _labels(config) == _labels(form)
    answer = await generate(
        user, "put the packages in this order: elopement, half day", config, status=422
    )
    assert "list each once" in str(answer)


async def test_the_whole_form_put_in_order(user):
    form = await generate(user, CATERING)
    order = "name, email, phone, event date, type of event, number of guests, budget per head, dietary requirements"
    config = await generate(user, f"reorder: {order}", form)
    assert _labels(config)[:4] == ["Full name", "Email", "Phone", "Event date"]
    assert len(_labels(config)) == len(_labels(form))
    answer = await generate(user, "reorder: name, email, shoe size", form, status=422)
    assert "shoe size" in str(answer)


async def test_fields_split_out_and_a_second_phone_for_someone(user):
    form = await generate(user, "Hackathon registration: name, email, address, team name")
    config = await generate(
        user, "split the address into separate fields: street, town, postcode", form
    )
    labels = _labels(config)
    assert "Address" not in labels and labels.index("Town") == labels.index("Street") + 1
    form = await generate(user, WEDDING)
    config = await generate(user, "add a second phone number for the partner", form)
    assert _field(config, "Partner's phone")["type"] == "phone"


async def test_answers_and_questions_added_in_the_marketers_language(user):
    form = await generate(
        user, "Anmeldung Sommercamp: Name des Kindes, Alter, E-Mail, Woche (1, 2, 3), Allergien"
    )
    config = await generate(user, "Woche 4 hinzufügen", form)
    assert _field(config, "Woche")["options"] == ["1", "2", "3", "4"]
    assert _labels(config) == _labels(form)
    form = await generate(
        user, "Demande de devis déménagement : nom, email, téléphone, date souhaitée"
    )
    config = await generate(user, "ajoute une question : avez-vous un ascenseur ? (oui/non)", form)
    assert _field(config, "Avez-vous un ascenseur ?")["options"] == ["Oui", "Non"]


async def test_a_change_said_of_a_field_after_a_colon(user):
    form = await generate(
        user, "Restaurant reservation: name, email, date, time, dietary requirements"
    )
    said = "dietary: make it a multi-select with vegetarian, vegan, gluten free"
    config = await generate(user, said, form)
    dietary = _field(config, "Dietary requirements")
    assert dietary["type"] == "multiselect"
    assert dietary["options"] == ["Vegetarian", "Vegan", "Gluten free"]


async def test_a_typo_is_read_as_the_word_meant_and_a_word_of_its_own_is_not(user):
    form = await generate(
        user, "Dog grooming: owner name, phone, email, breed, service (bath, full groom)"
    )
    config = await generate(user, "make phnoe requried", form)
    assert _field(config, "Phone")["required"] is True
    config = await generate(user, "remvoe the breed", config)
    assert "Breed" not in _labels(config)
    config = await generate(user, "add a remote option to service", config)
    assert _field(config, "Service")["options"] == ["Bath", "Full groom", "Remote"]


async def test_answers_after_an_arrow_and_a_swap_with_an_addition(user):
    form = await generate(user, "Dog grooming: owner name, email, size (small, medium, large)")
    config = await generate(
        user, "size → small (under 10kg), medium (10-25kg), large (25kg+)", form
    )
    assert _field(config, "Size")["options"] == [
        "Small (under 10kg)",
        "Medium (10-25kg)",
        "Large (25kg+)",
    ]
    form = await generate(
        user, "Webinar sign-up: name, work email, company size (1-10, 11-50, 200+)"
    )
    config = await generate(user, "change 200+ to 201-1000 and add 1000+", form)
    assert _field(config, "Company size")["options"] == ["1-10", "11-50", "201-1000", "1000+"]
    assert _labels(config) == _labels(form)


async def test_examples_for_a_field_and_a_second_thought(user):
    form = await generate(user, "B2B demo request: first name, work email, company, current tool")
    config = await generate(user, "current tool: add examples like Typeform, Google Forms", form)
    assert _field(config, "Current tool")["placeholder"] == "e.g. Typeform, Google Forms"
    assert _field(config, "Current tool")["type"] == "text"
    form = await generate(user, "Open day registration: student name, parent name, email, phone")
    said = (
        "we don't need the parent name if the student is over 18... actually just make it optional"
    )
    config = await generate(user, said, form)
    assert _field(config, "Parent name")["required"] is False
    assert _labels(config) == _labels(form)


async def test_a_condition_on_an_answer_the_form_offers_uses_that_question(user):
    form = await generate(
        user,
        "Catering enquiry: event date, type of event (wedding, corporate, other), budget per head, name, email",
    )
    config = await generate(user, "only show budget per head if the event is corporate", form)
    assert _field(config, "Budget per head")["show_if"]["all"] == [
        {"field": _field(config, "Type of event")["name"], "op": "equals", "value": "Corporate"}
    ]
    assert _labels(config) == _labels(form)


async def test_a_follow_up_on_the_forms_own_yes_no_question(user):
    form = await generate(
        user, "Physio appointment: name, phone, email, referred by a doctor?, preferred day"
    )
    config = await generate(user, "referred by a doctor? if yes, ask for the doctor's name", form)
    asked = _field(config, "Doctor's name")
    referred = _field(config, "Referred by a doctor?")
    assert asked["show_if"]["all"] == [{"field": referred["name"], "op": "equals", "value": "Yes"}]


async def test_an_answer_no_longer_offered_goes(user):
    form = await generate(
        user, "Venue hire enquiry: name, email, event type (wedding, party, corporate, other), date"
    )
    config = await generate(user, "we don't do corporate events anymore", form)
    assert _field(config, "Event type")["options"] == ["Wedding", "Party", "Other"]
    await generate(user, "we don't do funerals anymore", form, status=422)


async def test_a_kind_with_its_answers_after_a_colon_never_removes_the_field(user):
    # "lose" is a word for removing a field; here it is an answer ("lose weight")
    form = await generate(
        user, "Gym membership enquiry: name, email, fitness goals, how did you hear about us"
    )
    said = "fitness goals: tick boxes for lose weight, build muscle, improve fitness, other"
    config = await generate(user, said, form)
    goals = _field(config, "Fitness goals")
    assert goals["type"] == "multiselect"
    assert goals["options"] == ["Lose weight", "Build muscle", "Improve fitness", "Other"]


async def test_a_flag_said_after_the_place_of_a_new_field(user):
    form = await generate(
        user, "Gym membership enquiry: name, email, phone, membership type (off-peak, full)"
    )
    config = await generate(user, "add a date of birth field after phone, required", form)
    labels = _labels(config)
    assert labels[labels.index("Phone") + 1] == "Date of birth"
    assert _field(config, "Date of birth")["required"] is True
