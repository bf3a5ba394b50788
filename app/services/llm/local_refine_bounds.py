"""Two limits in one breath, and an age said as a rule (issue 20, stop 31).

"number of guests max 10, min 1" and "guests: at least 1, at most 10" set both ends of one
number. "volunteers must be 18 or older", "the minimum age is 18", "18+ only" are a rule about
who may send the form: the form's age becomes at least 18 when it asks the age as a number;
otherwise a required tick box says it ("I am 18 or older"), as the best form builders do.
Before this, the words "18 or older" were read as a list of answers and a number became a
dropdown of "18" and "Older" (the guest count of a gala, a form's message box): a silent wrong
edit.
"""

from __future__ import annotations

import re

from app.services.llm.local_fields import RefineError
from app.services.llm.local_refine_targets import find_many

_MAX = r"max(?:imum)?\.?|at most|up to|no more than|not more than"
_MIN = r"min(?:imum)?\.?|at least|no less than|not less than"
# "number of guests max 10, min 1", "guests: at least 1, at most 10", "set X min to 2 and max to 10"
_BOTH = re.compile(
    rf"^(?:set\s+)?(?:the\s+)?(?P<x>.+?)\s*[:,-]?\s+(?:"
    rf"(?:{_MAX})\s*(?:to\s+|of\s+|is\s+|=\s*)?(?P<hi>\d+)\s*(?:,|and|&|;)?\s*(?:{_MIN})\s*(?:to\s+|of\s+|is\s+|=\s*)?(?P<lo>\d+)"
    rf"|(?:{_MIN})\s*(?:to\s+|of\s+|is\s+|=\s*)?(?P<lo2>\d+)\s*(?:,|and|&|;)?\s*(?:{_MAX})\s*(?:to\s+|of\s+|is\s+|=\s*)?(?P<hi2>\d+)"
    r")$",
    re.I,
)
_OLDER = r"or (?:older|over|above|more)|and (?:older|over|up|above)|\+"
# "volunteers must be 18 or older", "you have to be 16+", "age must be 18 or over", "18+ only",
# "the minimum age is 18", "only adults (18+)", "over 18s only"
_AGE_RULE = re.compile(
    rf"^(?:(?P<who>.+?)\s+(?:must|should|have to|has to|need to|needs to)\s+be\s+(?:aged\s+)?"
    rf"(?P<n>\d{{1,2}})\s*(?:years?(?: old)?\s*)?(?:{_OLDER})"
    rf"|(?:only\s+)?(?P<n2>\d{{1,2}})\s*\+\s*only|only\s+(?P<n3>\d{{1,2}})\s*\+"
    rf"|(?:the\s+)?min(?:imum)? age(?: is| should be| must be|:)?\s+(?P<n4>\d{{1,2}})"
    rf"|over\s+(?P<n5>\d{{1,2}})s\s+only)$",
    re.I,
)
_AGE_LABEL = re.compile(
    r"^(?:your |the |child'?s |their )?(?:age|âge|edad|alter|età|idade|leeftijd)\??$", re.I
)
# who the rule is about when it is not the visitor: "all guests are 18 or older"
_GROUP = re.compile(
    r"\b(?:guests|passengers|attendees|everyone in the (?:group|party)|the group)\b", re.I
)


def rewrite(text: str, fields: list) -> str | None:
    """The note in the handlers' words; None when it is neither."""
    said = text.strip().rstrip(".!")
    return _both(said, fields) or _age_rule(said, fields)


def _field(fields: list, words: str) -> dict | None:
    try:
        found = find_many(fields, words)
    except RefineError:
        return None
    return found[0] if len(found) == 1 else None


def _both(text: str, fields: list) -> str | None:
    m = _BOTH.match(text)
    if not m:
        return None
    field = _field(fields, m["x"])
    lo, hi = int(m["lo"] or m["lo2"]), int(m["hi"] or m["hi2"])
    if field is None or field["type"] not in ("number", "text", "textarea") or lo > hi:
        return None  # a dropdown takes no limits: the handlers say so
    return f"{field['label'].rstrip('?')} from {lo} to {hi}"


def _age_rule(text: str, fields: list) -> str | None:
    m = _AGE_RULE.match(text)
    if not m:
        return None
    n = int(next(v for v in (m["n"], m["n2"], m["n3"], m["n4"], m["n5"]) if v))
    age = next(
        (f for f in fields if f["type"] == "number" and _AGE_LABEL.match(f.get("label") or "")),
        None,
    )
    if age is not None:
        return f"{age['label'].rstrip('?')} should be at least {n}"
    who = m["who"] or ""
    group = _GROUP.search(who)
    said = f"All {group[0].lower()} are {n} or older" if group else f"I am {n} or older"
    if any((f.get("label") or "").lower() == said.lower() for f in fields):
        return None  # the tick box is there already: the handlers say nothing changed
    return f"add a required checkbox '{said}'"
