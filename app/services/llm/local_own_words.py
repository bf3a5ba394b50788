"""A field the marketer listed in es/fr/de/pt is labelled with the marketer's own word.

The gloss leaves a word it has no translation for as written ("classe", "welche Räume" →
"which raume"); the engine then reads that word as best it can ("Class", "Raume") and the
phrase table turns it into another word of the language ("Cours", "Aula") or the label keeps
the folded spelling ("Raume", "Boden"). Such a word was never translated, so the label is the
marketer's word as they wrote it ("Classe", "Räume", "Böden").

``own_word(label, pairs)`` (``pairs``: [(English gloss, the marketer's words)]) returns the
marketer's words for an engine label read from an untranslated word, or None. Called by
``local_foreign.localize`` when no piece reads exactly as the label.
"""

from __future__ import annotations

import re
import unicodedata

# how much a respelt word may differ from the marketer's ("class" read from "classe")
_RESPELT = 2


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")


def _words(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)?", " ", text)  # "welche Räume (Wohnzimmer, Küche)": the question
    return re.findall(r"[\w'-]+", text)


def _respelt(label: str, word: str) -> bool:
    """ "class" for "classe": one is the other with a short ending."""
    short, long = sorted((label, word), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= _RESPELT


def own_word(label: str, pairs: list[tuple[str, str]]) -> str | None:
    wanted = [_fold(w) for w in _words(label)]
    if not wanted:
        return None
    for english, said in pairs:
        gloss, theirs = _words(english), _words(said)
        if len(gloss) != len(theirs):
            continue  # the gloss changed the word order: no word-for-word reading
        kept = 0  # the untranslated words at the end of the piece ("Räume" of "welche Räume")
        while kept < len(gloss) and _fold(gloss[-1 - kept]) == _fold(theirs[-1 - kept]):
            kept += 1
        if not kept:
            continue
        tail = [_fold(w) for w in gloss[len(gloss) - kept :]]
        if len(wanted) <= kept and tail[kept - len(wanted) :] == wanted:
            return " ".join(theirs[len(theirs) - len(wanted) :])
        if kept == len(gloss) == len(wanted) == 1 and _respelt(wanted[0], tail[0]):
            return theirs[0]  # "classe", read as "Class"
    return None


def leading_word(label: str, pairs: list[tuple[str, str]]) -> str | None:
    """ "Cours" for a choice labelled "Course" read from "cours en ligne ou en présentiel"
    (glossed "course en ligne"): the label is the piece's first words, glossed word for word,
    so it is the marketer's first words."""
    wanted = [_fold(w) for w in _words(label)]
    for english, said in pairs:
        gloss, theirs = _words(english), _words(said)
        if len(gloss) != len(theirs) or not 0 < len(wanted) < len(gloss):
            continue
        if [_fold(w) for w in gloss[: len(wanted)]] == wanted:
            return " ".join(theirs[: len(wanted)])
    return None
