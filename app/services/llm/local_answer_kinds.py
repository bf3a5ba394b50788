"""The kind of answer a listed item asks for, where the words say more than the field
reader's nouns (issue 20, round 17e):

- a measured quantity ("approximate square metres of roof", "floor area in m²",
  "monthly kWh usage", "litres per week", "Dachfläche in m²") is a number;
- a duration up to now ("how long have you had the pain", "how long have you been
  trading", "¿cuánto tiempo lleva con el dolor?") is a number, its unit in the label;
- a garment's size ("t-shirt size", "talla de camiseta", "T-Shirt-Größe") is a choice of
  the standard sizes;
- the time half of "date and time of the journey" is when it happened, a clock time
  ("e.g. 14:30", there is no time field type); only a time to come ("time of the visit")
  offers the parts of the day;
- a relative clause cut into a label ("what you sell", "what you expected") reads as a
  question a person writes ("What do you sell?") or as a noun phrase ("What you expected").

The foreign items reach the field reader glossed (a question word in English, the rest
mostly as written), so the patterns take the es/fr/de/pt words too.
"""

from __future__ import annotations

import re

from app.services.llm.local_counted_units import counted_number
from app.services.llm.local_kept_items import ended_times
from app.services.llm.local_papers import written_letter
from app.services.llm.local_year_spans import span_year

_UNIT = (
    r"square (?:met(?:re|er)s?|feet|foot|yards?|kilomet(?:re|er)s?|miles?)|sq\.? ?(?:m|ft|yds?)|"
    r"sqm|m²|m2|m³|m3|ft²|cubic (?:met(?:re|er)s?|feet|yards?)|k[wW]h|kw|mwh|kilowatts?|watts?|"
    r"lit(?:re|er)s?|gallons?|kilos?|kilograms?|tonnes?|tons|lbs|pounds? in weight|"
    r"km|kilomet(?:re|er)s?|hectares?|acres?|cm|centimet(?:re|er)s?|mm|inches|"
    # es / fr / de / pt
    r"metros? cuadrados?|metros? quadrados?|m[eè]tres? carr[eé]s|quadratmeter|qm|litros?|"
    r"kil[oó]metros?|quil[oó]metros?|kilom[eè]tres?|kilometer"
)
# "square metres of roof", "floor area in m²", "litres per week", "kWh a month"
MEASURED = re.compile(rf"(?<![\w-])(?:{_UNIT})(?![\w-])", re.I)
# an amount of money a business makes: "annual turnover", "monthly revenue", "Jahresumsatz"
AMOUNT = re.compile(
    r"^(?:(?:your|the|approximate|approx\.?|estimated|current|last year'?s?) )*"
    r"(?:(?:annual|yearly|monthly|weekly) )?(?:turnover|revenue|takings)"
    r"(?: (?:per|a|last|this) (?:year|month|week))?$|"
    r"^(?:chiffre d'affaires|facturaci[oó]n|volumen de negocio|umsatz|jahresumsatz|fatura[cç][aã]o|"
    r"volume de neg[oó]cios)(?: (?:annuel|annual|anual|anuale?s?|j[aä]hrlich))?$",
    re.I,
)
# "cleans per week", "meals a day", "deliveries per month": how many, in a period
PER_PERIOD = re.compile(
    r"^(?:\w+ ){0,2}[a-z]{3,}s (?:per|a|each) (?:day|week|fortnight|month|year|visit|shift)$", re.I
)
_PRICED = re.compile(r"\b(?:price|cost|prix|precio|preço|preis|rate)\b", re.I)

