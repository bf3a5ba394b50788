"""Helpers for the forms tests: a typical form config and creation through the API."""

from __future__ import annotations

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
        "type": "sales",
        "flow_id": "sales_lead",
        "fields": [dict(f) for f in DEMO_FIELDS],
    }
    config.update(overrides)
    return config


async def create_form(user, **overrides) -> dict:
    r = await user.api.post("/api/forms", json=demo_config(**overrides))
    assert r.status_code == 201, r.text
    return r.json()
