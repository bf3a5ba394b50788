"""The fields of a generated draft: the kind's basics, the domain fields a
marketer expects, every field the description names, nothing it rules out.

Rules (issue 20): a field the description names is never dropped; a required
field is one the description asked for, a contact basic (name, email; company
on B2B sales forms) or the form's main free-text question; "nothing else" /
"just X" keeps exactly the fields named; "no account numbers" removes them.
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm import local_catalog as catalog
from app.services.llm.local_answer_kinds import answer_kind, clause_question, times_of_day
from app.services.llm.local_domain import concept_for, covers, domain_keys, is_b2b
from app.services.llm.local_extract import context_free, named_fields, negated
from app.services.llm.local_extract_item import SLOT_ACT, YES_NO, field_type, label_for
from app.services.llm.local_field_order import mark_listed
from app.services.llm.local_field_shapes import (
    SCALE_RE,
    file_label,
    file_shape,
    link_named,
    rated,
    rating_shape,
    ratings_in,
)
from app.services.llm.local_field_typos import correct_field_words
from app.services.llm.local_fields import _field_name
from app.services.llm.local_fragments import already_asked
from app.services.llm.local_intent import correct_typos
from app.services.llm.local_item_asked import HANDSET_ASKED
from app.services.llm.local_kept_items import recommended, scaled_label, when_dates
from app.services.llm.local_kinds_base import PARTICIPATION_PROPOSAL
from app.services.llm.local_meant_items import without_own_business
from app.services.llm.local_named_contact import merge_named_contact
from app.services.llm.local_one_org import merge_org_name
from app.services.llm.local_one_person import merge_role_contacts
from app.services.llm.local_one_role import settle_own_texts
from app.services.llm.local_own_labels import own_word
from app.services.llm.local_papers import uploaded_instead
from app.services.llm.local_poll import POLL_RE
from app.services.llm.local_role_name import merge_role_name
from app.services.llm.local_ruled_out import ruled_out, without_purpose_clause
from app.services.llm.local_unasked_contact import settle_contacts
from app.services.llm.local_visitor_voice import to_visitor
from app.services.llm.local_weekdays import WHICH_DAYS

# Words anywhere in a description that add a catalogue field the kind does not have.
HINTS = [
    (r"\bbudgets?\b", "budget"),
    (
        r"\b(?:phone|telephone|mobile number|call (?:me|them|you) back|call back|ring (?:them|back))\b",
        "phone",
    ),
    (
        r"\b(?:company|team|organi[sz]ation) size\b|\bheadcount\b|\bnumber of employees\b",
        "company_size",
    ),
    (r"\btimelines?\b|\btime ?frames?\b|\btime to purchase\b", "timeline"),
    (r"\b(?:their|your|company) websites?\b|\bwebsite (?:url|address)\b", "website"),
    (r"\blinkedin\b", "linkedin"),
    (r"\b(?:their|your|which) (?:industry|sector)\b", "industry"),
    (r"\bcountry\b|\b(?:their|your) location\b", "country"),
    (r"\bconsent\b|\bgdpr\b|\bopt[- ]?in\b|\bmarketing emails\b", "consent"),
    (
        r"\b(?:how|where) (?:did |do |have )?(?:[\w-]+ ){0,2}?[\w-]+ "
        r"(?:first )?(?:hear|heard|find|found|learn(?:ed|t)?|discover(?:ed)?)"
        r"(?: out)? (?:about|of) (?:us|our|"
        r"the (?:course|class|classes|event|school|club|academy|studio|camp|programme|program|"
        r"competition|job|role|vacancy|opportunity|offer))\b|\bhow (?:did )?(?:you|they) (?:hear|find)\b|"
        r"\breferral source\b|\battribution\b",
        "referral_source",
    ),
    (r"\bjob titles?\b|\b(?:their|your) roles?\b", "job_title"),
    (r"\bcompany names?\b|\b(?:their|your|which) (?:company|organi[sz]ation)\b", "company"),
]
# a short form; "a quick question about …", "a short bio" name a field, not the form's length
SHORT_RE = re.compile(
    r"\b(?:short|minimal|quick|brief|one[- ]field|lightweight)\b"
    r"(?!\s+(?:question|questions|note|notes|bio|description|answer|summary|poll|survey question)\b)",
    re.I,
)
ANONYMOUS_RE = re.compile(r"\banonymous(?:ly)?\b", re.I)
EMAIL_SAID = re.compile(r"\be-?mail\b", re.I)
NOTHING_ELSE_RE = re.compile(
    r"\bnothing else\b|\bno other fields?\b|\bthat'?s (?:it|all)\b|\bonly (?:the )?(?:email|name|ask)\b|"
    r"\bjust (?:the |an? |their )?(?:email|e-mail|name|first name)\b|\b(?:email|e-mail) only\b|"
    r"\bonly (?:an? )?email\b",
    re.I,
)
BASIC_WORDS = re.compile(
    r"\b(first name|last name|full name|company name|name|e-?mail(?: address)?|phone(?: number)?|message|company)\b",
    re.I,
)
# a signup that says what it takes beside the email ("email plus a consent checkbox")
EMAIL_PLUS = re.compile(
    r"\b(?:e-?mail|correo|courriel)(?: address)?\s+(?:and|plus|with|\+|&|y|et|e|und)\s+", re.I
)
EMAIL_PLUS_WORD = re.compile(r"\b(e-?mail(?: address)?)\s+plus\s+", re.I)


def _unasked(field: dict, text: str) -> bool:
    """Added by the engine, not the email or the consent box, and not named."""
    word = field["name"].replace("_", " ")
    return (
        bool(field.get("_domain"))
        and field["name"] not in ("email", "consent")
        and not re.search(rf"\b{word}s?\b", text, re.I)
    )


MARKETING_CUT = ("company", "company_size", "budget", "timeline", "job_title")
CONSUMER_SWAP = {"work_email": "email"}


def tailor_fields(kind: dict, description: str) -> list[dict]:
    description = EMAIL_PLUS_WORD.sub(r"\1 and ", description)  # "email plus X": two items
    # "hotel name? no, …", "no need for a phone": out of the list, and out of the form
    description, passed_over = ruled_out(without_purpose_clause(description))
    text = correct_typos(description)
    not_asked: list[str] = []
    items = named_fields(description, not_asked)
    if NOTHING_ELSE_RE.search(text):
        fields = _drop_negated(_only_named(kind, text, items), negated(text) + passed_over)
        mark_listed(fields, items)  # put in the list's order by build_form (local_field_order)
        return fields
    b2b = kind["key"] in ("demo", "partnership", "staffing", "download") or is_b2b(text)
    # a poll or a vote is its question: the survey's stock questions are not asked beside it
    listed = len(items) >= 2 or (len(items) == 1 and POLL_RE.search(text))
    base = kind["core"] if listed else kind["fields"]
    fields = [
        {**_catalog_field(key, b2b), "_domain": True} for key in base if _keep_base(key, kind, b2b)
    ]
    if b2b and kind["flow"] == "sales_lead" and not _has(fields, "company"):
        fields.insert(2 if len(fields) >= 2 else len(fields), catalog.field("company"))
    _add_domain_fields(fields, kind, text)
    _add_named(fields, [_with_scale(item, description) for item in items], kind, text)
    merge_named_contact(fields)  # "contact email": the form's email, in the marketer's words
    merge_role_name(fields, text)  # "journalist name" on a form for journalists: the name
    merge_role_contacts(
        fields, kind["key"]
    )  # "organiser's name, organiser's email": the person's own
    merge_org_name(fields, text)  # "agency name" on a partner form: the company, in their word
    _replace_defaults(fields)
    _add_ratings(fields, description)
    _add_hints(fields, kind, context_free(text, not_asked))
    _kind_rules(fields, kind, text)
    times_of_day(fields)  # "date of the noise, time it started": the time is of that day
    settle_contacts(fields, items, kind, text)  # a listed form: no contact field it did not name
    when_dates(fields)  # "quand souhaitez-vous commencer": a date
    settle_own_texts(fields, text, listed=len(items) >= 2, kind=kind)
    if kind["flow"] == "email_marketing" and EMAIL_PLUS.search(text):
        # "email plus a checkbox", "email and birthday": nothing beyond the email unasked
        fields = [f for f in fields if not _unasked(f, text)]
    fields = _drop_negated(fields, negated(text) + passed_over)
    if SHORT_RE.search(text) and not items:  # a marketer who lists fields keeps them
        fields = [f for f in fields if f["required"] or f["type"] == "email"]
    for f in fields:
        f.pop("_named", None)
        f.pop("_domain", None)
        f.pop("_concept", None)
    full = next((f for f in fields if f["name"] == "name"), None)
    if full and _has(fields, "first_name") and _has(fields, "last_name"):
        # "first name, last name": they replace "Full name" (and are asked as it was)
        fields = [f for f in fields if f is not full]
        for f in fields:
            f["required"] = f["required"] or (
                f["name"] in ("first_name", "last_name") and full["required"]
            )
    mark_listed(fields, items)  # put in the list's order by build_form (local_field_order)
    return _main_text_last(fields)


def _keep_base(key: str, kind: dict, b2b: bool) -> bool:
    name = key.rstrip("-+")
    if kind["key"] == "pricing" and not b2b and name in MARKETING_CUT:
        return False
    return True


def _catalog_field(key: str, b2b: bool = True) -> dict:
    """``company-`` is the optional variant of ``company``; ``message+`` the required one."""
    name = key.rstrip("-+")
    if not b2b:
        name = CONSUMER_SWAP.get(name, name)
    if key.endswith(("-", "+")):
        return catalog.field(name, required=key.endswith("+"))
    return catalog.field(name)


def _has(fields: list, name: str) -> bool:
    return any(f["name"] == name for f in fields)


def _insert_at(fields: list) -> int:
    """New fields go before the closing free-text field and consent box, if any."""
    index = len(fields)
    while index > 0 and fields[index - 1]["type"] in ("textarea", "checkbox"):
        index -= 1
    return index


def _add(fields: list, field: dict) -> None:
    same = [
        f
        for f in fields
        if f["name"] == field["name"] or (f.get("label") or "").lower() == field["label"].lower()
    ]
    if not same:
        position = len(fields) if field["type"] in ("textarea", "checkbox") else _insert_at(fields)
        fields.insert(position, field)
    elif not field.get("_domain"):  # "operating system" named: the domain's own, asked now
        same[0].pop("_domain", None)


def _add_domain_fields(fields: list, kind: dict, text: str) -> None:
    for key in domain_keys(kind["key"], text):  # ("_concept": the domain's, not the kind's)
        _add(fields, {**catalog.field(key, required=False), "_domain": True, "_concept": True})


def _replace_defaults(fields: list) -> None:
    """A domain default the description asks in its own words goes ("Event date" next to
    "Approximate wedding date"); the marketer's field keeps its place and label."""
    named = [f for f in fields if not f.get("_domain")]
    # "arrival and departure dates": the stay's two ends, so the trip's return date too
    stay = [f for f in named if f["type"] == "date" and re.search(r"arriv|depart", f["name"])]
    identified = any(IDENTIFIER.search(_words(f)) for f in named if f["type"] in ("text", "number"))
    for default in [f for f in fields if f.get("_domain")]:
        if any(covers(default["name"], f) for f in named if f["name"] != default["name"]) or (
            len(stay) == 2 and default["name"] == "return_date"
        ):
            fields.remove(default)
        elif identified and default["name"] in GENERIC_IDS:
            fields.remove(default)
    if len(stay) == 2 and "depart" in stay[0]["name"]:  # a stay reads arrival, then departure
        fields.remove(stay[0])
        fields.insert(fields.index(stay[1]) + 1, stay[0])


