"""The answer's type said in brackets after an item.

"website (link)", "county (dropdown)", "which night (pick a date)", "floor (number)",
"special requests (long text)"; and in refinement, "Sonderwünsche als großes Textfeld",
"add a question …, as a big text box" (local_refine_said, local_refine_ask): one table of the
kinds a marketer names in words,
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
            r"(?:a\s+)?(?:long|big|large|multi-?line)\s+(?:text\s*)?(?:box|field|answer|text|area)|"
            r"paragraph|multi-?line|textarea|gro(?:ß|ss)es\s+textfeld|mehrzeiliges\s+(?:text)?feld|"
            r"langer\s+text|texto\s+largo|campo\s+de\s+texto\s+(?:largo|grande)|zone\s+de\s+texte|"
            r"texte\s+long|texto\s+longo|caixa\s+de\s+texto\s+grande",
            re.I,
        ),
    ),
    ("url", re.compile(r"(?:a )?(?:link|url)", re.I)),
    (
        "select",
        re.compile(
            r"drop-?\s?down|select|dropdown menu|pick-?list|auswahlliste|dropdown-?men[üu]|"
            r"desplegable|liste\s+d[ée]roulante|lista\s+suspensa",
            re.I,
        ),
    ),
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
