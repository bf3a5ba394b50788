"""What a "which …" item asks about, in the marketer's words (local engine, round 44b).

"welcher Kurs (Judo, Karate)", "quel cours (…)", "cuál curso (…)", "qual horário (…)" are glossed
"which course (…)" / "which time (…)"; the engine labels the choice with what follows the
question word ("Course", "Time", "Vini preferisci"), which no piece of the description reads
as, so the label fell to the phrase table and stayed English, or lost the question word that
made it read ("quali vini preferisci" → "Vini preferisci"). ``asked_nouns(pairs, lang)`` gives
that English label's wording back in theirs: a noun as a noun ("Kurs", as "welche Größe
(S, M)" is already labelled "Größe"; "Type de travaux"), more words as the question they asked
("Quali vini preferisci?"). The callers only add what they do not know yet, so a
noun the marketer also wrote alone keeps that piece.
"""

from __future__ import annotations

import re

# The question word opening the marketer's piece: "welcher", "quelle", "¿qué", "cuál", "qual",
# "quale", "welk".
_ASKING = re.compile(
    r"^\s*¿?\s*(?:welke?|welche[rsnm]?|quel(?:le)?s?|qu[eé]|cu[aá]l(?:es)?|qual|quais|"
    r"qual[ei]|che)\s+(?=\w)",
    re.I,
)
_OF = re.compile(r"\b(?:of|de|d'|di|del|della|der|des|van|do|da)(?=\s|')", re.I)
_WHICH = re.compile(r"^(?:which|what)\s+(?=\w)", re.I)


def _question(piece: str, lang: str) -> str:
    """The piece as a question in the language's own marks ("¿…?", "… ?", "…?")."""
    piece = piece.strip(" ¿?")
    piece = piece[:1].upper() + piece[1:]
    if lang == "es":
        return f"¿{piece}?"
    return f"{piece} ?" if lang == "fr" else f"{piece}?"


def asked_nouns(pairs: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """[(what follows "which" in English, the label in the marketer's words)]."""
    out = []
    for en, orig in pairs:
        english, said = _WHICH.match(en or ""), _ASKING.match(orig or "")
        if not english or not said:
            continue
        rest_en, rest = en[english.end() :].strip(), orig[said.end() :].strip(" ?")
        words = len(rest.split())
        if not rest or words > 5:  # a long question is labelled whole already
            continue
        # a noun ("Kurs") or a noun's phrase ("type de travaux", "tipo di evento") is a
        # label as it is; more words ask ("vini preferisci"): the whole question
        noun = words == 1 or _OF.search(f"{rest_en} {rest}")
        out.append((rest_en, rest if noun else _question(orig, lang)))
    return out
