"""A choice of place the list names stays a choice (round 21d, issue 20).

"Service in store or on site", "remote or on site support", "at our clinic or at your home",
"cita en la clínica o a domicilio", "intervention à domicile ou au bureau", "Beratung vor Ort
oder online": the marketer offers the visitor two places and asks which one. The item
reader keeps an "A or B" only when it reads as one (a verb's clause, "visit at our office or
at your home"); a place opened by "in"/"on" ("in store", "on site"), a bare pair with no noun,
or a foreign one was dropped, or cut into "Service in store" / "On site".

``place_choices`` runs on the finished draft (labels already in the marketer's language): each
list item that offers two places, in its own words, becomes one dropdown — labelled with the
noun beside the places ("Service", "Support", "Cita") or, when none is said, "Where?" in the
description's language — whose answers are the places as written ("In store", "On site",
"A domicilio"). A field already read from that item (a cut one, a text box) gives it its
place; a dropdown that already offers those two places is left as it is.
"""

from __future__ import annotations

import re

from app.services.llm.local_choice_lists import folded
from app.services.llm.local_consent import pieces
from app.services.llm.local_fields import _field_name

_OWNER = r"(?:(?:our|your|the|a|my|their) )?"
_PLACE_NOUN = (
    r"(?:store|shop|salon|studio|office|clinic|surgery|practice|garage|workshop|premises|site|"
    r"home|house|venue|cent(?:re|er)|branch|school|gym|unit|depot|showroom|location|workplace)"
)
_PLACE = (
    # English: "in store", "on site", "at our office", "at your home", "remote(ly)", "online"
    rf"(?:in|at|on|from) {_OWNER}{_PLACE_NOUN}|in-store|on-?site|remote(?:ly)?|online|"
    # Spanish: "en la clínica", "a domicilio", "en casa", "en línea", "a distancia"
    r"en (?:la |el |nuestr[oa] |su |tu )?(?:cl[íi]nica|consulta|tienda|local|oficina|taller|"
    r"sal[óo]n|centro|casa|empresa|obra)|a domicilio|en l[íi]nea|a distancia|"
    # French: "à domicile", "au bureau", "en magasin", "chez vous", "sur place", "à distance"
    r"[àa] domicile|au (?:bureau|cabinet|magasin|salon|garage|atelier|centre)|"
    r"en (?:magasin|boutique|cabinet|atelier|agence|ligne)|chez (?:vous|nous|soi)|sur place|"
    r"[àa] distance|"
    # German: "vor Ort", "bei Ihnen zu Hause", "in der Praxis", "im Laden", "online"
    r"vor ort|zu hause|bei ihnen(?: zu hause)?|bei uns|in (?:der|unserer) (?:praxis|werkstatt|"
    r"filiale|klinik)|im (?:gesch[äa]ft|laden|b[üu]ro|studio|salon)|"
    # Portuguese: "em casa", "ao domicílio", "na loja", "no consultório", "à distância"
    r"em casa|ao domic[íi]lio|na (?:loja|cl[íi]nica|oficina)|no (?:local|escrit[óo]rio|"
    r"consult[óo]rio|sal[ãa]o)|nas nossas instala[çc][õo]es|[àa] dist[âa]ncia"
)
_OR = r"(?:or|o|ou|oder)"
PLACE_CHOICE = re.compile(
    rf"^(?P<head>[\w' -]*?)\s*\b(?P<a>{_PLACE})\s+{_OR}\s+(?P<b>{_PLACE})\b\s*(?P<tail>[\w' -]*)$",
    re.I,
)
# "drop off in store or collection from home": two services, each at its place
TWO_SERVICES = re.compile(
    rf"^(?P<na>[\w'-]+(?: [\w'-]+)?) (?P<pa>{_PLACE}) (?P<o>{_OR}) "
    rf"(?P<nb>[\w'-]+(?: [\w'-]+)?) (?P<pb>{_PLACE})$",
    re.I,
)
_WHERE = {"en": "Where?", "es": "¿Dónde?", "fr": "Où ?", "de": "Wo?", "pt": "Onde?"}
# a noun that is no subject of the choice ("and", a verb the marketer asks with)
_NOT_NOUN = re.compile(r"^(?:and|or|y|et|und|e|plus|also|ask|choose|pick|prefer)$", re.I)


def place_choices(fields: list, description: str, lang: str | None) -> None:
    """One dropdown per list item offering two places (see the module)."""
    listed = pieces(description)
    if len(listed) < 2:
        return  # "Book a class online or at our studio": the form's purpose, no list
    for piece in listed:
        found = PLACE_CHOICE.match(piece.strip())
        two = None if found else TWO_SERVICES.match(piece.strip())
        if two:  # [Drop off in store, Collection from home], asked "Drop off or collection"
            places = [_capital(f"{two['na']} {two['pa']}"), _capital(f"{two['nb']} {two['pb']}")]
            noun = f"{two['na']} {two['o']} {two['nb']}"
        elif found and len(f"{found['head']} {found['tail']}".split()) <= 3:
            places = [_capital(found["a"]), _capital(found["b"])]
            noun = " ".join(
                w for w in (found["head"] or found["tail"]).split() if not _NOT_NOUN.match(w)
            )
        else:
            continue
        wanted = {folded(p) for p in places}
        label = _capital(noun) if noun else _WHERE.get(lang or "en", _WHERE["en"])
        offered = [f for f in fields if {folded(o) for o in f.get("options") or []} == wanted]
        if offered:  # already offered whole; "En la clínica o a domicilio" is no label
            if folded(offered[0]["label"]).rstrip(" ?") == folded(piece).rstrip(" ?"):
                offered[0]["label"] = label
            continue
        read = [f for f in fields if _read_from(f, piece, wanted)]
        at = fields.index(read[0]) if read else _before_closing(fields, description)
        fields[:] = [f for f in fields if f not in read]
        name = _field_name(folded(noun or "place")) or "place"
        taken = {f["name"] for f in fields}
        while name in taken:
            name += "_2"
        fields.insert(
            at,
            {
                "name": name,
                "type": "select",
                "label": label,
                "placeholder": "",
                "help": "",
                "required": False,
                "options": places,
                "min": None,
                "max": None,
                "max_length": None,
                "regex": None,
                "default": None,
            },
        )


def _read_from(field: dict, piece: str, wanted: set) -> bool:
    """A field the engine made of this item: its label is in the item's words, or its answers
    cut the places ("Service in store", "On site")."""
    if field["type"] in ("email", "phone") or field["name"] in ("name", "first_name", "last_name"):
        return False
    label = folded(field["label"]).rstrip(" ?")
    if label and len(label.split()) >= 2 and label in folded(piece):
        return True
    options = {folded(o) for o in field.get("options") or []}
    return bool(options) and any(any(o.endswith(w) for w in wanted) for o in options)


def _before_closing(fields: list, description: str) -> int:
    """After the listed fields: before the engine's closing free-text question, if any."""
    last = fields[-1] if fields else None
    if last and last["type"] == "textarea":
        words = folded(last["label"]).rstrip(" ?")
        if words not in folded(description):
            return len(fields) - 1
    return len(fields)


def _capital(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]
