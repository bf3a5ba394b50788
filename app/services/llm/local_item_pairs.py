"""One list item that names several fields at once (issue 20), written out as one item
per field before the list is split.

- Paired times and ranges: "start and end time", "from and to dates", "arrival and
  departure", "check-in and check-out" are two whole fields ("Start time", "End
  time"), never a cut "Start" next to "End time". In Spanish, French and Portuguese the
  noun comes first: "hora de inicio y de fin", "dates d'arrivée et de départ", "data de
  início e de fim" (``romance_pairs``, read on the marketer's words).
- One scale for several aspects: "rate cleanliness, staff and location (1-5)" rates
  each of them from 1 to 5.
"""

from __future__ import annotations

import re

from app.services.llm.local_field_shapes import aspect_scaled

# The two ends of a span, as marketers pair them
_END = (
    r"start|end|from|to|until|arrival|departure|check-?in|check-?out|pick-?up|drop-?off|"
    r"delivery|collection|return|opening|closing|begin|finish|move-?in|move-?out|outbound|"
    r"inbound|earliest|latest"
)
# "start and end time", "arrival and departure date(s)", "from and to dates"
PAIR = re.compile(
    rf"\b({_END}) and ({_END}) (dates?|times?|days?)\b(?!\s+(?:of|for)\b)",
    re.I,
)
# "arrival and departure", "check-in and check-out" with no noun after them: two dates
BARE_PAIR = re.compile(
    r"\b(arrival|check-?in|move-?in|pick-?up) and (departure|check-?out|move-?out|drop-?off|return)"
    r"\b(?!\s+(?:dates?|times?|days?|airports?|cit(?:y|ies)|locations?|address(?:es)?|points?)\b)",
    re.I,
)
# "rate cleanliness, staff and location (1-5)": one scale for every aspect named
_SCALE = r"\(\s*(?:from\s+)?\d{1,2}\s*(?:-|–|to)\s*\d{1,3}(?:\s+stars?)?(?:\s+each)?\s*\)"
# the same scale said without brackets: "out of 5", "from 1 to 5", "on a scale of 1-10", "1-5"
_BARE_SCALE = (
    r"(?:on a scale\s+)?(?:(?:from|of)\s+)?\d{1,2}\s*(?:-|–|to)\s*\d{1,3}(?:\s+stars?)?(?:\s+each)?|"
    r"out of \d{1,3}(?:\s+each)?"
)
SHARED_SCALE = re.compile(
    rf"\brate\s+(?:the\s+|your\s+|our\s+)?((?:[\w'-]+(?: [\w'-]+)?, )*[\w'-]+(?: [\w'-]+)?,? and "
    rf"(?:the\s+)?[\w'-]+(?: (?!from\b|on\b|out\b)[\w'-]+)?)\s*({_SCALE}|(?:{_BARE_SCALE})(?=\s*(?:[,;.]|$)))",
    re.I,
)
# "food 1-5, service 1-5, value for money 1-10": an aspect followed by its own bare scale
ITEM_SCALE = re.compile(
    rf"(^\s*|[,;:]\s*|\band\s+)([^\W\d][\w' -]{{0,40}}?)\s*:?\s+({_BARE_SCALE})(?=\s*(?:[,;.]|\band\b|$))",
    re.I,
)
_ASKED = re.compile(r"\b(?:to|likely|would|will|how|recommend)\b", re.I)
_ENDS = re.compile(r"(\d{1,2})\s*(?:-|–|to)\s*(\d{1,3})|out of (\d{1,3})", re.I)


def _bracketed(scale: str) -> str:
    """ "out of 5" → "(1-5)", "from 1 to 10" → "(1-10)": the scale as the item reader reads it."""
    if scale.startswith("("):
        return re.sub(r"\s+each\s*\)", ")", scale)
    m = _ENDS.search(scale)
    return f"(1-{m[3]})" if m[3] else f"({m[1]}-{m[2]})"


def _item_scaled(m: re.Match) -> str:
    scale = _bracketed(m[3])
    aspect = m[2].strip()
    # "guests 1-10", "age 18-25": no aspect rated; "likely to recommend 0-10": a question
    # (the NPS score), read as such
    if not aspect_scaled(aspect, scale) or _ASKED.search(aspect):
        return m[0]
    return f"{m[1]}{m[2].strip()} {scale}"


# "date and time of the incident", "day and time of delivery", "date & time for the visit":
# the date of it and the time of it, never a bare "date" (the catalogue's "Preferred date")
# beside "Time of the incident"
DATE_TIME_OF = re.compile(
    r"\b(dates?|days?)\s*(?:and|&|/)\s*times?\s+(of|for)\s+([^,;.()?]+?)(?=\s*(?:[,;.()?]|$))", re.I
)


