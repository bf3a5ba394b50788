"""What the form cannot work without is required, and nothing is added beside the list
(round 26c, issue 20).

A marketer expects the fields a form cannot work without to be required, and no field the
description did not ask for:

- The reference of an existing order or account the list asks for ("order number", "policy
  number", "membership number", "workspace name", "número de pedido", "numéro client",
  "Bestellnummer", "número de cliente") is required: a refund, a claim or a change to an
  account cannot be handled without it (``needed_as_listed``).
- The one a booking or a registration is about, named in the list, is required: the pet's
  name at a groomer or a vet ("dog's name", "Name des Hundes", "nome do animal"), a boat's at
  a marina, the baby's name at a nursery (round 24c already requires a child's, a pupil's, a player's), the
  vehicle's registration at a garage ("Kennzeichen", "immatriculation", "matrícula del
  coche").
- On a request an existing customer sends (a feature request, a refund, an account closure,
  a change of plan), the only way back the list names is required even when the form is
  only noted (``notify_only``): the person asked something and must hear back. A survey or
  feedback form still answers nobody.
- An item said with "if any", "if known", "(if you remember)", "optional", "si vous en
  avez", "falls vorhanden", "se tiver" stays optional whatever it is.

Nothing is added beside a list that says what it wants (``records_a_reply``,
``listed_enquiry``): an RSVP or a sign-up sheet ("name, attending, plus one, dietary")
records an answer and answers nobody, so the engine's stock email (kept optional on a listed
form with no way back, for a form someone answers) goes; an installer's or a florist's
*enquiry* whose list names what it is about gets no stock "What do you need a quote for?"
(a form that calls itself a quote or an estimate keeps it, as round 24c's guard says).
"""

from __future__ import annotations

import re

from app.services.llm.local_listed_asks import _ASKED_OF_THEM

