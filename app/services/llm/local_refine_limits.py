"""Limits on an answer, said the way marketers say them (issue 20, refine round 24r).

"number of people should be at least 10", "guests must be between 2 and 12", "minimum 10
people", "set the maximum for nights to 14", "limit the message to 500 characters",
"Anzahl Personen mindestens 10", "le nombre de personnes doit être d'au moins 10": a
number's ``min``/``max``, a text's shortest length (``min``) and ``max_length``, how many
files an upload takes ("allow up to 3 photos", ``max_files``). A count
still typed as text ("Number of guests") becomes a number when a bound is set on it; a limit
in words is told under the box and caps it, as the generator does ("limit the abstract to 300
words": "Up to 300 words.", ``local_said_lengths.limit_words``); a bound on a field that takes
none (a dropdown, a date) is answered with one sentence saying what would work. The marketer's
own words for a bound are read too (round 43c): "number of people should go up to 15", "no
more than 30 people" on a form that counts guests, "we can seat 2 to 40 guests", "the minimum
stay is 2 nights", "máximo 15 personas", "15 personnes maximum".

``apply(draft, clause, notes)`` returns True when the clause set a limit, False when it is
about something else (RefineError when it is a limit that cannot be set).
"""

from __future__ import annotations

import re

from app.services.forms.file_fields import MAX_FILES
from app.services.llm.local_fields import RefineError, find_field
from app.services.llm.local_said_lengths import limit_words, tells_word_limit

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
    # "15 personnes maximum", "2 nights minimum"
    re.compile(
        rf"^{_N}\s+(?P<target>.+?)\s+(?P<rel>maximum|max\.?|minimum|min\.?|at most|at least)$", re.I
    ),
    # "(we can seat) 2 to 40 guests", "between 8 and 25 children"
    re.compile(
        r"^(?:between\s+)?(?P<lo>\d+(?:\.\d+)?)\s*(?:to|-|–|and)\s*(?P<hi>\d+(?:\.\d+)?)\s+"
        r"(?P<target>(?!(?:characters?|chars?|letters?|words?)$)[^\d].*)$",
        re.I,
    ),
    # "the minimum stay is 2 nights", "the maximum group size is 12"
    re.compile(
        rf"^{_THE}(?P<rel>minimum|maximum)\s+(?P<what>[\w -]+?)\s+(?:is|of|will be|should be)\s+{_N}"
        rf"(?:\s+(?P<target>(?!(?:characters?|chars?|letters?|words?)$).+?))?{_UNIT}$",
        re.I,
    ),
    # "allow up to 500 characters in the message"
    re.compile(
        rf"^(?:allow|accept|let (?:them|people) (?:write|type|use))\s+{_REL}\s+{_N}{_UNIT}\s+"
        rf"(?:in|for|on)\s+{_THE}(?P<target>.+)$",
        re.I,
    ),
]
# how a marketer says a bound besides "at most": "number of people should go up to 15", "the
# bio shouldn't be longer than 100 words", "we can seat 2 to 40 guests" (what is left is read)
_SAID_AS = [
    (r"\b(?:go|run)\s+(?:up\s+)?to\s+(?=\d)|\bgo\s+as\s+high\s+as\s+(?=\d)", "be at most "),
    (r"\s*(?:n't|\s+not)\s+be\s+(?:longer|more|bigger|over)\s+than\s+(?=\d)", " be at most "),
    (r"\bbe\s+no\s+(?:longer|more)\s+than\s+(?=\d)", "be at most "),
    (r"\bbe\s+a\s+(?:whole\s+)?number\s+(?=(?:between|from)\s+\d)", "be "),
    (r"^(?:we|they|you)\s+(?:can|could|will)\s+(?:only\s+)?(?:seat|take|host|fit|accommodate|"
     r"handle|welcome|cater for|serve|do|have)\s+"
     r"(?=(?:(?:up to|at most|no more than|at least|a maximum of|between)\s+)?\d)", ""),
]  # fmt: skip
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
     r"n[ãa]o mais de|h[öo]chstens|maximal|al massimo|non pi[ùu] di|maximaal|hooguit|niet meer dan)\b",
     "at most"),
    (r"\b(?:al minimo|almeno|minimaal|ten minste|minstens)\b", "at least"),
    # "máximo 15 personas", "massimo 15 persone", "15 personas máximo": the word alone
    (r"(?<!\w)(?:m[áa]ximo|massimo)(?!\w)", "maximum"),
    (r"(?<!\w)(?:m[íi]nimo|minimo)(?!\w)", "minimum"),
    (r"\b(?:entre|zwischen)\b", "between"),
    (r"(?<=\d)\s+(?:et|y|und|e)\s+(?=\d)", " and "),
    (r"\b(?:caract[èe]res|caracteres|zeichen|caratteri|tekens)\b", "characters"),
    (r"(?<!\w)(?:mots|palabras|w[öo]rter|worte|palavras|parole|woorden)(?!\w)", "words"),
    (r"\s+(?:doit|doivent|debe|deben|deve|devem|devono|muss|m[üu]ssen|soll|sollen|moet|moeten)\s+"
     r"(?:[êe]tre|ser|essere|zijn|avoir|tener|ter|avere|haben|hebben)?\s*", " "),
    (r"\s+(?:sein|liegen)$", ""),
    # "limite le message à 500 caractères", "begrenze die Nachricht auf 500 Zeichen"
    (r"^(?:limite[sz]?|limiter|limita|limitar|limitieren|begrenze|begrenzen sie|beschränke)\s+",
     "limit "),
    (r"\s+(?:à|a|auf|em|en)\s+(?=\d)", " to "),
    (_ARTICLE, ""),
]  # fmt: skip
_WORDS = re.compile(r"^words?$", re.I)
_A_NUMBER = re.compile(r"\ba\s+(?:whole\s+)?number\b", re.I)
# the word the marketer used for "words": the limit is told in its language
_WORD_SAID = re.compile(
    r"(?<!\w)(?:words?|mots|palabras|w[öo]rter|worte|palavras|parole|woorden)(?!\w)", re.I
)
_VERB = re.compile(
    r"^(?:add|include|insert|put|remove|delete|drop|rename|move|make|ask|change|set|update|rate|"
    r"give|turn|replace|swap)\b",
    re.I,
)
# "guests: 10 to 300" is a limit only when it names a field; else another reader tries it
_BARE_RANGE = 2
# and so is a bound said after its number or around the field ("15 personnes maximum")
_SAID_FIRST = 6


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
    for pattern, english in _ABROAD + _SAID_AS:
        text = re.sub(pattern, english, text, flags=re.I)
    text = re.sub(r"\s+", " ", text).strip()
    files = _FILES.match(text)
    if files and _files(draft, files):  # ("allow up to 500 characters in the message": no upload)
        return True
    takes = _TAKES.match(text)
    if takes and _takes(draft, takes["t1"] or takes["t2"], takes["w1"] or takes["w2"]):
        return True
    for i, pattern in enumerate(_PATTERNS):
        m = pattern.match(text)
        target = m and (m["target"] or m.groupdict().get("what") or "")
        if not m or _VERB.match(target):  # "add a guests field, at least 1": an addition
            continue
        if (i == _BARE_RANGE or i >= _SAID_FIRST) and not _names_field(draft, target):
            continue
        _limit(draft, m, clause)
        return True
    return False


