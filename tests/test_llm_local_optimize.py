"""Local challengers and suggestions from field stats, through the engine the app holds."""

from __future__ import annotations

import pytest

from app.services.forms.config import validate_config
from app.services.llm.local_forms import generate_form


@pytest.fixture
def llm(app):
    return app.state.llm


def demo_form():
    form = generate_form(
        "Demo request form"
    )  # name*, email*, company*, job_title, company_size, phone, message
    return form


def names(fields):
    return [f["name"] for f in fields]


def stats(views=500, submissions=50, **fields):
    return {"views": views, "submissions": submissions, "fields": fields}


def s(focused, filled, dropoff=None, avg=5000):
    row = {"focused": focused, "filled": filled, "avg_time_ms": avg}
    if dropoff is not None:
        row["dropoff"] = dropoff
    return row


async def test_challenger_drops_the_optional_field_people_leave_at(llm):
    form = demo_form()
    data = stats(phone=s(300, 120, 0.42), job_title=s(300, 250, 0.2), company=s(300, 200, 0.6))
    challenger = await llm.generate_challenger(form, data)
    assert challenger["label"] == "Without Phone"
    kept = names(challenger["overrides"]["fields"])
    assert "phone" not in kept and len(kept) == len(form["fields"]) - 1
    assert {"name", "email", "company"} <= set(
        kept
    )  # required company kept despite its 60% drop-off
    assert "42%" in challenger["rationale"]
    validate_config({**form, **challenger["overrides"]})


async def test_required_field_is_made_optional_not_removed(llm):
    form = demo_form()
    data = stats(company=s(300, 150, 0.5), phone=s(300, 290, 0.05))
    challenger = await llm.generate_challenger(form, data)
    fields = {f["name"]: f for f in challenger["overrides"]["fields"]}
    assert names(challenger["overrides"]["fields"]) == names(form["fields"])
    assert fields["company"]["required"] is False and fields["name"]["required"] is True
    assert "50%" in challenger["rationale"] and challenger["label"] == "Company optional"


async def test_email_is_never_touched(llm):
    form = demo_form()
    form["fields"][1]["required"] = False
    challenger = await llm.generate_challenger(form, stats(email=s(400, 100, 0.75)))
    assert "email" in names(challenger["overrides"]["fields"])
    email = next(f for f in challenger["overrides"]["fields"] if f["name"] == "email")
    assert email == form["fields"][1]


async def test_structural_challengers_without_stats(llm):
    form = demo_form()
    shorter = await llm.generate_challenger(form, {})
    assert shorter["label"] == "Required fields only"
    assert names(shorter["overrides"]["fields"]) == ["name", "email", "company"]

    required_only = dict(
        form, fields=[dict(f, required=True) for f in form["fields"] if f["name"] != "phone"]
    )
    required_only["fields"].insert(0, required_only["fields"].pop())  # the textarea first
    text_last = await llm.generate_challenger(required_only, {})
    assert (
        text_last["label"] == "Free text last"
        and text_last["overrides"]["fields"][-1]["name"] == "message"
    )

    email_late = dict(form, fields=[f for f in required_only["fields"] if f["type"] != "textarea"])
    email_late["fields"] = [dict(f, required=True) for f in email_late["fields"]]
    email_first = await llm.generate_challenger(email_late, {})
    assert (
        email_first["label"] == "Email first"
        and email_first["overrides"]["fields"][0]["name"] == "email"
    )

    plain = await llm.generate_challenger(dict(form, fields=email_first["overrides"]["fields"]), {})
    assert plain["label"] == "Plain labels" and all(
        f["help"] == "" for f in plain["overrides"]["fields"]
    )


async def test_challenger_is_deterministic(llm):
    form, data = demo_form(), stats(phone=s(300, 120, 0.42))
    assert await llm.generate_challenger(form, data) == await llm.generate_challenger(form, data)


async def test_suggestions_from_field_stats(llm):
    form = demo_form()
    data = stats(
        phone=s(200, 100, 0.45),
        company=s(250, 160, 0.35),
        job_title=s(240, 230, 0.02, avg=31000),
        company_size=s(220, 80, 0.1),
        message=s(5, 0, 0.9),
    )
    suggestions = await llm.suggest_improvements(form, data)
    kinds = [(x["kind"], x["field"]) for x in suggestions]
    assert ("remove_field", "phone") in kinds and ("reorder", "phone") in kinds
    assert ("make_optional", "company") in kinds and ("remove_field", "company") not in kinds
    assert ("change_copy", "job_title") in kinds and ("change_copy", "company_size") in kinds
    assert not [k for k in kinds if k[1] == "message"]  # five focuses are noise
    phone = next(x for x in suggestions if x["kind"] == "remove_field")
    assert "45%" in phone["evidence"] and "200" in phone["evidence"]
    slow = next(x for x in suggestions if x["field"] == "job_title")
    assert "31 s" in slow["evidence"] and slow["overrides"] is None


async def test_suggestion_changes_are_instructions_the_editor_can_apply(llm):
    form = demo_form()
    data = stats(phone=s(200, 100, 0.45), company=s(250, 160, 0.35))
    for suggestion in await llm.suggest_improvements(form, data):
        if suggestion["overrides"] is None:
            continue
        applied = await llm.generate_form(suggestion["change"], form)
        expected = suggestion["overrides"]["fields"]
        assert names(applied["fields"]) == names(expected), suggestion["change"]
        assert [f["required"] for f in applied["fields"]] == [f["required"] for f in expected]


async def test_form_level_suggestions(llm):
    form = validate_config(
        {
            "name": "Long",
            "flow_id": "sales_lead",
            "fields": [
                {"name": f"q{i}", "type": "text", "label": f"Question {i}"} for i in range(9)
            ],
        }
    )
    suggestions = await llm.suggest_improvements(form, stats(views=1000, submissions=30))
    kinds = {x["kind"]: x for x in suggestions}
    assert kinds["add_field"]["field"] in ("email", "company")
    assert {x["field"] for x in suggestions if x["kind"] == "add_field"} == {"email", "company"}
    assert "3%" in kinds["split_form"]["evidence"] and kinds["split_form"]["field"] is None
    email = next(x for x in suggestions if x["field"] == "email")
    applied = await llm.generate_form(email["change"], form)
    assert applied["fields"][0]["name"] == "email" and applied["fields"][0]["required"]


async def test_no_signal_no_suggestions(llm):
    assert await llm.suggest_improvements(demo_form(), stats()) == []
