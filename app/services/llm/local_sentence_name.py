"""A heading written as sentences names the form and its kind, in any of the five languages
(local engine, issue 20, round 19d).

Round 18d (``local_subject_name``) named English sentence headings ("We repair sewing
machines. Booking form: …" → "Sewing Machine Repair Booking"). Here:

- ``foreign_sentence_name``: the same in es/fr/de/pt, in the description's language: "Somos un
  taller de bicicletas. Formulario de reserva: …" → "Reserva de reparación de bicicletas",
  "Nous réparons des vélos. Formulaire de réservation : …" → "Réservation de réparation de
  vélos", "Wir reparieren Fahrräder. Buchungsformular: …" → "Fahrradreparatur – Buchung", and
  a business stated before its form in one sentence ("Para nuestra escuela de idiomas, un
  formulario de inscripción: …");
- ``course_kind``: "Anmeldung für unseren Kochkurs", "Inscripción a nuestro taller de
  cerámica" register for a course or a workshop: an enrolment, not an appointment booked;
- ``creator_kind``: a partnership or collaboration form for creators or influencers is a
  creator collaboration, not a B2B partnership (no company, no "How can we help?").
"""

from __future__ import annotations

import re

from app.services.llm.local_kinds import KINDS
from app.services.llm.local_own_purpose import COLLABORATION


def _table(said: str) -> dict[str, str]:
    """ "reserva:Reserva cita:Cita" → {"reserva": "Reserva", "cita": "Cita"}; "vendemos:" → ""."""
    return dict(pair.split(":") for pair in said.split())


