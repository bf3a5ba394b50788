"""A permission asked in passing (issue 20, round 35d).

Marketers ask a permission in a few words inside their list: "ok to be contacted for a
20 minute interview", "happy for us to use your photo on social media", "can we email you
the results", "d'accord pour être recontacté", "einverstanden mit Fotos", "ok em ser
contactado por WhatsApp". The form asks it as ONE checkbox the visitor ticks, labelled as
their own statement ("I'm happy to be contacted for a 20-minute interview", "I'm happy for
you to use my photo on social media", "Ich bin mit Fotos einverstanden"), never required
(saying no is allowed). One asking to send news ("can we add you to our newsletter") is the
marketing opt-in (``local_consent``); terms and privacy stay the statements they are.
"""

from __future__ import annotations

import re

from app.services.llm.local_condition_items import asked_on_condition
from app.services.llm.local_item_asked import without_answer_hint

# "ok to …", "happy for us to …", "can we …", "d'accord pour …", "einverstanden mit …"
_ASKED = re.compile(
    # "ok to be contacted", "happy for us to …", "happy to receive …" (not "willing to travel":
    # a question about the visitor, not a permission)
    r"^(?:(?:is it |are they |they're |they are |you're |you are )?(?:ok(?:ay)?|happy|willing|fine)"
    r" (?:(?:for us|if we|with us)\b|to (?:be|being|receive|hear from|get)\b)"
    r"|(?:can|may|could) we \w+(?: \w+)? (?:you|your)\b"  # "can we add you to …"
    r"|(?:agree|consent) to be\b"
    r"|(?:d'accord|ok) pour\b"
    r"|¿?(?:de acuerdo|ok|conforme) (?:con|en|para)\b|¿?podemos \w+(?: \w+)? (?:tus?|te|sus?|le)\b"
    r"|(?:de acordo|ok|concorda) (?:com|em|para)\b"
    r"|einverstanden(?: mit|,? dass)\b)",
    re.I,
)
# what the visitor would be sent: then it is the marketing opt-in
_NEWS = re.compile(
    r"\b(?:newsletters?|mailing list|marketing (?:emails?|messages|communications)|offers|"
    r"promotions?|news|updates|novedades|ofertas|bolet[íi]n|nouveautés|offres|actualités|"
    r"neuigkeiten|angebote|novidades)\b",
    re.I,
)


def passing_kind(piece: str) -> str | None:
    """``marketing`` for news asked in passing, ``passing`` for any other permission."""
    text = piece.strip(" .?¿!")
    if not _ASKED.match(text) or len(text.split()) < 3 or without_answer_hint(text) != text:
        return None  # "may we share your story (yes/no)": the Yes/No question they asked for
    if asked_on_condition(piece):  # "can we enter if you're not home?": Yes or No
        return None
    # "can we feature you in our newsletter?": their story shown there, no emails sent to them
    shown = re.search(
        r"\b(?:feature|quote|showcase|spotlight|mention|interview) (?:you|them)\b", text, re.I
    )
    return "marketing" if _NEWS.search(text) and not shown else "passing"


_EN_TURN = {  # the visitor speaks: we ↔ you
    "you're": "I'm",
    "you are": "I am",
    "you": "me",
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "us": "you",
    "our": "your",
    "we": "you",
    "them": "me",
    "their": "my",
    "they": "I",
}


def _turn(text: str) -> str:
    pattern = r"\b(?:" + "|".join(map(re.escape, _EN_TURN)) + r")\b"
    text = re.sub(pattern, lambda m: _EN_TURN[m.group(0).lower()], text, flags=re.I)
    # "a 20 minute interview": a number and its unit before a noun are one word
    return re.sub(
        r"\b(\d+) (minute|hour|day|week|month|year|page)\b(?= [a-z])",
        r"\1-\2",
        text,
        flags=re.I,
    )


def said_permission(piece: str, lang: str) -> str:
    """The checkbox's label: the permission as the visitor states it."""
    text = re.sub(r"\s+", " ", piece.strip(" .?¿!"))
    if lang == "en":
        text = re.sub(
            r"^(?:is it |are they |they're |they are |you're |you are )?(?:ok(?:ay)?|happy|willing|fine)\s+",
            "",
            text,
            flags=re.I,
        )
        us = re.match(r"(?:for us|if we|with us) (?:to )?|(?:can|may|could) we |to us ", text, re.I)
        if us:  # "for us to use your photo", "can we email you": the visitor lets us
            return f"I'm happy for you to {_turn(text[us.end() :])}"
        text = re.sub(r"^(?:(?:agree|consent) )?to\s+", "", text, flags=re.I)
        return f"I'm happy to {_turn(text)}"
    rest = lambda pattern: re.sub(pattern, "", text, count=1, flags=re.I).strip()  # noqa: E731
    if lang == "fr":
        text = rest(r"^(?:d'accord|ok) pour\s+")
        return "J'accepte " + ("d'" if re.match(r"[aeiouéèêh]", text, re.I) else "de ") + text
    if lang == "de":
        if re.match(r"einverstanden,? dass\b", text, re.I):
            return "Ich bin einverstanden, dass " + rest(r"^einverstanden,? dass\s+")
        return "Ich bin mit " + rest(r"^einverstanden mit\s+") + " einverstanden"
    if lang == "es":
        if re.match(r"podemos\b", text, re.I):  # "¿podemos usar tu foto?": you may
            text = re.sub(r"\btus?\b", lambda m: "mi" + m.group(0)[2:], rest(r"^podemos\s+"))
            text = re.sub(r"\bnuestr[oa](s?)\b", r"su\1", re.sub(r"\bte\b", "me", text))
            return "Pueden " + text
        return "Acepto " + rest(r"^(?:de acuerdo|ok|conforme) (?:con|en|para)\s+")
    if lang == "pt":
        return "Aceito " + rest(r"^(?:de acordo|ok|concorda) (?:com|em|para)\s+")
    return text[:1].upper() + text[1:]