# The identifiers a domain adds on its own (an order problem, a warranty) give way to the
# ones the description names ("frame number, model", "licence plate", "membership number").
GENERIC_IDS = (
    "order_number",
    "serial_number",
    "product",
    "invoice_number",
    "booking_reference",
    "account_number",
)
IDENTIFIER = re.compile(
    r"^(?!.*\b(?:phone|mobile|telephone|post ?code|zip|postal|number of|how many)\b).*"
    r"\b(?:numbers?|no|id|reference|ref|code|plate|registration|vin|imei|models?|serial)\b"
)


# Something a person proposes or submits, whose bare "title" is its own, not a job title
OFFERED = re.compile(
    rf"{PARTICIPATION_PROPOSAL}|\bcall for (?:papers|proposals|speakers|entries|submissions)\b|"
    r"\babstracts?\b|\b(?:entry|entries|submissions?|manuscripts?|pitch(?:es)?)\b",
)


# Something put forward to take part (a talk, a paper, a manuscript, a pitch to investors),
# not a market pitch (a place to trade)
PROPOSED = re.compile(
    rf"{PARTICIPATION_PROPOSAL}|\bcall for (?:papers|proposals|speakers|entries|submissions)\b|"
    r"\bspeakers? (?:sign-?ups?|applications?|submissions?)\b|\babstracts?\b|\bmanuscripts?\b|"
    r"\b(?:give|propose|submit) a (?:talk|session|workshop)\b|\bguest (?:bloggers?|posts?)\b|"
    r"\bpitch (?:form|deck)s?\b|\bpitch at\b"
)


