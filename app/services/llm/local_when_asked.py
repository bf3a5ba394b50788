"""An item asking when something happened ("when did the fault start", "when was it
delivered", "¿cuándo empezó?", "quand est-ce arrivé", "wann ist es passiert", "quando
aconteceu") is a date, labelled with the question as the marketer wrote it — never
"Date did the fault start" (issue 20, round 16c).

The foreign questions reach the field reader glossed ("cuándo" → "when", the rest mostly
as written), so a past verb or auxiliary of es/fr/de/pt after "when" says the same.
"""

from __future__ import annotations

import re

_EN_AUX = r"(?:did|was|were|has|have|had)"
# es/fr/de/pt auxiliaries and past forms right after the question word (accents folded)
_FOREIGN_AUX = (
    r"(?:est-ce|est-il|est-elle|a-t-il|a-t-elle|avez-vous|as-tu|ont-ils|ont-elles|s'est|"
    r"ist|sind|hat|haben|hast|habt|wurde|wurden|war|waren|"
    r"fue|fueron|ha|han|foi|foram)"
)
# a Spanish or Portuguese preterite ("empezó", "ocurrió", "aconteceu", "começou", "partiu")
_PRETERITE = r"(?!also\b|into\b|onto\b|ago\b|too\b)\w{3,}(?:o|io|aron|ieron|ou|eu|iu)"
WHEN_ASKED = re.compile(
    rf"^when {_EN_AUX}\s+\S|^when (?:[\w'-]+ )?{_FOREIGN_AUX}(?:\s|$)|^when {_PRETERITE}\b",
    re.I,
)


def when_asked(phrase: str) -> bool:
    """Whether ``phrase`` asks when a past event happened (a date)."""
    return WHEN_ASKED.match(phrase.strip()) is not None