# ---- the kind the heading's form noun says, per language ----
_FORM_NOUN = {
    "es": _table(
        "reserva:Reserva reservas:Reserva cita:Cita citas:Cita inscripción:Inscripción "
        "inscripcion:Inscripción pedido:Pedido pedidos:Pedido encargo:Encargo "
        "solicitud:Solicitud presupuesto:Presupuesto matrícula:Matrícula contacto:Contacto"
    ),
    "fr": _table(
        "réservation:Réservation reservation:Réservation inscription:Inscription "
        "commande:Commande devis:Devis demande:Demande rendez-vous:Rendez-vous contact:Contact"
    ),
    "pt": _table(
        "reserva:Reserva marcação:Marcação marcacao:Marcação inscrição:Inscrição "
        "inscricao:Inscrição encomenda:Encomenda pedido:Pedido orçamento:Orçamento "
        "orcamento:Orçamento contato:Contato contacto:Contacto"
    ),
    "de": _table(
        "buchungs:Buchung anmelde:Anmeldung angebots:Angebot bestell:Bestellung termin:Termin "
        "reservierungs:Reservierung anfrage:Anfrage auftrags:Auftrag reparatur:Anfrage kontakt:Kontakt"
    ),
}
_FORM_OF = {
    "es": re.compile(
        r"^(?:(?:un|el|nuestro)\s+)?formulario\s+de\s+(?P<noun>[\wáéíóúñ-]+)(?:\s+de\s+reparaci[oó]n)?$",
        re.I,
    ),
    "fr": re.compile(
        r"^(?:(?:un|le|notre)\s+)?formulaire\s+(?:de\s+|d['’])(?P<noun>[\wéèàç-]+)(?:\s+de\s+réparation)?$",
        re.I,
    ),
    "pt": re.compile(
        r"^(?:(?:um|o|nosso)\s+)?formul[aá]rio\s+de\s+(?P<noun>[\wáéíóúçãõ-]+)(?:\s+de\s+repara[cç][aã]o)?$",
        re.I,
    ),
    "de": re.compile(r"^(?:(?:ein|das|unser)\s+)?(?P<noun>[a-zäöüß]+?)(?:-)?formular$", re.I),
}
# ---- what the first sentence says the business is or does ----
_ARE = {
    "es": r"somos\s+(?:un|una)\s+",
    "fr": r"nous\s+sommes\s+(?:un|une)\s+",
    "pt": r"somos\s+(?:um|uma)\s+",
    "de": r"wir\s+sind\s+(?:ein|eine)\s+",
}
_FOR_OUR = {  # "Para nuestra clínica dental, un formulario de …"
    "es": r"para\s+(?:nuestr[oa]|mi)\s+",
    "fr": r"pour\s+(?:notre|mon|ma)\s+",
    "pt": r"para\s+(?:a\s+|o\s+)?(?:noss[oa]|minha|meu)\s+",
    "de": r"f[üu]r\s+(?:unser(?:e|en)?|mein(?:e|en)?)\s+",
}
# "Reparamos lavadoras" → "reparación de lavadoras"; a seller's goods are the subject
_DOES = {
    "es": _table(
        "reparamos:reparación arreglamos:reparación limpiamos:limpieza instalamos:instalación "
        "vendemos: hacemos: fabricamos:"
    ),
    "fr": _table(
        "réparons:réparation nettoyons:nettoyage installons:installation vendons: fabriquons: "
        "faisons:"
    ),
    "pt": _table(
        "reparamos:reparação consertamos:reparação arranjamos:reparação limpamos:limpeza instalamos:instalação "
        "vendemos: fazemos: fabricamos:"
    ),
    "de": _table(
        "reparieren:reparatur reinigen:reinigung installieren:installation verkaufen: backen:"
    ),
}
_WE = {"fr": r"nous\s+", "de": r"wir\s+"}
_ARTICLES = re.compile(
    r"^(?:(?:des|les|du|de|la|le|los|del|dos|das|las|os|as|el|unos|unas|uns|umas|petite?s?|pequeñ[oa]s?|"
    r"kleine[nrs]?|pequen[oa]s?)\s+|[dl]['’]\s*)+",
    re.I,
)
# "taller de bicicletas", "oficina de bicicletas": a repair shop, named for what it repairs
_SHOP = {"es": ("taller", "reparación"), "pt": ("oficina", "reparação")}
# a place's registration or appointment is made at it: "en la", "na", "à l'"
_AT = frozenset("Inscripción Matrícula Inscrição Cita Marcação".split())
# a bare request names nothing of the business that receives it
_GENERIC = {"es": {"Solicitud"}, "fr": {"Demande"}, "de": {"Anfrage"}, "pt": {"Pedido"}}
_CONTACTED = frozenset("Contacto Contact Contato Kontakt".split())
_BOOKED = frozenset("Reserva Cita Solicitud Presupuesto Marcação Orçamento Pedido".split())
_HEAD = re.compile(
    r"^\s*(?P<first>[^:;\n.!?()]{3,80}?)\s*[.,]\s*(?P<second>[^:;\n.!?()]{3,60}?)\s*:"
)
# "Für unsere Zahnarztpraxis ein Terminformular: …": one sentence, no comma
_DE_ONE = re.compile(
    r"^\s*(?P<first>f[üu]r\s+unser\w*\s+[^:;\n.!?(),]{3,60}?)\s+(?P<second>(?:ein|das)\s+\w+formular)\s*:",
    re.I,
)
_VOWEL = re.compile(r"^[aeiouéèêàâîôûh]", re.I)


def foreign_sentence_name(original: str, lang: str | None) -> str | None:
    """ "Somos un taller de bicicletas. Formulario de reserva: …" → "Reserva de reparación
    de bicicletas"; None when the heading is no business sentence before its form."""
    if lang not in _FORM_NOUN:
        return None
    m = _HEAD.match(original) or (_DE_ONE.match(original) if lang == "de" else None)
    if not m:
        return None
    noun = _form_noun(m["second"], lang)
    subject = noun and _subject(m["first"], lang, noun)
    if not subject:
        return None
    if noun in _CONTACTED:  # "Somos una clínica veterinaria. Formulario de contacto: …"
        return f"{noun} – {subject}"
    if lang == "de":
        return f"{subject[:1].upper()}{subject[1:]} – {noun}"
    if (
        lang == "fr"
        and noun in ("Inscription", "Rendez-vous")
        and subject.startswith(("l'", "la ", "au "))
    ):
        return f"{noun} {'' if subject.startswith('au ') else 'à '}{subject}"
    if noun in _AT and subject.startswith(("en ", "no ", "na ")):
        return f"{noun} {subject}"
    link = "d'" if lang == "fr" and _VOWEL.match(subject) else "de "
    return f"{noun} {link}{subject}"


def _form_noun(second: str, lang: str) -> str | None:
    second = re.sub(r"^(?:un|une|um|uma|ein|eine)\s+", "", second.strip(), flags=re.I)
    m = _FORM_OF[lang].match(second)
    return _FORM_NOUN[lang].get(m["noun"].lower()) if m else None


