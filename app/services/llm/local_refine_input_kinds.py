"""A kind of input asked for a field the form has, in the marketer's words (issue 20, round 44c).

"change which days work to checkboxes", "make the level question a list", "turn level into
radio buttons", "the message should be a text box", "cambia el turno a casillas", "mach die
Erfahrung zu Kontrollkästchen": the words name how the visitor answers, never a field. Read
as they were, "change X to checkboxes" renamed the question "Checkboxes" (and changed its key,
so the editor showed it removed and a new one added), and "make the level question a list"
turned a dropdown into a long text: silent wrong edits. A kind the field has already ("change
which days work to checkboxes" on tick boxes) changes nothing, and the note says so.

``rewrite(text, fields)`` says such a note as "make <key> a <kind>" (read by local_refine_more),
as a "\\x00" note when the field is that kind already, or None when the words name no field.
"""

from __future__ import annotations

import re

from app.services.llm.local_fields import RefineError
from app.services.llm.local_refine_targets import find_one

# (the field type, how a marketer names that input, how the note says it)
_KINDS = [
    (
        "multiselect",
        r"check ?boxes|tick ?boxes|checkboxen|multiple[- ]choice|multi-?select|kontrollk[äa]stchen|"
        r"cases [àa] cocher|casillas(?: de verificaci[óo]n)?|caselle(?: di controllo)?|"
        r"selectievakjes|vinkjes|caixas de sele[çc][ãa]o|caixas de verifica[çc][ãa]o",
        "tick boxes (several answers)",
    ),
    (
        "select",
        r"radio ?buttons?|radios|drop-?\s?downs?(?: (?:menu|list))?|single[- ]choice|pick-?list|list|"
        r"liste d[ée]roulante|boutons radio|desplegable|lista desplegable|botones de opci[óo]n|"
        r"auswahlliste|dropdown-?men[üu]|optionsfelder|menu a tendina|pulsanti di opzione|"
        r"keuzelijst|keuzerondjes|lista suspensa|bot[õo]es de op[çc][ãa]o",
        "a single choice",
    ),
    (
        "textarea",
        r"(?:big |large |long )?text ?(?:box|area)|paragraph|long (?:text|answer)|"
        r"zone de texte|[áa]rea de texto|textfeld|textbereich|area di testo|tekstvak|caixa de texto",
        "a long text box",
    ),
]
_KIND = "|".join(f"(?:{pattern})" for _, pattern, _ in _KINDS)
_VERB = (
    r"change|make|turn|convert|switch|set|show|cambia|cambie|convierte|transforma|haz|change[zr]?|"
    r"transforme[zr]?|mets|mach|mache|[äa]ndere|wandle|rendi|trasforma|verander|maak|zet|muda|"
    r"mude|altera|altere|torna|torne"
)
_TO = r"to|into|as|in|en|a|zu|zum|zur|naar|tot|para|em|como|als"
_ARTICLE = r"(?:an?|the|une?|una?|des|ein|eine|einen|einem|einer|een|uma?|um|dei|delle)\s+"
_OPTIONS = r"(?P<rest>\s*(?::|\(|\bwith\b).*)?"
_READINGS = [
    # "change which days work to checkboxes", "make the level question a list"
    re.compile(
        rf"^(?:{_VERB})\s+(?:the\s+)?(?P<x>.+?)\s+(?:(?:{_TO})\s+)?(?:{_ARTICLE})?(?P<k>{_KIND})"
        rf"(?:\s+(?:instead|please))?{_OPTIONS}\s*(?:\s+(?:um|om))?$",
        re.I,
    ),
    # "which days work should be checkboxes", "the message should be a big text box"
    re.compile(
        rf"^(?:the\s+)?(?P<x>.+?)\s+(?:should|must|needs to|has to|could|can|would be better)\s+"
        rf"(?:be\s+|as\s+)?(?:{_ARTICLE})?(?P<k>{_KIND})(?:\s+(?:instead|please))?{_OPTIONS}$",
        re.I,
    ),
]
_SAID = {"multiselect": "multiple choice", "select": "dropdown", "textarea": "long text"}


def rewrite(text: str, fields: list) -> str | None:
    for pattern in _READINGS:
        m = pattern.match(text.strip())
        if not m:
            continue
        try:
            field = find_one(fields, m["x"])
        except RefineError:
            continue  # no field of the form: the other readers answer ("add a dropdown …")
        ftype, said = next((t, s) for t, p, s in _KINDS if re.fullmatch(p, m["k"], re.I))
        rest = m["rest"] or ""
        if _has(field, ftype, m["k"]) and not rest.strip():
            return f"\x00“{field['label']}” is {said} already, so nothing changed."
        return f"make {_said(field, fields)} a {_SAID[ftype]}{rest}"
    return None


def _said(field: dict, fields: list) -> str:
    """The field as the marketer sees it (a refusal quotes it), or its key when two share it."""
    label = (field.get("label") or "").strip(" ?")
    same = [f for f in fields if (f.get("label") or "").strip(" ?").lower() == label.lower()]
    return label if label and len(same) == 1 and "," not in label else field["name"]


def _has(field: dict, ftype: str, said: str) -> bool:
    """Whether the field is that kind already ("a list" is any list to pick from, one or
    several answers; "a text box" any text)."""
    if re.fullmatch(r"list", said, re.I):
        return field["type"] in ("select", "multiselect")
    return field["type"] == ftype