# "how long have you had the pain", "how long has the boiler been leaking", "for how long",
# "cuánto tiempo lleva con el dolor", "depuis combien de temps", "wie lange haben Sie schon",
# "há quanto tempo tem a dor"
DURATION = re.compile(
    r"^(?:for )?how long (?:have|has|had|did) (?:you|they|he|she|it|this|that|the \w+|your \w+)\b|"
    r"^(?:for )?how long (?:you|they)(?:'ve| have) |"
    r"^(?:desde hace )?(?:what|cu[aá]nto) tiempo\b|^(?:what|how) (?:much )?tiempo\b|"
    r"^depuis combien de temps\b|^(?:how|wie) lange\b|^(?:seit )?wie vielen? (?:tagen|wochen|jahren)\b|"
    r"^h[aá] quanto tempo\b|^(?:what|how|quanto) tempo\b",
    re.I,
)
# what ails or breaks is counted in days; a business, a job or a membership in years
_DAYS = re.compile(
    r"\b(?:pain|painful|symptoms?|ache|aches|aching|toothache|headaches?|cough|fever|rash|"
    r"sore|swelling|injury|leak|leaking|fault|problem|issue|broken|noise|dolor|douleurs?|"
    # something that keeps happening ("how long has it been going on"): days, not years
    r"going on|happening|barking|nuisance|"
    r"schmerz\w*|beschwerden|dor|dores|s[ií]ntomas|sympt[oô]mes|fi[eè]vre|fiebre|febre)\b",
    re.I,
)
_UNITS = {
    "days": {"en": "days", "es": "días", "fr": "jours", "de": "Tage", "pt": "dias"},
    "years": {"en": "years", "es": "años", "fr": "ans", "de": "Jahre", "pt": "anos"},
}
# "how long have you had it": the thing is named elsewhere, and so is the unit it counts in
_UNNAMED = re.compile(
    r"\b(?:it|them|this|that|these|those)\s*\??$|"
    # "how long has it been going on": what "it" is, and its unit, are the visitor's to say
    r"^(?:for )?how long (?:has|had) (?:it|this|that)\b",
    re.I,
)
# "how long has the mould been there", "how long has this been going on": a thing's span
# has no unit to guess unless it ails or breaks (a person's, "have you been trading", is years)
_THING = re.compile(r"^(?:for )?how long (?:have|has|had) (?:the|your|this|that|it)\b", re.I)
_STATED_UNIT = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?|minutes?)\b", re.I)

# "t-shirt size", "shirt size", "hoodie size", "talla de camiseta", "taille de t-shirt",
# "T-Shirt-Größe", "tamanho da camiseta" (glossed "size de camiseta")
_GARMENT = (
    r"t-?shirts?|tee-?shirts?|tees?|shirts?|jerseys?|hoodies?|sweatshirts?|sweaters?|polos?|"
    r"jackets?|fleeces?|vests?|tops?|kit|uniforms?|camisetas?|camisas?|camisolas?|sudaderas?|"
    r"maillots?|sweats?|trikots?|pullis?|pullover"
)
_SIZE = r"size|sizes|talla|tallas|taille|tailles|gr(?:ö|oe|o)(?:ß|ss)en?|tamanho"
GARMENT_SIZE = re.compile(
    rf"(?<![\w-])(?:{_GARMENT})[\s-]*(?:{_SIZE})(?![\w-])|"
    rf"(?<![\w-])(?:{_SIZE})\s+(?:(?:of|for|de|da|do|du|del|für)\s+)?(?:(?:the|your|la|le|a|o|das|den|ihr|ihre|votre|su|sua|tu)\s+)?"
    rf"(?:{_GARMENT})(?![\w-])",
    re.I,
)
SIZES = ["XS", "S", "M", "L", "XL", "XXL"]

# "time of the incident", "time for the visit" (from "date and time of …", local_item_pairs)
TIME_OF = re.compile(
    r"^(?:time|hora|heure|uhrzeit|zeit|hor[aá]rio)\s+(?:of|for|del?|de la|de l'|d'|du|des|da|do|"
    r"der|vom|von)\b(?!\s*(?:inicio|fin|comienzo|t[eé]rmino|llegada|salida|d[eé]but|arriv[eé]e|"
    r"d[eé]part|in[ií]cio|fim|chegada|partida|beginn|ende|ankunft|abfahrt|start|end|arrival|"
    r"departure)\b)",
    re.I,
)
# "time it started", "what time did it happen": when in the day, not a date
TIME_WHEN = re.compile(
    r"^(?:what\s+|approximate\s+|rough\s+)?time\s+(?:(?:it|that|this|they|you|he|she|the\s+\w+)\s+)?"
    r"(?:did\s+(?:it|that|this|they|you)\s+)?(?:start(?:ed)?|happen(?:ed)?|beg[au]n|occur(?:red)?|"
    r"end(?:ed)?|stop(?:ped)?|arrived?|left|finish(?:ed)?)\b",
    re.I,
)
TIMES_OF_DAY = ["Morning", "Afternoon", "Evening", "Night"]
_DAY_PART = re.compile(r"\btime of (?:the )?day\b", re.I)
# what happened is reported at the minute it happened: a text answer showing the form
CLOCK = {"type": "text", "options": [], "placeholder": "e.g. 14:30", "max_length": 20}
# a time to come, as the "Preferred time" offers it: nobody books a visit for the night
BOOKED = re.compile(
    r"\b(?:appointments?|visits?|booking|delivery|collection|pick-?up|drop-?off|calls?|meeting|"
    r"sessions?|lessons?|class|viewing|consultation|fitting|cita|visita|entrega|recogida|"
    r"rendez-vous|livraison|termin\w*|besuch\w*|lieferung|abholung|consulta|marca[cç][aã]o)\b",
    re.I,
)
TIMES_TO_COME = ["Morning", "Midday", "Afternoon", "Evening"]