def _subject(first: str, lang: str, noun: str) -> str | None:
    first = first.strip()
    said = re.match(rf"^(?:{_ARE[lang]}|{_FOR_OUR[lang]})(?P<what>.+)$", first, re.I)
    if said:
        what = said["what"].strip()
        if len(what.split()) > 5 or re.search(r"\d", what):
            return None
        if noun in _GENERIC[lang]:  # "Nous sommes une mairie. Formulaire de demande": no name
            return None
        if lang == "fr" and noun in ("Inscription", "Rendez-vous"):  # "à l'école de musique"
            art = re.match(
                r"^(?:nous\s+sommes\s+|pour\s+)(?P<art>une?|notre|mon|ma)\b", first, re.I
            )
            fem = art and art["art"].lower() in ("une", "ma")
            what = f"l'{what}" if _VOWEL.match(what) else f"{'la' if fem else 'le'} {what}"
            return "au " + what[3:] if what.startswith("le ") else what
        if noun in _AT:  # "Inscripción en la escuela", "Marcação na clínica"
            art = re.match(r"^\w+\s+(?P<art>\w+)", first)
            fem = art and art["art"].lower() in ("una", "nuestra", "mi", "uma", "nossa", "minha")
            at = {"es": ("en el", "en la"), "pt": ("no", "na")}[lang][bool(fem)]
            return f"{at} {what}"
        shop = _SHOP.get(lang)
        if shop and noun in _BOOKED and what.lower().startswith(shop[0] + " de "):
            return f"{shop[1]} {what[len(shop[0]) + 1 :]}"
        return what
    does = re.match(rf"^{_WE.get(lang, '')}(?P<verb>\w+)\s+(?P<what>.+)$", first, re.I)
    if not does or does["verb"].lower() not in _DOES[lang]:
        return None
    done = _DOES[lang][does["verb"].lower()]
    what = _ARTICLES.sub("", does["what"].strip())
    if not what or len(what.split()) > 5 or re.search(r"\d", what):
        return None
    if lang == "de":
        if len(what.split()) != 1:
            return None
        return (_de_singular(what) + done) if done else what
    return f"{done} de {what}" if done else what


def _de_singular(word: str) -> str:
    """ "Fahrräder" → "Fahrrad", "Teppiche" → "Teppich", "Uhren" → "Uhr" (a compound's head)."""
    low = word.lower()
    if low.endswith("er") and re.search(r"[äöü][^äöü]*er$", low):
        word = word[:-2]
        i = max(word.rfind(c) for c in "äöü")
        word = word[:i] + {"ä": "a", "ö": "o", "ü": "u"}[word[i]] + word[i + 1 :]
    elif low.endswith("en") and len(low) > 5:
        word = word[:-2]
    elif low.endswith("e") and len(low) > 4:
        word = word[:-1]
    elif low.endswith("s") and len(low) > 4:
        word = word[:-1]
    return word


