"""A trade's or business's form named for what it is for (round 33a).

The readers before this one name a form from its kind's stock name and the description's
opening words. When a business describes a sign-up of newcomers or a lead form of its trade,
four things went wrong:

- the newcomers' sign-up ("We're a dog daycare. I want a form for new clients: …") took a
  stock name it is not ("Pricing Request", "Contact Us", "Support Request"); it is the
  registration of those newcomers: "New Client Registration", "Registro de nuevos pacientes",
  "Inscription des nouveaux clients", "Anmeldung neuer Mitglieder", "Cadastro de novos
  clientes";
- a trade's lead form that says nothing of prices ("landscaping company lead form") was a
  "Pricing Request"; it is an enquiry about the trade: "Landscaping Company Enquiry";
- a stock name stood for the thing and act the opening words say ("Wasp nest removal
  callout", "Pre-order form for our seed box", "sign their kids up for summer camp");
- the name kept the description's chatter ("Pricing Question Form on Our SaaS Site",
  "Accounting Firm Lead Form on Our Website", "Formulário de contato para minha empresa de
  limpeza", "Anfrage – Schreinerei auf der Webseite") or a typo in the business noun
  ("Photography Buisness Enquiry").

``trade_name`` reads the draft's name last and returns the better one, or None.
"""

from __future__ import annotations

import re
from string import capwords

# the stock names a newcomer's sign-up or a trade's lead form was wrongly given (any language)
_STOCK = frozenset(
    {
        "Pricing Request",
        "Contact Us",
        "Support Request",
        "Newsletter Signup",
        "Event Registration",
        "Application",  # an English stock name left on a foreign form
        "Solicitud de precios",
        "Demande de tarifs",
        "Preisanfrage",
        "Pedido de preços",
        "Contacto",
        "Contact",
        "Kontakt",
        "Contato",
    }
)
_PRICING = frozenset({"Pricing Request"})  # a trade's lead form, in English

_NEWCOMERS = "clients?|customers?|patients?|members?|students?|pupils?|volunteers?"
# "a form for new clients", "registration form for new volunteers", "new customer form"
_NEW_EN = re.compile(
    rf"(?:^\W*|[.:;!?]\s*|\b(?:a|an|the|need|want|registration|sign[- ]?up|intake|onboarding|"
    rf"welcome|simple|short|online|quick)\s+)(?:form|sign[- ]?up|registration|intake)\s+"
    rf"(?:form\s+)?for\s+(?:our\s+|all\s+)?new\s+({_NEWCOMERS})\b|"
    rf"\bnew\s+({_NEWCOMERS})\s+(?:form|sign[- ]?up|registration|intake)\b",
    re.I,
)
# a stock name the description says itself keeps ("newsletter sign up for new customers")
_STOCK_SAID = {
    "Newsletter Signup": re.compile(r"\bnewsletter", re.I),
    "Event Registration": re.compile(r"\bevents?\b", re.I),
}
# (pattern, the name's head) per language: the newcomers as written after it
_NEW_ABROAD = (
    (
        re.compile(
            r"\bpara\s+(?:los\s+|las\s+)?(nuev[oa]s\s+(?:clientes|pacientes|soci[oa]s|"
            r"alumn[oa]s|miembros|estudiantes|voluntari[oa]s))\b",
            re.I,
        ),
        "Registro de {}",
    ),
    (
        re.compile(
            r"\bpour\s+(?:les\s+|nos\s+)?((?:nouveaux|nouvelles)\s+(?:client(?:e)?s|"
            r"patient(?:e)?s|membres|adhérent(?:e)?s|élèves|étudiant(?:e)?s|bénévoles))\b",
            re.I,
        ),
        "Inscription des {}",
    ),
    (
        re.compile(
            r"\bfür\s+neue\s+(Kunden|Kundinnen|Patienten|Patientinnen|Mitglieder|Schüler|"
            r"Schülerinnen|Studierende)\b",
            re.I,
        ),
        "Anmeldung neuer {}",
    ),
    (
        re.compile(
            r"\bpara\s+(?:os\s+|as\s+)?(nov[oa]s\s+(?:clientes|pacientes|sóci[oa]s|membros|"
            r"alun[oa]s|estudantes|voluntári[oa]s))\b",
            re.I,
        ),
        "Cadastro de {}",
    ),
)

