"""What a listed form already says: when the engine's own question is one too many.

A marketer who lists the fields ("Venue enquiry: name, email, event date, number of
guests, type of event") has said what the form asks. The kind still brings its stock
question, and ``local_one_role.settle_own_texts`` keeps it (optional) unless one of these
says it has no place (issue 20, "nothing a marketer would strike out"):

- the list says what the person wants: "What do you need a quote for?" or a sales form's
  "How can we help?" next to "type of event, number of guests", "sponsorship level (gold,
  silver, bronze)", "service needed (…)" (``says_what_is_wanted``); a list of contact
  details and terms only ("name, email, phone", "budget, timeline") does not, and the
  question stays — unless the form asks for no quote at all (a lead form, a sign-up:
  round 17c);
- the list says what happened: "Describe the problem" (and an internal request's
  "Details") next to "what did you lose, where did you lose it", "is it flickering or out",
  "which bin (general, recycling)"; what a case is filed under (an order number, a model, a
  browser, a photo, a ticket's category) says nothing of it, and the question stays;
- the form is a report or a request named for itself ("lost property", "order a brochure",
  "Schadensmeldung") and its list asks something beyond who is writing: the contact kind's
  "How can we help?" has no place; a contact or enquiry form keeps it until the list names
  what it is about ("topic (billing, technical)");
- the question does not fit what the form is: "Why do you want to join us?" on a sign-up
  or a registration for one event, an enrolment, an accreditation or a bursary / grant
  application; on a job or regular volunteering once the list says what it asks ("licence,
  shifts, years of experience"), not when it names only who is writing; "How can we help?" on an
  accreditation, a registration or an application, where nobody writes to ask for help;
- the description invites free text ("anything else", "tell us more", "comments") and the
  question stays whatever the list says (``INVITES``); so does the quote question on a form
  named for a purpose the kinds do not have (a franchise, samples, investors), where
  ``local_form_names.fit_free_text`` makes it an optional "Anything else?".

The domain's own questions (``unasked_domain``: "Room type" on a hotel booking, "Address"
on an on-site quote, "New or existing patient", a press outlet) are for descriptions that
name no fields; a listed form keeps only the ones its list names (a date the list reader
missed stays: "couples should give wedding date, …").

Descriptions in es/fr/de/pt are read in English first; the words glossing leaves as they
were are in the patterns too.
"""

from __future__ import annotations

import re

from app.services.llm.local_form_names import ASKS_NO_QUOTE, form_name
from app.services.llm.local_listed_asks import asks_for_a_thing
from app.services.llm.local_needed_items import listed_enquiry

