"""A field's preset answer, said the way marketers say it (issue 20, refine round three).

"priority should default to medium", "make Medium the default for priority", "pre-select
Weekly in frequency", "set the default of guests to 2", "tick the newsletter box by
default", "no default for priority". A dropdown's default is one of its options in the
option's own spelling; a consent box is never ticked in advance (the visitor gives consent,
the form does not), so that is answered with one sentence instead.

``apply(draft, clause, notes)`` returns True when the clause set or removed a default, False
when it is about something else (RefineError when it names a default that cannot be).
"""

from __future__ import annotations

import re

from app.services.forms.consent_field import CONSENT_TYPE
from app.services.llm.local_fields import RefineError
from app.services.llm.local_refine_targets import find_one

_THE = r"(?:the\s+)?"
_VALUE = r"[\"“‘']?(?P<value>[^\"”’']+?)[\"”’']?"
_SET = [
    rf"{_THE}(?P<target>.+?)\s+(?:field\s+|question\s+)?should\s+(?:be\s+)?default(?:ed)?\s+to\s+{_VALUE}",
    rf"{_THE}(?P<target>.+?)\s+(?:field\s+|question\s+)?(?:defaults?|should\s+start)\s+(?:to|at|on|as)\s+{_VALUE}",
    rf"(?:set|change|make)\s+{_THE}default(?:\s+(?:value|answer|option))?\s+(?:of|for|on)\s+{_THE}(?P<target>.+?)\s+(?:to|:)\s*{_VALUE}",
    rf"default\s+{_THE}(?P<target>.+?)\s+to\s+{_VALUE}",
    rf"make\s+{_VALUE}\s+(?:the\s+)?default(?:\s+(?:value|answer|option|choice))?\s+(?:for|of|in|on)\s+{_THE}(?P<target>.+?)",
    rf"(?:pre-?\s?select|pre-?\s?fill|pre-?\s?tick)\s+{_VALUE}\s+(?:for|in|on)\s+{_THE}(?P<target>.+?)",
]
_TICK = rf"(?:tick|check|pre-?\s?tick)\s+{_THE}(?P<target>.+?)\s+(?:by default|in advance)"
_NONE = (
    rf"(?:no|remove|clear|drop)\s+{_THE}default(?:\s+(?:value|answer))?\s+"
    rf"(?:for|of|on|in)\s+{_THE}(?P<target>.+?)"
)


def _p(pattern: str) -> re.Pattern:
    return re.compile(rf"^(?:{pattern})\s*[.!]?$", re.I)


_SET_RE = [_p(p) for p in _SET]
_TICK_RE, _NONE_RE = _p(_TICK), _p(_NONE)


def apply(draft: dict, clause: str, notes: list) -> bool:
    text = re.sub(r"\s+", " ", clause.strip())
    gone = _NONE_RE.match(text)
    if gone:
        find_one(draft["fields"], gone["target"])["default"] = None
        return True
    ticked = _TICK_RE.match(text)
    if ticked:
        _set(find_one(draft["fields"], ticked["target"]), True)
        return True
    for pattern in _SET_RE:
        m = pattern.match(text)
        if m:
            _set(find_one(draft["fields"], m["target"]), m["value"].strip())
            return True
    return False


def _set(field: dict, value) -> None:
    label, ftype = field["label"], field["type"]
    if (
        ftype == CONSENT_TYPE
        or ftype == "checkbox"
        and re.search(
            r"consent|agree|marketing|newsletter|updates|contact", f"{field['name']} {label}", re.I
        )
    ):
        raise RefineError(
            f"“{label}” asks for consent, which the visitor gives: it is never ticked in advance"
        )
    if ftype == "checkbox":
        field["default"] = value is True or str(value).lower() in ("yes", "ticked", "checked", "on")
        return
    if ftype in ("select", "multiselect"):
        option = next((o for o in field["options"] if o.lower() == str(value).lower()), None)
        if option is None:
            raise RefineError(
                f"“{value}” is not one of the options of “{label}” ({', '.join(field['options'])})"
            )
        field["default"] = [option] if ftype == "multiselect" else option
        return
    if ftype == "number":
        if not re.fullmatch(r"-?\d+(?:\.\d+)?", str(value)):
            raise RefineError(f"“{label}” takes a number, e.g. 'set the default of {label} to 2'")
        field["default"] = float(value) if "." in str(value) else int(value)
        return
    if ftype in ("file", "date"):
        raise RefineError(f"“{label}” cannot have a preset answer")
    field["default"] = str(value)
