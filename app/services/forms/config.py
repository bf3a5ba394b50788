"""The form config model (SPEC §4): field types, defaults and definition checks.

A form config is a plain dict, the same shape the JSON API shows (SPEC §12)::

    {name, slug, description, status, type, flow_id, assignment: {type, id} | None,
     fields: [{name, type, label, placeholder, help, required, options, min, max,
               max_length, regex, default}],
     field_mapping: {field_name: "contact.email" | ... | "contact.custom_fields.<key>"},
     auto: {create_contact, create_company, confirmation_template, log_activity,
            notify_handler_ids, booking_url, sequence_id},
     agent: {instructions, autonomy_level, allowed_actions},
     security: {allowed_origins, honeypot_field, max_submissions_per_ip,
                max_submissions_per_email, duplicate_window_minutes, review_threshold,
                block_threshold, free_mail, blocked_words, challenge},
     response: {thank_you_message, redirect_url}, autopilot}

Field attribute meaning by type (what app/services/field_values.py enforces):
text: ``min`` = minimum length, ``max_length`` = maximum length, ``regex``;
textarea: ``max_length`` (default 5000); number: ``min``/``max`` numbers;
date: ``min``/``max`` ISO dates; select/multiselect: ``options`` (strings).
Attributes that do not apply to a type are dropped by ``normalize_config``.

``normalize_config`` never raises: it fills defaults and coerces what it can
(``"on"`` -> True, ``"10"`` -> 10). ``validate_config`` does the same and raises
``ValidationError(fields={"fields[2].options": "..."})`` when anything is wrong.
Submitted *values* are checked elsewhere (field_values.py).
"""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.services.accounts.workspaces import slugify
from app.services.forms.fields import (  # noqa: F401  (FIELD_TYPES & co. are re-exported)
    CHOICE_TYPES,
    FIELD_NAME_RE,
    FIELD_TYPE_LABELS,
    FIELD_TYPES,
    MAX_FIELDS,
    MAX_OPTIONS,
    TEXTAREA_DEFAULT_MAX,
    URL_RE,
    _bool,
    _choice,
    _Errors,
    _field,
    _fields,
    _int,
    _one_line,
    _str_list,
    _text,
    _url,
)
from app.services.forms.logic import LAYOUTS, normalize_logic
from app.services.forms.partials_config import check_partials
from app.services.forms.spam_settings import spam_settings
from app.services.forms.theme import check_theme
from app.services.forms.translations import check_translations
from app.services.mail import placeholders
from app.services.processing.flow_steps import CONFIRMATION_VARIABLES

FORM_STATUSES = ("draft", "active", "paused", "archived")
# A form's description, and the text a draft is generated from (page and API alike).
MAX_DESCRIPTION = 4000
FORM_TYPES = ("marketing", "sales", "support", "general")
FLOWS = (
    "email_marketing",
    "sales_lead",
    "support_triage",
    "booking_request",
    "direct_route",
    "notify_only",
)
AUTONOMY_LEVELS = ("notify_only", "draft", "semi_autonomous", "fully_autonomous")
ALLOWED_ACTIONS = (
    "qualify_lead",
    "send_email",
    "create_deal",
    "create_ticket",
    "book_meeting",
    "enroll_sequence",
    "escalate",
    "respond_direct",
)
# What an agent may do on a flow's submissions when the form's agent settings do not say.
FLOW_DEFAULT_ACTIONS = {
    "sales_lead": ("qualify_lead", "send_email", "create_deal", "book_meeting", "escalate"),
    "support_triage": ("create_ticket", "send_email", "respond_direct", "escalate"),
}
ASSIGNMENT_TYPES = ("handler", "group")
MAPPING_TARGETS = (
    "contact.email",
    "contact.name",
    "contact.first_name",
    "contact.last_name",
    "contact.phone",
    "company.name",
)
CUSTOM_FIELD_PREFIX = "contact.custom_fields."

