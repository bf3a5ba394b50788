"""Each listed item read whole and as meant (round 25c): nothing lost, nothing split, no
wrong expansion.

- ``keep_told_and``: "tell us about your home and garden" is one open question, not "Tell us
  about your home" and a stray "Garden" (the splitter's "and" is kept inside it).
- ``whole_item``: an item asking for information about either of two things ("allergies or
  medical needs", "injuries or health conditions", "Allergien oder Vorerkrankungen") is one
  free-text question, never a choice between "Allergies needs" and "Medical needs"; the
  answers of "do you rent or own your home" are Rent / Own (the shared object goes); a German
  preference in the plural ("bevorzugte Weine (Rotwein, Weißwein, …)") takes several answers.
- ``read_whole``: in a list of a person's own details a bare "title" (next to the name) is the
  salutation, a choice (Mr, Mrs, Ms, Mx, Dr; "civilité", "Anrede", "tratamiento" abroad), while
  a title next to the company or employer stays a job title; an item that asks only about
  allergies keeps its own word, not the stock "Allergies or dietary requirements".
"""

from __future__ import annotations

import re

from app.services.forms.messages import ui_words
from app.services.llm.local_one_thing import headed_choice, one_thing

# ---------------------------------------------------------------------------------------
# "tell us about X and Y": one open question

_TOLD = re.compile(
    r"\b(?:tell (?:us|me)(?: (?:a (?:bit|little)|more))? about|describe|talk us through)\s+"
    r"(?P<x>[^,;()]+?)\s+and\s+(?P<y>[^,;()]+?)(?=\s*(?:[,;.]|$))",
    re.I,
)
# what follows "and" opens an item of its own: a contact detail, a date, a count, an upload
_OWN_ITEM = re.compile(
    r"^(?:(?:your|their|the|a|an|any)\s+)?(?:e-?mail|phone|mobile|number|date|dates|budget|"
    r"address|postcode|name|how|when|what|which|why|where|who|whether|if|do|does|are|is|"
    r"upload|attach|photos?|cv|resume)\b",
    re.I,
)


def keep_told_and(segment: str, mark: str) -> str:
    """``segment`` with the "and" of an open "tell us about X and Y" replaced by ``mark``
    (the splitter's stand-in for " and "), unless Y opens an item of its own."""

    def told(m: re.Match) -> str:
        if _OWN_ITEM.match(m["y"].strip()):
            return m.group(0)
        return m.group(0)[: m.start("x") - m.start()] + m["x"] + mark + m["y"]

    return _TOLD.sub(told, segment)


# The same said abroad ("parlez-nous de votre logement et de votre jardin", "fale-nos da sua
# casa e jardim", "erzählen Sie uns von Ihrem Zuhause und Garten"): the conjunction is joined
# to its words before the description is glossed, so the glossary does not cut there, and
# ``read_whole`` gives the label its spaces back.
_JOINER = "\u2060"
_TOLD_ABROAD = {
    "fr": r"parlez-nous (?:de|du|des)|parle-nous (?:de|du|des)|racontez-nous|d[ée]crivez",
    "es": r"cu[ée]ntanos (?:sobre|de|acerca de)|h[áa]blanos (?:de|sobre)|descr[ií]b(?:a|e|anos|enos)",
    "pt": r"fale-nos (?:de|da|do|sobre)|conte-nos (?:de|da|do|sobre)|descreva",
    "de": r"erz[äa]hlen Sie uns (?:von|[üu]ber)|erz[äa]hl uns (?:von|[üu]ber)|beschreiben Sie",
}
_AND_ABROAD = {"es": r"y|e", "fr": r"et", "de": r"und", "pt": r"e"}


def keep_told_together(text: str, lang: str | None) -> str:
    """``text`` (es/fr/de/pt) with the "and" of an open "tell us about X and Y" joined."""
    if lang not in _TOLD_ABROAD:
        return text
    told = re.compile(
        rf"\b(?:{_TOLD_ABROAD[lang]})\s+[^,;()]+?\s+(?:{_AND_ABROAD[lang]})\s+[^,;()]+?"
        r"(?=\s*(?:[,;.]|$))",
        re.I,
    )
    conj = re.compile(rf"\s+({_AND_ABROAD[lang]})\s+(?=[^,;()]+$)", re.I)
    return told.sub(lambda m: conj.sub(rf"{_JOINER}\1{_JOINER}", m.group(0), count=1), text)


# ---------------------------------------------------------------------------------------
# "A or B <needs>": one question about either

