"""Experiment challengers and optimisation suggestions from field stats (SPEC §9, §10).

Stats shape: ``{"views": n, "submissions": n, "fields": {name: {"focused": n,
"filled": n, "avg_time_ms": n, "dropoff": ratio}}}``. ``dropoff`` is the share
of visitors who focused a field and left the form without submitting.

Both functions are deterministic. A challenger never removes a required field
and never touches the field that fills ``contact.email``. A suggestion's
``change`` is a refinement instruction (the kind ``generate_form(change,
draft=form)`` applies on either engine) and ``overrides`` the same change as a
partial form config, so "Apply to editor" needs no model.
"""

from __future__ import annotations

import copy

HIGH_DROPOFF = 0.30  # a field losing this share of the people who reach it deserves a suggestion
CHALLENGER_DROPOFF = 0.15
SLOW_FIELD_MS = 20_000
LOW_FILL = 0.5
MIN_FOCUS = 10  # fewer observations than this are noise
LONG_FORM = 7


def _fields(form: dict) -> list[dict]:
    return list(form.get("fields") or [])


def _field_stats(stats: dict, name: str) -> dict:
    return ((stats or {}).get("fields") or {}).get(name) or {}


def _num(value) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _dropoff(stats: dict, name: str) -> float:
    s = _field_stats(stats, name)
    if "dropoff" in s:
        return _num(s["dropoff"])
    focused, filled = _num(s.get("focused")), _num(s.get("filled"))
    return (focused - filled) / focused if focused else 0.0


def _fill_rate(stats: dict, name: str) -> float | None:
    s = _field_stats(stats, name)
    focused = _num(s.get("focused"))
    return _num(s.get("filled")) / focused if focused else None


def _protected(form: dict, field: dict) -> bool:
    """Fields a challenger must keep as they are: the contact's email."""
    mapping = form.get("field_mapping") or {}
    return field["type"] == "email" or mapping.get(field["name"]) == "contact.email"


def _pct(ratio: float) -> str:
    return f"{round(ratio * 100)}%"


def _label(field: dict) -> str:
    return field.get("label") or field["name"]


def generate_challenger(form: dict, stats: dict) -> dict:
    """One challenger variant: {"label", "overrides" (partial config), "rationale"}."""
    fields = _fields(form)
    by_drop = sorted(fields, key=lambda f: (-_dropoff(stats, f["name"]), f["name"]))
    for f in by_drop:
        drop = _dropoff(stats, f["name"])
        if not f.get("required") and not _protected(form, f) and drop >= CHALLENGER_DROPOFF:
            return {
                "label": f"Without {_label(f)}",
                "overrides": {
                    "fields": [copy.deepcopy(x) for x in fields if x["name"] != f["name"]]
                },
                "rationale": f"{_pct(drop)} of visitors who reached the optional field “{_label(f)}” left "
                "the form there; this variant drops it.",
            }
    for f in by_drop:
        drop = _dropoff(stats, f["name"])
        if f.get("required") and not _protected(form, f) and drop >= HIGH_DROPOFF:
            return {
                "label": f"{_label(f)} optional",
                "overrides": {
                    "fields": [
                        dict(copy.deepcopy(x), required=False)
                        if x["name"] == f["name"]
                        else copy.deepcopy(x)
                        for x in fields
                    ]
                },
                "rationale": f"{_pct(drop)} of visitors who reached the required field “{_label(f)}” left; "
                "this variant keeps it but makes it optional.",
            }
    return _structural_challenger(form, fields)


def _structural_challenger(form: dict, fields: list) -> dict:
    """Without a drop-off signal: try the shorter form, then free text last, then email first."""
    optional = [
        f
        for f in fields
        if not f.get("required") and not _protected(form, f) and f["type"] != "hidden"
    ]
    if optional:
        keep = [copy.deepcopy(f) for f in fields if f not in optional]
        return {
            "label": "Required fields only",
            "overrides": {"fields": keep},
            "rationale": f"Shorter forms usually convert better; this variant drops the {len(optional)} "
            f"optional field(s): {', '.join(_label(f) for f in optional)}.",
        }
    texts = [f for f in fields if f["type"] == "textarea"]
    rest = [f for f in fields if f["type"] != "textarea"]
    if texts and fields != rest + texts:
        return {
            "label": "Free text last",
            "overrides": {"fields": copy.deepcopy(rest + texts)},
            "rationale": "Long free-text answers are the most effort; this variant asks for them last, after "
            "the quick fields.",
        }
    emails = [f for f in fields if _protected(form, f)]
    others = [f for f in fields if not _protected(form, f)]
    if emails and fields != emails + others:
        return {
            "label": "Email first",
            "overrides": {"fields": copy.deepcopy(emails + others)},
            "rationale": "Asking for the email first captures the contact even when the visitor stops halfway.",
        }
    return {
        "label": "Plain labels",
        "overrides": {"fields": [dict(copy.deepcopy(f), help="") for f in fields]},
        "rationale": "No field stands out in the stats; this variant removes help texts to make the form "
        "lighter to read.",
    }


