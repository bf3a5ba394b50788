"""How big a buyer is, read from what they write (round 39).

A company-size answer and an email domain say little about who buys. A florist on gmail
pricing one form for her own website is a small business buying for itself, not a stranger
on free mail; a team of 11–50 that runs six gyms, or looks after forty clients' websites,
buys for all of them. ``local_scoring`` reads three things here:

- ``own``: the writer names what they buy for as theirs ("my website", "para mi web", "my
  clients", the places or clients they run) or is a freelancer: free mail is that business's
  address and costs nothing. An owner who only says who writes ("I run a bakery, what's the
  price?") keeps the free-mail point: the owner rule counts them, a need makes them a buyer;
  one who prices a form for the business they run ("a booking form? I run a grooming
  business") buys for it.
- ``own_use``: such a writer asking what it costs or for a plan, or saying they need it,
  has a need of their own (one point, as "we need" has).
- ``units``: a count of the places or clients they run or serve ("3 dental clinics", "about
  40 clients", "10–15 client sites", "5 restaurantes", "35 Kunden"): the buyer's scale,
  which a small headcount understates. A small team that states it and a timeline has
  scoped its project as a director does, and is not held at medium for want of a budget.

A plan for many sites or clients asked for ("an agency plan", "white-label or multi-site
plan", "reseller pricing") is a pricing question (``with_plan_ask``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.llm.local_lead_asks import PRICE_QUESTION_RE
from app.services.llm.local_lead_cues import says
from app.services.llm.local_purpose import partner_offer

_NUMBER = (
    r"(?:about |around |over |nearly |almost |roughly |some |ca\.? |circa |rund |etwa |unos |"
    r"environ |cerca de |più di |ongeveer )?"
    r"(?:\d+(?:\s?(?:-|–|to)\s?\d+)?\+?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a dozen|dozens of)"
)
# the places a business runs and the clients it serves, in the six languages leads write in
_PLACES = (
    r"(?:client |customer )?(?:web)?sites|websites|clients|practices|clinics|surgeries|offices|branches|"
    r"locations|stores|shops|outlets|restaurants|caf[eé]s|salons|studios|gyms|hotels|schools|"
    r"campuses|venues|properties|franchises|dealerships|pharmacies|warehouses|brands|centres|centers|"
    r"care homes|nurseries|small businesses|businesses|"
    r"kunden|mandanten|standorte|filialen|praxen|kliniken|restaurants|[\w-]*betriebe|"
    r"clientes|sedes|tiendas|cl[ií]nicas|restaurantes|consultas|gimnasios|hoteles|"
    r"cabinets|magasins|boutiques|agences|cliniques|salons|"
    r"lojas|unidades|consult[óo]rios|academias|"
    r"negozi|sedi|ristoranti|filiali|studi|punti vendita|"
    r"klanten|winkels|vestigingen|praktijken"
)
UNITS_RE = re.compile(rf"\b{_NUMBER} (?:[\w-]+ ){{0,2}}?(?:{_PLACES})\b", re.I)
# the one who writes runs what they count: "we run 6 gyms", "I look after 3 clinics", "we
# build sites for 20 businesses", "gestionamos 5 restaurantes", "wir betreuen 35 Kunden";
# not "a piece on agencies that run 30 client sites" (a journalist) nor "agencies with 30+
# client sites" (a vendor's audience)
_RUN = (
    r"\b(?:we|i)(?:'re| are| am|'ve| have)? (?:\w+ )?(?:run|own|manage|operate|look after|"
    r"looking after|support|serve|build\w* (?:\w+ )?(?:sites|websites) for|work with|have|host|"
    r"maintain|handle)\b|\bwe(?:'re| are) an? (?:\w+ ){0,2}(?:agency|studio|group|chain|franchise|"
    r"consultancy) with\b|\b(?:managing|running|looking after)\b|"
    r"\b(?:gestionamos|tenemos|llevamos|dirigimos|nous (?:avons|g[ée]rons)|wir (?:betreuen|haben|"
    r"betreiben|f[üu]hren)|temos|gerimos|gestiamo|abbiamo|wij (?:hebben|beheren)|we beheren)\b|"
    # one person's clients: "hago webs para", "ich betreue", "je gère", "faço sites para"
    r"\b(?:hago (?:webs|p[áa]ginas|sitios)(?: web)? para|(?:ich )?betreue|ich baue websites f[üu]r|"
    r"je (?:g[èe]re|fais des sites pour)|fa[çc]o sites para|gestisco|faccio siti per|"
    r"ik (?:beheer|bouw websites voor))\b"
)
UNITS_RUN_RE = re.compile(rf"(?:{_RUN})\s+(?:[\w-]+ ){{0,6}}?({UNITS_RE.pattern})", re.I)
# where the form goes or whom it serves, named as theirs: "my website", "my plumbing business
# site", "my clients", "para mi web", "mon site", "meine Website", "o meu site", "il mio sito",
# "mijn website" ("my shop" alone says who writes: the scorer's owner rule)
_MINE = re.compile(
    r"\bmy (?:own )?(?:[\w-]+ ){0,2}?(?:website|site|web ?shop|online (?:shop|store)|clients|"
    r"customers)\b|\b(?:mi|mon|ma|meine?r?|meu|minha|mio|mia|mijn) (?:p[áa]gina |sitio )?"
    r"(?:web|site|sito|website|webseite|homepage|webshop|boutique en ligne|loja online)\b|"
    # "sul nostro sito", "auf unserer Website", "our website": the site of the business they run
    r"\b(?:our|nostro|notre|nuestr[oa]|unserer?|nosso|onze) (?:own )?(?:p[áa]gina |sitio )?"
    r"(?:web|site|sito|website|webseite|homepage|webshop)\b",
    re.I,
)
# the one business the writer runs, in their words ("I run a small dog grooming business")
_RUNS_ONE = re.compile(
    r"\bi (?:run|own|have|manage) (?:a|an|my) (?:small |little |tiny |local |family )?"
    r"(?:[\w-]+ ){0,3}?(?:business|shop|studio|salon|practice|clinic|bakery|caf[eé]|restaurant|"
    r"company|agency|gym|garage|kennels?|cattery|farm|b&b|guest ?house)\b|"
    # "ho un piccolo agriturismo", "tengo una peluquería", "j'ai un petit gîte", "ich habe
    # eine kleine Praxis", "tenho uma pequena padaria", "ik heb een kleine kapsalon"
    r"\b(?:ho|gestisco|tengo|tenemos|llevo|j'ai|je g[èe]re|ich habe|ich f[üu]hre|tenho|ik heb|ik run) "
    r"(?:un|una|un'|uno|une|ein|eine|einen|um|uma|een) (?:piccol[oa] |pequeñ[oa] |petite? |kleine[ns]? |"
    r"pequen[oa] |kleine )?(?:[\w'-]+ ){0,2}?(?:agriturismo|negozio|ristorante|bar|hotel|b&b|salone|studio|"
    r"palestra|panetteria|pasticceria|forno|panader[íi]a|tienda|peluquer[íi]a|restaurante|cl[íi]nica|"
    r"boutique|salon|cabinet|boulangerie|g[îi]te|chambres? d'h[ôo]tes|laden|gesch[äa]ft|praxis|caf[ée]|"
    r"pension|b[äa]ckerei|friseursalon|loja|padaria|sal[ãa]o|pousada|winkel|bakkerij|kapsalon|praktijk|"
    r"bedrijf|empresa|entreprise|azienda|firma)\b",
    re.I,
)
_FORM_PRICED = re.compile(
    r"\b(?:an?|one|single)\s+(?:[\w-]+\s+){0,3}?forms?\b|"
    r"\b(?:un|uno|una|un|une|ein|einem|einen|um|uma|een)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:modulo|formulario|formulaire|formular|formul[áa]rio|formulier)\b",
    re.I,
)
# one person: the scorer tempers a six-figure budget; their free mail is their business's
SOLO_RE = re.compile(r"\bjust me\b|\bone[- ]person\b|\bsolo\b|\bfreelanc\w+|\bon my own\b", re.I)
# what is needed, quoted up to the first little word ("need this live", not "… live before")
_WHAT = (
    r"(?: (?!(?:before|by|for|to|in|on|at|with|of|per|from|across|the|and|so|but)\b)[\w'-]+){0,4}"
)
# a need in their words, though not "we need" side by side: "we run 6 gyms and need …"
_NEEDS = re.compile(
    r"(?:(?<=\band )|(?<=\bso )|(?<=\bbut ))(?:really |also |now )?need\b"
    rf"(?! to (?:know|ask|understand|check))(?: to [\w'-]+)?{_WHAT}|\b(?:i|we)(?:'d| would) (?:need|want)\b{_WHAT}",
    re.I,
)
_QUOTE_ASKED = re.compile(
    r"\bwhat would (?:that|it|this) cost\b|\bhow much would\b|\bcan you quote\b|\bquote (?:me|us)\b",
    re.I,
)
# the forms put on the sites of the clients they serve: "embed your forms for them",
# "intégrés sur leurs sites", "in deren Websites einbetten"
_EMBED = (
    r"\b(?:embed|integrat|install|set (?:them|these|it) up|einbetten|einbinden|integrier|int[ée]gr|"
    r"incrustar|integrar|incorporar|incorpor|insluiten|integreren)\w*"
)
_CLIENT_SITES = (
    r"\b(?:for (?:them|my clients|our clients)|their (?:web)?sites|clients'? (?:web)?sites|leurs sites|"
    r"deren (?:websites?|webseiten|seiten)|sus webs|webs de (?:mis|nuestros) clientes|"
    r"sites dos (?:meus|nossos) clientes|siti dei (?:miei |nostri )?clienti|websites van (?:mijn|onze) klanten)\b"
)
PLAN_ASK_RE = re.compile(
    r"\b(?:agency|reseller|white-?label|multi-?site|multi-?client|partner|volume) (?:or (?:[\w-]+ ))?"
    r"(?:plans?|pricing|prices|tiers?|rates?|licen[cs]es?|accounts?)\b|"
    r"\b(?:is there|do you (?:have|offer)|any) (?:a |an )?plan for\b|"
    # "do you do white label?", "un plan para agencias o de marca blanca", "en marque blanche"
    r"\bwhite[- ]?label\w*|\bmarca blanca\b|\bmarque blanche\b|"
    r"\b(?:plan|planes|offre|tarif|plano|piano|abonnement) (?:para|pour|f[üu]r|per|voor) "
    r"(?:agencias|agences|agenturen|ag[êe]ncias|agenzie|bureaus|resellers|revendedores)\b|"
    rf"{_EMBED}[^.?!]{{0,50}}?{_CLIENT_SITES}|{_CLIENT_SITES}[^.?!]{{0,20}}?{_EMBED}",
    re.I,
)


@dataclass
class Scale:
    own: str  # the words that say the business is theirs ("" when none do)
    own_use: re.Match | None  # their need, or their price question, as a need of their own
    units: re.Match | None  # the places or clients they run or serve
    one_business: bool = False  # "I run a small B&B": one small business, never high unbudgeted

    def free_mail(self, serious: bool) -> str:
        """Why a free-mail address costs nothing here."""
        if serious:
            return "the message shows a serious buyer"
        return f"they write for a business of their own ({self.own})"


def buyer_scale(text: str, message: str) -> Scale:
    """The buyer's scale in ``text`` (the message and its gloss, lower-cased; ``message`` is
    the message alone)."""
    units = UNITS_RUN_RE.search(text)
    # what they buy for, named as theirs: their site or clients, themselves, the places they
    # run. An owner who only says who writes ("tengo una panadería … quiero saber el
    # precio") is counted by the scorer's owner rule, and keeps the free-mail point.
    said = message.lower() or text  # not the gloss: "i run my own business" is its words
    asked = (
        PRICE_QUESTION_RE.search(text)
        or _QUOTE_ASKED.search(text)
        or PLAN_ASK_RE.search(text)
        or says(text, "price")
    )
    own = _MINE.search(said) or SOLO_RE.search(said) or units
    # "what's the price for a single booking form? I run a small dog grooming business": the
    # form they price is for the business they run
    priced = not own and asked and _FORM_PRICED.search(said)
    runs_one = priced and _RUNS_ONE.search(said)
    own = own or runs_one or None
    wanted = priced if runs_one else _wanted(text, own) if own and asked else None
    own_use = (_NEEDS.search(text) or wanted) if own else None
    return Scale(own.group(0) if own else "", own_use, units, bool(runs_one))


# the form they price, up to their own site: "a wedding enquiry form to my website"
_FORM = (
    r"\b(?:(?:a|an|one|un|una|une|um|uma|ein|eine|einen) )?(?:(?!(?:would|does|do|will|what)\b)[\w-]+ ){0,3}?"
    r"(?:forms?|formulario|"
    r"formulaire|formul[áa]rio|formular|modulo|formulier)\b[^.?!]{0,40}?"
)


def _wanted(text: str, own: re.Match) -> re.Match:
    """What they ask the price of, for their own business: the form for their site, else the
    plan for their clients ("embed your forms for them"), else their site."""
    return re.search(_FORM + re.escape(own.group(0)), text) or PLAN_ASK_RE.search(text) or own


def with_plan_ask(text: str, intent: list[str]) -> list[str]:
    """The intent words, with "pricing" when the text asks for a plan for many sites or
    clients ("do you have an agency plan?")."""
    if "pricing" in intent or not PLAN_ASK_RE.search(text):
        return intent
    return [*intent, "pricing"]


def partnership(text: str) -> str | None:
    """The partner words of a partnership offer on a sales form (``partner_offer``), unless
    they ask the price of a plan for the sites or clients they run ("we're an agency with 30
    client sites, do you have reseller pricing?"): that agency buys them."""
    if PLAN_ASK_RE.search(text) and UNITS_RUN_RE.search(text):
        return None
    return partner_offer(text, broad=False)


# "a nonprofit discount" asks the price for who they are: never high (the cap on hesitation),
# but no point off as doubt
_SEGMENT_DISCOUNT = re.compile(
    r"\b(?:nonprofit|non-profit|charity|charities|education(?:al)?|student|academic|startup|ngo)\s+"
    r"(?:discounts?|pricing|rates?)\b",
    re.I,
)


def only_segment_discount(text: str, hesitation: re.Pattern) -> bool:
    """Whether the only doubt the text shows is a discount asked for who they are."""
    said = [m.group(0).lower() for m in hesitation.finditer(text)]
    return bool(_SEGMENT_DISCOUNT.search(text)) and all(w.startswith("discount") for w in said)
