"""A typo in a note is read as the word meant (issue 20, stop 30).

Marketers type fast: "make phnoe optional", "remvoe the breed", "dog's name is requried",
"preffered date". Each was refused on the start commit. A word is mended only when it is not
a word of the form or of the refinement vocabulary and it is one of the slips a typist makes
on such a word: two neighbouring letters swapped, a letter doubled or not, and, in a long word,
one letter left out or added. A letter replaced by another is never mended: "remote" is a
word of its own, not a slip on "remove". Quoted words are the marketer's text and stay as
written.
"""

from __future__ import annotations

import re

_VOCABULARY = set(
    "remove delete rename relabel required optional mandatory compulsory dropdown checkbox "
    "multiple choice number date email phone address message question field answer options "
    "option change replace include preferred default placeholder required".split()
)
_WORD = re.compile(r"[A-Za-z]{5,}")
_QUOTED = re.compile(r"(['\"“‘])(?:(?!\1).)*?['\"”’]")


def mend(text: str, fields: list) -> str:
    meant_words = _VOCABULARY | {w for f in fields for w in _words_of(f)}
    known = meant_words | {w + end for w in meant_words for end in ("s", "d", "ed")}

    def fix(m: re.Match) -> str:
        word = m.group(0)
        lower = word.lower()
        if lower in known:
            return word
        meant = [k for k in meant_words if _slip(lower, k)]
        return meant[0] if len(meant) == 1 else word

    pieces, start = [], 0
    for q in _QUOTED.finditer(text):
        pieces.append(_WORD.sub(fix, text[start : q.start()]) + q.group(0))
        start = q.end()
    return "".join(pieces) + _WORD.sub(fix, text[start:])


def _words_of(field: dict) -> set[str]:
    said = " ".join([field.get("label") or "", *map(str, field.get("options") or [])])
    return {w.lower() for w in _WORD.findall(said)}


def _slip(typed: str, word: str) -> bool:
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):  # two neighbours swapped: "phnoe", "requried"
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )
    short, long_ = sorted((typed, word), key=len)
    return any(
        long_[:i] + long_[i + 1 :] == short
        # a letter doubled or not ("preffered", "adress"), or one left out of a long word ("optinal")
        and (i > 0 and long_[i] == long_[i - 1] or len(short) >= 6)
        for i in range(len(long_))
    )