def _add_named(fields: list, items: list, kind: dict, text: str = "") -> None:
    for item in items:
        widget = WIDGET_WORD.search(item["phrase"])
        if widget and item["options"]:  # "a product dropdown (A, B, C)": the product, a choice
            item = {**item, "phrase": item["phrase"][: widget.start()].strip(), "hint": "select"}
        numbered = item["options"] and all(
            str(o).isdigit() for o in item["options"]
        )  # not "K-5, 6-8"
        scale = f"{item['phrase']} ({', '.join(item['options'])})" if numbered else ""
        if item.get("scale"):  # "comfort (1-5)" is rated on its scale: "Comfort rating"
            said = item["phrase"] if rated(item["phrase"]) else f"{item['phrase']} rating"
            scale = f"{said} {item['scale']}"
        upload = item["hint"].startswith("upload:")  # "any evidence (file upload)"
        phrase = f"{item['phrase']} upload" if upload else item["phrase"]
        said = item["options"] == ["Yes", "No"] or item["hint"] == "url"  # "(yes/no)", "(link)"
        if (scale and rating_shape(scale)) or (file_shape(phrase, asked=upload) and not said):
            new = _shaped(_new_field({**item, "options": []}), scale or phrase, asked=upload)
            if item.get("scale") and not rated(item["phrase"]) and new["type"] == "number":
                new["label"] = label_for(item["phrase"])  # the aspect in the marketer's words
            elif item.get("scale") and new["type"] == "number":  # "overall score 1-10"
                new["label"] = scaled_label(item["phrase"], new["label"])
            if upload and new["type"] == "file":  # what the brackets say: "(PDF)", "(up to 5)"
                said = file_shape(f"{item['phrase']} {item['hint'][7:]} upload", asked=True)
                new.update(accept=said["accept"], max_files=said["max_files"])
            rating = next((f for f in fields if f["name"] == "rating"), None)
            if new["type"] == "number" and rating is not None and rating.get("options"):
                fields[fields.index(rating)] = new  # "overall rating (1-5 stars)"
            elif not uploaded_instead(fields, new) and not _has(fields, new["name"]):
                _add(fields, new)
            continue
        # A yes/no or "A or B" question is its own field, not a catalogue concept.
        key = None if item.get("clause") and item["options"] else concept_for(item["phrase"])
        if key in ("phone", "email") and _chosen(item):
            key = None  # "what phone you use (iPhone, Android)": which one, not its number
        if key == "job_title" and re.fullmatch(r"titles?", item["phrase"]) and OFFERED.search(text):
            key = None  # "workshop proposal: title, duration": the workshop's title
        if key == "email" and _has(fields, "email"):
            default = next(f for f in fields if f["name"] == "email")
            said = item.get("label") or ""  # the clause reader's "Email you ordered with"
            if _qualified(item["phrase"]) or (
                default.get("_domain") and said and said.lower() not in ("email", "email address")
            ):
                default["label"] = _label(item)  # the marketer's words
            default.pop("_domain", None)  # named: a "billing email" beside it is a second one
            if item["required"]:
                default["required"] = True
            elif item["optional"] and kind["flow"] != "email_marketing":
                default["required"] = False  # "your email if you want updates"
            continue
        if (
            key == "preferred_date"
            and any(f["type"] == "date" for f in fields)
            and kind["key"] != "booking"
            and not WHICH_DAYS.search(item["phrase"])  # the days of the week, no date
        ):  # "date" named on a catering quote: the event's date, asked now
            next(f for f in fields if f["type"] == "date").pop("_domain", None)
            continue
        if key == "name" and any(f["name"] == "name" and not f.get("_domain") for f in fields):
            key = None  # "your name, client name": the contact's name is asked; another's
        if key:
            new = catalog.field(key)
            existing = next((f for f in fields if f["name"] == new["name"]), None)
            if existing is not None:
                existing.pop("_domain", None)  # named: the marketer's field now
                # the marketer's words, or their word for a choice they gave the answers of
                # ("role (developer, investor, homeowner)" is not a job title)
                named = _own_words(item, key) or item["options"]
                if named and (
                    existing["type"] not in ("email", "phone") or _qualified(item["phrase"])
                ):
                    existing["label"] = _label(item)
                elif key == "message" and item["phrase"] == "questions":
                    existing["label"] = "Any questions?"  # "any questions", not "How can we help?"
                elif key == "message":
                    existing["label"] = _label(item)  # "message": their word, not our question
                # "reason for visit (check-up, cleaning)": answers given make free text a choice
                if item["options"] and existing["type"] in ("text", "select", "textarea"):
                    several = item["hint"] == "multiselect"
                    existing.update(
                        type="multiselect" if several else "select",
                        options=item["options"],
                        max_length=None,
                    )
                if item["required"]:
                    existing["required"] = True
                elif item["optional"] and (
                    existing["type"] != "email" or kind["flow"] != "email_marketing"
                ):  # "your email if you want updates": the visitor's choice (a signup's is not)
                    existing["required"] = False
                continue
            new["required"] = item["required"] or (
                new["required"] and new["name"] in ("name", "email") and not item["optional"]
            )
            if (_own_words(item, key) or item["options"]) and (
                new["type"] not in ("email", "phone", "checkbox")
                or (new["type"] in ("email", "phone") and _qualified(item["phrase"]))
            ):
                new["label"] = _label(item)  # the marketer's words
            elif key == "message" and item["phrase"] == "questions":
                new["label"] = "Any questions?"
            elif key == "preferred_date" and kind["flow"] == "support_triage":
                new["label"] = "Date"  # a lost item's, an incident's date: nobody prefers it
            elif key == "message":
                new["label"] = _label(item)  # "message", "your question": their word
            if new.get("help", "").lower() == new["label"].lower():
                new["help"] = ""  # "number of employees": the stock help says the label again
            if item["options"] and new["type"] in ("select", "multiselect"):
                new["options"] = item["options"]
            elif item["options"] and new["type"] in ("text", "textarea"):
                # "dietary requirements (none, vegan, …)", "reason for visit (check-up, …)"
                new.update(type="select", options=item["options"], max_length=None)
            if item["options"] and item["hint"] == "multiselect" and new["type"] == "select":
                new["type"] = "multiselect"  # "dietary needs (vegan, halal)": several apply
        else:
            new = _new_field(item)
            same = next((f for f in fields if f["name"] == new["name"]), None)
            if same is not None and new.get("options") and same["type"] == "text":
                same.update(type="select", options=new["options"], max_length=None)
            if (
                same is not None
                and same.get("_domain")
                and not same["required"]  # the kind's main question keeps its wording
                # "reason (damaged, wrong item)": the marketer's choice, not our free text
                and (same["type"] == new["type"] or new.get("options"))
            ):
                # "departure date" named: not "Travel date (departure)", in the same place
                fields[fields.index(same)] = new
                continue
            if same is not None:
                same.pop("_domain", None)  # named: the marketer's field now
            if same is not None or _names_main_text(fields, new, kind):
                continue
        _add(fields, new)
    _no_name_unasked(fields, items)


