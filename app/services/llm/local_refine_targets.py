"""Which fields a refinement names, in the marketer's words (local engine, round 16r).

Marketers name a field by its label or key ("phone", "Company size"), but just as often
by what it is: "the dropdown", "the upload", "the consent checkbox", "the comments box",
"the last question", "the rating", "the satisfaction question", "the guest count"; and
several at once: "the phone and the budget", "both free-text questions", "téléphone et
les allergies". ``find_one`` and ``find_many`` try the label or key first (local_fields),
then the kind of field, its position, and finally the words of its label and options. A
description that fits more than one field (two dropdowns) is refused with the fields it
could mean, so the marketer can say which.
"""

from __future__ import annotations

import re

from app.services.llm.local_dutch_italian_words import WORDS as IT_NL_WORDS
from app.services.llm.local_fields import RefineError, find_field
from app.services.llm.local_foreign import fold
from app.services.llm.local_foreign_words import TABLES

_ARTICLE = (
    r"the|a|an|this|that|these|those|their|our|le|la|les|l'|el|los|las|un|une|una|unos|o|os|as|"
    r"um|uma|der|die|das|den|dem|des|ein|eine|einen|du|de la|del|do|da|dos|das"
)
_MANY = r"both|the two|two|all(?: the)?|every|all of the|les deux|tous les|toutes les|los dos|las dos|ambos|ambas|beide|die beiden|alle|os dois|as duas|todos os|todas as"
_TWO = re.compile(
    r"^(?:both|the two|two|les deux|los dos|las dos|ambos|ambas|beide|die beiden|os dois|as duas)\b",
    re.I,
)
# Words that say what kind of thing a field is, never which one.
_NOUN = (
    r"questions?|fields?|box(?:es)?|inputs?|items?|ones?|entry|entries|answers?|pregunta?s?|campos?|"
    r"champs?|fragen?|feld(?:er)?|perguntas?|casillas?|cases?"
)
_OPEN = ("textarea", "open")
KINDS = [
    (r"drop-?\s?downs?(?:\s+(?:menu|list)s?)?|select(?:ion)?\s+(?:box|list|menu)e?s?|pick-?\s?lists?|"
     r"listes? d[ée]roulantes?|men[uú]s? desplegables?|desplegables?|listas? suspensas?|"
     r"auswahllisten?|dropdowns?|dropdown-?men[uü]s?|choice questions?|single[- ]choice questions?",
     ("select",)),
    (r"multiple[- ]choice(?: questions?)?|multi-?\s?selects?|check\s?boxes|tick\s?boxes", ("multiselect",)),
    (r"uploads?|file(?: uploads?)?s?|attachments?|fichiers?|archivos?|dateien?|datei-?uploads?|"
     r"arquivos?|anexos?|upload-?feld", ("file",)),
    (r"consent(?: check-?\s?box| box| tick-?\s?box| question)?|opt-?ins?(?: box| check-?\s?box)?|"
     r"marketing (?:consent|opt-?in)|consentement|consentimiento|einwilligung|consentimento", ("consent",)),
    (r"check-?\s?box|tick-?\s?box|case [àa] cocher|casilla(?: de verificaci[oó]n)?|kontrollk[äa]stchen|"
     r"caixa de sele[cç][aã]o", ("checkbox", "consent")),
    (r"(?:comments?|text|message|free[- ]text|open|long[- ]answer|long[- ]text|notes?|feedback) box(?:es)?|"
     r"text\s?areas?|free[- ]text(?: questions?| fields?| answers?)?|open(?:[- ]ended)?(?: text)? questions?|"
     r"open answers?|long answers?|written answers?", _OPEN),
    (r"date(?: fields?| pickers?| questions?)?|dates", ("date",)),
    (r"number(?: fields?| questions?)?|numeric fields?", ("number",)),
    (r"ratings?(?: questions?| scales?)?|scores?|scales?|star ratings?|stars", ("rating",)),
]  # fmt: skip
_RATING = re.compile(
    r"rating|\brate\b|score|satisf|how likely|stars?\b|\bnps\b|valoraci|bewertung|avalia|note\b",
    re.I,
)
_ORDINAL = {
    0: r"first|1st|top|primera|primer|primero|premi[eè]re?|erste[nrs]?|primeir[oa]",
    1: r"second|2nd|segunda|segundo|seconde?|deuxi[eè]me|zweite[nrs]?",
    2: r"third|3rd|tercera|tercer|tercero|troisi[eè]me|dritte[nrs]?|terceir[oa]",
    -1: r"last|final|bottom|[uú]ltim[oa]|derni[eè]re?|letzte[nrs]?",
}
_STOP = {
    "question", "questions", "field", "fields", "about", "they", "were", "what", "which", "their",
    "them", "people", "from", "with", "this", "that", "where", "when", "your", "pregunta", "campo",
    "sobre", "champ", "frage", "feld", "pergunta", "would", "have", "does", "should",
    "asking", "asks", "whether", "there", "visitors", "customers", "guests'",
}  # fmt: skip
_AND = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&|et|ou|y|o|e|und|oder|plus)\s+", re.I)


