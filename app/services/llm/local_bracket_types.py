"""The answer's type said in brackets after an item.

"website (link)", "county (dropdown)", "which night (pick a date)", "floor (number)",
"special requests (long text)",
"fecha (elige una fecha)", "Termin (Datum wählen)": the marketer names the kind of answer, not
its answers, so the brackets set the field's type and leave no words in the label.
"""

from __future__ import annotations

import re

_TYPES = (
    ("number", re.compile(r"(?:a )?(?:number|numeric|n[uú]mero|zahl|num[ée]rico)", re.I)),
    (
        "textarea",
        re.compile(
            r"(?:a )?(?:long|big|large) (?:text|answer)(?: box)?|paragraph|multi-?line|"
            r"texto largo|texte long|langer text|texto longo|textarea",
            re.I,
        ),
    ),
    ("url", re.compile(r"(?:a )?(?:link|url)", re.I)),
    ("select", re.compile(r"drop-?\s?down|select|dropdown menu|pick-?list", re.I)),
    (
        "date",
        re.compile(
            r"(?:(?:pick|choose|select|enter|with) )?(?:a |the )?(?:date|calendar|date picker)|"
            r"(?:elige|elegir|escoge|selecciona) (?:una |la )?fecha|fecha|"
            r"(?:choisir|choisissez) (?:une |la )?date|"
            r"datum(?: w[äa]hlen| ausw[äa]hlen)?|kalender|"
            r"(?:escolha|escolher|selecione) (?:uma |a )?data",
            re.I,
        ),
    ),
)


def bracket_type(inner: str) -> str:
    """The field type the bracketed words name ("url", "select", "date", "number",
    "textarea"), or ""."""
    inner = inner.strip()
    return next((kind for kind, said in _TYPES if said.fullmatch(inner)), "")
