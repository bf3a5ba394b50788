"""Helpers for the forms tests: a typical sales form config (tests.factory.make_form posts it)."""

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
        "status": "draft",
        "type": "sales",
        "flow_id": "sales_lead",
        "fields": [dict(f) for f in DEMO_FIELDS],
    }
    config.update(overrides)
    return config
