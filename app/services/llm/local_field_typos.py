"""Typos in the field nouns a description lists ("compnay size", "budjet", "phnoe number").

``correct_field_words(phrase)`` replaces a misspelled word by the one word of the
engine's field vocabulary it is one slip away from, so the field gets the right type
and a correctly spelled label. Only words of 4+ letters, only when unambiguous, only
with the same first letter (people rarely mistype the first letter): one edit
(a swap of two neighbours counts as one) for words of up to 7 letters, two for
longer ones, and a 4-letter word only by a letter left out, added or swapped ("emal",
"naem"; "cafe" is not "case"). A real English word one slip from a field word ("grape", "store") is
kept unless the pair it sits in is a known field name ("job tittle" → job title);
a word the vocabulary does not know and cannot be traced to ("kiln") is kept as written.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import DOMAIN_FIELDS
from app.services.llm.local_kept_items import foreign_real_word

# Nouns and modifiers the field reader types and labels by (local_domain, local_extract_item).
_WORDS = """
name names first last full surname email address addresses phone number numbers mobile telephone
company companies business organisation organization size team employees headcount budget
timeline website linkedin profile portfolio industry sector country city region postcode
location message question questions comments feedback rating score date dates time times
preferred prefer preference preferences appointment booking reference order invoice account
serial purchase registration mileage party guests guest travellers travelers destination
departure arrival return check grade quantity deadline dietary requirements requirement
allergies allergy reason visit patient existing current previous expected salary experience
availability available position role title department description details photo photos
picture pictures receipt document documents attachment upload certificate insurance policy
amount price delivery shipping tracking product model make version device system browser
operating street property bedrooms bathrooms square metres meters footage floor floors
subject topic category type level frequency duration start finish month monthly weekly annual
people adults children student students school university graduation qualification language
languages occasion venue event events wedding birthday catering course class session sessions
instructor treatment medication emergency contact nationality passport gender birth
suggestion suggestions improvement improvements comment question enquiry issue problem
parent parents guardian child teacher subject subjects occasion ability
""".split()
# Two-word field names: a real but rare word one slip from a field word is still a typo
# when the pair reads as one of these ("job tittle" → job title).
PAIRS = frozenset(
    p.strip()
    for p in """job title|phone number|company size|company name|email address|team size|
    postal code|post code|zip code|date of|number of|order number|account number|serial number|
    reference number|preferred date|preferred time|start date|end date|due date|event date|
    delivery date|delivery address|home address|billing address|first name|last name|full name|
    business name|dietary requirements|special requirements|job role|current role|
    years of|date of birth|reason for|guest count|party size|budget range""".split("|")
    if p.strip()
)


def _vocabulary() -> frozenset:
    words = set(_WORDS)
    # the domain fields too (local_domain adds them to the catalogue when it is imported)
    for key, field in {**catalog.FIELDS, **catalog.EXTRA_FIELDS, **DOMAIN_FIELDS}.items():
        text = f"{key.replace('_', ' ')} {field.get('label') or ''}".lower()
        words.update(re.findall(r"[a-z]{4,}", text))
    return frozenset(w for w in words if len(w) >= 4)


VOCABULARY = _vocabulary()
# Real English words one slip from a field word ("grape" / "grade", "store" / "score"),
# generated from the system word lists by scripts/build_word_neighbours.py.
NEIGHBOURS_FILE = Path(__file__).parent / "data" / "field_word_neighbours.txt"


@functools.cache
def _neighbours() -> frozenset:
    if not NEIGHBOURS_FILE.exists():
        return frozenset()
    lines = NEIGHBOURS_FILE.read_text(encoding="utf-8").split("\n")
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# a word with an accented letter in it ("quantité") is no misspelt English word
_WORD = re.compile(r"(?<![^\W\d_])[a-z]{4,}(?![^\W\d_])")


def correct_field_words(phrase: str) -> str:
    """``phrase`` (lower case) with each misspelled field word replaced by the known one."""
    words = phrase.split(" ")
    fixed = [_WORD.sub(lambda m: _correct(m.group(0)), w) for w in words]
    for i, word in enumerate(words):  # "job tittle": a rare real word, but the pair is known
        near = nearest(word) if word in _neighbours() else None
        if near and near != word:
            pairs = {f"{fixed[i - 1]} {near}" if i else None}
            pairs.add(f"{near} {fixed[i + 1]}" if i + 1 < len(fixed) else None)
            if pairs & PAIRS:
                fixed[i] = near
    return " ".join(fixed)


@functools.lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    if word in _neighbours() or foreign_real_word(word):  # "Frist" is German, not "first"
        return word
    return nearest(word) or word


def nearest(word: str) -> str | None:
    """The one field word ``word`` is a slip away from (itself when known), else None."""
    if word in VOCABULARY or _inflected(word):
        return word
    limit = 1 if len(word) <= 7 else 2
    scored = [
        (_distance(word, v), v)
        for v in VOCABULARY
        if v[0] == word[0] and abs(len(v) - len(word)) <= limit
    ]
    best = min((d for d, _ in scored), default=limit + 1)
    near = [v for d, v in scored if d == best <= limit]  # the closest, if only one
    if len(near) != 1:
        return None  # unknown, or ambiguous ("cart": card? care?): keep it as written
    if len(word) == 4 and len(near[0]) == 4 and sorted(word) != sorted(near[0]):
        return None  # a 4-letter word with one letter changed is too often another word ("cafe")
    return near[0]


def _inflected(word: str) -> bool:
    """ "dates", "addresses", "attendee": a plural or singular of a known word, not a typo."""
    if word + "s" in VOCABULARY or word + "es" in VOCABULARY:  # "attendee": a singular
        return True
    for suffix in ("s", "es"):  # other forms are in the neighbours list when real
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and (stem in VOCABULARY or stem + "e" in VOCABULARY):
            return True
    return False


def _distance(a: str, b: str) -> int:
    """Damerau–Levenshtein (optimal string alignment) distance."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
