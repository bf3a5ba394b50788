"""A rating asked in words, with no scale said (round 40b).

"rate the venue", "rating for the teacher", "how would you rate the breakfast?", "notez
l'accueil", "valora al profesor", "wie bewerten Sie den Referenten?", "avalie o formador",
"valuta lo chef": the visitor gives a mark, not a sentence. The item is the engine's usual
rating (a number from 1 to 5, "From 1 to 5" under it), as "rate the venue (1-5)" is; an
English one is labelled as the engine labels that ("Venue rating"), a question keeps its
words ("How would you rate the breakfast?"). A rate that is a price ("hourly rate", "day
rate", "exchange rate", "rate per word", "rate of pay") names no rating: it never opens
with the verb.
"""

from __future__ import annotations

import re

# the verb that asks for a mark, at the head of the (English-read) label, then what is marked
_ASKED = re.compile(
    r"^(?:(?P<question>how (?:would|do|did|will) you rate|how rate)|rate|rating (?:for|of)|"
    r"valuta(?=\s+(?:il|lo|la|l'|i|gli|le)\b))\s+(?P<subject>\S.*?)\??$",
    re.I,
)
# "rate per hour", "rate of pay", "rate card": a price or a speed, not a mark
_PRICE = re.compile(r"^(?:per|of|an?|card|sheet|plan|for (?:the )?(?:job|day|hour))\b", re.I)
_ARTICLE = re.compile(r"^(?:the|your|our|this|that)\s+", re.I)


def rated_in_words(fields: list, lang: str | None) -> None:
    """Each text item that asks for a mark in words made a 1-5 rating (in place)."""
    for f in fields:
        if f["type"] != "text" or f.get("options"):
            continue
        m = _ASKED.match((f.get("label") or "").strip())
        if not m or _PRICE.match(m["subject"]):
            continue
        f.update(type="number", min=1, max=5, help="From 1 to 5", max_length=None)
        if lang or m["question"]:
            continue  # the marketer's words are put back, or stay the question they asked
        subject = _ARTICLE.sub("", m["subject"])
        if subject.lower() in ("us", "it", "them"):  # a pronoun names nothing to rate
            f["label"] = f"How would you rate {subject.lower()}?"
        else:
            f["label"] = f"{subject[:1].upper()}{subject[1:]} rating"
