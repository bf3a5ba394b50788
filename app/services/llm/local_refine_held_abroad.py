"""The choice a note names in German or Dutch, with its article and its plural (stop 31).

"füge 'Elopement' zu den Paketen hinzu" names the question "Paket": the article ("den") and
the plural ending ("Paketen") are no words of the label, so the answer was added as a new
text field "Elopement' zu den Paketen". Read as the label's own words, the answer goes to the
choice, as "añade 'abril' a …" and "ajoute … aux régions" already did.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(
    r"^(?:den|die|der|das|dem|des|de|het|een|les|la|le|los|las|el|il|lo|gli|os|as|o|a)\s+", re.I
)


def _words(text: str) -> list[str]:
    return [w.rstrip("s") for w in re.findall(r"[^\W\d_]+", str(text).lower())]


def _stem(word: str) -> str:
    """ "paketen" → "paket", "kursen" → "kurs", "pakketten" → "pakket" (never under 4 letters)."""
    for ending in ("en", "n", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return (
                word[: -len(ending)].rstrip("t")
                if ending == "en" and word.endswith("tten")
                else word[: -len(ending)]
            )
    return word


def held_abroad(said: str, fields: list) -> list[dict]:
    """The fields whose label holds every word said, articles dropped and plurals read as
    the label's own word."""
    words = [_stem(w) for w in _words(_ARTICLE.sub("", said.strip()))]
    if not words:
        return []
    return [
        f
        for f in fields
        if all(
            any(own == w or (len(w) >= 4 and own.startswith(w)) for own in _words(f["label"]))
            for w in words
        )
    ]