def _no_name_unasked(fields: list, items: list) -> None:
    """A report whose only contact is "your email if you want updates" asks no name: the
    visitor stays anonymous unless they choose otherwise (the stock name would be required)."""
    named = {concept_for(i["phrase"]): i for i in items}
    contacts = [named[k] for k in ("email", "phone") if k in named]
    if not contacts or not all(i["optional"] for i in contacts) or "name" in named:
        return
    asked = [f for f in fields if f["name"] in ("email", "phone") and f["name"] in named]
    # the contact they did not name goes with the name: "phone if we can call you" is the
    # only way back the marketer asked for
    fields[:] = [
        f for f in fields if f["name"] != "name" and not (f["type"] == "email" and f not in asked)
    ]


def _chosen(item: dict) -> bool:
    """Answers listed for the item (not yes/no): it asks which one, not for a value."""
    return len(item["options"]) >= 2 and item["options"] != ["Yes", "No"]


# "what phone you use (iPhone, Android)": a basic word inside an item with its answers (the
# last of "name and phone and best time to call (…)")
ITEM_WITH_ANSWERS = re.compile(r"(?:(?!\b(?:and|und|et|y|e)\s)[^,.;:()])*\([^()]*[,/][^()]*\)")


def _qualified(phrase: str) -> bool:
    """ "mobile number", "contact phone", "work email": an address in the marketer's words
    (not "phone number" or "email address", which the catalogue's label says)."""
    rest = re.sub(
        r"\b(?:e-?mail|address|phone|telephone|tel|number|your|their|the|a|an)\b",
        " ",
        phrase,
        flags=re.I,
    )
    # "mobile": a phone in the marketer's word too (a reader checking the form finds it)
    mobile = re.fullmatch(r"(?:your |their )?(?:mobile|cell|cellphone)", phrase, re.I)
    return (len(phrase.split()) >= 2 or mobile is not None) and bool(rest.strip())