# Contact details and the terms of a sale: they say who is writing, not what they want.
_CONTACT = re.compile(
    r"(?:^|_)(?:e_?mail|phone|mobile|telephone|company|organi[sz]ation|business|website|"
    r"web|url|linkedin|address|postcode|zip|country|city|budget|timeline|consent|contact|"
    r"outlet|publication|"
    r"company_size|job_title|referral_source|industry|may_contact|client|cliente|customer)(?:_|$)|"
    # a person's name, not a thing's ("part name", "street name", "GP name" say what is meant)
    r"^(?:(?:full|first|last|given|family|sur|your|their|contact|guest|applicant|person)_)?name$"
)
# Which one, not what: an identifier ("order number", "TV model", "serial"), a browser, a
# priority, a file. A list of these says what the case is filed under, not what the person
# wants or what happened ("Support request: name, email, order number").
_FILED = re.compile(
    r"^(?!.*\b(?:number of|how many)\b).*\b(?:numbers?|no|id|reference|ref|code|serial|models?|"
    r"makes?|versions?|browsers?|devices?|os|priority|urgency|severity|links?|photos?|pictures?|"
    r"images?|screenshots?|uploads?|recordings?|attachments?|receipts?)\b"
)
# A ticket's classification: the queue it goes to, not what happened
_CLASSIFIED = re.compile(r"\b(?:categor\w*|department|team|topic|subject|area)\b")
_FILED_TYPES = ("file", "checkbox")
# The kinds of matter a form is for, listed as if they were fields
_EXAMPLE = re.compile(
    r"^(?:etc|and so on|wrong|damaged|late|missing|broken|lost|faulty|delayed|cancell?ed)\b|"
    r"\b(?:problems|issues|faults|complaints|lost|etc)$",
    re.I,
)
# When, not what: a choice of times is no choice of what is wanted
_WHEN = ("preferred_time", "preferred_date", "start_date", "needed_by")
# A list item naming the thing wanted: a type, a service, a package, a purpose
_WANTED_HEAD = re.compile(
    r"^(?:type|kind|sort|nature|service|services|purpose|level|package|tier|menu|products?|"
    r"what|which|art|tipo|genre|niveau|nivel|n[íi]vel|paket|forfait|pacote|paquete|servicio|"
    r"servi[çc]o|prestation|leistung|zweck|objetivo|finalidad|finalidade|objectif)\b",
    re.I,
)
# The description asks for free text in so many words
INVITES = re.compile(
    # ("any worries you'd like to tell us about,": the clause of a listed item, round 32c)
    r"\b(?:anything else|tell us (?:more|about(?!\s*(?:[,;.?!]|$)))|more (?:details|info\w*)|"
    r"(?:other|further|additional|extra) (?:details|info\w*|comments|notes|requests?)|"
    r"comments?|notes|questions?|autre chose|commentaires?|pr[ée]cisions|anmerkungen|"
    r"weitere (?:angaben|informationen)|comentarios?|observa[çc](?:[õo]es|iones)|algo m[áa]s|"
    r"algo mais)\b",
    re.I,
)
# A record a person files, not a question put to us: nothing to "help" with, no one to join
_RECORD = (
    r"accreditations?|akkreditierung\w*|acredita[çc][ãa]o|acreditaci[óo]n|credenciamento|"
    r"registrations?|regist(?:er|ering)\b|sign[- ]?ups?|enrol\w*|anmeldung|inscri\w+|"
    r"applications?|candidat\w+|"
    # money given to study or to a project: a bursary, a grant
    r"bursar(?:y|ies)|scholarships?|studentships?|grants?|funding|beca|bolsa|bourse|"
    r"stipendium|f[öo]rderung|subvenci[óo]n|subven[çc][ãa]o|subvention"
)
RECORD = re.compile(rf"\b(?:{_RECORD})", re.I)
# Joining us to work or to take part for good: the cover letter fits whatever else is said
_EMPLOYMENT = re.compile(
    r"\b(?:jobs?(?! titles?\b)|careers?|vacanc\w+|positions?|hiring|employment|cv|resumes?|roles? (?:at|with)|"
    r"membership|members|club|choir|team|crew|squad|internships?|apprenticeships?)\b",
    re.I,
)
# Not an application to join: a place on a course, money, a press pass
_NOT_JOINING = re.compile(
    r"\b(?:enrol\w*|accreditations?|akkreditierung\w*|acredita[çc][ãa]o|acreditaci[óo]n|"
    r"bursar(?:y|ies)|scholarships?|studentships?|grants?|funding|beca|bolsa|bourse|stipendium|"
    r"f[öo]rderung|subvenci[óo]n|subven[çc][ãa]o|subvention)\b",
    re.I,
)
# A sign-up for one event or one day (a fun run, a beach clean, a fair on 12 May) joins
# nothing; a sign-up to volunteer at the food bank each week does
_SIGN_UP = re.compile(
    r"\b(?:registrations?|regist(?:er|ering)|sign[- ]?ups?|anmeldung|inscri\w+)\b", re.I
)
_ONE_EVENT = re.compile(
    r"\b(?:events?|fun ?runs?|races?|marathons?|walks?|clean[- ]?ups?|beach cleans?|"
    r"litter picks?|fairs?|f[êe]tes?|festivals?|markets?|concerts?|galas?|match days?|"
    r"tournaments?|contests?|competitions?|open days?|carrera|lauf|on (?:the )?\d{1,2}(?:st|nd|rd|th)?|"
    r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:this|next) (?:weekend|saturday|sunday))\b",
    re.I,
)
# A sign-up to give one's time for good joins us; one to a research panel or a call does not
_GIVES_TIME = re.compile(
    r"\b(?:volunt\w+|ambassadors?|mentors?|tutors?|helpers?|coach\w*|stewards?|marshals?)\b", re.I
)
# A form for writing to us, whatever it is about ("contact us about your application")
_ASKS = re.compile(r"\b(?:contact\w*|enquir\w*|inquir\w*|ask|help|support)\b", re.I)
# A form for writing to us: a contact form keeps its message until the list names what it
# is about ("topic (billing, technical)"); an enquiry or a question once the list says it
_CONTACT_FORM = re.compile(
    r"\b(?:contact(?:ing)? (?:us|form|page|our|the team)|contact-us|get in touch|in touch|"
    r"reach us|write to us|talk to us|speak to us|kontakt\w*|contacto|contato)\b",
    re.I,
)
_WRITING = re.compile(
    r"\b(?:enquir\w*|inquir\w*|ask (?:us|a question|our)|questions?|messages?|help|support|"
    r"feedback)\b",
    re.I,
)
# A request for a price, or an enquiry: "what do you need a quote for?" is what it is for
_QUOTED = re.compile(
    r"\b(?:quot\w*|estimat\w*|pric\w*|costs?|costings?|proposals?|tenders?|rfqs?|rfps?|"
    r"enquir\w*|inquir\w*|requests?|presupuestos?|devis|or[çc]amentos?|angebot\w*|"
    r"cotiza\w*|cota[çc]\w*|preventiv\w*|anfrage\w*|demande|solicitud|pedido)\b",
    re.I,
)
# Words of something gone wrong: the form is about a problem, which the person describes
_PROBLEM = re.compile(
    r"\b(?:problems?|issues?|faults?|faulty|broken|damaged?|not working|doesn'?t work|errors?|bugs?|"
    r"complain\w*|report\w*|incidents?|leaks?|outages?|missing|lost|wrong|stolen|noise|concerns?|"
    r"problemas?|probl[eè]mes?|incidencias?|aver[íi]as?|pannes?|st[öo]rung\w*|defekt\w*|"
    r"reclama\w*|r[ée]clamation\w*|beschwerde\w*|avaria\w*)\b",
    re.I,
)
# A change of one's details, not a problem: "change of address", "update your bank details"
_CHANGE = re.compile(
    r"\b(?:change|changes|update|updating|amend\w*|notice|new address|move-out|moving out|"
    r"cambio|actualiza\w*|changement|mise à jour|änderung|aktualisier\w*|mudan[çc]a|atualiza\w*)\b",
    re.I,
)
# What brings a patient in, said by a named item: the pain, the injury, the treatment wanted
_WHY_VISIT = re.compile(
    r"\b(?:pain|hurts?|injur\w*|symptoms?|concerns?|treatments?|services?|reason|"
    r"problems?|conditions?|complaint|wrong|tooth|teeth|toothache|vaccin\w*|jab|dolor|douleurs?|"
    r"schmerz\w*|dor|motivo|raison|grund|beschwerden|s[ií]ntomas|sympt[oô]mes)\b",
    re.I,
)
SALES_KINDS = ("pricing", "demo", "partnership", "staffing")