# Nouns of something the visitor tells about (a health matter, a need, a concern), in the
# five languages: an "A or B" of them asks for information, not for a pick.
_TOLD_NOUN = re.compile(
    r"^(?:needs|requirements|conditions|concerns|restrictions|issues|problems|allergies|"
    r"intolerances|injuries|illness(?:es)?|disabilit(?:y|ies)|medications?|medicines?|symptoms|"
    r"necesidades|requisitos|condiciones|problemas|alergias|lesiones|enfermedades|"
    r"intolerancias|medicamentos|besoins|exigences|probl[eè]mes|blessures|maladies|"
    r"intol[ée]rances|m[ée]dicaments|contraintes|bed[üu]rfnisse|anforderungen|allergien|"
    r"(?:vor)?erkrankungen|verletzungen|unvertr[äa]glichkeiten|medikamente|beschwerden|"
    r"probleme|necessidades|les[õo]es|doen[çc]as|intoler[âa]ncias|condi[çc][õo]es)$",
    re.I,
)


def _tells(piece: str) -> bool:
    return any(_TOLD_NOUN.match(w) for w in re.findall(r"[\w-]+", piece))


# "rent or own your home": a verb's object after the second answer belongs to both
_OBJECT = re.compile(r"^([\w-]+)\s+(?:your|the|their|a|an|my|our|his|her|its)\s+[\w\s'-]+$", re.I)

# a question's own verb and pronoun before its first answer ("êtes-vous", "sind Sie")
_ASKED_LEAD = re.compile(
    r"^(?:[\wàâçéèêëîïôûù]+-(?:vous|tu|il|elle|nous)|(?:sind|haben|bist|hast|wohnen) (?:sie|du)|"
    r"(?:es|est[áa]) usted|voc[êe] (?:[ée]|est[áa]))\s+(\S.*)$",
    re.I,
)
# "contact by phone or email": the lead and its "by" are no part of the first answer
_BY_LEAD = re.compile(r"^[\w-]+(?: [\w-]+)? (?:by|via) ([\w-]+)$", re.I)
# German plural heads of things one may prefer several of (a preference in the plural)
_DE_PLURAL = re.compile(
    r"^(?:[\wäöüß]*(?:weine|produkte|getränke|tage|kurse|sorten|farben|themen|interessen|"
    r"bücher|arten|zeiten|termine|angebote|gerichte|speisen|marken|kategorien|sprachen|"
    r"instrumente|filme|spiele|genres|bereiche))$",
    re.I,
)
_DE_PREFERRED = re.compile(r"\b(?:bevorzugte|liebste|gew[üu]nschte|lieblings[\wäöüß]+)\b", re.I)


# "¿alquila o es propietario de su vivienda?" (glossed "alquila or es propietario de su
# vivienda?"): a question asked with its mark, between two answers, is never lost
_ASKED_OR = re.compile(r"^\s*¿?\s*(?P<a>[^\s?¿,()]+)\s+or\s+(?P<b>[^?¿,()]+?)\s*\?\s*$", re.I)
_THEIRS = re.compile(
    r"\s+(?:(?:de|of)\s+)?(?:your|the|their|su|sus|tu|tus|votre|vos|ton|ta|ihre?[mnrs]?|seu|sua)\s+.+$",
    re.I,
)


def _asked_choice(raw: str) -> dict | None:
    said = _ASKED_OR.match(raw)
    if not said or len(raw.split()) > 12:
        return None
    text = re.sub(r"\s+", " ", raw.strip(" ?¿"))
    first, second = said["a"], _THEIRS.sub("", said["b"].strip()) or said["b"].strip()
    return {
        "phrase": text.lower(),
        "label": text[:1].upper() + text[1:] + "?",
        "options": [first[:1].upper() + first[1:], second[:1].upper() + second[1:]],
        "required": False,
        "optional": False,
        "hint": "",
        "clause": True,
    }


def whole_item(raw: str, item: dict | None) -> dict | None:
    """The item read whole (see the module's docstring); ``raw`` as listed."""
    if item is None:
        return _asked_choice(raw)
    if "fields" in item:
        return item
    options = item.get("options") or []
    said = re.sub(r"\s+", " ", raw.strip(" .?¿!"))
    bracketed = "(" in said or "/" in said
    pieces = re.split(r"\s+(?:or|o|ou|oder)\s+", re.sub(r"^(?:any|all)\s+", "", said, flags=re.I))
    if (
        len(options) >= 2
        and not bracketed
        and len(pieces) == len(options)
        and all(_tells(p) for p in pieces)
    ):
        return {**item, "options": [], "hint": ""}  # "allergies or medical needs": one question
    if len(options) >= 2 and one_thing(raw, pieces):  # "error code or fault": one text
        return {**item, "options": [], "hint": ""}
    headed = headed_choice(raw, options)
    if headed:  # "session format online or in person": Session format (Online, In person)
        return {**item, "label": headed[0], "options": headed[1]}
    lead = _ASKED_LEAD.match(options[0]) if len(options) == 2 else None
    if lead:  # "êtes-vous locataire ou propriétaire ?": Locataire / Propriétaire
        options = [lead[1][:1].upper() + lead[1][1:], options[1]]
        item = {**item, "options": options}
    by = _BY_LEAD.match(options[0]) if len(options) == 2 and not bracketed else None
    if by and len(options[1].split()) == 1:  # "contact by phone or email": Phone / Email
        options = [by[1][:1].upper() + by[1][1:], options[1]]
        item = {**item, "options": options}
    if len(options) == 2 and not bracketed and len(options[0].split()) == 1:
        verb = _OBJECT.match(options[1])
        if verb and re.search(rf"\b{re.escape(options[1])}\W*$", said, re.I):
            return {**item, "options": [options[0], verb[1][:1].upper() + verb[1][1:]]}
    if len(options) >= 2 and item.get("hint") != "multiselect" and "," in said:
        head = re.sub(r"\s*\(.*$", "", said).split()
        if head and _DE_PLURAL.match(head[-1]) and _DE_PREFERRED.search(said):
            return {**item, "hint": "multiselect"}  # "bevorzugte Weine (Rotwein, …)"
    return item


