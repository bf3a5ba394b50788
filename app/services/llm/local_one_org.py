"""One organisation, one field (round 17b).

A B2B draft asks for the visitor's "Company". A description that names the organisation by
its own noun ("agency name", "school name", "practice name", "club name", "shop name",
"nombre de la agencia", "nom de l'agence", "Name der Praxis", "nome da escola") asks that
question in its own words: the stock field takes the marketer's label (and keeps its name,
place and mapping to the contact's company), and is not asked a second time beside it.

A description that says "company" itself keeps the stock field as it is; two organisations
named ("school name, trust name") are left as they are: which one is the visitor's is not
said.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_role_name import role_in

# an organisation's own noun, in the five languages (the head of "<noun> name", "nom de l'<noun>")
ORG = re.compile(
    r"^(?:agency|agencies|school|practice|club|shop|store|studio|salon|firm|clinic|surgery|"
    r"restaurant|cafe|café|bar|pub|hotel|charity|organi[sz]ation|business|brand|academy|"
    r"nursery|college|university|institution|association|society|church|gym|farm|brewery|"
    r"winery|bakery|office|boutique|gallery|trust|foundation|label|league|federation|"
    r"practise|consultancy|studio|workshop|garage|dealership|pharmacy|"
    r"agencia|agence|agentur|agencia|ag[eê]ncia|escuela|[ée]cole|schule|escola|cl[ií]nica|"
    r"clinique|klinik|praxis|consultorio|cabinet|tienda|gesch[äa]ft|laden|loja|empresa|"
    r"entreprise|firma|unternehmen|asociaci[oó]n|associa[çc][aã]o|verein|restaurante|"
    r"salle|gimnasio|academia|acad[ée]mie|estudio|oficina|bureau|b[üu]ro|farmacia|pharmacie|"
    r"apotheke|farm[aá]cia|clube|club|tienda|colegio|col[eé]gio|lyc[ée]e|kanzlei|"
    r"despacho|escrit[oó]rio)$",
    re.I,
)
# the description asks for the company in that word itself
_SAID = re.compile(r"\b(?:compan(?:y|ies)|business name|organi[sz]ation name)\b", re.I)


def merge_org_name(fields: list, text: str) -> None:
    """The stock company field replaced by the one organisation the description names."""
    stock = next(
        (
            f
            for f in fields
            if f["name"] == "company" and f["label"] == catalog.field("company")["label"]
        ),
        None,
    )
    if stock is None or _SAID.search(text):
        return
    named = [f for f in fields if f is not stock and f["type"] == "text" and _org_name(f)]
    if len(named) != 1:
        return
    own = named[0]
    merged = {**stock, "label": own["label"], "required": stock["required"] or own["required"]}
    merged.pop("_domain", None)
    fields[fields.index(stock)] = merged
    fields.remove(own)


# "<noun> name" in up to three words ("gift shop name", "the school's name")
_BEFORE = re.compile(r"^(?:the |your |their )?(?:[\w-]+ ){0,2}?([\w-]+?)(?:'s|s'|')? names?$", re.I)


def _org_name(field: dict) -> bool:
    label = field["label"].strip()
    m = _BEFORE.match(label)
    noun = m[1] if m else role_in(label)
    return bool(noun) and ORG.match(noun) is not None