def says_what_is_wanted(fields: list, problem: bool = False) -> bool:
    """The fields the description named say what the person wants (or, for a ``problem``,
    what happened): two that are neither contact details nor terms (for a problem, nor what
    the case is filed under: an order number, a model, a browser, a file), or one that
    names it ("type of event", a choice of packages, "which bin (general, recycling)")."""
    told = [f for f in _asked(fields) if not problem or not _filed(f)]
    return len(told) >= 2 or names_what(fields, problem)


def names_what(fields: list, problem: bool = False) -> bool:
    """One named field says what it is about: "type of event", a choice of packages or of
    topics, "which bin (general, recycling)" (for a problem, not a ticket's category)."""
    return any(
        _WANTED_HEAD.match(f["label"].strip())
        or (
            f["type"] in ("select", "multiselect")
            and f.get("options") != ["Yes", "No"]
            and f["name"] not in _WHEN
        )
        for f in _asked(fields)
        if not problem or not (_filed(f) or _CLASSIFIED.search(_words(f)))
    )


def _asked(fields: list) -> list:
    """The named fields beyond who is writing (not the kinds of matter a list gives as
    examples: "wrong size, damaged item, late delivery", "laptop problems, etc")."""
    return [
        f
        for f in fields
        if (not f.get("_domain") or f.get("_named"))
        and not _CONTACT.search(f["name"])
        and f["type"] != "checkbox"
        and not examples(f)
    ]