def answer_kind(field: dict, phrase: str, options: list) -> dict:
    """``field`` with the kind of answer its words ask for (the field reader's own kind
    otherwise). ``options``: the answers the marketer listed (they always win)."""
    low = phrase.strip().lower()
    if not options and span_year(field, low):  # "tax year": "2025/26", no number
        return span_year(field, low)
    unguessed = _UNNAMED.search(low) or (_THING.match(low) and not _DAYS.search(low))
    unnamed = DURATION.match(low) and not _STATED_UNIT.search(low) and unguessed
    if not options and unnamed and field["type"] in ("text", "textarea", "number"):
        # "how long have you had it": no unit to guess, they write "3 weeks"
        return {**field, "type": "text", "min": None, "max": None, "max_length": 300}
    if not options and field["type"] == "number" and DURATION.match(low):
        return {**field, "label": _with_unit(field["label"], low)}
    if not options and TIME_OF.match(low) and field["type"] in ("text", "textarea", "date", "file"):
        # "time of the ticket": when, never the ticket's upload
        if BOOKED.search(low) or _DAY_PART.search(low):  # "which time of day suits you"
            times = TIMES_TO_COME if BOOKED.search(low) else TIMES_OF_DAY
            return {**field, "type": "select", "options": list(times), "max_length": None}
        return {**field, **CLOCK}
    if options or field["type"] not in ("text", "textarea", "date"):
        return field
    if field["type"] == "text" and written_letter(low):  # a cover letter, "lettre de motivation"
        return {**field, "type": "textarea", "max_length": 5000}
    if GARMENT_SIZE.search(low):
        return {**field, "type": "select", "options": list(SIZES), "max_length": None}
    if field["type"] == "date":
        return field
    if DURATION.match(low):
        return _number(field, label=_with_unit(field["label"], low))
    if (MEASURED.search(low) and not _PRICED.search(low)) or AMOUNT.match(low):
        return _number(field)
    if PER_PERIOD.match(low) and not _PRICED.search(low) and field["type"] == "text":
        return _number(field)
    return counted_number(field, low)  # "weeks of stay", "cost in pounds", "(€)"


def times_of_day(fields: list) -> None:
    """ "date of the noise, time it started": with the day asked apart, "time it started" is
    the clock time in that day; asked alone ("outage report: time it started") it stays the
    date it began."""
    for f in fields:
        if f["type"] == "date" and TIME_WHEN.match(f["label"].strip()):
            others = [o for o in fields if o is not f and o["type"] == "date"]
            if others:
                f.update(CLOCK)
    ended_times(fields, CLOCK)  # "what time did it end": the same clock time


def _number(field: dict, label: str | None = None) -> dict:
    return {
        **field,
        "type": "number",
        "min": 0,
        "max_length": None,
        "label": label or field["label"],
    }


def duration_unit(phrase: str) -> str:
    """ "days" for what ails or breaks ("the pain", "the leak"), else "years"."""
    return "days" if _DAYS.search(phrase) else "years"


def _with_unit(label: str, phrase: str) -> str:
    """ "How long have you had the pain?" → "How long have you had the pain (days)?"."""
    if _STATED_UNIT.search(phrase):
        return label
    unit = duration_unit(phrase)
    body = label.rstrip(" ?")
    return f"{body} ({unit})?"


def unit_word(unit: str, lang: str | None) -> str:
    return _UNITS[unit].get(lang or "en", unit)