def _own_words(item: dict, key: str) -> bool:
    """The label is the marketer's words when they name the concept in two words or more,
    or as a bare "role": a signup asking "email, role, team size" shows "Role", not the
    catalogue's "Job title" (a reader checking the form for what they asked finds it)."""
    words = item["phrase"].split()
    return (
        len(words) >= 2
        # "which evening suits", "what day works": the question asked, not "Preferred date"
        or bool(item.get("clause") and (item.get("label") or "").endswith("?"))
        or (key == "job_title" and words[0].lower() in ("role", "roles"))
        or own_word(words, key)  # "organisation" for a company, "feedback" for comments
        or (key == "phone" and _qualified(item["phrase"]))  # "mobile": their word
        # "names": more than one person (a couple, a pair) answers in one field
        or (key == "name" and words[-1].lower() == "names")
    )


WIDGET_WORD = re.compile(
    r"\s+(?:drop-?\s?down(?:\s+(?:menu|list))?|select(?:\s+(?:box|menu|list))?|pick-?\s?list|"
    r"radio buttons?|choice)$",
    re.I,
)
# A piece of writing the marketer names ("a short essay", "an artist statement") IS the
# form's main text: it replaces the kind's default ("cover_letter"), name and label kept.
WRITTEN_PIECE = re.compile(
    r"\b(?:essay|statement|letter|note|story|bio|summary|abstract|motivation|pitch|poem)\b", re.I
)


