"""The draft asks what the list asks, required where it must be, and nothing more (round 24c).

- Contact words run together: "name email phone, your level (…)" lists three fields, not one
  email labelled "Name email phone". A run of the basic contact words (name, email, phone
  and their es/fr/de/pt words) separated only by spaces is read as a list (``comma_contacts``);
  "mobile phone number", "email address", "Name der Eltern" stay one item.
- A request for something we send or a sign-up for something we give (a brochure, a
  catalogue, samples, a free trial, a free consultation) asks what its list names: the
  engine's own open box ("Anything else?", "How can we help?", "What do you need a quote
  for?") has no place on it (``asks_for_a_thing``, read by ``local_listed_extras``). A bare
  contact form and a quote keep theirs: a contact form with no message is useless, and a
  quote needs to know what it is for.
- An item asked only in some cases ("company (if your employer is paying)", "Firma (falls
  vom Arbeitgeber bezahlt)", "(le cas échéant)", "(si aplica)") is optional, and the condition
  says when it is asked, not what the form is for (``without_conditions``: a course
  registration whose company is paid by the employer is no staffing request).
- An item said with "any" ("… and any questions") is asked in case there is one: optional.
- A possessive typed without its apostrophe gets it: "students name" is "Student's name".
- The person a registration is for is named: on a form a parent fills for a child (a camp,
  a club, a school trip), the child's name is required (``asked_as_said``).
"""

from __future__ import annotations

import re

from app.services.llm.local_kinds import KINDS

# The basic contact words, as a marketer types them in a list (English and es/fr/de/pt)
_CONTACT_WORD = (
    r"(?:full |first |last |your )?name|e-?mail(?:[- ](?:address|adresse))?|"
    r"(?:mobile |cell )?phone(?: number)?|"
    r"telephone(?: number)?|mobile(?: number)?|nombre|apellidos|correo(?: electr[óo]nico)?|"
    # one item in two words: "téléphone portable", "teléfono móvil", "telefone celular"
    r"tel[ée]fono(?: m[óo]vil| fijo| celular)?|m[óo]vil|nom|pr[ée]nom|courriel|"
    r"t[ée]l[ée]phone(?: portable| mobile| fixe)?|portable|vorname|nachname|"
    r"telefon(?:nummer)?|handy(?:nummer)?|nome|apelido|telefone(?: celular| m[óo]vel| fixo)?|"
    r"telem[óo]vel|celular|"
    # where: "name email phone postcode", "Name Telefon PLZ", "nombre teléfono código postal"
    r"post ?code|postal code|zip(?: code)?|c[óo]digo postal|code postal|"
    r"(?:home |postal |delivery |shipping |billing |street )?address|plz|postleitzahl|cep|morada|adresse(?: e-?mail| [ée]lectronique| mail)?|"
    r"direcci[óo]n(?: de)?(?: e-?mail| correo)?|endere[çc]o(?: de)?(?: e-?mail)?"
)
_TOKEN = re.compile(rf"(?<![\w-])(?:{_CONTACT_WORD})(?![\w-])", re.I)
# a word that makes the next one part of another item: "name of the …", "Name der Eltern"
_RUN_GAP = re.compile(r"^[ \t]+$")


def comma_contacts(text: str) -> str:
    """ "name email phone, level" -> "name, email, phone, level": a run of contact words
    separated only by spaces is a list."""
    tokens = list(_TOKEN.finditer(text))
    cuts = [
        (a.end(), b.start())
        for a, b in zip(tokens, tokens[1:], strict=False)
        if _RUN_GAP.match(text[a.end() : b.start()])
    ]
    for end, start in reversed(cuts):
        text = f"{text[:end]}, {text[start:]}"
    return text


# "(if your employer is paying)", "(falls vom Arbeitgeber bezahlt)", "(le cas échéant)",
# "(si aplica)", "(se aplicável)": said of one item, the condition makes it optional
_CONDITION = (
    # not "(if yes, which)": a follow-up, the question before it stands
    r"(?:if|falls|wenn|si|se|caso)\b(?!\s*[/,]|\s+(?:yes|so|not|no|ja|nein|s[íi]|oui|non|sim|n[ãa]o|o no)\b)|"
    r"sofern\b|"
    r"le cas [ée]ch[ée]ant|en su caso|optional|optionnel|opcional|freiwillig"
)
CONDITIONAL = re.compile(rf"\s*\(\s*(?:{_CONDITION})[^()]*\)", re.I)
_ITEM_HEAD = re.compile(rf"([^,;:.()\n]+?)\s*\(\s*(?:{_CONDITION})[^()]*\)", re.I)


# "Kursanmeldung:", "Seminar-Anmeldung:", "Workshopanmeldung:": a registration for a course,
# whatever its list asks (the English "Course registration" is read so already); a heading
# that goes on ("Kursanmeldung Yoga: …") is named and read by it already
_COURSE_COMPOUND = re.compile(
    r"^\s*\w*(?:kurs|seminar|workshop|unterricht|schulung|lehrgang)[- ]?anmeldung\s*(?:[:;.–—-]|$)",
    re.I,
)


