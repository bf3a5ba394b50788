"""One person, one contact field (round 16a).

A description often names the person filling the form in by their part in it: "organiser's
name, organiser's email", "tenant's name, tenant's phone", "host name" beside "host email",
"pupil name" on a pupil survey, "the pair's names", "bride and groom names", "nombre del
tutor, correo del tutor", "Name der Eltern, E-Mail der Eltern". That field IS the person's
name (email, phone): it takes the default's place and mapping, keeps the marketer's label
and stays required where the default was. Nothing here lists roles: a field is read by its
shape ("<role>('s) name/email/phone", "name/email of the <role>", "nom du <rôle>") and the
role is the writer's when

- it is the role of the person's other contact fields ("organiser's name" beside
  "organiser's email": whoever gives both is the one writing), or
- it is the only role named for a contact, or the only person's role named at all (a word
  of agency, -er/-or/-ist/-ant…, or a person's noun: pupil, parent, couple, guest, bride…).

Someone else's field stays a second one: a child, a pet, a referee, a manager, an emergency
contact ("name of the child", "dog's name", "referee's email"), a thing ("venue name",
"company name"), and on a form a parent fills in for a child ("player name, parent's
email"), the child's name is the child's.
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm import local_catalog as catalog
from app.services.llm.local_fields import _field_name as field_name
from app.services.llm.local_role_name import AGENT, OTHER, THINGS, role_in

# "<role>('s) email/phone", "email/phone of the <role>", "e-mail du <rôle>", "phone del <rol>"
_CONTACT_BEFORE = re.compile(
    r"^(?:the |your |their )?(?P<role>[\w' -]+?)(?:'s|s'|')? "
    r"(?P<base>e-?mail(?: address)?|(?:contact |mobile |phone |telephone )?"
    r"(?:phone|mobile|telephone|cell)(?: number)?|contact number|number)$",
    re.I,
)
_CONTACT_AFTER = re.compile(
    r"^(?P<base>e-?mail|phone|mobile|telephone|correo|t[ée]l[ée]phone|tel[ée]fono|telefone|"
    r"telefon)(?: address| number)? (?:of (?:the )?|del |de la |de l'|du |de |des |der |do |da |"
    r"dos |das )(?P<role>[\w-]+(?: (?:de|da|do|der|des|du) [\w-]+)?)$",
    re.I,
)
# "<role>('s) name" in up to three words ("plot holder name", "the team captain's name")
_NAME_BEFORE = re.compile(
    r"^(?:the |your |their )?(?P<role>[\w-]+(?: [\w-]+){0,2}?)(?:'s|s'|')? (?:full )?names?$", re.I
)
# two people named together: "bride and groom names", "mum and dad names"
_TWO = re.compile(r"^(?:the )?([\w-]+) and ([\w-]+)(?:'s|s')? names$", re.I)
# a word that says which address, not whose ("contact email", "work phone", "home number")
QUALIFIER = re.compile(
    r"^(?:contact|work|home|business|company|personal|mobile|cell|best|preferred|primary|main|"
    r"daytime|evening|direct|office|billing|invoice|invoicing|school|private|professional|"
    r"landline|whatsapp|full|first|last|your|their|e-?mail|phone|telephone|cell|number)$",
    re.I,
)
# a person's noun that is no word of agency
PERSON = re.compile(
    r"^(?:pupils?|students?|learners?|trainees?|parents?|guardians?|carers?|mums?|moms?|dads?|"
    r"mothers?|fathers?|brides?|grooms?|couples?|pairs?|famil(?:y|ies)|households?|guests?|"
    r"patients?|clients?|members?|hosts?|persons?|individuals?|adults?|athletes?|alumn\w+|"
    r"residents?|holders?|occupants?|cadets?|scouts?|coaches?|captains?|chefs?|nurses?|"
    r"delegates?|candidates?|applicants?|tenants?|entrants?|contacts?|self|"
    r"alumnos?|estudiantes?|padres?|madres?|tutor(?:es|a)?|responsables?|respons[aá]vel|"
    r"[ée]l[èe]ves?|parents?|eltern(?:teil)?|erziehungsberechtigte\w*|mutter|vater|sch[üu]ler\w*|alunos?|"
    r"pais|encarregados?|titular(?:es)?|socios?|s[óo]cios?|miembros?|membres?|mitglied\w*|"
    r"inquilinos?|locataires?|mieter\w*|"
    # an owner, a player: the person writing when nobody else is named
    r"owners?|due[ñn][oa]s?|propietari[oa]s?|propri[ée]taires?|propriet[aá]ri[oa]s?|don[oa]s?|"
    r"besitzer\w*|inhaber\w*|halter\w*|players?|jugador(?:es|as?)?|joueu(?:rs?|ses?)|"
    r"jogador(?:es|as?)?|spieler\w*|"
    # who books or organises (never whom a booking asks for)
    r"organi[sz]ers?|organisat(?:eur|rice)s?|organi[sz]ador(?:es|as?)?|veranstalter\w*|"
    r"bookers?|requesters?|hirers?)$",
    re.I,
)
# those who fill a form in for a child: the other named person is the child
GUARDIAN = re.compile(
    r"^(?:parents?|guardians?|carers?|mums?|moms?|dads?|mothers?|fathers?|padres?|madres?|"
    r"tutor(?:es|a)?|responsables?|respons[aá]vel|eltern(?:teil)?|erziehungsberechtigte\w*|"
    r"mutter|vater|pais|encarregados?)$",
    re.I,
)
# someone else, whatever the form: an address of theirs is a second one
# an animal, in the five languages ("dog's name", "nom du chien", "Name des Hundes", "nome do
# cão"): someone else's name, never a person who might be writing about the form's person
_ANIMAL = (
    r"pets?|dogs?|cats?|horses?|puppy|puppies|animals?|perros?|gatos?|caballos?|mascotas?|"
    r"chiens?|chats?|chevaux|cheval|c[aã]o|c[aã]es|cavalos?|hund\w*|katze\w*|pferd\w*|"
    r"tiere?s?|animal\w*|bichos?"
)
_ELSE = re.compile(
    r"\b(?:next of kin|kin|gift|invitee|"
    r"cc|team ?mates?|referees?|references?|nominees?|recipients?|friends?|emergency|"
    rf"proposers?|seconders?|guarantors?|co-?signers?|endorsers?|{_ANIMAL})\b",
    re.I,
)
# someone else who is not another grown-up: a child or an animal
_DEPENDANT = re.compile(rf"\b(?:child\w*|kids?|son|daughter|baby|{_ANIMAL})\b", re.I)


# people a form is as often about as filled in by (a tenant a landlord reports on, a guest one
# brings): theirs only when the same person's other contact fields carry the role too
SHARED_ONLY = re.compile(
    r"^(?:teachers?|tenants?|guests?|students?|clients?|customers?|patients?|players?|"
    r"agents?|staff|employees?|owners?)$",
    re.I,
)


# kinds where a visitor asks for someone's service
PROVIDED = ("booking", "pricing", "support", "staffing")

SCHOOL = re.compile(r"^(?:teachers?|students?)$", re.I)


def _fold(word: str) -> str:
    """ "Läufers" → "laufer": one key for a role however the description spelt it."""
    plain = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).strip(" '")
    return re.sub(r"(?:'s|s'|')$", "", plain)


def contact_role(field: dict) -> tuple[str, str, str] | None:
    """(base, role words, role key) of a "<role> name/email/phone" field, else None."""
    # "player 1 name", "nombre del jugador 2": one role, numbered
    label = re.sub(r"\s+(?:no\.?\s*|#\s*)?\d+\b", "", field["label"].strip())
    if field["type"] == "text":
        two = _TWO.match(label)
        if two and not QUALIFIER.match(two[1]):
            return "name", f"{two[1]} and {two[2]}", _fold(two[2])
        several = _NAME_BEFORE.match(label)  # "plot holder name", "team captain's name"
        role = several["role"] if several else role_in(label)
        base = "name"
    elif field["type"] in ("email", "phone"):
        m = _CONTACT_BEFORE.match(label) or _CONTACT_AFTER.match(label)
        role = m and m["role"].strip()
        base = field["type"]
    else:
        return None
    if not role or QUALIFIER.match(role):
        return None
    # the role's head: the last word in English, the first before "de" ("encarregado de
    # educação")
    head = re.split(r" (?:de|da|do|der|des|du) ", role)[0].split()[-1]
    return base, role, _fold(head)


def _someone_else(role: str) -> bool:
    return bool(_ELSE.search(role) or OTHER.search(role))


def _thing(key: str) -> bool:
    """ "venue", "company", "event": a thing's name ("parent", "client" are people)."""
    return THINGS.match(key) is not None and PERSON.match(key) is None