# "travel dates", "dates of your stay", "rental dates": the span's two ends, named the way
# the trade names them (a trip departs and returns; a stay arrives and departs)
_SPAN_ENDS = {
    "trip": "departure date, return date",
    "stay": "arrival date, departure date",
    "hire": "start date, end date",
}
_SPAN_KIND = {
    **dict.fromkeys(
        ("travel", "trip", "holiday", "vacation", "flight", "flights", "cruise", "tour"), "trip"
    ),
    **dict.fromkeys(("stay", "visit", "accommodation", "booking", "retreat"), "stay"),
    **dict.fromkeys(("rental", "hire", "let", "tenancy", "lease", "loan"), "hire"),
}
_SPAN = "|".join(sorted(_SPAN_KIND, key=len, reverse=True))
SPAN_DATES = re.compile(
    rf"\b(?:(?:the |your )?({_SPAN})\s+dates|dates\s+of\s+(?:the\s+|your\s+)?({_SPAN}))\b"
    r"(?!\s*\()",
    re.I,
)


# "date range", "date range for the statements", "range of dates": one date cannot hold a
# range; its two ends are asked
DATE_RANGE = re.compile(
    r"\b(?:(?:the|a|your)\s+)?(?:date\s+range|range\s+of\s+dates)"
    r"(?:\s+(?:for|of|covering)\s+[^,;.()?]+?)?(?=\s*(?:[,;.?]|$))",
    re.I,
)


def _span_ends(m: re.Match) -> str:
    return _SPAN_ENDS[_SPAN_KIND[(m[1] or m[2]).lower()]]


def expand(segment: str) -> str:
    """The list with each paired or shared-scale item written out as one item per field."""
    segment = SPAN_DATES.sub(_span_ends, segment)
    segment = DATE_RANGE.sub("start date, end date", segment)
    segment = DATE_TIME_OF.sub(lambda m: f"{_one(m[1])} {m[2]} {m[3]}, time {m[2]} {m[3]}", segment)
    segment = PAIR.sub(lambda m: f"{m[1]} {_one(m[3])}, {m[2]} {_one(m[3])}", segment)
    segment = BARE_PAIR.sub(r"\1 date, \2 date", segment)
    segment = SHARED_SCALE.sub(_each_rated, re.sub(r"(?<=\S)\s{2,}(?=\S)", " ", segment))
    return ITEM_SCALE.sub(_item_scaled, segment)


def _one(noun: str) -> str:
    return noun[:-1] if noun.lower().endswith("s") else noun


# the articles before an aspect, also those a description in es/fr/de/pt keeps
_ASPECT_ARTICLE = re.compile(
    r"^(?:the|your|our|la|el|los|las|le|les|l'|der|die|das|den|o|a|os|as)\s*(?<=\s|')", re.I
)


def aspect_of(text: str) -> str:
    """ "la organización" → "organización", "l'accueil" → "accueil"."""
    return _ASPECT_ARTICLE.sub("", text.strip())


def _each_rated(m: re.Match) -> str:
    scale = _bracketed(m[2])
    aspects = [a.strip() for a in re.split(r",\s*(?:and\s+)?|\s+and\s+", m[1]) if a.strip()]
    aspects = [aspect_of(a) for a in aspects]
    return ", ".join(f"{a} rating {scale}" for a in aspects)


# Spanish, French and Portuguese put the noun first: "hora de inicio y de fin" → "hora de
# inicio, hora de fin"; "dates d'arrivée et de départ" → "date d'arrivée, date de départ".
ROMANCE_PAIR = re.compile(
    r"\b(hora|horas|fecha|fechas|d[ií]a|heure|heures|date|dates|jour|data|datas|hor[aá]rio)s?\s+"
    r"(de|d'|del)\s*([\w\u00C0-\u00ff-]+)\s+(y|e|et)\s+(de|d'|del)\s*([\w\u00C0-\u00ff-]+)",
    re.I,
)
_SINGULAR = {
    "horas": "hora",
    "fechas": "fecha",
    "heures": "heure",
    "dates": "date",
    "datas": "data",
}


# "fecha y hora del accidente", "date et heure de livraison", "data e hora do sinistro"
ROMANCE_DATE_TIME = re.compile(
    r"\b(fecha|d[ií]a|date|jour|data|dia)\s+(?:y|et|e)\s+(hora|heure|horário|horario)\s+"
    r"((?:de la|de l'|del|de|du|des|d'|da|do|das|dos)\s*[^,;.()?]+?)(?=\s*(?:[,;.()?]|$))",
    re.I,
)
# "Datum und Uhrzeit des Schadens", "Tag und Uhrzeit der Lieferung"
GERMAN_DATE_TIME = re.compile(
    r"\b(Datum|Tag)\s+und\s+(Uhrzeit|Zeit)\s+((?:des|der|vom|von)\s+[^,;.()?]+?)(?=\s*(?:[,;.()?]|$))",
    re.I,
)


