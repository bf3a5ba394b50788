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
message last); a choice's answers are not touched.
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
STOP = {"the", "your", "their", "our", "a", "an", "of", "for", "to", "and", "or", "any", "in"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 1}


def _field_words(field: dict) -> set[str]:
    return _words(f"{field['name'].replace('_', ' ')} {field.get('label') or ''}")


def _exact(field: dict, item: dict) -> bool:
    phrase = item["phrase"]
    key = concept_for(phrase)
    if key and key in catalog.FIELDS and catalog.field(key)["name"] == field["name"]:
        return True
    own = _field_name(re.sub(r"\b(?:their|your|the)\b", "", phrase))
    return own == field["name"] or (item.get("label") or "").lower() == field["label"].lower()


def mark_listed(fields: list[dict], items: list[dict]) -> None:
    """Each field the list named carries the index of its item (``_listed``)."""
    free = list(range(len(items)))
    for exact in (True, False):
        for field in fields:
            if KEY in field:
                continue
            best, score = None, 0
            for i in free:
                if exact:
                    if _exact(field, items[i]):
                        best = i
                        break
                    continue
                said = _words(items[i]["phrase"])
                shared = len(said & _field_words(field))
                if said and shared * 2 >= len(said) and shared > score:
                    best, score = i, shared
            if best is not None:
                field[KEY] = best
                free.remove(best)


def in_listed_order(fields: list[dict]) -> None:
    """Put the named fields in the list's order, the engine's own around them."""
    listed = [f for f in fields if f.get(KEY) is not None]
    if len(listed) < 2:
        for f in fields:
            f.pop(KEY, None)
        return
    named = sorted(listed, key=lambda f: f[KEY])
    contacts = [f for f in named if f["name"] in CONTACT_RANK]
    order = list(named)
    tail_texts, tail_boxes = [], []
    previous = None
    for field in list(fields):
        if field.get(KEY) is not None:
            previous = field
            continue
        if field["type"] == "checkbox" and BOXES.search(f"{field['name']} {field['label']}"):
            tail_boxes.append(field)
        elif field["type"] == "textarea":
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
