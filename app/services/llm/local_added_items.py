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
# words that open a sentence continuing the list (round 21d): "Dazu noch …", "E ainda …",
# "Além disso, …", "De plus : …", "We also want …", "Nous voulons aussi …", "Ajoutez aussi …"
_GOES_ON = (
    rf"(?:{_ALSO}|dazu(?: noch)?|zudem|weiterhin|(?:e )?ainda|al[ée]m disso|ademais|asimismo|"
    r"de plus|en plus|en outre)|"
    r"(?:we|nous|wir|n[óo]s)(?: would| also| aussi| auch)? (?:want|need|(?:would |'d )?like|"
    r"voulons|souhaitons|aimerions|brauchen|m[öo]chten|wollen|queremos|necesitamos|precisamos)"
    rf"(?: (?:{_ALSO}|noch))?|"
    r"(?:queremos|necesitamos|precisamos)(?: (?:tambi[eé]n|tamb[eé]m))?|"
    r"(?:ajoutez|ajouter|a[ñn]ad[ae]|a[ñn]adir|agrega|adicione|acrescente|incluya|incluez|"
    rf"f[üu]gen sie)(?: (?:{_ALSO}|noch))?(?: hinzu)?"
)
_PIECE = r"[^,.:;!?()]+?"
ADDED = re.compile(
    rf"^(?:and\s+|y\s+|et\s+|und\s+|e\s+)?(?:{_ALSO})\s+(?P<a>{_PIECE})[.!]?$|"
    rf"^(?P<b>{_PIECE})\s+(?:{_ALSO})[.!]?$",
    re.I,
)
# "También: fecha, hora y número de personas", "Ajoutez aussi le niveau (débutant, avancé)":
# a list of its own (answers in brackets allowed) after the words that continue one
GOES_ON = re.compile(
    rf"^(?:and\s+|y\s+|et\s+|und\s+|e\s+)?(?:{_GOES_ON})\s*[,:]?\s+"
    r"(?P<a>(?:[^.:;!?()]|\([^()]*\))+?)[.!]?$",
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
        if not piece:
            more = GOES_ON.match(sentence.strip())
            piece = more and _short_list(more.group("a").strip())
        if (
            piece
            and out
            and _LIST.search(out[-1])  # the sentence before is a list
            and all(
                len(_ARTICLE.sub("", part.strip()).split()) <= 6
                for part in _BRACKETS.sub("", piece).split(",")
            )
            and not _SPEAKS.search(_BRACKETS.sub("", piece))
        ):
            piece = _ARTICLE.sub("", piece) or piece  # "Também a cidade": the city
            out[-1] = out[-1].rstrip(" .!") + ", " + piece + "."
            continue
        out.append(sentence)
    return " ".join(out)


_BRACKETS = re.compile(r"\([^()]*\)")
# a list: a comma, or a heading's colon or dash with the items after it ("nombre y teléfono")
_LIST = re.compile(r",|(?:[:—–]|\s-\s)\s*\S")


def _short_list(piece: str) -> str | None:
    """The continued items, when they are a few short ones (not a sentence about the form)."""
    return piece if len(_BRACKETS.sub("", piece).split()) <= 12 else None