def _names_main_text(fields: list, new: dict, kind: dict) -> bool:
    """ "describe the issue", "what happened": the kind's main question, in the marketer's words."""
    if new["type"] != "textarea":
        return False
    written = WRITTEN_PIECE.search(new["label"]) is not None
    if not written and not re.match(
        r"^(?:describe|description|details|what|the issue|issue|problem|tell us)\b",
        new["label"].lower(),
    ):
        return False
    main = next((f for f in fields if f["type"] == "textarea" and f["required"]), None)
    if main is None and written:  # an optional default (job applications' cover letter)
        main = next((f for f in fields if f["name"] == "cover_letter"), None)
    if main is None or main.get("_named"):
        return False
    if written:
        main["name"] = new["name"]
    main["label"], main["_named"] = new["label"], True
    return True


def _new_field(item: dict) -> dict:
    phrase = item["phrase"]
    ftype = field_type(phrase, item["options"], item["hint"])
    options = item["options"] or (["Yes", "No"] if YES_NO.match(phrase) else [])
    if ftype == "select" and not options:
        ftype = "text"
    label = _label(item)
    field = {
        "name": _field_name(re.sub(r"\b(?:their|your|the)\b", "", phrase)),
        "type": ftype,
        "label": label[:200],
        "placeholder": "",
        "help": "",
        "required": item["required"],
        "options": options if ftype in ("select", "multiselect") else [],
        "min": None,
        "max": None,
        "max_length": 5000 if ftype == "textarea" else (300 if ftype == "text" else None),
        "regex": None,
        "default": None,
    }
    if ftype == "number":
        field["min"] = 0
    field = answer_kind(field, phrase, item["options"])  # m², a duration, a t-shirt size
    if item["hint"].startswith("examples:"):
        field["placeholder"] = "e.g. " + item["hint"].split(":", 1)[1].strip()[:120]
    if item["options"] or item["hint"] == "url":  # "headshot (link)": an address, no file
        return link_named(field)
    return _shaped(field, phrase)


