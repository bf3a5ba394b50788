"""An item written as a polite request is the thing requested.

"bitte E-Mail eingeben", "merci d'indiquer votre email", "por favor introduzca su email",
"potential clients describe their legal issue" (who answers, then what they do),
"informe o seu telefone", "please give your order number": the field is the email, the order
number; the request words are no part of its label. "optional den Grund nennen",
"éventuellement pourquoi", "optionally say why": an optional reason. The rewritten item goes on
to the usual reading (local_extract._item) with "(optional)" when the marketer said so.
"""

from __future__ import annotations

import re

_PLEASE = r"(?:please|pls|kindly|por favor|porfa|merci de|merci d'|veuillez|bitte|favor de)"
_VERB = (
    r"(?:enter|give|provide|type|fill in|write|state|add|include|"
    r"indiquer|indiquez|préciser|précisez|donner|donnez|saisir|saisissez|renseigner|renseignez|"
    r"introduzca|introduce|indique|indica|escriba|escribe|ingrese|ingresa|facilite|"
    r"informe|insira|digite|escreva|preencha)"
)
_OWN = (
    r"(?:your|their|the|votre|vos|le|la|les|l'|su|sus|tu|tus|el|seu|sua|seus|suas|o seu|a sua|o|a|"
    r"Ihre|Ihren|Ihr|den|die|das|deine|deinen)"
)
# "optional" alone starts nouns in English ("optional extras"): only before a German verb
_OPTIONAL = r"(?:optionally|éventuellement|facultativement|opcionalmente|optional(?=\s.+\s\w+en$|\s+(?:sagen\s+)?warum\b))"
_GERMAN_VERB = r"(?:eingeben|angeben|nennen|eintragen|mitteilen|sagen|hinterlassen)"
_WHY = re.compile(
    r"^(?:(?:say|tell us|state|explain|dire|dites|diga|digan|dinos|diga-nos|sagen)\s+)?"
    r"(?:why|pourquoi|por\s*qu[ée]|porqu[eê]|por que|warum)(?:\s+(?:not|pas|no|nicht|não))?\s*$"
    r"|^(?:warum|why)\s+sagen$",
    re.I,
)
_ASKS_MORE = re.compile(
    r"(?:describe|specify|explain|elaborate|give details|details|say more)\b", re.I
)
_REASON = {"en": "reason", "fr": "raison", "es": "motivo", "pt": "motivo", "de": "Grund"}
_LANG_OF_WHY = {"why": "en", "pourquoi": "fr", "warum": "de", "porquê": "pt", "porque": "pt"}


# who fills the form in, said before what they do ("new patients describe their symptoms")
_WHO_DOES = re.compile(
    r"^(?:(?:potential|prospective|new|existing|our|the|all)\s+)?(?:clients|customers|patients|"
    r"visitors|people|users|members|parents|students|guests|applicants|callers|buyers|tenants)\s+"
    r"(?=(?:describe|explain|list|upload|attach|choose|pick|select)\b)",
    re.I,
)


def polite_item(raw: str) -> str:
    """``raw`` without the request wrapped round it, "(optional)" when said; else ``raw``."""
    text = _WHO_DOES.sub("", raw.strip())
    raw = text if text != raw.strip() else raw
    optional = re.match(rf"{_OPTIONAL}\s+", text, re.I)
    if optional:
        text = text[optional.end() :]
    polite = re.match(rf"{_PLEASE}\s*", text, re.I)
    rest = text[polite.end() :] if polite else text
    verb = re.match(rf"{_VERB}\s+(?:{_OWN}\s+)?", rest, re.I)
    german = re.match(rf"(?:{_OWN}\s+)?(.+?)\s+{_GERMAN_VERB}$", rest, re.I)
    if verb and (polite or _foreign(verb)):
        rest = rest[verb.end() :]
    elif german and (polite or optional):
        rest = german.group(1)
    elif not polite and not optional or _ASKS_MORE.match(rest):
        return raw  # "if yes, please describe": the follow-up's own words (local_show_if)
    why = _WHY.match(rest.strip())
    if why:
        rest = _REASON[_why_language(rest)]
    if not rest.strip() or rest == text and not optional:
        return raw
    return f"{rest.strip()} (optional)" if optional else rest.strip()


def _foreign(verb: re.Match) -> bool:
    """A request verb of es/fr/pt needs no "please" before it ("informe o seu telefone")."""
    english = r"(?:enter|give|provide|type|fill in|write|state|add|include)\b"
    return not re.match(english, verb.group(0), re.I)


def _why_language(text: str) -> str:
    lowered = text.lower()
    if re.search(r"por\s*qu[ée]", lowered):
        return "es"
    if "por que" in lowered:
        return "pt"
    return next((lang for word, lang in _LANG_OF_WHY.items() if word in lowered), "en")
