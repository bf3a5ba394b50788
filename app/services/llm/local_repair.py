"""The local engine's last resort: a draft it made is never refused for its own mistake.

``validated(config)`` runs ``validate_config``; when the engine's own draft fails (a rule
comparing a text field with a number, a step naming a missing field…), only the part the
error names is dropped — that field's rule, that step's rule, the steps, a translation,
a field attribute — and a note says what was dropped, so the marketer gets a working
draft plus a line to check instead of a 422 about ``fields[9].show_if`` for a form they
only described. An error the engine cannot trace to one part is raised as before.
"""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.services.forms.config import validate_config

_KEY = re.compile(r"^(?P<what>fields|steps)\[(?P<i>\d+)\](?:\.(?P<attr>\w+))?")
_FIELD_KEEP = ("name", "type", "label")  # without these there is no field to keep
ROUNDS = 5


def validated(config: dict) -> tuple[dict, list[str]]:
    """(the valid config, notes on what was dropped to make it valid)."""
    notes: list[str] = []
    for _ in range(ROUNDS):
        try:
            return validate_config(config), notes
        except ValidationError as exc:
            # the last field first, so leaving one out does not shift the others' indexes
            errors = sorted(exc.fields.items(), key=lambda kv: -_index(kv[0]))
            dropped = [note for key, message in errors if (note := _drop(config, key, message))]
            if not dropped:
                raise
            notes += dropped
    return validate_config(config), notes


def _index(key: str) -> int:
    m = _KEY.match(key)
    return int(m["i"]) if m and m["what"] == "fields" else -1


def _drop(config: dict, key: str, message: str) -> str | None:
    fields, steps = config.get("fields") or [], config.get("steps") or []
    m = _KEY.match(key)
    if m and m["what"] == "fields" and int(m["i"]) < len(fields):
        field = fields[int(m["i"])]
        label = field.get("label") or field.get("name")
        if m["attr"] == "show_if":
            field.pop("show_if", None)
            return f"“{label}” is always shown: its condition could not be used ({message})"
        if m["attr"] == "options" and field.get("type") in ("select", "multiselect"):
            field.update(type="text", options=[])  # a choice without usable answers: free text
            return f"“{label}” is a text box: its options could not be used ({message})"
        if m["attr"] and m["attr"] not in _FIELD_KEEP and m["attr"] in field:
            field.pop(m["attr"])
            return f"“{label}”: dropped its {m['attr'].replace('_', ' ')} ({message})"
        if len(fields) > 1:  # a duplicate or unusable field: leave that one out
            fields.pop(int(m["i"]))
            return f"Left out “{label}”: {message}"
        return None
    if m and m["what"] == "steps" and int(m["i"]) < len(steps) and m["attr"] == "show_if":
        steps[int(m["i"])].pop("show_if", None)
        return (
            f"Step {int(m['i']) + 1} is always shown: its condition could not be used ({message})"
        )
    if key.startswith("steps") and steps:
        config["steps"] = []
        return f"The form is on one page: its steps could not be used ({message})"
    translations = config.get("translations")
    locale = re.match(r"^translations\.([\w-]+)", key)
    if locale and isinstance(translations, dict) and locale.group(1) in translations:
        translations.pop(locale.group(1))
        return f"The “{locale.group(1)}” translation was left out: {message}"
    if key.startswith("translations") and translations:
        config["translations"] = {}
        return f"The translations were left out: {message}"
    return None
