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
    rf"^when {_EN_AUX}\s+\S|^when (?:[\w'-]+ )?{_FOREIGN_AUX}(?:\s|$)|^when {_PRETERITE}\b|"
    # "when it should have arrived", "when the parcel was due": a date that was expected
    r"^when (?:it|they|the [\w-]+|your [\w-]+) (?:should have|was supposed to|were supposed to|"
    r"was due|were due|ought to have)\b",
    re.I,
)


def when_asked(phrase: str) -> bool:
    """Whether ``phrase`` asks when a past event happened (a date)."""
    return WHEN_ASKED.match(phrase.strip()) is not None


# Round 34c: a question whose answer is an account of what happened or of what the person
# will do ("how did it happen", "how will you measure success", "how should we fix it",
# "what were you doing", "what would bring you back") is a free-text box, never one line.
# Not how they heard of us, how they rate, pay or like to be contacted (a choice), nor how
# many, much, long or likely (a number or a scale).
ACCOUNT_ASKED = re.compile(
    r"^how (?:did|does|do|will|would|should|could|can|are|is|was|were|has|have) "
    r"(?:it|this|that|you|we|they|the [\w-]+|your [\w-]+)\s+(?:plan to |intend to |going to )?"
    r"(?:happen|occur|start|measure|fix|solve|resolve|use|spend|approach|handle|tackle|deliver|"
    r"contribute|support|ensure|make sure|put (?:it|this|things) right|sort|improve|manage)\w*\b|"
    r"^what (?:were|was) (?:you|they) doing\b|"
    r"^what would (?:bring|make|help|change|get)\b|"
    # "¿cómo ocurrió?", "wie ist es passiert", "comment cela s'est-il passé", "como aconteceu"
    # reach the reader glossed: "how ocurrio", "how ist es passiert"
    r"^how (?:[\w'-]+ ){0,2}(?:ocurri[oó]|pas[oó]|sucedi[oó]|passiert|geschehen|pass[ée]e?|"
    r"arriv[ée]e?|aconteceu|ocorreu|sucedeu)\b",
    re.I,
)


def account_asked(phrase: str) -> bool:
    """Whether ``phrase`` asks for an account in the visitor's own words (a textarea)."""
    return ACCOUNT_ASKED.match(phrase.strip()) is not None


# "main goal for the first 90 days", "plans over the next six months": the span says which goal
# or plans, so the item may run longer than a bare noun (stop 22, forms_bc)
SPAN_OF_TIME = re.compile(
    r"\b(?:for|in|over|within|during)\s+(?:the\s+)?(?:first|next|coming|last|past)\s+"
    r"(?:\d+|[a-z]+)\s+(?:days?|weeks?|months?|years?|quarters?)\b",
    re.I,
)