# The reference of an existing order or account, in the five languages
_REFERENCE = re.compile(
    r"^(?:your |the |their |customer )?(?:"
    r"(?:order|booking|reservation|invoice|account|customer|client|member(?:ship)?|policy|"
    r"claim|contract|subscription|case|ticket)\s+(?:number|no\.?|num(?:ber)?|id|reference|ref)|"
    r"(?:workspace|account|tenant) (?:name|url|id)|"
    r"n[úu]mero (?:de |del |do |da )?(?:pedido|cliente|socio|s[óo]cio|p[óo]liza|ap[óo]lice|"
    r"reserva|factura|fatura|contrato|cuenta|conta|encomenda|afiliado|asociado|associado)|"
    r"num[ée]ro (?:de |d'|d’)?(?:commande|client|adh[ée]rent|membre|police|contrat|"
    r"r[ée]servation|facture|dossier|sinistre|compte|abonn[ée])|"
    r"(?:bestell|kunden|mitglieds|vertrags|policen|versicherungs|buchungs|rechnungs|auftrags|"
    r"konto|schadens|abo)(?:-?nummer|-?nr\.?)"
    r")$",
    re.I,
)
# The one a booking is about: an animal's, a baby's or a boat's name
_ANIMAL = r"pet|dog|cat|puppy|kitten|horse|pony|rabbit|animal|baby|infant|toddler|boat|vessel|yacht"
_SUBJECT_NAME = re.compile(
    rf"^(?:(?:your |the )?(?:{_ANIMAL})(?:'s|’s|s'|s’)?\s+(?:full |first )?name|"
    rf"(?:full )?name of (?:the |your )?(?:{_ANIMAL})|"
    r"nombre (?:del? (?:la )?)?(?:perro|gato|animal|mascota|beb[ée]|caballo|barco)|"
    r"nom (?:de l'|de l’|du |de la )?(?:animal|chien|chat|b[ée]b[ée]|cheval|bateau)|"
    r"name (?:des|der) (?:hundes|tieres|haustiers|haustieres|pferdes|babys|katze|bootes)|"
    r"(?:hunde|katzen|tier|haustier|pferde|boots)name|"
    r"nome d[oa] (?:animal|c[ãa]o|cachorro|gat[oa]|beb[ée]|mascote|pet|cavalo|barco))$",
    re.I,
)
# The vehicle at a garage: its registration, said so or said of a vehicle
_PLATE = re.compile(
    r"^(?:(?:vehicle|car|van|motorbike|bike|your) )?(?:registration|reg)(?: number| no\.?| plate)?$|"
    r"^(?:number|licen[cs]e|registration) plates?(?: number)?$|^vehicle reg\w*|^car reg\w*|"
    r"^(?:kfz-?)?kennzeichen$|^(?:num[ée]ro d'|num[ée]ro d’)?immatriculation\b|"
    r"^(?:n[úu]mero de )?(?:matr[íi]cula|placa|patente)\b",
    re.I,
)
_NEEDED = (_REFERENCE, _SUBJECT_NAME, _PLATE)
# A bare "registration" or "matrícula" is a vehicle's only on a vehicle's form
_VEHICLE = re.compile(
    r"\b(?:vehicles?|cars?|vans?|motorbikes?|mot|garage|tyres?|tires?|car wash|valet\w*|"
    r"mechanic\w*|coches?|veh[íi]culos?|taller|itv|voitures?|v[ée]hicules?|garagistes?|"
    r"auto|fahrzeug\w*|werkstatt|kfz|t[üu]v|carros?|ve[íi]culos?|oficina|viatura)\b|"
    r"kennzeichen|immatriculation|vehicle|plate",
    re.I,
)
# said to be the visitor's choice, right after the item
_OPTIONAL = re.compile(
    r"\(\s*(?:optional|if\b|optionnel|opcional|freiwillig|falls\b|si\b|se\b|sofern\b|wenn\b|"
    r"caso\b|le cas)|\b(?:if (?:any|known|you (?:have|remember|know))|optional(?:ly)?|"
    r"si vous en avez|si (?:lo |la )?tiene|si (?:la |le )?conna[iî]t|falls vorhanden|"
    r"wenn vorhanden|se tiver|se souber|if applicable)\b",
    re.I,
)
_ITEM_SPLIT = re.compile(r"[,;:\n]|\s+(?:and|y|et|und|e)\s+", re.I)


def _said_optional(label: str, pattern: re.Pattern, original: str) -> bool:
    """The listed item the field was read from is marked as the visitor's choice."""
    for item in _ITEM_SPLIT.split(
        re.sub(r"\([^()]*\)", lambda m: m[0].replace(",", " "), original)
    ):
        head = re.sub(r"\s*\(.*$", "", item).strip().lower()
        if (head == label or pattern.match(head) or label in head) and _OPTIONAL.search(item):
            return True
    return False


def needed_as_listed(fields: list, original: str) -> None:
    """An existing customer's reference, a pet's or a baby's name, a vehicle's registration:
    required as listed, unless said optional (see the module)."""
    if _ASKED_OF_THEM.search(original):
        return  # a survey's or a feedback form's items are the visitor's to give
    items = [re.sub(r"\s*\(.*$", "", i).strip() for i in _ITEM_SPLIT.split(original)]
    for f in fields:
        label = (f.get("label") or "").strip().rstrip("?").strip().lower()
        pattern = next((p for p in _NEEDED if p.match(label)), None)
        if f["type"] != "text" or f.get("required") or pattern is None or f.get("show_if"):
            continue  # "if by car, registration number": asked of some answers only
        if not any(pattern.search(i) for i in items):
            continue  # the domain's own "Order number": not listed, not required
        if pattern is _REFERENCE and _CONTACT_FORM.search(original):
            continue  # a contact form is not only for customers
        if pattern is _PLATE and (not _VEHICLE.search(original) or _REPORT.search(original)):
            continue  # "registration number" of a company; the car someone reports
        if not _said_optional(label, pattern, original):
            f["required"] = True


