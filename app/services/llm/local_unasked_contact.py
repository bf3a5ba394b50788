"""No contact field a listed form did not name (round 18a, issue 20: "never add a required
field it did not ask for").

A marketer who lists the fields ("Five-a-side league entry: team name, skipper, mobile, shirt
colour") has said how the person is known and how to reach them. The kind still brings its
stock contact fields (a required "Full name" and "Email", a booking's phone), so the draft
asked for a name and an email beside the skipper and the mobile. Here, once the named fields
are in (and the role readers have merged "organiser's name", "nom du responsable" into the
name), on a form whose description lists two fields or more:

- the stock name goes when the list names no person's name: a person named by their part
  ("skipper", "club secretary", "names of the couple", "father's or mother's name", "nom du
  responsable") is the name, in the marketer's words, and nobody else is asked beside it;
- the stock email (and a stock phone) goes when the list gives another way back (a phone, a
  mobile, a contact number, a WhatsApp): an SMS waiting list, a callback, a booking by text;
- a list that gives no way back at all keeps the email, optional and plain ("Email"), on a
  form someone answers (a quote, a booking, a support request, an application): a marketer
  who forgot it is one click from making it required, and one who meant no contact strikes it
  out; nothing else is added. A report filed in house (a safeguarding concern, a
  whistleblowing report, a staff incident log) reaches its people another way: no email. A sign-up (a newsletter, a waiting list) is its email: it stays
  as it was. A submission without an email makes no contact (SPEC): the marketer's choice.

Business stock fields (a "Work email" label, the "Company", the "Website", the company size,
industry, job title and partner type) are for a business buyer's enquiry. A form named for a person's part (a creator's or influencer's collaboration,
a volunteer, a member, a tenant, a flat to rent, a personal booking) is not one, whatever the
flow: the stock company and website go, and the work email is a plain "Email".

A description that lists nothing ("a contact form for my florist shop") keeps the stock
name and email; a list that names them keeps them; "email only" is decided before this.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import concept_for
from app.services.llm.local_listed_extras import gives_examples
from app.services.llm.local_meant_items import read_as_meant
from app.services.llm.local_needed_items import records_a_reply
from app.services.llm.local_one_person import _someone_else, contact_role
from app.services.llm.local_stock_extras import settle_stock
from app.services.llm.local_way_back import answerable

# A way to reach the person other than the email: a phone by any name, a messaging app
_WAY_BACK = re.compile(
    r"\b(?:phones?|mobiles?|cell|telephone|tel|contact (?:number|no)|whats ?app|telegram|signal|"
    r"viber|wechat|sms|text(?:s|ing)? (?:number|us)|tel[ée]fonos?|telefone|t[ée]l[ée]phone|"
    r"portable|m[óo]vil|celular|telem[óo]vel|handy(?:nummer)?|telefon\w*|rufnummer)\b",
    re.I,
)
# a phone as a thing asked about, not a number to call ("phone model", "type of mobile")
_THING = re.compile(
    r"\b(?:models?|makes?|brands?|types?|cases?|repairs?|screens?|plans?|contracts?|providers?|"
    r"networks?|operators?|versions?|colou?rs?|sizes?|modelo|mod[eè]le|marca|marque|marke)\b",
    re.I,
)
# The form is for a person, not a business buying: its opening names them
_PERSONAL = re.compile(
    r"\b(?:influencers?|influenciador\w*|creators?|content creators?|bloggers?|vloggers?|youtubers?|streamers?|"
    r"tiktokers?|ugc|ambassadors?|athletes?|volunteer\w*|members?|membership|tenan\w+|"
    r"lettings?|lodgers?|renters?|housemates?|flatmates?|flatshares?|"
    r"(?:rental|tenancy) (?:applications?|enquir\w+|inquir\w+|forms?)|"
    # a home to rent in es/fr/de/pt ("dossier de location", "alquiler", "Mietbewerbung")
    r"(?:dossier|demande|candidature|formulaire) de location|alquil\w+|arrendamento|alug\w+|"
    r"miet(?:bewerbung|antrag|interess\w*|wohnung|gesuch)\w*|wohnungsbewerbung|"
    r"(?:flat|apartment|house|room|holiday|student|cottage|studio)s? (?:rentals?|lets?|to let|"
    r"to rent|housing|applications?|enquir\w+|inquir\w+|viewings?)|"
    r"personal|private (?:chef|lessons?|tuition|part(?:y|ies)|dinners?)|birthdays?|weddings?|"
    r"creador\w*|cr[ée]at(?:eur|rice)s?|criador\w*|voluntari\w+|b[ée]n[ée]vol\w*|ehrenamt\w*|"
    r"socios?|membres?|mitglied\w*|inquilin\w+|locataires?|mieter\w*|arrendat\w+|"
    r"markenbotschafter\w*|embajador\w*|embaixador\w*)\b",
    re.I,
)
# The list itself asks for the business (then its stock fields are the marketer's)
_BUSINESS_ASKED = re.compile(
    r"\b(?:company|business|brand|organi[sz]ation|empresa|entreprise|soci[ée]t[ée]|"
    r"unternehmen|firma)\b",
    re.I,
)
# A product sold to a business, whoever its users are ("membership software demo for gyms")
_SOLD_TO_BUSINESS = re.compile(
    r"\b(?:software|saas|platform|app|crm|system|tool|b2b|licen[cs]es?|seats|"
    r"wholesale|trade|agenc(?:y|ies)|companies|businesses)\b",
    re.I,
)
_LIST_START = re.compile(r"[:—–]|\s-\s")
# a business's stock questions: who it is, how big, which trade, what kind of partner
_BUSINESS_STOCK = (
    "company",
    "website",
    "company_size",
    "industry",
    "job_title",
    "partnership_type",
)
_STOCK_LABELS = {key: catalog.field(key)["label"] for key in _BUSINESS_STOCK}
# a sign-up is its email: it stays as it was (every other flow keeps it optional)
_SIGN_UP = "email_marketing"


def settle_contacts(fields: list, items: list, kind: dict, text: str) -> None:
    """The stock contact fields a listed form did not name, settled (see the module)."""
    read_as_meant(fields, text)  # "coordonnées", "WhatsApp number", "people ask about X"
    _business_only(fields, text)
    if len(items) < 2 or not lists_fields(text) or gives_examples(fields):
        return  # prose ("a florist, people ask about weddings"), kinds of matter ("wrong size")
    settle_stock(fields, items, text)  # no business stock a person's list did not name
    if _DETAILS.search(text):
        return  # "datos de contacto", "Kontaktdaten": the contact fields, asked
    named = {concept_for(i["phrase"]) for i in items}
    stock = {f["name"]: f for f in fields if f.get("_domain") and f["name"] in _CONTACTS}
    if "name" in stock and not _person_named(fields, named, text):
        fields.remove(stock["name"])
        for f in fields:  # "First name, email, …": the first name is asked as the name was
            if f["name"] == "first_name" and not f.get("optional"):
                f["required"] = f["required"] or stock["name"]["required"]
    email = stock.get("email")
    way_back = _way_back(fields)
    if email is not None:
        if (
            way_back
            or (records_a_reply(text) and kind["flow"] != _SIGN_UP)
            or _on_file(fields)
            or _asked_anonymously(kind, text)
            or _filed_in_house(text)
            or (kind["flow"] != _SIGN_UP and _another_email(fields, text))
        ):
            fields.remove(email)  # an RSVP, a sign-up sheet, a survey: nobody is answered
        elif kind["flow"] != _SIGN_UP:
            email.update(required=False, **_plain_email())
    if "phone" in stock and stock["phone"] in fields:
        fields.remove(stock["phone"])  # the list said how to reach them, or said nothing
    # the only way back the list names is required (a phone-only booking can be answered)
    answerable(fields, items, kind, text, _is_way_back, lambda f: f.get("_domain"))


_CONTACTS = ("name", "email", "phone")
# "contact details" in the five languages (the English words are read into fields already;
# the glossed Spanish "datos" may read "dates")
_DETAILS = re.compile(
    r"\b(?:contact (?:details|info\w*)|(?:your|their) (?:contact )?details|(?:datos|dates|dados) "
    r"de conta\w*|coordonn[ée]es|kontakt(?:daten|angaben|informationen)|contact data)\b",
    re.I,
)
# "name" alone as a list item (not "team name", "dog's name", "name of the child")
_NAME_SAID = re.compile(
    r"(?:^|[,:;(]|\b(?:with|mit|con|avec|com|and|und|y|et|e|plus|ask(?: for)?|need|want|"
    r"collect|their|your|full|just|only|simply|solo|s[óo]lo|juste|seulement|nur|"
    r"apenas|s[óo])\s)\s*(?:the |their |your |full )?"
    r"(?:names?|nombres?|noms?|nomes?)\b"
    r"(?!\s+(?:of|des|der|del|de|du|do|da|dos|das|eines|einer|van)\b)",
    re.I,
)
_BRACKETS = re.compile(r"\([^()]*\)")
_LAST = re.compile(r",[^,]*\b(?:and|plus|y|et|und|e)\b|,[^,]*&", re.I)


def lists_fields(text: str) -> bool:
    """The description is a list of what to ask: a list opened by ":" or a dash with a comma
    in it, or three items or more ("address, roof type and photos"); answers in brackets are
    no items. "Contact form for our church — prayer requests and general questions" names
    topics, not fields."""
    plain = _BRACKETS.sub(" ", text)
    start = _LIST_START.search(plain)
    if start and "," in plain[start.end() :]:
        return True
    return plain.count(",") >= 2 or _LAST.search(plain) is not None


def _person_named(fields: list, named: set, text: str) -> bool:
    """The list asks the name the stock field asks: a name, or a first and a last name (the
    draft joins them later), or says "name" as one of its items where the item reader missed
    it ("ein Kontaktformular mit Name, E-Mail, …"). A first name alone ("First name, email,
    company") is the person's name as the marketer wants it: no "Full name" beside it, and
    neither is a parent's ("Name eines Elternteils") beside the child's."""
    listed = named | {f["name"] for f in fields if not f.get("_domain")}
    return (
        "name" in listed or {"first_name", "last_name"} <= listed or bool(_NAME_SAID.search(text))
    )


def _way_back(fields: list) -> bool:
    return any(_is_way_back(f) for f in fields)


def _is_way_back(f: dict) -> bool:
    """A named email or phone, or a field asking for a number to call or text, of the person
    writing (a referee's email, an emergency contact's phone, a manager's are someone else's)."""
    return (
        not f.get("_domain")
        and (
            f["type"] in ("email", "phone")
            or (
                f["type"] == "text"
                and _WAY_BACK.search(f"{f['name'].replace('_', ' ')} {f['label']}") is not None
                and not _THING.search(f["label"])  # "phone model" is what they own
            )
        )
        and not _others(f)
    )


# The person's own number with the business: a member, a card holder, a customer on file
_ON_FILE = re.compile(
    r"\b(?:member(?:ship)?|library card|loyalty card|customer|socio|s[óo]cio|adh[ée]rent|"
    r"cliente?)\s+(?:number|no|id)\b|\bmitglieds?nummer|\bkundennummer|\bn[úu]mero\s+de\s+"
    r"(?:socio|s[óo]cio|cliente|miembro)\b|\bnum[ée]ro\s+d'adh[ée]rent",
    re.I,
)


def _on_file(fields: list) -> bool:
    """The list names the person's member, card or customer number: the business has them
    on file, and the list is complete without an email ("your name, your membership number,
    friend's name, friend's email"; round 29b)."""
    return any(
        not f.get("_domain") and _ON_FILE.search(f["label"]) and not _others(f) for f in fields
    )


# what a survey or a feedback widget asks is the visitor's to give, not a request answered
_ASKED_OF_THEM = re.compile(
    r"\b(?:surveys?|feedback|questionnaires?|polls?|encuestas?|sondages?|umfrage\w*|"
    r"fragebogen|pesquisas?|inqu[ée]rito|question[áa]rio)\b",
    re.I,
)


def _asked_anonymously(kind: dict, text: str) -> bool:
    """A survey or a feedback widget whose list names no contact ("Website feedback widget:
    was this page helpful, what were you looking for"): it answers nobody, so the stock email
    goes, as on an RSVP (round 30c). One that offers a reply names the email itself."""
    start = _LIST_START.search(text)
    opening = text[: start.start()] if start else text
    if _ANSWERED.search(opening) or _KNOWN.search(text):
        return False  # a feature request, a site survey, an intake, a follow-up offered
    return _ASKED_OF_THEM.search(opening) is not None or (
        kind["key"] == "feedback" and _WIDGET.search(opening) is not None
    )


# a report a school, a care home or an employer's own people file: they are known in house
_IN_HOUSE_REPORT = re.compile(
    r"\b(?:safeguarding|whistle-?blow\w*)\b|"
    r"^(?=.*\b(?:logs?|concerns?|incidents?|accidents?|injur(?:y|ies)|near[ -]miss\w*|"
    r"bullying|harassment|misconduct)\b)"
    r"(?=.*\b(?:staff|employees?|colleagues|internal|in-house|pupils?|schools?|nurser(?:y|ies)|"
    r"care homes?)\b)",
    re.I,
)


def _filed_in_house(text: str) -> bool:
    """A safeguarding concern, a whistleblowing report, a staff incident log: the person is
    reached in house, and no email was asked (round 40b)."""
    return _IN_HOUSE_REPORT.search(text) is not None


_ANSWERED = re.compile(
    r"\b(?:requests?|votes?|voting|ideas?|solicitud|demande|anfrage|pedido)\b", re.I
)
_WIDGET = re.compile(r"\bwidgets?\b", re.I)
# a survey of a place (a damp survey), an intake of a known person, a follow-up offered
_KNOWN = re.compile(
    r"\b(?:free|site|damp|roof|building|structural|property|asbestos|measured|home|land|tree)\s+"
    r"surveys?\b|\bsurveys? of\b|\b(?:onboarding|intake|pre-?\w+ment|backer)\b|"
    r"\bfollow[- ]?ups?\b|\bcontact (?:you|them)\b|\bget back to\b",
    re.I,
)


# a referral rewards the one who refers: their email stays beside the friend's
_REFERRAL = re.compile(
    r"\b(?:refer(?:s|red|ring|rals?)?|recommend\w*|parrain\w*|empfehl\w*|empfiehl\w*|indica\w*)\b",
    re.I,
)


def _another_email(fields: list, text: str) -> bool:
    """The list names someone else's email (a manager's, a referee's) and none of the
    writer's: the marketer said whose email is wanted, and a confirmation alone needs no
    unasked field (round 33c). A referral keeps the referrer's."""
    return not _REFERRAL.search(text) and any(
        f["type"] == "email" and not f.get("_domain") and _others(f) for f in fields
    )


def _others(field: dict) -> bool:
    found = contact_role(field)
    return found is not None and _someone_else(found[1])


def _business_only(fields: list, text: str) -> None:
    """No stock company, website, company size, industry, job title or partner type, nor a
    "Work email", on a form for a person (see the module)."""
    start = _LIST_START.search(text)
    opening, listed = (text[: start.start()], text[start.end() :]) if start else (text, "")
    if (
        not _PERSONAL.search(opening)
        or _SOLD_TO_BUSINESS.search(opening)
        or _BUSINESS_ASKED.search(listed)
    ):
        return
    for key, label in _STOCK_LABELS.items():
        # the kind's own (a B2B sales form's company is added unmarked); one the list named
        # ("…, website, email") is the marketer's
        stock = next(
            (
                f
                for f in fields
                if f["name"] == key
                and f["label"] == label
                and (f.get("_domain") or key == "company")
            ),
            None,
        )
        if stock is not None:
            fields.remove(stock)
    email = next((f for f in fields if f["type"] == "email" and f["label"] == "Work email"), None)
    if email is not None and not re.search(r"\bwork e-?mail\b", text, re.I):
        email.update(_plain_email())


def _plain_email() -> dict:
    """The plain email's words (not a work address's "Please use your company address")."""
    plain = catalog.field("email")
    return {key: plain[key] for key in ("label", "placeholder", "help")}
