"""How an item's answer looks, read from its wording (round 33c, issue 20).

The item readers pick a field type from the item's head word; the wording around it says more:

- several may be picked when what is picked is a plural noun followed by what happens to it:
  "items being returned (laptop, phone, badge)", "items to be collected (sofa, fridge)",
  "products sold (food, crafts)", "days care is needed (Mon-Fri, weekends)", "gewünschte
  Wochen (Woche 1, Woche 2)", "artículos a devolver (…)": a multiselect. Counts ("(1, 2,
  3+)"), yes/no and a "both" answer keep the single choice (``pick_several``);
- wishes, special requests, remarks, comments and notes, with their qualifiers ("any special
  requests", "Sonderwünsche", "demandes particulières", "observaciones", "observações",
  "extra requests"), are written in a box, not on one line (``wishes_as_text``);
- a question asking for an explanation or an opinion ("what do we do well", "¿qué podríamos
  mejorar?", "was hat Ihnen gefallen") is written in a box too (``local_open_answers``);
- dates in the plural or a span ("dates de disponibilité", "dates you're available",
  "exhibition dates", "Zeitraum") are no single date picker: one line of text;
- a span said with its start and end ("período da campanha (data início e fim)", "fechas del
  alquiler (inicio y fin)", "campaign dates (start and end)") is two dates, start and end.

``answer_types`` runs on the draft's fields once they are labelled in the marketer's language.
"""

from __future__ import annotations

import re

from app.services.llm.local_open_answers import asked_open, open_answer

# ------------------------------------------------------------------ several picked
# "items being returned", "items to be collected", "days care is needed", "products sold"
_TAIL = re.compile(
    r"^(?:being|to|that|which|you|we|they|do|does|did|will|would|can|could|should|[a-z]+ed|[a-z]{3,}ing|sold|taken|brought|given|done|kept|lent|held|"
    r"worn|bought|sent|seen|left|made|lost|broken|stolen|a|à|que|[a-zç]+(?:ados|idos|adas|idas|"
    r"é(?:e)?s))\b|\b(?:is|are|being)\b",
    re.I,
)
_PLURAL_HEAD = re.compile(r"[^\W\d_]{3,}(?<![siu]s)s", re.I)
_NOT_PLURAL = re.compile(
    r"^(?:news|series|species|status|business|address|access|always|perhaps|means|its|this|"
    r"was|has|does|les|des|los|las|sus|mes|vos|nos|dias|yes|plus|bus|gas|hours)$",
    re.I,
)
# "gewünschte Wochen", "bevorzugte Farben": a wished-for thing in the German plural
_GERMAN_PLURAL = re.compile(
    r"^(?:gew[üu]nschte|bevorzugte|gew[äa]hlte|ben[öo]tigte|gebuchte|ausgew[äa]hlte)\s+"
    r"[^\W\d_]{2,}en$",
    re.I,
)
_ONE_ANSWER = re.compile(
    r"^(?:both|either|all|ambos|ambas|les deux|beide|os dois|as duas)$|^\d+\s*(?:[-–]\s*\d+)?\s*\+?$",
    re.I,
)
_YES_NO = {"yes", "no", "not sure", "maybe", "sí", "si", "oui", "non", "ja", "nein", "sim", "não"}


def pick_several(label: str, options: list) -> bool:
    """True when the choice ``label`` names a plural thing picked (see the module)."""
    answers = [str(o).strip() for o in options or []]
    if len(answers) < 2 or {a.lower() for a in answers} <= _YES_NO:
        return False
    if any(_ONE_ANSWER.match(a) for a in answers):
        return False  # "(1, 2, 3+)", "(Saturday, Sunday, both)": one answer
    words = re.sub(r"[?:]", "", label).strip().split()
    if words and words[0].lower() in ("which", "what"):  # "which tools do you use today"
        words = words[1:]
    if _GERMAN_PLURAL.match(" ".join(words)):
        return True
    if len(words) < 2 or not _PLURAL_HEAD.fullmatch(words[0]) or _NOT_PLURAL.match(words[0]):
        return False
    return _TAIL.search(" ".join(words[1:])) is not None and not _TAIL.fullmatch(words[0])


# ------------------------------------------------------------------ wishes are free text
_QUALIFIER = (
    r"(?:any|other|extra|additional|special|particular|further|your|otr[oa]s|especiales|"
    r"particulares|adicionales|autres?|particuli[èe]res|sp[ée]ciales|[ée]ventuelles|besondere|"
    r"weitere|sonstige|outr[oa]s|especiais|adicionais|eventuais)"
)
_WISH = (
    r"(?:wishes|remarks?|comments?|notes?|requirements|peticiones|solicitudes|deseos|"
    r"comentarios|observaciones|souhaits|remarques|commentaires|observations|"
    r"pr[ée]cisions|w[üu]nsche|sonderw[üu]nsche|anmerkungen|bemerkungen|kommentare|hinweise|"
    r"desejos|coment[áa]rios|observa[çc][õo]es)"
)
# "pedidos" (orders) and "notas" (marks) are wishes only when qualified: "pedidos especiais"
_QUALIFIED = r"(?:pedidos|notas|requests?|demandes)"
_WISHES = re.compile(
    rf"^(?:{_QUALIFIER}\s+)*{_WISH}(?:\s+{_QUALIFIER})*$|^anything else\b.*$|"
    rf"^(?:{_QUALIFIER}\s+)+{_QUALIFIED}|^{_QUALIFIED}(?:\s+{_QUALIFIER})+$",
    re.I,
)


