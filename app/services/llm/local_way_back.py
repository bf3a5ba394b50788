"""The business can always answer (round 21d, issue 20).

A marketer who lists one way to reach the person ("Book a home visit: name, phone, preferred
date", "Terminanfrage: Name, Telefonnummer, Beschwerden") means the visitor to give it: a
booking or a callback whose only number can be left empty cannot be answered. The catalogue's
phone is optional (beside an email it is the second way), so once the listed form's contact
fields are settled (``local_unasked_contact.settle_contacts``):

- when no way back the list names is required and exactly one of them is not the visitor's
  choice, that one is required — a phone, a mobile, a contact number, an email;
- a way back the list marks as the visitor's choice ("phone number (optional)", "phone if you
  want us to call you", "email if you'd like a reply") stays optional, and so does every other
  way back then: the marketer has said the form may go unanswered;
- when the form sends something by post (a brochure, a catalogue, samples, a prospectus), the
  listed postal address is required, whatever else the list names (stop 17); when it is the
  only way back, the optional stock email the engine left for a forgotten contact goes.

A list that names a phone and an email keeps today's requirement (the email required, the
phone optional); an anonymous survey names none and gets none, and a survey's listed email
stays as it was (a feedback form answers nobody).
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for
from app.services.llm.local_fields import _field_name

# something the business sends by post: the postal address is how it answers
_BY_POST = re.compile(
    r"\b(?:brochures?|catalogues?|catalogs?|prospectus(?:es)?|samples?|swatch(?:es)?|leaflets?|"
    r"info(?:rmation)? packs?|welcome packs?|by post|in the post|folletos?|cat[áa]logos?|"
    r"muestras?|[ée]chantillons?|prospekte?|brosch[üu]ren?|katalog\w*|muster|folhetos?|amostras?)\b",
    re.I,
)
_ADDRESS = re.compile(r"\baddress\b|\bpost ?code\b|\bzip\b", re.I)


def answerable(fields: list, items: list, kind: dict, text: str, way_back, is_stock) -> None:
    """Make the only way back the list names required (see the module). ``way_back(field)``
    says whether a field is a way to reach the person writing; ``is_stock(field)`` whether the
    engine added it unasked."""
    if kind["flow"] == "notify_only":
        return  # a survey's listed email stays as it was: nobody is answered
    backs = [f for f in fields if way_back(f)]
    address = _postal_address(fields, items) if _BY_POST.search(text) else None
    if address is not None:  # what is sent by post needs the address, whatever else is asked
        address["required"] = True
        if not backs:
            fields[:] = [f for f in fields if not (f["type"] == "email" and is_stock(f))]
        return
    if not backs or any(f["required"] for f in backs):
        return
    if any(_said_optional(f, items) for f in backs):
        return  # "phone number (optional)": the marketer let the form go unanswered
    if len(backs) == 1:
        backs[0]["required"] = True


def _postal_address(fields: list, items: list) -> dict | None:
    """The listed address a brochure or a sample is posted to (None if none, or optional)."""
    address = next(
        (
            f
            for f in fields
            if not f.get("_domain")
            and f["type"] in ("text", "textarea")
            and _ADDRESS.search(f"{f['name'].replace('_', ' ')} {f['label']}")
        ),
        None,
    )
    return None if address is None or _said_optional(address, items) else address


def _said_optional(field: dict, items: list) -> bool:
    """The item the field was read from is marked as the visitor's choice."""
    label = field["label"].lower()
    for item in items:
        if not item.get("optional"):
            continue
        phrase = item["phrase"].lower()
        if field["name"] in (concept_for(item["phrase"]), _field_name(phrase)) or (
            label and re.search(rf"\b{re.escape(label)}\b", phrase)
        ):
            return True
    return False