# "what you sell", "how many pitches you need", "where you work": a clause with no
# auxiliary, cut into a label with a question mark
_CLAUSE = re.compile(
    r"^(what|where|which|who|when|how many|how much|how often|how)\s+((?:[\w-]+\s+){0,2}?)"
    r"(you)\s+([a-z]+)\b(.*?)\??$",
    re.I,
)
_AUX = re.compile(
    r"^(?:are|were|was|is|am|do|does|did|have|has|had|will|would|can|could|should|shall|may|"
    r"might|must|need to|re|ve|d)$",
    re.I,
)
_PAST = re.compile(
    r"^(?:\w*[^e\W]ed|agreed|freed|bought|sold|saw|got|made|paid|took|went|thought|felt|found|heard|left|lost|"
    r"met|spent|told|wore|won|wrote|ate|drank|drove|brought|caught|taught|chose|gave|knew|ran|"
    r"said|sent|built|broke|came|became|began|fell|held|kept|meant|sat|stood|understood|did|"
    r"had|was|were|forgot|got|hid|led|rode|sang|spoke|stole|swam|threw|woke)$",
    re.I,
)


_CONTRACTED = re.compile(
    r"^(what|where|which|when|how many|how much|how)\s+((?:[\w-]+\s+){0,2}?)you['’](d|re|ve|ll)\s+(.+)$",
    re.I,
)
# "what day suits you", "which colour interests you": a verb whose object is the visitor
_OF_YOU = re.compile(
    r"^(?:suits|fits|works|interests|appeals|describes|applies|matters|helps|concerns|"
    r"worries|bothers|affects|attracts|brings|brought|led|excites|motivates)$",
    re.I,
)
_CONTRACTIONS = {"d": "would", "re": "are", "ve": "have", "ll": "will"}


def clause_question(label: str) -> str:
    """ "What you sell?" → "What do you sell?"; "What you expected?" → "What you expected"
    (a past clause reads as a noun phrase); a label with its auxiliary is left alone."""
    said = _CONTRACTED.match(label.strip())
    if said and label.rstrip().endswith("?"):  # "What you'd like to order?"
        aux = _CONTRACTIONS[said.group(3).lower()]
        return f"{said.group(1)} {said.group(2)}{aux} you {said.group(4)}".rstrip(" ?") + "?"
    m = _CLAUSE.match(label.strip())
    if not m or not label.rstrip().endswith("?"):
        return label
    wh, between, you, verb, rest = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    if (
        wh.lower() == "who"  # "who told you about us": its subject, a question already
        or _AUX.match(verb)
        or "'" in verb
        or any(_AUX.match(w) or _PAST.match(w) for w in between.split())
        or _OF_YOU.match(between.split()[-1] if between.split() else "")
    ):  # "what day suits you best": the day is its subject, "you" its object
        return label
    if _PAST.match(verb):  # "When you lost it?" stays asked: "When you lost it" is a condition
        return label if wh.lower() == "when" else label.rstrip(" ?")
    return f"{wh} {between}do {you} {verb}{rest}".rstrip(" ?") + "?"


# a duration asked in the marketer's language, read on the label written back in it
_FOREIGN_DURATION = re.compile(
    r"cu[aá]nto tiempo|depuis combien de temps|wie lange|seit wann|h[aá] quanto tempo|"
    r"quanto tempo",
    re.I,
)
_FOREIGN_UNIT = re.compile(
    r"\b(?:d[ií]as?|semanas?|mes(?:es)?|años?|jours?|semaines?|mois|ans|années?|tage[n]?|"
    r"wochen|monate[n]?|jahre[n]?|anos?|meses)\b",
    re.I,
)


def label_units(fields: list, lang: str | None) -> None:
    """A duration asked in es/fr/de/pt keeps its unit in the label ("¿Cuánto tiempo lleva
    con el dolor (días)?"), as the English one does (in place)."""
    if not lang:
        return
    for f in fields:
        label = f.get("label") or ""
        if f["type"] != "number" or not _FOREIGN_DURATION.search(label):
            continue
        if _FOREIGN_UNIT.search(label) or _STATED_UNIT.search(label):
            continue
        unit = unit_word(duration_unit(label), lang)
        f["label"] = f"{label.rstrip(' ?')} ({unit})" + (
            "?" if "?" in label or "¿" in label else ""
        )