def _bare(text: str) -> str:
    """ "the flavour question" -> "flavour"; "les allergies" -> "allergies"."""
    words = text.strip().strip("\"“”'‘’«»„").strip().rstrip(".!?")
    for _ in range(3):
        words = re.sub(rf"^(?:(?:{_ARTICLE})\s+|[ld]')", "", words, flags=re.I).strip()
    return words


def _is_open(field: dict) -> bool:
    if field["type"] == "textarea":
        return True
    label = field.get("label") or ""
    return field["type"] == "text" and (
        label.endswith("?")
        or bool(
            re.match(
                r"(?:what|why|how|which|anything|tell|describe|qu[ée]|pourquoi|was|warum|o que)\b",
                label,
                re.I,
            )
        )
    )


def _of_kind(fields: list, kinds: tuple) -> list[dict]:
    if kinds == _OPEN:
        return [f for f in fields if _is_open(f)]
    if kinds == ("rating",):  # named a rating, or a number on a short scale ("Cleanliness", 1-10)
        return [
            f
            for f in fields
            if f["type"] in ("number", "select")
            and _RATING.search(f"{f['name']} {f.get('label') or ''}")
            or f["type"] == "number"
            and f.get("min") in (0, 1)
            and f.get("max") in range(3, 11)
        ]
    return [f for f in fields if f["type"] in kinds]


def by_kind(fields: list, text: str) -> tuple[list[dict], bool] | None:
    """(the fields "the dropdown" / "both text boxes" / "the last question" names, whether
    more than one was meant), or None when the words name no kind or position."""
    words = _bare(text)
    plural = re.match(rf"^(?:{_MANY})\s+", words, re.I)
    two = bool(_TWO.match(words))
    if plural:
        words = _bare(words[plural.end() :])
    for index, pattern in _ORDINAL.items():
        if (
            re.fullmatch(
                rf"(?:{pattern})(?:\s+(?:{_NOUN}))?|(?:{_NOUN})\s+(?:{pattern})", words, re.I
            )
            and fields
        ):
            return [fields[index]], False
    for pattern, kinds in KINDS:
        found = re.fullmatch(rf"(?:(?P<qual>[\w'-]+(?:\s+[\w'-]+)?)\s+)?(?:{pattern})", words, re.I)
        if not found:
            continue
        matches = _of_kind(fields, kinds)
        if found["qual"] and not re.fullmatch(rf"{_MANY}|two|2", found["qual"], re.I):
            # "the flavour dropdown", "the marketing checkbox": the kind narrows the words; a
            # word no field has ("PO number" on a form whose one number is the seats) names none
            narrowed = [f for f in matches if _score(f, found["qual"])]
            named = [
                w
                for w in re.findall(r"[a-z0-9]+", fold(found["qual"]))
                if w not in _STOP and not re.fullmatch(pattern, w, re.I)  # "file upload"
            ]
            matches = narrowed or ([] if len(matches) != 1 or named else matches)
        if two and len(matches) != 2 and kinds == ("select",):
            # "both dropdowns" over one dropdown and one multi-choice: the two choice lists
            matches = _of_kind(fields, ("select", "multiselect"))
        if two and len(matches) != 2:
            return None
        return matches, bool(plural) or words.lower().endswith("s") and len(matches) > 1
    named = re.fullmatch(rf"(?P<qual>.+?)\s+(?:{_NOUN})", words, re.I) if plural else None
    if named:  # "both bank details fields": every field with all of those words
        wanted = len(_stems(named["qual"]))
        matches = [f for f in fields if wanted and _score(f, named["qual"]) == wanted]
        if len(matches) > 1 and (not two or len(matches) == 2):
            return matches, True
    return None


