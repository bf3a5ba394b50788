"""An item that names a quantity counted in units asks for a number (issue 20, round 29a).

The field reader already makes a number of "number of …", "how many …", "Anzahl der …",
"nombre de …", "cuántas horas …" and a measure in m² or kWh (local_answer_kinds). What it
left as free text were the items that say the unit instead of "how many":

- a time counted in units: "weeks of stay", "hours of tutoring per week", "days per week
  needed", "overtime hours this month", "semanas de curso", "durée du séjour en semaines",
  "disponibilidade em horas por semana", "Aufenthaltsdauer in Nächten";
- an amount of money in a currency: "estimated cost of damage in pounds", "fundraising
  target in £", "coste anual en euros", "montant (€)".

The form can then check the answer and the agent can read it as a quantity; the unit stays
in the label, as the marketer wrote it. Left as they were: identifiers ("member number",
"flat number", "número de socio", "Kennzeichen"), phone numbers, years and dates, the days
or hours a visitor is free ("days of the week you can do", "opening hours"), items whose
answers the marketer listed (a choice), and anything the reader already typed otherwise.
"""

from __future__ import annotations

import re

_TIME = (
    r"minutes?|mins|hours?|hrs|days?|nights?|weeks?|months?|"
    r"minutos?|horas?|d[ií]as?|noches?|semanas?|meses|"  # es / pt
    r"heures?|jours?|nuits?|semaines?|mois|"  # fr
    r"minuten|stunden|tagen?|n[äa]chten?|wochen|monaten?|"  # de
    r"dias?|noites?"  # pt
)
_PERIOD = (
    r"day|week|fortnight|month|year|term|semester|visit|"
    r"d[ií]a|semana|mes|m[eê]s|ano|a[ñn]o|jour|semaine|mois|an|ann[ée]e|tag|woche|monat|jahr"
)
_MONEY = r"euros?|eur|pounds?|gbp|dollars?|usd|francs?|chf|reais|pesos|libras?|livres?"
_SYMBOL = r"€|£|\$"

# "… in pounds", "… en euros", "… em euros", "… in Euro", "… (in GBP)", "… in £", "… (€)"
IN_MONEY = re.compile(
    rf"(?:(?<![\w-])(?:in|en|em)\s+|\(\s*(?:in\s+)?)(?:{_MONEY})(?![\w])|(?:{_SYMBOL})", re.I
)
# "… en semaines", "… in Nächten", "… em horas", "… in hours"
IN_TIME = re.compile(rf"(?<![\w-])(?:in|en|em)\s+(?:{_TIME})(?![\w])", re.I)
# "hours per week", "horas por semana", "heures par mois", "Stunden pro Woche", "hours a month"
PER_PERIOD = re.compile(
    rf"(?<![\w])(?:{_TIME})\s+(?:per|a|an|each|every|this|last|por|par|pro|al|à la|a la|"
    rf"cada|ao|à|na|im|in der)\s+(?:{_PERIOD})(?![\w])",
    re.I,
)
_TIMES = (
    r"minutes|mins|hours|hrs|days|nights|weeks|months|minutos|horas|d[ií]as|noches|semanas|"
    r"meses|heures|jours|nuits|semaines|mois|minuten|stunden|tage|n[äa]chte|wochen|monate|"
    r"noites"
)
# "weeks of stay", "hours of tutoring", "semanas de curso", "nights of accommodation"
# (not "days of the week", "hours of opening": when, not how many)
UNITS_OF = re.compile(
    rf"^(?:\w+\s+)?(?:{_TIMES})\s+(?:of|de|d')\s+(?!(?:the|la|el|le|a|o|l')\s|"
    r"(?:week|semana|semaine|opening|operation|business|availability|disponibilidad|"
    r"disponibilit[ée]|disponibilidade|ouverture|apertura|abertura|work|trabajo|travail|"
    r"trabalho|arrival|departure|llegada|salida|arriv[ée]e|d[ée]part|chegada|sa[ií]da)\b)",
    re.I,
)
# what is no quantity even with a unit word in it
_NOT_COUNTED = re.compile(
    r"\b(?:number|no\.?|id|reference|ref|code|n[uú]mero|num[ée]ro|nummer|kennzeichen|"
    r"registration|matr[ií]cula|plate|phone|telephone|mobile|tel[eé]fono|t[ée]l[ée]phone|"
    r"telefon|telemóvel|date|fecha|data|datum|year|a[ñn]o|ann[ée]e|jahr|when|which|"
    r"preferred|preferid[oa]|pr[ée]f[ée]r[ée]e?s?|bevorzugte?|times?|hora de|heure de)\b",
    re.I,
)
# "number of …", "nombre de …" are counts even though they say "number"
_COUNT_OF = re.compile(
    r"\b(?:number of|no\.? of|n[uú]mero de|nombre de|num[ée]ro de|anzahl)\b", re.I
)


def counted_in_units(text: str) -> str | None:
    """ "money" or "time" when ``text`` names a quantity counted in those units, else None."""
    low = re.sub(r"\s+", " ", text.strip().lower())
    if _NOT_COUNTED.search(low) and not _COUNT_OF.search(low):
        return None
    if IN_MONEY.search(low):
        return "money"
    if IN_TIME.search(low) or PER_PERIOD.search(low) or UNITS_OF.match(low):
        return "time"
    return None


def counted_number(field: dict, phrase: str) -> dict:
    """``field`` as a number when its label (the marketer's words) or the item's glossed
    ``phrase`` names a quantity in units; a time counted is at least 1, money at least 0."""
    if field["type"] != "text":
        return field
    kind = counted_in_units(field["label"]) or counted_in_units(phrase)
    if kind is None:
        return field
    return {
        **field,
        "type": "number",
        "min": 1 if kind == "time" else 0,
        "max": None,
        "max_length": None,
    }
