"""A widget named in brackets after an item: "I confirm this is my own work (checkbox)",
"dietary needs (dropdown: none, vegetarian, vegan)", "anything else (long text)".

The marketer says which control they want; the bracket is an instruction, not part of the
label nor an answer. Before the description is read, ``read_widget_hints`` turns a checkbox
hint into the quoted tick box ``local_tick_box`` already lifts, and leaves a dropdown's
answers in plain brackets; it remembers which answer sets are one-choice dropdowns and which
items are long text, and ``apply_widget_hints`` gives those fields that type once the draft
is built.
"""

from __future__ import annotations

import re

from app.services.llm.local_choice_lists import folded

_CHECKBOX = (
    r"check[- ]?box|tick[- ]?box|case [àa] cocher|casilla(?: de verificaci[oó]n)?|k[äa]stchen|"
    r"ankreuzfeld|caixa(?: de sele[cç][aã]o)?"
)
_DROPDOWN = (
    r"drop[- ]?down(?: (?:list|menu))?|select(?: box)?|single choice|(?:lista )?desplegable|"
    r"liste d[ée]roulante|menu d[ée]roulant|auswahlliste|lista suspensa|menu suspenso"
)
_LONG = r"long text|paragraph|text ?box|free text|texto largo|texte long|freitext|texto longo"
# the item runs back to the last separator: ", I confirm this is my own work (checkbox)"
_ITEM = r"(?P<item>[^,;:()\n]+?)"
CHECKBOX_HINT = re.compile(rf"{_ITEM}\s*\((?:{_CHECKBOX})\)", re.I)
DROPDOWN_HINT = re.compile(rf"\((?:{_DROPDOWN})\s*(?::\s*(?P<answers>[^()]+))?\)", re.I)
LONG_HINT = re.compile(rf"{_ITEM}\s*\((?:{_LONG})\)", re.I)


# "how long have you had the pain (weeks)": the unit the answer counts in
DURATION_UNIT = re.compile(
    r"(?P<asked>\bhow long\b[^,;()\n]*?)\s*\((?P<unit>minutes|hours|days|weeks|months|years)\)",
    re.I,
)


# the widget said before the item: "just one big text box for the idea and a dropdown for the
# area (office, IT, …)" asks an "Idea" (long text) and an "Area" (its answers follow)
NAMED_BEFORE = re.compile(
    rf"\b(?:just\s+|only\s+)?(?:a|an|one|une?|una?|um|uma|eine?n?)\s+"
    rf"(?P<size>(?:big|bigger|large|larger|long|longer)\s+)?"
    rf"(?P<kind>{_DROPDOWN}|text ?box|text ?field|text ?area|free[- ]text(?: box| field)?)\s+"
    r"(?:for|pour|para|f[üu]r)\s+(?:the\s+|their\s+|your\s+|an?\s+|le\s+|la\s+|les\s+|l'|el\s+|los\s+|"
    r"las\s+|o\s+|a\s+|os\s+|as\s+|den\s+|die\s+|das\s+)?"
    r"(?P<thing>[^,;:()\n]+?)(?=\s*(?:\(|,|;|\.|$|\band\b|\bet\b|\by\b|\bund\b|\be\b))",
    re.I,
)


def _named_before(m: re.Match) -> str:
    kind = m["kind"].lower()
    if re.fullmatch(_DROPDOWN, kind, re.I) or (kind.endswith("field") and not m["size"]):
        return m["thing"]
    return f"{m['thing']} (long text)"


def read_widget_hints(text: str) -> tuple[str, dict]:
    """(the description with its widget brackets rewritten, what they asked for)."""
    hints: dict = {"single": [], "long": []}
    text = NAMED_BEFORE.sub(_named_before, text)
    text = DURATION_UNIT.sub(lambda m: f"{m['asked']} in {m['unit'].lower()}", text)
    text = CHECKBOX_HINT.sub(lambda m: f' a tick box for "{m["item"].strip()}"', text)

    def dropdown(m: re.Match) -> str:
        if not m["answers"]:
            return ""
        answers = [a.strip() for a in re.split(r",|\bor\b|/", m["answers"]) if a.strip()]
        hints["single"].append({folded(a) for a in answers})
        return f"({', '.join(answers)})"

    text = DROPDOWN_HINT.sub(dropdown, text)

    def long_text(m: re.Match) -> str:
        hints["long"].append(folded(m["item"]))
        return m["item"]

    return LONG_HINT.sub(long_text, text), hints


def apply_widget_hints(fields: list, hints: dict) -> None:
    for f in fields:
        answers = {folded(o) for o in f.get("options") or []}
        if answers and any(answers == single for single in hints["single"]):
            f["type"] = "select"
        if f["type"] in ("text", "textarea") and any(
            folded(f["label"]).rstrip(" ?") == item for item in hints["long"]
        ):
            f["type"], f["max_length"] = "textarea", 5000