def _mine(found: tuple | None) -> bool:
    return bool(found) and not _someone_else(found[1]) and not _thing(found[2])


def _person(key: str) -> bool:
    return PERSON.match(key) is not None or (
        len(key) > 3 and AGENT.search(key) is not None and THINGS.match(key) is None
    )


def _same(a: str, b: str) -> bool:
    """One role in two spellings: "holder" / "plot holder", "tutor" / "tutors"."""
    return a == b or a.rstrip("s") == b.rstrip("s")


def merge_role_contacts(fields: list, kind_key: str) -> None:
    """The default name/email/phone (still ``_domain``) replaced by the writer's role field;
    the child's name kept apart from a guardian's default; no stock name beside the people
    the description names."""
    _merge_by_role(fields, kind_key)
    _people_named(fields, kind_key)


def _people_named(fields: list, kind_key: str) -> None:
    """The stock "Full name" is left out when the description names the people by their part
    ("the tenant's name", "nom du propriétaire", "player 1 name, player 2 name", "bride's
    name, groom's name"): the first of them (a guardian before a child) is the contact's
    name, in the marketer's words; the others stay their own fields. A child, a pet, a
    referee, a thing ("venue name") is nobody writing; a tenant, a guest, a patient named
    beside someone else (a landlord's name, a GP's email) may be written about by them."""
    default = next((f for f in fields if f["name"] == "name" and f.get("_domain")), None)
    if default is None:
        return
    people, others = [], False
    # "player name, parent's email": the one a guardian writes for is the child
    guardian = any(
        GUARDIAN.match(found[2]) for found in map(contact_role, fields) if found is not None
    )
    for f in fields:
        found = None if f.get("_domain") else contact_role(f)
        if not found:
            continue
        base, role, key = found
        # "partner 1 name, partner 2 name": the people taking part, counted, not a spouse
        counted = re.search(r"\d", f["label"]) and not (
            _ELSE.search(role) or _DEPENDANT.search(role)
        )
        if _someone_else(role) and not counted:
            others = others or not _DEPENDANT.search(role)
            continue
        if base != "name" or f["type"] != "text" or _thing(key) or not _person(key):
            continue
        if guardian and not GUARDIAN.match(key):
            continue
        if kind_key in PROVIDED and not PERSON.match(key) and not counted:
            continue  # "stylist name" on a booking: whom they ask for
        people.append((f, key))
    if not people or (others and any(SHARED_ONLY.match(key) for _, key in people)):
        return
    own = next((f for f, key in people if GUARDIAN.match(key)), people[0][0])
    merged = {**default, "label": own["label"], "required": default["required"] or own["required"]}
    merged.pop("_domain", None)
    fields[fields.index(default)] = merged  # the name keeps its place at the top
    fields.remove(own)