# a trade named before the word for its business ("landscaping company", "accounting firm")
_ORG = r"company|business|firm|agency|contractors?|services?|studio|shop"
_TRADE = re.compile(
    rf"^\W*(?:(?:we'?re|we are)\s+an?\s+)?([a-z]+(?: [a-z]+){{0,2}}) (?:{_ORG})\b", re.I
)
_LEAD = re.compile(r"\b(?:lead|contact|enquiry|inquiry) form\b", re.I)
_PRICES = re.compile(r"\b(?:pric\w*|quot\w*|cost\w*|rates?|budget|estimate|fees?)\b", re.I)
_QUESTION_FORM = re.compile(r"^\W*([a-z]+(?: [a-z]+)?) (question|enquiry|inquiry) form\b", re.I)
_NOT_TRADE = re.compile(r"^(?:a|an|the|our|my|new|lead|contact|form|i|we)$", re.I)

# where the form sits, said after its name: no part of it
_WHERE_SAID = (
    r"\s+(?:(?:on|for|at) (?:our|my|the) (?:\w+ )?(?:site|website|web ?page|landing page|page)|"
    r"auf (?:der|unserer) (?:Webseite|Website|Seite|Homepage)|"
    r"sur (?:le|notre) site(?: web| internet)?|en (?:nuestra|la) (?:web|página(?: web)?)|"
    r"(?:no|em) (?:nosso |o )?site)"
)
_WHERE = re.compile(_WHERE_SAID + r"\s*$", re.I)  # at the end of a name
_WHERE_ANY = re.compile(_WHERE_SAID + r"\b", re.I)  # in a heading
# "Plumbing Company Lead Form", "Bakery Contact Form": the act said by the form's words
_FORM_ACT = re.compile(r"\s+(?:lead|contact|enquiry|inquiry)?\s*form\b.*$", re.I)
# "Formulário de contato para minha empresa de limpeza": the form word, the act, the owner
# ("… para una agencia de viajes", "… pour la boulangerie": an owner named with an article
# is named as much as "para minha empresa")
_FOREIGN_FORM = re.compile(
    r"^(?:Formulário|Formulario|Formulaire)\s+(?:de\s+|d')(.+?)"
    r"(?:\s+(?:para|pour)\s+(?P<art>(?:el|la|los|las|o|a|os|as|le|les|un|una|uma|um|une)\s+|l')?"
    r"(?P<own>(?:minha|meu|nossa|nosso|mi|nuestra|nuestro|mon|ma|notre)\s+)?(?P<owner>.+))?$",
    re.I,
)
# an owner that names no business, only that there is one
_ANY_ORG = re.compile(
    r"association|asociaci[óo]n|associa[çc][ãa]o|entreprise|soci[ée]t[ée]|empresa|organi[sz]ation|"
    r"organizaci[óo]n|organiza[çc][ãa]o|club|clube|ong|ONG|structure|compa[ñn][íi]a",
    re.I,
)
_PLAIN = re.compile(r"^(?:Simple|Short|Quick|Basic|General|Online|Main|Website|Web)$", re.I)
_ORG_AFTER_TRADE = re.compile(r"(?<=ing|phy|ery|ure) Business (?=(?:Enquiry|Quote Request)$)")
_ACT_NOUN = re.compile(r"\b(?:Question|Enquiry|Inquiry|Request|Registration|Application)$")
_FOREIGN_CONTACT = {"contato": "Contato", "contacto": "Consulta", "contact": "Contact"}
# "Kontaktformular für unsere Zahnarztpraxis": an enquiry to the business
_GERMAN_CONTACT = re.compile(
    r"^Kontaktformular\s+für\s+(?:unsere[nrms]?|meine[nrms]?|die|den|das)\s+(\S+)$", re.I
)

# a business noun a typo keeps out of a name
_NOUNS = (
    "business businesses company companies contractor contractors agency studio studios "
    "clinic clinics practice salon salons school schools services service firm consultancy "
    "restaurant restaurants firms agencies"
).split()


def trade_name(name: str, original: str, lang: str | None) -> str | None:
    """The draft's name for a newcomers' sign-up, a trade's lead form or a name with chatter
    or a typo in the business noun, or None when the name is right."""
    better = newcomer_name(name, original) or trade_enquiry(name, original, lang)
    better = better or act_said(name, original, lang)
    better = (
        better or _opening_question(name, original, lang) or _foreign_heading(name, original, lang)
    )
    better = tidied(better or name, lang)
    return better if better != name else None