def _as_box(field: dict) -> None:
    field.update(type="textarea", max_length=5000, min=None, max=None)


# ------------------------------------------------------------------ dates in the plural
_DATES = re.compile(
    r"\b(?:dates|fechas|datas|daten|termine|availability|disponibilit[ée]s?|disponibilidad(?:es)?|"
    r"disponibilidades?|verf[üu]gbarkeit|zeitraum|period|p[ée]riode|per[ií]odo)\b",
    re.I,
)


# "availability date", "rental period end date": one date said in the singular
_ONE_DATE = re.compile(
    r"\b(?:date|fecha|data|datum|start|end|fin|inicio|in[ií]cio|d[ée]but)\b", re.I
)


def _as_line(field: dict) -> None:
    field.update(type="text", max_length=300, min=None, max=None)


# ------------------------------------------------------------------ a start and an end
_SPAN = re.compile(
    r"(?P<what>[^,;:()\n]+?)\s*\(\s*(?:(?:data|fecha|date|datum|dates|fechas|datas)\s+(?:de\s+)?)?"
    r"(?:start|begin|from|in[ií]cio|inicio|comienzo|d[ée]but|beginn|anfang)\s*"
    r"(?:and|&|e|y|et|und|/|-|–)\s*(?:end|finish|fim|fin|t[ée]rmino|final|ende)\s*\)",
    re.I,
)
_START_END = {
    None: ("Start date", "End date"),
    "es": ("Fecha de inicio", "Fecha de fin"),
    "fr": ("Date de début", "Date de fin"),
    "de": ("Startdatum", "Enddatum"),
    "pt": ("Data de início", "Data de fim"),
}


_DATE = {
    "type": "date",
    "options": [],
    "min": None,
    "max": None,
    "max_length": None,
    "placeholder": "",
}


# "dates from / to", "fechas desde / hasta", "Zeitraum von / bis": a label naming both ends
_FROM_TO = re.compile(
    r"\b(?:from|desde|du|von|de)\s*(?:/|-|–|and|&|y|et|und|e)?\s*(?:to|hasta|au|bis|at[ée])$", re.I
)


# "dates", "dates needed", "dates you're away", "Fechas": a stay or an absence, from one day
# to another (a course's or an exhibition's dates, or "dates and times", stay a line)
_BARE_DATES = re.compile(
    r"(?:dates|fechas|datas|daten)(?: (?:needed|away|off|you're away|you are away|of (?:your )?stay))?",
    re.I,
)


def _spans(fields: list[dict], original: str, lang: str | None) -> None:
    """ "período da campanha (data início e fim)": the span's field is a start and an end."""
    said = [m.group("what") for m in _SPAN.finditer(original)]
    if not re.search(r"\bdates?\s+(?:and|&)\s+times?\b", original, re.I):  # noise, each time
        said += [
            f["label"] for f in fields if f["type"] == "date" and _BARE_DATES.fullmatch(f["label"])
        ]
    said += [
        f["label"] for f in fields if f["type"] in ("text", "date") and _FROM_TO.search(f["label"])
    ]
    for what in said:
        what = what.strip().lower()
        at = next(
            (
                i
                for i, f in enumerate(fields)
                if f["type"] in ("text", "date", "number", "textarea")
                and (f.get("label") or "").strip().lower() in what
                and len((f.get("label") or "").strip()) >= 4
            ),
            None,
        )
        if at is None:
            continue
        names = {f["name"] for f in fields}
        starts, ends = _START_END.get(lang, _START_END[None])
        two = []
        for key, label in (("start_date", starts), ("end_date", ends)):
            name = key if key not in names else f"{fields[at]['name']}_{key.split('_')[0]}"
            two.append({**fields[at], **_DATE, "name": name, "label": label})
        fields[at : at + 1] = two


def answer_types(fields: list[dict], original: str, lang: str | None) -> None:
    """The draft's fields typed as their wording says (in place); see the module."""
    _spans(fields, original, lang)
    for f in fields:
        label = re.sub(r"\s+", " ", f.get("label") or "").strip(" ?¿:")
        if f["type"] == "select" and pick_several(label, f.get("options") or []):
            f["type"] = "multiselect"
            f.pop("placeholder", None)
        elif f["type"] == "text" and not f.get("options") and _WISHES.match(label):
            _as_box(f)
        elif f["type"] == "text" and not f.get("options") and open_answer(label):
            _as_box(f)  # "what do we do well", "¿qué podríamos mejorar?": in a box (round 35c)
            asked_open(f, lang)
        elif f["type"] == "date" and _DATES.search(label) and not _ONE_DATE.search(label):
            _as_line(f)
