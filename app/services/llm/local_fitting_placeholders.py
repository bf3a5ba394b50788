"""A stock placeholder fits the question it sits under (round 39b).

The catalog's fields bring an example answer: the problem description "What happened, and
what did you expect?", a car's "e.g. Toyota" / "e.g. Corolla". When the marketer's item is
read as that field but asks something else ("describe the size" of a pothole, "describe the
item" lost at a stadium, a bike's "make and model"), the example speaks of another question;
the field keeps the marketer's words and no placeholder. Nobody "expected" anything of an
accident, a theft or an incident: on such a report "What happened?" stands alone. A job
title's "Head of Operations" is an office's example: in a school, a nursery, a care home or a
club the role asked is another kind, and no example is better than a wrong one (round 40b).
"""

from __future__ import annotations

import re

from app.services.llm.local_clock_time import HAPPENED

# what the problem's example fits: a label about something that went wrong or happened
_PROBLEM = re.compile(
    r"\b(?:problems?|issues?|faults?|wrong|happen\w*|bugs?|errors?|complain\w*|incidents?|"
    r"not working|broken|damaged?|symptoms?|concerns?|query|queries|request|questions?|help|"
    r"experience|feedback|situation|message|details|description|describe|it|this|that)$|"
    r"^(?:description|details|message|what happened|what went wrong)\b",
    re.I,
)
# "describe the size", "description of the item": a thing named after the verb
_DESCRIBE_THING = re.compile(r"^(?:briefly\s+)?(?:describe|description of)\s+(?P<thing>.+)$", re.I)
_VEHICLE = re.compile(
    r"\b(?:cars?|vehicles?|vans?|trucks?|lorr(?:y|ies)|motor\w*|auto\w*|garage|mot|"
    r"tyres?|tires?|coche|voiture|fahrzeug\w*|carro|veicolo|taxi|driv\w+|test[- ]drives?|"
    r"probefahrt\w*|kfz|pkw|itv|matr[íi]cula|dealers?(?:hip)?|concessionnaire)\b",
    re.I,
)

# a world where a person's role is not an office's: a school, a nursery, a care home, a
# hospital, a parish, a club (a "Role" there is a teacher, a carer, a coach)
_NOT_AN_OFFICE = re.compile(
    r"\b(?:schools?|pupils?|students?|teachers?|classroom|nurser(?:y|ies)|pre-?school|"
    r"child(?:ren)?(?:'s)?|kids?|safeguarding|care homes?|residents?|patients?|hospitals?|"
    r"clinics?|wards?|surgery|church|parish|choir|clubs?|scouts?|guides|volunteers?|"
    r"colegio|escuela|[ée]cole|schule|kita|escola|scuola)\b",
    re.I,
)


# a lost item is described, not a disappointment: nobody "expected" anything of it
_LOST_ITEM = re.compile(
    r"\blost (?:property|and found|item)|\bwhat (?:did|have) you (?:lose|lost)\b|\bobjets? trouv[ée]s?\b|"
    r"\bobjetos? perdidos?\b|\bfundsachen?\b|\bfundb[üu]ro\b|\bachados e perdidos\b|\boggetti smarriti\b|"
    r"\bgevonden voorwerpen\b",
    re.I,
)


def _problem_asked(label: str, described: str) -> bool:
    thing = _DESCRIBE_THING.match(label)
    return (
        not (thing and not _PROBLEM.search(thing["thing"]))
        and not HAPPENED.search(described)
        and not _LOST_ITEM.search(described)
    )


_STOCK = {
    "What happened, and what did you expect?": _problem_asked,
    "e.g. Toyota": lambda label, described: bool(_VEHICLE.search(described)),
    "e.g. Corolla": lambda label, described: bool(_VEHICLE.search(described)),
    "Head of Operations": lambda label, described: not _NOT_AN_OFFICE.search(described),
}


def fit_placeholders(fields: list, described: str) -> None:
    """Each stock example the field's question and the form do not ask about, taken off."""
    for f in fields:
        fits = _STOCK.get(f.get("placeholder") or "")
        if fits and not fits((f.get("label") or "").strip(" ?"), described):
            f.pop("placeholder")