# a stock name gives way to the thing and the act the opening words say (round 36b)
_ACT_STOCK = _STOCK | {"Booking Request", "Emergency Callback", "Pre-order Form", "Order Form"}
_ACT, _THING = r"(?P<act>call-?outs?|pre-?orders?)", r"(?P<thing>[a-z][\w'-]*(?: [\w'-]+){0,4}?)"
_ENDS = r"(?: (?:here|online|today|now|below))?(?:\s*[.:;,(!?]|\s[-–—]\s|\s*$)"
# "Wasp nest removal callout.", "Pre-order form for our spring seed box:"
_HEADED_ACT = re.compile(
    rf"^\W*(?:(?:an?|the|our) )?(?:{_THING} {_ACT}(?: forms?)?|{_ACT.replace('act', 'act2')}"
    rf"(?: forms?)? (?:for|of) (?:(?:our|the|an?|my|this) )?{_THING.replace('thing', 'thing2')})"
    rf"(?: (?:of|from|for|at|by) (?:our|the|my)\b.*?)?{_ENDS}",
    re.I,
)
# "I run a small bike repair shop and want people to book …"; "sign their kids up for the X"
_RUN = re.compile(
    r"\b(?:i|we) (?:run|own|have) (?:an?|the|our|my) (?:(?:small|little|local|family|independent|"
    rf"mobile) )*(?P<trade>[a-z]+(?: [a-z]+)?) (?:{_ORG}|salon|workshop|garage)\b(?=.*\bbook\b)",
    re.I,
)
_SIGN_UP = re.compile(
    r"\b(?:sign (?:[\w']+ ){0,2}?up |register (?:[\w']+ ){0,2}?)for (?:(?:the|our|this year's) )?"
    rf"{_THING}{_ENDS}",
    re.I,
)
_SAYS_LITTLE = re.compile(r"\b(?:i|we|you|need|want|form|it|this|that|my|your|their)\b", re.I)


def act_said(name: str, original: str, lang: str | None) -> str | None:
    """ "Wasp Nest Removal Callout", "Bike Repair Booking", "Summer Camp Registration"."""
    if lang or name not in _ACT_STOCK:
        return None
    said = _HEADED_ACT.match(original)
    if said:
        thing, act = said["thing"] or said["thing2"], said["act"] or said["act2"]
        act = "Pre-order" if act.lower().startswith("pre") else act.capitalize().rstrip("s")
        return None if _SAYS_LITTLE.search(thing) else f"{capwords(thing)} {act}"
    ran = _RUN.search(original) if name == "Booking Request" else None
    said = _SIGN_UP.search(original) if name == "Event Registration" else None
    named = f"{ran['trade']} Booking" if ran else f"{said['thing']} Registration" if said else ""
    return capwords(named) if named and not _SAYS_LITTLE.search(named) else None


def newcomer_name(name: str, original: str) -> str | None:
    """ "New Client Registration" when the form is said to be one for a business's newcomers
    ("a form for new clients", "Formulaire pour les nouveaux clients"), whatever the stock
    name (a form of another act says it: "booking form for new clients" stays a booking)."""
    if name in _STOCK_SAID and _STOCK_SAID[name].search(original):
        return None
    if re.search(r"^New |\b(?:Registration|Intake|Sign-?up|Application|Membership)$", name, re.I):
        return None  # "Pet Registration" says it already
    said = _NEW_EN.search(original)
    if said:
        noun = (said.group(1) or said.group(2)).lower()
        noun = noun[:-1] if noun.endswith("s") else noun
        act = "Intake" if re.search(r"\bintake\b", said.group(0), re.I) else "Registration"
        return f"New {noun.title()} {act}"
    for pattern, head in _NEW_ABROAD:
        said = pattern.search(original)
        if said:
            german = head.startswith("Anmeldung")  # a German noun keeps its capital
            return head.format(said.group(1) if german else said.group(1).lower())
    return None