_CONTACT_FORM = re.compile(
    r"\bcontact(?: us)? forms?\b|\bcontact us\b|kontaktformular|formulaire de contact|"
    r"formulario de contacto|formul[áa]rio de contacto",
    re.I,
)
_REPORT = re.compile(r"\b(?:reports?|abandoned|denuncia\w*|signal\w*|meldung|den[úu]ncia)\b", re.I)


# A request an existing customer sends, to be answered
_REQUEST = re.compile(
    r"\b(?:requests?|refunds?|claims?|complaints?|changes? (?:of|to)|"
    r"solicitud|reembolso|reclamaci[óo]n|cambio de|demande|remboursement|modification|"
    r"antrag|anfrage|erstattung|[äa]nderung|pedido|reclama[çc][ãa]o|altera[çc][ãa]o)\b",
    re.I,
)
# the way back named in the list (a stock email is the engine's, never required by this)
_WAY_BACK_SAID = re.compile(
    r"\b(?:e-?mail|phone|mobile|telephone|correo|courriel|t[ée]l[ée]phone|telefon\w*|"
    r"tel[ée]fono|telefone|telem[óo]vel|celular|handy)\b",
    re.I,
)
# a changed detail ("new phone") is what changes, not how to answer
_CHANGED = re.compile(r"^(?:new|nuev[oa]|nouvel(?:le)?|nouveau|neue?s?|nov[oa])\b", re.I)
_WAY_BACK_TYPES = ("email", "phone")


def answer_the_request(fields: list, original: str, flow: str) -> None:
    """The only way back a request lists, on a form only noted (a feature request): required."""
    if flow != "notify_only" or not _REQUEST.search(original) or _ASKED_OF_THEM.search(original):
        return
    backs = [f for f in fields if f["type"] in _WAY_BACK_TYPES]
    for f in fields:  # "needs a phone?" asks about a phone, it names no way back
        if f["type"] not in _WAY_BACK_TYPES and f.get("label"):
            original = re.sub(re.escape(f["label"].rstrip("?")), " ", original, flags=re.I)
    if len(backs) != 1 or backs[0]["required"] or not _WAY_BACK_SAID.search(original):
        return
    label = (backs[0].get("label") or "").strip().lower()
    if not _CHANGED.match(label) and not _said_optional(label, _WAY_BACK_SAID, original):
        backs[0]["required"] = True


# A reply recorded, not answered: an RSVP, an attendance, a sign-up sheet, a rota
_RECORDS = re.compile(
    r"\b(?:rsvps?|attending|attendance|will you attend|plus[- ]ones?|sign[- ]?up sheets?|"
    r"rotas?|potlucks?|bring a dish|who'?s coming|confirmaci[óo]n de asistencia|asistir[áa]s?|"
    r"asistencia|confirmation de pr[ée]sence|pr[ée]sence|zusage|absage|r[üu]ckmeldung|"
    r"teilnahme \(ja|confirma[çc][ãa]o de presen[çc]a|presen[çc]a)\b",
    re.I,
)


def records_a_reply(text: str) -> bool:
    """An RSVP or a sign-up sheet: it records an answer, nobody is written back to."""
    return _RECORDS.search(text) is not None


# An enquiry, not a quote: "installer enquiry", "Demande pour notre fleuriste"
_QUOTE_SAID = re.compile(
    r"\b(?:quot\w*|estimat\w*|pric\w*|costs?|costings?|proposals?|tenders?|rfqs?|rfps?|"
    r"presupuestos?|devis|or[çc]amentos?|angebot\w*|kostenvoranschlag\w*|cotiza\w*|cota[çc]\w*)\b",
    re.I,
)
_ENQUIRY = re.compile(r"\b(?:enquir\w*|inquir\w*|demande|solicitud|anfrage|pedido)\b", re.I)


def listed_enquiry(text: str) -> bool:
    """An enquiry, not a quote ("installer enquiry", "Demande pour notre fleuriste"): once
    its list names what it is about, no stock quote box (``local_listed_extras``)."""
    return _ENQUIRY.search(text) is not None and _QUOTE_SAID.search(text) is None
