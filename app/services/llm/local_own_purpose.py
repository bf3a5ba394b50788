"""Forms named and routed for what they are, not for a word near them (issue 20, round 14b).

The kind cues read single words, so a donation pledge was a "Contact Us" asking "How can we
help?", a child sponsorship a sales "Sponsorship Enquiry", a book club a booking, a photo
competition a "Client Intake", a supplier registration a job "Application" asking "Why do you
want to join us?", and a law firm's client intake a notify-only form although it is a
prospective client. ``own_purpose`` reads the purpose from the description (read in
English; a few es/fr/de/pt purpose words are listed with the English ones) and returns the
kind to build with and its name, or ``(kind, None)`` to leave the draft as it was.

Answers in brackets ("business type (sole trader, partnership, limited company)") are what
a visitor picks, never what the form is for: ``without_answers`` removes them before any
purpose is read from the text.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_kinds_base import SALES_ACTIONS, kind
from app.services.llm.local_referral_access import referral_or_access

# "…: business type (sole trader, partnership, limited company)": a list of answers to a
# field, once the list of fields has begun (after ":" or " - "); "(yes/no)" stays. A bracket
# in the opening sentence ("an online masterclass (live stream, recording sent after)")
# describes the form and is kept.
ANSWER_LIST = re.compile(r"\([^()]*,[^()]*\)")
LIST_START = re.compile(r"[:—–]|\s-\s")


# Answers without brackets: "subject - choose from newsletter, billing, support or other",
# "a dropdown for the department: sales, support, partnerships"
CHOICE_RUN = re.compile(
    r"\b(?:choose|pick|select)(?: one)? (?:from|between)\b[^.;:()]*?\bor \w+|"
    r"\b(?:drop-?down|menu|options?)(?: (?:for|of|with) [\w ]{0,30})?:[^.;()]*",
    re.I,
)


def without_answers(text: str) -> str:
    text = CHOICE_RUN.sub(" ", text)
    # the list starts at a colon or a dash, or else after the first sentence ("Contact form,
    # but no phone. Just name, subject (sales, support, …)")
    start = LIST_START.search(text) or re.search(r"[.!?]\s", text)
    if not start:
        return text
    return text[: start.end()] + ANSWER_LIST.sub(" ", text[start.end() :])


def _own_kind(key, name, flow, goal, thanks):
    """A kind of our own: its fields are the ones the description names, with name and email."""
    actions = ["respond_direct", "send_email", "escalate"]
    if flow == "notify_only":
        actions = ["respond_direct", "escalate"]
    return kind(
        key,
        name,
        "general",
        flow,
        "draft",
        actions,
        [],
        ["name", "email"],
        ["name", "email"],
        goal,
        thanks,
    )


GIVING = _own_kind(
    "giving",
    "Donation Pledge",
    "direct_route",
    "receive supporters' gifts and pledges and pass them to the fundraising team",
    "Thank you for your support! Our team will be in touch to confirm the details.",
)
GROUP = _own_kind(
    "group",
    "Group Sign-up",
    "direct_route",
    "sign up new members and pass them to the organiser",
    "Thanks for signing up! The organiser will be in touch with the details.",
)
ENTRY = _own_kind(
    "entry",
    "Competition Entry",
    "direct_route",
    "receive entries and pass them to the judges",
    "Thanks — your entry is in. We'll be in touch once the judging is done.",
)
SUPPLIER = _own_kind(
    "supplier",
    "Supplier Registration",
    "direct_route",
    "register suppliers and pass them to the procurement team",
    "Thanks for registering! Our procurement team will review your details and be in touch.",
)
# agencies and freelancers offering their services to the marketer (not asking to buy)
PITCH = _own_kind(
    "pitch",
    "Agency Pitch",
    "direct_route",
    "receive pitches from agencies and freelancers and pass them to the team that hires them",
    "Thanks! We'll review your details and be in touch if there's a fit.",
)
UNSUBSCRIBE = {
    **_own_kind(
        "unsubscribe",
        "Unsubscribe Request",
        "direct_route",
        "take people off the mailing list and pass on why they left",
        "You're unsubscribed. Sorry to see you go!",
    ),
    "fields": ["email"],  # leaving asks for the address, nothing more
    "core": ["email"],
}
# a form to leave the list, never one to join it ("Abmeldung vom Newsletter", glossed)
UNSUBSCRIBE_ASKED = re.compile(
    r"\b(?:unsubscrib\w*|opt[- ]?out|stop (?:receiving|getting) (?:our |the )?(?:emails|newsletter)|"
    r"abmeld\w*|austragen|darse de baja|baja del (?:bolet[ií]n|newsletter)|d[ée]sabonn\w*|"
    r"d[ée]sinscri\w*|cancelar (?:a )?(?:subscri[çc][aã]o|assinatura)|descadastr\w*)\b",
    re.I,
)
COLLABORATION = _own_kind(
    "collaboration",
    "Collaboration Request",
    "direct_route",
    "receive collaboration requests and route them to the partnerships team",
    "Thanks for reaching out! Our team will review your request and get back to you.",
)

# ---- giving: donations, pledges, sponsoring a child or an animal, gift aid, fundraising ----
_BEINGS = (
    r"child|children|kid|student|pupil|girl|boy|family|orphan|animal|pet|dog|puppy|cat|kitten|donkey|"
    r"horse|pony|elephant|rhino|orangutan|gorilla|chimp|bear|tiger|lion|wolf|turtle|owl|bird|hedgehog|"
    r"bee|beehive|hive|tree|acre|guide dog|hen|goat|sheep|cow"
)
GIVING_NAMES = [
    (r"\bgift aid (?:declarations?|forms?)\b", "Gift Aid Declaration"),
    (
        rf"\bsponsor(?:ing)? (?:a|an|one of our|our) (?:[\w-]+ )?(?:{_BEINGS})s?\b|"
        rf"\b(?:{_BEINGS})s? sponsorships?\b|\badopt-an?-\w+ sponsorships?\b",
        "Sponsorship Sign-up",
    ),
    (
        r"\bpledg\w+|\bspendenzusage\w*|\bpromesse de don\b|\bpromessa de doa\w+",
        "Donation Pledge",
    ),
    (r"\bdonation requests?\b|\brequests? (?:a |for a )?donation\b", "Donation Request"),
    (
        r"\b(?:make|give|set up|start) (?:a |an |your )?(?:one-off |monthly |regular |single |"
        r"annual )?(?:gift|donation)s?\b|\b(?:regular|monthly) giving\b",
        "Donation Form",
    ),
    (
        r"\bdonat(?:e|es|ing|ion|ions)\b|\bdonaci[oó]n\w*|\bdoa[cç][aã]o\b|\bdoacoes\b|"
        r"\bspende\b|\bspenden(?:formular|aktion)?\b|\bfaire un don\b|\bdon (?:mensuel|ponctuel)\b",
        "Donation Form",
    ),
    (
        r"\b(?:sign(?:ing)? ?up|signup|register\w*|join\w*)\s+(?:to|as an?|our)\s+(?:[\w-]+ )?fundrais\w*|"
        r"\bfundrais(?:e|ing) for (?:us|our|the)\b|\bfundrais\w+ (?:sign[- ]?ups?|registrations?|packs?|teams?)\b",
        "Fundraiser Sign-up",
    ),
]
# Kinds a gift may have been read as (a donation receipt problem stays support)
GIVING_KINDS = (
    "contact",
    "pricing",
    "partnership",
    "newsletter",
    "intake",
    "event",
    "course",
    "job_application",
)
# A ticketed gala or a sponsorship package for a company is not a gift
NOT_GIVING = re.compile(
    r"\bsponsorship (?:packages?|tiers?|levels?|opportunit\w+|deck|prospectus)\b|\bexhibitors?\b|"
    r"\bcorporate sponsor\w*"
)

# ---- groups, clubs and societies you join ----
_GROUP_NOUN = (
    r"club|group|choir|society|circle|ensemble|orchestra|band|grupo|groupe|gruppe|clube|coro|chor|"
    r"chorale"
)
# A word before the noun that makes it a field or a setting, not the group's name ("age
# group", "price band"): the draft is then a plain "Group Sign-up"
_NOT_GROUP = (
    r"age|target|pace|blood|size|ability|price|product|tour|booking|trade|industry|income|year"
)
GROUP_PHRASE = re.compile(
    rf"(?:\b(?:join|joining|unete|únete|rejoign\w+|rejoindre|junte-se|treten sie|"
    rf"(?:sign(?:ing)?[ -]?up|signup|register|enrol+) (?:for|to|with|in|a|à|au)|sign-up zum|sign-up zur)\s+(?:a |an |the |our |"
    rf"one of our |this )?(?P<a>(?:[\w'-]+ ){{0,2}}?(?:{_GROUP_NOUN}))\b|"
    rf"^\W*(?P<b>(?:[\w'-]+ ){{0,2}}?(?:{_GROUP_NOUN}))\s+(?:sign[- ]?ups?|signup|registrations?|"
    rf"membership(?: form| application)?)\b|"
    rf"\bregistration (?:au|à la|al|na|no|zum|zur|to|for|in) (?:our |the |a )?"
    rf"(?P<c>(?:[\w'-]+ ){{0,2}}?(?:{_GROUP_NOUN})(?: de [\w'-]+)?)\b)"
)
# "a sign-up for our wine club updates": news about the club, a newsletter
CLUB_NEWS = re.compile(
    r"(?:'s)?\s+(?:updates?|news\w*|mailing\w*|e-?mails?|offers?|bulletins?|digests?)\b"
)
MEMBERSHIP_FORM = re.compile(r"\bmembership (?:form|application)$")
NEWS_ASKED = re.compile(r"\bnewsletters?\b|\bmailing list\b|\bsubscri\w+")
_PLAIN = {"a", "an", "the", "our", "my", "local", "new", "this"} | {
    f"{day}day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
}

# ---- competitions, contests, prizes and open calls ----
ENTRY_NAMES = [
    (r"\bopen calls?\b|\bcall for (?:artists|entries|submissions|work)\b", "Open Call Submission"),
    (r"\bcontests?\b|\bconcursos?\b|\bconcours\b", "Contest Entry"),
    (r"\bcompetitions?\b|\w*wettbewerb\w*", "Competition Entry"),
    # "Golf tournament entry": a team or a player entering, whatever "partner's name" says
    (
        r"\btournaments?\b|\btorneos?\b|\btournois?\b|\bturnier\w*|\btorneios?\b",
        "Competition Entry",
    ),
    (r"\b(?:[\w-]+ )?(?:prize|awards?)\b", "Prize Entry"),
    (
        r"\bof the year\b|\b(?:submit|send) (?:your |an )?entr(?:y|ies)\b|(?<!data )\bentry forms?\b",
        "Competition Entry",
    ),
]
ENTRY_CONTEXT = re.compile(
    r"\bentr(?:y|ies|ants?)\b|\benter\b|\bsubmi\w+|\bteilnahme\b|\bparticipa\w+|\bupload\w*|"
    r"\bopen calls?\b|\bcall for\b|^\W*(?:[\w'-]+ ){0,3}(?:competition|contest|prize|awards?)\b"
)
NEVER_ENTRY = ("webinar", "feedback")  # feedback about a competition is no entry
NOT_ENTRY = re.compile(
    r"\bprize draws?\b|\bgiveaways?\b|\bsweepstakes?\b|\braffles?\b|\baward-winning\b|\bnominat\w+|"
    r"\bcompetitors?\b|\bcompetitive\b|\bawards? (?:ceremony|dinner|night|gala|tickets?)\b"
)

# ---- suppliers, vendors and contractors registering with a procurement team ----
_SELLER = r"suppliers?|vendors?|contractors?|subcontractors?|sub-contractors?"
SUPPLIER_NAME = re.compile(
    rf"\b(?P<a>{_SELLER}) (?P<how>registration|onboarding|pre-?qualification|sign[- ]?up|"
    rf"application)s?\b|\b(?:regist\w+|become) (?:as )?(?:an? |our )?(?:new |approved |preferred )?"
    rf"(?P<b>{_SELLER})\b|"
    rf"\b(?:registro|register|cadastro|inscription|r[ée]f[ée]rencement) (?:de |des |da |dos )?"
    rf"(?P<c>proveedores|proveedor|fornecedores|fornecedor|fournisseurs?|suppliers?)\b|"
    rf"\blieferanten(?:registrierung|anmeldung|-registrierung)\b"
)

# "Agency pitch: …", "pitch your agency to us", "join our freelancer pool"
PITCH_NAME = re.compile(
    r"\b(?P<agency>agency|agencies|studio) pitch(?:es)?\b|\bpitch (?:your|an|us your|us an) "
    r"(?P<to>agency|studio|services)\b|\b(?P<pool>(?:freelancer|freelance|creative|agency) (?:pool|roster|"
    r"network|panel))\b"
)

# ---- influencers and creators who want to work with the brand ----
COLLABORATION_WANTED = re.compile(
    r"\b(?:influencers?|creators?|content creators?|bloggers?|youtubers?|streamers?|tiktokers?|"
    r"ugc)\b[^.]{0,60}?\b(?:collab\w*|work with us|working with us|partner with us|gifting)\b|"
    r"\bcollaborations? (?:requests?|enquir\w+|inquir\w+|forms?|applications?)\b|"
    r"\brequests? (?:de |for )?collaboration (?:influencer|creator)s?\b|"
    r"\b(?:influencer|creator) (?:collab\w*|partnerships?|program\w*|enquir\w+|inquir\w+)\b"
)

# ---- prospective clients of a professional service ----
PROFESSIONAL = re.compile(
    r"\blaw\b|\blegal\b|\bsolicitors?\b|\blawyers?\b|\battorneys?\b|\bbarristers?\b|\bnotar\w+|"
    r"\baccountan\w+|\baccounting\b|\btax (?:adviser|advisor|preparer|accountant)s?\b|\btherap\w+|"
    r"\bcounsel+\w*|\bpsycholog\w+|\bpsychotherap\w+|\barchitect\w*|\bimmigration\b|"
    r"\bfinancial (?:adviser|advisor|planner)s?\b|\bconveyanc\w+|\bestate planning\b|\bavocats?\b|"
    r"\babogad\w+|\badvogad\w+|\banw[aä]lt\w*|\bkanzlei\b"
)
CLIENT_ENQUIRY = [
    (r"\bnew matters?\b", "New Matter Enquiry"),
    (r"\bcase (?:enquir\w+|inquir\w+|evaluations?|reviews?|assessments?)\b", "Case Enquiry"),
    (r"\bnew client (?:enquir\w+|inquir\w+)\b", "New Client Enquiry"),
    (r"\bintake\b", "Client Intake"),
]
# Kinds a professional enquiry may have been read as (never a booking or an application)
CLIENT_KINDS = ("intake", "support", "contact", "feedback", "internal", "pricing")


def own_purpose(kind_: dict, text: str, foreign: bool = False) -> tuple[dict, str | None]:
    """(the kind to build with, its name) for a description whose purpose the kind cues
    misread; ``(kind_, None)`` otherwise. ``text`` is the description read in English,
    lower-cased (``correct_typos``); ``foreign``: the marketer wrote in es/fr/de/pt."""
    text = without_answers(text)
    key = kind_["key"]
    if key in GIVING_KINDS and not NOT_GIVING.search(text):
        for pattern, name in GIVING_NAMES:
            if key in ("event", "course", "job_application") and name != "Fundraiser Sign-up":
                continue  # a charity gala or a fundraising course stays a registration
            if re.search(pattern, text):
                return GIVING, name
    if key in (
        "contact",
        "newsletter",
        "event",
        "booking",
        "waitlist",
        "intake",
        "course",
        "feedback",
    ):
        group = GROUP_PHRASE.search(text)
        if group and not CLUB_NEWS.match(text, group.end()) and not NEWS_ASKED.search(text):
            name = _group_name(group, foreign)
            if name in ("Club Sign-up", "Group Sign-up") and MEMBERSHIP_FORM.search(group.group(0)):
                name = "Membership Application"  # "Club membership form for our allotment society"
            return GROUP, name
    if not NOT_ENTRY.search(text) and ENTRY_CONTEXT.search(text) and key not in NEVER_ENTRY:
        # on a job application "any awards you've won" is a question: only the opening
        # words ("Open call for street performers: …") make it an entry
        read = _opening(text) if key in ("job_application", "support", "booking", "demo") else text
        for pattern, name in ENTRY_NAMES:
            if re.search(pattern, read):
                return ENTRY, name
    pitch = PITCH_NAME.search(text)
    if pitch:  # offering us their services: routed to whoever hires them, never a booking
        pool = pitch["pool"]
        return PITCH, f"{pool.title()} Sign-up" if pool else "Agency Pitch"
    seller = SUPPLIER_NAME.search(text)
    if seller and key not in ("pricing", "demo", "support", "booking"):
        return SUPPLIER, _supplier_name(seller)
    if COLLABORATION_WANTED.search(text) and key in (
        "contact",
        "job_application",
        "partnership",
        "pricing",
    ):
        return COLLABORATION, None
    wanted = referral_or_access(kind_, text)
    if wanted:  # "refer a client", "request access to our archive"
        return wanted
    if key in CLIENT_KINDS and PROFESSIONAL.search(text):
        for pattern, name in CLIENT_ENQUIRY:
            if re.search(pattern, text):
                return _prospective(kind_), name
    return kind_, None


def _opening(text: str) -> str:
    return re.split(r"[:.;?!—–]|\s-\s", text, maxsplit=1)[0]


def _group_name(match: re.Match, foreign: bool) -> str:
    phrase = next(g for g in match.group("a", "b", "c") if g)
    if foreign and phrase.endswith("book club"):  # "club de lecture": glossed, and translated
        return "Book Club Sign-up"
    words = [w for w in phrase.split() if w not in _PLAIN]
    modifier = words[-2] if len(words) > 1 else ""
    if foreign or not words or not words[-1].isascii() or re.fullmatch(_NOT_GROUP, modifier):
        return "Group Sign-up" if not re.search(r"club", phrase) else "Club Sign-up"
    return " ".join(w[:1].upper() + w[1:] for w in words) + " Sign-up"


def _supplier_name(match: re.Match) -> str:
    seller = (match.group("a") or match.group("b") or "supplier").rstrip("s")
    noun = {"vendor": "Vendor", "contractor": "Contractor", "subcontractor": "Subcontractor"}.get(
        seller, "Supplier"
    )
    return f"{noun} Onboarding" if match.group("how") == "onboarding" else f"{noun} Registration"


def _prospective(kind_: dict) -> dict:
    """A professional's client intake is a prospective client: a sales lead, same fields."""
    return {
        **kind_,
        "type": "sales",
        "flow": "sales_lead",
        "actions": SALES_ACTIONS,
        "goal": "qualify prospective clients' enquiries and brief the team",
        "thanks": "Thanks for getting in touch! Someone from our team will contact you shortly.",
    }