# Field-name -> mapping target used when the config does not say otherwise.
DEFAULT_MAPPING = {
    "email": "contact.email",
    "email_address": "contact.email",
    "work_email": "contact.email",
    "name": "contact.name",
    "full_name": "contact.name",
    "your_name": "contact.name",
    "first_name": "contact.first_name",
    "last_name": "contact.last_name",
    "phone": "contact.phone",
    "phone_number": "contact.phone",
    "company": "company.name",
    "company_name": "company.name",
    "organization": "company.name",
}

DEFAULT_AUTO = {
    "create_contact": True,
    "create_company": True,
    "confirmation_template": "",
    "log_activity": True,
    "notify_handler_ids": [],
    "booking_url": "",
    "sequence_id": "",
    "double_opt_in": False,
}
DEFAULT_AGENT = {"instructions": "", "autonomy_level": "draft", "allowed_actions": ["qualify_lead"]}
DEFAULT_SECURITY = {
    "allowed_origins": [],
    "honeypot_field": "_hp",
    "max_submissions_per_ip": 10,
    "max_submissions_per_email": 5,
    "duplicate_window_minutes": 5,
}
DEFAULT_RESPONSE = {
    "thank_you_message": "Thank you! We have received your submission.",
    "redirect_url": "",
}

FORM_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HONEYPOT_RE = re.compile(r"^_?[a-z][a-z0-9_]{0,39}$")
ORIGIN_RE = re.compile(r"^https?://[a-z0-9.-]+(?::\d{1,5})?$")
CUSTOM_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
# -- settings blocks -----------------------------------------------------------


def _mapping(raw, fields: list, errors: _Errors) -> dict:
    names = {f["name"] for f in fields}
    if raw is not None and not isinstance(raw, dict):
        errors.add(
            "field_mapping", "The field mapping must be an object of field name -> property."
        )
        raw = {}
    raw = raw or {}
    mapping = {
        name: target
        for name, target in DEFAULT_MAPPING.items()
        if name in names and name not in raw
    }
    for name, target in raw.items():
        if name not in names or target in (None, ""):
            continue  # a mapping for a removed field is dropped, not an error
        if target not in MAPPING_TARGETS and not (
            isinstance(target, str)
            and target.startswith(CUSTOM_FIELD_PREFIX)
            and CUSTOM_KEY_RE.match(target[len(CUSTOM_FIELD_PREFIX) :])
        ):
            errors.add(
                f"field_mapping.{name}",
                f"Map to one of {', '.join(MAPPING_TARGETS)} or {CUSTOM_FIELD_PREFIX}<key>.",
            )
            continue
        mapping[name] = target
    owners = {}
    for name, target in mapping.items():
        if target in owners:
            errors.add(
                f"field_mapping.{name}",
                f"“{owners[target]}” already fills {target}; map only one field to it.",
            )
        owners.setdefault(target, name)
    return mapping


def _block(raw, key: str, errors: _Errors) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.add(key, "This must be an object.")
        return {}
    return raw


def _user_template(raw, key: str, errors: _Errors) -> str:
    """Text the owner writes for an email: {{placeholders}} only (SPEC §13)."""
    text = _text(raw, key, errors, limit=10000)
    problem = placeholders.problems(text, CONFIRMATION_VARIABLES)
    if problem:
        errors.add(key, problem)
    return text


def _auto(raw, errors: _Errors) -> dict:
    raw = _block(raw, "auto", errors)
    return {
        "create_contact": _bool(raw.get("create_contact"), "auto.create_contact", errors, True),
        "create_company": _bool(raw.get("create_company"), "auto.create_company", errors, True),
        "confirmation_template": _user_template(
            raw.get("confirmation_template"), "auto.confirmation_template", errors
        ),
        "log_activity": _bool(raw.get("log_activity"), "auto.log_activity", errors, True),
        "notify_handler_ids": _str_list(
            raw.get("notify_handler_ids"), "auto.notify_handler_ids", errors
        ),
        "booking_url": _url(raw.get("booking_url"), "auto.booking_url", errors),
        # The nurture sequence of an email_marketing form without a campaign (the
        # campaign's sequence wins); checked when the flow runs, as it may be deleted.
        "sequence_id": _text(raw.get("sequence_id"), "auto.sequence_id", errors, limit=40),
        # SPEC §19, email_marketing forms: hold the flow until the person confirms by email
        "double_opt_in": _bool(raw.get("double_opt_in"), "auto.double_opt_in", errors),
    }


