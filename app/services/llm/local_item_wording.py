"""Each item gets the type its whole wording asks for, and keeps that wording (issue 20,
round 21c).

The item reader types a phrase by the words in it, and some of those words belong to a
concept of its own ("budget", "expenses"); the clause reader shortens a question to its
noun. Read whole, the marketer's item says more:

- ``worded_item`` (called by ``local_extract._item`` on each raw item):
  - a recommending question given its own scale ("would you recommend us as a landlord
    (0-10)", "how likely are you to suggest our gym to a friend (1-5)", "wie wahrscheinlich
    empfehlen Sie unser Fitnessstudio weiter (0-10)") is that question on that scale: its
    subject and its range stay, and it stays where it was listed;
  - "which branch you go to most (A, B, C)" asks "Which branch do you go to most?", not
    "Branch";
  - "is there damp in the walls right now?", "y a-t-il de l'humidité … ?" asks that yes/no
    question whole, not "Damp in the walls right now?".
- ``typed_as_worded`` (called by ``local_forms.build_form`` on the drafted fields):
  - a how/why/what-do question is answered in words whatever noun it holds ("what does your
    budget look like right now"), unless it asks how many or how much;
  - a count of people ("expected headcount", "anticipated attendance", "asistencia
    prevista", "número previsto de convidados") is a number;
  - a plain "NPS" or "net promoter score" item is the stock question, in its place;
  - an amount of countable things said with needed / required / wanted ("nights wanted",
    "copies required", "noches deseadas", "couverts souhaités", "benötigte Stunden",
    "lugares pretendidos") is a number, not a yes/no (round 22b; ``worded_item`` drops the
    Yes/No the item reader gave "nights wanted"); "parking needed?", "interpreter required"
    stay yes/no;
  - "number attending", "how many coming": a count of people said with a participle is a
    number (round 22b); so are a hall's "expected numbers" (round 40b);
  - "what did you see or hear", "what did you do", "what did you witness": an account of
    what happened, answered at length (round 40b).
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_dated_answers import offered_dates, rates_are_numbers
from app.services.llm.local_translate import phrase

# ---------------------------------------------------------------------------------------
# items

# recommending, in the languages the engine reads (some words left untranslated)
_RECOMMEND = re.compile(
    r"\b(?:recommend|suggest|refer|recomend|recommand|empfehl|weiterempfehl|indicar|indicaria)\w*|"
    r"\btell\s+(?:a\s+|your\s+)?(?:friends?|others|people|colleagues?)\b",  # "tell a friend about"
    re.I,
)
# the scale said at the end of the item: "(0-10)", "0 to 10", ", 1-5"
_END_SCALE = re.compile(
    r"[\s,:-]*\(?\s*(?:from\s+|de\s+|von\s+)?(?P<lo>\d{1,2})\s*(?:-|–|to|a|à|bis|até|al)\s*"
    r"(?P<hi>\d{1,2})\s*\)?\s*[?.]?\s*$",
    re.I,
)
# a question's opening: how likely, would you, wie wahrscheinlich, ¿nos recomendaría …
_ASKS = re.compile(
    r"^\s*¿|^(?:how|would|will|could|wie|qual|quelle|quel|comment|c[oó]mo|cu[aá]l|what|which|"
    r"nos|nous|uns|do you|are you)\b|\b(?:likely|wahrscheinlich|probab\w*)\b",
    re.I,
)
_WHICH_YOU = re.compile(
    r"^which\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?P<who>you|they)(?P<d>'d)?\s+"
    r"(?:(?P<modal>would|will|could|can|should|might)\s+)?"
    r"(?P<rest>(?!do\b|did\b|does\b|are\b|were\b|have\b|had\b)[a-z][\w'-]*(?:\s+[\w'-]+){0,6}?)"
    r"\s*(?:\(|\?|$)",
    re.I,
)
# what an open question asks about ("is there anything else …")
_ANYTHING = re.compile(r"(?:anything|something|quelque chose|algo|etwas|alguma coisa)\b", re.I)
# how much or how many, in a language the reader leaves untranslated
_AMOUNT_ASKED = re.compile(r"^\s*¿?\s*(?:cu[aá]nt[oa]s?|quant[oa]s?|combien|wie viele?)\b", re.I)
_THERE_IS = re.compile(
    r"^\s*¿?\s*(?P<q>(?:is|are|was|were) there\b|y a-t-il\b|hay\b|gibt es\b|há\s(?!quanto))"
    r"(?P<rest>[^()?]{3,90}?)\s*\??\s*$",
    re.I,
)


def worded_item(raw: str, item: dict | None) -> dict | None:
    """The item as its whole wording asks it (``item`` is the item reader's; see the module)."""
    said = re.sub(r"\s+", " ", re.sub(r"^\s*(?:and|or|also|plus)\s+", "", raw.strip(), flags=re.I))
    scaled = _own_scale(said, item)
    if scaled:
        return scaled
    if item is None or "fields" in item:
        return _there_is(said, item) if item is None else item
    if offered_dates(item.get("options")):  # "fecha (12 de mayo, 19 de mayo)": a choice
        item = {**item, "clause": True}
    about = _QUESTION_ABOUT.match(said)
    if about and not item.get("options") and item["phrase"] == about["thing"].lower():
        # "question about your invoice": the question, in words, not the invoice itself
        return {**item, "phrase": said.lower(), "label": said[:1].upper() + said[1:]}
    if not item.get("options") and units_wanted(said) and not _COUNTED.search(item["phrase"]):
        # "places required": the places wanted, not a required field named "Places"
        return {**item, "label": said[:1].upper() + said[1:]}
    if item.get("options") == ["Yes", "No"] and units_wanted(said):
        # "nights wanted", "volunteers needed": how many, not whether (a "?" asks whether)
        return {**item, "options": [], "clause": False, "label": said[:1].upper() + said[1:]}
    if item.get("options") == ["Yes", "No"] and _AMOUNT_ASKED.match(said):
        # "¿cuánto gasta al mes en comida?": asked how much, answered with a number
        return {**item, "options": [], "clause": False, "label": _asked_label(said)}
    which = _WHICH_YOU.match(said)
    if which and item.get("options") and not (item.get("label") or "").lower().startswith("which"):
        return {**item, "label": _which_label(which)}
    return _there_is(said, item) or item


def _asked_label(said: str) -> str:
    question = re.sub(r"\s+", " ", said).strip(" ?¿")
    return (question[:1].upper() + question[1:] + "?")[:200]


def _own_scale(said: str, item: dict | None) -> dict | None:
    """ "would you recommend us as a landlord (0-10)": the question, on its own scale."""
    if item and (item.get("scale") or "fields" in item):
        return None  # "how likely are you to recommend the workshop (0-10)": read already
    scale = _END_SCALE.search(said)
    verb = _RECOMMEND.search(said[: scale.start()]) if scale else None
    if not verb or _PLAIN_RECOMMEND.fullmatch(said[verb.end() : scale.start()].strip(" ,?")):
        return None  # "likely to recommend us 0-10": the stock NPS question
    question = re.sub(r"\s+", " ", said[: scale.start()]).strip(" ,:;?¿")
    lo, hi = int(scale["lo"]), int(scale["hi"])
    if not _ASKS.search(said) or not 0 <= lo < hi <= 10 or len(question.split()) > 16:
        return None
    required = bool(item and item.get("required"))
    return {
        "phrase": question.lower(),
        "label": (question[:1].upper() + question[1:] + "?")[:200],
        "options": [],
        "required": required,
        "optional": not required and bool(item and item.get("optional")),
        "hint": "",
        "scale": f"({lo}-{hi})",
    }


# recommending "us", to anyone: nothing of the marketer's own to keep
_PLAIN_RECOMMEND = re.compile(
    r"(?:us|it|this)?\s*(?:to (?:a |your )?(?:friends?|colleagues?|others|anyone|someone)"
    r"(?: or (?:a )?(?:friends?|colleagues?))?)?",
    re.I,
)


def _which_label(m: re.Match) -> str:
    modal = m["modal"] or ("would" if m["d"] else "do")  # "which day you'd like"
    return f"Which {m['noun']} {modal.lower()} you {m['rest'].strip()}?"[:200]


def _there_is(said: str, item: dict | None) -> dict | None:
    """ "is there damp in the walls right now?": asked whole, answered yes or no."""
    m = _THERE_IS.match(said)
    if not m or (item is not None and item.get("options") != ["Yes", "No"]):
        return None
    if item is not None and re.search(r"\bthere\b", item.get("label") or "", re.I):
        return None
    question = re.sub(r"\s+", " ", said.strip(" ?¿")).strip()
    # "is there anything else we should know": said in words, not yes or no
    open_ended = _ANYTHING.match(m["rest"].strip()) is not None
    spaced = " ?" if re.match(r"y a-t-il", question, re.I) else "?"
    opening = "¿" if said.lstrip().startswith("¿") else ""
    words = re.findall(r"[\w'-]+", m["rest"].lower())
    return {
        **(item or {"required": False, "optional": False, "hint": ""}),
        "phrase": " ".join(w for w in words if len(w) > 3)[:60] or question.lower(),
        "label": (opening + question[:1].upper() + question[1:] + spaced)[:200],
        "options": [] if open_ended else ["Yes", "No"],
        "clause": not open_ended,
    }


# ---------------------------------------------------------------------------------------
# fields

# a question answered in words: how, why, what do you …
_OPEN_QUESTION = re.compile(
    r"^¿?\s*(?:how|why|c[oó]mo|comment|wie|por ?qu[eé]|pourquoi|warum)\b"
    r"(?!\s+(?:many|much|old|long|far|big|large|often|soon|likely|satisfied|happy|would you rate)\b)"
    r"(?!\s+(?:viel|lange|oft|alt|gro[ßs])\b)|"
    r"^what\s+(?:do|does|did)\s+(?!.*\b(?:spend|pay|paid|cost|charge|earn|budget for)\b)",
    re.I,
)
# a count of people
_PEOPLE = re.compile(
    # "expected numbers", "approx numbers attending": a hall's or a caterer's word for heads
    r"\b(?:attendance|attendees|headcount|head count|guests|participants|delegates|people|numbers|"
    r"asistencia|asistentes|invitados|participantes|convidados|pessoas|personas|personnes|"
    r"invit[ée]s|teilnehmer(?:zahl)?|g[äa]ste|besucherzahl)\b|\bteilnehmerzahl\b",
    re.I,
)
# said as an expected count
_EXPECTED = re.compile(
    r"\b(?:expected|estimated|anticipated|approximate|approx|likely|projected|planned|"
    r"previst[oa]s?|estimad[oa]s?|esperad[oa]s?|pr[ée]vus?|attendus?|estim[ée]s?|erwartete?n?|"
    r"gesch[äa]tzte?n?|n[uú]mero|nombre|anzahl|number)\b|^(?:attendance|headcount|asistencia)\b",
    re.I,
)
# what a people word names when the count is not asked
_NOT_A_COUNT = re.compile(
    r"\b(?:names?|list|details|needs|requirements?|dietary|access|emails?|phones?|types?|ages?|"
    r"who|which|what|nombres?|noms?|nomes?|liste|lista|besoins|necesidades)\b",
    re.I,
)
# "names of guests attending": the names, whatever they count
_NAMES_OF = re.compile(r"^(?:names?|nombres|noms|namen|nomes|list)\s+(?:of|de|des|der|du)\b", re.I)
# "number attending", "number of people coming", "total travelling": a count by a participle
_COUNT_GOING = re.compile(
    r"^(?:the |total )?(?:number|no\.?|total|nombre|n[uú]mero|anzahl)(?: (?:of|de|der) [\w-]+)?\s+"
    r"(?:attending|coming|going|travell?ing|joining|taking part|present|pr[ée]sents?|presentes?|"
    r"anwesend|asistentes)$",
    re.I,
)
_PLAIN_NPS = re.compile(r"(?:an? )?(?:nps|net promoter(?: score)?|nps score)", re.I)
# what the person saw, heard or did, told as it happened: a story, in a box with room for it
_WITNESSED = re.compile(
    r"^what (?:did|have|had) (?:you|they|he|she|the \w+) (?:see|hear|notice|observe|witness|"
    r"do|say|experience|find)\b",
    re.I,
)


def typed_as_worded(fields: list) -> None:
    """Each drafted field typed as its whole label asks (in place; see the module)."""
    kept = None
    for i, f in enumerate(fields):
        label = (f.get("label") or "").strip()
        words = f["type"] == "number" and f.get("max") is None
        if words and (_OPEN_QUESTION.match(label) or _NAMES_OF.match(label)):
            f.update(type="text", min=None, max=None, max_length=300, help="")
        elif f["type"] == "text" and not f.get("options") and _AMOUNT_ASKED.match(label):
            f.update(type="number", min=0, max=None, max_length=None)
        elif f["type"] == "text" and not f.get("options") and _counts_people(label):
            f.update(type="number", min=0, max=None, max_length=None)
        elif f["type"] == "text" and not f.get("options") and units_wanted(label):
            f.update(type="number", min=0, max=None, max_length=None)
        elif f["type"] == "text" and not f.get("options") and _WITNESSED.match(label):
            f.update(type="textarea", max_length=5000)
        elif f["type"] == "text" and _PLAIN_NPS.fullmatch(label):
            stock = catalog.field("nps")
            fields[i] = {**stock, **{k: v for k, v in f.items() if k.startswith("_")}}
            kept = fields[i]
    rates_are_numbers(fields)  # "cups per day roughly": a number (round 23a)
    if kept is not None:  # the engine's own NPS question beside it: one, where it was listed
        fields[:] = [o for o in fields if o is kept or o["name"] != "nps"]


def _counts_people(label: str) -> bool:
    if _COUNT_GOING.match(label.strip(" ?")):
        return True  # "number attending", "no. of people coming", "nombre de présents"
    return bool(
        _PEOPLE.search(label)
        and _EXPECTED.search(label)
        and not _NOT_A_COUNT.search(label)
        and len(label.split()) <= 7
    )


def stock_nps_said(fields: list, lang: str) -> None:
    """The stock NPS question read from a plain "NPS" item, in the form's language (the
    translation would give it back the item's word, "NPS")."""
    for f in fields:
        if f["name"] == "nps" and _PLAIN_NPS.fullmatch((f.get("label") or "").strip()):
            f["label"] = phrase(catalog.field("nps")["label"], lang) or f["label"]


# countable things one asks an amount of, in the five languages ("days needed", "jours
# souhaités", "gewünschte Tage" are which days, not how many: no days, weeks or months)
_UNITS = (
    r"hours|nights|sessions|lessons|classes|visits|copies|prints|tickets|seats|"
    r"places|spaces|rooms|beds|tables|chairs|covers|portions|meals|volunteers|helpers|staff|"
    r"workers|stewards|marshals|units|pieces|boxes|bags|pallets|skips|vehicles|vans|licen[cs]es|"
    r"users|pitches|plots|lockers|bikes|passes|"
    r"noches|horas|sesiones|clases|copias|entradas|plazas|habitaciones|"
    r"camas|mesas|cubiertos|raciones|voluntarios|unidades|personas|"
    r"nuits|heures|s[ée]ances|cours|exemplaires|billets|places|chambres|"
    r"lits|couverts|repas|b[ée]n[ée]voles|unit[ée]s|personnes|"
    r"stunden|n[äa]chte|kopien|exemplare|tickets|karten|pl[äa]tze|"
    r"zimmer|betten|tische|helfer|einheiten|personen|"
    r"noites|sess[õo]es|aulas|c[óo]pias|bilhetes|lugares|quartos|volunt[áa]rios|pessoas"
)
_WANTED = (
    r"needed|required|wanted|requested|desired|"
    r"deseadas?|deseados|necesari[oa]s|requerid[oa]s|solicitad[oa]s|"
    r"souhait[ée]e?s|n[ée]cessaires|demand[ée]e?s|requis(?:es)?|voulu(?:e)?s|"
    r"pretendid[oa]s|desejad[oa]s|necess[áa]ri[oa]s|solicitad[oa]s"
)
_PER = r"(?:\s+(?:per|a|each|por|par|pro|je|ao|à la|al)\s+\w+)?"
_UNITS_WANTED = re.compile(
    rf"^(?:(?:the |total |no\.? of |number of |nombre d['e] ?|n[uú]mero de |anzahl (?:der )?)?"
    rf"(?:extra |additional |more |\w+ )?(?:{_UNITS})(?: of [\w-]+(?: [\w-]+)?)? (?:{_WANTED}){_PER}|"
    rf"(?:anzahl )?(?:ben[öo]tigte|gew[üu]nschte|erforderliche)[nr]? (?:{_UNITS}){_PER})$",
    re.I,
)


_QUESTION_ABOUT = re.compile(
    r"^(?:a |any |your )?(?:questions?|quer(?:y|ies)) (?:about|on|regarding) (?:your |the |an? )?"
    r"(?P<thing>[\w-]+)$",
    re.I,
)
_COUNTED = re.compile(r"\b(?:number|no\.|n[uú]mero|nombre|anzahl|how many)\b", re.I)


def units_wanted(said: str) -> bool:
    """ "nights wanted", "copies required", "benötigte Stunden pro Woche": an amount of
    countable things asked for, not whether they are (a question mark asks whether)."""
    return "?" not in said and bool(_UNITS_WANTED.match(said.strip()))
