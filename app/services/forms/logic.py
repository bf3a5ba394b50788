"""Conditional logic and steps (SPEC §17): one rule language, its checks and its evaluator.

A field or a step may carry ``show_if``::

    {"all" | "any": [{"field": name, "op": op, "value": ...}, ...]}

The evaluator here and the one in app/static/embed.js (``rule``) give the same
answer for the same answers; tests/data/logic_cases.json runs one table against both.

How an answer is compared, by the type of the field a condition names:

- every type: ``filled`` / ``empty``: some text that is not blank (a multiselect with
  at least one choice), or for a checkbox a tick. ``empty`` is ``not filled``.
- text, email, phone, textarea, url, hidden, select: ``equals`` / ``in`` compare the
  trimmed text without regard to case (``in`` takes a list: any of them).
- multiselect: ``equals X`` means X is among the choices; ``in [..]`` means at least
  one choice is in the list.
- checkbox: ``equals true`` (ticked) or ``equals false`` (not ticked); a browser's
  "on" / "true" / "1" count as ticked.
- number: compared as numbers, read as JavaScript's parseFloat reads them (a comma is a
  decimal point; "10" equals 10.0); an answer that is not a number matches no
  equals/in/gt/lt.
- date: ISO dates (YYYY-MM-DD), ``gt`` = later than, ``lt`` = earlier than.
- ``not_equals`` and ``not_in`` are exactly ``not equals`` / ``not in``, so an
  unanswered field is "not equal" to anything.
- a field that is itself hidden counts as unanswered in the rules that name it.

Rules may only name fields shown EARLIER in the form (earlier steps for a step's
rule), which keeps the order of evaluation one pass from top to bottom and makes
cycles impossible; a cycle or a reference forward is refused when the form is saved.

Steps: ``[{title, fields: [names], show_if?}]``. Every field is in exactly one step;
fields no step names are appended to the last step (so an API client or a generator
that forgets one loses nothing), and the stored steps then name them.
"""

from __future__ import annotations

import math
import re
from datetime import date

from app.services.forms.fields import MAX_NUMBER, _Errors, _text

OPS = ("equals", "not_equals", "in", "not_in", "filled", "empty", "gt", "lt")
MAX_CONDITIONS = 20
MAX_STEPS = 20
LAYOUTS = ("standard", "one_at_a_time")
TRUE_WORDS = ("1", "true", "on", "yes", "y", "checked")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_TEXT_TYPES = ("text", "email", "phone", "textarea", "url", "hidden", "select")


def kind_of(ftype: str) -> str:
    """Which comparisons fit a field type (a type added later allows filled/empty only)."""
    if ftype in _TEXT_TYPES:
        return "text"
    return {"multiselect": "multi", "checkbox": "bool", "number": "num", "date": "date"}.get(
        ftype, "other"
    )


_KIND_OPS = {
    "text": ("equals", "not_equals", "in", "not_in", "filled", "empty"),
    "multi": ("equals", "not_equals", "in", "not_in", "filled", "empty"),
    "bool": ("equals", "not_equals", "filled", "empty"),
    "num": OPS,
    "date": OPS,
    "other": ("filled", "empty"),
}


# -- the evaluator ---------------------------------------------------------------------
# Written to match embed-logic.js step by step: an answer is read as JavaScript reads it
# (String(v), parseFloat), so the browser and the server never disagree.
_FLOAT_RE = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?")
_NAN = float("nan")


