"""Numeric conditions of the local engine ("if the team has more than 20 people", "for orders
over 500 units", "if the pledge is at least 1000").

A rule compares with gt/lt only on a field that holds a number: a number field, or
a range dropdown ("11-50", "$10K-$50K", "1000+": the ranges wholly above or below the
limit). So the field a comparison names is, in order: that field when it fits; that field
made a number when it is the marketer's own short text field ("garden size", "group");
the form's field for the unit the sentence counts in (people → the team/company size or
party size; units, kg, cases → the quantity); else a new number field ("Number of
units", "Driver's age"). "At least N" / "at most N" use gt N-1 / lt N+1 on whole numbers.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_fields import RefineError, find_field

NUMERIC_OPS = ("gt", "lt", "gte", "lte")
# "orders over 500 units", "teams over 50 people": a comparison with a number and its unit
NUMERIC_CUE = re.compile(
    r"\b(?:more|greater|fewer|less|bigger|larger|smaller|higher|lower|older|younger) than\s+\d|"
    r"\b(?:over|above|under|below|at least|at most|no more than|no fewer than|no less than|"
    r"up to|exceeds?)\s+\d|\d\s*(?:\w+\s+)?or (?:more|over|less|fewer)\b",
    re.I,
)
_UNITS = [
    (
        r"people|persons|employees|staff|members|users|seats|workers|heads|guests|attendees|"
        r"adults|travell?ers|participants|students|delegates",
        r"size|headcount|employees|staff|people|guests|party|seats|users|attendees|adults|"
        r"travell?ers|group|participants|delegates",
    ),
    (
        r"units|items|pieces|boxes|cases|pallets|bottles|kg|kilos|kilograms|tonnes|tons|litres|"
        r"liters|copies|licen[cs]es|orders|products|bags|crates",
        r"quantit|units|volume|cases|amount|licen|items|pieces|order size",
    ),
]
# "more than 5 attendees", "over 1000 copies": a count with no subject before it
COUNT_ONLY = re.compile(
    r"^(?:there (?:are|is)\s+|they (?:are|have|need|order|book)\s+|it'?s\s+)?"
    r"(?P<op>(?:more|greater|fewer|less) than|over|above|under|below|at least|at most|"
    r"no more than|no fewer than|no less than|up to)\s+(?P<z>\d[\d,.]*\s*[km]?\s+[a-z]+.*)$",
    re.I,
)
_AGE = re.compile(
    r"^(?:[\w-]+\s+){0,2}(?P<op>over|under|aged? (?:over|under)|older than|younger than)\s+(?P<z>\d+)$",
    re.I,
)


def op_of(words: str) -> str:
    words = words.lower()
    if words in ("at least", "no fewer than", "no less than"):
        return "gte"
    if words in ("at most", "no more than", "up to"):
        return "lte"
    return "gt" if re.match(r"more|greater|over|above|older|aged? over", words) else "lt"


def age_condition(fields: list, cond: str, target) -> dict | None:
    """ "members under 18", "guests over 21": a rule on the form's age field, if it has one."""
    m = _AGE.match(cond.strip())
    age = next(
        (
            f
            for f in fields
            if f is not target and f["type"] == "number" and re.search(r"\bage\b", f["label"], re.I)
        ),
        None,
    )
    if not m or age is None:
        return None
    return _rule(age, op_of(m["op"]), number_in(m["z"]))


PERSON = re.compile(
    r"^(?:the |their |your |each |any )?(?:driver|applicant|guest|child|kid|student|patient|"
    r"participant|attendee|member|candidate|customer|traveller|traveler|rider|player|person|"
    r"climber|swimmer|runner|skier|diver|camper|learner|pupil|visitor|user|entrant|athlete|"
    r"competitor|cyclist|dancer|golfer|client|tenant|borrower|employee|volunteer)s?$",
    re.I,
)
_IDENTIFIER = re.compile(r"\b(?:number|no|id|code|reference|ref|name|email|phone|address)$", re.I)
_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*([km](?![a-z]))?", re.I)


def number_in(text: str) -> float | int | None:
    """The first number in ``text`` ("$50K" → 50000, "1,000" → 1000)."""
    m = _NUMBER.search(text.replace(",", ""))
    if not m:
        return None
    value = float(m.group(1)) * {"k": 1_000, "m": 1_000_000}.get((m.group(2) or "").lower(), 1)
    return int(value) if value.is_integer() else value