def _merge_by_role(fields: list, kind_key: str) -> None:
    entries = []
    for f in fields:
        found = contact_role(f)
        if _mine(found):
            entries.append((f, *found))
    if not entries:
        return
    writer = _writer(fields, entries, kind_key)
    if writer is None:
        return
    for base in ("name", "email", "phone"):
        default = next((f for f in fields if f["name"] == base and f.get("_domain")), None)
        own = [
            f for f, b, _, key in entries if b == base and f is not default and _same(key, writer)
        ]
        if default is None or len(own) != 1:
            continue
        merged = {**default, "label": own[0]["label"]}
        merged["required"] = default["required"] or own[0]["required"]
        merged.pop("_domain", None)
        if base == "name":  # the name keeps its place at the top
            fields[fields.index(default)] = merged
            fields.remove(own[0])
        else:  # an address stays where the marketer listed it
            fields[fields.index(own[0])] = merged
            fields.remove(default)
    if GUARDIAN.match(writer):
        _guardian_named(fields, writer)


# the address word ending a guardian's contact label, where "name" goes ("Guardian email" →
# "Guardian name"); a label said the other way round ("email do encarregado") is glossed from
# es/fr/de/pt, where the engine could not say it back: "Full name" stays, translated
_ADDRESS_WORD = re.compile(
    r"(?<=\w )(?:e-?mail(?: address)?|(?:contact |mobile |phone )?(?:phone|mobile|telephone)"
    r"(?: number)?|contact number)$",
    re.I,
)