def examples(field: dict) -> bool:
    """A list item naming a kind of matter, not a question: "late delivery", "card lost"."""
    return field["type"] == "text" and _EXAMPLE.search(field["label"].strip()) is not None


def gives_examples(fields: list) -> bool:
    return any(examples(f) for f in fields if not f.get("_domain"))


def _filed(field: dict) -> bool:
    return field["type"] in _FILED_TYPES or _FILED.search(_words(field)) is not None


def _words(field: dict) -> str:
    return f"{field['name'].replace('_', ' ')} {field.get('label') or ''}".lower()


def unwanted_on_list(field: dict, fields: list, text: str, kind: dict | None) -> bool:
    """Whether the engine's own ``field`` goes from a form whose description lists its fields."""
    if INVITES.search(text):
        return False
    name, kind_key = field["name"], (kind or {}).get("key", "")
    if name in ("message", "requirements") and asks_for_a_thing(text):
        return True  # a brochure, a free trial: the list is all it asks (round 24c)
    if name == "requirements" and kind and form_name(kind, text) in ASKS_NO_QUOTE:
        return False  # a franchise, a sample: asked as an optional "Anything else?" (round 13e)
    if name == "cover_letter":
        not_joining = _NOT_JOINING.search(text) or (
            _SIGN_UP.search(text) and (_ONE_EVENT.search(text) or not _GIVES_TIME.search(text))
        )
        # an application whose list says what it asks (licence, shifts, experience) has
        # said it: no stock "why us?" beside it; one that names only who is writing keeps it
        return (bool(not_joining) and _EMPLOYMENT.search(text) is None) or says_what_is_wanted(
            fields
        )
    if name == "message" and kind_key not in SALES_KINDS:
        if RECORD.search(text) is not None and _ASKS.search(text) is None:
            return True
        # a contact form keeps its message until the list says what it is about; a report or
        # a request named for itself ("lost property", "order a brochure") asks what it lists
        if _CONTACT_FORM.search(text):  # or once it lists three things beyond who writes,
            asked = _asked(fields)  # one a date, a number or a choice (round 34c)
            return names_what(fields) or (
                len(asked) >= 3 and any(f["type"] != "text" for f in asked)
            )
        if _WRITING.search(text):  # an enquiry about a thing named: one item says about what
            return says_what_is_wanted(fields) or _enquiry_told(fields, text)
        return bool(_asked(fields))
    if name == "requirements":  # a lead form that asks for no quote lists what it wants
        return (  # an enquiry, not a quote, whose list says what about (round 26c)
            says_what_is_wanted(fields)
            or _QUOTED.search(text) is None
            or (listed_enquiry(text) and any(f["type"] != "date" for f in _asked(fields)))
        )
    if name == "message":  # a sales form's "How can we help?"
        return says_what_is_wanted(fields)
    if name in ("description", "details"):  # what went wrong, what the request is
        # a change of details ("old address, new address, date of move") has no problem to
        # describe: two named items and no word of one say all there is
        named = [
            f
            for f in fields
            if (not f.get("_domain") or f.get("_named"))
            and f["name"] not in ("name", "email", "phone", "description", "details")
        ]
        return says_what_is_wanted(fields, problem=True) or (
            len(named) >= 2 and _CHANGE.search(text) is not None and not _PROBLEM.search(text)
        )
    if name == "visit_reason":  # "where is the pain, pain level": the list says why they come
        # a booking whose list asks about the visit ("have you donated before?", "which
        # vaccine") has said what it asks; one naming only who comes and when keeps it
        return any(_WHY_VISIT.search(_words(f)) or _about_visit(f) for f in _asked(fields))
    return False


