"""An item cut inside its own clause, and words that look like counts (round 32c).

- A relative clause belongs to its item, to its last word: "any wishes you'd like to tell us
  about" is one free-text question ("Any wishes you'd like to tell us about?"), never the two
  fields "Wishes" and "About"; so are "anything you'd like us to know of", "any causes you
  care about", "any tools you'd like us to integrate with". ``cue_in_clause``
  (``local_extract._list_segments``) keeps a list cue ("tell us about", "need") that is the
  clause's own verb from opening a new list: "which subjects your child needs help with" is
  one item. ``clause_question`` (``local_fragments.asked_fragment``) asks the item as said.
- The same item in es/fr/de/pt: "algo que quieras contarnos", "quelque chose dont vous voulez
  nous parler", "alguma coisa que queira contar", "etwas, das wir wissen sollten" (whose
  comma ``joined_relatives`` mends before the item reader sees the clause).
- A range, a band or a bracket ("age range", "playing age", "salary band", "income
  bracket", "Altersgruppe", "rango de edad", "tranche d'âge", "faixa etária") is answered in
  words ("25-35"), never one number: ``ranges_as_text`` (``local_forms``) types it as text.
  "Age" alone and "number of guests" stay numbers.
"""

from __future__ import annotations

import re

# "any wishes you'd like to tell us about", "anything else you'd like us to know of", "any
# appliances you want us to work around": a quantifier, a clause with its subject, and the
# preposition the clause ends on
_PRONOUN = r"(?:you|we|they|i)(?:'d|'re|'ll|'ve|’d|’re)?"
_CLAUSE_ITEM = re.compile(
    r"^(?:and |also |plus )?(?:any|anything(?: else)?|something(?: else)?|everything)\b"
    rf"(?:(?! if\b)[\w' -]){{0,40}}?\b{_PRONOUN}\s+(?:[\w'’-]+\s+){{0,6}}?"
    r"(?:about|of|for|with|around|on|to|in|into|at|from|over|by)$",
    re.I,
)
# the same item abroad: "algo que quieras contarnos", "quelque chose dont vous voulez nous
# parler", "alguma coisa que queira contar", "etwas, das wir wissen sollten"
_CLAUSE_ABROAD = re.compile(
    r"^(?:(?:y|et|e|und)\s+)?(?:algo(?: m[áa]s)?|alguna cosa|quelque chose(?: d'autre)?|"
    r"autre chose|alguma coisa|mais alguma coisa|(?:noch |sonst )?etwas)\s*,?\s+"
    r"(?:que|qu'|dont|das|was|worüber|wovon|o que)\b(?:\s*[\w'’äöüßçãõáéíóúâêôàèù-]+){1,7}$",
    re.I,
)
_FRENCH = re.compile(r"^(?:et\s+)?(?:quelque chose|autre chose)\b", re.I)
_SPANISH = re.compile(
    r"\b(?:quieras|quiera|quieres|quiere|debamos|deberíamos|cuéntanos|"
    r"contarnos|decirnos|sepamos)\b",
    re.I,
)


def clause_question(said: str) -> str | None:
    """The item asked in the marketer's words when it is a relative clause that ends on its
    preposition, or the same item abroad (None: not one)."""
    said = re.sub(r"\s+", " ", said).strip(" ?.;:")
    if len(said.split()) > 14:
        return None
    if _CLAUSE_ITEM.match(said):
        return said[:1].upper() + said[1:] + "?"
    if _CLAUSE_ABROAD.match(said):
        text = said[:1].upper() + said[1:]
        if _FRENCH.match(said):
            return text + " ?"
        return f"¿{text}?" if _SPANISH.search(said) else text + "?"
    return None


