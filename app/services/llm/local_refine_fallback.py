"""The last reader of a refinement: one field named, one thing said of it (issue 20, stop 29).

The readers before this one each know a phrasing; a marketer keeps finding new ones ("the
postcode is pointless, bin it", "move-in date is a must", "we can live without the photo",
"OS version … let them leave it empty"). When every reader has failed, the note is read for
what it names and what it wants, in any order: exactly one field of this form, and exactly
one of remove / optional / required / a long text / a date / a number / to the top / to the
end. Then it is said again in the plain words the readers know. Anything else (two fields, two
wishes, a condition, quoted words, a list of answers) keeps the readers' refusal: a question
is better than a guess.
"""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.services.llm.local_refine_notes import separate
from app.services.llm.local_refine_typos import mend

_STOP = set(
    "a an the this that it its their them they people we our us you your is are be been was to of "
    "for in on at and or but so if not no do does don't did can could should would will won't must "
    "has have had there here what which who how when where why any some all one bit question field "
    "box answer form please just really honestly actually also too".split()
)

_NOT_SAID = re.compile(
    r"\bonly\s+(?:if|when)\b|\bunless\b|\bif\s+(?:they|the|it|he|she|you)\b|[\"“”‘]|"
    r"(?:^|\s)'[^']+'(?=\s|$|[,.;:!?])|:\s*\w+\s*,\s*\w+|:[^,]{0,60},[^,]+,|"
    r"\d+\s*(?:to|-|–|and)\s*\d+",  # a range said ("a number from 0 to 40") is no wish of one word
    re.I,
)
# "… isn't needed for elopements, but keep it": whatever else is said, nothing goes
_KEEP = re.compile(
    r"\bkeep (?:it|them|that|this|the)\b|\bleave (?:it|them) (?:in|there|as is)\b|\bstays?\b", re.I
)
_PURPOSE = re.compile(
    r"\s*,?\s+(?:so (?:that )?(?:we|they|you|i)\s+(?:can|could|will|may|know)|in order to)\b.*$"
)
_NEGATED = re.compile(r"n't\b|\b(?:not|never|no)\b", re.I)
_NEGATED_JUST_BEFORE = re.compile(r"(?:n't|\bnot|\bnever|\bno)\s+(?:[a-z]+\s+){0,2}$", re.I)
# what each wish is, in the order they are looked for: a wish found is taken out of the text
# before the next is looked for ("not required" is never also "required")
_WISHES = (
    (
        "optional",
        r"\b(?:optional|not (?:required|mandatory|compulsory|obligatory)|skip(?:pable)?|leave it (?:empty|blank)|"
        r"leave (?:that|this) (?:empty|blank)|don'?t force|do not force|no need to (?:fill|answer)|"
        r"don'?t have to (?:fill|answer)|nice to have|not essential|facultati(?:f|ve)|opcional|facoltativ[oa]|"
        r"optioneel|freiwillig)\b",
    ),
    (
        "remove",
        r"\b(?:remove|delete|drop|bin|scrap|kill|ditch|lose|cut|get rid(?: of)?|take (?:it|that|this) (?:out|off)|"
        r"leave (?:it|that|this) out|can go|pointless|unnecessary|not needed|isn'?t needed|no need for|"
        r"don'?t (?:need|want)|do not (?:need|want)|no longer need|live without|won'?t ask|not necessary|"
        r"useless|redundant|don'?t ask(?: for| about)?|do not ask(?: for| about)?|stop asking(?: for| about)?|non serve|pas besoin|no hace falta|brauchen wir nicht|niet nodig|"
        r"n[ãa]o precisamos)\b",
    ),
    (
        "required",
        r"\b(?:required|mandatory|compulsory|obligatory|essential|a must(?:-have)?|must-have|must always|"
        r"always be (?:answered|filled)|(?:has|have|must) to be (?:answered|filled)|must be (?:answered|filled)|"
        r"need (?:people|them|everyone|visitors|customers) to|really need|make sure they|force|"
        r"obligatoire|obligatorio|obrigat[óo]rio|obbligatorio|verplicht|pflicht(?:feld)?)\b",
    ),
    ("a long text", r"\b(?:long (?:answer|text)|big(?:ger)? box|paragraph|multi-?line)\b"),
    ("a yes/no question", r"\byes\s*/\s*no\b|\byes or no\b"),
    ("a date", r"\b(?:as|be|into|to) a date\b|\bdate picker\b"),
    ("a number", r"\b(?:as|be|into|to) a number\b"),
    ("top", r"\b(?:to|at) the (?:top|start|beginning)\b|\bfirst\b"),
    ("end", r"\b(?:to|at) the (?:end|bottom)\b|\blast\b"),
)