def suggest_improvements(form: dict, stats: dict) -> list[dict]:
    """Suggestions [{kind, field, evidence, change, overrides}], most important first."""
    fields = _fields(form)
    suggestions = []
    for index, f in enumerate(fields):
        suggestions += _field_suggestions(form, fields, index, f, stats)
    suggestions += _form_suggestions(form, fields, stats)
    return suggestions


def _field_suggestions(form: dict, fields: list, index: int, f: dict, stats: dict) -> list[dict]:
    s, name, label = _field_stats(stats, f["name"]), f["name"], _label(f)
    focused = _num(s.get("focused"))
    if focused < MIN_FOCUS:
        return []
    drop, out = _dropoff(stats, name), []
    evidence = (
        f"{_pct(drop)} of the {int(focused)} visitors who reached “{label}” left the form there"
    )
    if drop >= HIGH_DROPOFF and not _protected(form, f):
        if not f.get("required"):
            out.append(
                _suggestion(
                    "remove_field",
                    name,
                    evidence + "; it is optional.",
                    f"remove the {name} field",
                    [x for x in fields if x["name"] != name],
                )
            )
        else:
            out.append(
                _suggestion(
                    "make_optional",
                    name,
                    evidence + "; it is required.",
                    f"make {name} optional",
                    [dict(x, required=False) if x["name"] == name else x for x in fields],
                )
            )
        if index < len(fields) - 1 and not f.get("required"):
            moved = [x for x in fields if x["name"] != name] + [f]
            out.append(
                _suggestion(
                    "reorder",
                    name,
                    evidence + "; asking it last loses fewer visitors.",
                    f"move {name} to the end",
                    moved,
                )
            )
    avg = _num(s.get("avg_time_ms"))
    fill = _fill_rate(stats, name)
    if f["type"] not in ("textarea",) and avg >= SLOW_FIELD_MS:
        out.append(
            _suggestion(
                "change_copy",
                name,
                f"Visitors spend {avg / 1000:.0f} s on average on “{label}”, "
                "which suggests the question is unclear.",
                f"Add a help text to “{label}” with an example of the answer you expect.",
                None,
            )
        )
    elif fill is not None and fill < LOW_FILL and drop < HIGH_DROPOFF:
        out.append(
            _suggestion(
                "change_copy",
                name,
                f"Only {_pct(fill)} of visitors who focus “{label}” fill it in.",
                f"Reword “{label}” as a shorter, clearer question.",
                None,
            )
        )
    return out


def _form_suggestions(form: dict, fields: list, stats: dict) -> list[dict]:
    out = []
    names = {f["name"] for f in fields}
    views, submissions = _num((stats or {}).get("views")), _num((stats or {}).get("submissions"))
    rate = submissions / views if views else None
    if not any(_protected(form, f) for f in fields):
        new = {"name": "email", "type": "email", "label": "Email", "required": True}
        out.append(
            _suggestion(
                "add_field",
                "email",
                "The form has no email field, so no contact can be created or followed up.",
                "add a required email field at the top",
                [new] + fields,
            )
        )
    if form.get("flow_id") == "sales_lead" and "company" not in names:
        new = {"name": "company", "type": "text", "label": "Company", "required": False}
        out.append(
            _suggestion(
                "add_field",
                "company",
                "Sales leads are qualified by company, but the form does not ask for one.",
                "add a company field",
                fields + [new],
            )
        )
    if len(fields) > LONG_FORM and rate is not None and views >= 100 and rate < 0.10:
        out.append(
            _suggestion(
                "split_form",
                None,
                f"{len(fields)} fields and a {_pct(rate)} conversion rate over "
                f"{int(views)} views: a two-step form (contact details first) usually converts better.",
                "Split the form into two steps: contact details first, the rest after.",
                None,
            )
        )
    return out


def _suggestion(
    kind: str, field: str | None, evidence: str, change: str, fields: list | None
) -> dict:
    return {
        "kind": kind,
        "field": field,
        "evidence": evidence,
        "change": change,
        "overrides": {"fields": copy.deepcopy(fields)} if fields is not None else None,
    }
