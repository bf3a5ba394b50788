"""The engine's own stock fields beside a list the marketer wrote (round 25b, issue 20).

A kind brings stock fields: a partner or demo form a required "Company", a "Work email", a
"Website"; a callback a time to call. A marketer who lists the fields has said what to ask,
so a stock field must neither ask again what a listed one asks nor turn the list into a
business buyer's form:

- a list that names the person's contact fields (a name, an email, a phone) and nothing of a
  business (no company, organisation, brand, agency, employer, work email, company or team
  size, job title, industry, in es/fr/de/pt too) is filled in by a person: an affiliate, a
  creator, a freelancer, someone starting a free trial. The engine's company, company size,
  job title, industry, partner type and website go, and its "Work email" is the plain
  "Email" the list said (`business_unasked`). A list that names the business keeps them all;
  a description that lists nothing keeps the kind's stock form;
- a stock website goes beside a listed link (a site, a blog, a channel, a portfolio, a
  profile, "website or social media link"): one link question, in the marketer's words
  (`same_as_listed`);
- a listed question about when to call or come (its words say a time, a moment, a part of
  the day, a slot, in the five languages, or its answers are times of day: "matin, midi,
  soir") is the time question: no stock "Preferred time" beside it (`asks_when`, read by
  `local_stated_purpose.fit_callback`).
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import concept_for

# the list asks about a business: then the business stock is the marketer's own
_BUSINESS_LISTED = re.compile(
    r"\b(?:compan(?:y|ies)|business(?:es)?|brands?|organi[sz]ations?|agenc(?:y|ies)|firms?|"
    r"employers?|shops?|stores?|restaurants?|venues?|practices?|work e-?mail|"
    r"(?:team|company|staff) size|headcount|employees|job titles?|industry|sector|vat|"
    r"empresas?|negocios?|neg[óo]cios?|entreprises?|soci[ée]t[ée]s?|commerces?|boutiques?|"
    r"unternehmens?|firmen?|firmenname|gesch[äa]fts?\w*|organi[sz]a[cç][ãa]o|organizaci[óo]n|"
    r"marcas?|marques?|marken?)\b",
    re.I,
)
# the stock business fields a person is not asked (the catalogue's own labels)
_BUSINESS_STOCK = (
    "company",
    "company_size",
    "job_title",
    "industry",
    "partnership_type",
    "website",
)
_STOCK_LABELS = {key: catalog.field(key)["label"] for key in _BUSINESS_STOCK}
_BUSINESS_CONCEPTS = {"company", "company_size", "job_title", "industry", "work_email"}
_ORG_FIELDS = ("company", "company_size", "job_title", "industry")
_PERSON = ("name", "first_name", "last_name", "email", "phone")
_WORK_EMAIL = re.compile(r"\b(?:work|business|company|professional|office) e-?mail\b", re.I)
# a listed field that asks for a link of the person's own
_LINK = re.compile(
    r"\b(?:links?|urls?|websites?|web ?sites?|blogs?|channels?|portfolios?|profiles?|"
    r"handles?|instagram|tiktok|youtube|linkedin|social media|socials|enlaces?|"
    r"(?:sitio|p[áa]gina) web|canal|perfil|lien|profil|kanal|webseite|homepage)\b",
    re.I,
)
# words of a question about when: a time, a moment, a part of the day, a slot (five languages)
_WHEN_WORDS = re.compile(
    r"\b(?:time|slot|hour|hor|cr[ée]neau|uhrzeit|moment|per[ií]od|p[ée]riode|franja|zeit|"
    r"tageszeit|availab|disponib|verf[üu]gbar|erreichbar)\w*|\b(?:when|day|part of the day|wann|quand|cu[áa]ndo|quando)\b",
    re.I,
)
# answers that are parts of the day
_DAY_PARTS = re.compile(
    r"^(?:early |late )?(?:mornings?|afternoons?|evenings?|lunch ?time|midday|noon|night|"
    r"ma[ñn]ana|mediod[ií]a|tarde|noche|matin(?:ée)?|midi|apr[èe]s-midi|soir(?:ée)?|"
    r"vormittags?|nachmittags?|mittags?|abends?|morgens?|manh[ãa]|meio-dia|noite|anytime|any time)$",
    re.I,
)


def asks_when(field: dict) -> bool:
    """The field asks when (to call, to come): its words or its answers say so."""
    words = f"{field['name'].replace('_', ' ')} {field.get('label') or ''}"
    if _WHEN_WORDS.search(words):
        return True
    options = field.get("options") or []
    return bool(options) and sum(bool(_DAY_PARTS.match(o.strip())) for o in options) >= 2


def settle_stock(fields: list, items: list, text: str) -> None:
    """The stock fields a listed form keeps (see the module)."""
    business_unasked(fields, items, text)
    same_as_listed(fields)


def business_unasked(fields: list, items: list, text: str) -> None:
    """No business stock on a list that names the person's contact and no business (see the
    module)."""
    named = {concept_for(i["phrase"]) for i in items}
    if len(items) < 2 or not named & set(_PERSON) or _business_named(fields, items, named):
        return
    for key, label in _STOCK_LABELS.items():
        stock = next(
            (
                f
                for f in fields
                if f["name"] == key
                and f["label"] == label
                and (f.get("_domain") or key == "company")  # the sales kind's unmarked company
            ),
            None,
        )
        if stock is not None:
            fields.remove(stock)
    email = next((f for f in fields if f["type"] == "email" and f["label"] == "Work email"), None)
    if email is not None and not _WORK_EMAIL.search(text):
        plain = catalog.field("email")
        email.update({key: plain[key] for key in ("label", "placeholder", "help")})


def _business_named(fields: list, items: list, named: set) -> bool:
    """The list asks about a business: a company, its size, a job title, a work email (a
    misspelt "cmopany" read as the company too), or an organisation by its own name ("school
    name", "nom de l'agence": the company field, in the marketer's words)."""
    return (
        bool(named & _BUSINESS_CONCEPTS)
        or any(
            _BUSINESS_LISTED.search(i["phrase"]) or _WORK_EMAIL.search(i["phrase"]) for i in items
        )
        or any(
            f["name"] in _ORG_FIELDS
            and not f.get("_domain")
            and f["label"] != _STOCK_LABELS[f["name"]]
            for f in fields
        )
    )


def same_as_listed(fields: list) -> None:
    """No stock website beside a link the list names (see the module)."""
    stock = next(
        (f for f in fields if f["name"] == "website" and f.get("_domain")),
        None,
    )
    if stock is None:
        return
    if any(
        f is not stock
        and not f.get("_domain")
        and (f["type"] == "url" or _LINK.search(f"{f['name'].replace('_', ' ')} {f['label']}"))
        for f in fields
    ):
        fields.remove(stock)