def condition(fields: list, y: str, op: str, z: str, target, *, create: bool):
    """(the condition, a note or None) for "<y> <op> <z>" with a numeric op."""
    limit = number_in(z)
    if limit is None:
        raise RefineError(f"“{z}” is not a number to compare “{y}” with")
    unit = re.search(r"\d[\d,.]*\s*[km]?\s+([a-z]+)", z.replace(",", ""), re.I)
    unit = unit.group(1).lower() if unit else ""
    others = [f for f in fields if f is not target]  # the target moves after its controller
    aged = re.match(r"\d[\d.]*\s+(?:years?|yrs?)\b", z.strip(), re.I) and not (
        y and not PERSON.match(y)
    )
    if aged:  # "if under 18 years old": an age, never "Years of experience"
        y = y or "age"
    named = _named(others, y) if not aged or y == "age" else None
    if named is None and (PERSON.match(y) or aged):  # "if the climber is under 16": their age
        named = next((f for f in others if re.search(r"\bage\b", f["label"], re.I)), None)
    if named is not None and _fits(named):
        return _rule(named, op, limit), None
    if named is not None and _convertible(named):
        named.update(type="number", min=0, max=None, max_length=None, options=[], regex=None)
        note = f"“{named['label']}” is now a number, for the rule on “{_label(target)}”: check it."
        return _rule(named, op, limit), note
    by_unit = None if aged else _by_unit(others, unit)
    if by_unit is not None:
        return _rule(by_unit, op, limit), None
    counted = None if aged else _by_unit(others, unit, convert=True)
    if counted is not None:  # "weekly loaves" asked as text, compared in loaves: a number
        counted.update(type="number", min=0, max=None, max_length=None, options=[], regex=None)
        note = (
            f"“{counted['label']}” is now a number, for the rule on “{_label(target)}”: check it."
        )
        return _rule(counted, op, limit), note
    if named is not None and not unit:  # "if the email is more than 5"
        raise RefineError(f"“{named['label']}” is not a number to compare with {limit}")
    if not create:
        raise RefineError(f"This form has no number field for “{y}”; add one first")
    field = _number_field(fields, y, unit if named is not None or _generic(y) else "")
    fields.insert(fields.index(target) if target in fields else len(fields), field)
    note = f"Added “{field['label']}” (a number) for the rule on “{_label(target)}”: check it."
    return _rule(field, op, limit), note


def _label(target) -> str:
    return target["label"] if target else "the follow-up"


def _named(fields: list, y: str) -> dict | None:
    for phrase in dict.fromkeys([y, re.sub(r"(?<=[a-z])s$", "", y)]):
        try:
            return find_field(fields, phrase)
        except RefineError:
            continue
    return None


def _fits(field: dict) -> bool:
    if field["type"] == "number":  # a date compares with a date, not with "500"
        return True
    options = field.get("options") or []
    return field["type"] == "select" and bool(options) and all(re.search(r"\d", o) for o in options)


def _by_unit(fields: list, unit: str, convert: bool = False) -> dict | None:
    """The field counting ``unit`` ("1000 copies" → "Number of copies"); ``convert``: a text
    field of the marketer's that names the unit ("weekly loaves"), to be made a number."""
    usable = _convertible if convert else _fits
    stem = re.sub(r"(?:ies|es|s)$", "", unit)
    if len(stem) >= 3:
        found = [
            f for f in fields if usable(f) and re.search(rf"\b{re.escape(stem)}", f["label"], re.I)
        ]
        if found or convert:
            return found[0] if found else None
    for units, names in _UNITS:
        if unit and re.fullmatch(units, unit):
            found = [
                f
                for f in fields
                if _fits(f)
                and re.search(names, f"{f['name'].replace('_', ' ')} {f['label']}", re.I)
            ]
            return found[0] if found else None
    return None


def _convertible(field: dict) -> bool:
    """The marketer's own short text field ("garden size", "team"), not a catalogue field
    (company, phone) nor an identifier ("order number")."""
    return (
        field["type"] == "text"
        and catalog.mapping_target(field["name"]) is None
        and field["name"] not in catalog.FIELDS
        and not _IDENTIFIER.search(field["label"].strip().rstrip("?"))
    )


def _generic(y: str) -> bool:
    """ "the order", "the team", "orders": a thing counted in the unit, not a quantity."""
    return len(y.split()) <= 2 and not PERSON.match(y)


def _number_field(fields: list, y: str, unit: str) -> dict:
    label = re.sub(r"^(?:the|their|your|each|any) ", "", y.strip(), flags=re.I)
    if PERSON.match(y):
        label = label.rstrip("s") + "'s age"
    elif label == "age":
        label, unit = "Age", ""
    elif unit:
        label = f"Number of {unit}"
    label = label[:1].upper() + label[1:]
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:46] or "number"
    names, name, i = {f["name"] for f in fields}, base, 2
    while name in names:
        name, i = f"{base}_{i}", i + 1
    return {"name": name, "type": "number", "label": label, "required": False, "min": 0}


def _rule(field: dict, op: str, limit) -> dict:
    if field.get("options"):  # "company size is more than 50" → the ranges above 50
        return {"field": field["name"], "op": "in", "value": _ranges(field, op, limit)}
    if op in ("gte", "lte"):  # whole numbers: at least 10 = more than 9
        step = 1 if isinstance(limit, int) else 0
        op, limit = ("gt", limit - step) if op == "gte" else ("lt", limit + step)
    return {"field": field["name"], "op": op, "value": limit}


def _ranges(field: dict, op: str, limit) -> list[str]:
    """The options of a range dropdown wholly above (gt) or below (lt) ``limit``."""
    picked = []
    for option in field["options"]:
        bounds = [number_in(m.group(0)) for m in _NUMBER.finditer(option.replace(",", ""))]
        low = 0 if option.strip().startswith("<") else bounds[0]
        high = float("inf") if option.strip().endswith("+") else bounds[-1]
        up, down = option.strip().endswith("+"), option.strip().startswith("<")
        if (  # "1000+" is above 1000, "<$10K" below 10000: the open end is the answer
            (op == "gt" and (low > limit or (up and low >= limit)))
            or (op == "gte" and low >= limit)
            or (op == "lt" and (high < limit or (down and high <= limit)))
            or (op == "lte" and high <= limit)
        ):
            picked.append(option)
    if not picked:
        above = op in ("gt", "gte")
        raise RefineError(
            f"No answer of “{field['label']}” is {'above' if above else 'below'} {limit}"
        )
    return picked