def _agent(raw, errors: _Errors) -> dict:
    raw = _block(raw, "agent", errors)
    actions = raw.get("allowed_actions")
    actions = (
        list(DEFAULT_AGENT["allowed_actions"])
        if actions is None
        else _str_list(actions, "agent.allowed_actions", errors)
    )
    unknown = [a for a in actions if a not in ALLOWED_ACTIONS]
    if unknown:
        errors.add(
            "agent.allowed_actions",
            f"Unknown action(s) {', '.join(unknown)}; choose from {', '.join(ALLOWED_ACTIONS)}.",
        )
    return {
        "instructions": _text(raw.get("instructions"), "agent.instructions", errors, limit=4000),
        "autonomy_level": _choice(
            raw.get("autonomy_level"),
            "agent.autonomy_level",
            errors,
            AUTONOMY_LEVELS,
            DEFAULT_AGENT["autonomy_level"],
        ),
        "allowed_actions": [a for a in ALLOWED_ACTIONS if a in actions],
    }


def _origins(raw, errors: _Errors) -> list:
    origins = []
    for i, origin in enumerate(_str_list(raw, "security.allowed_origins", errors)):
        origin = origin.lower().rstrip("/")
        if not ORIGIN_RE.match(origin):
            errors.add(
                f"security.allowed_origins[{i}]",
                f"“{origin[:80]}” is not an origin; write it like "
                "https://www.example.com (no path).",
            )
        if origin not in origins:
            origins.append(origin)
    return origins


# The security numbers a form may set, with their bounds.
_SECURITY_LIMITS = (
    ("max_submissions_per_ip", 1, 100000),
    ("max_submissions_per_email", 1, 100000),
    ("duplicate_window_minutes", 0, 1440),
)


def _security(raw, fields: list, form_type, errors: _Errors) -> dict:
    raw = _block(raw, "security", errors)
    d = DEFAULT_SECURITY
    honeypot = (
        _text(raw.get("honeypot_field"), "security.honeypot_field", errors, limit=40)
        or d["honeypot_field"]
    )
    if not HONEYPOT_RE.match(honeypot):
        errors.add(
            "security.honeypot_field",
            "Use lowercase letters, digits and _ (an optional leading _).",
        )
    if honeypot in {f["name"] for f in fields}:
        errors.add(
            "security.honeypot_field",
            f"A visible field is already named “{honeypot}”; pick another honeypot name.",
        )
    return {
        "allowed_origins": _origins(raw.get("allowed_origins"), errors),
        "honeypot_field": honeypot,
        **{
            key: _int(raw.get(key), f"security.{key}", errors, default=d[key], lo=lo, hi=hi)
            for key, lo, hi in _SECURITY_LIMITS
        },
        **spam_settings(raw, form_type, errors),
    }


def _response(raw, errors: _Errors) -> dict:
    raw = _block(raw, "response", errors)
    message = _text(raw.get("thank_you_message"), "response.thank_you_message", errors, limit=2000)
    return {
        "thank_you_message": message or DEFAULT_RESPONSE["thank_you_message"],
        "redirect_url": _url(raw.get("redirect_url"), "response.redirect_url", errors),
    }


def _assignment(raw, errors: _Errors):
    if raw in (None, "", {}):
        return None
    if not isinstance(raw, dict) or raw.get("type") not in ASSIGNMENT_TYPES or not raw.get("id"):
        errors.add(
            "assignment", 'Assign to {"type": "handler" or "group", "id": ...}, or leave it empty.'
        )
        return None
    return {"type": raw["type"], "id": str(raw["id"])}