def compound_course(original: str, kind: dict) -> dict:
    """The course kind for a German compound naming a course registration."""
    if kind["key"] in ("course", "event") or not _COURSE_COMPOUND.match(original):
        return kind
    return next((k for k in KINDS if k["key"] == "course"), kind)


def without_conditions(text: str) -> str:
    """The description the kind reader sees: an item's condition names no purpose."""
    return CONDITIONAL.sub("", text)


# A thing we send or give, asked for by a listed form: the list says all it needs
_THING = re.compile(
    r"\b(?:brochures?|catalogues?|catalogs?|prospectus(?:es)?|samples?|swatch(?:es)?|"
    r"info(?:rmation)? packs?|welcome packs?|price lists?|free trials?|\d+[- ]day trials?|"
    r"trial (?:sign[- ]?ups?|accounts?|period)|(?:free|complimentary|initial) (?:\w+ ){0,2}consultations?|"
    r"consultations? (?:booking|request)|book (?:a|an|your) (?:free )?consultations?|cat[áa]logos?|folletos?|muestras?|prueba gratuita|"
    r"[ée]chantillons?|essai gratuit|katalog\w*|brosch[üu]re\w*|prospekt\w*|muster|"
    r"testversion|probeabo\w*|brochuras?|folhetos?|amostras?|teste gr[áa]tis|"
    r"avalia[çc][ãa]o gratuita|consulta gratuita|beratungsgespr[äa]ch|consultation gratuite)\b",
    re.I,
)
# …but a quote, a contact form or an enquiry keeps its question
_STILL_ASKS = re.compile(
    r"\b(?:quot\w*|estimat\w*|pricing|proposals?|tenders?|presupuestos?|devis|or[çc]amentos?|"
    r"angebot\w*|cotiza\w*|contact\w*|kontakt\w*|enquir\w*|inquir\w*|questions?)\b",
    re.I,
)


def asks_for_a_thing(text: str) -> bool:
    """A listed form for something we send or give (a brochure, a free trial): its list
    is all it asks."""
    return _THING.search(text) is not None and _STILL_ASKS.search(text) is None


# The person a parent registers: "child's name", "player's name", "Name des Kindes"
_FOR_WHOM = (
    r"child(?:'s|’s|ren's)?|kid(?:'s)?|son(?:'s)?|daughter(?:'s)?|player(?:'s)?|pupil(?:'s)?|"
    r"camper(?:'s)?|student(?:'s)?|swimmer(?:'s)?|dancer(?:'s)?|participant(?:'s)?"
)
_CHILD_NAME = re.compile(
    rf"^(?:(?:{_FOR_WHOM})\s+(?:full |first )?name|(?:full )?name of (?:the |your )?(?:{_FOR_WHOM})|"
    r"nombre (?:completo )?del? (?:la )?(?:niñ[oa]|hij[oa]|alumn[oa]|jugador\w*|participante)|"
    r"nom (?:complet )?de (?:l'|l’)?(?:enfant|élève|joueur\w*|participant\w*)|"
    r"(?:vor)?name (?:des|der) (?:kindes|kinder|sch[üu]ler\w*|spieler\w*|teilnehmer\w*)|"
    r"nome (?:completo )?d[oa] (?:crian[çc]a|filh[oa]|alun[oa]|jogador\w*|participante))\b",
    re.I,
)
# a survey or feedback the pupils answer themselves: their name is theirs to give
_ASKED_OF_THEM = re.compile(
    r"\b(?:surveys?|feedback|questionnaires?|polls?|encuestas?|sondages?|questionnaire|umfrage\w*|"
    r"fragebogen|pesquisas?|inqu[ée]rito|question[áa]rio)\b",
    re.I,
)
_SAID_OPTIONAL = r"\s*(?:\(\s*)?(?:optional|if\b|optionnel|opcional|freiwillig|falls\b|si\b|se\b)"


# "students name", "parents email": a possessive typed without its apostrophe
_NO_APOSTROPHE = re.compile(
    r"^(student|parent|child|pupil|player|owner|guest|patient|client|customer|member|driver|"
    r"tenant|camper|swimmer|dancer|participant|attendee|applicant|teacher|carer|guardian)s "
    r"((?:full |first |last )?name|e-?mail(?: address)?|phone(?: number)?|mobile|age|"
    r"date of birth|address)$",
    re.I,
)


def asked_as_said(fields: list, original: str) -> None:
    """Conditional items optional, the child's name required, as the description says."""
    heads = {m.group(1).strip().lower() for m in _ITEM_HEAD.finditer(original)}
    asked_of_them = _ASKED_OF_THEM.search(original) is not None
    for f in fields:
        f["label"] = _NO_APOSTROPHE.sub(r"\1's \2", f.get("label") or "")
        label = (f.get("label") or "").strip().rstrip("?").strip().lower()
        if label and any(h == label or h.endswith(" " + label) for h in heads):
            f["required"] = False
        elif label.startswith("any ") and re.search(rf"\b{re.escape(label)}\b", original, re.I):
            f["required"] = False  # "… and any questions": if they have some
        elif _CHILD_NAME.match(label) and f["type"] == "text" and not asked_of_them:
            said = re.search(re.escape(label) + _SAID_OPTIONAL, original, re.I)
            f["required"] = said is None
