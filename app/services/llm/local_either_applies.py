""" "Are you pregnant or breastfeeding" asks whether either applies: a yes/no (round 39b).

"are you buying or selling" offers two ways, one of which is the visitor's (local_either_or).
A health condition is no way to choose: most visitors have neither, and "are you pregnant or
breastfeeding", "diabetic or epileptic?", "bent u zwanger of geeft u borstvoeding", "êtes-vous
enceinte ou allaitez-vous" ask whether one of them applies. The item gets its yes/no written
after it, in the language of its words, so the item reader asks it as said with Yes and No
instead of [Pregnant, Breastfeeding] and no "No".
"""

from __future__ import annotations

import re

# conditions a visitor may have, or not, in each language, and how that language answers
_CONDITIONS = {
    "yes/no": r"pregnant|breast-?feeding|nursing|diabetic|epileptic|asthmatic|on medication|"
    r"immunosuppressed|on blood thinners|haemophiliac|hemophiliac",
    "sí/no": r"embarazada|amamantando|en (?:periodo de )?lactancia|dando (?:el )?pecho|"
    r"diab[ée]tic[oa]|epil[ée]ptic[oa]|asm[áa]tic[oa]",
    "oui/non": r"enceinte|allaitante|allaitez(?:-vous)?|allaitez|diab[ée]tique|[ée]pileptique|"
    r"asthmatique",
    "ja/nein": r"schwanger|stillend|stillen sie|stillst du|diabetiker(?:in)?|epileptiker(?:in)?|"
    r"asthmatiker(?:in)?",
    "sim/não": r"gr[áa]vida|a amamentar|amamentando|diab[ée]tic[oa]|epil[ée]ptic[oa]",
    "ja/nee": r"zwanger|(?:geeft u |geef je )?borstvoeding(?: geeft| geven)?|diabetisch|epileptisch",
    "sì/no": r"incinta|in gravidanza|allatt(?:ando|ate|i|a)|in allattamento|diabetic[oa]|"
    r"epilettic[oa]",
}
_OR = r"\s+(?:or|o|ou|oder|of)\s+"
_END = r"(?=\s*\??\s*(?:[,;.!\n]|$))"


def _question(answers: str) -> re.Pattern:
    said = _CONDITIONS[answers]
    return re.compile(
        rf"\b(?:{said})\b(?:\s+\w+){{0,2}}?{_OR}(?:\w+\s+){{0,3}}?(?:{said})\b\s*\??{_END}",
        re.I,
    )


_QUESTIONS = {answers: _question(answers) for answers in _CONDITIONS}


def either_applies(text: str) -> str:
    """``text`` with each "are you X or Y" about two conditions followed by its yes/no."""
    for answers, question in _QUESTIONS.items():
        text = question.sub(lambda m, a=answers: f"{m[0].rstrip()} ({a})", text)
    return text
