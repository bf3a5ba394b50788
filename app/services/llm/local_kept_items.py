"""Every item the marketer names is kept, with its scale and in good wording (round 18c).

- ``foreign_real_word``: a word of Spanish, French, German or Portuguese that is one slip
  from an English field word of another meaning ("Frist" / first, "Stadt" / start, "datos" /
  dates) is a real word of the description's language, never a typo to correct.
- ``when_dates``: "when you'd like us to start", "quand souhaitez-vous commencer", "wann
  möchten Sie einziehen", "quando pretende mudar": a wish about when something begins is
  answered with a date, labelled as asked.
- ``time_clause``: "the day you'd like us to begin", "the week you'd like lessons to begin":
  the clause says which day, so it stays in the label (never a bare "Day").
- ``ended_times``: "what time did it end" beside a separate date is the clock time
  "time it started" gets, never the booking catalogue's preferred time; alone it is the date.
- ``recommended``: "would you recommend the workshop" names what is recommended; its 0-10
  question says so, not the stock one about "us".
- ``scaled_label``: "overall score 1-10", "Gesamtnote 1-10": the marketer's words, not the
  bare "Score" / "Rating".
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------
# Real words of the description's language

# Words of es/fr/de/pt one slip from an English field word of another meaning: "Frist"
# (a deadline) is no "first", "tema" (a theme) no "team", "Stadt" (a city) no "start", "monto" (an amount) no "month",
# "datos" (data) no "dates", "passiert" (happened) no "passport", "mode" (de paiement) no
# "model", "titre" (a work's title) no job title. A word whose neighbour is its translation
# ("problema" / problem, "producto" / product) is left to the corrector, which reads it right.
_FALSE_FRIENDS = frozenset(
    "frist fristen stadt monto montos datos mode modo passiert titre preis preise rat tema temas".split()
)


def foreign_real_word(word: str) -> bool:
    """``word`` (lower case) is a word of es/fr/de/pt that a correction would misread."""
    return word in _FALSE_FRIENDS


# ---------------------------------------------------------------------------------------
# "when would you like us to start": a date

_WISH = (
    r"(?:'d|would|will|do|did)?\s*(?:like|love|prefer|want|wish|plan|hope|intend|need|expect)|"
    r"souhait\w*|voul\w*|d[ée]sir\w*|compt\w*|pr[ée]voy\w*|pensez|aimeriez|"
    r"m[öo]chten|m[öo]chtest|wollen|willst|planen|werden|wird|"
    r"pretende\w*|quer\w*|desej\w*|gostaria\w*|planei\w*|pensa\w*|"
    r"quiere\w*|quisiera\w*|desea\w*|gustar[ií]a|piensa\w*|planea\w*|prefier\w*"
)
_START = (
    r"start|begin|commence|kick off|go live|move(?: in)?|join|open|launch|"
    r"commenc\w*|d[ée]but\w*|d[ée]marr\w*|emm[ée]nag\w*|d[ée]m[ée]nag\w*|"
    r"einziehen|umziehen|ziehen|anfangen|beginnen|starten|einsteigen|"
    r"empez\w*|comenz\w*|iniciar|mudar(?:se)?|mudarse|come[çc]\w*|entrar|arrancar"
)
WHEN_START = re.compile(
    rf"^[¿\s]*(?:when|cu[áa]ndo|quand|(?:ab |bis )?wann|quando|a partir de quando)\b"
    rf"(?=.*\b(?:{_WISH})\b|.*\b(?:{_START})\b)(?!.*\b(?:usually|normally|often|"
    r"généralement|normalement|normalerweise|normalmente|suele)\b)",
    re.I,
)


def when_dates(fields: list) -> None:
    """A free-text "when would you like us to start" becomes a date (in place)."""
    for f in fields:
        if f["type"] in ("text", "textarea") and not f.get("options"):
            if WHEN_START.match(f.get("label") or ""):
                f.update(type="date", max_length=None)


# ---------------------------------------------------------------------------------------
# "the day you'd like us to begin": the clause names the day

_TIME_NOUN = re.compile(
    r"^(?:(?:first|last|final|start|end)\s+)?(?:days?|dates?|weeks?|months?|years?)$", re.I
)


def time_clause(noun: str, verb: str | None, tail: str, said: str) -> dict | None:
    """{label, options, name, hint} for "the day you'd like us to begin" (``said``, without
    its article) read by the relative-clause reader as ``noun`` + a clause; None when the
    clause adds nothing ("the date you have")."""
    if not _TIME_NOUN.fullmatch(noun.strip()) or not (tail.strip() or verb):
        return None
    if verb and verb.lower() in ("have", "had", "has", "get", "got"):
        return None
    label = said[:1].upper() + said[1:]
    one = not noun.lower().endswith("s")  # "the days you're free": several, said in words
    return {"label": label, "options": [], "name": said, "hint": "date" if one else ""}


# ---------------------------------------------------------------------------------------
# "what time did it end": a clock time, like the time it started

_ENDED = re.compile(
    r"^(?:what\s+|approximate\s+)?time\s+(?:(?:it|that|this|they|the\s+\w+)\s+)?"
    r"(?:did\s+(?:it|that|this|they)\s+)?(?:end(?:ed)?|stop(?:ped)?|finish(?:ed)?)\b",
    re.I,
)


def ended_times(fields: list, clock: dict) -> None:
    """ "date of the noise, time it started, what time did it end": the end is in the same
    day, a ``clock`` time; alone it is when it ended, a date (in place)."""
    for f in fields:
        label = (f.get("label") or "").strip()
        if f["name"] != "preferred_time" or not _ENDED.match(label):
            continue
        f["name"] = re.sub(r"\W+", "_", label.lower().rstrip(" ?")).strip("_")[:60]
        if any(o is not f and o["type"] == "date" for o in fields):
            f.update(clock)
        else:
            f.update(type="date", options=[], max_length=None)


# ---------------------------------------------------------------------------------------
# "would you recommend the workshop": what is recommended

_RECOMMENDED = re.compile(
    r"\brecommend\s+((?:the|our|this|your|my)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)"
    r"(\s+to\s+(?:a|an|your)\s+[\w'-]+(?:\s+or\s+(?:a\s+)?[\w'-]+)?)?"
    r"(?=\s*(?:\(|[,.;?!]|$|\s+(?:and|or|if|yes)\b))",
    re.I,
)


def recommended(text: str) -> str | None:
    """ "How likely are you to recommend the workshop to a friend or colleague? (0-10)" when
    the description names what is recommended (None for "us")."""
    m = _RECOMMENDED.search(text)
    if not m:
        return None
    thing, whom = m.group(1), (m.group(2) or " to a friend or colleague").strip()
    return f"How likely are you to recommend {thing.lower()} {whom}? (0-10)"


# ---------------------------------------------------------------------------------------
# "overall score 1-10": the marketer's words

_BARE_SCALE_WORD = re.compile(
    r"^(?:rating|score|note|nota|bewertung|puntuaci[oó]n|classifica[cç][aã]o|avalia[cç][aã]o|"
    r"valoraci[oó]n|calificaci[oó]n|pontua[cç][aã]o)$",
    re.I,
)


def scaled_label(phrase: str, label: str) -> str:
    """The label of a scale the marketer named in more words than the bare rating word:
    "overall score" → "Overall score", "Gesamtnote" → "Gesamtnote" (else ``label``)."""
    said = re.sub(r"\s+", " ", phrase).strip(" ?:,")
    if not said or _BARE_SCALE_WORD.fullmatch(said) or len(said.split()) > 4:
        return label
    if re.search(
        r"\b(?:how|what|which|wie|comment|c[oó]mo|qu[eé]|quel\w*)\b", said, re.I
    ) or re.match(
        r"(?:rate|score|note|grade|bewerten|noter|evaluar|avaliar)\b", said, re.I
    ):  # a question or an instruction ("rate the food") keeps the reader's label
        return label
    if said.lower() == label.lower().rstrip(" ?"):
        return label
    return said[:1].upper() + said[1:]


def said_scale(pairs: list, low, high) -> list[str]:
    """The marketer's pieces (``pairs`` of gloss and original) that state the scale
    ``low``-``high`` in words ("Gesamtnote 1-10", "note de 1 à 10"), with a word besides."""
    if low is None or high is None:
        return []
    said = [
        orig
        for _, orig in pairs
        if re.findall(r"\d+", orig) == [str(low), str(high)] and re.search(r"[^\W\d_]{3,}", orig)
    ]
    return said if len(said) == 1 else []  # "comida 1-5, servicio 1-5": which is unknown


# ---------------------------------------------------------------------------------------
# "only name and mobile and the best day to ring": every item of the list

_ONLY = (
    r"just|only|solo|s[óo]lo|solamente|[úu]nicamente|seulement|uniquement|juste|nur|lediglich|"
    r"apenas|s[óo]|somente"
)
ONLY_LIST = re.compile(
    rf"(?:^|[:;–—]\s*|\s-\s|,\s*|\b(?:asks?|asking|need|needs|want|wants|collect|take|"
    rf"pide|pedir|demande[rz]?|brauchen|fragen|pede|pedir)\s+(?:for\s+)?)(?:{_ONLY})\s+(.+)$",
    re.I,
)
_AND_WORDS = re.compile(r"\s*,\s*|\s+(?:and|y|et|und|e)\s+", re.I)
_FIRST_ITEM = re.compile(
    r"^(?:(?:your|their|su|votre|leur|ihr|ihren|o\s+seu|seu)\s+)?(?:(?:full\s+)?names?|nombre|"
    r"nom|nome|e-?mail|correo|courriel|phone|mobile|tel[eé]fono|t[ée]l[ée]phone|telefon|"
    r"telefone|telem[óo]vel|celular|m[óo]vil|portable|handy)$",
    re.I,
)


def only_list(sentence: str) -> str | None:
    """ "…: only name and mobile and the best day to ring" → "name, mobile, the best day to
    ring": a list after "just"/"only" (in five languages), its items joined by "and"."""
    m = ONLY_LIST.search(sentence.strip().rstrip(".!?"))
    if not m:
        return None
    items = [i.strip() for i in _AND_WORDS.split(m.group(1)) if i.strip()]
    if len(items) < 2 or not _FIRST_ITEM.match(items[0]):
        return None
    if any(len(i.split()) > 7 for i in items):
        return None
    return ", ".join(items)


