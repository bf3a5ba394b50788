"""The form's name from the subject the description gives, when its heading is no title (local
engine, issue 20, round 18d).

``local_titled`` reads a title the marketer wrote ("Wedding catering enquiry: …"). Many
descriptions say what the form is about without such a title, and the draft got its kind's
stock name: "Enquiry form for our landscape design studio" was an "Enquiry Form", "Our
bookkeeping firm needs a form for new clients" and "Moving warehouse? Tell us: …" a "Pricing
Request", "We repair sewing machines. Booking form: …" a "Booking Request", "A short vote for
club members" a "Poll", "An idea box for staff" an "Internal Request", "Formulario de contacto
para nuestro estudio …" asking a budget a "Solicitud de precios". ``subject_name`` names the
form from that subject and the kind of form:

- "<kind> form for our <subject> studio" → "<Subject> <Kind>" (the business noun goes);
- "… needs a form for new clients" → "New Client Enquiry" (the kind's own noun when the
  sentence names no kind; a bare "for customers" names nothing);
- "Moving warehouse?", "Planning a hen party?", "Looking for a wedding DJ?" → the thing asked
  about ("Warehouse Move", "Hen Party", "Wedding DJ") and the kind;
- "We repair sewing machines. Booking form:" → "Sewing Machine Repair Booking"; "We run a
  pottery studio. Class booking form:" → "Pottery Class Booking";
- a vote, poll, survey or idea box for members or staff is theirs ("Member Poll", "Staff Idea
  Box"), a guest list is a "Guest List";
- a heading that says "contact form" (in any of the five languages) names a contact form,
  whatever the fields made the kind.

``registration_kind``: "Anmeldung zum Firmenlauf", "inscription à la kermesse", "inscripción
a la carrera", "inscrição na corrida" register for a thing that is not a newsletter: read as a
newsletter sign-up, they are an event registration.
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign import foreign_little_word
from app.services.llm.local_heading import GENERIC_NAMES
from app.services.llm.local_kinds import KINDS

# the engine's stock names a subject may replace (a purpose it read, "Franchise Enquiry",
# "Warranty Claim", stays)
STOCK_NAMES = (
    frozenset(k["name"] for k in KINDS)
    | GENERIC_NAMES
    | {"Quote Request", "Reservation Request", "Appointment Request", "Meeting Request", "Poll"}
)
# the kind's own noun, when the description names no kind of form
_KIND_NOUN = dict(
    pair.split(":")
    for pair in "pricing:Enquiry contact:Enquiry partnership:Enquiry staffing:Enquiry booking:Booking "
    "event:Registration webinar:Registration course:Enrolment job_application:Application "
    "support:Request order:Order intake:Intake".split()
)
# the kind as the marketer says it, and as a name says it
_KIND_WORD = {
    word.lower(): word
    for word in "Enquiry Inquiry Booking Registration Application Quote Estimate Order Reservation "
    "Appointment Entry Enrolment Enrollment Feedback".split()
} | {
    "sign-up": "Sign-up",
    "signup": "Sign-up",
    "sign up": "Sign-up",
    "rsvp": "RSVP",
    "rfq": "Quote",
}
_KINDS = (
    r"enquiry|inquiry|booking|registration|application|sign-?up|sign up|rsvp|quote|estimate|rfq|"
    r"order|reservation|appointment|entry|enrol(?:l)?ment|feedback"
)
_FORM = r"(?:\s+(?:form|sheet|page))?"
# "Enquiry form for our landscape design studio", "Booking form for new patients"
_KIND_FOR = re.compile(
    rf"^(?:(?:an?|the|our|short|quick|simple|online)\s+)*(?P<kind>{_KINDS}){_FORM}\s+for\s+(?P<what>.+)$",
    re.I,
)
# "Our bookkeeping firm needs a form for new clients", "we need a booking form for our studio",
# "we need a simple RSVP for our summer party"
_NEEDS_FORM = re.compile(
    rf"\b(?:needs?|want|wants|would like|require|requires)\s+(?:an?|some)\s+(?:(?:new|simple|short|"
    rf"quick|online)\s+)*(?:(?P<kind>{_KINDS})(?P<formed>\s+forms?)?|forms?)\s+for\s+(?P<what>.+)$",
    re.I,
)
# "a form for new clients to register their pet": the thing done names the form
_DONE_AS = {
    "register": "Registration",
    "sign up": "Sign-up",
    "enrol": "Enrolment",
    "enroll": "Enrolment",
    "book": "Booking",
    "apply for": "Application",
    "request": "Request",
    "report": "Report",
    "order": "Order",
}
_TO_DO = re.compile(
    rf"^(?P<who>(?:\S+\s+){{1,4}}?)to\s+(?P<verb>{'|'.join(_DONE_AS)})(?:\s+(?:(?:their|a|an|the|your|its)\s+)?"
    r"(?P<thing>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}))?$",
    re.I,
)
# "Moving warehouse?", "Planning a hen party?", "Looking for a wedding DJ?"
_ASKED = re.compile(
    r"^(?:are you\s+|do you\s+|)(?:thinking (?:of|about)\s+|planning on\s+)?(?P<verb>moving|relocating|renovating|selling|buying|planning|"
    r"organi[sz]ing|looking for|need(?:ing)?|after|thinking (?:of|about)|getting|booking|hosting)"
    r"\s+(?:(?:an?|the|your|some)\s+)?(?P<what>[\w'-]+(?:\s+[\w'-]+){0,3})$",
    re.I,
)
_ASKED_DONE = {
    "moving": "Move",
    "relocating": "Move",
    "renovating": "Renovation",
    "selling": "Sale",
    "buying": "Purchase",
}
# "We repair sewing machines." / "We run a small pottery studio."
# "We repair sewing machines", "We hire out party equipment"
_WE_DO = re.compile(
    r"^(?:we|i)\s+(?P<verb>[a-z]+)(?:\s+out)?\s+(?P<what>[\w'-]+(?:\s+[\w'-]+){0,4})$", re.I
)
_WE_ARE = re.compile(
    r"^(?:we|i)(?:'re|'m| are| am| run| own| have)\s+(?:an?|the|our)\s+(?P<what>[\w'-]+(?:\s+[\w'-]+){0,5})$",
    re.I,
)
# "Tutoring centre here.": the business says who writes; "I need a booking form": the kind
_HERE = re.compile(
    r"^(?!(?:click|sign|start|apply|book|register)\b)(?P<what>[\w'-]+(?:\s+[\w'-]+){0,3})\s+here$",
    re.I,
)
_NEED_A = re.compile(r"^(?:(?:i|we)\s+)?(?:need|needs|want|would like)\s+(?:an?|some)\s+", re.I)
_DONE_NOUN = dict(
    pair.split(":")
    for pair in "repair:Repair fix:Repair clean:Cleaning service:Servicing install:Installation "
    "fit:Fitting restore:Restoration paint:Painting groom:Grooming tune:Tuning deliver:Delivery "
    "design:Design print:Printing photograph:Photography valet:Valeting sharpen:Sharpening "
    "frame:Framing remove:Removal inspect:Inspection translate:Translation upholster:Upholstery "
    "tutor:Tutoring insure:Insurance survey:Survey build:Building wash:Washing hire:Hire "
    "rent:Rental".split()
) | dict.fromkeys("sell make bake brew grow roast".split(), "")  # "We sell handmade candles"
# whose business it is, said after its trade: "landscape design studio" → "landscape design"
_BUSINESS = re.compile(
    r"\s+(?:studio|company|firm|business|practice|agency|van|team|services?|"
    r"consultancy|ltd|llc|gmbh)$",
    re.I,
)
_LITTLE = re.compile(
    r"^(?:(?:our|my|the|your|a|an|small|little|local|family-run|family|independent|busy)\s+)+",
    re.I,
)
# who fills it in: "customers" names nothing, "new clients" names the form
_WHO = (
    r"clients|customers|patients|members|employees|parents|students|residents|volunteers|guests|"
    r"visitors|tenants|users|homeowners|landlords|businesses|companies|couples|owners|buyers|"
    r"sellers|applicants|candidates"
)
_AUDIENCE = re.compile(
    rf"^(?P<qual>(?:[\w'-]+\s+){{0,2}}?)(?P<who>{_WHO}|staff|pupils|people|players|teams|families|"
    r"suppliers|partners|colleagues|everyone|team members|club members|employers|attendees|"
    r"athletes|runners|drivers)$",
    re.I,
)
# an audience said before more words: "homeowners wanting an estimate" is who, not what
_AUDIENCE_FIRST = re.compile(rf"\b(?:{_WHO})\s+\S", re.I)
# plain words before a poll or survey: "One-question poll", "Quick survey"
_PLAIN_OWN = re.compile(
    r"^(?:short|quick|brief|simple|little|anonymous|online|(?:one|two|three|five|\d+)-\w+)$", re.I
)
_PLAIN_NEWS = re.compile(
    r"^(?:(?:monthly|weekly|daily|quarterly|free|e-?mail)\s+)*(?:newsletters?|updates|e-?mails?|news)$",
    re.I,
)
_PLAIN_QUAL = frozenset("our my the your all a any".split())
_NO_SUBJECT = re.compile(
    r"\b(?:who|that|which|to|when|where|if|so|because|and|or|with|about|us|them|people|it|this)\b|"
    r"(?<![\w-])on(?![\w-])|[\w]['’]s\b|[\d/&]",
    re.I,
)
_SMALL = frozenset("a an the of for to at on in and or with by from per via".split())

# ---- a vote, a poll, an idea box, a guest list: whose it is names it ----
_THEIRS = re.compile(
    r"^(?:(?:an?|the|our|short|quick|simple|online|anonymous)\s+)*(?P<own>(?:[\w'-]+\s+)?)"
    r"(?P<kind>vote|poll|ballot|survey|questionnaire|box|list)\s+for\s+(?P<what>.+)$",
    re.I,
)
_THEIR_KIND = {"vote": "Poll", "ballot": "Poll", "poll": "Poll", "survey": "Survey"}
_THEIR_KIND |= {"questionnaire": "Questionnaire", "box": "Box", "list": "List"}

# ---- a contact form, in any of the five languages ----
_CONTACT_HEAD = re.compile(
    r"^(?:an?\s+|the\s+|our\s+)?(?:contact(?:-us)? form|formulario de contacto|formulaire de contact|"
    r"kontaktformular|formul[aá]rio de conta(?:c)?to)"
    # whose it is, or nothing: "Contact form for sales inquiries" is said for its purpose
    r"(?:\s+(?:for|pour|para|für|fur)\s+(?:(?:the|o|a|la|le|el)\s+)?(?:our|notre|nos|nuestr[oa]s?|unser\w*|"
    r"nosso|nossa)\b.*)?$",
    re.I,
)
_CONTACT_NAME = "Contact Us"

# "Booking enquiry form with name, phone, …": the list after "with" ends the heading too
_HEAD = re.compile(
    r"^\s*(?P<head>[^:;\n.!?()]{2,90}?)\s*(?P<end>[:;\n.!?(]|\s[-–—]\s|\s(?:with|asking for)\s|$)"
)


def subject_name(original: str, lang: str | None, kind: dict, purpose: str) -> str | None:
    """The form's name from the subject the description gives, in place of the stock
    ``purpose``, or None."""
    heads = _heads(original)
    if not heads:
        return None
    if _CONTACT_HEAD.match(heads[0][0]) and kind["key"] != "contact":
        return _CONTACT_NAME  # said in the description's language when the draft is localized
    if lang or purpose not in STOCK_NAMES:
        return None
    head, end = heads[0]
    named = _kind_for(head) or _theirs(head) or _needs_form(head, kind)
    if named:
        return named
    if len(heads) < 2:
        return None
    after = _after_kind(heads[1][0], kind)
    if end == "?":
        asked = _ASKED.match(head)
        if asked and not _NO_SUBJECT.search(asked["what"]) and after:
            done = _ASKED_DONE.get(asked["verb"].lower())
            what = _LITTLE.sub("", asked["what"])
            return _title(f"{what} {done}" if done else what) + " " + after
    if end != "." or not after:
        return None
    are = _WE_ARE.match(head) or _HERE.match(head)  # "Tutoring centre here."
    if are and not _NO_SUBJECT.search(are["what"]):
        what = _business(are["what"])
        return _prefixed(what, heads[1][0], after) if what else None
    does = _WE_DO.match(head)
    things = re.split(r"\s+and\s+", does["what"]) if does else []
    if does and does["verb"].lower() in _DONE_NOUN and not any(map(_NO_SUBJECT.search, things)):
        things = " and ".join(_singular(t) for t in things)
        done = _DONE_NOUN[does["verb"].lower()]
        if done[:5] and after[:5] == done[:5]:  # "We fix laptops. Repair request form"
            return _title(things) + " " + after
        return _title(f"{things} {done}".strip()) + " " + after
    return None


def _heads(original: str) -> list[tuple[str, str]]:
    """The first two segments of the description (up to a colon, full stop, question mark or
    spaced dash), each with the mark that ends it."""
    heads, text = [], original.strip()
    for _ in range(2):
        m = _HEAD.match(text)
        if not m:
            break
        heads.append((m["head"].strip(), m["end"].strip()))
        if m["end"].strip() in (":", ";", "-", "–", "—", "(", "", "with", "asking for"):
            break
        text = text[m.end() :]
    return heads


def _kind_for(head: str) -> str | None:
    """ "Enquiry form for our landscape design studio" → "Landscape Design Enquiry"."""
    m = _KIND_FOR.match(head)
    if not m:
        return None
    what = _subject(m["what"])
    return f"{_title(what)} {_KIND_WORD[_kind_key(m['kind'])]}" if what else None


def _needs_form(head: str, kind: dict) -> str | None:
    """ "Our bookkeeping firm needs a form for new clients" → "New Client Enquiry"."""
    m = _NEEDS_FORM.search(head)
    # "need an RSVP for our party" names the form; "want a quote for a new boiler" the job
    if not m or m["kind"] and not m["formed"] and not re.match(r"rsvp|sign", m["kind"], re.I):
        return None
    done = _TO_DO.match(m["what"].strip())
    if (
        done and not m["kind"]
    ):  # "a form for new clients to register their pet" → "Pet Registration"
        what = _singular(done["thing"]) if done["thing"] else _subject(done["who"])
        if what:  # "for new members to register" → "New Member Registration"
            return _title(f"{what} {_DONE_AS[done['verb'].lower()]}")
    noun = _KIND_WORD[_kind_key(m["kind"])] if m["kind"] else _KIND_NOUN.get(kind["key"])
    what = _subject(m["what"])
    return f"{_title(what)} {noun}" if what and noun else None


def _theirs(head: str) -> str | None:
    """ "A short vote for club members" → "Club Member Poll"; "Guest list for our ball" →
    "Guest List"; "An idea box for staff" → "Staff Idea Box"."""
    m = _THEIRS.match(head)
    if not m:
        return None
    own, kind = m["own"].strip(), _THEIR_KIND[m["kind"].lower()]
    if kind in ("Box", "List") and not own:
        return None  # "a box for …": no idea box
    if _PLAIN_OWN.match(own):
        own = ""
    if kind == "List":  # a mailing or waiting list keeps its kind's name
        listed = not re.match(r"(?:e-?mail|mailing|waiting|wait|news)", own, re.I)
        return _title(f"{own} List") if listed else None
    who = _AUDIENCE.match(_LITTLE.sub("", m["what"]).strip())
    if not who:
        return None
    whose = _singular(who["who"]) if who["who"].lower() != "staff" else "Staff"
    qual = who["qual"].strip()
    return _title(" ".join(w for w in (qual, whose, own, kind) if w))


def _subject(what: str) -> str | None:
    """What a form is for, as a name's subject: whose business and plain words go; a bare
    audience ("our customers") is none, a qualified one ("new clients") is."""
    what = what.strip()
    who = _AUDIENCE.match(_LITTLE.sub("", what) if not what.lower().startswith("our ") else what)
    if who:
        qual = [w for w in who["qual"].split() if w.lower() not in _PLAIN_QUAL]
        if not qual or who["who"].lower() in ("people", "everyone"):
            return None
        return " ".join([*qual, _singular(who["who"])])
    if _NO_SUBJECT.search(what) or _AUDIENCE_FIRST.search(what):
        return None
    if any(foreign_little_word(w) for w in what.split()):  # "La Boheme supper club": a name
        return None
    what = _business(what)
    if _PLAIN_NEWS.match(what):  # "Sign up for our monthly newsletter": the stock name says it
        return None
    return _singular(what) if what and 1 <= len(what.split()) <= 4 else None


def _business(what: str) -> str:
    """ "our small landscape design studio" → "landscape design"."""
    what = _LITTLE.sub("", what.strip())
    stripped = _BUSINESS.sub("", what)
    return stripped if stripped else what


def _after_kind(head: str, kind: dict) -> str | None:
    """The kind said by the segment after a question or sentence: "Enquiry form" → "Enquiry",
    "Tell us" → the kind's own noun; a title with its own subject is returned as titled
    ("Class booking form" → "Class Booking")."""
    head = re.sub(r"\s+(?:form|sheet|page)$", "", head.strip(), flags=re.I)
    head = _NEED_A.sub("", head)  # "I need a booking form": the kind, said in a sentence
    if re.fullmatch(
        r"(?:tell us|let us know|get in touch|ask us|drop us a line|contact us|fill this in|"
        r"send us the details|details|book now|enquire now|enquire|book here|apply here)",
        head,
        re.I,
    ):
        return _KIND_NOUN.get(kind["key"])
    # "Repair request form", "Service form": the work asked for is the kind (round 19d)
    work = re.fullmatch(
        r"(?P<work>repair|service|servicing|cleaning)(?P<req>\s+request)?", head, re.I
    )
    if work:
        return _title(head)
    m = re.fullmatch(rf"(?P<own>(?:[\w'-]+\s+){{0,2}}?)(?P<kind>{_KINDS})", head, re.I)
    if not m:
        return None
    own = m["own"].strip()
    if own and (_NO_SUBJECT.search(own) or own.lower() in ("online", "quick", "short", "simple")):
        own = ""
    return _title(f"{own} {_KIND_WORD[_kind_key(m['kind'])]}".strip())


def _prefixed(what: str, after_head: str, after: str) -> str:
    """ "pottery" + "Class Booking" → "Pottery Class Booking" (unless the title says it)."""
    if what.lower() in after_head.lower():
        return after
    return f"{_title(what)} {after}"


def _kind_key(word: str) -> str:
    word = word.lower()
    return "sign-up" if word.replace(" ", "-") in ("sign-up", "signup") else word


# plain words that end in s
_S_WORDS = frozenset(
    "sales news series species means athletics gymnastics physics maths politics economics "
    "glasses clothes arts accounts lens bus gas yes removals".split()
)


def _singular(word: str) -> str:
    """ "sewing machines" → "sewing machine" (the last word)."""
    words = word.split()
    last = words[-1] if words else word
    low = last.lower()
    if low in _S_WORDS or len(low) < 4:
        pass
    elif low.endswith("ies") and len(low) > 4:
        last = last[:-3] + "y"
    elif low.endswith(("ches", "shes", "sses", "xes")):
        last = last[:-2]
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _title(text: str) -> str:
    words = text.split()
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


# ---- a registration for a thing, read as a newsletter sign-up ----
_REGISTERED_FOR = re.compile(
    r"^\s*(?:anmeldung\s+(?:zum|zur|für\s+(?:den|die|das|unser\w*))|"
    r"inscription\s+(?:à\s+la|à\s+l'|au|aux|à|pour\s+(?:le|la|les))|"
    r"inscripci[oó]n\s+(?:a\s+la|al|a|en\s+el|en\s+la|para\s+el|para\s+la)|"
    r"inscri[cç][aã]o\s+(?:no|na|nos|nas|em|para\s+o|para\s+a|ao|à))\s*(?P<what>[^:;\n.!?()]+)",
    re.I,
)
_NEWS = re.compile(
    r"news|lettre|bolet[ií]n|mailing|infolettre|rundbrief|liste|lista|actualit|novedades|"
    r"not[ií]cias|informations|angebote|aktionen|promo",
    re.I,
)
# "Sign-up sheet for our parish litter pick": a day's doing, not a list (a club, a programme,
# a beta or anything sent by email stays a sign-up to it)
_SIGN_UP_FOR = re.compile(
    r"^\s*sign[- ]?up(?:\s+(?:sheet|form))?\s+for\s+(?:our|the|this)\s+(?P<what>[^:;\n.!?()]+)",
    re.I,
)
_MAILED = re.compile(
    r"news|updates?|e-?mails?|list|offers?|deals?|alerts?|digest|blog|podcast|club|program|rewards|"
    r"loyalty|member|beta|wait|launch|trial|account|app\b|['’]s\b|magazine|tips|community|"
    r"bulletin|journal|zine|releases|titles|monthly|weekly|quarterly|daily",
    re.I,
)


def registration_kind(original: str, kind: dict) -> dict:
    """The event kind in place of a newsletter for "Anmeldung zum Firmenlauf: …" and its
    es/fr/pt kin, and for "Sign-up sheet for our litter pick"; any other kind as it is."""
    if kind["key"] not in ("newsletter", "waitlist"):
        return kind
    m = _REGISTERED_FOR.match(original)
    said = _SIGN_UP_FOR.match(original) if kind["key"] == "newsletter" else None
    if (not m or _NEWS.search(m["what"])) and (not said or _MAILED.search(said["what"])):
        return kind
    return next((k for k in KINDS if k["key"] == "event"), kind)
