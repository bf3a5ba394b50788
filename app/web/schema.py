"""Request bodies of the JSON API: one declared schema per route, used twice —
published in OpenAPI (web/openapi.py) and enforced by ``validate_body`` when the
endpoint reads its body (web/api.py ``read_json``) — so the docs and the server
agree by construction.

The schemas are plain dicts in a JSON Schema subset: ``type`` (one or a list),
``enum``, ``properties``, ``required``, ``additionalProperties``, ``items``,
``minItems``/``maxItems``, ``minLength``/``maxLength``, ``pattern`` (searched, as
JSON Schema does), ``minimum``/``maximum``, ``format`` (email, date, date-time),
``anyOf``, and ``readOnly``. Build them with the helpers below so every number
carries its bounds and every id is a string. ``x-message`` replaces the wording
of any failure at a node; ``x-messages`` {minLength, maxLength} the wording of
one, so a rule the pages share (app/services) answers the same words here. A hand-written validator rather
than the ``jsonschema`` package: each failure has to become one message a person
can act on, keyed by the field's path (``members[0].handler_id``), and the
subset is small.

PUT bodies are the resource as its GET returns it (SPEC §12): a key sent with
its current value is a no-op and dropped before validation, a changed
``readOnly`` key is a 422 naming it, and a key marked ``x-computed`` (counters,
heartbeats, ``updated_at``: values that move on their own) is ignored whatever
its value.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime

from app.errors import ValidationError

# I-JSON (RFC 7493): integers beyond ±(2**53 - 1) lose precision in most clients;
# this bounds numbers inside free-form objects (custom fields, action details).
MAX_SAFE_NUMBER = 2**53 - 1
MIN_YEAR, MAX_YEAR = 1900, 9998  # 9999-12-31T23:00-05:00 overflows when moved to UTC
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NOT_BLANK = r"\S"
SINGLE_LINE = r"^[^\x00-\x1f\x7f]*$"
SINGLE_LINE_NOT_BLANK = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
_PATTERN_MESSAGES = {
    NOT_BLANK: "Must not be empty.",
    SINGLE_LINE: "Use a single line without control characters.",
    SINGLE_LINE_NOT_BLANK: "Use a single line without control characters.",
}

_KIND_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}


# -- builders -------------------------------------------------------------------
def _nullable(schema: dict, nullable: bool) -> dict:
    if nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def text(
    *,
    max_length: int | None = None,
    min_length=0,
    non_empty=False,
    single_line=False,
    nullable=False,
    **extra,
) -> dict:
    """A string; ``non_empty`` also refuses whitespace only (the server strips it),
    ``single_line`` refuses line breaks and control characters (names that reach
    email headers)."""
    schema = {"type": "string", **extra}
    if min_length:
        schema["minLength"] = min_length
    if non_empty:
        schema.update(minLength=max(1, min_length), pattern=NOT_BLANK)
    if single_line:
        schema["pattern"] = SINGLE_LINE_NOT_BLANK if non_empty else SINGLE_LINE
    if max_length is not None:
        schema["maxLength"] = max_length
    return _nullable(schema, nullable)


def id_of(prefix: str, *, nullable=False, **extra) -> dict:
    """An id: always a string (an object or list here is a 422, never a lookup)."""
    schema = {
        "type": "string",
        "minLength": 1,
        "maxLength": 64,
        "description": f"a `{prefix}_…` id",
        **extra,
    }
    return _nullable(schema, nullable)


def integer(minimum: int, maximum: int, *, nullable=False, **extra) -> dict:
    return _nullable({"type": "integer", "minimum": minimum, "maximum": maximum, **extra}, nullable)


def number(minimum: float, maximum: float, *, nullable=False, **extra) -> dict:
    return _nullable({"type": "number", "minimum": minimum, "maximum": maximum, **extra}, nullable)


def boolean(**extra) -> dict:
    return {"type": "boolean", **extra}


def choice(values, *, nullable=False, **extra) -> dict:
    values = list(values)
    return {"enum": values + [None] if nullable else values, **extra}


def email(*, nullable=False, **extra) -> dict:
    return _nullable({"type": "string", "format": "email", "maxLength": 254, **extra}, nullable)


def timestamp(*, nullable=False, date_only_too=False, **extra) -> dict:
    """An ISO-8601 date-time (``date_only_too``: or a plain date, read as midnight UTC)."""
    if date_only_too:
        schema = {
            "anyOf": [
                {"type": "string", "format": "date-time"},
                {"type": "string", "format": "date"},
            ]
        }
        if nullable:
            schema["anyOf"].append({"type": "null"})
        return {**schema, **extra}
    return _nullable({"type": "string", "format": "date-time", **extra}, nullable)


def array(items: dict, *, min_items: int = 0, max_items: int = 200, **extra) -> dict:
    schema = {"type": "array", "items": items, "maxItems": max_items, **extra}
    if min_items:
        schema["minItems"] = min_items
    return schema


def obj(properties: dict, *, required=(), extra=False, nullable=False, **more) -> dict:
    """An object of declared keys; ``extra=True`` for a free-form map (any JSON values)."""
    schema = {"type": "object", "properties": properties, "additionalProperties": extra, **more}
    if required:
        schema["required"] = list(required)
    return _nullable(schema, nullable)


def free(**extra) -> dict:
    """Any JSON value (numbers still finite and within ±2**53)."""
    return dict(extra)


def read_only(schema: dict | None = None, *, computed=False) -> dict:
    """A key the server sets: ``computed`` ones move on their own and are ignored on write."""
    marked = {**(schema or {}), "readOnly": True}
    if computed:
        marked["x-computed"] = True
    return marked


def read_only_keys(*names: str, computed=False) -> dict:
    """Several server-set keys at once (their shape is the GET answer's)."""
    return {name: read_only(computed=computed) for name in names}


# -- validation -------------------------------------------------------------------
def validate_body(schema: dict, body: dict, current: dict | None = None) -> dict:
    """``body`` checked against ``schema``; returns it without the no-op and
    server-set keys. ``current`` is the resource as its GET returns it (for PUT)."""
    errors: dict[str, str] = {}
    props = schema.get("properties", {})
    kept = {}
    for key, value in body.items():
        spec = props.get(key)
        if spec is None:
            continue  # reported by _check below as an unknown field
        if spec.get("x-computed"):
            continue
        if current is not None and key in current and _same(current[key], value):
            continue  # sent back unchanged: nothing to do
        if spec.get("readOnly"):
            errors[key] = (
                "Read-only: the server sets it; send it back unchanged or leave it out."
                if current is not None
                else "Read-only: the server sets it; leave it out."
            )
            continue
        kept[key] = value
    unknown = {k: v for k, v in body.items() if k not in props}
    _check(
        {**schema, "required": _required(schema, body, current)}, {**kept, **unknown}, "", errors
    )
    if errors:
        first = "; ".join(f"{k}: {v}" for k, v in list(errors.items())[:3])
        raise ValidationError(f"Some values need fixing: {first}", fields=errors)
    return {**kept, **unknown}  # unknown keys remain only where the schema allows extras


def _same(current, sent) -> bool:
    """Equal as JSON values: ``1`` is not ``true`` (Python says it is)."""
    return current == sent and isinstance(current, bool) == isinstance(sent, bool)


def _required(schema: dict, body: dict, current) -> list:
    """Required keys; on a PUT a required key already holding a value may be left out."""
    required = schema.get("required", [])
    if current is None:
        return required
    return [k for k in required if k not in body and current.get(k) is None]


def _types(schema: dict) -> list:
    kind = schema.get("type")
    return [kind] if isinstance(kind, str) else list(kind or [])


def _is(value, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    return kind == "null" and value is None


def _describe(value) -> str:
    for kind in ("boolean", "null", "integer", "number", "string", "object", "array"):
        if _is(value, kind):
            return _KIND_WORDS[kind]
    return "something else"


def _check(schema: dict, value, path: str, errors: dict) -> None:
    """Record what is wrong with ``value`` under its path; a schema's ``x-message``
    replaces the generic wording for its own node."""
    _check_node(schema, value, path, errors)
    name = path or "body"
    if "x-message" in schema and name in errors:
        errors[name] = schema["x-message"]


def _check_node(schema: dict, value, path: str, errors: dict) -> None:
    name = path or "body"
    if "anyOf" in schema:
        trials = []
        for option in schema["anyOf"]:
            trial: dict = {}
            _check(option, value, path, trial)
            if not trial:
                return
            trials.append(trial)
        errors[name] = " or ".join(dict.fromkeys(t.get(name, "") for t in trials if t.get(name)))
        return
    types = _types(schema)
    if types and not any(_is(value, t) for t in types):
        wanted = " or ".join(_KIND_WORDS[t] for t in types)
        errors[name] = f"Send {wanted}, not {_describe(value)}."
        return
    if "enum" in schema and value not in schema["enum"]:
        shown = ", ".join("null" if v is None else str(v) for v in schema["enum"])
        errors[name] = f"Choose one of: {shown}."
        return
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int | float):
        _check_number(schema, value, name, errors)
    elif isinstance(value, str):
        _check_text(schema, value, name, errors)
    elif isinstance(value, list):
        _check_list(schema, value, path, errors)
    elif isinstance(value, dict):
        _check_object(schema, value, path, errors)


def _check_number(schema: dict, value, name: str, errors: dict) -> None:
    low = schema.get("minimum", -MAX_SAFE_NUMBER)
    high = schema.get("maximum", MAX_SAFE_NUMBER)
    if isinstance(value, float) and not math.isfinite(value):
        errors[name] = "Send a finite number."
    elif not low <= value <= high:
        errors[name] = f"Send a number from {low:g} to {high:g}."


def _check_text(schema: dict, value: str, name: str, errors: dict) -> None:
    """``x-messages`` {minLength, maxLength} lets a rule the pages share keep its wording."""
    pattern, said = schema.get("pattern"), schema.get("x-messages", {})
    if len(value) < schema.get("minLength", 0) or (
        pattern in (NOT_BLANK, SINGLE_LINE_NOT_BLANK) and not value.strip()
    ):
        errors[name] = said.get("minLength", "Must not be empty.")
    elif "maxLength" in schema and len(value) > schema["maxLength"]:
        errors[name] = said.get("maxLength", f"Keep it under {schema['maxLength']} characters.")
    elif pattern and not re.search(pattern, value):
        errors[name] = _PATTERN_MESSAGES.get(pattern, f"Use the form {pattern}.")
    elif schema.get("format") in _FORMATS:
        message = _FORMATS[schema["format"]](value)
        if message:
            errors[name] = message


def _check_list(schema: dict, value: list, path: str, errors: dict) -> None:
    name = path or "body"
    allowed = schema.get("items", {}).get("enum")
    if len(value) < schema.get("minItems", 0):
        errors[name] = f"Send at least {schema['minItems']} item(s)."
    elif len(value) > schema.get("maxItems", math.inf):
        errors[name] = f"Send at most {schema['maxItems']} items."
    elif allowed is not None:  # one message for the list: "Unknown: x; choose from: ..."
        unknown = [v for v in value if v not in allowed]
        if unknown:
            shown = ", ".join(map(str, unknown))
            errors[name] = f"Unknown: {shown}; choose from: {', '.join(map(str, allowed))}."
    else:
        for index, item in enumerate(value):
            _check(schema.get("items", {}), item, f"{path}[{index}]", errors)


def _check_object(schema: dict, value: dict, path: str, errors: dict) -> None:
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    prefix = f"{path}." if path else ""
    for key in schema.get("required", []):
        if key not in value:
            errors[prefix + key] = "Required."
    for key, item in value.items():
        if key in props:
            _check(props[key], item, prefix + key, errors)
        elif extra is False:
            allowed = ", ".join(k for k, s in props.items() if not s.get("readOnly"))
            errors[prefix + key] = f"Unknown field; send {allowed}."
        else:
            _check(extra if isinstance(extra, dict) else {}, item, prefix + key, errors)


def _email(value: str) -> str | None:
    if not EMAIL_RE.match(value.strip()):
        return "Send an email address like name@example.com."
    return None


def _date(value: str) -> str | None:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return "Send a date like 2027-01-31."
    return None if MIN_YEAR <= parsed.year <= MAX_YEAR else _out_of_range()


def _date_time(value: str) -> str | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        return "Send an ISO-8601 date-time like 2027-01-31T09:00:00Z."
    if "T" not in value.upper() and " " not in value:
        return "Send an ISO-8601 date-time like 2027-01-31T09:00:00Z."
    return None if MIN_YEAR <= parsed.year <= MAX_YEAR else _out_of_range()


def _out_of_range() -> str:
    return f"Send a date between {MIN_YEAR} and {MAX_YEAR}."


_FORMATS = {"email": _email, "date": _date, "date-time": _date_time}
