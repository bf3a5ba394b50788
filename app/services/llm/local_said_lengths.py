"""A length the description gives an answer, a year asked as a year, a key that says what is
asked (issue 20, stop 29).

"abstract (max 300 words)", "bio, up to 100 words", "summary (max 500 characters)": the
visitor is told the limit under the box, and the box keeps the answer near it (a word is
about six characters with its space, so 300 words are capped at 2,400 characters, never
fewer than asked). "year of birth", "Geburtsjahr", "année de naissance": a number from 1900
to this year, not a date picker or free text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_UNITS = {
    "words": "words",
    "word": "words",
    "palabras": "words",
    "mots": "words",
    "wörter": "words",
    "worte": "words",
    "palavras": "words",
    "parole": "words",
    "woorden": "words",
    "characters": "characters",
    "chars": "characters",
    "caracteres": "characters",
    "caractères": "characters",
    "zeichen": "characters",
    "caratteri": "characters",
    "tekens": "characters",
}
_LIMIT = re.compile(
    r"(?P<stem>[^,:;()\n]{2,60}?)\s*[,(–-]?\s*\(?\s*(?:(?:max\.?|maximum|up to|no more than|at most|"
    r"m[áa]x(?:imo)?\.?|jusqu'à|höchstens|bis zu|massimo|maximaal|hasta)\s+(?P<n>\d[\d,.]*)\s+"
    rf"(?P<unit>{'|'.join(_UNITS)})\b"
    # "abstract (300 words max)": the count first, the limit after it
    rf"|(?P<n2>\d[\d,.]*)\s+(?P<unit2>{'|'.join(_UNITS)})\s+(?:max\.?|maximum|m[áa]x(?:imo)?\.?|tops|at most)\b)",
    re.I,
)
_HELP = {
    None: "Up to {n} words.",
    "es": "Máximo {n} palabras.",
    "fr": "{n} mots maximum.",
    "de": "Höchstens {n} Wörter.",
    "pt": "Máximo de {n} palavras.",
    "it": "Massimo {n} parole.",
    "nl": "Maximaal {n} woorden.",
}
_WORD_LANG = {
    "words": None,
    "word": None,
    "palabras": "es",
    "mots": "fr",
    "wörter": "de",
    "worte": "de",
    "palavras": "pt",
    "parole": "it",
    "woorden": "nl",
}
_CHARACTERS_PER_WORD = 8
_YEAR_OF_BIRTH = re.compile(
    r"\b(?:year of birth|birth year|geburtsjahr|jahrgang|ann[ée]e de naissance|a[ñn]o de nacimiento|"
    r"ano de nascimento|anno di nascita|geboortejaar)\b",
    re.I,
)


def said_lengths(fields: list, described: str, lang: str | None) -> None:
    for said in _LIMIT.finditer(described):
        field = _field_for(fields, said["stem"])
        if field is None or field["type"] not in ("text", "textarea"):
            continue
        n = int(re.sub(r"[,.]", "", said["n"] or said["n2"]))
        unit = said["unit"] or said["unit2"]
        if _UNITS[unit.lower()] == "characters":
            field["max_length"] = n
            continue
        limit_words(field, n, unit, lang)


def limit_words(field: dict, n: int, unit: str, lang: str | None = None) -> None:
    """A limit of ``n`` words (said with the word ``unit``, "palabras"): the visitor is told it
    under the box, in the language of that word, and the box caps the answer near it."""
    field["max_length"] = n * _CHARACTERS_PER_WORD
    field["type"] = "textarea" if n > 40 else field["type"]
    said_in = _WORD_LANG.get(unit.lower(), lang)
    if not field.get("help") or tells_word_limit(field["help"]):
        field["help"] = _HELP.get(said_in, _HELP[None]).format(n=n)  # a new limit replaces the old


def tells_word_limit(text: str) -> bool:
    """Whether a help text is the word limit ``limit_words`` wrote ("Máximo 300 palabras.")."""
    return any(
        re.fullmatch(re.escape(h).replace(r"\{n\}", r"\d+"), text.strip()) for h in _HELP.values()
    )


def word_limit_in(text: str, locale: str) -> str | None:
    """ "Up to 300 words." in ``locale`` (a form's translation), or None for other texts."""
    said = re.fullmatch(r"Up to (\d+) words\.", text.strip())
    return _HELP[locale].format(n=said[1]) if said and locale in _HELP else None


_BARE_KEYS = {"how_many", "which", "which_ones", "what_kind", "what", "how", "when", "where", "who"}


def keys_as_asked(fields: list) -> None:
    """ "how_many", "which": a bare question word is no key for a webhook or an export; the
    key says what is asked ("how_many_kids", "welche_allergien")."""
    for field in fields:
        if field["name"] not in _BARE_KEYS:
            continue
        folded = unicodedata.normalize("NFKD", field["label"]).encode("ascii", "ignore").decode()
        key = re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_")[:50].strip("_")
        if re.match(r"[a-z]", key or "") and all(f["name"] != key for f in fields):
            for other in fields:  # a rule that reads this field follows its new key
                for cond in (other.get("show_if") or {}).get("all", []):
                    if cond.get("field") == field["name"]:
                        cond["field"] = key
            field["name"] = key


def years_as_numbers(fields: list) -> None:
    for field in fields:
        if field["type"] in ("date", "text") and _YEAR_OF_BIRTH.search(field["label"]):
            field.update(
                type="number", min=1900, max=date.today().year, max_length=None, regex=None
            )
            field["placeholder"] = ""


def _field_for(fields: list, stem: str) -> dict | None:
    """The field whose label the words before the limit end with ("… abstract (max 300 words)")."""
    said = re.findall(r"[^\W\d_]+", stem.lower())[-4:]
    best, best_overlap = None, 0
    for field in fields:
        own = set(re.findall(r"[^\W\d_]+", field["label"].lower()))
        overlap = len(own & set(said))
        if overlap > best_overlap and said and said[-1] in own:
            best, best_overlap = field, overlap
    return best