def _js_text(value) -> str:
    """String(value) as JavaScript writes it, for the values forms carry."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def _value(ftype: str, value):
    """An answer as a rule compares it: a checkbox's tick, a number (parseFloat, "," as
    the decimal point, NaN when none), a date as the number YYYYMMDD, else lowercased text."""
    text = _js_text(value).strip().lower()
    if ftype == "checkbox":
        return text in TRUE_WORDS
    if ftype in ("number", "date"):
        text = text.replace("-", "") if ftype == "date" else text.replace(",", ".", 1)
        found = _FLOAT_RE.match(text)
        return float(found.group(0)) if found else _NAN
    return text


def condition_holds(cond: dict, ftype: str, answer) -> bool:
    op, expected = cond.get("op"), cond.get("value")
    answers = answer if isinstance(answer, list) else [answer]
    values = [_value(ftype, a) for a in answers]
    if op in ("filled", "empty"):
        if ftype == "checkbox":
            filled = bool(values and values[0])
        else:
            filled = any(_value("", a) for a in answers)
        return filled == (op == "filled")
    if op in ("gt", "lt"):
        if not values:
            return False
        a, b = values[0], _value(ftype, expected)
        return a > b if op == "gt" else a < b  # NaN (no number) compares False
    wanted = [_value(ftype, e) for e in (expected if isinstance(expected, list) else [expected])]
    hit = any(v == w for v in values for w in wanted)  # == keeps NaN unequal to itself
    return hit == ("not" not in str(op))


def rule_holds(rule, answers: dict, types: dict) -> bool:
    """Whether a show_if rule holds for these answers (no rule: shown); ``types`` maps
    field names to their types."""
    if not rule:
        return True
    use_any = rule.get("any") not in (None, False, "")
    conditions = rule["any"] if use_any else (rule.get("all") or [])
    if not isinstance(conditions, list):  # never saved so (an unsaved draft): no rule
        return True
    results = (
        condition_holds(c, types.get(c.get("field"), ""), answers.get(c.get("field")))
        for c in conditions
        if isinstance(c, dict)
    )
    return any(results) if use_any else all(results)


def has_rules(form: dict) -> bool:
    """True when anything in the form can be hidden (a cheap test for the hot path)."""
    return any("show_if" in f for f in form["fields"]) or any(
        s.get("show_if") for s in form.get("steps") or ()
    )


def plan(form: dict) -> list[dict]:
    """The form's steps in display order; a form without steps is one untitled step."""
    steps = form.get("steps") or []
    return steps or [{"title": "", "fields": [f["name"] for f in form["fields"]]}]


def hidden_fields(form: dict, answers: dict) -> set:
    """Names of the fields hidden under ``answers`` (raw or cleaned values alike)."""
    if not has_rules(form):
        return set()
    by_name = {f["name"]: f for f in form["fields"]}
    types = {name: f["type"] for name, f in by_name.items()}
    seen: dict = {}  # answers of the fields shown so far: a hidden field counts as unanswered
    hidden = set()
    for step in plan(form):
        step_shown = rule_holds(step.get("show_if"), seen, types)
        for name in step["fields"]:
            field = by_name.get(name)
            if field is None:
                continue
            rule = field.get("show_if")
            if step_shown and (rule is None or rule_holds(rule, seen, types)):
                seen[name] = answers.get(name)
            else:
                hidden.add(name)
    return hidden


def visible_fields(form: dict, answers: dict) -> list[dict]:
    """The form's fields shown under ``answers`` (the ones the server validates)."""
    hidden = hidden_fields(form, answers)
    if not hidden:
        return form["fields"]
    return [f for f in form["fields"] if f["name"] not in hidden]


def pages(form: dict, answers: dict) -> list[dict]:
    """What to show: [{title, fields: [field dicts]}] with hidden fields and hidden
    steps left out; a one_at_a_time layout gives each visible question its own page."""
    hidden = hidden_fields(form, answers)
    by_name = {f["name"]: f for f in form["fields"]}
    out = []
    for step in plan(form):
        shown = [by_name[n] for n in step["fields"] if n in by_name and n not in hidden]
        if form.get("layout") == "one_at_a_time":
            out.extend(
                {"title": step.get("title", ""), "fields": [f]}
                for f in shown
                if f["type"] != "hidden"
            )
        elif any(f["type"] != "hidden" for f in shown):
            out.append({"title": step.get("title", ""), "fields": shown})
    return out


# -- the config checks -----------------------------------------------------------------
def _describe(index: int, count: int, message: str) -> str:
    return f"Condition {index + 1}: {message}" if count > 1 else message


def _rule_value(cond: dict, field: dict, op: str):
    """The condition's value in its canonical form, or raise ValueError(message)."""
    kind, label = kind_of(field["type"]), field.get("label") or field["name"]
    if op in ("filled", "empty"):
        return None
    value = cond.get("value")
    if op in ("in", "not_in"):
        if isinstance(value, str):
            value = [v for v in re.split(r"[\n,]", value) if v.strip()]
        if not isinstance(value, list) or not value:
            raise ValueError(f'“{op}” needs a list of values, like ["A", "B"].')
        return [_one_value(v, kind, field, label) for v in value]
    return _one_value(value, kind, field, label)


