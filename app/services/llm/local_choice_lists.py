"""A choice read whole (issue 20, round 18b): its answers, whether several apply, and what
only looks like a choice.

Before the description is read (``read_choice_lists``):

- "tick boxes for bath, nail trim and ear cleaning", "checkboxes for A, B and C", "cases à
  cocher pour …", "casillas para …", "Kästchen für …" are one question offering A, B, C
  ("What would you like (A, B, C)"), not one text field per word;
- a range of weekdays in brackets ("(Mon-Fri)", "(Monday to Saturday)", "(lundi à
  vendredi)", "(lunes a viernes)", "(Mo–Fr)", "(segunda a sexta)") is the days themselves;
- a modifier after a list ("- more than one allowed", "pick up to 2", "select all that
  apply", "plusieurs réponses possibles", "puede elegir varias", "Mehrfachauswahl
  möglich"), or between an item and its list ("roles - select all that apply (A, B)",
  "(tick all that apply: A, B)"), is dropped: it is no field of its own; a bare list it
  closes or opens ("classes: yoga, spin - pick any", "select all that apply: A, B;") is put
  in brackets.

Each of these answer lists is remembered; ``settle_choices`` (``local_choice_fields``)
makes the choice offering one of them take several answers.
"""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------- tick boxes for A, B and C
_BOXES = (
    r"(?:tick[- ]?box(?:es)?|check[- ]?box(?:es)?|cases? à cocher|casillas?(?: de verificaci[oó]n)?|"
    r"k[äa]stchen|ankreuzfelder?|caixas?(?: de sele[cç][aã]o| de verifica[cç][aã]o)?|caixinhas?)"
    r"(?: (?:list|group|liste|lista|gruppe))?"
)
_FOR = r"(?:for|with|pour|avec|para|con|f[üu]r|mit|de|com)"
_AND = r"(?:and|or|et|ou|y|o|und|oder|e)"
# "tick boxes for what they're interested in: A, B": the boxes answer the question said
_ASKED_LEAD = r"(?:what|which|quel\w*|qu[eé]|cu[aá]l\w*|welche?\w*|was|o que|quais)\b[^,;:.()\n]*?"
TICK_LIST = re.compile(
    rf"\b(?:(?:an?|some|des|unas?|algunas?|einige|umas?)\s+)?{_BOXES}"
    rf"(?:\s+{_FOR}\s+(?P<asked>{_ASKED_LEAD})\s*:|\s+{_FOR}\s*:?|\s*:)\s+"
    rf"(?P<list>[^,;:.()\n]+(?:,\s*[^,;:.()\n]+)*)",
    re.I,
)
# a list item that is a field of its own, not one more box ("…, wax, preferred date")
_FIELD_WORD = re.compile(
    r"\b(?:date|time|name|e-?mail|phone|mobile|address|postcode|zip|number|fecha|hora|nombre|"
    r"correo|tel[ée]fono|direcci[oó]n|nom|t[ée]l[ée]phone|adresse|heure|datum|uhrzeit|telefon|"
    r"data|nome|telefone|morada|endere[cç]o|message|comments?)\b|"
    r"^(?:when|what|which|how|where|who|why|any|quand|quel\w*|cu[aá]ndo|qu[eé]|wann|welche?\w*|wie|quando)\b",
    re.I,
)
_ASKED = {
    "en": "what would you like",
    "fr": "que souhaitez-vous ?",
    "es": "¿qué le gustaría?",
    "de": "was möchten Sie?",
    "pt": "o que deseja?",
}
_BOX_LANGUAGE = (
    ("fr", r"cases?|cocher"),
    ("es", r"casillas?"),
    ("de", r"k[äa]stchen|ankreuz"),
    ("pt", r"caix"),
)


def _box_language(said: str) -> str:
    return next((lang for lang, cue in _BOX_LANGUAGE if re.search(cue, said, re.I)), "en")


def _answers(listed: str) -> list[str]:
    return [a.strip(" .") for a in re.split(rf"\s*,\s*|\s+{_AND}\s+", listed, flags=re.I) if a]


def _tick_lists(text: str, several: list[set]) -> str:
    def one(m: re.Match) -> str:
        parts = [p.strip() for p in m.group("list").split(",")]
        kept: list[str] = []
        for part in parts:
            if kept and _FIELD_WORD.search(part):
                break  # the list is over: this is the next field
            kept.append(part)
            if re.search(rf"\s{_AND}\s", part, re.I):
                break  # "… and C": the last box
        answers = [a for p in kept for a in _answers(p)]
        # "tick boxes for A and B" or "a tick box for A, B, C"; "a tick box for terms and
        # conditions" is one box
        plural = re.search(r"(?:boxes|cases|casillas|caixas|caixinhas|felder)\b", m.group(0), re.I)
        if len(answers) < 2 or not plural and (len(answers) < 3 or len(kept) < 2):
            return m.group(0)
        rest = parts[len(kept) :]
        several.append({folded(a) for a in answers})
        lead = m.group("asked") or _ASKED[_box_language(m.group(0))]
        asked = f"{lead} ({', '.join(answers)})"
        return ", ".join([asked, *rest])

    return TICK_LIST.sub(one, text)


