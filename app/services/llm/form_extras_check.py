"""What a generated draft's logic, steps and translations must satisfy (SPEC §17), as
sentences the Claude engine sends back to the model in its stricter re-prompt.

The form config's own normalizers (forms/config.py) are the authority when a form is
saved; this check exists so that a model's draft is repaired by the model instead of
failing at save time: rules name only earlier fields, every field sits in exactly one
step, and each translation covers known fields with options one-to-one.
"""

from __future__ import annotations

from app.services.llm import form_shape_check

OPS = ("equals", "not_equals", "in", "not_in", "filled", "empty", "gt", "lt")


def _condition_problem(cond: dict, field: dict) -> str | None:
    """A comparison that does not fit the field it reads (as the form's own checks say)."""
    op, ftype, name = cond["op"], field.get("type"), field.get("name")
    if op in ("gt", "lt") and ftype not in ("number", "date"):
        return f"“{op}” compares numbers or dates, and “{name}” is a {ftype} field"
    options = field.get("options") or []
    if op in ("equals", "not_equals", "in", "not_in") and options and ftype != "checkbox":
        value = cond.get("value")
        values = value if isinstance(value, list) else [value]
        known = {str(o).lower() for o in options}
        unknown = [str(v) for v in values if str(v).lower() not in known]
        if unknown:
            return (
                f"“{unknown[0]}” is not an option of “{name}” (its options: "
                f"{', '.join(map(str, options[:10]))})"
            )
    return None


def problems(config: dict) -> list[str]:
    fields = [f for f in config.get("fields") or [] if isinstance(f, dict)]
    names = [f.get("name") for f in fields]
    out = []
    for i, field in enumerate(fields):
        rule = field.get("show_if")
        if rule in (None, {}):
            continue
        keys = list(rule) if isinstance(rule, dict) else []
        if keys not in (["all"], ["any"]) or not isinstance(rule[keys[0]], list):
            out.append(f'fields[{i}].show_if must be {{"all" or "any": [{{field, op, value}}]}}')
            continue
        for cond in rule[keys[0]]:
            if not isinstance(cond, dict) or cond.get("op") not in OPS:
                out.append(f"fields[{i}].show_if: each condition needs an op in {', '.join(OPS)}")
            elif cond.get("field") not in names[:i]:
                out.append(
                    f"fields[{i}].show_if names “{cond.get('field')}”, which is not a field before "
                    f"“{field.get('name')}”; a rule may only read earlier fields"
                )
            else:
                problem = _condition_problem(cond, fields[names.index(cond["field"])])
                if problem:
                    out.append(f"fields[{i}].show_if: {problem}")
    steps = config.get("steps") or []
    if steps:
        placed = [n for s in steps if isinstance(s, dict) for n in s.get("fields") or []]
        missing = [n for n in names if n not in placed]
        doubled = sorted({n for n in placed if placed.count(n) > 1})
        unknown = [n for n in placed if n not in names]
        if not all(isinstance(s, dict) and s.get("title") for s in steps):
            out.append("every step needs a title and a fields list")
        if missing or doubled or unknown:
            out.append(
                "steps must hold every field exactly once"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; in two steps: {', '.join(doubled)}" if doubled else "")
                + (f"; unknown: {', '.join(unknown)}" if unknown else "")
            )
    out += form_shape_check.problems(fields)
    by_name = {f.get("name"): f for f in fields}
    for locale, entry in (config.get("translations") or {}).items():
        if not isinstance(entry, dict):
            out.append(f"translations.{locale} must be an object")
            continue
        for name, texts in (entry.get("fields") or {}).items():
            if name not in by_name:
                out.append(f"translations.{locale}.fields names an unknown field “{name}”")
            elif (
                isinstance(texts, dict)
                and "options" in texts
                and len(texts["options"] or []) != len(by_name[name].get("options") or [])
            ):
                out.append(
                    f"translations.{locale}.fields.{name}.options must translate the "
                    f"{len(by_name[name].get('options') or [])} options one-to-one, in order"
                )
    return out
