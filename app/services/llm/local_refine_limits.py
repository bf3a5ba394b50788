"""Limits on an answer, said the way marketers say them (issue 20, refine round 24r).

"number of people should be at least 10", "guests must be between 2 and 12", "minimum 10
people", "set the maximum for nights to 14", "limit the message to 500 characters",
"Anzahl Personen mindestens 10", "le nombre de personnes doit être d'au moins 10": a
number's ``min``/``max``, a text's shortest length (``min``) and ``max_length``, how many
files an upload takes ("allow up to 3 photos", ``max_files``). A count
still typed as text ("Number of guests") becomes a number when a bound is set on it; a
limit in words, or a bound on a field that takes none (a dropdown, a date), is answered
with one sentence saying what would work.

``apply(draft, clause, notes)`` returns True when the clause set a limit, False when it is
about something else (RefineError when it is a limit that cannot be set).
"""

from __future__ import annotations

import re

from app.services.forms.file_fields import MAX_FILES
from app.services.llm.local_fields import RefineError, find_field

_AT_LEAST = (
    r"at least|no less than|no fewer than|not less than|not fewer than|minimum(?: of)?|min\.?"
)
_AT_MOST = r"at most|no more than|not more than|maximum(?: of)?|max\.?|up to|a maximum of"
_ABOVE = r"more than|over|above|greater than"
_BELOW = r"less than|fewer than|under|below"
_REL = rf"(?P<rel>{_AT_LEAST}|{_AT_MOST}|{_ABOVE}|{_BELOW})"
_N = r"(?P<n>\d+(?:\.\d+)?)"
_UNIT = r"(?:\s+(?P<unit>characters?|chars?|letters?|words?))?"
_MODAL = (
    r"(?:\s+field|\s+question|\s+answer)?(?:\s+(?:should|must|has to|needs to|can|may|will|is to))?"
    r"(?P<neg>\s*(?:n't|not|'t)|\s+cannot)?"
    r"(?:\s+only)?(?:\s+be)?(?:\s+allowed to be)?"
)
_THE = r"(?:the\s+)?"
_PATTERNS = [
    # "number of people should be at least 10", "the message: max 500 characters"
    re.compile(rf"^{_THE}(?P<target>.+?){_MODAL}\s*:?\s+{_REL}\s+{_N}{_UNIT}$", re.I),
    # "guests must be between 2 and 12", "nights from 1 to 14"
    re.compile(
        rf"^{_THE}(?P<target>.+?){_MODAL}\s+(?:between|from)\s+(?P<lo>\d+(?:\.\d+)?)\s+"
        rf"(?:and|to|-)\s+(?P<hi>\d+(?:\.\d+)?){_UNIT}$",
        re.I,
    ),
    # "guests: 10 to 300", "nights 1-14"
    re.compile(
        rf"^{_THE}(?P<target>.+?)\s*:?\s+(?P<lo>\d+(?:\.\d+)?)\s*(?:to|-|–)\s*(?P<hi>\d+(?:\.\d+)?){_UNIT}$",
        re.I,
    ),
    # "set the maximum for nights to 14", "change the minimum of guests to 2"
    re.compile(
        rf"^(?:set|change|make|update|put)\s+{_THE}(?P<rel>minimum|maximum|min|max)"
        rf"(?:\s+(?:value|number|length))?\s+(?:of|for|on)\s+{_THE}(?P<target>.+?)\s+"
        rf"(?:to|at|as)\s+{_N}{_UNIT}$",
        re.I,
    ),
    # "limit the message to 500 characters", "cap guests at 12"
    re.compile(
        rf"^(?:limit|cap|restrict)\s+{_THE}(?P<target>.+?)\s+(?:to|at)\s+(?:at most\s+)?{_N}{_UNIT}$",
        re.I,
    ),
    # "minimum 10 people", "no more than 12 guests"
    re.compile(rf"^{_REL}\s+{_N}\s+(?P<target>.+)$", re.I),
]
# "allow up to 3 photos", "let people upload more than one photo", "allow multiple files"
_FILES = re.compile(
    r"^(?:let|allow)\s+(?:them\s+|people\s+|visitors\s+|customers\s+|users\s+)?(?:to\s+)?"
    r"(?:upload|attach|send|add)?\s*(?:(?:up to|at most|a maximum of)\s+(?P<n>\d+)|"
    r"(?P<many>more than one|multiple|several|many))\s+(?P<target>.+)$",
    re.I,
)
_ARTICLE = r"^(?:(?:le|la|les|el|los|las|o|a|os|as|der|die|das|den|dem)\s+|l')"
# the same relations said in es/fr/de/pt, and their verbs, said again in English
_ABROAD = [
    (r"\b(?:d'au moins|au moins|au minimum|como m[íi]nimo|al menos|por lo menos|pelo menos|"
     r"no m[íi]nimo|mindestens)\b", "at least"),
    (r"\b(?:au plus|au maximum|pas plus de|como m[áa]ximo|no m[áa]s de|no m[áa]ximo|"
     r"n[ãa]o mais de|h[öo]chstens|maximal)\b", "at most"),
    (r"\b(?:entre|zwischen)\b", "between"),
    (r"(?<=\d)\s+(?:et|y|und|e)\s+(?=\d)", " and "),
    (r"\b(?:caract[èe]res|caracteres|zeichen)\b", "characters"),
    (r"\b(?:mots|palabras|w[öo]rter|palavras)\b", "words"),
    (r"\s+(?:doit|doivent|debe|deben|deve|devem|muss|m[üu]ssen|soll|sollen)\s+"
     r"(?:[êe]tre|ser)?\s*", " "),
    (r"\s+(?:sein|liegen)$", ""),
    # "limite le message à 500 caractères", "begrenze die Nachricht auf 500 Zeichen"
    (r"^(?:limite[sz]?|limiter|limita|limitar|limitieren|begrenze|begrenzen sie|beschränke)\s+",
     "limit "),
    (r"\s+(?:à|a|auf|em|en)\s+(?=\d)", " to "),
    (_ARTICLE, ""),
]  # fmt: skip
_WORDS = re.compile(r"^words?$", re.I)
_VERB = re.compile(
    r"^(?:add|include|insert|put|remove|delete|drop|rename|move|make|ask|change|set|update|rate|"
    r"give|turn|replace|swap)\b",
    re.I,
)
# "guests: 10 to 300" is a limit only when it names a field; else another reader tries it
_BARE_RANGE = 2