def _slug(raw: dict, name: str, errors: _Errors) -> str:
    slug = raw.get("slug")
    if slug in (None, ""):
        return slugify(name, "form")
    if not isinstance(slug, str) or not FORM_SLUG_RE.match(slug) or len(slug) > 60:
        errors.add(
            "slug",
            "Use lowercase letters, digits and single hyphens, like “demo-request” (up to 60).",
        )
        return slugify(str(slug), "form")
    return slug


# SPEC §17's config blocks. Placeholders that keep well-typed input as given; each is
# replaced by its real normalizer (translations, theme; partials: partials_config.py;
# steps and show_if: logic.py).


def _steps(raw, fields: list, errors: _Errors) -> list:
    """Steps and every show_if rule (forms/logic.py); the fields' rules in place."""
    return normalize_logic(raw, fields, errors)


def _layout(raw, errors: _Errors) -> str:
    return _choice(raw, "layout", errors, LAYOUTS, "standard")


def _translations(raw, fields: list, errors: _Errors) -> dict:
    return check_translations(raw, fields, errors)  # forms/translations.py


def _theme(raw, errors: _Errors) -> dict:
    return check_theme(raw, errors)  # forms/theme.py


def _check(raw) -> tuple[dict, _Errors]:
    errors = _Errors()
    if not isinstance(raw, dict):
        errors.add("config", "The form config must be a JSON object.")
        raw = {}
    name = _one_line(raw.get("name"), "name", errors, limit=120)
    if not name:
        errors.add("name", "Give the form a name.")
        name = "Untitled form"
    fields = _fields(raw.get("fields"), errors)
    config = {
        "name": name,
        "slug": _slug(raw, name, errors),
        "description": _text(raw.get("description"), "description", errors, limit=MAX_DESCRIPTION),
        "status": _choice(raw.get("status"), "status", errors, FORM_STATUSES, "draft"),
        "type": _choice(raw.get("type"), "type", errors, FORM_TYPES, "general"),
        "flow_id": _choice(raw.get("flow_id"), "flow_id", errors, FLOWS, "direct_route"),
        "assignment": _assignment(raw.get("assignment"), errors),
        "fields": fields,
        "field_mapping": _mapping(raw.get("field_mapping"), fields, errors),
        "auto": _auto(raw.get("auto"), errors),
        "agent": _agent(raw.get("agent"), errors),
        "security": _security(raw.get("security"), fields, raw.get("type"), errors),
        "response": _response(raw.get("response"), errors),
        "autopilot": _bool(raw.get("autopilot"), "autopilot", errors),
        "steps": _steps(raw.get("steps"), fields, errors),
        "layout": _layout(raw.get("layout"), errors),
        "translations": _translations(raw.get("translations"), fields, errors),
        "theme": _theme(raw.get("theme"), errors),
        "partials": check_partials(raw.get("partials"), errors),
    }
    return config, errors


def normalize_config(raw) -> dict:
    """The config with every default filled and harmless coercions applied; never raises."""
    return _check(raw)[0]


def validate_config(raw) -> dict:
    """The normalized config, or ValidationError with one actionable message per bad key."""
    config, errors = _check(raw)
    if errors:
        raise ValidationError(
            "The form definition needs fixing: "
            + "; ".join(f"{k}: {v}" for k, v in list(errors.items())[:3]),
            fields=dict(errors),
        )
    return config


def normalize_field(raw: dict, index: int = 0) -> tuple[dict, dict]:
    """One field normalized plus its errors keyed by attribute (for the editor)."""
    errors = _Errors()
    field = _field(raw, index, errors)
    prefix = f"fields[{index}]."
    return field, {k[len(prefix) :] if k.startswith(prefix) else k: v for k, v in errors.items()}
