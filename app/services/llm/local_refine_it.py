""" "it" in a refinement is the field the previous instruction touched (issue 20, round 21r).

"add an email field after phone and make it required", "add a budget question, then move it
to the top": a marketer names a field once. ``resolve`` puts the field's label where the
pronoun stands, quoted, so every handler reads it as the field; ``touched`` tells which
field an instruction added or changed.
"""

from __future__ import annotations

import re

_IT = re.compile(
    r"^(?P<verb>make|set|mark|move|put|place|rename|relabel|call|change|turn|remove|delete|drop|"
    r"require|show|hide|only show)\s+(?P<it>it|that one|this one|that field|this field|that question|"
    r"this question)\b",
    re.I,
)
# "remove the placeholder of it", "change the options of it to A, B", "put comments before it"
_OF_IT = re.compile(
    r"\b(?:of|from|on|for|before|after|above|below|under|next to)\s+(?P<it>it)\b(?!')\s*[.!]?$"
    r"|\b(?:of|from|on|for)\s+(?P<it2>it)\b(?!')",
    re.I,
)


def resolve(clause: str, last: str | None) -> str:
    """The clause with "it" replaced by the last touched field's quoted label."""
    said = _IT.match(clause) or _OF_IT.search(clause)
    if not said or not last:
        return clause
    group = "it" if said.group("it") else "it2"
    return f"{clause[: said.start(group)]}“{last}”{clause[said.end(group) :]}"


def snapshot(fields: list) -> dict:
    return {f["name"]: dict(f) for f in fields}


def touched(before: dict, fields: list, clause: str = "") -> str | None:
    """The label of the first field added, changed or moved since ``before``; else the field
    the clause names first ("put phone after email and make it required", where the phone
    already was after the email: "it" is the phone); None if none."""
    for f in fields:
        if f["name"] not in before or before[f["name"]] != f:
            return f["label"]
    order, now = list(before), [f["name"] for f in fields]
    for name in now:  # one field moved: the others keep their order
        if order != now and [n for n in order if n != name] == [n for n in now if n != name]:
            return next(f["label"] for f in fields if f["name"] == name)
    return named_first(clause, fields)


def named_first(clause: str, fields: list) -> str | None:
    said = []
    for f in fields:
        for words in {f["label"].strip(" ?").lower(), f["name"].replace("_", " ")}:
            at = re.search(rf"\b{re.escape(words)}\b", clause, re.I)
            if words and at:
                said.append((at.start(), -len(words), f["label"]))
    return min(said)[2] if said else None