def _guardian_named(fields: list, writer: str) -> None:
    """On a form a guardian fills in for a child, the name nobody named is the guardian's:
    "Full name" beside "Swimmer's name" reads as the child's, "Guardian name" does not."""
    default = next((f for f in fields if f["name"] == "name" and f.get("_domain")), None)
    said = next(
        (
            f
            for f in fields
            if f["name"] in ("email", "phone")
            and not f.get("_domain")
            and _same((contact_role(f) or ("", "", ""))[2], writer)
        ),
        None,
    )
    if default is None or said is None or not _ADDRESS_WORD.search(said["label"]):
        return
    default["label"] = _ADDRESS_WORD.sub("name", said["label"].strip())


def _writer(fields: list, entries: list, kind_key: str) -> str | None:
    """The role key of the person writing, if the description says it."""
    # the person's own fields already carry a role ("Parent email" read as the email)
    own = [
        (f, contact_role(f))
        for f in fields
        if f["name"] in ("name", "email", "phone") and not f.get("_domain")
    ]
    said = {found[2] for _, found in own if _mine(found)}
    guardians = {key for key in said if GUARDIAN.match(key)}
    if len(said) > 1 and len(guardians) == 1:  # "player name, parent's email": a child's name
        _child_apart(fields, [f for f, found in own if _mine(found) and found[2] not in guardians])
        said = guardians
    if len(said) == 1:
        return next(iter(said))
    if said:
        return None
    keys: dict[str, set] = {}
    for f in fields:  # a landlord's name and email beside a tenant's: two people, neither sure
        found = contact_role(f)
        if found and not _ELSE.search(found[1]) and not _thing(found[2]):
            keys.setdefault(found[2], set()).add(found[0])
    shared = [key for key, bases in keys.items() if len(bases) > 1]
    if len(shared) == 1:  # "tenant's name, tenant's phone": whoever gives both is writing
        return shared[0] if any(_same(shared[0], key) for *_, key in entries) else None
    if shared:
        return None
    contacts = {key for _, base, _, key in entries if base != "name"}
    people = {key for _, base, _, key in entries if base == "name" and _person(key)}
    # a word of agency on a booking, a quote or a support request names whom they ask for
    # ("stylist name", "instructor name"): there only a person's noun ("guest name") is theirs
    if kind_key in PROVIDED:
        people = {key for key in people if PERSON.match(key)}
    if len(contacts) == 1 and not people - contacts:  # the only role an address is asked of
        key = next(iter(contacts))
        # the one address asked is a teacher's or a student's: they are the one writing (a
        # school trip, a course); a tenant's or a guest's may be given by someone else
        return None if SHARED_ONLY.match(key) and not SCHOOL.match(key) else key
    if not contacts and len(people) == 1:  # the only person named
        key = next(iter(people))
        # a student applying for a scholarship names themself; on a booking the student or
        # the teacher is whom the booking is about
        own = SCHOOL.match(key) and kind_key not in PROVIDED
        return None if SHARED_ONLY.match(key) and not own else key
    return None


def _child_apart(fields: list, named: list) -> None:
    """The name field read as the person's ("player name") is the child's on a form whose
    contact is a guardian's: it is its own field, and the person's name is asked as usual."""
    for f in named:
        if f["name"] != "name":
            continue
        index = fields.index(f)
        fields[index] = {**f, "name": field_name(f["label"])}
        fields.insert(index, {**catalog.field("name"), "required": f["required"], "_domain": True})
