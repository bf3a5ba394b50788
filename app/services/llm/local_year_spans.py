"""A year that spans two calendar years is written, not counted (round 38a).

A tax year, a financial year, an academic year, a club's season run from one calendar year
into the next: the visitor writes "2025/26", which a number field refuses. Asked bare (no
answers listed), such an item is a short text answer showing that form.
"""

from __future__ import annotations

import re

SPAN_EXAMPLE = "e.g. 2025/26"
_SPAN_YEAR = re.compile(
    r"^(?:(?:the|your|which|what|current|relevant|last)\s+)*(?:"
    r"(?:tax|financial|fiscal|academic|accounting|university|college|assessment)\s+years?|"
    r"seasons?|a[ñn]os? (?:fiscal(?:es)?|acad[ée]micos?)|ejercicios? fiscal(?:es)?|"
    r"cursos? (?:acad[ée]mico|escolar)|ann[ée]es? (?:fiscale|scolaire|universitaire)s?|"
    r"exercices? fiscal|steuerjahre?|gesch[äa]ftsjahre?|wirtschaftsjahre?|schuljahre?|"
    r"studienjahre?|belastingjaar|boekjaar|schooljaar|academiejaar|"
    r"anno (?:fiscale|scolastico|accademico)|esercizio fiscale|ano (?:fiscal|letivo))(?:\s*\?)?$",
    re.I,
)


def span_year(field: dict, phrase: str) -> dict | None:
    """``field`` as a text answer with a "2025/26" example when ``phrase`` asks such a year
    (a number or a plain text field), else None."""
    if field["type"] not in ("number", "text") or not _SPAN_YEAR.match(phrase.strip()):
        return None
    return {
        **field,
        "type": "text",
        "min": None,
        "max": None,
        "max_length": 20,
        "placeholder": field.get("placeholder") or SPAN_EXAMPLE,
    }
