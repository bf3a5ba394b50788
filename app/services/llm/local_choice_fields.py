"""The draft's choice fields read whole (issue 20, round 18b), after the draft is built.

The answer lists ``local_choice_lists.read_choice_lists`` remembered take several answers
(``settle_choices``), and the finished fields are read whole:

- "are you hoping to buy or rent" offers Buy and Rent (the lead words shared by both
  answers go); "mother's or father's phone" is a phone, not a choice of two phones;
- services listed after "what work is needed (…)", "what do you need (…)", "which
  services (…)" take several answers (a plan, a size or a contact method stays one);
- availability offered as times ("availability (mornings, afternoons, weekends)",
  "disponibilidad (mañanas, tardes, fines de semana)", "Verfügbarkeit (vormittags, …)") and
  the support or adjustments a person needs ("what support do you need (A, B, C)", "which
  adjustments do you need (…)") take several answers (round 22b); "preferred day (Sat,
  Sun)", "which site (North, South)", "type of membership (…)" stay one;
- sex / gender ("sexe", "sexo", "Geschlecht") is a choice with the usual answers in the
  description's language, "prefer not to say" among them;
- "how often per week", "combien de fois par mois" is a number;
- a form said to be "anonymous, no contact details" ("sans coordonnées", "sin datos
  personales", "ohne Kontaktdaten", "sem dados pessoais") asks for no name, email or phone,
  and "Anonymous" is no field.
"""

from __future__ import annotations

import re

from app.services.llm.local_choice_lists import folded
from app.services.llm.local_lead_options import IDIOM
from app.services.llm.local_several_answers import takes_several
from app.services.llm.local_urgency import pressing_answers

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
            if f["type"] == "select" and {folded(o) for o in f.get("options") or []} == answers:
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


# "meet online or in person": the answer after the verb, beside an idiom ("in person", "on
# site", "by phone"), is the last word alone: Online / In person, not Meet online / In person


def _lead_before_idiom(f: dict) -> None:
    options = f.get("options") or []
    idiom = (
        len(options) == 2 and len(options[1].split()) == 2 and IDIOM.match(options[1].split()[0])
    )
    if idiom and len(options[0].split()) >= 2 and not IDIOM.match(options[0].split()[0]):
        last = options[0].split()[-1]
        f["options"] = [last[:1].upper() + last[1:], options[1]]


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
            _lead_before_idiom(f)
            _which_of_two(f)
            _one_contact(f)
            if takes_several(label, f["options"]):  # "what would you like to change (…)"
                f["type"] = "multiselect"
        # "genre" is a gender in French only (a book's or a band's genre in English)
        elif f["type"] == "text" and (_SEX.match(label) or lang == "fr" and label == "Genre"):
            f.update(type="select", options=list(_SEX_ANSWERS[lang or "en"]), max_length=None)
        # "priority", "how urgent is it": a short scale, as sex / gender is (local_urgency)
        pressing = pressing_answers(label, lang) if f["type"] in ("text", "textarea") else None
        if pressing:
            f.update(type="select", options=pressing, max_length=None)
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