# "fechas del viaje", "dates du séjour", "datas da viagem": a span's two ends
ROMANCE_SPAN = re.compile(
    r"\b(fechas|dates|datas)\s+(?:del|de la|de las|de los|du|de l'|des|de|da|do|das|dos)\s*"
    r"(viajes?|vacaciones|estancia|estad[ií]a|reserva|alquiler|voyages?|vacances|s[ée]jour|"
    r"r[ée]servation|location|viagem|viagens|f[ée]rias|estadia|estada|aluguer|aluguel)\b(?!\s*\()",
    re.I,
)
_ROMANCE_ENDS = {
    "fechas": {
        "trip": "fecha de ida, fecha de vuelta",
        "stay": "fecha de llegada, fecha de salida",
        "hire": "fecha de inicio, fecha de fin",
    },
    "dates": {
        "trip": "date de départ, date de retour",
        "stay": "date d'arrivée, date de départ",
        "hire": "date de début, date de fin",
    },
    "datas": {
        "trip": "data de ida, data de regresso",
        "stay": "data de chegada, data de saída",
        "hire": "data de início, data de fim",
    },
}


def _romance_span(m: re.Match) -> str:
    what = m[2].lower()
    kind = (
        "hire"
        if what.startswith(("alquiler", "location", "aluguer", "aluguel"))
        else "stay"
        if what.startswith(("estan", "estad", "reserv", "r\u00e9serv", "s\u00e9jour", "sejour"))
        else "trip"
    )
    ends = _ROMANCE_ENDS[m[1].lower()][kind]
    return ends[:1].upper() + ends[1:] if m[1][:1].isupper() else ends


def romance_pairs(text: str) -> str:
    text = ROMANCE_SPAN.sub(_romance_span, text)
    text = ROMANCE_DATE_TIME.sub(lambda m: f"{m[1]} {m[3]}, {m[2]} {m[3]}", text)

    def both(m: re.Match) -> str:
        noun = _SINGULAR.get(m[1].lower(), m[1])
        noun = noun[:1].upper() + noun[1:] if m[1][:1].isupper() else noun
        first = f"{noun} {m[2]}{'' if m[2].endswith(chr(39)) else ' '}{m[3]}"
        second = f"{noun} {m[5]}{'' if m[5].endswith(chr(39)) else ' '}{m[6]}"
        return f"{first}, {second}"

    return ROMANCE_PAIR.sub(both, text)


# German shares the second half of a compound: "An- und Abreisedatum" → "Anreisedatum,
# Abreisedatum"; "Start- und Endzeit" → "Startzeit, Endzeit".
GERMAN_PAIR = re.compile(
    r"\b([A-ZÄÖÜa-zäöüß]+)- und ([A-ZÄÖÜa-zäöüß]*?)(datum|daten|zeit|zeiten|uhrzeit|termin|tag|"
    r"adresse|ort)\b"
)
_PREFIXES = (
    "zurück",
    "rück",
    "auf",
    "aus",
    "ein",
    "hin",
    "vor",
    "nach",
    "mit",
    "weg",
    "ab",
    "an",
    "zu",
)


# "Reisedaten", "Reisezeitraum", "Aufenthaltszeitraum", "Mietzeitraum": the span's two ends
GERMAN_SPAN = {
    re.compile(r"\bReise(?:daten|zeitraum|termine)\b"): "Hinreisedatum, Rückreisedatum",
    re.compile(r"\bAufenthalts(?:daten|zeitraum)\b|\bZeitraum des Aufenthalts\b"): (
        "Anreisedatum, Abreisedatum"
    ),
    re.compile(r"\bMiet(?:zeitraum|daten|dauer von bis)\b"): "Mietbeginn, Mietende",
}


def german_pairs(text: str) -> str:
    for pattern, ends in GERMAN_SPAN.items():
        text = pattern.sub(ends, text)
    text = GERMAN_DATE_TIME.sub(lambda m: f"{m[1]} {m[3]}, {m[2]} {m[3]}", text)

    def both(m: re.Match) -> str:
        first, second, head = m[1], m[2], m[3]
        rest = ""
        if first.lower() in _PREFIXES:  # "An-" … "Abreise": the shared part follows the prefix
            prefix = next((p for p in _PREFIXES if second.lower().startswith(p)), "")
            rest = second[len(prefix) :]
        return f"{first}{rest}{head}, {second}{head}"

    return GERMAN_PAIR.sub(both, text)
