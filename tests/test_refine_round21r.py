"""A question added by its wording (issue 20, refine round 21r), through
POST /api/forms/generate: the visitor is asked in the second person, an existing question is
not added twice, a kind said after a quoted label changes the kind, and a time field that
forms do not have is answered in one sentence with an example that works."""

from __future__ import annotations

from tests.test_llm_local_forms import generate


async def test_questions_added_by_their_wording(user):
    form = await generate(user, "Venue hire: name, email, date")
    config = await generate(
        user,
        "ask whether they need parking and a question asking if the group includes children",
        form,
    )
    added = [(f["label"], f["type"], f["options"]) for f in config["fields"][3:]]
    assert added == [
        ("Do you need parking?", "select", ["Yes", "No"]),
        ("Does the group include children?", "select", ["Yes", "No"]),
    ]
    config = await generate(user, "add a question: which room would you like?", config)
    assert config["fields"][-1]["label"] == "Which room would you like?"
    body = await generate(user, "add a yes/no question: do they need parking", config, status=422)
    assert "already has a field “Do you need parking?”" in body["error"]["message"]


async def test_a_kind_after_a_quoted_label_and_no_time_field(user):
    form = await generate(user, "Waitlist: email, how do you budget today, start time")
    config = await generate(user, "change 'How do you budget today?' to a long text", form)
    budget = next(f for f in config["fields"] if f["label"] == "How do you budget today?")
    assert budget["type"] == "textarea"
    body = await generate(user, "make start time a time field", config, status=422)
    message = body["error"]["message"]
    assert message.startswith("Forms have no time field") and "dropdown: 9:00" in message


async def test_it_is_the_field_the_previous_instruction_touched(user):
    form = await generate(user, "Dog grooming appointment: owner's name, phone, dog's name")
    config = await generate(user, "add an email field after phone and make it required", form)
    email = next(f for f in config["fields"] if f["type"] == "email")
    assert email["required"] and config["fields"].index(email) == 2
    config = await generate(
        user,
        "add a question asking if the dog has been groomed before, then move it to the top",
        config,
    )
    assert config["fields"][0]["label"] == "Has the dog been groomed before?"
    body = await generate(user, "make it required", config, status=422)  # nothing said before
    assert "“it”" in body["error"]["message"]
