"""The field a condition note is about, found by a word of its label (issue 20, round 44c).

"only ask for the new size if they chose exchange" on a return form that asks "Size ordered"
and "Exchange what size?": the marketer names the field by a word of its label ("size"), with
a word of their own ("new"). Read as a new field, the show_if reader added the library's
"Company size" (1-10, 11-50, …) shown on Exchange; "only ask for the guest count if they're
attending" added a "Guest count" beside "Number of guests". Here the field is the one whose
label holds the words said; of two ("Size ordered", "Exchange what size?"), the one asked after
the question the condition is on (a size asked before the visitor chose Exchange is the size
they sent back), else the note is refused naming both, as is one asked only before it. A
condition note never adds a library field the marketer did not name (``library_added``).
"""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.services.llm import local_catalog as catalog
from app.services.llm.local_foreign import fold

# words that say which one, never what ("the new size", "their other phone")
_NOT_WHAT = set(
    "the a an their your his her its new other another second extra same this that which what "
    "field question box answer one les des los las una der die das den dem het uma "
    "nouvelle nouveau autre nueva nuevo otra otro neue neuen neues andere nuova nuovo altra altro "
    "nieuwe ander nova novo outra outro".split()
)
# "exchange is chosen", "e-bike is picked": the visitor chose that answer
_CHOSEN = re.compile(
    r"^(?:the\s+)?(?P<a>.+?)\s+(?:is|was|gets|got)\s+(?:chosen|picked|selected|ticked|checked)$",
    re.I,
)


def plain_condition(cond: str) -> str:
    """ "exchange is chosen" → "they chose exchange" (never a question "Exchange" answered
    "Chosen")."""
    m = _CHOSEN.match(cond.strip())
    return f"they chose {m['a']}" if m else cond


def target(said: str, cond: str, fields: list) -> dict | None:
    """The one field whose label holds every word of ``said``; None when no label does (a
    field the marketer names anew: "show the company size only for businesses")."""
    words = _words(said)
    found = [f for f in fields if words and all(_holds(f, w) for w in words)]
    if not found:
        return None
    on = _controller(cond, fields, found)
    later = [f for f in found if on is not None and fields.index(f) > fields.index(on)]
    if len(later) == 1 or (on is None and len(found) == 1):
        return later[0] if later else found[0]
    if on is not None and not later:  # "the new size" on a form asking only "Size ordered"
        asked = " and ".join(f"“{f['label']}”" for f in found[:3])
        one = len(found) == 1
        _refuse(
            f"{asked} {'comes' if one else 'come'} before “{on['label']}”, so {'it' if one else 'neither'} "
            f"can wait for that answer: say which question to show, or add it"
        )
    labels = " or ".join(f"“{f['label']}”" for f in found[:3])
    _refuse(
        f"“{said.strip()}” could be {labels}: say which, e.g. 'show {found[-1]['label']} only if …'"
    )


def _refuse(message: str) -> None:
    raise ValidationError(f"{message}.", fields={"description": f"{message}."})


def library_added(before: set, fields: list, text: str) -> dict | None:
    """A library field a condition note added though the note never named it ("Company size"
    for "the new size")."""
    said = set(re.findall(r"[a-z0-9]+", fold(text)))
    for field in fields:
        if field["name"] in before or field["name"] not in catalog.FIELDS:
            continue
        if (catalog.mapping_target(field["name"]) or "").startswith("contact."):
            continue  # "their mobile" is the Phone field: a contact detail said another way
        own = set(re.findall(r"[a-z0-9]+", fold(field["label"])))
        if not own <= said:
            return field
    return None


def _words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return [re.sub(r"(?<=\w{3})s$", "", w) for w in words if w not in _NOT_WHAT and len(w) > 2]


def _holds(field: dict, word: str) -> bool:
    own = re.findall(r"[a-z0-9]+", fold(field.get("label") or ""))
    said = {word, *_SAME.get(word, ())}
    return any(w in said or (len(word) >= 4 and w.startswith(word)) for w in own)


# one thing, said two ways: "the guest count" is "Number of guests"
_SAME = {"count": ("number", "many"), "amount": ("number", "many"), "qty": ("quantity",)}


def _controller(cond: str, fields: list, found: list) -> dict | None:
    """The question the condition is on: the one (not among ``found``) whose answers hold a
    word of it ("they chose exchange": "Refund or exchange", answered Exchange)."""
    words = set(_words(cond))
    hits = [
        f
        for f in fields
        if f not in found and any(set(_words(str(o))) & words for o in f.get("options") or [])
    ]
    return hits[0] if len(hits) == 1 else None
