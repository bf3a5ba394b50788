"""Listed items read as the marketer meant them (round 19c, issue 20).

The item reader takes each piece of a list for a field, in its words. Some pieces are not
what they look like:

- "contact details", "datos de contacto", "vos coordonnées", "Kontaktdaten", "dados de
  contacto" ask the contact fields (name, email and phone), not one text box called so; the
  box goes and the email and phone are there;
- a messaging number ("WhatsApp number", "WhatsApp", "Telegram number", "text number") or a
  "cell" is a phone to write to, in the marketer's word: its type is a phone;
- what visitors ask about ("occasionally people ask about weddings", "customers sometimes
  ask about gift cards") says why the form exists, not a question to ask them: no field is
  made of the topic (the field the marketer adds for it is kept; what they "ask for" may be
  one);
- "so a field for wedding date" is the wedding date: the words about the form go from it;
- "our roofing company", "my cleaning business": the marketer's own, no "Company" asked on
  a form that names exactly its fields ("… company: just name and phone number");
- "just name and phone number", "juste le nom": the name (the "just" says nothing more is
  asked, it is no part of the field).
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import concept_for

# the contact fields named as one item, in the five languages
_DETAILS_ITEM = re.compile(
    r"(?:(?:your|their|the|vos|tus|sus|ihre|seus|os seus|as suas|los|les|die)\s+)?"
    r"(?:contact (?:details|info(?:rmation)?)|(?:datos|dados|dates) de conta[ck]t(?:o|os)?|"
    r"coordonn[ée]es|kontakt(?:daten|angaben|informationen)|informations de contact)",
    re.I,
)
# a number to message the person on
_MESSAGING = re.compile(
    r"^(?:(?:your|their|a|the|[\w-]+'s)\s+)?(?:(?:whats ?app|telegram|signal|viber|sms|"
    r"text(?:ing)?)(?:[\s-]+(?:number|no\.?|n[úu]mero|num[ée]ro|nummer|contact))?|cell(?:phone)?|"
    # "Handy der Eltern", "portable du parent": whose phone it is, after it
    r"(?:handy|handynummer|portable|m[óo]vil|celular|telem[óo]vel)\s+(?:der|des|du|de|do|da|del)"
    r"\s+(?:[\w-]+\s+)?[\w-]+)$",
    re.I,
)
# "occasionally people ask about weddings": the topic of visitors' questions
_ASKED_ABOUT = re.compile(
    r"\b(?:people|customers|clients|visitors|guests|patients|parents|folks|users|buyers|"
    r"someone|some|many|la gente|clientes|les gens|(?:les |des )?clients|kunden|leute|"
    r"as pessoas)\b[^.;:!?]{0,30}?\b(?:ask(?:s|ed)?|enquire[sd]?|inquire[sd]?|"
    r"pregunta\w*|demandent|fragen|perguntam)\s+(?:us\s+|nos\s+|uns\s+)?"
    r"(?:about|after|por|sobre|à propos d[eu']s?|nach)\s+([^.,;:!?]+)",
    re.I,
)
# "so a field for wedding date", "and add an optional box for the cake date"
_FIELD_FOR = re.compile(
    r"^(?:(?:so|and|then|also|plus|maybe|please)\s+)*(?:(?:add|include|put|with|have)\s+)?"
    r"(?:(?:an?|one)\s+)?(?:(?:optional|extra|separate|small|short)\s+)?"
    r"(?:field|box|question|space|spot|line)\s+(?:for|about|asking(?: for| about)?|"
    r"to ask(?: for| about)?)\s+(?:(?:the|their|your|a|an)\s+)?(.+)$",
    re.I,
)
# "just name", "juste le nom": the item is the name, "just" says nothing else is asked
_ONLY = re.compile(
    r"^(?:just|only|simply|juste|seulement|solo|s[óo]lo|nur|apenas|s[óo])\s+"
    r"(?:(?:the|their|your|le|la|les|el|los|das|den|die|o|a|os|as)\s+)?(.+)$",
    re.I,
)
_ARTICLE = re.compile(r"^(?:the|a|an|any|some|their|your)\s+", re.I)


# the marketer's own business ("our roofing company"): no item
_OWN_BUSINESS = re.compile(
    r"\b(?:our|my|we are an?|we're an?|i run an?)\s+(?:[\w'-]+\s+){0,3}?(?:company|business)\b",
    re.I,
)


def without_own_business(text: str) -> str:
    """The description without the marketer's own business named ("our roofing company")."""
    return _OWN_BUSINESS.sub(" ", text)


def read_as_meant(fields: list, text: str) -> None:
    """The items above, read as meant (see the module); the marketer's own fields only."""
    own = [f for f in fields if not f.get("_domain")]
    topics = {_ARTICLE.sub("", m.group(1).strip()).lower() for m in _ASKED_ABOUT.finditer(text)}
    for f in own:
        label = f["label"].strip()
        if f["type"] in ("text", "textarea") and _DETAILS_ITEM.fullmatch(label):
            fields.remove(f)
            _contact_fields(fields)
        elif f["type"] == "text" and _MESSAGING.match(label):
            f["type"] = "phone"
        elif f["type"] in ("text", "textarea") and label.lower() in topics:
            fields.remove(f)
        elif f["type"] in ("text", "textarea") and _ONLY.match(label):
            _only_said(fields, f, _ONLY.match(label).group(1))
        else:
            said = _FIELD_FOR.match(label)
            if said:
                rest = said.group(1).strip()
                f["label"] = rest[:1].upper() + rest[1:]
                f["name"] = re.sub(r"\W+", "_", rest.lower()).strip("_") or f["name"]


def _contact_fields(fields: list) -> None:
    """Contact details are a name, an email and a phone: the ones missing are added (the
    phone optional), after the name."""
    names = {f["name"] for f in fields}
    at = next((i + 1 for i, f in enumerate(fields) if f["name"] == "name"), 0)
    for key in ("email", "phone"):
        if key not in names and not any(f["type"] == key for f in fields):
            field = {**catalog.field(key), "_domain": True}
            field["required"] = key == "email"
            fields.insert(at, field)
            at += 1
        else:
            at = max(at, next((i + 1 for i, f in enumerate(fields) if f["type"] == key), at))


def _only_said(fields: list, field: dict, rest: str) -> None:
    """ "Just name": the contact field it names (once), or the item without the "just"."""
    key = concept_for(rest)
    if key in ("name", "email", "phone"):
        at = fields.index(field)
        fields.remove(field)
        if not any(f["name"] == key for f in fields):
            fields.insert(at, catalog.field(key))
        else:
            next(f for f in fields if f["name"] == key).pop("_domain", None)
        return
    field["label"] = rest[:1].upper() + rest[1:]
    field["name"] = re.sub(r"\W+", "_", rest.lower()).strip("_") or field["name"]
