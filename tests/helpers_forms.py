"""Helpers for the forms tests: a typical sales form config (tests.factory.make_form posts it),
and drafts from the describe-a-form API."""

from __future__ import annotations

from app.services.llm.form_extras_check import problems

DEMO_FIELDS = [
    {
        "name": "email",
        "type": "email",
        "label": "Work email",
        "required": True,
        "help": "We reply here.",
    },
    {"name": "name", "type": "text", "label": "Your name", "required": True},
    {"name": "company", "type": "text", "label": "Company"},
    {
        "name": "budget",
        "type": "select",
        "label": "Budget",
        "options": ["<$10K", "$10K-$50K", "$50K+"],
    },
    {"name": "message", "type": "textarea", "label": "What do you need?"},
    {"name": "consent", "type": "checkbox", "label": "I agree to be contacted", "required": True},
]


def demo_config(**overrides) -> dict:
    config = {
        "name": "Demo request",
        "status": "draft",
        "type": "sales",
        "flow_id": "sales_lead",
        "fields": [dict(f) for f in DEMO_FIELDS],
    }
    config.update(overrides)
    return config


async def generated(user, description: str, draft: dict | None = None) -> tuple[dict, dict]:
    """A draft from POST /api/forms/generate (refining ``draft`` when given) that passes the
    shared shape check, with its fields by name."""
    body = {"description": description, **({"draft": draft} if draft else {})}
    r = await user.api.post("/api/forms/generate", json=body)
    assert r.status_code == 200, r.text
    config = r.json()["draft"]
    assert problems(config) == []
    return config, {f["name"]: f for f in config["fields"]}


def rule(field: dict) -> list | None:
    """The conditions of a field's ``show_if: {all: [...]}``."""
    return field.get("show_if", {}).get("all")