def _add_ratings(fields: list, text: str) -> None:
    """A rating on a scale the item reader missed ("rate your stay from 1 to 10, …")."""
    scaled = [f for f in fields if f["type"] == "number" and f.get("help", "").startswith("From ")]
    for shaped in ratings_in(text):
        # "o instrutor" is the item reader's "o instructor" (a respelt word): rated already
        respelt = _field_name(correct_field_words(shaped["name"].replace("_", " ")))
        if any(
            f["name"] in (shaped["name"], respelt) or f["label"] == shaped["label"] for f in scaled
        ):
            continue
        if any(
            (f["min"], f["max"]) == (shaped["min"], shaped["max"])
            and (
                shaped["name"].endswith("_" + f["name"])
                or respelt.endswith("_" + f["name"])
                or f["name"].endswith("_" + shaped["name"])  # "speaker rating 1-5": rated already
            )
            for f in scaled
        ):  # "Avaliação do workshop: como classificaria o formador…": the heading's words too
            continue
        new = {
            **_new_field({"phrase": shaped["label"], "options": [], "required": False, "hint": ""}),
            **shaped,
            "max_length": None,
            "placeholder": "",
        }
        rating = next((f for f in fields if f["name"] == "rating" and f.get("options")), None)
        if rating is not None:
            fields[fields.index(rating)] = new
        elif not _has(fields, new["name"]):
            _add(fields, new)
        scaled.append(new)


def _with_scale(item: dict, text: str) -> dict:
    """ "overall rating (1-5 stars)": the scale the item reader left out, kept for the shape."""
    if item.get("scale") or not rated(item["phrase"]) or SCALE_RE.search(item["phrase"]):
        return item
    at = text.lower().find(item["phrase"].lower())
    after = text[at + len(item["phrase"]) : at + len(item["phrase"]) + 30] if at >= 0 else ""
    m = SCALE_RE.match(after.lstrip(" :"))
    return {**item, "options": [], "scale": m.group(0)} if m else item


def _shaped(field: dict, phrase: str, asked: bool = False) -> dict:
    """An upload is a ``file`` field, a rating on a scale a bounded number (local_field_shapes)."""
    upload = file_shape(phrase, asked=asked)
    if upload:
        label = file_label(_second_person(phrase))
        name = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
        # "3 logos you like": the clause reader's words as they are; a file is named once
        said = field["label"].lower().startswith(f"{phrase.lower()} ")
        again = field["type"] == "file"
        return {
            **field,
            **upload,
            "name": field["name"] if again else _field_name(name),
            "label": field["label"] if said or again else label,
            "max_length": None,
            "placeholder": "",
        }
    rating = rating_shape(phrase)
    if rating:
        return {**field, **rating, "max_length": None, "placeholder": ""}
    return field


def _label(item: dict) -> str:
    """The clause reader's label ("Urgent?") or the marketer's phrase, spoken to the visitor."""
    return clause_question(_second_person(item.get("label") or label_for(item["phrase"])))[:200]


def _second_person(label: str) -> str:
    """A label speaks to the visitor: "their address" → "your address"."""
    label = to_visitor(label)
    return label[:1].upper() + label[1:]


def _add_hints(fields: list, kind: dict, text: str) -> None:
    if kind["key"] in ("internal", "feedback"):
        return
    for pattern, key in HINTS:
        if re.search(pattern, text) and not _has(fields, catalog.field(key)["name"]):
            if not already_asked(fields, pattern, catalog.field(key)):  # "website or LinkedIn"
                _add(fields, catalog.field(key, required=False))


def _words(field: dict) -> str:
    return f"{field['name'].replace('_', ' ')} {field.get('label') or ''}".lower()


