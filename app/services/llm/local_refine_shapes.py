"""Refinements that change what a field is, in the words a marketer uses on a fresh draft
(local engine, stop 15):

- a scale: "make the rating 1 to 10", "make how useful was it a 1-5 rating";
- a yes/no question: "make would you use us again a yes/no question", "turn previous
  injuries into a yes or no";
- a checkbox with its words: "add a checkbox: Also send me event invites";
- a name in two: "split the name into first and last name", "use first name and last
  name instead of full name";
- date and time in one field, which no field type holds: said in one sentence, with what
  to do instead.

``apply(draft, clause, notes)`` applies the clause when one of these reads it (RefineError
when it is one of these but cannot be done) or returns False to let the other handlers try.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_fields import RefineError, _build
from app.services.llm.local_refine_targets import find_many, find_one


def _p(pattern: str) -> re.Pattern:
    return re.compile(rf"^(?:{pattern})\s*[.!]?$", re.I)


def _scale(draft: dict, m: re.Match) -> None:
    # "make speed, reliability and customer service a rating from 1 to 5": each of them
    for field in find_many(draft["fields"], m["target"]):
        _one_scale(field, m)


def _one_scale(field: dict, m: re.Match) -> None:
    low, high = int(m["lo"] or 1), int(m["hi"])
    if low >= high:
        raise RefineError(f"A scale runs from low to high, e.g. 'make {field['label']} 1 to 5'")
    if m["widget"] and high - low <= 40:  # "a dropdown from 3 to 12": each number a choice
        options = [str(n) for n in range(low, high + 1)]
        field.update(type="select", options=options, min=None, max=None, max_length=None)
        return
    help_ = field.get("help") or ""
    if (
        field["type"] == "number"
        and help_
        and re.findall(r"\d+", help_)
        == [
            str(field.get("min")),
            str(field.get("max")),
        ]
    ):  # "From 1 to 5" (or "De 1 à 5") says the old scale: it follows the new one
        nums = iter((low, high))
        field["help"] = re.sub(r"\d+", lambda _: str(next(nums)), help_)
    field.update(type="number", min=low, max=high, options=[], max_length=None, regex=None)


def _several(draft: dict, m: re.Match) -> None:
    field = find_one(draft["fields"], m["target"])
    if field["type"] not in ("select", "multiselect"):
        raise RefineError(f"“{field['label']}” has no answers to choose from; give them first")
    field["type"] = "multiselect"


def _yes_no(draft: dict, m: re.Match) -> None:
    field = find_one(draft["fields"], m["target"])
    field.update(type="select", options=["Yes", "No"], min=None, max=None, max_length=None)


def _checkbox(draft: dict, m: re.Match) -> None:
    label = m["label"].strip().strip("\"“”'‘’").strip()
    box = _build(label, "checkbox", None)  # the field "add a checkbox called X" would make
    if any(f["name"] == box["name"] for f in draft["fields"]):
        raise RefineError(f"The form already has a field “{label}”")
    draft["fields"].append({**box, "required": False})


def _split_name(draft: dict, m: re.Match) -> None:
    fields = draft["fields"]
    whole = next((f for f in fields if f["name"] in ("name", "full_name")), None)
    if whole is None:
        raise RefineError("The form has no name field to split")
    if any(f["name"] in ("first_name", "last_name") for f in fields):
        raise RefineError("The form already asks for a first or last name")
    first, last = catalog.field("first_name"), catalog.field("last_name")
    first["required"] = last["required"] = whole["required"]
    at = fields.index(whole)
    fields[at : at + 1] = [first, last]
    mapping = draft.setdefault("field_mapping", {})
    mapping.pop(whole["name"], None)
    for f in (first, last):
        target = catalog.mapping_target(f["name"])
        if target and target not in mapping.values():
            mapping[f["name"]] = target


def _date_and_time(draft: dict, m: re.Match) -> None:
    raise RefineError(
        "A field holds a date or a time, not both (try 'make the time a dropdown: Morning, Afternoon')"
    )


_OF = r"(?:the\s+)?"
_WIDGET = r"(?:(?P<widget>drop-?\s?down|select|list|choice)\s+)?"
_RANGE = (
    r"(?:scale\s+)?(?:of\s+|from\s+)?(?P<lo>\d{1,2})\s*(?:-|–|to)\s*(?P<hi>\d{1,3})"
    r"(?:\s+(?:stars?|rating|scale|points))?"
)
_RATED = r"(?:(?:star\s+)?ratings?|scales?|scores?)"
HANDLERS = [
    # "make speed a rating from 1 to 5", "rate speed 1-5", "make speed a rating out of 10"
    (_p(rf"(?:make|set|change|turn)\s+{_OF}(?P<target>.+?)\s+(?:(?:in)?to\s+)?an?\s+{_RATED}\s+{_RANGE}(?P<widget>)"), _scale),
    (_p(rf"rate\s+{_OF}(?P<target>.+?)\s+(?:on\s+a\s+)?{_RANGE}(?P<widget>)"), _scale),
    (_p(rf"(?:make|set|change|turn)\s+{_OF}(?P<target>.+?)\s+(?:(?:in)?to\s+)?(?:an?\s+)?{_RATED}\s+out\s+of\s+(?P<hi>\d{{1,3}})(?:\s+stars?)?(?P<lo>)(?P<widget>)"), _scale),
    (_p(rf"(?:make|set|change|turn)\s+{_OF}(?P<target>.+?)\s+(?:(?:in)?to\s+)?(?:an?\s+)?(?P<hi>\d{{1,2}})[- ]stars?(?:\s+{_RATED})?(?P<lo>)(?P<widget>)"), _scale),
    # (a field named before a colon: "make age a dropdown: 6-8, 9-11, 12-14" lists answers)
    (_p(rf"(?:make|set|change|turn)\s+{_OF}(?P<target>[^:]+?)\s+(?:in)?to\s+(?:an?\s+)?{_WIDGET}{_RANGE}"), _scale),
    (_p(rf"(?:make|set|change|turn)\s+{_OF}(?P<target>[^:]+?)\s+(?:an?\s+|on\s+a\s+)?{_WIDGET}{_RANGE}"), _scale),
    (_p(rf"(?:make|let)\s+{_OF}(?P<target>.+?)\s+(?:allow|accept|take|have|let people (?:pick|choose|tick))\s+"
        r"(?:several|multiple|more than one|many)(?:\s+(?:answers?|choices?|options?|ticks?))?"), _several),
    (_p(rf"(?:make|turn|change)\s+{_OF}(?P<target>.+?)\s+(?:in)?(?:to\s+)?(?:an?\s+)?yes\s*(?:/|or|-)\s*no"
        r"(?:\s+(?:question|choice|field|answer|dropdown))?"), _yes_no),
    (_p(r"add\s+(?:an?\s+)?(?:optional\s+)?(?:check-?\s?box|tick-?\s?box)\s*(?::|saying|that says|labell?ed|"
        r"with the (?:text|words)|reading)\s*(?P<label>.+)"), _checkbox),
    (_p(r"split\s+(?:the\s+)?(?:full\s+)?name(?:\s+field)?\s+into\s+(?:a\s+)?first(?:\s+name)?\s+and\s+(?:a\s+)?"
        r"(?:last|sur|family)\s*name(?:\s+fields?)?|"
        r"(?:use|ask for|have)\s+(?:a\s+)?first(?:\s+name)?\s+and\s+(?:a\s+)?(?:last|sur|family)\s*name"
        r"(?:\s+fields?)?\s+instead\s+of\s+(?:the\s+|a\s+)?(?:full\s+)?name(?:\s+field)?|"
        r"separate\s+(?:the\s+)?first\s+and\s+last\s+names?"), _split_name),
    (_p(r"(?:merge|combine|join|put)\s+(?:the\s+)?(?:date\s+and\s+time|time\s+and\s+date)"
        r"(?:\s+(?:of|for)\s+.+?)?\s+(?:into|in|as)\s+(?:one|a single|a)(?:\s+field)?|"
        r"(?:make|turn)\s+(?:the\s+)?date\s+(?:field\s+)?(?:a|into a)\s+date\s+and\s+time(?:\s+field)?"), _date_and_time),
]  # fmt: skip


def apply(draft: dict, clause: str, notes: list) -> bool:
    """Apply the clause when one of these reads it; False to let the other handlers try."""
    for pattern, handler in HANDLERS:
        m = pattern.match(clause.strip())
        if m:
            handler(draft, m)
            return True
    return False