def _stems(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return [w[:6] for w in words if len(w) >= 4 and w not in _STOP]


def _score(field: dict, text: str) -> int:
    own = " ".join(
        [field["name"].replace("_", " "), field.get("label") or "", *(field.get("options") or [])]
    )
    theirs = re.findall(r"[a-z0-9]+", fold(own))
    return sum(1 for stem in _stems(text) if any(w.startswith(stem) for w in theirs))


def _by_words(fields: list, text: str) -> dict | None:
    """The one field whose label, key or options share the most words with ``text``
    ("the guest count" -> Number of guests; "satisfacción" -> the satisfecho scale)."""
    scored = [(_score(f, text), i) for i, f in enumerate(fields)]
    best = max((s for s, _ in scored), default=0)
    winners = [i for s, i in scored if s == best]
    return fields[winners[0]] if best and len(winners) == 1 else None


# Short forms a marketer types for a field's words ("the PO number", "DOB")
_SHORT = [
    (r"\bpo\b", "purchase order"),
    (r"\bdob\b|\bd\.o\.b\.?", "date of birth"),
    (r"\bqty\b", "quantity"),
    (r"\bref\b", "reference"),
    (r"\btel\b", "phone"),
    (r"\baddr\b", "address"),
    (r"\bno\.(?=\s|$)", "number"),
    # a count said either way: "number of kids" is the draft's "How many kids?"
    (r"^(?:the\s+)?number of\b", "how many"),
    (r"^how many\b", "number of"),
]


def _glossed(text: str) -> list[str]:
    """The marketer's words and their English for the field glossary (téléphone -> phone)."""
    from app.services.llm.local_refine_foreign import _noun

    said = [text, _bare(text)]
    for short, long in _SHORT:
        if re.search(short, text, re.I):
            said.append(re.sub(short, long, _bare(text), flags=re.I))
    for lang in ("es", "fr", "de", "pt", "it", "nl"):
        english, own = _noun(text, lang)
        if english != own:
            said.append(english)
    bare = _bare(text)
    stripped = re.sub(
        rf"\s+(?:{_NOUN}|list|scale|menu|options?|choices?)$", "", bare, flags=re.I
    ).strip()
    said += [stripped, re.sub(r"(?<=[a-z])e?s$", "", stripped)]
    return [s for s in dict.fromkeys(said) if s]


def find_glossed(fields: list, target: str) -> dict:
    """The field ``target`` names by label or key, in its own words or stripped of a kind
    ("the meal choice" → "Meal"); never a field that merely shares a word with it."""
    error = None
    for said in _glossed(target):
        try:
            return find_field(fields, said)
        except RefineError as exc:
            error = error or exc
    raise error or RefineError(f"There is no field “{target}”")


def glossed(fields: list, target: str) -> dict | None:
    """``find_glossed``, or None when no field is named: for readers that try a phrasing and
    hand the note on when it names nothing."""
    try:
        return find_glossed(fields, target)
    except RefineError:
        return None


def find_anchor(fields: list, anchor: str, where: str) -> dict:
    """The field a new or moved one goes after (or before): "after make and model" is after
    the later of the two."""
    try:
        return find_one(fields, anchor)
    except RefineError as exc:
        try:
            found = find_many(fields, anchor)
        except RefineError:
            raise exc from None
    order = sorted(found, key=fields.index)
    return order[-1] if where == "after" else order[0]


def find_one(fields: list, target: str) -> dict:
    """The field ``target`` names: by label or key, by kind or place, or by its words."""
    try:
        return find_field(fields, target)
    except RefineError as exc:
        error = exc
    for said in _glossed(target)[1:]:
        try:
            return find_field(fields, said)
        except RefineError:
            pass
    kind = by_kind(fields, target)
    if kind is not None:
        found, _ = kind
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise RefineError(
                f"“{target.strip()}” could be {', '.join(f['label'] for f in found)} — say which"
            )
    if kind is None and re.search(r"\S", _bare(target)):
        found = _by_words(fields, target) or _by_english(fields, target)
        if found is not None:
            return found
    raise error


def _by_english(fields: list, text: str) -> dict | None:
    """The one field whose label, said in English, holds every word of ``text``: "the
    allergies" of "Alergias o algo que debamos saber" on a form written in Spanish."""
    tables = [*TABLES["field"].values(), *IT_NL_WORDS.values()]
    wanted = _stems(text)
    hits = []
    for field in fields:
        own = re.findall(r"[a-z0-9]+", fold(field.get("label") or ""))
        english = {
            w for word in own for t in tables if (said := t.get(word)) for w in fold(said).split()
        }
        if wanted and all(any(w.startswith(stem) for w in english) for stem in wanted):
            hits.append(field)
    return hits[0] if len(hits) == 1 else None


def find_many(fields: list, text: str) -> list[dict]:
    """The fields ``text`` names: one, a kind in the plural ("both text boxes"), or a list
    ("the phone and the budget", "téléphone et les allergies", "date and time questions")."""
    kind = by_kind(fields, text)
    if kind is not None and kind[1] and len(kind[0]) > 1:
        return kind[0]
    said = re.sub(r"^the\s+", "", text.strip(), flags=re.I).lower()
    exact = [f for f in fields if (f.get("label") or "").strip(" ?").lower() == said.strip(" ?")]
    if len(exact) == 1:  # "Terms and conditions": one field's own label, "and" in it
        return exact
    parts = [p for p in _AND.split(text.strip()) if p and p.strip()]
    tail = re.search(rf"\s+(?:{_NOUN})$", parts[-1], re.I) if parts else None
    if tail:  # "the date and time questions": the noun belongs to each
        parts = [p if re.search(rf"(?:{_NOUN})$", p, re.I) else p + tail[0] for p in parts]
    missing = None
    if len(parts) > 1:
        found = []
        for part in parts:
            try:
                found.append(find_one(fields, part))
            except RefineError as exc:
                missing = missing or exc
        if found and missing is None:
            return [f for i, f in enumerate(found) if f not in found[:i]]
    try:
        return [find_field(fields, text)]
    except RefineError:
        if missing is not None:  # "the address, the phone and …" on a form with no address
            raise missing from None
    return [find_one(fields, text)]
