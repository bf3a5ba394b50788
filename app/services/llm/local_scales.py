"""Scales a marketer asks items to be rated or judged on (round 39a).

Before the description is read (``scales_written``):

- an agreement scale said by its ends ("(strongly agree to strongly disagree)", "(muy de
  acuerdo a muy en desacuerdo)") is its five answers, in the order said;
- statements listed after "how much do you agree:", "to what extent do you agree with the
  following:" each get those five answers;
- a scale said with a foreign "to" in brackets ("(1 à 5)", "(1 bis 5)", "(1 al 5)") is
  written "(1-5)", as an English one is read;
- a question on a scale followed by a list ("How was your visit (1-5)? Waiting time,
  reception, treatment.") ends no sentence: the list is rated on it.

On the draft (``on_scales``):

- a statement takes one answer on the agreement scale, even when its words are plural ("los
  materiales son útiles", "it is easy to find books");
- on a survey, the plain items listed straight after a rated one ("overall (1-5), speed,
  reliability, customer service") are rated on the same scale, and a statement straight after
  one on the agreement scale is judged on it too; a name, a phone, a favourite, a comment or
  anything the engine typed otherwise ends the run.
"""

from __future__ import annotations

import re

AGREEMENT = {
    "en": ["Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree"],
    "es": [
        "Muy de acuerdo",
        "De acuerdo",
        "Ni de acuerdo ni en desacuerdo",
        "En desacuerdo",
        "Muy en desacuerdo",
    ],
    "fr": [
        "Tout à fait d'accord",
        "D'accord",
        "Ni d'accord ni pas d'accord",
        "Pas d'accord",
        "Pas du tout d'accord",
    ],
    "de": [
        "Stimme voll zu",
        "Stimme eher zu",
        "Neutral",
        "Stimme eher nicht zu",
        "Stimme gar nicht zu",
    ],
    "pt": [
        "Concordo totalmente",
        "Concordo",
        "Não concordo nem discordo",
        "Discordo",
        "Discordo totalmente",
    ],
}
# each end of the scale, by language: (the agreeing end, the disagreeing end)
_ENDS = {
    "en": (r"strongly agree", r"strongly disagree"),
    "es": (r"(?:muy|totalmente) de acuerdo", r"(?:muy|totalmente) en desacuerdo"),
    "fr": (r"tout à fait d'accord", r"pas du tout d'accord"),
    "de": (r"stimme (?:voll(?:kommen)?|völlig) zu", r"stimme (?:gar|überhaupt) nicht zu"),
    "pt": (r"concordo totalmente", r"discordo totalmente"),
}
_TO = r"\s*(?:-|–|—|/|\.\.\.|…|to|a|à|bis|até|al)\s*"
# the lead that puts a list of statements on the agreement scale
_LEADS = {
    "en": r"(?:how (?:much|strongly|far)|to what extent) do you agree(?: or disagree)?"
    r"(?: with (?:the following|these|each of these|each of the following)(?: statements)?)?"
    r"|(?:please )?(?:say|tell us) how (?:much|strongly) you agree(?: with)?",
    "es": r"¿?(?:qué tan|cuán|en qué medida está) de acuerdo(?: está)?(?: con)?"
    r"(?: (?:lo siguiente|las siguientes afirmaciones))?\??",
    "fr": r"dans quelle mesure êtes-vous d'accord(?: avec (?:les affirmations suivantes|ce qui suit))?\s?\??",
    "de": r"wie sehr stimmen sie(?: den folgenden aussagen)? zu\??",
    "pt": r"(?:em que medida|quanto) concorda(?: com (?:as seguintes afirmações|o seguinte))?\??",
}
_LEAD = re.compile(
    r"(?P<before>\s*(?:[.!]|\s[-–—])\s+)?(?P<lead>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _LEADS.items())
    + r")\s*[:?\-–—]\s*"
    r"(?P<items>[^;.?!\n]+)",
    re.I,
)
_FOREIGN_SCALE = re.compile(r"\(\s*(\d{1,2})\s+(?:à|a|al|bis|até)\s+(\d{1,3})\s*\)", re.I)


def _answers(lang: str, disagree_first: bool = False) -> str:
    said = AGREEMENT[lang][::-1] if disagree_first else AGREEMENT[lang]
    return f"({', '.join(said)})"


def _ends_said(m: re.Match) -> str:
    for lang in _ENDS:
        if m[lang + "1"]:
            return _answers(lang)
        if m[lang + "2"]:
            return _answers(lang, disagree_first=True)
    return m[0]


_SAID_ENDS = re.compile(
    r"\(\s*(?:"
    + "|".join(f"(?P<{k}1>{a}{_TO}{d})|(?P<{k}2>{d}{_TO}{a})" for k, (a, d) in _ENDS.items())
    + r")(?:\s+scale)?\s*\)",
    re.I,
)


