"""The kind a form's heading names, for a form described in es/fr/de/pt (round 21b).

The kind cues (``local_intent``) read the description in English, and the translation of a
foreign heading is partial: "Solicitud interna de material" came out as "request interna de
material" and was read as a price request, "Demande interne de congés" as a booking,
"Autorisation parentale pour la sortie scolaire" as a booking, "Solicitud de información
sobre el máster" as a price request, a bare "Anmeldung: Name, Verein, Startnummer" as a
newsletter, "Umfrage zu unserem neuen Angebot" as a quote request. The kind drives the flow,
the thank-you and the agent brief, so each of those forms promised what it is not about.

``heading_kind`` reads the heading (the words before the list) for five kinds of form a
person names in any of the five languages, and only when the engine read a kind whose
promise does not fit:

- a survey or poll ("Encuesta …", "Sondage …", "Mitarbeiterumfrage …", "Inquérito …") is a
  survey (the feedback kind);
- a parent's permission slip ("Autorisation parentale …", "Einverständniserklärung der
  Eltern …", "Permiso de los padres …") is a consent form: routed to a person, thanked for
  the form, never a booking;
- a staff request ("Solicitud interna …", "Interner Antrag …", "Demande … pour les agents
  du service …", "Pedido de férias dos colaboradores") is an internal request;
- a request for information or a brochure ("Solicitud de información …", "Demandez votre
  brochure …", "Infomaterial anfordern …") is an enquiry answered by a person, not a price
  request or a newsletter;
- a bare registration ("Anmeldung: …", "Inscrição: …", "Anmeldung Stadtlauf: …") with no
  newsletter word is a registration.

The form is named for its heading as the marketer wrote it, or for the kind when the
heading is a sentence. A quote (presupuesto, devis, Angebot, orçamento), a booking and a
real newsletter keep their kind: their headings hold none of these words, and the kinds
they are read as are not the ones corrected.
"""

from __future__ import annotations

import re

from app.services.llm.local_kinds import KINDS
from app.services.llm.local_thanks import (
    CONSENT_THANKS,
    FITS,
    SIGNED_UP_PLAYBOOK,
    SIGNED_UP_THANKS,
)

# the heading: the words before the list of fields
_HEAD_END = re.compile(r"\s*(?:[:;\n.!?(]|\s[-–—]\s)")
# a heading written as a sentence about the form is no name
_SENTENCE = re.compile(
    r"(?<![\w-])(?:necesit\w+|queremos|quiero|nous|voulons|voudrions|besoin|je|wir|brauche\w*|"
    r"ich|m[öo]chte\w*|precis\w+|gostar\w*|queria|quero|we|i|need|want)\b",
    re.I,
)

_SURVEY = re.compile(
    r"^(?:(?:formulario|formulaire|formular|formul[aá]rio)\s+(?:de|d'|zur|für)\s*)?"
    r"(?:encuestas?|sondages?|enqu[êe]tes? de satisfaction|\w*umfrage\w*|\w*befragung\w*|"
    r"pesquisas? de (?:opini[ãa]o|satisfa[çc][ãa]o)|inqu[ée]ritos?|"
    # a questionnaire is a survey when it asks for opinions (a health one is an intake)
    r"(?:cuestionario|questionnaire|question[áa]rio)s? de (?:satisfac|satisfa[çc]|opini)\w*|"
    r"zufriedenheitsfragebogen)\b",
    re.I,
)

_CONSENT = re.compile(
    r"autorizaci[oó]n|autorisation|autoriza[çc][ãa]o|einverst[äa]ndnis\w*|\w*erlaubnis|"
    r"permiso|consentimiento|consentement|consentimento|\bconsent\b|permission slip",
    re.I,
)
# a consent form opens with the consent, or says whose it is in the heading
_CONSENT_FIRST = re.compile(
    r"^(?:(?:formulario|formulaire|formular|formul[aá]rio|hoja|fiche|ficha|termo)\s+"
    r"(?:de|d'|der|zur)\s*)?(?:parental\s+|parent(?:'s|s'|s)?\s+|guardian(?:'s|s')?\s+|trip\s+|"
    r"photo\s+|media\s+)?(?:" + _CONSENT.pattern + ")",
    re.I,
)
# ... and is about a child, a pupil, a photo or a trip (an "autorisation de travaux" is a permit)
_MINOR = re.compile(
    r"\b(?:padres|madre|padre|tutor\w*|hij[oa]s?|niñ[oa]s?|alumn[oa]s?|menor(?:es)?|parent\w*|"
    r"enfants?|[ée]l[èe]ves?|mineurs?|responsable l[ée]gal|eltern\w*|kind\w*|sch[üu]ler\w*|"
    r"erziehungsberechtigt\w*|pais|m[ãa]e|encarregad\w*|crian[çc]as?|alun[oa]s?|filh[oa]s?|"
    r"educando|child\w*|pupils?|guardians?|fotos?|photos?|images?|imagen|imagem|bild\w*|"
    r"excursi[oó]n|sortie|"
    r"ausflug|klassenfahrt|visita de estudo|excurs[ãa]o|campamento|colonias?|col[óo]nia|camps?|"
    r"trips?)\b",
    re.I,
)

