"""The type an item's field takes from what the item asks, not from a word inside it
(round 37b):

- a question ("what will you use the photos for", "which photos would you like printed",
  "what documents do you already have") is answered in words: the upload noun it holds is
  its topic, not a file to send (``local_field_shapes.file_shape`` says no upload to a
  question; here the question stays the phrase, so the noun alone cannot make one);
- a measure said with "required" / "needed" ("flow rate required", "power output needed")
  is the amount the visitor needs, typed in and labelled as said, not a mandatory flag;
- two things one could write, joined by "or" ("nearest house number or landmark", "road
  name or nearest junction", "número o punto de referencia"), are one text field: a value
  or a place to type, not answers to pick ("manual or automatic", "rent or own" stay
  choices).
"""

from __future__ import annotations

import re

from app.services.llm.local_extract_item import PLACE_NOUN, TYPED_VALUE, field_type
from app.services.llm.local_field_shapes import ASKED_QUESTION, FILE_RE, file_shape
from app.services.llm.local_yes_no import MEASURE

_NEEDED = re.compile(r"^(?P<what>(?:[\w'-]+\s+){0,3}[\w'-]+)\s+(?:required|needed)$", re.I)
# a place one describes by what stands near it, and the typed values of es/fr/de/pt
_NEAR = re.compile(
    r"landmarks?|junctions?|crossroads|corners?|buildings?|blocks?|estates?|streets?|roads?|"
    r"referencias?|r[ée]f[ée]rences?|refer[êe]ncias?|rep[èe]res?|wahrzeichen|"
    r"n[úu]meros?|num[ée]ros?|nummer|c[óo]digo|nombre|nome|nom|calle|rue|rua|stra(?:ss|ß)e",
    re.I,
)
_OR = re.compile(r"\s+(?:or|o|ou|oder)\s+", re.I)
# how to reach someone is a choice ("phone or email"), never one value
_CONTACT = re.compile(r"\b(?:phone|e-?mail|mobile|call|text|whatsapp|sms|post)\b", re.I)


def asked_kind(raw: str, item: dict | None) -> dict | None:
    """``item`` with the type its wording asks for (see the module)."""
    if not item or "fields" in item:
        return item
    said = re.sub(r"\s+", " ", raw.strip(" .;:,!?¿\"'“”")).strip()
    asked = ASKED_QUESTION.match(said) and not item.get("options")
    if asked and FILE_RE.search(said) and not file_shape(said):
        if not file_shape(item["phrase"]):  # "para qué usará las fotos": no link to the photos
            linked = field_type(item["phrase"], [], item["hint"]) == "url"
            return {**item, "hint": "text"} if linked else item
        question = item.get("label") or said[:1].upper() + said[1:] + "?"
        return {**item, "phrase": said.lower(), "label": question, "hint": "text"}
    needed = _NEEDED.match(said)
    if needed and MEASURE.search(needed["what"]) and item["phrase"] == needed["what"].lower():
        label = said[:1].upper() + said[1:]
        return {**item, "phrase": said.lower(), "label": label, "required": False}
    if len(item.get("options") or []) >= 2 and _written(item["phrase"]):
        return {**item, "options": [], "hint": item["hint"] if item["hint"] != "select" else ""}
    return item


def _written(phrase: str) -> bool:
    """ "house number or landmark": each alternative a value or a place one types."""
    pieces = _OR.split(phrase)
    if len(pieces) < 2 or _CONTACT.search(phrase):
        return False
    heads = [p.split()[-1] for p in pieces if p.split()]
    return len(heads) == len(pieces) and all(
        TYPED_VALUE.fullmatch(h) or PLACE_NOUN.fullmatch(h) or _NEAR.fullmatch(h) for h in heads
    )