# ------------------------------------------------------------ a range of weekdays in brackets
_DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
}
# the short forms, day by day ("Mon", "Tues", "Thurs"; "lun", "mié", "Mo", "seg")
_SHORT = {
    "en": ["mon", "tues?", "wed", "thu(?:rs?)?", "fri", "sat", "sun"],
    "fr": ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"],
    "es": ["lun", "mar", "mie", "jue", "vie", "sab", "dom"],
    "de": ["mo", "di", "mi", "do", "fr", "sa", "so"],
    "pt": ["seg(?:unda)?", "ter(?:ca)?", "qua(?:rta)?", "qui(?:nta)?", "sex(?:ta)?", "sab", "dom"],
}
_TO = {
    "en": r"to|through|till|until|-|–|—",
    "fr": r"à|au|-|–|—",
    "es": r"a|al|-|–|—",
    "de": r"bis|-|–|—",
    "pt": r"a|à|até|-|–|—",
}
_DAY_RANGE = re.compile(
    r"\(\s*([^\W\d_][\w.-]*?)\s+?(to|through|till|until|à|au|al|a|bis|até|-|–|—)\s*([^\W\d_][\w.-]*)\s*\)|"
    r"\(\s*([^\W\d_][\w.]*?)\s*(-|–|—)\s*([^\W\d_][\w.]*)\s*\)",
    re.I,
)


def _day_index(word: str, lang: str) -> int | None:
    w = folded(word).rstrip(".")
    for i, day in enumerate(_DAYS[lang].split()):
        if w == folded(day) or re.fullmatch(_SHORT[lang][i], w):
            return i
    return None


# a single day named before the range ("pickup day", "Abholtag", "jour de retrait"): one answer
_ONE_DAY = re.compile(
    r"(?:\bday|tag|\bjour|\bd[ií]a|\bdia)(?:\s+(?:de|del|da|do|du|des|d')\s*[\w-]+)?\s*$", re.I
)


def _weekday_ranges(text: str, several: list[set]) -> str:
    def one(m: re.Match) -> str:
        said = [g for g in m.groups() if g is not None]
        for lang in ("en", "fr", "es", "de", "pt"):
            if not re.fullmatch(_TO[lang], said[1], re.I):
                continue
            first, last = _day_index(said[0], lang), _day_index(said[2], lang)
            if first is None or last is None or last <= first:
                continue
            days = _DAYS[lang].split()[first : last + 1]
            if not _ONE_DAY.search(text[: m.start()]):  # "Abholtag (Mo-Sa)": one day is picked
                several.append({folded(d) for d in days})
            return f"({', '.join(days)})"
        return m.group(0)

    return _DAY_RANGE.sub(one, text)


# ----------------------------------------------------------- "(a, b, c) - more than one allowed"
_MODIFIER = (
    r"(?:(?:(?:you|they|one|guests|parents|people|visitors) )?(?:can|may) )?(?:pick|choose|select|tick|check) (?:up to (?:\d+|two|three|four|five)|"
    r"more than one|several|any(?: number)?|as many as (?:you like|apply)|all that apply|all "
    r"relevant)|(?:more than one|several|multiple) (?:allowed|possible|ok|answers? (?:allowed|possible|ok))|"
    # round 36a: "as many as you like", "one or more", "varias opciones", "mehrere möglich"
    r"as many as (?:you|they) (?:like|want|wish)|one or (?:more|several)|(?:tick )?all that apply|"
    r"varias (?:opciones|respuestas)(?: posibles)?|plusieurs (?:possibles|autoris[ée]s)|choix multiples?|"
    r"mehrere (?:m[öo]glich|erlaubt)|v[áa]rias op[çc][õo]es(?: poss[íi]veis)?|"
    r"(?:multiple|several) choices? (?:allowed|possible)|"
    r"plusieurs (?:r[ée]ponses|choix) possibles?|(?:vous pouvez )?(?:en )?(?:cocher|choisir) plusieurs|"
    r"(?:se )?(?:puede[ns]?|pod[eé]is) (?:elegir|marcar|seleccionar|escoger) (?:varias?|varios?|m[aá]s de una?)(?: opci[oó]n(?:es)?)?|"
    r"(?:varias|m[uú]ltiples) respuestas? (?:posibles?|permitidas?)|respuesta m[uú]ltiple|"
    r"mehrfach(?:auswahl|nennungen?|antworten?) (?:m[öo]glich|erlaubt)|mehrere (?:antworten|nennungen) "
    r"(?:m[öo]glich|erlaubt)|"
    r"(?:pode|podem) (?:escolher|marcar|selecionar) (?:v[aá]ri[ao]s|mais de uma?)(?: op[cç][õo]es)?|"
    r"(?:v[aá]rias|m[uú]ltiplas) respostas? (?:poss[ií]veis|permitidas)"
)
TRAILING_MODIFIER = re.compile(
    rf"\((?P<inner>[^()]*)\)\s*(?:[-–—,:;]\s*)?\(?(?:{_MODIFIER})\)?"
    # "(clay, glass) - you can choose several - and your email": between dashes, the list
    # goes on after the closing one
    r"(?:(?P<close>\s*[-–—](?=\s))|(?=\s*(?:[,;.]|$)))",
    re.I,
)
# "(up to 5) (linen, velvet, silk)", "(max. 3) (…)": how many may be picked, said first
_LIMIT = (
    r"(?:up to|max(?:imum)?\.?|at most|hasta|jusqu'(?:à|a)|au plus|bis zu|h[öo]chstens|maximal|"
    r"at[ée]|no m[áa]ximo)\s+(?:\d+|two|three|four|five|dos|tres|deux|trois|zwei|drei|duas|tr[êe]s)"
)
LEADING_LIMIT = re.compile(rf"\(\s*(?:{_MODIFIER}|{_LIMIT})\s*\)\s*\((?P<inner>[^()]*)\)", re.I)
INNER_MODIFIER = re.compile(rf"\((?P<inner>[^()]*?)\s*[-–—,;:]\s*(?:{_MODIFIER})\s*\)", re.I)