# ---------------------------------------------------------------------------------------
# a salutation, and the item's own word for allergies (on the finished draft)

_SALUTATIONS = {
    None: ["Mr", "Mrs", "Ms", "Mx", "Dr"],
    "fr": ["M.", "Mme"],
    "de": ["Herr", "Frau", "Divers"],
    "es": ["Sr.", "Sra."],
    "pt": ["Sr.", "Sra."],
}
_SALUTATION_WORD = re.compile(
    r"^(?:salutation|civilit[ée]|anrede|tratamiento|tratamento|forma de tratamiento)$", re.I
)
# the parts of a split name beside it ("title, first name, surname"); a plain "name" before
# it is not enough ("name, title, genre" asks a manuscript's or a job's title)
_NAME_PART = re.compile(
    r"^(?:(?:your |their )?(?:first|given|last|family|middle|sur|fore)\s?names?|surname|"
    r"forename|initials?)$",
    re.I,
)
_AT_WORK = re.compile(
    r"\b(?:company|employer|organi[sz]ation|business|firm|job|role|position|department|"
    r"work(?:place)?|occupation)\b",
    re.I,
)
_ITEM_SEP = re.compile(r"\s*(?:[,;:\n]|\s[-–—]\s|\band\b)\s*", re.I)


def _salutation_said(original: str) -> bool:
    """A bare "title" item next to a part of the person's name, and no work item beside it."""
    items = [i.strip(" .") for i in _ITEM_SEP.split(original)]
    for at, item in enumerate(items):
        if item.lower() != "title":
            continue
        near = [items[i] for i in (at - 1, at + 1) if 0 <= i < len(items)]
        if any(_AT_WORK.search(n) for n in near):
            return False
        after = items[at + 1] if at + 1 < len(items) else ""
        if any(_NAME_PART.match(n) for n in near) or re.match(r"^(?:full )?name$", after, re.I):
            return True
    return False


def _salutation(field: dict, lang: str | None, label: str) -> None:
    field.update(
        {
            "label": label,
            "type": "select",
            "options": list(_SALUTATIONS.get(lang, _SALUTATIONS[None])),
            "max_length": None,
        }
    )
    if lang:
        field["placeholder"] = ui_words(lang)["choose"]
    else:
        field.update({"name": "title", "placeholder": ""})


_ALLERGY_ITEM = re.compile(
    r"(?:^|[:,;\-–—]|\band\b)\s*(?:any\s+|known\s+)?allergies\s*(?=[,;.]|\band\b|$)", re.I
)
_DIET = re.compile(r"\b(?:diet\w*|food|meals?|catering|intoleran\w+|vegan|vegetarian)\b", re.I)


def read_whole(fields: list[dict], original: str, lang: str | None) -> None:
    """Salutations and an allergies item as said, on the finished fields (in place)."""
    names = {f["name"] for f in fields}
    for field in fields:
        if _JOINER in field["label"]:  # "Parlez-nous de votre logement et de votre jardin"
            field["label"] = field["label"].replace(_JOINER, " ")
            field.update({"type": "textarea", "max_length": 5000, "options": []})
        if field["type"] == "text" and _SALUTATION_WORD.match(field["label"].strip()):
            _salutation(field, lang, field["label"])
        elif (
            not lang
            and field["name"] == "job_title"
            and "title" not in names
            and _salutation_said(original)
        ):
            _salutation(field, None, "Title")
        elif (
            not lang
            and field["name"] == "dietary"
            and field["label"] == "Allergies or dietary requirements"
            and _ALLERGY_ITEM.search(original)
            and not _DIET.search(original)
        ):
            field["label"] = "Allergies"
