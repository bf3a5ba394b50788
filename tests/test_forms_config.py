"""The form config model: field definitions, defaults, and actionable errors."""

import pytest

from app.errors import ValidationError
from app.services.forms.config import (
    ALLOWED_ACTIONS,
    AUTONOMY_LEVELS,
    FIELD_TYPES,
    FLOWS,
    FORM_TYPES,
    normalize_config,
    validate_config,
)


def errors_of(raw) -> dict:
    with pytest.raises(ValidationError) as info:
        validate_config(raw)
    return info.value.fields


def test_constants_cover_the_spec():
    spec_4 = {"text", "email", "phone", "number", "select", "multiselect", "textarea"}
    spec_4 |= {"checkbox", "hidden", "date", "url"}
    # SPEC §4's eleven, §17's file, §19's consent
    assert set(FIELD_TYPES) == spec_4 | {"file", "consent"}
    assert set(FORM_TYPES) == {"marketing", "sales", "support", "general"}
    assert "booking_request" in FLOWS and "notify_only" in FLOWS
    assert AUTONOMY_LEVELS[0] == "notify_only" and AUTONOMY_LEVELS[-1] == "fully_autonomous"
    assert "respond_direct" in ALLOWED_ACTIONS


def test_defaults_are_filled():
    config = normalize_config(
        {
            "name": "Newsletter",
            "fields": [
                {"name": "email", "type": "email"},
                {"name": "full_name"},
                {"name": "first_name"},
                {"name": "phone", "type": "phone"},
                {"name": "company_name"},
            ],
        }
    )
    assert config["slug"] == "newsletter" and config["status"] == "draft"
    assert config["field_mapping"] == {
        "email": "contact.email",
        "full_name": "contact.name",
        "first_name": "contact.first_name",
        "phone": "contact.phone",
        "company_name": "company.name",
    }
    assert config["security"] == {
        "allowed_origins": [],
        "honeypot_field": "_hp",
        "max_submissions_per_ip": 10,
        "max_submissions_per_email": 5,
        "duplicate_window_minutes": 5,
        "review_threshold": 50,
        "block_threshold": 100,
        "free_mail": "allow",
        "blocked_words": [],
        "challenge": "off",
    }
    assert config["agent"]["autonomy_level"] == "draft"
    assert config["auto"]["create_contact"] is True and config["auto"]["booking_url"] == ""
    assert config["response"]["thank_you_message"]
    assert config["fields"][1]["label"] == "Full name" and config["fields"][1]["type"] == "text"


@pytest.mark.parametrize(
    "field",
    [
        {"name": "t", "type": "text", "min": 2, "max_length": 80, "regex": r"^[A-Z]{2}\d+$"},
        {"name": "e", "type": "email", "required": True},
        {"name": "p", "type": "phone"},
        {"name": "n", "type": "number", "min": 1, "max": 500, "default": 10},
        {"name": "s", "type": "select", "options": ["a", "b"], "default": "b"},
        {"name": "m", "type": "multiselect", "options": ["a", "b", "c"], "default": ["a", "c"]},
        {"name": "ta", "type": "textarea", "max_length": 2000},
        {"name": "c", "type": "checkbox", "required": True, "default": False},
        {"name": "utm_source", "type": "hidden", "default": "newsletter"},
        {"name": "d", "type": "date", "min": "2026-01-01", "max": "2026-12-31"},
        {"name": "u", "type": "url", "placeholder": "https://"},
    ],
)
def test_every_field_type_accepts_a_good_definition(field):
    config = validate_config({"name": "F", "fields": [field]})
    stored = config["fields"][0]
    assert stored["type"] == field["type"] and stored["name"] == field["name"]
    for key in ("min", "max", "max_length", "default", "options"):
        if key in field:
            assert stored[key] == field[key]