_STAFF = (
    r"personal|empleados|trabajadores|profesores|docentes|personnel|salari[ée]s|agents|"
    r"employ[ée]s|collaborateurs|enseignants|mitarbeiter\w*|besch[äa]ftigten|kolleg\w*|"
    r"lehrkr[äa]fte|colaboradores|funcion[áa]rios|trabalhadores|professores"
)
_INTERNAL = re.compile(
    r"\bintern(?:[oa]s?|e[snr]?)?\b|"
    r"\b(?:del|para el|de los|para los|pour le|du|des|pour les|f[üu]r|der|dos|das|para os|pelos|"
    rf"pelas|aos)\s+(?:{_STAFF})\b|^(?:{_STAFF})\w*(?:antrag|anfrage)",
    re.I,
)
# a job, a hire or a helpdesk is another kind of form
_NOT_INTERNAL = re.compile(
    r"\b(?:empleo|trabajo|candidatur\w*|recrut\w*|emploi|stellen?\w*|bewerb\w*|vagas?|"
    r"recrutamento|contrata\w*|soporte|assistance|support|st[öo]rung\w*|incidencias?|avarias?)\b",
    re.I,
)

# an application ("Wohnungsbewerbung", "Candidatura …") is never a newsletter sign-up
_APPLIED = re.compile(r"\w*bewerbung\b|\bcandidatur[ae]s?\b|\bantrag\b", re.I)

_INFO = re.compile(
    r"\b(?:solicitud|petici[oó]n|pedido|demandes?|anfrage|request)\s+(?:de|d')\s*(?:m[aá]s\s+)?"
    r"(?:informaci[oó]n|informations?|informa[çc](?:[õo]es|[ãa]o)|documentation)\b|"
    r"\b(?:solicit[ae]r?|pid[ae]|pedir|demandez|demander|recevez|recevoir|pe[çc]a|solicite|"
    r"fordern|anfordern)\b.{0,30}\b(?:informaci[oó]n|informations?|informa[çc][õo]es|brochure|"
    r"documentation|folleto|prospekt\w*|infomaterial|unterlagen|cat[aá]logo)\b|"
    r"\binfo(?:rmations)?material\w*|\binformationen anfordern\b|\binfo(?:rmations)?-?anfrage\b",
    re.I,
)
# information about prices is a price request
_PRICE = re.compile(
    r"presupuesto|precios?|tarifas?|cotizaci[oó]n|devis|tarifs?|prix|angebot\w*|preis\w*|"
    r"or[çc]amento|pre[çc]os?",
    re.I,
)

_REGISTERED = re.compile(r"^(?:anmeldung|inscripci[oó]n|inscription|inscri[çc][ãa]o)\b", re.I)
_NEWS = re.compile(
    r"news|lettre|bolet[ií]n|mailing|infolettre|rundbrief|liste|lista|actualit|novedades|"
    r"neuigkeiten|novidades|not[ií]cias|angebote|aktionen|promo|ofertas|offres",
    re.I,
)
# "Anmeldung: Name, E-Mail" asks nothing a registration would: left as the engine read it
_ONLY_CONTACT = re.compile(
    r"^(?:\s*(?:,|\bund\b|\by\b|\bet\b|\be\b)?\s*(?:(?:vor|nach)?name|nombre|nom|pr[ée]nom|nome|"
    r"e-?mail|correo(?: electr[óo]nico)?|courriel|apellidos?|sobrenome))+\s*[.!]?\s*$",
    re.I,
)
_WHEN = re.compile(
    r"\b(?:fechas?|horas?|horario|dates?|jours?|heures?|cr[ée]neaux?|datum|uhrzeit|termine?|"
    r"dias?|hor[áa]rios?|data|vormittags?|nachmittags?|abends?|morgens|ma[ñn]anas?|tardes?|"
    r"matin|apr[èe]s-midi|soir)\b",
    re.I,
)

