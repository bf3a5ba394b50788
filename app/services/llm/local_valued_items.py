"""A listed item that names a value is a field, whatever words say whose value it is.

The item reader drops a piece of a list as chatter when it holds a word a sentence about the
form would ("site", "you", "our", "form"), or when it runs longer than a noun. A marketer's
"size of site in acres" (the "site" of a drone survey, not a website), "weight of the parcel
you are sending in kg", "name of the person the plan is for" or "superficie du site en m²"
names a value all the same: a measure (size, area, length, weight… or a unit: acres, m², kg),
or a value noun followed by "of" / "for" and whose value it is. Such an item is read again as
a list's item (chatter words allowed); if it is still too long for a noun, the value noun and
the item's own words are the field (never silently dropped).

Descriptions in es/fr/de/pt are read in English first; a gloss that leaves a word as it was
("superficie du terrain", "Größe des Grundstücks") is caught by the foreign measure nouns.
"""

from __future__ import annotations

import re

from app.services.llm.local_answer_kinds import MEASURED

# The value nouns a measure is named by
_MEASURE = (
    r"size|area|surface|floor ?space|length|width|height|depth|weight|volume|capacity|distance|"
    r"superficie|surface|taille|longueur|largeur|hauteur|poids|tamaño|área|area|longitud|"
    r"anchura|altura|peso|tamanho|comprimento|largura|größe|grösse|fläche|länge|breite|höhe|"
    r"gewicht"
)
_ARTICLE = r"(?:(?:the|your|their|approx\.?|approximate|estimated|rough)\s+)*"
# "size of site in acres", "weight in kg", "area of the garden (m2)": a measure
_MEASURE_ITEM = re.compile(rf"^{_ARTICLE}(?:[\w-]+\s+)?(?:{_MEASURE})\b", re.I)
# "name of the person the plan is for", "date of the event you are booking": a value and whose
_VALUE_OF = re.compile(
    rf"^{_ARTICLE}(?P<noun>(?:full\s+)?name|date|age|address|number|value|cost|price|"
    rf"{_MEASURE})\s+(?:of|for)\s+\S",
    re.I,
)
# A sentence, not an item: a verb of the writer's, a second clause
_SENTENCE = re.compile(
    r"\b(?:we|i|please|pls|should|must|will|would|want|need|needs|ask|asks|make|is|are)\b"
    r"(?!.*\b(?:for|to)$)",
    re.I,
)


def names_value(raw: str) -> bool:
    """The item names a measure or "<value noun> of <whose>" (and is no sentence)."""
    text = raw.strip().strip(".!?\"'“”‘’ ")
    if not text or len(text.split()) > 12:
        return False
    # "the area (family, employment, property) so a partner can call": answers, a purpose
    if re.search(r"\([^)]*,", text) or re.search(r"\bso\b", text, re.I):
        return False
    measured = bool(_MEASURE_ITEM.match(text)) or (
        MEASURED.search(text) is not None and len(text.split()) <= 6
    )
    valued = _VALUE_OF.match(text) is not None
    if not (measured or valued):
        return False
    # "we need the size": a sentence; "the person the plan is for": whose, no sentence
    head = re.split(r"\s+(?:of|for)\s+", text, maxsplit=1)[0]
    return not _SENTENCE.search(head)


def valued_item(raw: str, read) -> dict | None:
    """The item ``read`` dropped, when it names a value: read again as a list's item, or
    the item's own words as the field (a measure is a number)."""
    if not names_value(raw):
        return None
    again = read(raw, True)
    if again:
        return again
    text = re.sub(r"\s+", " ", raw.strip().strip(".!?\"'“”‘’ "))
    return {
        "phrase": text.lower(),
        "label": (text[:1].upper() + text[1:])[:200],
        "options": [],
        "required": False,
        "optional": False,
        "hint": "",
    }


# "in metres", "in kg", "en m²", "in Quadratmetern": the unit the measure is given in
_UNIT_SAID = re.compile(
    r"\b(?:in|en|em)\s+(?P<unit>metres|meters|feet|ft|yards|miles|km|kg|kilos?|kilograms?|"
    r"grams|lbs?|pounds|tonnes?|tons|litres?|liters?|cm|mm|inches|acres?|hectares?|ha|m2|m²|"
    r"sq\.?\s?m|sqm|sq\.?\s?ft|square\s+(?:metres|meters|feet|yards)|quadratmetern?|hektar|"
    r"metros?(?:\s+(?:cuadrados|quadrados))?|m[eè]tres?(?:\s+carr[eé]s)?|qm|m)(?![\w²])",
    re.I,
)


def measured_numbers(fields: list, original: str) -> None:
    """A measure the list gives with its unit ("length of the fence in metres", "Fläche in
    Quadratmetern") is a number, and its label keeps the unit (in place)."""
    items = [i.strip().lower() for i in re.split(r"[,;:\n]|\s[-–—]\s", original)]
    for f in fields:
        label = (f.get("label") or "").strip()
        if f["type"] != "text" or not label or not _MEASURE_ITEM.match(label):
            continue
        said = next((i for i in items if i.startswith(label.lower())), "")
        unit = _UNIT_SAID.search(said)
        if not unit:
            continue
        f["type"] = "number"
        if not _UNIT_SAID.search(label):
            f["label"] = f"{label} ({unit['unit']})"


# "Presupuesto de reforma: …", "Orçamento: …": the heading names a quote (the form), not a
# budget the visitor is asked for
_QUOTE_WORD = re.compile(r"\b(?:presupuestos?|or[çc]amentos?)\b", re.I)


def without_heading_budget(fields: list, original: str, lang: str | None) -> list:
    """The fields without the stock budget a quote's heading word added ("Presupuesto",
    "Orçamento" glossed as "budget") when the list names no budget."""
    if lang not in ("es", "pt"):
        return fields
    said = [m.start() for m in _QUOTE_WORD.finditer(original)]
    heading = re.split(r":|\s[-–—]\s", original, maxsplit=1)[0]
    if len(said) != 1 or said[0] >= len(heading):
        return fields
    return [f for f in fields if f["name"] != "budget" or "_listed" in f]