# ---------------------------------------------------------------------------------------
# "la date à laquelle vous souhaitez que nous commencions": a date, whatever its length

DATED = re.compile(
    r"^(?:(?:the|la|el|le|o|a|der|die|das|den)\s+)?(?:date|day|week|jour|semaine|fecha|d[ií]a|"
    r"semana|data|dia|datum|tag|woche)\s+(?:à laquelle|auquel|où|en (?:la|el) que|em que|"
    r"no qual|na qual|an dem|ab dem|zu dem|that|on which)\s+\S.{2,80}$",
    re.I,
)


def dated_item(raw: str) -> dict | None:
    """The item for a date named by a relative clause too long for the noun reader ("la
    date à laquelle vous souhaitez que nous commencions"), labelled with it."""
    said = re.sub(r"\s+", " ", raw.strip(" .!?\"'“”"))
    if not DATED.match(said):
        return None
    said = re.sub(r"^(?:the|la|el|le|o|a|der|die|das|den)\s+", "", said, flags=re.I)
    return {
        "phrase": said.lower(),
        "label": (said[:1].upper() + said[1:])[:200],
        "options": [],
        "required": False,
        "optional": False,
        "hint": "date",
        "clause": True,
    }


_RELATIVE_BEFORE = re.compile(
    r"\b(?:date|day|week|month|time|place|address)\s+(?:that\s+|when\s+)?(?:you|they|we)(?:'d)?\s*$",
    re.I,
)


def in_relative(sentence: str, start: int) -> bool:
    """ "the date you need the van": the verb of a clause about a date, no list cue."""
    return _RELATIVE_BEFORE.search(sentence[:start]) is not None