def _kind_rules(fields: list, kind: dict, text: str) -> None:
    if kind["key"] == "job_application" and PROPOSED.search(text):
        # a talk, session or entry put forward: the letter is about it, not about joining us
        for f in fields:
            if f["name"] == "cover_letter" and f["label"] == "Why do you want to join us?":
                f["label"] = "Tell us about your proposal"
    if kind["key"] == "feedback":
        rating = next((f for f in fields if f["name"] == "rating"), None)
        # "how likely are you to recommend us (0-10)": the marketer's NPS question; without
        # its scale it becomes the catalogue's NPS field, in its place
        twin = next((f for f in fields if re.search(r"\brecommend\b", _words(f))), None)
        # "would you recommend us (yes/no)", "(strongly agree, …)": their answers, not a 0-10
        said_yes_no = re.search(r"(?i)\brecommend\b[^,;()]*\((?:y\w*\s*/\s*no?\)|strongly)", text)
        if twin is not None and twin["type"] != "number" and not said_yes_no:
            fields[fields.index(twin)] = catalog.field("nps")
        elif re.search(r"\bnps\b|net promoter|recommend", text) and twin is None:
            index = fields.index(rating) if rating else 0
            if rating:
                fields.remove(rating)
            fields.insert(index, catalog.field("nps"))
        elif rating and re.search(r"\brating\b|\bsatisf\w+|\brate\b|\bscore\b", text):
            rating["required"] = True
        nps = next((f for f in fields if f["name"] == "nps"), None)
        if nps and recommended(text):  # "would you recommend the workshop": not "us"
            nps["label"] = recommended(text)
    # An anonymous survey or report (whistleblowing, feedback) must not ask who is writing.
    if kind["flow"] in ("notify_only", "support_triage") and ANONYMOUS_RE.search(text):
        fields[:] = [
            f
            for f in fields
            if f["name"] not in ("may_contact", "name")
            # "email (optional) if you'd like a reply": asked, and not of everyone
            and (f["name"] != "email" or not f["required"] and EMAIL_SAID.search(text))
        ]
    asked_when = re.search(r"\btimes?\b|\bslots?\b|\bwhen\b", text) or re.search(
        rf"[,:;]\s*(?:and\s+)?{SLOT_ACT.pattern}\s*(?:[,.;]|$)", text, re.I
    )  # "…, book a time": a list item asking when
    if kind["key"] == "booking" and not asked_when:
        fields[:] = [f for f in fields if f["name"] != "preferred_time"] or fields


def _drop_negated(fields: list, phrases: list[str]) -> list[dict]:
    if not phrases:
        return fields

    def ruled_out(field):
        words = f"{field['name'].replace('_', ' ')} {field['label']}".lower()
        return any(
            phrase in words or phrase.replace(" ", "_") in field["name"] for phrase in phrases
        )

    kept = [f for f in fields if not ruled_out(f)]
    return kept or fields


def _main_text_last(fields: list) -> list[dict]:
    """Long-text fields and the consent box close the form; the first long text is the main question."""
    short = [f for f in fields if f["type"] not in ("textarea", "checkbox")]
    longs = [f for f in fields if f["type"] == "textarea"]
    boxes = [f for f in fields if f["type"] == "checkbox"]
    return short + longs + boxes


def _only_named(kind: dict, text: str, items: list) -> list[dict]:
    """Exactly the fields the description names ("name, email, message. nothing else")."""
    fields = []
    required = {k.rstrip("+") for k in kind["fields"] if k.endswith("+")}
    asked = HANDSET_ASKED.sub(" ", without_own_business(text))  # "which phone": no number
    for match in BASIC_WORDS.finditer(ITEM_WITH_ANSWERS.sub(" ", asked)):
        key = concept_for(match.group(1).lower()) or match.group(1).lower()
        if key in catalog.FIELDS:
            _add(fields, catalog.field(key, **({"required": True} if key in required else {})))
    message = next((f for f in fields if f["name"] == "message"), None)
    if message and re.search(r"\bmessage\b", text, re.I):
        message["label"] = "Message"  # their word, not our question
    # "school email, nothing else": the email word was a qualified one's, which takes its place
    email = next((f for f in fields if f["name"] == "email"), None)
    if email and not any(concept_for(i["phrase"]) == "email" for i in items):
        email["_domain"] = True
    _add_named(
        fields,
        [i for i in items if BASIC_WORDS.sub("", i["phrase"]).strip() or _chosen(i)],
        kind,
    )
    merge_named_contact(fields)
    if not _has(fields, "email") and kind["flow"] in ("email_marketing", "direct_route"):
        fields.insert(0, catalog.field("email"))
    for f in fields:
        f.pop("_domain", None)
    return fields
