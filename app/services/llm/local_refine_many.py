"""Notes that name several fields at once, by place or by kind (issue 20, stop 31).

A marketer tidying a draft says "remove the last two questions", "delete everything after
dietary requirements", "make every text field optional", "all the date fields are required
except the wedding date", "let's not ask for email, phone is enough". Each is said again as
the plain changes the handlers read, one per field ("remove Message; remove Dietary
requirements"), so the fields touched are exactly the ones the words point at. A place or a
kind that points at no field of this form is left to the other readers, which ask.
"""

from __future__ import annotations

import re

from app.services.llm.local_fields import RefineError
from app.services.llm.local_refine_targets import find_many

_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_REMOVE = r"remove|delete|drop|cut|scrap|bin|lose|get rid of|take out|take off"
_THINGS = r"(?:questions|fields|ones|items|boxes)"
# "remove the last two questions", "delete the first 3 fields"
_ENDS = re.compile(
    rf"^(?:{_REMOVE})\s+(?:the\s+)?(?P<end>last|final|bottom|first|top)\s+"
    rf"(?:(?P<n>{'|'.join(_COUNT)})\s+{_THINGS}|(?:question|field|one|item|box))$",
    re.I,
)
# "delete everything after dietary requirements", "remove all the questions below budget",
# "everything after the message can go"
_AROUND = re.compile(
    rf"^(?:(?:{_REMOVE})\s+)?(?:everything|all(?: the)? {_THINGS}|all|the rest|anything)\s+"
    r"(?P<where>after|below|under|underneath|before|above)\s+(?P<x>.+?)"
    r"(?:\s+(?:can go|has to go|should go|goes|must go))?$",
    re.I,
)
_KIND_WORDS = {
    "text": ("text", "textarea"),
    "long text": ("textarea",),
    "short text": ("text",),
    "number": ("number",),
    "date": ("date",),
    "upload": ("file",),
    "file": ("file",),
    "dropdown": ("select",),
    "drop-down": ("select",),
    "checkbox": ("checkbox",),
    "tick box": ("checkbox",),
    "yes/no": ("yes/no",),
}
# "make every text field optional", "all the date fields should be required except …"
_EVERY = re.compile(
    r"^(?:make|set)?\s*(?:every|all(?: of)?(?: the)?|each)\s+(?P<kind>"
    + "|".join(re.escape(k) for k in sorted(_KIND_WORDS, key=len, reverse=True))
    + r")\s+(?:fields?|questions?|boxes?|inputs?)\s+(?:should be |must be |are |is |to be )?"
    r"(?P<flag>optional|required|mandatory|compulsory)"
    r"(?:\s*,?\s+(?:except|but|apart from|other than|besides)\s+(?:for\s+)?(?P<but>.+))?$",
    re.I,
)
# "let's not ask for email, phone is enough"; "phone is enough, no need for email"
_INSTEAD = re.compile(
    r"^(?:let'?s\s+|we can\s+)?(?:not ask for|don'?t ask for|do not ask for|no need for|skip|drop)\s+"
    r"(?:the\s+)?(?P<gone>.+?)\s*[,;-]+\s*(?:the\s+)?(?P<kept>.+?)\s+(?:is|are)\s+enough$"
    r"|^(?:the\s+)?(?P<kept2>.+?)\s+(?:is|are)\s+enough\s*[,;-]+\s*(?:so\s+)?(?:no need for|don'?t ask for|"
    r"do not ask for|drop|skip|remove)\s+(?:the\s+)?(?P<gone2>.+)$",
    re.I,
)


def rewrite(text: str, fields: list) -> str | None:
    """The note as plain changes, one per field; None when it is not one of these."""
    if not fields:
        return None
    return (
        _ends(text, fields)
        or _around(text, fields)
        or _every(text, fields)
        or _instead(text, fields)
    )


def _plain(verb: str, chosen: list, tail: str = "") -> str:
    return "; ".join(f"{verb} {_label(f)}{tail}" for f in chosen)


def _label(field: dict) -> str:
    return (field.get("label") or field["name"]).rstrip("?").strip()


def _one(fields: list, words: str) -> dict | None:
    try:
        found = find_many(fields, words)
    except RefineError:
        return None
    return found[0] if len(found) == 1 else None


def _ends(text: str, fields: list) -> str | None:
    m = _ENDS.match(text.strip())
    # "remove the last question" of a note that also adds one: the form as the note found it
    n = _COUNT[m["n"].lower()] if m and m["n"] else 1
    if not m or n >= len(fields):
        return None  # "remove the last five questions" of a five-question form: ask
    chosen = fields[-n:] if m["end"].lower() in ("last", "final", "bottom") else fields[:n]
    return _plain("remove", chosen)


def _around(text: str, fields: list) -> str | None:
    m = _AROUND.match(text.strip())
    if (
        not m
        or not re.match(rf"(?:{_REMOVE})\b", text.strip(), re.I)
        and not re.search(r"\bgo(?:es)?$", text.strip(), re.I)
    ):
        return None  # "everything after the budget is optional" is no removal
    anchor = _one(fields, m["x"])
    if anchor is None:
        return None
    at = fields.index(anchor)
    after = m["where"].lower() in ("after", "below", "under", "underneath")
    chosen = fields[at + 1 :] if after else fields[:at]
    if not chosen or len(chosen) == len(fields):
        return None
    return _plain("remove", chosen)


def _of_kind(field: dict, kinds: tuple) -> bool:
    if kinds == ("yes/no",):
        return field["type"] in ("select", "radio") and [
            str(o).lower() for o in field.get("options") or []
        ] == ["yes", "no"]
    return field["type"] in kinds


def _every(text: str, fields: list) -> str | None:
    m = _EVERY.match(text.strip())
    if not m:
        return None
    kinds = _KIND_WORDS[m["kind"].lower()]
    chosen = [f for f in fields if _of_kind(f, kinds)]
    if m["but"]:
        try:
            spared = find_many(fields, m["but"])
        except RefineError:
            return None  # "except the one about pets": which one is asked, not guessed
        chosen = [f for f in chosen if f not in spared]
    if not chosen:
        return None
    flag = "optional" if m["flag"].lower() == "optional" else "required"
    return _plain("make", chosen, f" {flag}")


def _instead(text: str, fields: list) -> str | None:
    m = _INSTEAD.match(text.strip().rstrip(".!"))
    if not m:
        return None
    gone = _one(fields, m["gone"] or m["gone2"])
    kept = _one(fields, m["kept"] or m["kept2"])
    if gone is None or kept is None or gone is kept:
        return None
    return f"remove {_label(gone)}; make {_label(kept)} required"
