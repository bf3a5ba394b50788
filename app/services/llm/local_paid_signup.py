"""What a paid subscription, a membership, a trade account or a retreat is (round 27c).

The kind cues read single words, so "subscribe to our monthly coffee box" was a "Newsletter
Signup" sent to email marketing, a "coffee subscription form" a "Pricing Request" asking "What
do you need a quote for?", a gym membership a newsletter, "apply for a trade account" a pricing
request with the business name optional, and a yoga retreat "application" asking a room type
and dates an application routed like a job. The rules a person would state:

- Subscribing to something that is delivered (a box, a case, a delivery) or paid for is a
  purchase a person handles (sales_lead), named for what is joined ("Coffee Box
  Subscription"); subscribing to news (a newsletter, a mailing list, updates) stays email
  marketing. A membership is joined, not subscribed to: it is routed to a person.
- A trade, wholesale or stockist account is an application by a business: the business it
  names is required and no quote is asked; a quote request keeps its quote.
- An "application" for a paid stay (a retreat, a camp, a trip, a course abroad) whose
  questions are a booking's (a room, accommodation, dates, arrival, dietary needs) and none a
  selection's (a CV, a portfolio, an essay, a motivation letter, references) is a booking.

Read in English (``told``), with the es/fr/de/pt words the translation leaves.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_kinds import KINDS
from app.services.llm.local_kinds_base import SALES_ACTIONS, kind

SUBSCRIPTION = kind(
    "subscription",
    "Subscription Sign-up",
    "sales",
    "sales_lead",
    "draft",
    SALES_ACTIONS,
    [],
    ["name", "email", "phone-"],
    ["name", "email"],
    "sign up new subscribers, confirm their plan and first delivery",
    "Thanks for signing up! We'll be in touch to confirm your subscription and first delivery.",
)
MEMBERSHIP = kind(
    "membership",
    "Membership Sign-up",
    "general",
    "direct_route",
    "draft",
    ["respond_direct", "send_email", "escalate"],
    [],
    ["name", "email", "phone-"],
    ["name", "email"],
    "sign up new members and pass them to the membership team",
    "Thanks for signing up! We'll confirm the details by email shortly.",
)
TRADE = kind(
    "trade_account",
    "Trade Account Application",
    "sales",
    "sales_lead",
    "draft",
    SALES_ACTIONS,
    [],
    ["name", "company+", "email", "phone"],
    ["name", "email"],
    "review trade account applications and set up approved businesses",
    "Thanks — your application is in. We'll review it and be in touch.",
)

# ---- paid subscriptions and memberships ----
_SUBSCRIBE = (
    r"\bsubscri\w+|\babonn\w+|\bsuscri\w+|\bassin[ae]\w*|\bassinatura\w*|\b\w*-?abo\b|"
    r"\bsign(?:ing)?[- ]?ups?\b|\bjoin\w*|\badh[eé]s\w+|\bades[aã]o\b"
)
# a thing boxed and sent ("our monthly coffee box", "a mixed case"; not a tick box, a case review)
_BOXED = (
    r"(?<!tick )(?<!check )(?<!text )(?<!comment )(?<!comments )(?<!input )(?<!message )"
    r"(?<!subscribe )(?<!sign-up )(?<!signup )(?<!sign up )(?<!opt-in )(?<!email )(?<!search )"
    r"\b(?:box|boxes|hampers?|meal kits?|(?:wine|beer|mixed|cider) cases?|cases? of|cajas?|"
    r"caixas?|paniers?|colis|kisten?|cabaz\w*|cestas?)\b"
)
_DELIVERED = (
    rf"{_BOXED}|\b(?:deliver\w*|parcels?|lieferung\w*|entregas?|livr\w+)\b|"
    r"\b(?:case|kit|bag|bottles?|botellas?|bouteilles?|garrafas?|flaschen)\b"
)
_PERIOD = (
    r"(?:week|month|quarter|year|season|semana|mes|trimestre|a[nñ]o|semaine|mois|an|année|"
    r"woche|monat|quartal|jahr|m[eê]s|ano)"
)
# "une box par mois", "a case every quarter": a thing delivered again and again
DELIVERED_AGAIN = re.compile(
    rf"(?:{_DELIVERED})[^.:;,]{{0,20}}?\b(?:every|each|a|per|par|cada|chaque|pro|por|todos os|"
    rf"todas as) {_PERIOD}\b"
)
FEE = re.compile(
    r"[£$€]\s?\d|\d+(?:[.,]\d+)?\s?(?:€|eur\b|euros?\b|dollars?\b|pounds?\b)|"
    r"\b(?:annual|monthly|yearly|joining|membership|subscription) fees?\b"
)
PAID_SUBSCRIPTION = re.compile(
    rf"(?:{_SUBSCRIBE})[^.:;]{{0,50}}?(?:{_BOXED})|(?:{_BOXED})[^.:;]{{0,25}}?"
    rf"(?:subscriptions?|suscripci\w+|abonnement|assinatura)\b|"
    r"\b(?:coffee|tea|wine|beer|veg|vegetable|fruit|flower|meal|cheese|book|snack|sock|"
    r"chocolate|bread|pet food|dog food)s? (?:subscriptions?|club|deliver(?:y|ies))\b"
)
# what is subscribed to is news, not a thing delivered
NEWS = re.compile(
    r"\bnewsletters?\b|\bmailing list\b|\bemail list\b|\b(?:e-?mail|news) updates\b|\bupdates\b|"
    r"\bdigest\b|\bbulletins?\b|\balerts?\b|\bbolet[ií]n\b|\blettre d'information\b|"
    r"\binfolettre\b|\bnews\b"
)
MEMBERSHIP_WORD = re.compile(r"\b(?P<what>(?:[\w'-]+ ){0,2}?)membership\b(?! (?:number|card|id)\b)")
_THING = re.compile(
    r"\b(?:a|an|the|our|your|their|my|to|for) (?P<thing>(?:[a-z'-]+ ){0,3}?"
    r"(?:box|hamper|kit|delivery|parcel|bundle))\b"
)
_PLAIN = {"a", "an", "the", "our", "your", "their", "my", "to", "for", "of", "every", "each"}
_FREQUENCY = {"monthly", "weekly", "quarterly", "fortnightly", "yearly", "annual"}

# ---- trade accounts ----
TRADE_ACCOUNT = re.compile(
    r"\b(?P<what>trade|wholesale|business|stockist|reseller|retailer|credit) accounts?\b|"
    r"\bh[äa]ndlerkonto\w*|\bgesch[äa]ftskunden ?konto\w*|\bcuentas? (?:mayorista|profesional|"
    r"comercial|de empresa|de distribuidor)\w*|\bcomptes? (?:professionnel|pro|revendeur|grossiste)"
    r"\w*|\bcontas? (?:comercial|profissional|de revendedor|empresarial|grossista)\w*|"
    r"\b(?P<role>stockist|reseller|retailer) applications?\b"
)
QUOTE_ASKED = re.compile(
    r"\bquot(?:e|es|ation)\b|\bprice lists?\b|\bpricing\b|\bcotizaci\w+|\bdevis\b|\bangebot\w*|"
    r"\bor[çc]amento\w*"
)
PROBLEM = re.compile(
    r"\bcan'?t\b|\bcannot\b|\bproblems?\b|\bissues?\b|\blog ?in\b|\bclose\b|\bcancel\w*|\bupdate\b"
)
BUSINESS_FIELD = re.compile(
    r"\b(?:company|business|shop|store|pub|bar|caf[eé]|restaurant|venue|salon|practice|hotel|"
    r"trading|firm|outlet|premises)\b|firmenname|\bfirma\b|unternehmen|tienda|empresa|negocio|"
    r"\bloja\b|entreprise|soci[eé]t[eé]|boutique|commerce|\bbar\b|\bgesch[äa]ft\w*"
)

# ---- a paid stay asked like a booking ----
STAY = re.compile(
    r"\b(?P<stay>(?:[\w'-]+ ){0,3}?(?:retreats?|camps?|trips?|tours?|holidays?|getaways?|"
    r"immersion course|course abroad|retiros?|retraites?|viajes?|voyages?|s[ée]jours?|reisen?|"
    r"viagens?|campamentos?|colonies?))\b"
)
BOOKED = re.compile(
    r"\brooms?\b|\baccommodation\b|\barrival\b|\bdeparture\b|\bcheck[- ]?in\b|\bnights?\b|"
    r"\bdates?\b|\bdietary\b|\bhabitaci\w+|\bquartos?\b|\bchambres?\b|\bzimmer\w*|\bh[ée]bergement\b|"
    r"\balojam\w+|\bunterkunft\b|\bfechas\b|\bdatas\b|\bhost family\b"
)
SELECTED = re.compile(
    r"\bcv\b|\br[ée]sum[ée]\b|\bportfolio\b|\bessays?\b|\bcover letter\b|\bmotivation\w*|"
    r"\breferences?\b|\breferees?\b|\bpersonal statement\b|\bwhy (?:you|do you|would you)\b|"
    r"\bscholarship|\bbursar\w+|\bresidenc(?:y|ies)\b|\bjob\b|\bvacanc\w+|\bvolunteer\w*|\bstaff\b|"
    r"\binstructors?\b|\bleaders?\b|\bguides?\b|\bcrew\b|\broles?\b|\bpositions?\b|\bcounsel+ors?\b|\blebenslauf\b|\bcurr[ií]culo\w*|\bbeca\b|"
    r"\bbolsa\b|\bbewerbung\b|\bcarta de\b|\blettre de\b"
)
# a place on a retreat is confirmed by a person, not by picking a time from a link
STAY_THANKS = (
    "Thanks for your booking request! We'll be in touch to confirm your place and the details."
)
APPLIED = re.compile(r"\bappl(?:y|ying|ications?)\b|\bcandidat\w+|\bbewerb\w+")
APPLICATION_KINDS = ("job_application", "contact", "course", "event", "intake")


def paid_signup(
    kind_: dict, own_name: str | None, told: str, original: str = "", foreign: bool = False
) -> tuple[dict, str | None]:
    """(the kind to build with, its name) for a paid subscription, a membership, a trade
    account or a paid stay asked like a booking; ``(kind_, own_name)`` otherwise. ``told``:
    the description read in English, lower-cased."""
    text = told.lower()
    key = kind_["key"]
    trade = TRADE_ACCOUNT.search(text)
    if trade and not QUOTE_ASKED.search(text) and not PROBLEM.search(text):
        if kind_["flow"] in ("sales_lead", "direct_route", "email_marketing") and key != "booking":
            return TRADE, _trade_name(trade, original if foreign else "")
    if own_name:
        return kind_, own_name
    news = NEWS.search(text)
    if key in ("newsletter", "pricing", "contact") and not news:
        # a plan's price on a pricing request is no box: only a thing delivered makes it one
        joined = re.search(_SUBSCRIBE, text) and key != "pricing"
        if PAID_SUBSCRIPTION.search(text) or (
            joined and (DELIVERED_AGAIN.search(text) or FEE.search(text))
        ):
            return SUBSCRIPTION, _subscription_name(text, original if foreign else "")
    member = MEMBERSHIP_WORD.search(text)
    if kind_["flow"] == "email_marketing" and member and not news:
        return MEMBERSHIP, _membership_name(member, foreign)
    stay = STAY.search(text)
    applied = APPLIED.search(text)
    if (
        key in APPLICATION_KINDS
        and stay
        and applied
        and BOOKED.search(text)
        and not SELECTED.search(text)
    ):
        booking = next(k for k in KINDS if k["key"] == "booking")
        return {**booking, "thanks": STAY_THANKS}, _stay_name(stay, foreign)
    return kind_, own_name


def _title(words: list[str]) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _heading(original: str) -> str | None:
    """The opening words of a description written in es/fr/de/pt, as its name."""
    head = re.split(r"\s*(?:[:.;?!—–]|\s-\s)", original.strip(), maxsplit=1)[0]
    return head[:1].upper() + head[1:] if 1 < len(head.split()) <= 10 else None


def _trade_name(match: re.Match, original: str) -> str:
    if original:  # the marketer's own words: "Händlerkonto beantragen"
        head = _heading(original)
        if head or len(original.split()) == 1:
            return head or original
    what = match.group("what")
    if match.group("role"):
        return f"{match.group('role').title()} Application"
    if what and what != "credit":
        return f"{what.title()} Account Application"
    return "Trade Account Application"


def _subscription_name(text: str, foreign_original: str) -> str:
    if foreign_original:  # the opening words name it in the marketer's language
        return _heading(foreign_original) or "Subscription Sign-up"
    thing = _THING.search(text)
    named = re.search(
        r"\b(?P<thing>(?:[a-z'-]+ ){0,3}?[a-z'-]+) (?:subscriptions?|club)\b(?! (?:updates|news))",
        text,
    )
    words: list[str] = []
    if thing:
        words = thing.group("thing").split()
    elif named and not named.group("thing").endswith(("a", "our", "the")):
        words = named.group("thing").split()
    said = [i for i, w in enumerate(words) if re.fullmatch(_SAYING, w)]
    words = words[said[-1] + 1 :] if said else words  # "we want a coffee …": what, not who
    words = [w for w in words if w not in _PLAIN and w not in _FREQUENCY and w.isascii()]
    words = [w for w in words if not re.fullmatch(_SUBSCRIBE, w)]
    return f"{_title(words)} Subscription" if words else "Subscription Sign-up"


# the marketer speaking before the thing they sell: "we want", "I'd like", "we run"
_SAYING = r"(?:i|we|i'd|we'd|d|want|wants|like|need|needs|would|love|run|sell|offer|launch\w*|start\w*|have|has|is|are)"


def _membership_name(match: re.Match, foreign: bool) -> str:
    words = [w for w in match.group("what").split() if w not in _PLAIN and w.isascii()]
    if foreign or not words:
        return "Membership Sign-up"
    return f"{_title(words)} Membership Sign-up"


def _stay_name(match: re.Match, foreign: bool) -> str | None:
    if foreign:
        return None
    words = [w for w in match.group("stay").split() if w not in _PLAIN]
    while words and re.fullmatch(r"apply|application|applications|form|in|on|at|join", words[0]):
        words = words[1:]
    return f"{_title(words)} Booking" if words else "Booking Request"


# "a case of 6 bottles every quarter", "£60 a case", "recibe 6 botellas cada trimestre",
# "paid annually": what a subscriber gets or pays, said of the offer, is no question
OFFER_TERMS = re.compile(
    rf"^\W*(?:[£$€]\s?\d[\d.,]*\s+(?:a|an|per|each|every)\b.*|"
    rf"(?:[\w'-]+ ){{0,4}}?(?:\d+|one|two|three|six|twelve|une?|deux|trois|uma?|dos|tres|seis|"
    rf"eine?|zwei|drei|sechs) [\w'-]+ (?:(?:of|de) [\w'-]+ )?(?:every|each|a|per|cada|par|chaque|"
    rf"pro|por|jede[nsm]?|todos? os|todas? as) {_PERIOD}\b.*|paid (?:annually|monthly|yearly))$",
    re.I,
)
PAID_KINDS = ("subscription", "membership", "group")
# a subscription described by its purpose alone ("Coffee subscription form") asks where to deliver
ADDRESS_MISSING = ["name", "email", "phone"]
DELIVERY_ADDRESS = {
    "name": "delivery_address",
    "type": "text",
    "label": "Delivery address",
    "placeholder": "Street, town, postcode",
    "required": False,
    "max_length": 300,
}


def fit_paid_fields(kind_: dict, fields: list[dict]) -> None:
    """On a paid subscription or a club, the offer's terms are no field; on a trade account
    application the business applying is required (the first field naming a company, a shop,
    a pub …)."""
    if kind_["key"] in PAID_KINDS:
        fields[:] = [
            f
            for f in fields
            if f["type"] not in ("text", "number") or not OFFER_TERMS.match(f["label"])
        ]
    if kind_["key"] == SUBSCRIPTION["key"] and [f["name"] for f in fields] == ADDRESS_MISSING:
        fields.append(catalog.field("message", **DELIVERY_ADDRESS))  # a box is delivered
    if kind_["key"] != TRADE["key"]:
        return
    for f in fields:
        if f["type"] == "text" and BUSINESS_FIELD.search(
            f"{f['name']} {f['label']}".replace("_", " ").lower()
        ):
            f["required"] = True
            if f["name"] == "company" and f["label"] == "Company":
                f["label"] = "Business name"
            return