def _own(name, ftype, label, **more) -> dict:
    base = catalog.field("message", name=name, type=ftype, label=label, placeholder="")
    return {**base, "required": False, "max_length": None, **more}


# What a marketer expects on a terse description ("A donation form for our charity"): the
# description named nothing but the purpose, so the draft asks what the purpose needs.
DEFAULTS = {
    "giving": lambda: [
        _own("amount", "number", "Amount", min=0),
        _own("frequency", "select", "How often?", options=["One-off", "Monthly"]),
    ],
    "entry": lambda: [
        _own("entry_title", "text", "Title of your entry", max_length=200),
        _own("entry", "file", "Your entry", accept=[], max_size_mb=10, max_files=1),
    ],
    "supplier": lambda: [
        catalog.field("company", required=False),
        catalog.field("website"),
        _own("products", "textarea", "Products or services you supply", max_length=2000),
    ],
    "collaboration": lambda: [
        _own("profile", "url", "Link to your channel or profile"),
        _own("audience_size", "number", "Audience size", min=0),
        _own(
            "idea", "textarea", "What kind of collaboration do you have in mind?", max_length=2000
        ),
    ],
}


def add_defaults(kind_: dict, fields: list[dict]) -> None:
    """The purpose's own questions when the description named no field at all."""
    if kind_["key"] in DEFAULTS and [f["name"] for f in fields] == ["name", "email"]:
        fields += DEFAULTS[kind_["key"]]()
