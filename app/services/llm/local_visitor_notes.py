"""A sentence that tells the visitor what not to write is no field (round 39b).

"…, briefly describe your situation. Please don't include confidential details.", "Never
include your password.", "Please avoid sharing medical information.", "Por favor, no incluya
datos bancarios.", "Merci de ne pas joindre de pièce d'identité.", "Bitte keine Bankdaten
angeben.": the marketer instructs the person filling in the form. The thing named is what the
form must NOT ask ("include" is no list cue here), so the sentence is taken out before the
items are read; said after a free-text question, it is that question's help.
"""

from __future__ import annotations

import re

from app.services.llm.local_bracket_asides import stem_before

_GIVE = (
    r"include|send|share|attach|enter|write|put|give|upload|mention|disclose|submit|post|add|"
    r"type|provide|including|sending|sharing|attaching|entering|writing|putting|giving|"
    r"uploading|mentioning|disclosing|submitting|posting|adding|typing|providing"
)
_NOT_TO_GIVE = (
    rf"(?:please\s+)?(?:(?:do not|don't|never|avoid|refrain from)\s+(?:{_GIVE})\b|"
    r"(?:por favor,?\s+)?no\s+(?:incluya|incluyas|env[ií]en?|env[ií]es|comparta|compartas|"
    r"adjunte|adjuntes|indique|indiques|escriba|escribas|ponga|pongas|facilite|mencione)\b|"
    r"(?:merci de|veuillez|priere de|prière de)\s+ne\s+pas\s+\w+|"
    r"n['’](?:indiquez|incluez|envoyez|[ée]crivez|ajoutez)\s+pas\b|"
    r"ne\s+(?:joignez|mettez|donnez|partagez|communiquez|transmettez|mentionnez)\s+pas\b|"
    r"(?:bitte\s+)?(?:geben|senden|schicken|teilen|tragen|laden)\s+sie\s+(?:hier\s+)?keine\b|"
    r"bitte\s+keine\b[^.!?\n]{1,60}\b(?:angeben|senden|schicken|mitteilen|eintragen|"
    r"anh[äa]ngen|hochladen|nennen)\b|"
    r"(?:por favor,?\s+)?n[ãa]o\s+(?:inclua|envie|partilhe|compartilhe|anexe|indique|escreva|"
    r"coloque|mencione)\b|"
    r"(?:gelieve\s+)?(?:vermeld|stuur|deel|voeg|geef|noem|vul)\s+(?:hier\s+)?geen\b|"
    r"(?:per favore,?\s+)?non\s+(?:inserire|inserite|includere|inviare|inviate|indicare|"
    r"indicate|allegare|allegate|condividere|scrivere|scrivete|mettere)\b)"
)
# the instruction at the start of a sentence or a clause, to the sentence's end
_NOTE = re.compile(rf"(?:^|(?<=[.!?:])|[,;])\s*(?P<note>(?:{_NOT_TO_GIVE})[^.!?\n]*[.!?]?)", re.I)


def take_notes(text: str) -> tuple[str, list[dict]]:
    """The description without its instructions to the visitor, and each as an aside
    (``local_bracket_asides``) on the item before it, to be the help of a free-text answer."""
    found: list[dict] = []

    def read(m: re.Match) -> str:
        note = m["note"].strip()
        note = note[:1].upper() + note[1:]
        stem = stem_before(m.string[: m.start()].rstrip(" .!?"))
        found.append({"stem": stem, "help": note, "min": None, "max": None, "note": True})
        return "." if m[0].lstrip().startswith((",", ";")) else ""

    return _NOTE.sub(read, text).strip(), found
