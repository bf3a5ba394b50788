"""Contractions typed without their apostrophe: "whether theyve done pottery before", "dont
need the budget", "if theyre a member" (issue 20, stop 30).

The readers know "they've", "don't", "they're"; typed fast the apostrophe goes, and
"theyve done pottery before" came out as "You've done pottery before?" instead of "Have you
done pottery before?". Only words that are nothing but a contraction are restored ("wont",
"lets", "ill", "im" are words of their own, in English or German, and stay), and only in
English: French "dont" is a word.
"""

from __future__ import annotations

import re

from app.services.llm.local_dutch_italian import dutch_or_italian
from app.services.llm.local_foreign import source_language

_RESTORED = {
    "theyve": "they've", "theyre": "they're", "theyll": "they'll", "theyd": "they'd",
    "youve": "you've", "youre": "you're", "youll": "you'll", "youd": "you'd",
    "weve": "we've", "ive": "I've",
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "isnt": "isn't",
    "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "havent": "haven't",
    "hasnt": "hasn't", "hadnt": "hadn't", "shouldnt": "shouldn't", "wouldnt": "wouldn't",
    "couldnt": "couldn't", "mustnt": "mustn't", "whats": "what's", "thats": "that's",
    "theres": "there's",
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(_RESTORED) + r")\b", re.I)


def restored(text: str) -> str:
    lang = source_language(text)
    if lang or dutch_or_italian(text, lang):
        return text

    def put_back(m: re.Match) -> str:
        said = _RESTORED[m.group(1).lower()]
        return said[:1].upper() + said[1:] if m.group(1)[:1].isupper() else said

    return _WORD.sub(put_back, text)
