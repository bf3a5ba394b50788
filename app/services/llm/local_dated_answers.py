"""Answers that are dates or clock times, and amounts said per day, week, month or year
(issue 20, round 23a).

- Dates given in brackets are the answers to choose from: "session (14 May, 21 May)",
  "Kursdatum (3. Juni, 17. Juni)", "fecha (12 de mayo, 19 de mayo)" is one choice of those
  dates, not a date picker (``offered_dates``, called by ``local_item_wording.worded_item``).
  A German ordinal date ("3. Juni") ends no sentence (``ORDINAL_DATE_AHEAD``, used by
  ``local_extract.SENTENCE``).
- Clock times given in brackets ("slot (18:00, 19:30)", "heure (10h, 14h)") stay the answers
  of a table booking's time (``clock_answers``, used by ``local_clock_time``).
- An amount said per day / a week / each month / a year, roughly ("cups per day roughly",
  "visitors a month", "séances par semaine environ", "Fahrten pro Woche", "livros por ano")
  is a number, never a date (``rates_are_numbers``, called by ``typed_as_worded``).
"""

from __future__ import annotations

import re

_MONTHS = (
    r"jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|f[ée]v(?:rier|ereiro)?|mar(?:ch|s|zo|ço|co)?|"
    r"m[äa]rz|apr(?:il)?|avr(?:il)?|abr(?:il)?|may|mai(?:o)?|mayo|june?|juni?|juin|junio|junho|"
    r"july?|juli|juil(?:let)?|julio|julho|aug(?:ust)?|ao[uû]t|agosto|sept?(?:ember|embre|iembre|embro)?|"
    r"setembro|oct(?:ober|obre|ubre)?|okt(?:ober)?|out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|"
    r"dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre)?|enero|ene"
)
# one date: "14 May", "May 14", "3. Juni", "12 de mayo", "1er avril", "12/05", "2027-05-12"
_DATE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?(?:"
    rf"\d{{1,2}}(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?(?:{_MONTHS})\.?(?:\s+(?:de\s+)?\d{{4}})?|"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.I,
)
# "3. Juni": a German date, no sentence's end (a look-ahead from after the ". ")
ORDINAL_DATE_AHEAD = (
    r"(?<=\b\d\.)(?=\s+(?:januar|februar|m[äa]rz|april|mai|juni|juli|august|september|"
    r"oktober|november|dezember)\b)|(?<=\b\d\d\.)(?=\s+(?:januar|februar|m[äa]rz|april|mai|"
    r"juni|juli|august|september|oktober|november|dezember)\b)"
)
# one clock time: "9:30", "18h", "16h30", "4pm", "9 Uhr", "10.30"
_CLOCK = re.compile(r"^\d{1,2}(?:[:.h]\d{2}|h|\s?(?:am|pm|a\.m\.|p\.m\.)|\s?uhr)$", re.I)


def offered_dates(options: list) -> bool:
    """Two or more answers, each a date."""
    return len(options or []) >= 2 and all(_DATE.match(o.strip()) for o in options)


def clock_answers(options: list) -> bool:
    """Answers given as clock times (a table's "18:00, 19:30"), not parts of the day."""
    return bool(options) and all(_CLOCK.match(o.strip()) for o in options)


_RATE = (
    r"(?:(?:per|a|an|each|every|por|al|par|pro|je|im|am|ao|à la|au|na)\s+"
    r"(?:day|week|month|year|d[íi]a|semana|mes|m[êe]s|a[ñn]o|ano|jour|semaine|mois|an|"
    r"tag|woche|monat|jahr)|(?:al|por|ao) date)"  # "al día" read as "al date"
)
_ROUGHLY = (
    r"roughly|approx(?:imately|\.)?|about|on average|estimated|aproximadamente|m[áa]s o menos|"
    r"en moyenne|environ|à peu près|ungef[äa]hr|etwa|ca\.?|circa|durchschnittlich|"
    r"em m[ée]dia|mais ou menos|aprox\.?"
)
_AMOUNT_PER = re.compile(
    rf"^(?:(?:{_ROUGHLY})\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+{_RATE}\s*(?:\(?(?:{_ROUGHLY})\)?)?\s*$",
    re.I,
)
# a when said per week ("preferred day each week", "best time per day"): a when, not an amount
_A_WHEN = re.compile(
    r"\b(?:preferred|which|what|when|best|favou?rite|date|time|day|fecha|hora|heure|datum|"
    r"uhrzeit|data|hor[áa]rio|jour|tag|d[íi]a|dia|pr[ée]f[ée]r[ée]e?|bevorzugte?r?)\s+(?=\S)",
    re.I,
)


def rates_are_numbers(fields: list) -> None:
    """ "cups per day roughly", "visitors a month": a number (in place; see the module)."""
    for f in fields:
        label = (f.get("label") or "").strip()
        if f["type"] not in ("text", "date") or f.get("options") or "?" in label:
            continue
        if _AMOUNT_PER.match(label) and not _A_WHEN.match(label):
            f.update(type="number", min=0, max=None, max_length=None)