def _names_field(draft: dict, target: str) -> bool:
    try:
        _field(draft["fields"], re.sub(_ARTICLE, "", target.strip(), flags=re.I))
    except RefineError:
        return False
    return True


def _limit(draft: dict, m: re.Match, clause: str) -> None:
    said = m.groupdict()
    said_target = said["target"] or said.get("what") or ""  # "the maximum group size is 12"
    target = re.sub(r"\s+(?:field|question|answer|box)$", "", said_target.strip(), flags=re.I)
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
        if field["type"] not in ("text", "textarea") or hi is None:
            raise RefineError(
                f"I can limit “{field['label']}” to at most a number of words — e.g. 'limit "
                f"{field['label']} to 300 words'"
            )
        words = _WORD_SAID.search(clause)
        limit_words(field, int(hi), words[0] if words else unit)
        return
    counted = _counted(field["label"]) or _A_NUMBER.search(clause)
    if field["type"] == "text" and not unit and counted:
        field["type"] = "number"  # "Number of guests" typed as text: a bound makes it a count
        field["max_length"] = None
    if field["type"] in ("text", "textarea"):
        _lengths(field, lo, hi)
        if tells_word_limit(field.get("help") or ""):  # a limit in characters now
            field["help"] = ""
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
        if not counts and re.fullmatch(_PEOPLE, target.strip(), re.I):
            # "no more than 30 people" on a form that counts guests: the one count of people
            counts = [
                f
                for f in fields
                if f["type"] in ("number", "text")
                and _counted(f["label"])
                and re.search(rf"\b(?:{_PEOPLE})\b", f["label"], re.I)
            ]
        if len(counts) == 1:
            return counts[0]
        raise


# the words a count of people is said with, in the languages the refiner reads
_PEOPLE = (
    r"people|persons?|guests?|attendees?|participants?|visitors?|kids|children|adults|diners|"
    r"players|pax|personas|invitados|personnes|invit[ée]s|personen|g[äa]ste|pessoas|convidados|"
    r"persone|ospiti|gasten|teilnehmer|participantes|partecipanti|deelnemers"
)


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