def _statements_scaled(m: re.Match) -> str:
    lang = next(k for k in _LEADS if m[k])
    answers = _answers(lang)
    items = re.split(r"\s*,\s*|\s+(?:and|y|et|und|e)\s+", m["items"].strip())
    items = [i for i in items if i.strip()]
    if not items:
        return m[0]
    # "Library survey. To what extent do you agree: …": the heading's list, as after a colon
    return (": " if m["before"] else "") + ", ".join(f"{i} {answers}" for i in items)


_JUDGED = re.compile(
    r"\(\s*(?:" + "|".join(re.escape(said[0]) for said in AGREEMENT.values()) + r")\s*,", re.I
)


def judged(raw: str) -> bool:
    """Whether the item is a statement given the agreement scale's answers."""
    return bool(_JUDGED.search(raw))


# "How was your visit (1-5)? Waiting time, reception, …": the list goes on after the scale
_SCALE_ASKED = re.compile(
    r"(\(\s*\d{1,2}\s*-\s*\d{1,3}\s*\))\?\s+(?=[^.?!;:()]+,[^.?!;:()]+[.;]|$)"
)


# "how satisfied (very satisfied to very unsatisfied)": the satisfaction scale by its two ends
_SATISFIED = re.compile(
    rf"\(\s*(?:(?P<up>very satisfied{_TO}very (?:dis|un)satisfied)|very (?:dis|un)satisfied{_TO}very satisfied)\s*\)",
    re.I,
)
_SATISFACTION = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]


def _satisfaction(m: re.Match) -> str:
    return f"({', '.join(_SATISFACTION if m['up'] else _SATISFACTION[::-1])})"


def scales_written(text: str) -> str:
    """The description with its agreement scales and foreign "(1 à 5)" written out."""
    text = _SATISFIED.sub(_satisfaction, text)
    text = _SAID_ENDS.sub(_ends_said, text)
    text = _LEAD.sub(_statements_scaled, text)
    text = _FOREIGN_SCALE.sub(r"(\1-\2)", text)
    return _SCALE_ASKED.sub(r"\1, ", text)


# ------------------------------------------------------------------ on the draft
_RATED_HELP = re.compile(r"^\S+ \d{1,2} \S+ \d{1,3}$")  # "From 1 to 5", "De 1 à 5", "Del 1 al 5"
# what a person is, or how to reach them: never an aspect to rate
_IDENTITY = re.compile(
    r"^(?:name|first_name|last_name|company|job_title|address|postcode|city|country|website)$"
)


# a clause, a question, a favourite, a comment or a detail asks for words, not a mark: "lo
# que más te gustó", "what went well", "favourite wine", "sugerencias", "room number"
_ASKS_WORDS = re.compile(
    r"^(?:what|which|how|why|where|when|who|anything|any|lo que|qu[ée]|cu[áa]l|c[óo]mo|ce qu|"
    r"qu'|quel|comment|o que|qual|como|was|wie|welche|warum|wo)\b|\?$|"
    r"\b(?:favou?rite|best|worst|least|most|fav|preferred|comments?|commentaires?|"
    r"comentarios?|coment[áa]rios?|suggestions?|sugerencias?|sugest[õo]es|remarques?|notes?|"
    r"observa\w*|ideas?|improve\w*|questions?|number|no|code|id|ref|reference|name|date|email|"
    r"e-mail|phone|address|postcode|n[úu]mero|nom|nombre|nome|fecha|datum)\b|anmerkung|vorschl[äa]g|"
    r"kommentar|w[üu]nsch|nummer",
    re.I,
)
# a recommendation's 0-10 says how likely, not how good: no aspect is rated on it
_RECOMMENDED = re.compile(r"recomm|recomend|empfehl|tell a friend|^nps$", re.I)


def _rated(field: dict) -> bool:
    return (
        field["type"] == "number"
        and field.get("min") is not None
        and field.get("max") is not None
        and bool(_RATED_HELP.match(field.get("help") or ""))
    )


def on_scales(config: dict, original: str) -> None:
    """Statements answered once, items rated on the scale before them (see the docstring)."""
    scales = list(AGREEMENT.values())
    for f in config["fields"]:
        if f["type"] == "multiselect" and f.get("options") in scales:
            f["type"] = "select"
    if config["flow_id"] != "notify_only":
        return
    said = original.lower()
    scale = None
    for f in config["fields"]:
        label = (f.get("label") or "").strip()
        if _rated(f) and not _RECOMMENDED.search(f"{f['name']} {label}"):
            scale = {"type": "number", **{k: f.get(k) for k in ("min", "max", "help")}}
            continue
        if f["type"] == "select" and f.get("options") in scales:
            scale = {"type": "select", "options": list(f["options"])}
            continue
        plain = f["type"] == "text" and not f.get("options") and not _IDENTITY.match(f["name"])
        aspect = len(label.split()) <= 5 and not _ASKS_WORDS.search(label)
        # "any topics for next time": "any" asks for whatever they have to say
        spoken = label.lower() in said and f"any {label.lower()}" not in said
        if not scale or not plain or not aspect or not spoken:
            scale = None
            continue
        f.update(max_length=None, placeholder="", **scale)
