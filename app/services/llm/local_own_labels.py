"""The list is the form: its words are the labels (round 29b, issue 20).

A marketer who lists "…, reason for cancelling, last day, feedback (optional)" reads the
draft for the words they wrote. The catalogue matched "feedback" to its free-text concept and
its stock label "Comments" replaced the marketer's word; "best time for access" became the
booking's stock "Preferred time" with four times of day the list never gave. Here:

- ``own_word``: a one-word item the catalogue knows under another word keeps the marketer's
  word as its label: "feedback" (the catalogue's "Comments"), "organisation", "employer"
  (its "Company"). Contact details keep the catalogue's cleaned label ("your name" → "Full
  name", "email" → "Email"): that is the same word, tidied.
- ``best_time``: "best time for access", "best time to visit" is asked in those words, as
  text (the visitor's own availability: "weekdays after 5, key with the neighbour"); a time
  to be called ("best time to call", "to ring you") keeps the callback's slots (the business
  calls in its own hours), in the marketer's words. "A good time for the technician to come"
  is chatter around the time and stays the cleaned "Preferred time".
"""

from __future__ import annotations

import re

# concept → the words that are the catalogue's own label (no other word replaces the
# marketer's): the concepts whose one-word synonyms are words of their own
_OWN_WORDS = {
    "comments": ("comment", "comments"),
    "company": ("company", "business"),
    "industry": ("industry",),  # "sector": the marketer's word for it
}

# "best time for access", "the best times to visit": a short purpose after the time
_BEST_TIME = re.compile(
    r"^(?:the\s+)?best\s+(times?|slots?)\s+((?:to|for)\s+[\w'-]+(?:\s+[\w'-]+){0,2})$", re.I
)
# a time to be called back: the business's own call slots are its answers
_CALLED = re.compile(
    r"\b(?:call|calls|ring|phone|reach|contact|speak|talk|chat|callback)\b|\bcall ?back\b", re.I
)


def own_word(words: list[str], key: str) -> bool:
    """A one-word item names the concept in a word of its own ("feedback" for comments,
    "organisation" for a company): the label is the marketer's word."""
    return key in _OWN_WORDS and words[0].lower() not in _OWN_WORDS[key]


def best_time(text: str) -> dict | None:
    """ "best time for access" → the clause "Best time for access", asked as they wrote it;
    ``None`` for anything else (see the module)."""
    said = _BEST_TIME.match(text.strip())
    if said is None:
        return None
    label = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    label = label[:1].upper() + label[1:]
    # a callback's time is the stock slot (the concept "best time"); any other time is text
    name = label.lower() if _CALLED.search(said.group(2)) else f"{said.group(2)} availability"
    return {"label": label, "options": [], "name": name}
