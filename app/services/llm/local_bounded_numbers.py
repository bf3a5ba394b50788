"""A number whose bounds are written into the item (issue 20, round 31a).

Marketers write the limits of a count next to what they ask: "number of players 2-6",
"child's age (5-12)", "guests, max 40", "how many people (up to 8)", "how many nights
(between 1 and 10)", "quantity (min. 10 units)", "Anzahl Personen (max. 12)", "número de
invitados (hasta 50)", "nombre de participants de 2 à 6", "quantas pessoas (máx. 10)". The
item is the question alone ("Number of players") and the field's min and max carry the
bounds; a one-sided bound ("up to 8", "at least 2") sets only that side. A unit after the
bounds ("2-6 players", "(1-6 Jahre)") stays out of the label, unless it is a time or a
measure the label does not name ("lesson length 1-3 hours" → "Lesson length (hours)").

``take_bounds`` reads the bounds out of the description before the items are split (so
"guests, max 40" is one item, "min. 10 units" no sentence end); ``bound_numbers`` sets them
on the field the item became, once the draft is built. Left as they were:

- ranges offered as choices: "company size (1-10, 11-50, 51-200)", "budget (under 1k, 1-5k)",
  an item followed by another number ("18-25, 26-40");
- dates and times: "July 7-11", "open 9-17", "9am-5pm", "Mon-Fri";
- words around the heading ("Kids camp, ages 5-12:") and a description of the audience
  ("ages 5-12 welcome"): the bound must end an item of the list;
- a rating's scale ("rate us 1-5"), money ("£1-5k") and phone numbers or postcodes;
- a field that is not a number or a free-text answer (a choice, a date, an email).
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm.local_answer_kinds import MEASURED
from app.services.llm.local_field_shapes import rated

_N = r"\d{1,6}"
_AND = r"(?:and|y|et|e|und)"
# "2-6", "2 to 6", "de 2 à 6", "von 2 bis 6", "between 1 and 10", "entre 1 y 10"
_RANGE = (
    rf"(?:(?:between|entre|zwischen)\s+(?P<lo>{_N})\s+{_AND}\s+(?P<hi>{_N})|"
    rf"(?:(?:from|de|von|desde|dès)\s+)?(?P<lo2>{_N})\s*(?:-|–|—|to|a|à|au|bis|até)\s*(?P<hi2>{_N}))"
)
_MAX = (
    r"up\s+to|no\s+more\s+than|max(?:imum)?\.?|m[aá]x(?:imo)?\.?|hasta|jusqu'?(?:à|a)|"
    r"bis\s+zu|h[öo]chstens|at[ée]|no\s+m[aá]ximo|au\s+plus"
)
_MIN = (
    r"at\s+least|min(?:imum)?\.?|m[ií]n(?:imo)?\.?|al\s+menos|au\s+moins|mindestens|"
    r"pelo\s+menos|no\s+m[ií]nimo|como\s+m[ií]nimo"
)
_ONE_SIDED = rf"(?:(?:{_MAX})\s*(?P<max>{_N})|(?:{_MIN})\s*(?P<min>{_N}))"
# a unit said after the bound: a plural noun or a unit ("players", "units", "hours", "años",
# "Jahre", "m²"); not "welcome" ("ages 5-12 welcome" describes who may come)
_UNIT = (
    r"(?P<unit>[^\W\d_]{2,}s|[^\W\d_]{3,}en|jahre|n[äa]chte|tage|st[üu]ck|teilnehmer|kinder|"
    r"g[äa]ste|pl[äa]tze|m²|m2|kg|km|ha)"
)
_END = r"(?![\d.,]\d)(?!\s*(?:k\b|%|€|£|\$|am\b|pm\b|h\b|:\d|[.:]\d))"
# "(5-12)", "(max. 12)", "2-6 players", "up to 8", "guests, max 40"
_BOUND = (
    rf"(?:(?P<open>\(\s*)|(?P<comma>,\s*))?(?:{_RANGE}|{_ONE_SIDED}){_END}"
    rf"(?:\s+{_UNIT})?(?(open)\s*\))"
)
_SEP = r"[:;,\n•·]"
# the item's words: from a separator (or a list's "and") up to the bound, no digits
_STEM = rf"(?:(?!\s{_AND}\s)(?:[^\W\d_]|[ '’\-/²]|(?<=[^\W\d_])\.(?=[^\W\d_])))"
BOUNDED = re.compile(  # not at the start: the heading says what the form is, not an item
    rf"(?P<pre>{_SEP}\s*|\.\s+|\s-\s+|\s{_AND}\s+)"
    rf"(?P<stem>[^\W\d_]{_STEM}{{0,60}}?)\s*(?P<bound>{_BOUND})"
    rf"(?=\s*(?:[,;\n•·]|\.(?:\s|$)|$|\s{_AND}\s))(?!\s*[,;]\s*\d)",
    re.I,
)
# an item that is the bound and its unit alone: "between 1 and 10 nights", "up to 8 people"
BARE = re.compile(
    rf"(?P<pre>^|{_SEP}\s*|\.\s+|\s-\s+|\s{_AND}\s+)"
    rf"(?P<bound>(?=between|from|up\s+to|at\s+least|max|min|no\s+more)"
    rf"(?:{_RANGE}|{_ONE_SIDED}){_END}\s+{_UNIT})"
    rf"(?=\s*(?:[,;\n•·]|\.(?:\s|$)|$|\s{_AND}\s))(?!\s*[,;]\s*\d)",
    re.I,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|"
    r"ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]rz|juni|juli|"
    r"oktober|dezember|janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|"
    r"dezembro"
)
# a date or a time, not a quantity: "July 7-11", "open 9-17", "Mon-Fri", "shifts 9 to 5"
_WHEN = re.compile(
    rf"\b(?:{_MONTHS}|open(?:ing)?|hours? of|from|daily|time|times|shift|shifts|between|"
    r"horario|abierto|ouvert|horaires|ge[öo]ffnet|[öo]ffnungszeiten|aberto|hor[aá]rio|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|weekdays?|weekends?|year|years|grade|class|room|rooms?|floor|flat|unit|"
    r"page|pages|step|steps|level|levels|phase|season|chapter)\s*$",
    re.I,
)
# not a number asked: a condition ("if the pledge is at least 1000"), a choice's limit ("pick
# up to 2"), files ("up to 3 pictures") or the length of a text ("max 1000 words")
_NOT_ASKED = re.compile(
    r"\b(?:if|when|unless|whether|is|are|was|si|wenn|falls|se|cuando|quand|quando|ist|est|es|"
    r"pick|choose|select|tick|elige|elija|escoja|choisissez|choisir|w[äa]hlen|escolha|escolher)\b",
    re.I,
)
_NOT_UNIT = re.compile(
    r"^(?:words?|characters?|chars|palabras|caracteres|mots|caract[eè]res|w[öo]rter|zeichen|"
    r"palavras|pages|p[aá]ginas|seiten|photos?|pictures?|images?|files?|documents?|fotos|"
    r"im[aá]genes|archivos|fichiers|bilder|dateien|arquivos|imagens|choices|options|opciones)$",
    re.I,
)
# a count said in the item: "number of", "how many", "Anzahl", an age, a size, a length
_COUNT = re.compile(
    r"\b(?:number|how many|nombre|n[uú]mero|anzahl|wie viele|combien|cu[aá]nt[oa]s|quant[oa]s|"
    r"quantity|cantidad|quantit[ée]|quantidade|menge|age|edad|[âa]ge|alter|idade|size|length|"
    r"duration|tama[ñn]o|taille|gr[öo][ßs]e|tamanho|dur[ée]e|duraci[oó]n|dauer|dura[cç][aã]o)\b",
    re.I,
)
_MONEY = re.compile(r"[€£$]|\b(?:budget|price|cost|salary|fee|presupuesto|prix|preis)\b", re.I)
# a unit the label would lose its meaning without: a time or a measure ("(hours)")
_TIME_UNIT = re.compile(
    r"^(?:minutes?|mins|hours?|hrs|days?|nights?|weeks?|months?|minutos|horas|d[ií]as|noches|"
    r"semanas|meses|heures|jours|nuits|semaines|mois|minuten|stunden|tage|n[äa]chte|wochen|"
    r"monate|noites|dias)$",
    re.I,
)
# what is counted, named alone: "nights (1-14)", "Gäste (max. 6)", "noches (1-14)"
_COUNTED = re.compile(
    r"(?:guests|people|persons|adults|children|kids|participants|attendees|players|tickets|"
    r"seats|rooms|nights|days|weeks|hours|g[äa]ste|personen|teilnehmer|kinder|erwachsene|"
    r"n[äa]chte|tage|hu[ée]spedes|personas|invitados|adultos|ni[ñn]os|noches|d[ií]as|"
    r"personnes|invit[ée]s|adultes|enfants|nuits|jours|pessoas|convidados|crian[çc]as|noites|"
    r"h[óo]spedes|participantes)",
    re.I,
)
_AGE = re.compile(r"\b(?:age|ages|aged|edad|[âa]ge|alter|idade)\b", re.I)
# words that say nothing of what is counted: left out when the stem is matched to a label
_FILLER = frozenset(
    "of de des du d l the a an your their our number nombre numero anzahl how many much "
    "cuantos cuantas cuantas combien wie viele quantos quantas la le el los las les o os as "
    "do da dos das der die das per por par pro des total approx approximate".split()
)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    words = set(re.findall(r"[a-z]+", _plain(text)))
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words} - _FILLER


# an age and who may answer: "age (must be 18+)", "age (18 or over)", "Alter (ab 16)"
_OLDER = re.compile(
    rf"(?P<pre>{_SEP}\s*|\s-\s+)(?P<stem>(?:your\s+)?(?:age|edad|[âa]ge|alter|idade|et[àa]|leeftijd))\s*"
    r"\(\s*(?P<from>must be\s+|aged\s+|at least\s+|ab\s+|d[èe]s\s+|desde\s+|a partir de\s+)?(?P<n>\d{1,2})\s*"
    r"(?P<up>\+|or (?:over|older|above)|and (?:over|older|up)|y m[áa]s|ou plus|und [äa]lter|ou mais|o pi[ùu])?\s*"
    r"(?:only|years?(?: old)?)?\s*\)",
    re.I,
)


def take_bounds(text: str) -> tuple[str, list[dict]]:
    """The description with the bounds read out of its items, and the bounds read."""
    found = []

    def read(m: re.Match) -> str:
        stem = m["stem"].strip()
        if (
            not _words(stem)
            or len(stem.split()) > 6
            or _WHEN.search(stem)
            or _MONEY.search(stem)
            or rated(stem)
        ):
            return m[0]
        unit = m["unit"] or ""
        asked_count = re.match(r"how (?:many|much)\b(?!.*\b(?:if|when|unless)\b)", stem, re.I)
        if _NOT_ASKED.search(stem) and not asked_count or _NOT_UNIT.match(unit):
            return m[0]  # "how many people are coming (max 4)" is asked, not a condition
        counted = (
            _COUNT.search(stem)
            or _COUNTED.fullmatch(stem)
            or _TIME_UNIT.match(unit)
            or MEASURED.fullmatch(unit)
        )
        if rated(m[0]) or ((m["lo"] or m["lo2"]) and not counted and _scale(m)):
            return m[0]  # "comfort (1-5)", "Zufriedenheit 1-10": a rating, read as one
        if m["comma"] and (m["unit"] or not (m["min"] or m["max"])):
            return m[0]  # "date, 2-6", "date, up to 16 passengers": an item of its own
        lo = m["lo"] or m["lo2"] or m["min"]
        hi = m["hi"] or m["hi2"] or m["max"]
        lo, hi = (int(lo) if lo else None), (int(hi) if hi else None)
        if lo is not None and hi is not None and lo >= hi:
            return m[0]
        if re.search(r"[€£$]", m.string[max(0, m.start("bound") - 2) : m.start("bound") + 2]):
            return m[0]
        found.append({"stem": stem, "min": lo, "max": hi, "unit": unit})
        return f"{m['pre']}{stem}"

    def bare(m: re.Match) -> str:
        if _NOT_UNIT.match(m["unit"]):
            return m[0]
        lo, hi = m["lo"] or m["lo2"] or m["min"], m["hi"] or m["hi2"] or m["max"]
        lo, hi = (int(lo) if lo else None), (int(hi) if hi else None)
        if lo is not None and hi is not None and lo >= hi:
            return m[0]
        stem = f"number of {m['unit'].lower()}"
        found.append({"stem": stem, "min": lo, "max": hi, "unit": ""})
        return f"{m['pre']}{stem}"

    def older(m: re.Match) -> str:
        if not (m["from"] or m["up"]):
            return m[0]  # "age (16)": no rule said
        found.append({"stem": m["stem"], "min": int(m["n"]), "max": None, "unit": ""})
        return f"{m['pre']}{m['stem']}"

    text = _OLDER.sub(older, text)  # "age (must be 18+)": at least 18, not answers "18", "Over"
    return BARE.sub(bare, BOUNDED.sub(read, text)), found


def _scale(m: re.Match) -> bool:
    """A range a rating is given on: from 0 or 1 to at most 10."""
    lo, hi = int(m["lo"] or m["lo2"]), int(m["hi"] or m["hi2"])
    return lo in (0, 1) and hi <= 10


def _unit_note(stem: str, unit: str) -> str:
    """ "(hours)" after "Lesson length"; nothing after "Number of players" or an age."""
    if not unit or _AGE.search(stem) or unit.lower() in _plain(stem):
        return ""
    if _TIME_UNIT.match(unit) or MEASURED.fullmatch(unit):
        return f" ({unit.lower()})"
    return ""


def _said_count(bound: dict) -> bool:
    """An answer the engine read as words is a number when the item says it counts."""
    return bool(bound["unit"] or _COUNT.search(bound["stem"]) or _COUNTED.fullmatch(bound["stem"]))


def bound_numbers(fields: list, bounds: list[dict]) -> None:
    """Set each bound read from an item on the number (or free-text answer) it became."""
    for bound in bounds:
        want = _words(bound["stem"])
        best, score = None, 0
        for f in fields:
            if f["type"] not in ("number", "text", "select"):  # a choice: the engine's answers
                continue
            overlap = len(want & _words(f.get("label") or f["name"].replace("_", " ")))
            overlap += 0.5 * (f["type"] == "number")
            if overlap > score and overlap >= 1:
                best, score = f, overlap
        if best is None or (best["type"] != "number" and not _said_count(bound)):
            continue
        if best["type"] == "select":  # "team size" read as a company's: the count named
            name = re.sub(r"[^a-z0-9]+", "_", _plain(best["label"])).strip("_")[:50]
            if name and all(f["name"] != name for f in fields):
                best["name"] = name
            best["help"] = ""  # the stock dropdown's "Number of employees"
        if best["type"] != "number":
            best.update(type="number", min=None, max=None, max_length=None, options=[])
            best.pop("regex", None), best.pop("placeholder", None)
        lo, hi = bound["min"], bound["max"]
        if lo is not None:
            best["min"] = lo
            if best.get("max") is not None and best["max"] < lo:
                best["max"] = None
        if hi is not None:
            best["max"] = hi
            if best.get("min") is not None and best["min"] > hi:
                best["min"] = None
        note = _unit_note(bound["stem"], bound["unit"])
        if note and note.strip(" ()") not in _plain(best["label"]):
            best["label"] = best["label"].rstrip(" ?") + note
