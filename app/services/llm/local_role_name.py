"""One name for the person the form addresses (round 14c).

"Press accreditation for journalists: journalist name, …", "Volunteer sign-up: volunteer
name", "Cadastro de vendedores: nome do vendedor": the named "<role> name" is the name of
the person filling the form in, so it takes the default "Full name"'s place (and its
mapping), in the marketer's words. A role is the addressee when the description names it
elsewhere too ("for journalists", "Volunteer sign-up", "Fahrer-Bewerbung") and it is a
person's part (a noun of agency: -er, -or, -ist, -ant, -ent, -eer, -ee, -ian, -ate in any
of the five languages), not a thing ("event name", "pet name", "shop name") and not someone
else ("child name", "nominee name", "GP name", "manager's name"). Two names asked for two
people stay two: a role merges only when it is the one person name named.
"""

from __future__ import annotations

import re

# "<role>('s) name", "name of the <role>", "nombre del <rol>", "nom du/de l'<rôle>",
# "Name des/der <Rolle>", "nome do/da <papel>"
_BEFORE = re.compile(r"^(?:the |your )?([\w-]+?)(?:'s|s')? (?:full )?names?$", re.I)
_AFTER = re.compile(
    r"^(?:full )?(?:name|nombre|nom|nome)s?(?: completo| complet)? (?:of (?:the )?|del |de la |de l'|"
    r"du |de |des |der |do |da |dos |das )([\w-]+)$|^name (?:des|der) ([\w-]+)$|"
    # German apposition without an article: "Name Elternteil", "Name Teilnehmer"
    r"^name (eltern(?:teil)?|erziehungsberechtigte\w*|mutter|vater|teilnehmer\w*|sch[üu]ler\w*|"
    r"mitglied\w*|spieler\w*|kind(?:es)?)$",
    re.I,
)
# a noun of agency in English, Spanish, French, German or Portuguese
AGENT = re.compile(
    r"(?:er|ers|or|eur|euse|ist|iste|ista|ant|ante|ent|ente|eer|ee|ian|ien|ienne|ate|"
    r"ario|aria|ero|era|eiro|eira|ora|in|aire|ier|ière|ling)$",
    re.I,
)
# things (and places) whose word looks like a noun of agency
THINGS = re.compile(
    r"^(?:event|evento|événement|tournament|torneo|tournoi|restaurant|restaurante|plant|planta|"
    r"server|router|printer|computer|center|centre|folder|paper|poster|trailer|container|"
    r"order|newsletter|document|talent|apartment|department|departement|departamento|"
    r"fundraiser|player-character|character|chapter|register|quarter|cluster|theater|theatre|"
    r"ingredient|component|agent|client|cliente|parent|moment|content|payment|account|"
    r"letter|banner|sticker|flyer|voucher|cover|number|calendar|domain|business|"
    r"cabin|bin|origin|margin|plugin|login|pin|skin|ship|lounge|dinner|lunch|summer|winter|"
    # a firm named by its part: its name is the company's, not the person's
    r"supplier|manufacturer|distributor|retailer|reseller|wholesaler|dealer|provider|carrier|"
    r"advertiser|publisher|employer|operator|insurer|lender|broker|proveedor|fournisseur|"
    r"lieferant|fornecedor|distribuidor|distributeur|händler|revendedor|revendeur)$",
    re.I,
)
# someone other than the person writing, even when the form is about them
OTHER = re.compile(
    r"\b(?:child\w*|kids?|son|daughter|baby|infant|minor|nominee|referee|reference|manager|boss|"
    r"supervisor|colleague|emergency|friend|partner|spouse|recipient|doctor|gp|vet|dentist|"
    r"landlord|witness|sponsor|referrer|assistant|second|other|previous|former|"
    # a staff form is filled in about the employee (by HR, a manager), not by them
    r"employee|starter|hire|"
    r"enfant|niño|nino|hijo|hija|criança|filho|filha|kind|kindes|sohn|tochter)\b",
    re.I,
)
# a marketer's own plain name item ("name", "your name", "nombre") beside a role name
_PLAIN = re.compile(
    r"^(?:(?:full |your |first |last )?names?|nombre|nom|nome|vorname|nachname)$", re.I
)


def role_in(label: str) -> str | None:
    """The role of a "<role> name" label, if it is one."""
    low = label.strip().lower()
    m = _BEFORE.match(low)
    if m:
        return m.group(1)
    m = _AFTER.match(low)
    return (m.group(1) or m.group(2) or m.group(3)) if m else None


def _addressed(role: str, text: str, label: str) -> bool:
    """The role is named outside its own item ("for journalists", "Fahrer-Bewerbung")."""
    rest = text.lower().replace(label.lower(), " ", 1)
    stem = re.sub(r"(?:es|s|e|a|o|in)$", "", role) if len(role) > 5 else role
    # or what they do: "Pet adoption application: adopter name", "photography" for a photographer
    root = AGENT.sub("", role)
    return re.search(rf"\b{re.escape(stem)}", rest) is not None or (
        len(root) >= 5 and re.search(rf"\b{re.escape(root)}", rest) is not None
    )


def is_person_role(role: str) -> bool:
    return (
        len(role) > 3
        and AGENT.search(role) is not None
        and THINGS.match(role) is None
        and OTHER.search(role) is None
    )


def merge_role_name(fields: list, text: str) -> None:
    """The default name (still ``_domain``) replaced by the one named "<role> name" whose
    role is the person the form addresses."""
    default = next((f for f in fields if f["name"] == "name" and f.get("_domain")), None)
    if default is None:
        return
    named = [f for f in fields if not f.get("_domain") and f["type"] == "text"]
    if any(_PLAIN.match(f["label"].strip()) for f in named):
        return
    people = [f for f in named if role_in(f["label"]) and not _thing(role_in(f["label"]))]
    roles = [f for f in people if is_person_role(role_in(f["label"]))]
    if len(roles) != 1 or not _addressed(role_in(roles[0]["label"]), text, roles[0]["label"]):
        return
    own = roles[0]
    merged = {**default, "label": own["label"], "required": default["required"] or own["required"]}
    merged.pop("_domain", None)
    fields[fields.index(default)] = merged  # the name keeps its place at the top
    fields.remove(own)


def _thing(role: str) -> bool:
    return THINGS.match(role) is not None
