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
  möglich") is dropped: it is no field of its own.

Each of these answers lists is remembered, and after the draft is built
(``settle_choices``) the choice offering them takes several answers. The same pass reads
the finished fields whole:

- "are you hoping to buy or rent" offers Buy and Rent (the lead words shared by both
  answers go); "mother's or father's phone" is a phone, not a choice of two phones;
- services listed after "what work is needed (…)", "what do you need (…)", "which
  services (…)" take several answers (a plan, a size or a contact method stays one);
- sex / gender ("sexe", "sexo", "Geschlecht") is a choice with the usual answers in the
  description's language, "prefer not to say" among them;
- "how often per week", "combien de fois par mois" is a number;
- a form said to be "anonymous, no contact details" ("sans coordonnées", "sin datos
  personales", "ohne Kontaktdaten", "sem dados pessoais") asks for no name, email or phone,
  and "Anonymous" is no field.
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
TICK_LIST = re.compile(
    rf"\b(?:(?:an?|some|des|unas?|algunas?|einige|umas?)\s+)?{_BOXES}(?:\s+{_FOR}\s*:?|\s*:)\s+"
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
        several.append({_fold(a) for a in answers})
        asked = f"{_ASKED[_box_language(m.group(0))]} ({', '.join(answers)})"
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
    w = _fold(word).rstrip(".")
    for i, day in enumerate(_DAYS[lang].split()):
        if w == _fold(day) or re.fullmatch(_SHORT[lang][i], w):
            return i
    return None


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
            several.append({_fold(d) for d in days})
            return f"({', '.join(days)})"
        return m.group(0)

    return _DAY_RANGE.sub(one, text)


# ----------------------------------------------------------- "(a, b, c) - more than one allowed"
_MODIFIER = (
    r"(?:you can |you may )?(?:pick|choose|select|tick|check) (?:up to (?:\d+|two|three|four|five)|"
    r"more than one|several|any(?: number)?|as many as (?:you like|apply)|all that apply|all "
    r"relevant)|(?:more than one|several|multiple) (?:allowed|answers? (?:allowed|possible|ok))|"
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
    rf"\((?P<inner>[^()]*)\)\s*(?:[-–—,:;]\s*)?\(?(?:{_MODIFIER})\)?(?=\s*(?:[,;.]|$))", re.I
)
INNER_MODIFIER = re.compile(rf"\((?P<inner>[^()]*?)\s*[-–—,;:]\s*(?:{_MODIFIER})\s*\)", re.I)


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
            several.append({_fold(a) for a in answers})
        return f"({inner})"

    def bare(m: re.Match) -> str:
        answers = _answers(m.group("list"))
        if len(answers) < 2:
            return m.group(0)
        several.append({_fold(a) for a in answers})
        return f"{m.group('lead').rstrip(':').rstrip()} ({', '.join(answers)})"

    def leading(m: re.Match) -> str:
        answers = _answers(m.group("list"))
        if len(answers) < 2:
            return m.group(0)
        several.append({_fold(a) for a in answers})
        said = m.group("mod")
        lang = next((k for k, cue in _MODIFIER_LANGUAGE if re.search(cue, said, re.I)), "en")
        return f"{_APPLIES[lang]} ({', '.join(answers)})"

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


# ------------------------------------------------------------------------- after the draft
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


# "are you hoping to buy or rent": the lead before the first answer is the question's
_LEAD = re.compile(
    r"^(?:(?:hoping|looking|planning|wanting|wishing|going|intending|trying|want|like|need|plan|"
    r"wish|prefer|intend) )?(?:to|a|an|the)\s+(?P<verb>[\w'-]+)$|"
    r"^(?:hoping|looking|planning|wanting|wishing|going|intending|thinking of) (?P<noun>[\w'-]+)$|"
    # "¿quiere comprar o alquilar?", "vous souhaitez acheter ou louer", "möchten Sie kaufen"
    r"^¿?(?:(?:quiere|desea|busca|necesita|prefiere|piensa)|(?:vous )?(?:souhaitez|voulez|d[ée]sirez|"
    r"cherchez|pr[ée]f[ée]rez)(?:-vous)?|(?:m[öo]chten|wollen|planen|suchen) sie|pretende|quer|"
    r"deseja|procura|prefere) (?P<word>[\w'-]+)$",
    re.I,
)
# "mother's or father's phone", "mum's or dad's mobile": one contact, not a choice
_CONTACT_NOUN = dict.fromkeys(("phone", "mobile", "telephone", "number", "cell"), "phone") | {
    "email": "email",
    "e-mail": "email",
    "name": "text",
    "address": "text",
}
_NEEDS = re.compile(
    r"^(?:what|which) (?:work|help|jobs|services|repairs)\b(?: (?:is|are|do you|would you))?"
    r"(?: (?:needed|need|want|require|required|like))?\??$|"
    r"^what do you (?:need|want|require)(?: (?:\w+ed|done|doing|fixed|built|made))?\??$|"
    r"^what needs (?:doing|fixing|repairing|replacing|\w+ed)\??$|^(?:what|which) services\b.*$|"
    r"^(?:quels|quelles) (?:services|travaux|prestations)\b.*$|^de quoi avez-vous besoin.*$|"
    r"^¿?(?:qu[eé]|cu[aá]les) (?:servicios|trabajos)\b.*$|^¿?qu[eé] necesita.*$|"
    r"^(?:welche) (?:leistungen|arbeiten|dienstleistungen)\b.*$|^was (?:brauchen|ben[öo]tigen) sie.*$|"
    r"^(?:que|quais) (?:servi[cç]os|trabalhos)\b.*$|^de que (?:precisa|necessita).*$",
    re.I,
)
_SEX = re.compile(
    r"^(?:your |votre |su |tu |ihr |seu |o seu )?(?:sex|gender|sexe|sexo|g[ée]nero|geschlecht|g[êe]nero)\??$",
    re.I,
)
_SEX_ANSWERS = {
    "en": ["Female", "Male", "Other", "Prefer not to say"],
    "fr": ["Femme", "Homme", "Autre", "Je préfère ne pas répondre"],
    "es": ["Mujer", "Hombre", "Otro", "Prefiero no decirlo"],
    "de": ["Weiblich", "Männlich", "Divers", "Keine Angabe"],
    "pt": ["Feminino", "Masculino", "Outro", "Prefiro não dizer"],
}
_HOW_OFTEN = re.compile(
    r"\bhow (?:often|many times)\b.*\b(?:per|a|an|each|every) (?:day|week|fortnight|month|year)\b|"
    r"\bcombien de fois\b|\bcu[aá]ntas veces\b|\bwie (?:oft|viele male)\b.*\b(?:pro|im|in der|am|je)\b|"
    r"\bquantas vezes\b",
    re.I,
)
_NO_CONTACT = re.compile(
    r"\b(?:no|without|not asking for|don'?t ask for|never ask for) (?:any )?(?:contact|personal|"
    r"identifying) (?:details|info(?:rmation)?|data)\b|\bno (?:names?|emails?) (?:or|and|,) "
    r"(?:no )?(?:emails?|names?|phones?)\b|"
    r"\b(?:sans|pas de) (?:coordonn[ée]es|donn[ée]es personnelles|nom ni)\b|"
    r"\bsin (?:datos (?:personales|de contacto)|nombre ni)\b|\bni nombre ni\b|"
    r"\b(?:ohne|keine) (?:kontaktdaten|pers[öo]nlichen daten|personenbezogenen daten|namen)\b|"
    r"\bsem (?:dados (?:pessoais|de contacto|de contato)|contactos?|contatos?|nome nem)\b|"
    r"\b(?:no (?:pedimos|pide|solicitamos|se piden|recogemos)|ning[uú]n) datos? (?:de contacto|personales?)\b|"
    r"\baucune? (?:coordonn[ée]es?|donn[ée]es? personnelles?)\b|"
    r"\bn[ãa]o (?:pedimos|recolhemos|solicitamos) dados (?:pessoais|de contacto|de contato)\b",
    re.I,
)
_ANONYMOUS_LABEL = re.compile(r"^(?:anonymous|anonyme|an[oó]nim[oa]|anonym)\??$", re.I)
_CLOSED = re.compile(r"\s*(?:[:.,;!)\-–—]|please\b|$)", re.I)
_CONTACT_FIELDS = {"name", "first_name", "last_name", "email", "phone", "may_contact"}


def _mark_several(fields: list, several: list[set]) -> None:
    for answers in several:
        for f in fields:
            if f["type"] == "select" and {_fold(o) for o in f.get("options") or []} == answers:
                f["type"] = "multiselect"
                break


def _shared_lead(f: dict) -> None:
    """[Hoping to buy, Rent] → [Buy, Rent]: the words before "to" ask, the verb answers."""
    options = f.get("options") or []
    if len(options) != 2 or re.search(r"\bto\b", options[1], re.I):
        return
    lead = _LEAD.match(options[0])
    if lead and re.search(
        rf"{re.escape(options[0])}\s+(?:or|o|ou|oder)\s+{re.escape(options[1])}\b", f["label"], re.I
    ):
        verb = lead.group("verb") or lead.group("noun") or lead.group("word")
        f["options"] = [verb[:1].upper() + verb[1:], options[1]]


# "do you want to talk to sales or support": which of two, not yes or no
_WHICH_OF_TWO = re.compile(
    r"\b(?:want|like|prefer|hoping|looking|planning|wish|going) to \w+ (?:to |with |about |for )?"
    r"(?:(?:the|a|an|our|your) )?(?P<a>[\w-]+) or (?:(?:the|a|an|our|your) )?(?P<b>[\w-]+)\s*\??$",
    re.I,
)


def _which_of_two(f: dict) -> None:
    said = _WHICH_OF_TWO.search(f["label"])
    if said and [o.lower() for o in f.get("options") or []] == ["yes", "no"]:
        f["options"] = [w[:1].upper() + w[1:] for w in (said["a"], said["b"])]


# "nom du parent ou tuteur", "téléphone du père ou de la mère", "teléfono del padre o madre"
_CONTACT_OF = re.compile(
    r"^(?:(?P<name>nom|nombre|nome|name)|(?P<phone>t[ée]l[ée]phone|tel[ée]fono|telefone|telefon|phone|"
    r"num[ée]ro|n[úu]mero|handynummer)|(?P<email>e-?mail|correo|courriel))\s+(?:de|du|del|da|do|des|der|of)\b",
    re.I,
)


def _one_contact(f: dict) -> None:
    """ "Mother's or father's phone": the options share a contact noun after a possessive;
    "téléphone du père ou de la mère": the first names the contact, the second only a person."""
    options = f.get("options") or []
    said = _CONTACT_OF.match(options[0]) if len(options) == 2 else None
    if said and not _CONTACT_OF.match(options[1]):
        kind = "text" if said["name"] else "phone" if said["phone"] else "email"
        f.update(type=kind, options=[], max_length=120 if kind == "text" else None)
        return
    nouns = {o.split()[-1].lower() for o in options if len(o.split()) == 2}
    if len(options) < 2 or len(nouns) != 1 or not all(re.match(r"^\S+['’]s\s", o) for o in options):
        return
    kind = _CONTACT_NOUN.get(nouns.pop())
    if kind:
        f.update(type=kind, options=[], max_length=120 if kind == "text" else None)


def settle_choices(fields: list, described: str, lang: str | None, several: list[set]) -> None:
    """The draft's choices read whole (in place); see the module's docstring."""
    _mark_several(fields, several)
    for f in fields:
        label = re.sub(r"\s+", " ", f["label"]).strip()
        if f["type"] == "select":
            _shared_lead(f)
            _which_of_two(f)
            _one_contact(f)
            if len(f["options"]) >= 3 and _NEEDS.match(label.lower()):
                f["type"] = "multiselect"
        # "genre" is a gender in French only (a book's or a band's genre in English)
        elif f["type"] == "text" and (_SEX.match(label) or lang == "fr" and label == "Genre"):
            f.update(type="select", options=list(_SEX_ANSWERS[lang or "en"]), max_length=None)
        if f["type"] == "text" and _HOW_OFTEN.search(label):
            f.update(type="number", max_length=None, min=0)
    anonymous = re.search(r"\banonym|\ban[oó]nim|\ban[oô]nim", described, re.I)
    said = _NO_CONTACT.search(described)
    # "no contact details", but not "no contact details shared with third parties"
    if said and (anonymous or _CLOSED.match(described[said.end() :])):
        fields[:] = [f for f in fields if f["name"] not in _CONTACT_FIELDS] or fields
    if said or anonymous:
        fields[:] = [f for f in fields if not _said_of_the_form(f)] or fields


def _said_of_the_form(f: dict) -> bool:
    """ "Anonymous", "No personal details", "Keine persönlichen Daten": words about the form."""
    label = f["label"].strip(" ?.!-–")
    if f["type"] not in ("text", "select") or len(label.split()) > 5:
        return False
    return bool(_ANONYMOUS_LABEL.match(label) or _NO_CONTACT.fullmatch(label))