# An enquiry, not a request for help: "Funeral pre-planning enquiry", "Adoption enquiry"
_ENQUIRY = re.compile(r"\b(?:enquir\w*|inquir\w*)\b", re.I)
_HELP = re.compile(r"\b(?:ask|help|support|questions?|messages?|feedback|general)\b", re.I)


def _enquiry_told(fields: list, text: str) -> bool:
    """An enquiry named for what it is about whose list asks one thing beyond who is writing,
    when and which case ("name of the person the plan is for"): the list has said it."""
    return (
        _ENQUIRY.search(text) is not None
        and _HELP.search(text) is None
        and any(_about_visit(f) and not _filed(f) for f in _asked(fields))
    )


# Who comes, not why: the patient, the animal brought ("pet type", "species", "new or existing")
_WHO_COMES = re.compile(
    r"\b(?:pets?|animals?|species|breed|patients?|owner|especies?|esp[éè]ces?|mascotas?|"
    r"pacientes?|tierart|haustier|esp[ée]cies?|sex|sexo|sexe|gender|g[ée]nero|geschlecht)\b"
)


def _about_visit(field: dict) -> bool:
    """A named question about the visit, not who comes (a pet's name or species, a date of
    birth, a new or existing patient) or when (a preferred date or time)."""
    return (
        field["name"] not in _WHEN
        and field["type"] not in ("date", "datetime", "time", "file")
        and not field["name"].endswith("name")
        and not _WHO_COMES.search(_words(field))
    )


def unasked_phone(field: dict, fields: list, flow: str) -> bool:
    """The kind's own phone on a listed application, sign-up or booking whose list names the
    email: the list says how to reach the person (a list naming no contact detail leaves the
    kind's own to the engine)."""
    return (
        field["name"] == "phone"
        and bool(field.get("_domain"))
        and flow in ("direct_route", "email_marketing", "booking_request")
        and any(f["type"] == "email" and not f.get("_domain") for f in fields)
    )


def unasked_domain(field: dict, fields: list, text: str) -> bool:
    """A question the domain adds on its own ("Room type" on a hotel booking, "Address" on
    an on-site quote, "Order number" where an order is mentioned), not named in the list;
    its free-text questions (a visit's reason, a refund's) are the form's own question and
    settled with the kind's (``unwanted_on_list``)."""
    return (
        bool(field.get("_concept"))
        and bool(field.get("_domain"))
        and not field.get("_named")
        and field["name"] not in _DOMAIN_TEXTS
        and not gives_examples(fields)  # "complaints: wrong size, late delivery": no list
        and not _date_said(field, fields, text)
    )


def _date_said(field: dict, fields: list, text: str) -> bool:
    """ "Couples should give wedding date, …": a date the description asks for and no named
    field took; the domain's date asks it."""
    return (
        field["type"] == "date"
        and _DATE_WORD.search(text) is not None
        and not any(f["type"] == "date" for f in fields if not f.get("_domain"))
    )


_DATE_WORD = re.compile(r"\b(?:dates?|deadlines?|when)\b", re.I)


_DOMAIN_TEXTS = ("reason", "visit_reason", "notes", "comments", "steps")
