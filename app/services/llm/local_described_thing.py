"""A listed "description" is of what the form is about (round 38b, issue 20).

A support form brings the stock "Describe the problem" ("What happened, and what did you
expect?"), and a bare "description" in the list is read as that concept. On a lost property
report ("what did you lose, description, which day") or a found pet ("type of animal,
colour, description") nothing went wrong: the visitor describes the lost item or the
animal. A pothole or a vulnerability report keeps the stock question. There the field keeps the marketer's word, "Description", and no
placeholder that speaks of a problem. A form about a fault, a bug, damage or a ticket keeps
the stock question: its description is of the problem.
"""

from __future__ import annotations

import re

# a form about something that went wrong: the description is of the problem
_FAULT = re.compile(
    r"\b(?:problems?|issues?|faults?|faulty|broken|errors?|bugs?|not working|crash\w*|"
    r"outages?|complain\w*|incidents?|leaks?|damaged?|tickets?|help ?desk|support|repairs?|"
    r"defects?|malfunction\w*|symptoms?)\b",
    re.I,
)
# "…, description, …": the bare word, an item of the list
_LISTED = re.compile(
    r"(?:^|[:,;]|\band\b)\s*(?:(?:a|short|brief)\s+)*description\s*(?=[,;.]|\band\b|$)", re.I
)


# a form about a thing a person lost, found, sells or gives: the description is of it
_THING = re.compile(
    r"\b(?:lost|found|stray|property|belongings|items?|sell\w*|sale|consign\w*|listings?|"
    r"donat\w*|auction\w*|swap\w*|adopt\w*)\b",
    re.I,
)


def described_thing(fields: list, text: str) -> None:
    """The stock problem question, asked by a bare "description" on a form about a thing
    and no fault, becomes "Description" (the marketer's word), with no placeholder."""
    if _FAULT.search(text) or not _THING.search(text) or not _LISTED.search(text):
        return
    for field in fields:
        if field["name"] == "description" and field["label"] == "Describe the problem":
            field["label"] = "Description"
            field.pop("placeholder", None)
