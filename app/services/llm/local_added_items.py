"""An item added after the list, in a sentence of its own ("…, describe the job. Job
reference number too.", "… número de personas. También alergias", "Date de naissance
aussi", "Geburtsdatum auch"): one more item of that list, joined to it before the
description is read, so it is labelled with its own words ("Alergias", never "También
alergias") in every language."""

from __future__ import annotations

import re

_ALSO = (
    r"too|as well|also|tambi[eé]n|tamb[eé]m|aussi|[ée]galement|auch|ebenfalls|au[sß]erdem|"
    r"adem[aá]s"
)
_PIECE = r"[^,.:;!?()]+?"
ADDED = re.compile(
    rf"^(?:and\s+|y\s+|et\s+|und\s+|e\s+)?(?:{_ALSO})\s+(?P<a>{_PIECE})[.!]?$|"
    rf"^(?P<b>{_PIECE})\s+(?:{_ALSO})[.!]?$",
    re.I,
)
# a sentence about us or the form ("We also send a reminder"), not one more field
# ("Also ask their name": a cue that opens its own list, read as one)
_SPEAKS = re.compile(
    r"\b(?:we|us|our|i|me|my|they|them|nous|wir|uns|nosotros|n[óo]s|send|email them|form)\b|"
    r"^(?:ask|collect|capture|get|include|add|need|want|request|pregunt\w*|demand\w*|frag\w*)\b",
    re.I,
)
_ARTICLE = re.compile(
    r"^(?:the|a|an|o|a|os|as|el|la|los|las|le|la|les|l'|der|die|das|den)\s+(?=\S)", re.I
)
_SENTENCE = re.compile(r"(?<=[.!])\s+")


def join_added_items(text: str) -> str:
    """The description with each "X too." / "También X" sentence joined to the list before it."""
    sentences = _SENTENCE.split(text.strip())
    out: list[str] = []
    for sentence in sentences:
        added = ADDED.match(sentence.strip())
        piece = added and (added.group("a") or added.group("b")).strip()
        if (
            piece
            and out
            and "," in out[-1]  # the sentence before is a list
            and len(piece.split()) <= 6
            and not _SPEAKS.search(piece)
        ):
            piece = _ARTICLE.sub("", piece) or piece  # "Também a cidade": the city
            out[-1] = out[-1].rstrip(" .!") + ", " + piece + "."
            continue
        out.append(sentence)
    return " ".join(out)