def _one_value(value, kind: str, field: dict, label: str):
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = _js_text(value).strip().lower()
        if text in TRUE_WORDS or text in ("false", "0", "off", "no", "n"):
            return text in TRUE_WORDS
        raise ValueError(f"“{label}” is a checkbox: compare it with true (ticked) or false.")
    if value is None or isinstance(value, dict | list) or _js_text(value).strip() == "":
        raise ValueError(f"Give a value to compare “{label}” with.")
    text = _js_text(value).strip()
    if kind == "num":
        if not _NUMBER_RE.match(text.replace(",", ".", 1)):
            raise ValueError(f"“{label}” is a number field: compare it with a number.")
        number = float(text.replace(",", ".", 1))
        if not math.isfinite(number) or abs(number) > MAX_NUMBER:
            raise ValueError(f"Compare “{label}” with a number under {MAX_NUMBER:,}.")
        return int(number) if number.is_integer() else number
    if kind == "date":
        try:
            if _DATE_RE.match(text):
                return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
        raise ValueError(f"“{label}” is a date field: compare it with a date like 2026-01-31.")
    if field.get("options") and text.lower() not in [o.lower() for o in field["options"]]:
        raise ValueError(
            f"“{text[:60]}” is not an option of “{label}”; use one of: "
            + ", ".join(field["options"][:10])
            + "."
        )
    if len(text) > 500:
        raise ValueError("Keep the value under 500 characters.")
    return text


def _check_rule(rule, key, earlier: dict, everything: dict, errors: _Errors, own=(), step=False):
    """The canonical rule, or None (with errors) when it cannot be used. ``earlier``
    maps the names a rule may use to their fields; ``everything`` all the form's fields."""
    if rule in (None, {}, ""):
        return None
    modes = [m for m in ("all", "any") if isinstance(rule, dict) and m in rule]
    if len(modes) != 1 or len(rule) != 1 or not isinstance(rule[modes[0]], list):
        errors.add(
            key,
            'Write the rule as {"all": [conditions]} or {"any": [conditions]}, each condition '
            'like {"field": "company_size", "op": "equals", "value": "50+"}.',
        )
        return None
    mode, conditions = modes[0], rule[modes[0]]
    if not conditions:
        errors.add(key, "Add at least one condition, or remove the rule.")
        return None
    if len(conditions) > MAX_CONDITIONS:
        errors.add(key, f"Use at most {MAX_CONDITIONS} conditions in one rule.")
        return None
    out = []
    for i, cond in enumerate(conditions):
        problem = None
        if not isinstance(cond, dict):
            problem = 'Write each condition like {"field": ..., "op": ..., "value": ...}.'
        else:
            name, op = cond.get("field"), cond.get("op")
            if not isinstance(name, str) or not name:
                problem = "Name the field this condition looks at."
            elif name in own and not step:
                problem = f"“{name}” cannot depend on itself (that is a cycle)."
            elif name in own:
                problem = (
                    f"“{name}” is in this same step; a step's rule can only use answers "
                    "from earlier steps."
                )
            elif name not in everything:
                problem = f"There is no field named “{str(name)[:60]}” in this form" + (
                    f" (the rule of “{own[0]}” uses it)." if own and not step else "."
                )
            elif name not in earlier:
                problem = (
                    f"“{name}” comes later in the form; a rule can only use answers given "
                    "before it (move that field up, or into an earlier step)."
                )
            elif op not in OPS:
                problem = f"Unknown comparison “{str(op)[:30]}”; use one of: {', '.join(OPS)}."
            elif op not in _KIND_OPS[kind_of(earlier[name]["type"])]:
                allowed = _KIND_OPS[kind_of(earlier[name]["type"])]
                problem = (
                    f"“{op}” does not fit a {earlier[name]['type']} field like “{name}”; "
                    f"use one of: {', '.join(allowed)}."
                )
            else:
                try:
                    value = _rule_value(cond, earlier[name], op)
                except ValueError as exc:
                    problem = str(exc)
                else:
                    item = {"field": name, "op": op}
                    if value is not None:
                        item["value"] = value
                    out.append(item)
        if problem:
            errors.add(key, _describe(i, len(conditions), problem))
            return None
    return {mode: out}


