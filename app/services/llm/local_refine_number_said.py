"""A field said to be a number, with its limits, in the marketer's words (issue 20, round 44c).

"Alter soll eine Zahl sein, mindestens 6", "l'âge doit être un nombre, minimum 6", "la edad
debe ser un número, mínimo 6", "l'età deve essere un numero tra 6 e 99", "leeftijd moet een
getal zijn, minimaal 6", "age should be a number, at least 6", "Alter: mindestens 6, höchstens
99": a kind and its limits in one sentence. Read as they were, the kind readers took "Alter eine
Zahl sein," for a field's name and refused, the English ones dropped the limit without a word,
and two limits after a colon became the answers of a dropdown ("Mindestens 6", "Höchstens 99").

``rewrite(text, fields)`` says such a note as "make <key> a number; <key>: at least 6" (the
limits as local_refine_limits reads them), or None when it names no field or says more than
a kind and its limits.
"""

from __future__ import annotations

import re

from app.services.llm.local_refine_targets import glossed

_NUMBER = (
    r"(?:an?\s+)?(?:whole\s+)?(?:number|numeric(?:\s+field)?|integer)|eine\s+(?:ganze\s+)?zahl|"
    r"eine\s+nummer|numerisch|ein\s+zahlenfeld|une?\s+(?:nombre|chiffre)(?:\s+entier)?|num[ée]rique|"
    r"un\s+n[úu]mero(?:\s+entero)?|num[ée]ric[oa]|un\s+numero(?:\s+intero)?|een\s+(?:heel\s+)?getal|"
    r"een\s+nummer|numeriek|um\s+n[úu]mero(?:\s+inteiro)?"
)
_IS = (
    r"should\s+be|must\s+be|needs\s+to\s+be|has\s+to\s+be|is|soll(?:te)?|muss|ist|doit\s+[êe]tre|"
    r"devrait\s+[êe]tre|est|debe\s+ser|deber[íi]a\s+ser|tiene\s+que\s+ser|es|deve\s+essere|"
    r"dovrebbe\s+essere|è|moet|zou\s+moeten|deve\s+ser|deveria\s+ser|tem\s+que\s+ser|é"
)
_ARTICLE = r"(?:the|le|la|les|l['’]|el|los|las|der|die|das|il|lo|de|het|o|a)\s*"
_STATED = re.compile(
    rf"^(?:(?:make|turn|change)\s+)?(?:{_ARTICLE})?(?P<x>[^,:;]+?)\s+(?:(?:{_IS})\s+)?(?:(?:into|to)\s+)?"
    rf"(?:{_NUMBER})(?:\s+(?:field|sein|zijn))?(?P<limits>(?:\s*[,:–-]?\s*|\s+).+)?$",
    re.I,
)
# two limits with no kind: "Alter: mindestens 6, höchstens 99", "age at least 6, at most 99"
_LIMITED = re.compile(rf"^(?:{_ARTICLE})?(?P<x>[^,:;]+?)\s*(?::|\s)\s*(?P<limits>.+)$", re.I)

_MIN = (
    r"at\s+least|minimum(?:\s+of)?|min\.?|no\s+less\s+than|from|mindestens|minimal|ab|au\s+moins|"
    r"au\s+minimum|m[íi]nimo|al\s+menos|como\s+m[íi]nimo|almeno|minimaal|minstens|ten\s+minste|"
    r"pelo\s+menos|no\s+m[íi]nimo"
)
_MAX = (
    r"at\s+most|maximum(?:\s+of)?|max\.?|up\s+to|no\s+more\s+than|h[öo]chstens|maximal|bis|"
    r"au\s+plus|au\s+maximum|jusqu['’][àa]|m[áa]ximo|como\s+m[áa]ximo|hasta|massimo|al\s+massimo|"
    r"fino\s+a|maximaal|hoogstens|ten\s+hoogste|no\s+m[áa]ximo|at[ée]"
)
_BETWEEN = r"between|zwischen|entre|tra|fra|tussen|von|de|da|van|from"
_AND = r"and|und|et|y|e|en|bis|[àa]|tot|to"
_PARTS = [
    ("both", re.compile(rf"\b(?:{_BETWEEN})\s+(?P<lo>\d+)\s+(?:{_AND})\s+(?P<hi>\d+)", re.I)),
    ("both", re.compile(r"(?P<lo>\d+)\s*(?:-|–|to|bis)\s*(?P<hi>\d+)", re.I)),
    (
        "min",
        re.compile(
            rf"\b(?:{_MIN})\s*:?\s*(?P<lo>\d+)|(?P<lo2>\d+)\s+(?:minimum|min\.?|mínimo)", re.I
        ),
    ),
    (
        "max",
        re.compile(
            rf"\b(?:{_MAX})\s*:?\s*(?P<hi>\d+)|(?P<hi2>\d+)\s+(?:maximum|max\.?|máximo)", re.I
        ),
    ),
]
# what may stand between and around the limits ("…, mindestens 6 und höchstens 99 sein")
_GLUE = re.compile(
    r"^(?:[\s,.;:–-]|\b(?:and|und|et|y|e|en|with|mit|avec|con|com|met|sein|zijn|essere|ser|[êe]tre|"
    r"years?|jahre?n?|ans|a[ñn]os|anni|jaar|anos|old|alt)\b)*$",
    re.I,
)


def rewrite(text: str, fields: list) -> str | None:
    said = text.strip().rstrip(".!")
    stated = _STATED.match(said)
    if stated:
        field = glossed(fields, stated["x"])
        limits = _limits(stated["limits"] or "")
        if field is None or limits is None:
            return None
        kind = f"make {field['name']} a number"
        return "; ".join([kind, *_said(field, limits)])
    listed = _LIMITED.match(said)
    if listed:
        field = glossed(fields, listed["x"])
        limits = _limits(listed["limits"])
        # one limit is the limit readers'; a dropdown's "500-2000" may be an answer
        if field is not None and limits and len(limits) == 2 and field["type"] == "number":
            return "; ".join(_said(field, limits))
    return None


def _limits(text: str) -> dict | None:
    """{"min": 6, "max": 99} said in ``text``, or None when it says anything else."""
    found, rest = {}, text
    for kind, pattern in _PARTS:
        m = pattern.search(rest)
        if not m or (kind != "both" and kind in found):
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        lo = groups.get("lo") or groups.get("lo2")
        hi = groups.get("hi") or groups.get("hi2")
        if lo:
            found["min"] = int(lo)
        if hi:
            found["max"] = int(hi)
        rest = rest[: m.start()] + " " + rest[m.end() :]
    if not _GLUE.match(rest):
        return None
    if "min" in found and "max" in found and found["min"] > found["max"]:
        return None
    return found


def _said(field: dict, limits: dict) -> list[str]:
    key = field["name"]
    if "min" in limits and "max" in limits:
        return [f"{key}: between {limits['min']} and {limits['max']}"]
    if "min" in limits:
        return [f"{key}: at least {limits['min']}"]
    return [f"{key}: at most {limits['max']}"] if "max" in limits else []
