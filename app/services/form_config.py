"""The form config model (SPEC §4): field types, defaults and definition checks.

A form config is a plain dict, the same shape the JSON API shows (SPEC §12)::

    {name, slug, description, status, type, flow_id, assignment: {type, id} | None,
     fields: [{name, type, label, placeholder, help, required, options, min, max,
               max_length, regex, default}],
     field_mapping: {field_name: "contact.email" | ... | "contact.custom_fields.<key>"},
     auto: {create_contact, create_company, confirmation_template, log_activity,
            notify_handler_ids, booking_url},
     agent: {instructions, autonomy_level, allowed_actions},
     security: {allowed_origins, honeypot_field, max_submissions_per_ip,
                max_submissions_per_email, duplicate_window_minutes},
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
from datetime import date

from app.services.errors import ValidationError
from app.services.workspaces import slugify

FIELD_TYPES = ("text", "email", "phone", "number", "select", "multiselect", "textarea", "checkbox", "hidden",
               "date", "url")
FORM_STATUSES = ("draft", "active", "paused", "archived")
FORM_TYPES = ("marketing", "sales", "support", "general")
FLOWS = ("email_marketing", "sales_lead", "support_triage", "booking_request", "direct_route", "notify_only")
AUTONOMY_LEVELS = ("notify_only", "draft", "semi_autonomous", "fully_autonomous")
ALLOWED_ACTIONS = ("qualify_lead", "send_email", "create_deal", "create_ticket", "book_meeting", "enroll_sequence",
                   "escalate", "respond_direct")
ASSIGNMENT_TYPES = ("handler", "group")
MAPPING_TARGETS = ("contact.email", "contact.name", "contact.first_name", "contact.last_name", "contact.phone",
                   "company.name")
CUSTOM_FIELD_PREFIX = "contact.custom_fields."

CHOICE_TYPES = ("select", "multiselect")
TEXTAREA_DEFAULT_MAX = 5000
MAX_FIELDS = 50
MAX_OPTIONS = 100

# Field-name -> mapping target used when the config does not say otherwise.
DEFAULT_MAPPING = {
    "email": "contact.email", "email_address": "contact.email", "work_email": "contact.email",
    "name": "contact.name", "full_name": "contact.name", "your_name": "contact.name",
    "first_name": "contact.first_name", "last_name": "contact.last_name",
    "phone": "contact.phone", "phone_number": "contact.phone",
    "company": "company.name", "company_name": "company.name", "organization": "company.name",
}

DEFAULT_AUTO = {"create_contact": True, "create_company": True, "confirmation_template": "", "log_activity": True,
                "notify_handler_ids": [], "booking_url": ""}
DEFAULT_AGENT = {"instructions": "", "autonomy_level": "draft", "allowed_actions": ["qualify_lead"]}
DEFAULT_SECURITY = {"allowed_origins": [], "honeypot_field": "_hp", "max_submissions_per_ip": 10,
                    "max_submissions_per_email": 5, "duplicate_window_minutes": 5}
DEFAULT_RESPONSE = {"thank_you_message": "Thank you! We have received your submission.", "redirect_url": ""}

FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
FORM_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HONEYPOT_RE = re.compile(r"^_?[a-z][a-z0-9_]{0,39}$")
ORIGIN_RE = re.compile(r"^https?://[a-z0-9.-]+(?::\d{1,5})?$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
CUSTOM_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
TRUE_WORDS = {"1", "true", "on", "yes", "y"}
FALSE_WORDS = {"0", "false", "off", "no", "n", ""}


class _Errors(dict):
    def add(self, key: str, message: str) -> None:
        self.setdefault(key, message)


# -- small coercions (never raise; report through errors) -------------------

def _bool(value, key: str, errors: _Errors, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    errors.add(key, "Use true or false.")
    return default


def _text(value, key: str, errors: _Errors, *, limit: int, default: str = "") -> str:
    if value is None:
        return default
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        errors.add(key, "Use plain text.")
        return default
    value = value.strip()
    if len(value) > limit:
        errors.add(key, f"Keep this under {limit} characters (it has {len(value)}).")
    return value


def _int(value, key: str, errors: _Errors, *, default, lo: int, hi: int):
    if value is None or value == "":
        return default
    try:
        number = int(str(value).strip()) if not isinstance(value, bool) else None
    except ValueError:
        number = None
    if number is None:
        errors.add(key, "Use a whole number.")
        return default
    if not lo <= number <= hi:
        errors.add(key, f"Use a number from {lo} to {hi}.")
    return number


def _number(value, key: str, errors: _Errors):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        errors.add(key, "Use a number.")
        return None
    if isinstance(value, int | float):
        return value
    try:
        text = str(value).strip()
        return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
    except ValueError:
        errors.add(key, "Use a number.")
        return None


def _iso_date(value, key: str, errors: _Errors):
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        errors.add(key, "Use a date like 2026-01-31.")
        return None


def _choice(value, key: str, errors: _Errors, allowed: tuple, default: str) -> str:
    if value is None or value == "":
        return default
    if value not in allowed:
        errors.add(key, f"Choose one of: {', '.join(allowed)}.")
        return default
    return value


def _str_list(value, key: str, errors: _Errors) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [part for part in re.split(r"[\n,]", value)]
    if not isinstance(value, list | tuple):
        errors.add(key, "Use a list of values.")
        return []
    out = []
    for item in value:
        if isinstance(item, dict):  # {"value": ..., "label": ...} from some generators
            item = item.get("value", item.get("label"))
        if isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            errors.add(key, "Every entry must be text.")
            continue
        if item.strip():
            out.append(item.strip())
    return out


def _url(value, key: str, errors: _Errors) -> str:
    text = _text(value, key, errors, limit=2000)
    if text and not URL_RE.match(text):
        errors.add(key, "Use a full http:// or https:// address.")
    return text


# -- fields ------------------------------------------------------------------

def _field_name(raw: dict, index: int, key: str, errors: _Errors) -> str:
    name = raw.get("name")
    if (name is None or name == "") and raw.get("label"):
        name = re.sub(r"[^a-z0-9]+", "_", str(raw["label"]).lower()).strip("_")[:50]
    if not isinstance(name, str) or not name:
        errors.add(f"{key}.name", "Give this field a name (lowercase letters, digits and _).")
        return f"field_{index + 1}"
    name = name.strip()
    if not FIELD_NAME_RE.match(name):
        errors.add(f"{key}.name", f"“{name[:60]}” is not a valid field name: start with a letter and use only "
                                  "lowercase letters, digits and _ (up to 50 characters).")
    return name


def _options(raw: dict, ftype: str, key: str, errors: _Errors) -> list:
    if ftype not in CHOICE_TYPES:
        return []
    options = _str_list(raw.get("options"), f"{key}.options", errors)
    if not options:
        errors.add(f"{key}.options", f"A {ftype} field needs at least one option.")
    elif len(options) > MAX_OPTIONS:
        errors.add(f"{key}.options", f"Use at most {MAX_OPTIONS} options.")
    duplicates = sorted({o for o in options if options.count(o) > 1})
    if duplicates:
        errors.add(f"{key}.options", f"Each option must be different; repeated: {', '.join(duplicates)}.")
    for option in options:
        if len(option) > 200:
            errors.add(f"{key}.options", "Keep each option under 200 characters.")
    return options


def _bounds(raw: dict, ftype: str, key: str, errors: _Errors) -> tuple:
    """(min, max, max_length) for the type; attributes that do not apply are dropped."""
    lo = hi = max_length = None
    if ftype == "number":
        lo, hi = _number(raw.get("min"), f"{key}.min", errors), _number(raw.get("max"), f"{key}.max", errors)
    elif ftype == "date":
        lo, hi = _iso_date(raw.get("min"), f"{key}.min", errors), _iso_date(raw.get("max"), f"{key}.max", errors)
    elif ftype in ("text", "textarea"):
        cap = 10000 if ftype == "text" else 50000
        lo = _int(raw.get("min"), f"{key}.min", errors, default=None, lo=0, hi=cap)
        fallback = raw.get("max") if raw.get("max_length") in (None, "") else raw.get("max_length")
        default = TEXTAREA_DEFAULT_MAX if ftype == "textarea" else None
        max_length = _int(fallback, f"{key}.max_length", errors, default=default, lo=1, hi=cap)
    if lo is not None and hi is not None and lo > hi:
        errors.add(f"{key}.max", "The maximum must not be below the minimum.")
    if lo is not None and max_length is not None and lo > max_length:
        errors.add(f"{key}.max_length", "The maximum length must not be below the minimum length.")
    return lo, hi, max_length


def _regex(raw: dict, ftype: str, key: str, errors: _Errors):
    if ftype != "text" or raw.get("regex") in (None, ""):
        return None
    pattern = _text(raw.get("regex"), f"{key}.regex", errors, limit=500)
    try:
        re.compile(pattern)
    except re.error as exc:
        errors.add(f"{key}.regex", f"This pattern does not compile: {exc}.")
    return pattern


def _default(raw: dict, field: dict, key: str, errors: _Errors):
    value, ftype = raw.get("default"), field["type"]
    if value is None or value == "" or value == []:
        return None
    if ftype == "checkbox":
        return _bool(value, f"{key}.default", errors)
    if ftype == "number":
        return _number(value, f"{key}.default", errors)
    if ftype == "multiselect":
        chosen = _str_list(value, f"{key}.default", errors)
        if any(c not in field["options"] for c in chosen):
            errors.add(f"{key}.default", "The default must be among the options.")
        return chosen
    text = _text(value, f"{key}.default", errors, limit=1000)
    if ftype == "select" and text not in field["options"]:
        errors.add(f"{key}.default", "The default must be one of the options.")
    return text


def _field(raw, index: int, errors: _Errors) -> dict:
    key = f"fields[{index}]"
    if not isinstance(raw, dict):
        errors.add(key, "Each field must be an object with at least a name and a type.")
        raw = {}
    ftype = raw.get("type") or "text"
    if ftype not in FIELD_TYPES:
        errors.add(f"{key}.type", f"Unknown field type “{str(ftype)[:40]}”; use one of: {', '.join(FIELD_TYPES)}.")
        ftype = "text"
    name = _field_name(raw, index, key, errors)
    label = _text(raw.get("label"), f"{key}.label", errors, limit=200)
    if not label and ftype != "hidden":
        label = name.replace("_", " ").capitalize()
    field = {"name": name, "type": ftype, "label": label,
             "placeholder": _text(raw.get("placeholder"), f"{key}.placeholder", errors, limit=200),
             "help": _text(raw.get("help"), f"{key}.help", errors, limit=500),
             "required": _bool(raw.get("required"), f"{key}.required", errors),
             "options": _options(raw, ftype, key, errors)}
    field["min"], field["max"], field["max_length"] = _bounds(raw, ftype, key, errors)
    field["regex"] = _regex(raw, ftype, key, errors)
    field["default"] = _default(raw, field, key, errors)
    return field


def _fields(raw, errors: _Errors) -> list:
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        errors.add("fields", "Fields must be a list.")
        return []
    if len(raw) > MAX_FIELDS:
        errors.add("fields", f"A form can have at most {MAX_FIELDS} fields.")
    fields = [_field(item, i, errors) for i, item in enumerate(raw[:MAX_FIELDS])]
    seen = {}
    for i, field in enumerate(fields):
        if field["name"] in seen:
            errors.add(f"fields[{i}].name", f"Another field (#{seen[field['name']] + 1}) is already named "
                                            f"“{field['name']}”; field names must be unique.")
        seen.setdefault(field["name"], i)
    return fields


# -- settings blocks -----------------------------------------------------------

def _mapping(raw, fields: list, errors: _Errors) -> dict:
    names = {f["name"] for f in fields}
    if raw is not None and not isinstance(raw, dict):
        errors.add("field_mapping", "The field mapping must be an object of field name -> property.")
        raw = {}
    raw = raw or {}
    mapping = {name: target for name, target in DEFAULT_MAPPING.items() if name in names and name not in raw}
    for name, target in raw.items():
        if name not in names or target in (None, ""):
            continue  # a mapping for a removed field is dropped, not an error
        if target not in MAPPING_TARGETS and not (
                isinstance(target, str) and target.startswith(CUSTOM_FIELD_PREFIX)
                and CUSTOM_KEY_RE.match(target[len(CUSTOM_FIELD_PREFIX):])):
            errors.add(f"field_mapping.{name}", f"Map to one of {', '.join(MAPPING_TARGETS)} or "
                                                 f"{CUSTOM_FIELD_PREFIX}<key>.")
            continue
        mapping[name] = target
    owners = {}
    for name, target in mapping.items():
        if target in owners:
            errors.add(f"field_mapping.{name}", f"“{owners[target]}” already fills {target}; map only one field "
                                                 "to it.")
        owners.setdefault(target, name)
    return mapping


def _block(raw, key: str, errors: _Errors) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.add(key, "This must be an object.")
        return {}
    return raw


def _auto(raw, errors: _Errors) -> dict:
    raw = _block(raw, "auto", errors)
    return {
        "create_contact": _bool(raw.get("create_contact"), "auto.create_contact", errors, True),
        "create_company": _bool(raw.get("create_company"), "auto.create_company", errors, True),
        "confirmation_template": _text(raw.get("confirmation_template"), "auto.confirmation_template", errors,
                                       limit=10000),
        "log_activity": _bool(raw.get("log_activity"), "auto.log_activity", errors, True),
        "notify_handler_ids": _str_list(raw.get("notify_handler_ids"), "auto.notify_handler_ids", errors),
        "booking_url": _url(raw.get("booking_url"), "auto.booking_url", errors),
    }


def _agent(raw, errors: _Errors) -> dict:
    raw = _block(raw, "agent", errors)
    actions = raw.get("allowed_actions")
    actions = list(DEFAULT_AGENT["allowed_actions"]) if actions is None else _str_list(
        actions, "agent.allowed_actions", errors)
    unknown = [a for a in actions if a not in ALLOWED_ACTIONS]
    if unknown:
        errors.add("agent.allowed_actions", f"Unknown action(s) {', '.join(unknown)}; choose from "
                                            f"{', '.join(ALLOWED_ACTIONS)}.")
    return {
        "instructions": _text(raw.get("instructions"), "agent.instructions", errors, limit=4000),
        "autonomy_level": _choice(raw.get("autonomy_level"), "agent.autonomy_level", errors, AUTONOMY_LEVELS,
                                  DEFAULT_AGENT["autonomy_level"]),
        "allowed_actions": [a for a in ALLOWED_ACTIONS if a in actions],
    }


def _origins(raw, errors: _Errors) -> list:
    origins = []
    for i, origin in enumerate(_str_list(raw, "security.allowed_origins", errors)):
        origin = origin.lower().rstrip("/")
        if not ORIGIN_RE.match(origin):
            errors.add(f"security.allowed_origins[{i}]", f"“{origin[:80]}” is not an origin; write it like "
                                                         "https://www.example.com (no path).")
        if origin not in origins:
            origins.append(origin)
    return origins


def _security(raw, fields: list, errors: _Errors) -> dict:
    raw = _block(raw, "security", errors)
    d = DEFAULT_SECURITY
    honeypot = _text(raw.get("honeypot_field"), "security.honeypot_field", errors, limit=40) or d["honeypot_field"]
    if not HONEYPOT_RE.match(honeypot):
        errors.add("security.honeypot_field", "Use lowercase letters, digits and _ (an optional leading _).")
    if honeypot in {f["name"] for f in fields}:
        errors.add("security.honeypot_field", f"A visible field is already named “{honeypot}”; pick another "
                                              "honeypot name.")
    return {
        "allowed_origins": _origins(raw.get("allowed_origins"), errors),
        "honeypot_field": honeypot,
        "max_submissions_per_ip": _int(raw.get("max_submissions_per_ip"), "security.max_submissions_per_ip", errors,
                                       default=d["max_submissions_per_ip"], lo=1, hi=100000),
        "max_submissions_per_email": _int(raw.get("max_submissions_per_email"), "security.max_submissions_per_email",
                                          errors, default=d["max_submissions_per_email"], lo=1, hi=100000),
        "duplicate_window_minutes": _int(raw.get("duplicate_window_minutes"), "security.duplicate_window_minutes",
                                         errors, default=d["duplicate_window_minutes"], lo=0, hi=1440),
    }


def _response(raw, errors: _Errors) -> dict:
    raw = _block(raw, "response", errors)
    message = _text(raw.get("thank_you_message"), "response.thank_you_message", errors, limit=2000)
    return {"thank_you_message": message or DEFAULT_RESPONSE["thank_you_message"],
            "redirect_url": _url(raw.get("redirect_url"), "response.redirect_url", errors)}


def _assignment(raw, errors: _Errors):
    if raw in (None, "", {}):
        return None
    if not isinstance(raw, dict) or raw.get("type") not in ASSIGNMENT_TYPES or not raw.get("id"):
        errors.add("assignment", "Assign to {\"type\": \"handler\" or \"group\", \"id\": ...}, or leave it empty.")
        return None
    return {"type": raw["type"], "id": str(raw["id"])}


def _slug(raw: dict, name: str, errors: _Errors) -> str:
    slug = raw.get("slug")
    if slug in (None, ""):
        return slugify(name, "form")
    if not isinstance(slug, str) or not FORM_SLUG_RE.match(slug) or len(slug) > 60:
        errors.add("slug", "Use lowercase letters, digits and single hyphens, like “demo-request” (up to 60).")
        return slugify(str(slug), "form")
    return slug


def _check(raw) -> tuple[dict, _Errors]:
    errors = _Errors()
    if not isinstance(raw, dict):
        errors.add("config", "The form config must be a JSON object.")
        raw = {}
    name = _text(raw.get("name"), "name", errors, limit=120)
    if not name:
        errors.add("name", "Give the form a name.")
        name = "Untitled form"
    fields = _fields(raw.get("fields"), errors)
    config = {
        "name": name,
        "slug": _slug(raw, name, errors),
        "description": _text(raw.get("description"), "description", errors, limit=4000),
        "status": _choice(raw.get("status"), "status", errors, FORM_STATUSES, "draft"),
        "type": _choice(raw.get("type"), "type", errors, FORM_TYPES, "general"),
        "flow_id": _choice(raw.get("flow_id"), "flow_id", errors, FLOWS, "direct_route"),
        "assignment": _assignment(raw.get("assignment"), errors),
        "fields": fields,
        "field_mapping": _mapping(raw.get("field_mapping"), fields, errors),
        "auto": _auto(raw.get("auto"), errors),
        "agent": _agent(raw.get("agent"), errors),
        "security": _security(raw.get("security"), fields, errors),
        "response": _response(raw.get("response"), errors),
        "autopilot": _bool(raw.get("autopilot"), "autopilot", errors),
    }
    return config, errors


def normalize_config(raw) -> dict:
    """The config with every default filled and harmless coercions applied; never raises."""
    return _check(raw)[0]


def validate_config(raw) -> dict:
    """The normalized config, or ValidationError with one actionable message per bad key."""
    config, errors = _check(raw)
    if errors:
        raise ValidationError("The form definition needs fixing: " + "; ".join(
            f"{k}: {v}" for k, v in list(errors.items())[:3]), fields=dict(errors))
    return config


def normalize_field(raw: dict, index: int = 0) -> tuple[dict, dict]:
    """One field normalized plus its errors keyed by attribute (for the editor)."""
    errors = _Errors()
    field = _field(raw, index, errors)
    prefix = f"fields[{index}]."
    return field, {k[len(prefix):] if k.startswith(prefix) else k: v for k, v in errors.items()}
