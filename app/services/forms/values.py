"""Server-side checks of submitted VALUES (SPEC §4 table, §13 limits).

``clean_values(fields, raw)`` returns ``(data, errors)``: data holds the
accepted values keyed by field name (unknown keys dropped, values stored as
given, trimmed only for emptiness checks); errors holds one message per field
a person can act on. Form definitions are checked in form_config.py.
"""

from __future__ import annotations

import math
import re
from datetime import date
from urllib.parse import urlsplit

from app.services.forms import messages
from app.services.forms.config import TEXTAREA_DEFAULT_MAX
from app.services.forms.fields import FALSE_WORDS, MAX_NUMBER
from app.services.forms.fields import TRUE_WORDS as CONFIG_TRUE_WORDS
from app.services.forms.file_fields import tokens_of
from app.services.forms.patterns import full_match

MAX_VALUE_CHARS = 10_000
EMAIL_RE = re.compile(
    r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
PHONE_CHARS_RE = re.compile(r"^[0-9 +\-().]+$")
TRUE_WORDS = CONFIG_TRUE_WORDS | {"checked"}  # a browser's checkbox value, too


class _Invalid(Exception):
    """One field's problem: a message key of messages.CATALOGUE and its parameters,
    rendered in the visitor's locale next to the field."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, locale: str = messages.DEFAULT) -> str:
        if self.key not in messages.CATALOGUE:  # a literal message (English only)
            return self.key
        return messages.render(self.key, locale, **self.params)


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _as_text(value) -> str:
    if type(value) is str:  # the usual case, before the checks a str subclass needs
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Invalid("plain_text")
    return value if isinstance(value, str) else str(value)


def _limit(field: dict) -> int:
    if field["type"] == "textarea":
        return max(MAX_VALUE_CHARS, field.get("max_length") or TEXTAREA_DEFAULT_MAX)
    return MAX_VALUE_CHARS


def _text(field: dict, value):
    text = _as_text(value)
    length = len(text.strip())
    if field.get("min") and length < field["min"]:
        raise _Invalid("min_length", min=field["min"])
    if field.get("max_length") and len(text) > field["max_length"]:
        raise _Invalid("max_length", max=field["max_length"], count=len(text))
    if field.get("regex"):
        if not full_match(field["regex"], text.strip()):
            raise _Invalid("format")
    return text


def _textarea(field: dict, value):
    text = _as_text(value)
    maximum = field.get("max_length") or TEXTAREA_DEFAULT_MAX
    if len(text) > maximum:
        raise _Invalid("max_length", max=maximum, count=len(text))
    return text


def _email(field: dict, value):
    text = _as_text(value).strip()
    if len(text) > 254 or not EMAIL_RE.match(text) or ".." in text:
        raise _Invalid("email")
    return text


def _phone(field: dict, value):
    text = _as_text(value).strip()
    digits = sum(ch.isdigit() for ch in text)
    if not PHONE_CHARS_RE.match(text) or not 6 <= digits <= 20:
        raise _Invalid("phone")
    return text


def _number(field: dict, value):
    if isinstance(value, bool):
        raise _Invalid("number")
    if isinstance(value, int | float):
        number = value
    else:
        text = _as_text(value).strip().replace(",", ".") if isinstance(value, str) else ""
        try:
            number = int(text) if re.fullmatch(r"[+-]?\d{1,30}", text) else float(text)
        except ValueError:
            raise _Invalid("number") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise _Invalid("number")
    if abs(number) > MAX_NUMBER:  # 400 nines would crash whatever reads it later
        raise _Invalid("number_range", min=-MAX_NUMBER, max=MAX_NUMBER)
    if field.get("min") is not None and number < field["min"]:
        raise _Invalid("number_min", min=field["min"])
    if field.get("max") is not None and number > field["max"]:
        raise _Invalid("number_max", max=field["max"])
    return number


def _select(field: dict, value):
    text = _as_text(value)
    if text not in field.get("options", []):
        raise _Invalid("option")
    return text


def _multiselect(field: dict, value):
    values = value if isinstance(value, list) else [value]
    chosen = [_as_text(v) for v in values if not _is_empty(v)]
    bad = [v for v in chosen if v not in field.get("options", [])]
    if bad:
        raise _Invalid("options", value=bad[0][:60])
    return list(dict.fromkeys(chosen))


def _checkbox(field: dict, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    raise _Invalid("checkbox")


def _hidden(field: dict, value):
    return value if isinstance(value, str | int | float | bool) else _as_text(value)


def _date(field: dict, value):
    text = _as_text(value).strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise _Invalid("date") from None
    if field.get("min") and day.isoformat() < field["min"]:
        raise _Invalid("date_min", min=field["min"])
    if field.get("max") and day.isoformat() > field["max"]:
        raise _Invalid("date_max", max=field["max"])
    return day.isoformat()


def _url(field: dict, value):
    text = _as_text(value).strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or " " in text
    ):
        raise _Invalid("url")
    return text


def _file(field: dict, value):
    """The upload tokens (SPEC §17); capture checks each against the uploads table."""
    try:
        tokens = tokens_of(value)
    except ValueError as exc:
        raise _Invalid(str(exc)) from None
    if len(tokens) > field["max_files"]:
        raise _Invalid("max_files", max=field["max_files"])
    return tokens


CHECKS = {
    "text": _text,
    "email": _email,
    "phone": _phone,
    "number": _number,
    "select": _select,
    "multiselect": _multiselect,
    "textarea": _textarea,
    "checkbox": _checkbox,
    "hidden": _hidden,
    "date": _date,
    "url": _url,
    "file": _file,
}


def _too_long(field: dict, value) -> bool:
    if isinstance(value, str):  # no limit is below MAX_VALUE_CHARS: most values stop here
        return len(value) > MAX_VALUE_CHARS and len(value) > _limit(field)
    limit = _limit(field)
    if isinstance(value, list):
        return any(isinstance(v, str) and len(v) > limit for v in value)
    return False


def check_value(field: dict, value):
    """The accepted value of one field, or raise _Invalid with its message."""
    if _too_long(field, value):
        raise _Invalid("too_long", limit=_limit(field))
    if field["type"] in ("checkbox", "consent"):
        ticked = _checkbox(field, value) if value is not None else False
        if field.get("required") and not ticked:
            raise _Invalid("tick_required")
        return ticked
    if _is_empty(value):
        if field.get("required"):
            raise _Invalid("required", label=field.get("label") or field["name"])
        return None
    if isinstance(value, list) and field["type"] not in ("multiselect", "file"):
        if len(value) != 1:
            raise _Invalid("one_value")
        value = value[0]
    return CHECKS[field["type"]](field, value)


def clean_values(fields: list[dict], raw: dict, locale: str = "en") -> tuple[dict, dict]:
    """Validate every field of the form against ``raw``; unknown keys are dropped. The
    messages are in ``locale`` (a built-in one: messages.message_locale)."""
    data, errors = {}, {}
    for field in fields:
        try:
            value = check_value(field, raw.get(field["name"]))
        except _Invalid as problem:
            errors[field["name"]] = problem.message(locale)
            continue
        if value is not None and value != []:
            data[field["name"]] = value
    return data, errors