# "name, email, about you": a few words on the visitor (a bio), one free-text field, its label
# as written ("About you"), not a stray "about" dropped with its pronoun
_ABOUT_YOU = re.compile(
    r"^(?:a (?:bit|little) |something |a few words )?(?:about|on) (?:you|yourself|yourselves)$|"
    r"^(?:sobre|acerca de) (?:ti|usted|vos|voc[êe]|si)(?: mism[oa])?$|"
    r"^(?:à propos de|sur) (?:vous|toi)(?:-m[êe]me)?$|^[üu]ber (?:Sie|dich)(?: selbst)?$",
    re.I,
)


def about_you(said: str) -> str | None:
    """The label of "about you" and its like (None: not one)."""
    said = re.sub(r"\s+", " ", said).strip(" ?.;:")
    return said[:1].upper() + said[1:] if _ABOUT_YOU.match(said) else None


# A list cue inside the item's own clause: "any wishes you'd like to (tell us about)",
# "which subjects your child (needs) help with", "anything you'd like to (tell us about)"
_IN_CLAUSE = re.compile(
    r"(?:^|[,;:]|\band\b|\s[-–—])\s*(?:(?:and|also|plus)\s+)?(?:"
    rf"(?:any|anything(?: else)?|something(?: else)?)\b(?:\s+[\w-]+){{0,3}}\s+{_PRONOUN}"
    r"(?:\s+(?:would|want|like|wish|need|have|had|might|may|can|could)\b)?(?:\s+like)?"
    r"(?:\s+(?:us\s+)?to)?"
    r"|(?:which|what)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:your|their|his|her|the)\s+[\w'-]+"
    r")\s*$",
    re.I,
)


def cue_in_clause(sentence: str, start: int) -> bool:
    """Whether the list cue at ``start`` is the verb of the item's own clause."""
    return _IN_CLAUSE.search(sentence[:start]) is not None


# "etwas, das wir wissen sollten": the comma of a German relative clause, not of the list
GERMAN_THING = re.compile(r"^(?:(?:und|noch|sonst)\s+)*(?:etwas|alles|irgendetwas)$", re.I)
_GERMAN_RELATIVE = re.compile(
    r"^(?:das|was|worüber|wovon|woran)\s+(?:wir|Sie|du|ihr|man|uns)\b(?:\s+[\wäöüß]+){1,5}$", re.I
)


def joined_relatives(raws: list[str]) -> list[str]:
    """The list's items with "etwas" and its relative clause one item again."""
    out: list[str] = []
    for raw in raws:
        if out and GERMAN_THING.match(out[-1].strip()) and _GERMAN_RELATIVE.match(raw.strip()):
            out[-1] = f"{out[-1].strip()}, {raw.strip()}"
            continue
        out.append(raw)
    return out


# "age range", "playing age", "salary band", "income bracket", "Altersgruppe", "rango de
# edad", "tranche d'âge", "faixa etária": a span of answers, typed in words
_RANGE = re.compile(
    r"\b(?:range|band|bracket|playing age|age group|tranche|rango|franja|faixa|"
    r"fourchette|spanne|intervalo|intervalle)s?\b|"
    r"(?:alters|gehalts|preis|einkommens)(?:gruppe|klasse|spanne|band|bereich)\w*",
    re.I,
)


_COUNTED = re.compile(
    r"\b(?:number|how many|anzahl|n[úu]mero|nombre|quantos|cu[áa]ntos|rating|score|"
    r"bewertung|note|nota|puntuaci[óo]n|avalia[çc][ãa]o)\b",
    re.I,
)


def ranges_as_text(fields: list[dict]) -> None:
    """A number field that names a range, a band or a bracket is short text."""
    for field in fields:
        label = f"{field.get('label') or ''} {field['name'].replace('_', ' ')}"
        if field["type"] != "number" or field.get("options") or _COUNTED.search(label):
            continue  # "number of band members", "book range rating (1-5)": a count, a score
        if _RANGE.search(label):
            field["type"] = "text"
            field["min"] = field["max"] = None
            field["max_length"] = 300