# the kinds whose stock promise (a quote, a booking link, a welcome email, a generic reply,
# an enrolment) each heading below corrects
_LEADS = ("pricing", "booking", "demo", "contact", "order", "partnership", "newsletter")
_SURVEYED = (*_LEADS, "event", "course", "waitlist", "download", "webinar")
_CONSENTED = (*_LEADS, "event", "course", "waitlist", "webinar")
_INFORMED = (*_LEADS, "course", "waitlist", "download", "internal")
_REGISTERS = ("newsletter", "waitlist", "booking", "pricing", "contact")

# the name a consent form takes when its heading is a sentence
_CONSENT_NAME = {
    "es": "Autorización",
    "fr": "Autorisation parentale",
    "de": "Einverständniserklärung",
    "pt": "Autorização",
    None: "Consent Form",
}


def _kind(key: str) -> dict:
    return next(k for k in KINDS if k["key"] == key)


def _consent_kind() -> dict:
    goal, playbook = next((f[2], f[4]) for f in FITS if f[3] == CONSENT_THANKS)
    # the event kind's fields and flow (a person reads it), under its own key: no talk topic
    # in its name, no event questions
    return {
        **_kind("event"),
        "key": "consent",
        "name": "Consent Form",
        "goal": goal,
        "thanks": CONSENT_THANKS,
        "playbook": playbook,
    }


def _heading(original: str) -> str:
    return _HEAD_END.split(original.strip(), maxsplit=1)[0].strip(" \"'“”")


def _titled(name: str) -> str:
    """ "Parent consent for school trip to the science museum" → "Parent Consent for School
    Trip": where the trip goes is no part of the form's name; a short name is title-cased."""
    short = re.split(r"\s+to\s+(?:the\s+)?", name, maxsplit=1)[0]
    if len(short.split()) > 5:
        return short
    small = {"for", "the", "of", "a", "an", "and", "on", "in"}
    words = short.split()
    return " ".join(
        w if i and w.lower() in small else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _named(head: str, stock: str) -> str:
    """The heading as the marketer wrote it, or ``stock`` when it is a sentence."""
    if not head or len(head.split()) > 12 or _SENTENCE.search(head):
        return stock
    return head[:1].upper() + head[1:]


def heading_kind(
    original: str, lang: str | None, kind: dict, own_name: str | None
) -> tuple[dict, str] | None:
    """(the kind, the form's name) the heading of ``original`` names, when the engine read
    ``kind`` and that kind's promise does not fit the form; None otherwise. A survey the
    engine read as one, with no name of its own, is named for a heading of two words or
    more ("Sondage sur la réservation en ligne", not "Enquête de satisfaction")."""
    head = _heading(original)
    if not head:
        return None
    key = kind["key"]
    if lang and _SURVEY.search(head):
        if key in _SURVEYED:
            return _kind("feedback"), _named(head, "Feedback Survey")
        if key == "feedback" and not own_name and len(head.split()) > 1:
            return kind, _named(head, "Feedback Survey")
    if own_name:
        return None
    # in English only a consent form read as a booking or a sale: the cues read the rest
    consents = key in _CONSENTED and (lang or kind["flow"] != "direct_route")
    if (
        consents
        and _CONSENT_FIRST.search(head)
        and (_MINOR.search(head) or _MINOR.search(original))
    ) or (consents and lang and _CONSENT.search(head) and _MINOR.search(head)):
        name = _named(head, _CONSENT_NAME[lang])
        return _consent_kind(), name if lang else _titled(name)
    if not lang:
        return None
    if key in ("newsletter", "waitlist") and _APPLIED.search(head):  # "Wohnungsbewerbung: …"
        return _kind("contact"), _named(head, "Contact Us")
    if key in _LEADS and _INTERNAL.search(head) and not _NOT_INTERNAL.search(head):
        return _kind("internal"), _named(head, "Internal Request")
    if key in _INFORMED and _INFO.search(head) and not _PRICE.search(head):
        return _kind("contact"), _named(head, "Information Request")
    if (
        key in _REGISTERS
        and _REGISTERED.search(head)
        and not _NEWS.search(original)
        and not _ONLY_CONTACT.match(original.strip()[len(head) :].lstrip(" :;-–—"))
        and not (key == "booking" and _WHEN.search(original))
    ):
        signed_up = {
            "goal": "sign people up and confirm the details",
            "thanks": SIGNED_UP_THANKS,
            "playbook": SIGNED_UP_PLAYBOOK,
        }  # a race, a club, a tutoring place: confirmed, with no promise of a welcome email
        return {**_kind("event"), **signed_up}, _named(head, "Event Registration")
    return None