def trade_enquiry(name: str, original: str, lang: str | None) -> str | None:
    """ "Landscaping Enquiry" for a trade's lead form named a pricing request while the
    description says nothing of prices."""
    if lang or name not in _PRICING or _PRICES.search(original):
        return None
    trade = _TRADE.search(original)
    if not trade or not _LEAD.search(original) or _NOT_TRADE.match(trade.group(1).split()[0]):
        return None
    words = re.sub(r"^(?:small|local|little|independent|family|boutique)\s+", "", trade.group(1))
    org = re.search(rf"\b(?:{_ORG})\b", original[trade.end(1) :], re.I).group(0).title()
    named = f"{words.title().replace(' And ', ' and ')} {org} Enquiry"
    return _ORG_AFTER_TRADE.sub(" ", named)


def _opening_question(name: str, original: str, lang: str | None) -> str | None:
    """ "Pricing Question" for "Pricing question form on our SaaS site", not the stock name."""
    said = None if lang or name not in _STOCK else _QUESTION_FORM.match(original)
    return f"{said.group(1).title()} {said.group(2).title()}" if said else None


def _foreign_heading(name: str, original: str, lang: str | None) -> str | None:
    """ "Consulta – peluquería" for "Formulario de contacto en nuestra web para la peluquería:
    …" named with the stock "Contacto": the heading read without where the form sits."""
    if not lang or (name not in _STOCK and not re.match(r"Formul", name)):
        return None
    heading = re.split(r"\s*[:.]\s", original, maxsplit=1)[0]
    where = _WHERE_ANY.search(heading)  # "Formulário de contato no site para …"
    heading = _WHERE_ANY.sub("", heading).strip()
    said = _FOREIGN_FORM.match(heading)
    if said and said["owner"]:
        read = tidied(heading, lang, stock=name in _STOCK or bool(where))
        return read if read != heading else None
    return None


def tidied(name: str, lang: str | None, stock: bool = False) -> str:
    """The name without where the form sits, the form word, a typo in the business noun;
    ``stock`` when the name read is a heading in place of a stock name."""
    where = _WHERE.search(name)
    name = _WHERE.sub("", name).strip()
    foreign = _FOREIGN_FORM.match(name)
    # "Formulário de contato para minha empresa …", "Formulaire de … sur notre site" (a form
    # word alone, "Formulario de reclamación", is the name a marketer may keep)
    said = foreign and (where or foreign["own"] or foreign["art"] or stock)
    if said:  # "Contato – empresa de limpeza", "Consulta – agencia de viajes"
        act, owner = foreign.group(1), foreign["owner"]
        if owner and _ANY_ORG.fullmatch(owner) and not where:
            return name  # "Formulaire de don pour notre association": no business to name
        act = _FOREIGN_CONTACT.get(act.lower(), act[:1].upper() + act[1:])
        return f"{act} – {owner}" if owner else act
    german = _GERMAN_CONTACT.match(name)
    if german:
        return f"Anfrage – {german.group(1)}"
    if lang:
        return name
    name = re.sub(r"^(?:My|Our) (?=.* (?:Enquiry|Request)$)", "", name)  # "My … Enquiry"
    name = " ".join(_spelled(word) for word in name.split())
    form = _FORM_ACT.search(name)
    head = re.sub(r"\s+Website$", "", name[: form.start()]) if form else ""
    if head and not _PLAIN.match(head):  # "Simple Contact Form" names no trade
        said = form.group(0).split()[0].lower()
        if said != "form":  # "Plumbing Company Lead Form": an enquiry about the trade
            name = head if _ACT_NOUN.search(head) else f"{head} Enquiry"
        elif where and _ACT_NOUN.search(head):  # "Pricing Question Form on Our SaaS Site"
            name = head
    # "Photography Business Enquiry": the trade says it, the word for a business adds nothing
    # ("Law Firm Enquiry", "Software Company Enquiry" keep it: the word is no trade)
    return _ORG_AFTER_TRADE.sub(" ", name)


def _spelled(word: str) -> str:
    """A close misspelling of a business noun corrected ("Buisness", "Contrator")."""
    low = word.lower()
    if not low.isalpha() or low in _NOUNS or len(low) < 5:
        return word
    close = next((n for n in _NOUNS if n[0] == low[0] and _one_slip(low, n)), None)
    return (close.title() if word[:1].isupper() else close) if close else word


def _one_slip(a: str, b: str) -> bool:
    """``a`` is ``b`` with one letter left out, added, changed or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (
            a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i:] == b[i + 1 :] if len(a) < len(b) else a[i + 1 :] == b[i:]
