"""Editor operations on a form config (pure functions: config in, config out).

Routes run them through ``forms.update_form(db, ws, id, fn)`` so each edit is
one read-modify-write transaction, then the whole config is validated.
"""

from __future__ import annotations

from app.errors import NotFound, ValidationError
from app.services.forms.config import AUTONOMY_LEVELS


def field_index(config: dict, name: str) -> int:
    for i, field in enumerate(config["fields"]):
        if field["name"] == name:
            return i
    raise NotFound(f"This form has no field named “{name}” (it may have been renamed or deleted).")


def _with_fields(config: dict, fields: list) -> dict:
    return {**config, "fields": fields}


def add_field(config: dict, raw: dict) -> dict:
    return _with_fields(config, [*config["fields"], raw])


def _renamed_rule(rule, old: str, new: str):
    if not isinstance(rule, dict):
        return rule
    return {
        mode: [
            {**c, "field": new} if isinstance(c, dict) and c.get("field") == old else c
            for c in conditions
        ]
        if isinstance(conditions, list)
        else conditions
        for mode, conditions in rule.items()
    }


def _renamed(config: dict, fields: list, old: str, new: str) -> dict:
    """A renamed field keeps its mapping, its place in the steps and the rules using it."""
    mapping = dict(config.get("field_mapping") or {})
    if old in mapping:
        mapping[new] = mapping.pop(old)
    fields = [
        {**f, "show_if": _renamed_rule(f["show_if"], old, new)} if f.get("show_if") else f
        for f in fields
    ]
    steps = [
        {
            **step,
            "fields": [new if n == old else n for n in step.get("fields") or []],
            **(
                {"show_if": _renamed_rule(step["show_if"], old, new)} if step.get("show_if") else {}
            ),
        }
        for step in config.get("steps") or []
    ]
    return {**config, "fields": fields, "field_mapping": mapping, "steps": steps}


def replace_field(config: dict, name: str, raw: dict) -> dict:
    fields = list(config["fields"])
    index = field_index(config, name)
    fields[index] = raw
    if raw.get("name") and raw["name"] != name:
        return _renamed(config, fields, name, raw["name"])
    return {**config, "fields": fields}


def delete_field(config: dict, name: str) -> dict:
    """The field leaves its step too (a rule that uses it is refused on save)."""
    index = field_index(config, name)
    steps = [
        {**step, "fields": [n for n in step.get("fields") or [] if n != name]}
        for step in config.get("steps") or []
    ]
    steps = [step for step in steps if step["fields"]]  # a step left empty goes with it
    fields = [f for i, f in enumerate(config["fields"]) if i != index]
    return {**config, "fields": fields, "steps": steps}


def move_field(config: dict, name: str, direction: str) -> dict:
    if direction not in ("up", "down"):
        raise ValidationError(fields={"direction": "Move a field “up” or “down”."})
    fields, index = list(config["fields"]), field_index(config, name)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(fields):
        fields[index], fields[other] = fields[other], fields[index]
    return _with_fields(config, fields)


def toggle_required(config: dict, name: str) -> dict:
    fields, index = [dict(f) for f in config["fields"]], field_index(config, name)
    fields[index]["required"] = not fields[index].get("required")
    return _with_fields(config, fields)


def autonomy_from_slider(value) -> str:
    """The slider posts 0..3 (or a level name when scripted); unknown values are left to validation."""
    if isinstance(value, str) and value.isdigit() and int(value) < len(AUTONOMY_LEVELS):
        return AUTONOMY_LEVELS[int(value)]
    return value


def field_errors(errors: dict, index: int) -> dict:
    """ValidationError keys "fields[i].attr" -> {"attr": message} for one field's editor."""
    prefix = f"fields[{index}]"
    out = {}
    for key, message in errors.items():
        if key == prefix:
            out["name"] = message
        elif key.startswith(prefix + "."):
            out[key[len(prefix) + 1 :]] = message
    return out


def reorder_fields(config: dict, names: list[str]) -> dict:
    """Put the fields in the order given (drag and drop sends every name once)."""
    current = [f["name"] for f in config["fields"]]
    if sorted(names) != sorted(current) or len(set(names)) != len(names):
        raise ValidationError(
            "The field list changed meanwhile; reload the editor and try again.",
            fields={"order": "The field list changed meanwhile; reload the editor and try again."},
        )
    by_name = {f["name"]: f for f in config["fields"]}
    return _with_fields(config, [by_name[name] for name in names])


def set_required(config: dict, name: str, required: bool) -> dict:
    """Required or optional, whatever it is now (a suggestion applied twice stays put)."""
    fields, index = [dict(f) for f in config["fields"]], field_index(config, name)
    fields[index]["required"] = bool(required)
    return _with_fields(config, fields)


def move_field_to_end(config: dict, name: str) -> dict:
    names = [f["name"] for f in config["fields"]]
    field_index(config, name)
    return reorder_fields(config, [n for n in names if n != name] + [name])


def append_agent_instructions(config: dict, text: str) -> dict:
    agent = dict(config.get("agent") or {})
    current = str(agent.get("instructions") or "").rstrip()
    agent["instructions"] = f"{current}\n\n{text}".strip() if text not in current else current
    return {**config, "agent": agent}
