"""Answers said after their noun, as Spanish, French and Portuguese say them without
brackets: "cesta pequeña, mediana o grande", "panier petit, moyen ou grand", "tipo de
quarto individual, duplo ou familiar". The list splitter cuts at every comma, so the noun
and its first answer would be one field and the rest a choice; the item is put back
together as "noun (A, B, C)", the form the bracket reader already knows. German puts its
adjectives before the noun, so it is left alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.services.llm.local_one_thing import HEAD_ABROAD, described
from app.services.llm.local_whole_items import _tells

_OR = {"es": "o|u", "fr": "ou", "pt": "ou"}
_WORD = r"[^\W\d_]+"
# after the start of the list or a separator: a noun ("cesta", "tipo de habitación"), its
# first answer, more answers after commas, and the last after "o"/"ou"; then the item ends
# ("turno de mañana o tarde": the "de" opens the answers; "¿modalidad online o presencial?":
# the question marks go with the brackets)
_ITEM = r"(?P<ask>¿\s*)?(?P<noun>{w}(?: de {w})?)(?P<de> de)? (?P<first>{w})(?P<mid>(?:, {w})*),? (?:{orw}) (?P<last>{w})"


def join_trailing_answers(text: str, lang: str, is_field: Callable[[str], bool]) -> str:
    """``text`` with each "noun A, B o C" item written "noun (A, B, C)". ``is_field`` says
    whether a word is a field or type word of its own ("teléfono", "fecha"): a list of
    those ("correo electrónico, teléfono o whatsapp") is a list of fields, not answers."""
    if lang not in _OR:
        return text
    item = re.compile(
        r"(?:(?<=^)|(?<=[:,;]\s)|(?<=[:,;]))\s*"
        + _ITEM.format(w=_WORD, orw=_OR[lang])
        + r"(?P<asked>\s*\?)?(?=\s*(?:[,;.]|$))",
        re.I,
    )

    def rewrite(m: re.Match) -> str:
        answers = [m["first"], *[a.strip() for a in m["mid"].split(",") if a.strip()], m["last"]]
        words = [*m["noun"].split(" de "), *answers]
        if any(is_field(w) for w in words) or len(set(a.lower() for a in answers)) < len(answers):
            return m[0]
        if m["ask"] and not HEAD_ABROAD.match(m["noun"]):
            return m[0]  # "¿tienes iphone o android?": a verb asks, no noun heads it
        if bool(m["ask"]) != bool(m["asked"]) or (
            m["de"] and any(described(w) or _tells(w) for w in [m["noun"], *answers])
        ):
            return m[0]  # "problemas de salud o alergias": one thing to describe
        lead = m[0][: len(m[0]) - len(m[0].lstrip())]
        return f"{lead}{m['noun']} ({', '.join(answers)})"

    return item.sub(rewrite, text)