# "the screenshot should accept videos too", "accept PDFs in the upload"
_TAKES = re.compile(
    r"^(?:(?:the\s+)?(?P<t1>.+?)\s+(?:should|must|can|needs to)\s+(?:also\s+)?(?:accept|take|allow)\s+"
    r"(?P<w1>.+?)|(?:also\s+)?(?:accept|allow)\s+(?P<w2>.+?)\s+(?:in|for|on)\s+(?:the\s+)?(?P<t2>.+?))"
    r"(?:\s+(?:too|as well|also))?$",
    re.I,
)
_FILE_KINDS = [
    (r"videos?|clips?|recordings?", ["video/*"]),
    (r"photos?|pictures?|images?|screenshots?", ["image/*"]),
    (r"pdfs?", [".pdf"]),
    (r"documents?|docs?|word files?", [".pdf", ".doc", ".docx"]),
    (r"audio|voice notes?|sound files?", ["audio/*"]),
    (r"spreadsheets?|excel files?", [".xlsx", ".csv"]),
]


def apply(draft: dict, clause: str, notes: list) -> bool:
    """Set the limit the clause says; False when the clause is not a limit."""
    text = clause.strip().rstrip(".!")
    for pattern, english in _ABROAD:
        text = re.sub(pattern, english, text, flags=re.I)
    text = re.sub(r"\s+", " ", text).strip()
    files = _FILES.match(text)
    if files:
        return _files(draft, files)
    takes = _TAKES.match(text)
    if takes:
        return _takes(draft, takes["t1"] or takes["t2"], takes["w1"] or takes["w2"])
    for i, pattern in enumerate(_PATTERNS):
        m = pattern.match(text)
        if not m or _VERB.match(m["target"]):  # "add a guests field, at least 1": an addition
            continue
        if i == _BARE_RANGE and not _names_field(draft, m["target"]):
            continue
        _limit(draft, m)
        return True
    return False


def _names_field(draft: dict, target: str) -> bool:
    try:
        _field(draft["fields"], re.sub(_ARTICLE, "", target.strip(), flags=re.I))
    except RefineError:
        return False
    return True


