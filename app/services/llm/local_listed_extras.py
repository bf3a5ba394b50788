"""What a listed form already says: when the engine's own question is one too many.

A marketer who lists the fields ("Venue enquiry: name, email, event date, number of
guests, type of event") has said what the form asks. The kind still brings its stock
question, and ``local_one_role.settle_own_texts`` keeps it (optional) unless one of these
says it has no place (issue 20, "nothing a marketer would strike out"):

- the list says what the person wants: "What do you need a quote for?" or a sales form's
  "How can we help?" next to "type of event, number of guests", "sponsorship level (gold,
  silver, bronze)", "service needed (…)" (``says_what_is_wanted``); a list of contact
  details and terms only ("name, email, phone", "budget, timeline") does not, and the
  question stays;
- the question does not fit what the form is: "Why do you want to join us?" on a sign-up
  or a registration for one event, an enrolment, an accreditation or a bursary / grant
  application (not a job, nor volunteering week after week); "How can we help?" on an
  accreditation, a registration or an application, where nobody writes to ask for help;
- the description invites free text ("anything else", "tell us more", "comments") and the
  question stays whatever the list says (``INVITES``); so does the quote question on a form
  named for a purpose the kinds do not have (a franchise, samples, investors), where
  ``local_form_names.fit_free_text`` makes it an optional "Anything else?".

Descriptions in es/fr/de/pt are read in English first; the words glossing leaves as they
were are in the patterns too.
"""

from __future__ import annotations

import re

from app.services.llm.local_form_names import ASKS_NO_QUOTE, form_name

# Contact details and the terms of a sale: they say who is writing, not what they want.
_CONTACT = re.compile(
    r"(?:^|_)(?:name|e_?mail|phone|mobile|telephone|company|organi[sz]ation|business|website|"
    r"web|url|linkedin|address|postcode|zip|country|city|budget|timeline|consent|contact|"
    r"company_size|job_title|referral_source|industry|may_contact|client|cliente|customer)(?:_|$)"
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
    r"\b(?:anything else|tell us (?:more|about)|more (?:details|info\w*)|"
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
# A form for writing to us, whatever it is about ("contact us about your application")
_ASKS = re.compile(r"\b(?:contact\w*|enquir\w*|inquir\w*|ask|help|support)\b", re.I)
SALES_KINDS = ("pricing", "demo", "partnership", "staffing")


def says_what_is_wanted(fields: list) -> bool:
    """The fields the description named say what the person wants: two that are not contact
    details or terms, or one that names it ("type of event", a choice of packages)."""
    named = [f for f in fields if not f.get("_domain") or f.get("_named")]
    wanted = [f for f in named if not _CONTACT.search(f["name"]) and f["type"] != "checkbox"]
    return len(wanted) >= 2 or any(
        _WANTED_HEAD.match(f["label"].strip())
        or (
            f["type"] in ("select", "multiselect")
            and f.get("options") != ["Yes", "No"]
            and f["name"] not in _WHEN
        )
        for f in wanted
    )


def unwanted_on_list(field: dict, fields: list, text: str, kind: dict | None) -> bool:
    """Whether the engine's own ``field`` goes from a form whose description lists its fields."""
    if INVITES.search(text):
        return False
    name, kind_key = field["name"], (kind or {}).get("key", "")
    if name == "requirements" and kind and form_name(kind, text) in ASKS_NO_QUOTE:
        return False  # a franchise, a sample: asked as an optional "Anything else?" (round 13e)
    if name == "cover_letter":
        not_joining = _NOT_JOINING.search(text) or (
            _SIGN_UP.search(text) and _ONE_EVENT.search(text)
        )
        return bool(not_joining) and _EMPLOYMENT.search(text) is None
    if name == "message" and kind_key not in SALES_KINDS:
        return RECORD.search(text) is not None and _ASKS.search(text) is None
    if name == "requirements" or (name == "message" and kind_key in SALES_KINDS):
        return says_what_is_wanted(fields)
    return False


def unasked_phone(field: dict, fields: list, flow: str) -> bool:
    """The kind's own phone on a listed application or sign-up whose list names the email:
    the list says how to reach the person (a booking or a sale may still call back; a list
    naming no contact detail leaves the kind's own to the engine)."""
    return (
        field["name"] == "phone"
        and bool(field.get("_domain"))
        and flow in ("direct_route", "email_marketing")
        and any(f["type"] == "email" and not f.get("_domain") for f in fields)
    )
