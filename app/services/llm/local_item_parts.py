"""What stays one item of a list (round 34c, issue 20).

A marketer's list names each question once; the engine must neither split one item in two
nor treat a word inside it as the start of a new list:

- "previous experience with animals", "experience with Python", "any problems with other
  dogs": a "with" after a listed item's own words (a comma, then one to five words) joins
  what the item is about; it opens no list ("Contact form with name, email" does, and so
  does ", with name, email" straight after a comma) (``with_inside_item``). A "with" in a
  listed question ("currently with a provider?", "coming with a partner?") is the question's.
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for

# ", previous experience " / ": any problems ": one to five words of a listed item
_ITEM_HEAD = re.compile(r"[,;:]\s*((?:[\w'-]+\s+){0,4}[\w'-]+)\s*$")
# words that are the form or the person writing, not an item
_NOT_ITEM = re.compile(
    r"\b(?:form|forms|page|survey|questionnaire|something|anything|one|it|we|i|you|they|"
    r"just|simple|quick|short|please|thanks|hi|hello|apply|applies|request|register|enquire|"
    r"book|sign up)\b",
    re.I,
)
# "with name, email", "with their business name": the person's details, a list it opens
_OPENS_LIST = re.compile(r"\s*(?:your|their|his|her|our|a|an|the)\b", re.I)
# what follows "with": a short noun phrase up to the next comma or the end of the list
_ITEM_TAIL = re.compile(r"\s*(?:[\w'-]+\s+){0,3}[\w'-]+\s*(?:[,;.?!]|$)")

# a yes/no question opening the listed item, and a few words up to its question mark
_ASKING = re.compile(
    r"(?:^|[,;:])\s*(?:and\s+)?(?:would|will|do|did|can|could|are|is|have|shall|should|may)\s+"
    r"(?:you|we|they)\b[^,;:?()]*$",
    re.I,
)
_ALONG = re.compile(r"\b(?:coming|travell?ing|arriving)\s*$", re.I)
# a listed question asked with a question word, up to the "with": "…, how would you like to work"
_WH_ASKED = re.compile(
    r"[,;:]\s*(?:and\s+)?(?:why|how|what|which|where|when|who)\s+[^,;:?()]*$", re.I
)
_ASKED_END = re.compile(r"\s*(?:[\w'-]+\s+){0,3}[\w'-]+\s*\?")


def with_inside_item(sentence: str, start: int, end: int) -> bool:
    """The cue at ``start:end`` is a "with" inside a listed item ("…, experience with
    animals, …"), not one that opens the list."""
    if sentence[start:end].strip().lower() != "with":
        return False
    if _ASKING.search(sentence[:start]) and _ASKED_END.match(sentence, end):
        return True  # "would you join a call with us?": the question's own words
    if _ALONG.search(sentence[:start]) and _ASKED_END.match(sentence, end):
        return True  # "… name and email and coming with kids?": whether they come along
    if _WH_ASKED.search(sentence[:start]) and _ITEM_TAIL.match(sentence, end):
        return True  # "…, why do you want to work with us": the question's own words
    head = _ITEM_HEAD.search(sentence[:start])
    tail = _ITEM_TAIL.match(sentence, end)
    if (
        head
        and tail
        and tail.group(0).strip().endswith("?")
        and not _NOT_ITEM.search(head.group(1))
    ):
        return True  # "…, currently with a provider?, …", "coming with a partner?": one question
    return (
        head is not None
        and not _NOT_ITEM.search(head.group(1))
        and tail is not None
        and not _OPENS_LIST.match(sentence, end)
        and concept_for(tail.group(0).strip(" ,;.?!").lower()) is None
    )


# - "parent email if under 18", "company name if business travel", "teléfono del tutor si es
#   menor de 12", "Firma, falls vorhanden": an item asked only when its condition holds is
#   optional; the condition says when, it is no second item (``asked_if_only``). Not "if
#   yes, …" / "if not, …": a follow-up, the question before it stands.
_COND_WORD = r"(?:only if|if|unless|falls|wenn|sofern|si|se|caso)"
_ASKED_IF = re.compile(
    rf"(?:^|[,;:(–—]|\s-\s)\s*(?:and\s+|y\s+|et\s+|und\s+|e\s+)?([^,;:()\n]{{2,60}}?)\s+{_COND_WORD}\s+"
    r"(?!(?:yes|so|not|no|ja|nein|s[íi]|oui|non|sim|n[ãa]o)\b)[^,;:()\n]{2,80}",
    re.I,
)
_LEAD = re.compile(r"^(?:your|their|the|a|an|any|tu|su|sus|votre|vos|ihre?|seu|sua)\s+", re.I)


def asked_if_only(fields: list, original: str) -> None:
    """The fields listed with an "if …" after them are optional (see above)."""
    heads = {_LEAD.sub("", m.group(1).strip().lower()) for m in _ASKED_IF.finditer(original)}
    for f in fields:
        label = _LEAD.sub("", (f.get("label") or "").strip().rstrip("?").strip().lower())
        if label and label in heads:  # "the account email if different": not the email
            f["required"] = False