# ---- a quote or a callback asked for a subject (round 22a) ----
# "Angebot für Dachreinigung anfordern", "Solicitar presupuesto para reforma de baño", "Pedir
# orçamento para pintura de casa", "Demander un devis pour une cuisine sur mesure": the kind
# and what it is for, named as round 19d names them ("Demande de devis pour un déménagement"
# is a title already and stays)
_ASKED = {
    "de": re.compile(
        r"^(?:jetzt\s+)?(?:(?:ein(?:en)?|ihr(?:en)?|kostenlose[ns]?|unverbindliche[ns]?)\s+)*"
        r"(?P<noun>angebot|kostenvoranschlag|rückruf|rueckruf)\s+(?:für|fuer|zur|zum|zu|wegen)\s+"
        r"(?P<what>[^:;,.!?()]+?)\s+(?:anfordern|anfragen|einholen|erhalten|vereinbaren)$",
        re.I,
    ),
    "es": re.compile(
        r"^(?:solicit[ae]r?|pid[ae]|pedir|obtenga|obtener|reciba|recibir)\s+(?:(?:un|su|el)\s+)?"
        r"(?P<noun>presupuesto|cotizaci[oó]n)\s+(?:para|de|sobre)\s+(?P<what>.+)$",
        re.I,
    ),
    "pt": re.compile(
        r"^(?:pedir|pe[çc]a|solicitar|solicite|obter|obtenha|receber|receba)\s+(?:(?:um|o|seu)\s+)?"
        r"(?P<noun>or[çc]amento)\s+(?:para|de|sobre)\s+(?P<what>.+)$",
        re.I,
    ),
    "fr": re.compile(
        r"^(?:demander|demandez|obtenir|obtenez|recevoir|recevez)\s+(?:un|votre)\s+"
        r"(?P<noun>devis|rappel)\s+"
        r"(?:pour|de|sur|concernant|au\s+sujet\s+d(?:e\s+|['’]))(?P<what>.+)$",
        re.I,
    ),
}
_ASKED_NOUN = {
    "angebot": "Angebot",
    "kostenvoranschlag": "Kostenvoranschlag",
    "rückruf": "Rückruf",
    "rueckruf": "Rückruf",
    "presupuesto": "Presupuesto",
    "cotización": "Cotización",
    "cotizacion": "Cotización",
    "orçamento": "Orçamento",
    "orcamento": "Orçamento",
    "devis": "Devis",
    "rappel": "Demande de rappel",
}
_ASKED_LEAD = re.compile(
    r"^(?:(?:votre|vos|notre|nos|une?|su|sus|tu|nuestr[oa]s?|seu|sua|seus|suas|noss[oa]s?|"
    r"uma?|eine[nrms]?|ein|ihre[nrms]?|ihr|unsere[nrms]?|unser|die|der|das|den|dem|nouvelle|"
    r"nueva|nuevo|neue[nrs]?|nova|novo)\s+)+",
    re.I,
)


def foreign_asked_name(head: str, lang: str | None) -> str | None:
    """ "Angebot für Dachreinigung anfordern" → "Dachreinigung – Angebot", "Solicitar
    presupuesto para reforma de baño" → "Presupuesto de reforma de baño", "Demander un rappel
    pour votre assurance" → "Demande de rappel d'assurance"; None for any other heading."""
    pattern = _ASKED.get(lang or "")
    said = pattern.match(head.strip()) if pattern else None
    if not said:
        return None
    what = _ASKED_LEAD.sub("", _ARTICLES.sub("", said["what"].strip())).strip()
    if not what or len(what.split()) > 5 or re.search(r"[\d/&]", what):
        return None
    if lang != "de" and re.match(r"^\w+(?:ar|er|ir)\b", what, re.I):
        return None  # "… pour modifier votre rendez-vous": a thing to do, not a subject
    noun = _ASKED_NOUN.get(said["noun"].lower(), said["noun"].capitalize())
    if lang == "de":
        return f"{what[:1].upper()}{what[1:]} – {noun}"
    link = "d'" if lang == "fr" and _VOWEL.match(what) else "de "
    return f"{noun[:1].upper()}{noun[1:]} {link}{what}"


# ---- a registration for a course or a workshop: an enrolment ----
_COURSE_REGISTERED = re.compile(
    r"^\s*(?:anmeldung\s+(?:zum|zur|für)|inscription\s+(?:à|au|aux|pour)|inscripci[oó]n\s+(?:a|al|en|para)|"
    r"inscri[cç][aã]o\s+(?:no|na|em|para|ao|à))\b[^:;\n.!?()]{0,40}?"
    r"(?:kurs|workshop|stunde|unterricht|atelier|cours\b|stage\b|taller|curso|clase|aula|oficina)",
    re.I,
)