def _limit(draft: dict, m: re.Match) -> None:
    said = m.groupdict()
    target = re.sub(r"\s+(?:field|question|answer|box)$", "", said["target"].strip(), flags=re.I)
    target = re.sub(_ARTICLE, "", target, flags=re.I)  # "limite le message …": the message
    field = _field(draft["fields"], target)
    if said.get("lo") is not None:
        lo, hi = float(said["lo"]), float(said["hi"])
    else:
        n, rel = float(said["n"]), (said.get("rel") or "at most").lower().rstrip(".")
        strict = 1 if re.fullmatch(_ABOVE, rel) else -1 if re.fullmatch(_BELOW, rel) else 0
        if said.get("neg") and strict:  # "can't be more than 12": at most 12
            rel, strict = ("at most" if strict > 0 else "at least"), 0
        low = strict > 0 or re.fullmatch(_AT_LEAST, rel) or rel in ("minimum", "min")
        lo, hi = (n + strict, None) if low else (None, n + strict)
    unit = said.get("unit") or ""
    if _WORDS.match(unit):
        raise RefineError(
            f"I can limit “{field['label']}” by characters, not words — e.g. 'limit "
            f"{field['label']} to 1000 characters'"
        )
    if field["type"] == "text" and not unit and _counted(field["label"]):
        field["type"] = "number"  # "Number of guests" typed as text: a bound makes it a count
        field["max_length"] = None
    if field["type"] in ("text", "textarea"):
        _lengths(field, lo, hi)
    elif field["type"] in ("number", "rating"):
        _range(field, lo, hi)
    else:
        raise RefineError(
            f"“{field['label']}” takes no minimum or maximum; limits go on numbers and text "
            "answers, e.g. 'number of guests should be at least 2'"
        )


def _field(fields: list, target: str) -> dict:
    try:
        return find_field(fields, target)
    except RefineError:
        # "minimum 10 people": the count whose label holds the noun
        noun = target.lower().rstrip("s")
        counts = [f for f in fields if noun and noun in f["label"].lower() and f["type"] != "email"]
        if len(counts) == 1:
            return counts[0]
        raise


def _counted(label: str) -> bool:
    return (
        re.search(r"\b(?:number|how many|count|quantity|anzahl|nombre|n[úu]mero)\b", label, re.I)
        is not None
    )


def _whole(n: float | None):
    return int(n) if n is not None and n == int(n) else n


def _range(field: dict, lo, hi) -> None:
    lo = _whole(lo) if lo is not None else field.get("min")
    hi = _whole(hi) if hi is not None else field.get("max")
    if lo is not None and hi is not None and lo > hi:
        raise RefineError(
            f"“{field['label']}” would then need at least {lo} and at most {hi}; say both "
            f"bounds, e.g. '{field['label']} between 1 and 20'"
        )
    field["min"], field["max"] = lo, hi


def _lengths(field: dict, lo, hi) -> None:
    lo = int(lo) if lo is not None else field.get("min")
    hi = int(hi) if hi is not None else field.get("max_length")
    if lo is not None and hi is not None and lo > hi:
        raise RefineError(
            f"“{field['label']}” would then need at least {lo} and at most {hi} characters"
        )
    field["min"], field["max_length"] = lo, hi


def _files(draft: dict, m: re.Match) -> bool:
    """How many files an upload takes; False when the clause names no upload."""
    uploads = [f for f in draft["fields"] if f["type"] == "file"]
    try:
        field = find_field(draft["fields"], m["target"])
    except RefineError:
        field = uploads[0] if len(uploads) == 1 else None
    if field is None or field["type"] != "file":
        return False
    most = min(int(m["n"]), MAX_FILES) if m["n"] else max(field.get("max_files") or 1, 5)
    if m["n"] and int(m["n"]) > MAX_FILES:
        raise RefineError(
            f"An upload takes at most {MAX_FILES} files, e.g. 'allow up to {MAX_FILES} photos'"
        )
    field["max_files"] = max(most, 1)
    return True


def _takes(draft: dict, target: str, what: str) -> bool:
    """An upload that also takes videos, PDFs …; False when the clause names no upload."""
    try:
        field = find_field(draft["fields"], target)
    except RefineError:
        return False
    if field["type"] != "file":
        return False
    kinds = [
        acc
        for pattern, acc in _FILE_KINDS
        for w in re.split(r",|\s+and\s+|\s+or\s+", what)
        if re.fullmatch(pattern, w.strip(), re.I)
    ]
    if not kinds:
        raise RefineError(
            f"Say which files “{field['label']}” should take: photos, videos, PDFs, documents, "
            "audio or spreadsheets"
        )
    accept = list(field.get("accept") or [])
    field["accept"] = accept + [a for acc in kinds for a in acc if a not in accept]
    return True