def _cycle(fields: list, index: int) -> str | None:
    """A message when field ``index``'s rule is part of a cycle of rules, else None."""
    uses = {}
    for f in fields:
        rule = f.get("show_if")
        conditions = next(iter(rule.values()), None) if isinstance(rule, dict) and rule else None
        if isinstance(conditions, list):
            uses[f["name"]] = [c.get("field") for c in conditions if isinstance(c, dict)]
    start = fields[index]["name"]
    parent, stack = {start: None}, [start]
    while stack:
        node = stack.pop()
        for nxt in uses.get(node, ()):
            if nxt == start:
                if node == start:
                    return f"“{start}” cannot depend on itself (that is a cycle)."
                chain = [node]
                while parent[chain[-1]] is not None:
                    chain.append(parent[chain[-1]])
                names = " → ".join(f"“{n}”" for n in [*reversed(chain), start][:8])
                return f"These rules depend on each other in a cycle: {names}; remove one of them."
            if nxt in uses and nxt not in parent:
                parent[nxt] = node
                stack.append(nxt)
    return None


def _normalize_steps(raw, fields: list, errors: _Errors) -> list:
    if raw in (None, "", []):
        return []
    if not isinstance(raw, list):
        errors.add("steps", 'Steps must be a list like [{"title": "About you", "fields": [...]}].')
        return []
    if len(raw) > MAX_STEPS:
        errors.add("steps", f"Use at most {MAX_STEPS} steps.")
        raw = raw[:MAX_STEPS]
    names = [f["name"] for f in fields]
    placed: dict = {}
    steps = []
    for i, item in enumerate(raw):
        key = f"steps[{i}]"
        if not isinstance(item, dict):
            errors.add(key, 'Each step must be an object like {"title": ..., "fields": [...]}.')
            continue
        title = _text(item.get("title"), f"{key}.title", errors, limit=120) or f"Step {i + 1}"
        chosen = item.get("fields") or []
        if not isinstance(chosen, list) or not all(isinstance(n, str) for n in chosen):
            errors.add(f"{key}.fields", "List the names of the fields in this step.")
            chosen = []
        own = []
        for name in chosen:
            if name not in names:
                errors.add(f"{key}.fields", f"There is no field named “{name[:60]}” in this form.")
            elif name in placed:
                errors.add(
                    f"{key}.fields",
                    f"“{name}” is already in step {placed[name] + 1}; put each field in one step.",
                )
            else:
                placed[name] = i
                own.append(name)
        step = {"title": title, "fields": own}
        if item.get("show_if") not in (None, {}, ""):
            step["show_if"] = item["show_if"]
        steps.append(step)
    if steps:
        steps[-1]["fields"].extend(n for n in names if n not in placed)
    for i, step in enumerate(steps):
        if not step["fields"]:
            errors.add(f"steps[{i}].fields", "This step has no fields; add some or remove it.")
    return steps


def normalize_logic(raw_steps, fields: list, errors: _Errors) -> list:
    """The form's steps, normalized; each field's and step's show_if checked and
    replaced in place by its canonical form (errors keyed fields[i].show_if,
    steps[i].show_if). Returns the steps."""
    steps = _normalize_steps(raw_steps, fields, errors)
    by_name = {f["name"]: f for f in fields}
    order = [n for s in steps for n in s["fields"]] if steps else [f["name"] for f in fields]
    position = {name: i for i, name in enumerate(order)}
    cycles = [_cycle(fields, i) for i in range(len(fields))]  # before any rule is dropped
    for i, field in enumerate(fields):
        rule = field.get("show_if")
        if rule in (None, {}, ""):
            field.pop("show_if", None)
            continue
        key = f"fields[{i}].show_if"
        if cycles[i]:
            errors.add(key, cycles[i])
            field.pop("show_if", None)
            continue
        earlier = {n: by_name[n] for n in order[: position.get(field["name"], 0)]}
        checked = _check_rule(rule, key, earlier, by_name, errors, own=(field["name"],))
        if checked is None:
            field.pop("show_if", None)
        else:
            field["show_if"] = checked
    start = 0
    for i, step in enumerate(steps):
        if "show_if" in step:
            earlier = {n: by_name[n] for n in order[:start]}
            checked = _check_rule(
                step["show_if"],
                f"steps[{i}].show_if",
                earlier,
                by_name,
                errors,
                step["fields"],
                True,
            )
            if checked is None:
                step.pop("show_if")
            else:
                step["show_if"] = checked
        start += len(step["fields"])
    return steps