# "für unseren Kochkurs" → "zum Kochkurs": a name says the course, not whose it is
_OURS = (
    (
        re.compile(
            r"^(anmeldung\s+)f[üu]r\s+unser(?:en|e)?\s+(?=\S+(?:kurs|workshop|unterricht|abend)\b)",
            re.I,
        ),
        r"\1zum ",
    ),
    (re.compile(r"^(anmeldung\s+)f[üu]r\s+unsere\s+", re.I), r"\1zur "),
    (re.compile(r"^(inscription\s+)(?:à|pour)\s+notre\s+(?=[aeiouéh])", re.I), r"\1à l'"),
    (re.compile(r"^(inscription\s+)(?:à|pour)\s+notre\s+", re.I), r"\1au "),
    (re.compile(r"^(inscription\s+)(?:à|pour)\s+nos\s+", re.I), r"\1aux "),
    (re.compile(r"^(inscripci[oó]n\s+)(?:a|en|para)\s+nuestro\s+", re.I), r"\1al "),
    (re.compile(r"^(inscripci[oó]n\s+)(?:a|en|para)\s+nuestra\s+", re.I), r"\1a la "),
    (
        re.compile(r"^(inscri[cç][aã]o\s+)(?:no|em|para\s+o|ao)\s+(?:nosso|o\s+nosso)\s+", re.I),
        r"\1no ",
    ),
    (
        re.compile(r"^(inscri[cç][aã]o\s+)(?:na|em|para\s+a|à)\s+(?:nossa|a\s+nossa)\s+", re.I),
        r"\1na ",
    ),
)


def course_name(original: str) -> str | None:
    """ "Anmeldung für unseren Kochkurs: …" → "Anmeldung zum Kochkurs"; None unless a
    registration heading says whose the course or the workshop is."""
    m = _COURSE_REGISTERED.match(original)
    if not m:
        return None
    head = re.match(r"^\s*([^:;\n.!?()]{3,80}?)\s*[:;\n.!?(]", original)
    if not head:
        return None
    for pattern, said in _OURS:
        named, n = pattern.subn(said, head[1].strip())
        if n:
            return named[:1].upper() + named[1:]
    return None


def course_kind(original: str, kind: dict) -> dict:
    """The course kind for "Anmeldung für unseren Kochkurs: …" read as an appointment or a
    booking; any other kind as it is."""
    if kind["key"] != "booking" or not _COURSE_REGISTERED.match(original):
        return kind
    return next((k for k in KINDS if k["key"] == "course"), kind)


# ---- a collaboration with creators or influencers ----
_CREATORS = re.compile(
    r"\b(?:influencers?|(?:content\s+)?creators?|youtubers?|tiktokers?|bloggers?|streamers?|"
    r"creadores|créateurs|criadores|ersteller\w*|kreative)\b",
    re.I,
)
_COLLAB = re.compile(
    r"\b(?:partnerships?|collab(?:oration)?s?|partner|cooperations?|kooperation\w*)\b", re.I
)
CREATOR_NAME = "Creator Collaboration"
_CREATOR_NAMES = {
    "es": "Colaboración con creadores",
    "fr": "Collaboration avec des créateurs",
    "de": "Creator-Kooperation",
    "pt": "Colaboração com criadores",
}
FORM_WORD = re.compile(r"\b(?:form|formulario|formulaire|formul[aá]rio)\b|formular\b", re.I)
CREATOR_NAMES = frozenset({CREATOR_NAME, *_CREATOR_NAMES.values()})
CREATOR_QUESTION = "Tell us about your content and audience"


def creator_kind(told: str, kind: dict, lang: str | None) -> tuple[dict, str] | None:
    """(the creator collaboration kind, its name) for a partnership or collaboration form for
    creators or influencers (``told``: the description in English); None otherwise. It is
    the engine's collaboration kind (routed to the team, no sale), named for the creators."""
    if not _CREATORS.search(told):
        return None
    if kind["key"] != "collaboration":
        if kind["key"] not in ("partnership", "job_application", "contact") or not _COLLAB.search(
            told
        ):
            return None
    return (
        {
            **COLLABORATION,
            "fields": ["name", "email", "website-", "message"],
            "thanks": "Thanks for reaching out! We'll look at your content and reply within a few days.",
        },
        _CREATOR_NAMES.get(lang or "", CREATOR_NAME),
    )


def creator_heading(headed: str | None) -> bool:
    """Whether a heading names the collaboration itself ("Influencer collaboration request")
    and may stay the name: no "… form", no bare audience ("UGC creators")."""
    return bool(
        headed
        and not FORM_WORD.search(headed)
        and re.search(r"collab|partner|kooperation|colabora", headed, re.I)
    )


def creator_question(fields: list[dict]) -> None:
    """A creator is asked about their content, not "How can we help?"."""
    for f in fields:
        if f["name"] == "message" and f["label"] == "How can we help?":
            f["label"] = CREATOR_QUESTION
            f["placeholder"] = "Your channels, your audience, what you'd like to make with us"
