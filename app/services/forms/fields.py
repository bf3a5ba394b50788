"""Field definitions of a form config (SPEC §4 table): the 11 types and the
checks on each field's attributes, plus the small coercions the whole config
uses. Split from form_config.py, which re-exports the public names."""

from __future__ import annotations

import math
import re
from datetime import date

from app.services.accounts.workspaces import has_control_chars
from app.services.forms.consent_field import CONSENT_TYPE, consent_extras, label_limit
from app.services.forms.file_fields import file_config
from app.services.forms.patterns import MAX_PATTERN_CHARS, PatternError, compile_pattern

FIELD_TYPES = (
    "text",
    "email",
    "phone",
    "number",
    "select",
    "multiselect",
    "textarea",
    "checkbox",
    "hidden",
    "date",
    "url",
    CONSENT_TYPE,
    "file",
)
# What a marketer reads for each type on the draft, the field list and the type picker.
FIELD_TYPE_LABELS = {
    "text": "Short text",
    "email": "Email",
    "phone": "Phone",
    "number": "Number",
    "select": "Dropdown",
    "multiselect": "Multiple choice",
    "textarea": "Long text",
    "checkbox": "Checkbox",
    "hidden": "Hidden",
    "date": "Date",
    "url": "Link",
    CONSENT_TYPE: "Consent",
    "file": "File upload",
}
CHOICE_TYPES = ("select", "multiselect")
TEXTAREA_DEFAULT_MAX = 5000
MAX_FIELDS = 50
MAX_OPTIONS = 100
MAX_NUMBER = 10**12  # SPEC §13's sane range for numbers in configs and submitted data

FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
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


def _one_line(value, key: str, errors: _Errors, *, limit: int) -> str:
    """Text shown in one line elsewhere (a form name becomes an email subject): a CR/LF
    there made every confirmation email unsendable, so control characters are refused."""
    text = _text(value, key, errors, limit=limit)
    if has_control_chars(text):
        errors.add(key, "Remove line breaks, tabs and other control characters from this text.")
    return text


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
    """A finite number within ±MAX_NUMBER: "nan" would be stored, then break every
    JSON answer that shows the form (SPEC §13: numbers must be finite)."""
    if value is None or value == "":
        return None
    number = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            number = int(text) if re.fullmatch(r"-?\d{1,30}", text) else float(text)
        except ValueError:
            number = None
    if number is None or (isinstance(number, float) and not math.isfinite(number)):
        errors.add(key, "Use a number (not NaN or Infinity).")
        return None
    if abs(number) > MAX_NUMBER:
        errors.add(key, f"Use a number between -{MAX_NUMBER:,} and {MAX_NUMBER:,}.")
        return None
    return number


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
        errors.add(
            f"{key}.name",
            f"“{name[:60]}” is not a valid field name: start with a letter and use only "
            "lowercase letters, digits and _ (up to 50 characters).",
        )
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
        errors.add(
            f"{key}.options", f"Each option must be different; repeated: {', '.join(duplicates)}."
        )
    for option in options:
        if len(option) > 200:
            errors.add(f"{key}.options", "Keep each option under 200 characters.")
    return options


def _bounds(raw: dict, ftype: str, key: str, errors: _Errors) -> tuple:
    """(min, max, max_length) for the type; attributes that do not apply are dropped."""
    lo = hi = max_length = None
    if ftype == "number":
        lo, hi = (
            _number(raw.get("min"), f"{key}.min", errors),
            _number(raw.get("max"), f"{key}.max", errors),
        )
    elif ftype == "date":
        lo, hi = (
            _iso_date(raw.get("min"), f"{key}.min", errors),
            _iso_date(raw.get("max"), f"{key}.max", errors),
        )
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
    pattern = _text(raw.get("regex"), f"{key}.regex", errors, limit=MAX_PATTERN_CHARS)
    try:
        compile_pattern(pattern)
    except PatternError as exc:
        errors.add(f"{key}.regex", str(exc))
    return pattern


def _default(raw: dict, field: dict, key: str, errors: _Errors):
    value, ftype = raw.get("default"), field["type"]
    if value is None or value == "" or value == []:
        return None
    if ftype in ("checkbox", CONSENT_TYPE):
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
        errors.add(
            f"{key}.type",
            f"Unknown field type “{str(ftype)[:40]}”; use one of: {', '.join(FIELD_TYPES)}.",
        )
        ftype = "text"
    name = _field_name(raw, index, key, errors)
    label = _text(raw.get("label"), f"{key}.label", errors, limit=label_limit(ftype, 200))
    if not label and ftype != "hidden":
        label = name.replace("_", " ").capitalize()
    field = {
        "name": name,
        "type": ftype,
        "label": label,
        "placeholder": _text(raw.get("placeholder"), f"{key}.placeholder", errors, limit=200),
        "help": _text(raw.get("help"), f"{key}.help", errors, limit=500),
        "required": _bool(raw.get("required"), f"{key}.required", errors),
        "options": _options(raw, ftype, key, errors),
    }
    field["min"], field["max"], field["max_length"] = _bounds(raw, ftype, key, errors)
    field["regex"] = _regex(raw, ftype, key, errors)
    field["default"] = _default(raw, field, key, errors)
    field.update(consent_extras(raw, ftype, key, errors))
    if ftype == "file":  # SPEC §17: accept, max_size_mb, max_files
        field.update(file_config(raw, key, errors, _int), default=None)
    if raw.get("show_if") not in (None, {}, ""):  # checked against the others in forms/logic.py
        field["show_if"] = raw["show_if"]
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
            errors.add(
                f"fields[{i}].name",
                f"Another field (#{seen[field['name']] + 1}) is already named "
                f"“{field['name']}”; field names must be unique.",
            )
        seen.setdefault(field["name"], i)
    return fields