# "roles - select all that apply (A, B)", "shifts, tick all that apply (…)", "(select all that
# apply: A, B)": said before the list it is of
BEFORE_LIST = re.compile(
    rf"(?:\s*[-–—,]\s*|\s+)(?:{_MODIFIER})\s*[-–—:]?\s*\((?P<inner>[^()]*)\)|"
    rf"\(\s*(?:{_MODIFIER})\s*[-–—:,]\s*(?P<inside>[^()]*)\)",
    re.I,
)


# "classes: yoga, spin, pilates (pick any)", "which classes? yoga, barre - select all that apply"
BARE_TRAILING = re.compile(
    rf"(?P<lead>[^,.;:?()\n]+[:?])\s*(?P<list>[^.;:?()\n]+?)\s*(?:[-–—,]\s*)?\(?(?:{_MODIFIER})\)?"
    r"(?=\s*(?:[,;.]|$))",
    re.I,
)
# "select all that apply: fast service, good price, friendly staff; comments"
LEADING = re.compile(rf"\b(?P<mod>{_MODIFIER})\s*:\s*(?P<list>[^.;:()\n]+?)(?=\s*(?:[;.]|$))", re.I)
_APPLIES = {
    "en": "what applies",
    "fr": "qu'est-ce qui s'applique ?",
    "es": "¿qué aplica?",
    "de": "was trifft zu?",
    "pt": "o que se aplica?",
}
_MODIFIER_LANGUAGE = (
    ("pt", r"\bpodem?\b|v[aá]ri[ao]s\b|poss[ií]veis|escolher|\bselecionar"),
    (
        "es",
        r"puede|pod[eé]is|varias|varios|elegir|seleccionar|escoger|posibles|permitidas|m[uú]ltiple",
    ),
    ("fr", r"plusieurs|cocher|choisir"),
    ("de", r"mehr|m[öo]glich|erlaubt"),
)


def _modifiers(text: str, several: list[set]) -> str:
    def one(m: re.Match) -> str:
        inner = m.group("inner").strip()
        answers = _answers(inner)
        if len(answers) >= 2:
            several.append({folded(a) for a in answers})
        return f"({inner})," if m.groupdict().get("close") else f"({inner})"

    def bare(m: re.Match) -> str:
        answers = _answers(m.group("list"))
        if len(answers) < 2:
            return m.group(0)
        several.append({folded(a) for a in answers})
        return f"{m.group('lead').rstrip(':').rstrip()} ({', '.join(answers)})"

    def leading(m: re.Match) -> str:
        answers = _answers(m.group("list"))
        if len(answers) < 2:
            return m.group(0)
        several.append({folded(a) for a in answers})
        said = m.group("mod")
        lang = next((k for k, cue in _MODIFIER_LANGUAGE if re.search(cue, said, re.I)), "en")
        return f"{_APPLIES[lang]} ({', '.join(answers)})"

    def before(m: re.Match) -> str:
        inner = (m.group("inner") or m.group("inside")).strip()
        answers = _answers(inner)
        if len(answers) < 2:
            return m.group(0)
        several.append({folded(a) for a in answers})
        return f" ({inner})" if m.group("inner") is not None else f"({inner})"

    text = LEADING_LIMIT.sub(one, text)
    text = BEFORE_LIST.sub(before, text)
    text = INNER_MODIFIER.sub(one, text)
    text = TRAILING_MODIFIER.sub(one, text)
    text = LEADING.sub(leading, text)
    return BARE_TRAILING.sub(bare, text)


def read_choice_lists(text: str) -> tuple[str, list[set]]:
    """(the description with its answer lists written plainly, the answer sets of which
    several may be chosen, folded)."""
    several: list[set] = []
    text = _tick_lists(text, several)
    text = _weekday_ranges(text, several)
    text = _modifiers(text, several)
    return text, several


def folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()
