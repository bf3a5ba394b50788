"""Step personalisation on the Claude engine (SPEC §6.5, §8), over HTTP against
the local fake Messages API: the model sees the step and the contact's facts,
its line goes into the email; when it stays unreachable the step still goes."""

from __future__ import annotations

import json

import pytest

from tests.factory import make_contact
from tests.fake_anthropic import claude_settings
from tests.helpers_sequences import enroll, make_sequence, step, step_emails, tick


@pytest.fixture
def settings(tmp_path, fake_anthropic):
    return claude_settings(tmp_path, fake_anthropic)


PERSONAL = step(
    subject="Guide", body="Hi {{first_name}},\nHere is the guide.", agent_personalize=True
)


async def test_the_models_line_is_grounded_in_the_facts_it_was_given(app, user, fake_anthropic):
    fake_anthropic.script(("json", {"intro": "Since BigCorp is growing, this guide fits."}))
    seq = await make_sequence(user, PERSONAL)
    contact = await make_contact(
        user, "dana@bigcorp.example", name="Dana Scully", company="BigCorp"
    )
    e = await enroll(user, seq["id"], contact["id"])
    await tick(app)
    [mail] = await step_emails(app.state.db, e["id"])
    assert mail["body_text"] == (
        "Hi Dana,\n\nSince BigCorp is growing, this guide fits.\n\nHere is the guide."
    )
    [request] = fake_anthropic.requests
    assert request.forced_tool == "submit_intro"
    user_text = json.dumps(request.body["messages"])
    assert "BigCorp" in user_text and "dana@bigcorp.example" in user_text
    assert "ONLY the facts" in json.dumps(request.body["system"])
    await app.state.llm.aclose()


async def test_an_unreachable_model_sends_the_step_without_the_personal_line(
    app, user, fake_anthropic
):
    fake_anthropic.script(*[("status", 529)] * 3)
    seq = await make_sequence(user, PERSONAL)
    contact = await make_contact(user, "sam@example.org", name="Sam")
    e = await enroll(user, seq["id"], contact["id"])
    await tick(app)
    [mail] = await step_emails(app.state.db, e["id"])
    assert mail["body_text"] == "Hi Sam,\nHere is the guide."
    row = await app.state.db.fetchone(
        "SELECT current_step FROM enrollments WHERE id = ?", (e["id"],)
    )
    assert row["current_step"] == 1
    await app.state.llm.aclose()


async def test_a_line_with_an_invented_number_is_asked_again_then_left_out(
    app, user, fake_anthropic
):
    invented = ("json", {"intro": "Teams of 600 like BigCorp love this guide."})
    fake_anthropic.script(invented, invented)
    seq = await make_sequence(user, PERSONAL)
    contact = await make_contact(user, "dana@bigcorp.example", name="Dana", company="BigCorp")
    e = await enroll(user, seq["id"], contact["id"])
    await tick(app)
    [mail] = await step_emails(app.state.db, e["id"])
    assert mail["body_text"] == "Hi Dana,\nHere is the guide."  # sent, without the invented line
    retry = json.dumps(fake_anthropic.requests[1].body["messages"])
    assert "600" in retry and "not in the facts" in retry
    await app.state.llm.aclose()