@pytest.mark.parametrize(
    "field, key, words",
    [
        ({"name": "s", "type": "select"}, "fields[0].options", "at least one option"),
        (
            {"name": "s", "type": "select", "options": ["a", "a"]},
            "fields[0].options",
            "repeated: a",
        ),
        (
            {"name": "s", "type": "select", "options": ["a"], "default": "z"},
            "fields[0].default",
            "one of the options",
        ),
        (
            {"name": "m", "type": "multiselect", "options": ["a"], "default": ["a", "q"]},
            "fields[0].default",
            "among",
        ),
        ({"name": "t", "type": "text", "regex": "([a-z"}, "fields[0].regex", "does not compile"),
        ({"name": "n", "type": "number", "min": "ten"}, "fields[0].min", "number"),
        ({"name": "n", "type": "number", "min": 5, "max": 1}, "fields[0].max", "below the minimum"),
        ({"name": "d", "type": "date", "max": "31/12/2026"}, "fields[0].max", "2026-01-31"),
        ({"name": "x", "type": "colour"}, "fields[0].type", "Unknown field type"),
        ({"name": "Bad Name", "type": "text"}, "fields[0].name", "not a valid field name"),
        ({"name": "_meta", "type": "text"}, "fields[0].name", "start with a letter"),
        ({"type": "text"}, "fields[0].name", "Give this field a name"),
        ({"name": "t", "type": "text", "max_length": 0}, "fields[0].max_length", "from 1"),
        (
            {"name": "c", "type": "checkbox", "required": "maybe"},
            "fields[0].required",
            "true or false",
        ),
    ],
)
def test_bad_field_definitions_name_the_field_and_the_fix(field, key, words):
    errors = errors_of({"name": "F", "fields": [field]})
    assert key in errors, errors
    assert words in errors[key]


def test_form_level_errors():
    errors = errors_of(
        {
            "name": "",
            "slug": "Not A Slug",
            "type": "weird",
            "flow_id": "teleport",
            "fields": [{"name": "email", "type": "email"}, {"name": "email", "type": "text"}],
            "field_mapping": {"email": "contact.shoe_size"},
            "agent": {"autonomy_level": "total", "allowed_actions": ["launch_rockets"]},
            "security": {
                "allowed_origins": ["https://ok.example", "ftp://x/y"],
                "honeypot_field": "email",
                "max_submissions_per_ip": 0,
            },
            "response": {"redirect_url": "javascript:alert(1)"},
            "assignment": {"type": "robot", "id": "x"},
        }
    )
    for key in (
        "name",
        "slug",
        "type",
        "flow_id",
        "fields[1].name",
        "agent.autonomy_level",
        "agent.allowed_actions",
        "security.allowed_origins[1]",
        "security.honeypot_field",
        "security.max_submissions_per_ip",
        "response.redirect_url",
        "assignment",
    ):
        assert key in errors, (key, errors)
    assert "launch_rockets" in errors["agent.allowed_actions"]
    assert "already named" in errors["fields[1].name"]


def test_mapping_rules():
    config = validate_config(
        {
            "name": "F",
            "fields": [{"name": "email", "type": "email"}, {"name": "role"}],
            "field_mapping": {"role": "contact.custom_fields.role", "gone": "contact.name"},
        }
    )
    assert config["field_mapping"] == {
        "email": "contact.email",
        "role": "contact.custom_fields.role",
    }
    errors = errors_of(
        {
            "name": "F",
            "fields": [{"name": "email", "type": "email"}, {"name": "mail2"}],
            "field_mapping": {"mail2": "contact.email"},
        }
    )
    assert "field_mapping.mail2" in errors and "map only one field" in errors["field_mapping.mail2"]


def test_coercions_from_html_forms():
    config = validate_config(
        {
            "name": "F",
            "autopilot": "on",
            "fields": [
                {"name": "n", "type": "number", "min": "1", "max": "9.5", "required": "on"},
                {"name": "s", "type": "select", "options": "a, b, c"},
            ],
            "security": {
                "max_submissions_per_ip": "20",
                "allowed_origins": ["HTTPS://Example.com/"],
            },
        }
    )
    assert config["autopilot"] is True
    assert (
        config["fields"][0]["min"] == 1
        and config["fields"][0]["max"] == 9.5
        and config["fields"][0]["required"]
    )
    assert config["fields"][1]["options"] == ["a", "b", "c"]
    assert config["security"]["max_submissions_per_ip"] == 20
    assert config["security"]["allowed_origins"] == ["https://example.com"]


def test_irrelevant_attributes_are_dropped_and_textarea_gets_a_cap():
    config = validate_config(
        {
            "name": "F",
            "fields": [
                {"name": "e", "type": "email", "options": ["x"], "min": 3},
                {"name": "t", "type": "textarea"},
            ],
        }
    )
    assert config["fields"][0]["options"] == [] and config["fields"][0]["min"] is None
    assert config["fields"][1]["max_length"] == 5000


def test_not_an_object():
    assert "config" in errors_of(["not", "a", "dict"])
    assert "fields" in errors_of({"name": "F", "fields": "email"})
