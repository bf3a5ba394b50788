"""The draft asks its questions in the order the marketer listed them (round 19a).

A marketer who writes "name, email, phone, service type (…), budget, property address,
tell us about the job" expects that order on the form. ``mark_listed`` (end of
``tailor_fields``) notes which list item each field came from; ``in_listed_order`` (in
``build_form``, once every default is in, before steps and conditions) puts them in order:

- the fields the list names keep the list's order, whatever kind they are (a contact, an
  address, a date, an upload, a free-text question in the middle or last);
- a contact detail the engine adds (a stock email, name, phone) goes beside the contact
  fields the list named, or first when it named none;
- an extra free-text question the engine adds ("Anything else?") goes after the named
  fields, a consent or terms box it adds goes last;
- any other field the engine adds stays right after the field it followed.

A description that names fewer than two fields keeps the engine's order (contact first,
message last); a choice's answers are not touched. ``conditions_follow`` (in
``apply_extras``, before the steps are cut) puts a question shown on an answer right after
the question it depends on.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import concept_for
from app.services.llm.local_fields import _field_name

KEY = "_listed"
# the visitor's own contact details, in the order a person gives them (a company is no
# contact detail: a stock one stays after the field it followed, "work email, company")
CONTACT_RANK = {"name": 0, "first_name": 0, "last_name": 1, "email": 2, "work_email": 2, "phone": 3}
BOXES = re.compile(r"consent|agree|terms|privacy|gdpr|opt_?in|subscribe|marketing", re.I)
STOP = {
    *"the your their our a an of for to and or any in on at with is are do does did you we they".split(),
    *"how what which when where who would could can will it us me my".split(),
}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 1}


def _field_words(field: dict) -> set[str]:
    return _words(f"{field['name'].replace('_', ' ')} {field.get('label') or ''}")


def _own(field: dict, item: dict) -> bool:
    """The field is the item in its own words ("player name" → player_name)."""
    own = _field_name(re.sub(r"\b(?:their|your|the)\b", "", item["phrase"]))
    label = (item.get("label") or "").lower()
    return own == field["name"] or label == field["label"].lower()


def _concept(field: dict, item: dict) -> bool:
    """The item is a catalogue concept the field is ("e-mail address" → email)."""
    key = concept_for(item["phrase"])
    return bool(key and key in catalog.FIELDS and catalog.field(key)["name"] == field["name"])


def _shared(field: dict, item: dict) -> int:
    """Words both say, when they are half of either ("how would you score the venue" and
    "Venue score"); 0 otherwise."""
    said, own = _words(item["phrase"]), _field_words(field)
    shared = len(said & own)
    return shared if said and own and shared * 2 >= min(len(said), len(own)) else 0


def mark_listed(fields: list[dict], items: list[dict]) -> None:
    """Each field the list named carries the index of its item (``_listed``)."""
    free = list(range(len(items)))
    for same in (_own, _concept, _shared):
        for field in fields:
            if KEY in field:
                continue
            best, score = None, 0
            for i in free:
                found = same(field, items[i])
                if found > score:
                    best, score = i, found
                    if found is True:
                        break
            if best is not None:
                field[KEY] = best
                free.remove(best)


def in_listed_order(fields: list[dict]) -> None:
    """Put the named fields in the list's order, the engine's own around them."""
    # a consent or terms box closes the form, even one the list named ("newsletter opt-in")
    tail_boxes = [f for f in fields if f["type"] == "checkbox" and BOXES.search(_said(f))]
    listed = [f for f in fields if f.get(KEY) is not None and f not in tail_boxes]
    if len(listed) < 2:
        for f in fields:
            f.pop(KEY, None)
        return
    named = sorted(listed, key=lambda f: f[KEY])
    contacts = [f for f in named if f["name"] in CONTACT_RANK]
    order = list(named)
    tail_texts = []
    previous = None
    for field in [f for f in fields if f not in tail_boxes]:
        if field.get(KEY) is not None:
            previous = field
            continue
        if field["type"] == "textarea":
            tail_texts.append(field)
        elif field["name"] in CONTACT_RANK:
            _beside_contacts(order, contacts, field)
            previous = field
        else:
            at = order.index(previous) + 1 if previous is not None else 0
            order.insert(at, field)
            previous = field
    fields[:] = order + tail_texts + tail_boxes
    for f in fields:
        f.pop(KEY, None)


def _said(field: dict) -> str:
    return f"{field['name']} {field.get('label') or ''}"


def conditions_follow(fields: list[dict]) -> None:
    """A question shown only on an answer comes right after the question it depends on
    (after the others shown on it): "ask for the serial number if the product is hardware"."""
    for field in [f for f in fields if isinstance(f.get("show_if"), dict)]:
        rule = field["show_if"]
        conds = rule.get("all") or rule.get("any") or []
        names = [f["name"] for f in fields]
        on = conds[0].get("field") if conds and isinstance(conds[0], dict) else None
        if on not in names or names.index(on) > names.index(field["name"]):
            continue
        between = fields[names.index(on) + 1 : names.index(field["name"])]
        if all(_depends(f, on) for f in between):
            continue  # already in the block of questions shown on that answer
        fields.remove(field)
        at = names.index(on) + 1
        while at < len(fields) and _depends(fields[at], on):
            at += 1
        fields.insert(at, field)


def _depends(field: dict, on: str) -> bool:
    rule = field.get("show_if") if isinstance(field.get("show_if"), dict) else {}
    return any(
        isinstance(c, dict) and c.get("field") == on
        for c in rule.get("all") or rule.get("any") or []
    )


def _beside_contacts(order: list[dict], contacts: list[dict], field: dict) -> None:
    """A stock contact field goes among the named ones, by the order a person gives them;
    first when the list named none (the engine's own keep their order: a callback's phone)."""
    if not contacts:
        at = 0
        while at < len(order) and order[at].get(KEY) is None and order[at]["name"] in CONTACT_RANK:
            at += 1
        order.insert(at, field)
        return
    rank = CONTACT_RANK[field["name"]]
    later = [c for c in contacts if CONTACT_RANK[c["name"]] > rank]
    if later:
        order.insert(min(order.index(c) for c in later), field)
    else:
        order.insert(max(order.index(c) for c in contacts) + 1, field)