_UNREAD = re.compile(r"could not turn this|no single field|unknown field type", re.I)


def refine(config: dict, text: str) -> dict:
    """``local_refine.refine``, and when it cannot read the note, each change it could not
    read said plainly (a note of several changes keeps the ones read as they were)."""
    from app.services.llm.local_refine import refine as read  # (it reads this module)

    try:
        return read(config, text)
    except ValidationError as exc:
        if not _UNREAD.search(exc.message):
            raise  # a refusal that says why ("already has a field …") is the better answer
        first = exc
    fields = config.get("fields") or []
    mended = mend(text, fields)  # "make phnoe optional": read again as the word meant
    if mended != text:
        try:
            return read(config, mended)
        except ValidationError as exc:
            if not _UNREAD.search(exc.message):
                raise
        text = mended
    parts = [p for p in separate(text).split("; ") if p.strip()]
    said = []
    for part in parts:
        try:
            read(config, part) if len(parts) > 1 else None
            plain = part if len(parts) > 1 else said_plainly(part, fields)
        except ValidationError as exc:
            plain = said_plainly(part, fields) if _UNREAD.search(exc.message) else None
        if plain is None:
            raise first
        said.append(plain)
    try:
        return read(config, "; ".join(said))
    except ValidationError:
        raise first from None


def said_plainly(text: str, fields: list) -> str | None:
    """The note as "<wish> <label>" when it names one field and wants one thing of it."""
    if _NOT_SAID.search(text) or len(text) > 160:
        return None
    # "… so we can send a treat": a field named in the reason is not the one the note is about
    lowered = _PURPOSE.sub("", text.lower().replace("’", "'"))
    named = _named(lowered, fields)
    if len(named) != 1:
        return None
    field, rest = named[0], _without(lowered, named[0]["label"])
    wishes = []
    for wish, pattern in _WISHES:
        found = re.search(pattern, rest, re.I)
        if not found:
            continue
        # "it shouldn't be required" is optional; "don't remove it" is no wish this reader knows
        if _NEGATED_JUST_BEFORE.search(rest[: found.start()]) and not _NEGATED.search(found[0]):
            if wish != "required":
                return None
            wish = "optional"
        wishes.append(wish)
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if (
        len(wishes) != 1
        or wishes == ["remove"]
        and _KEEP.search(rest)
        or _answer_of_another(rest, field, fields)
    ):
        return None
    label = field["label"].rstrip("?")
    return {
        "remove": f"remove {label}",
        "optional": f"make {label} optional",
        "required": f"make {label} required",
        "top": f"move {label} to the top",
        "end": f"move {label} to the end",
    }.get(wishes[0], f"make {label} {wishes[0]}")


def _answer_of_another(text: str, field: dict, fields: list) -> bool:
    """ "guest count isn't needed for elopements": an answer of another question said is a
    condition, which this reader does not guess at."""
    said = _words(text)
    return any(
        _words(str(option)) and _words(str(option)) <= said
        for other in fields
        if other is not field
        for option in other.get("options") or []
        if str(option).lower() not in ("yes", "no", "other")
    )


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[^\W\d_]+", text.lower())} - _STOP


def _named(text: str, fields: list) -> list[dict]:
    """The fields the note names: every word of the label said, or a word only that label has."""
    said = _words(text)
    whole = [f for f in fields if _words(f["label"]) and _words(f["label"]) <= said]
    if whole:  # "emergency contact phone" names that field, not also "Phone"
        return [f for f in whole if not any(_words(f["label"]) < _words(g["label"]) for g in whole)]
    owners: dict[str, list[dict]] = {}
    for field in fields:
        for word in _words(field["label"]):
            owners.setdefault(word, []).append(field)
    found = [owners[w][0] for w in said if len(w) >= 4 and len(owners.get(w, [])) == 1]
    return list({id(f): f for f in found}.values())


def _without(text: str, label: str) -> str:
    """The note without the label's words, so a label's own word is never read as the wish."""
    for word in sorted(_words(label), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(word)}s?\b", " ", text)
    return text
