"""Each listed item asked as the person filling it in expects (round 26b).

- ``one_kind_item`` (in ``local_extract._item``): "<a date> or <another date>" ("due date or
  baby's date of birth", "start or end date if known", "fecha prevista de parto o fecha de
  nacimiento") is ONE date the visitor types, labelled with both, not a choice between the two
  labels; "<phone> or <mobile>" likewise one number. Genuine alternatives ("collection or
  delivery", "morning or afternoon") are untouched.
- ``ask_as_meant`` (end of ``build_form``):
  - an amount named as money ("average monthly electricity bill", "monthly spend on
    energy", "rent per month", "loyer maximum", "alquiler mensual", "valor médio da conta de
    luz", "Miete") is a number, not free text; a bill with no word of amount ("upload your
    bill") stays what it was, and a billing address or a bill payer is no amount;
  - an item about a third person keeps the third person: where the description speaks to the
    visitor as "your …" or the form is about someone else (a nominee, a child's, a patient's,
    a pupil's details), "why they deserve it" is "Why do they deserve it?", never "you";
  - "welche Arbeiten (…)", "quels travaux (…)", "qué servicios (…)", "que serviços (…)" — a
    "which" with a plural noun and listed answers — take several answers; "welche Größe (…)"
    (one) stays one.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------
# "<date> or <date>": one date

_COND = re.compile(
    r"\s*\(?\b(?:if (?:known|applicable|any|relevant|you know)|si (?:se )?(?:conoce|connue?s?|"
    r"aplica)|falls bekannt|se (?:souber|aplic[áa]vel))\b\)?\s*$",
    re.I,
)
_OR = re.compile(r"\s+(?:or|o|ou|oder)\s+", re.I)
_DATE = re.compile(
    r"\b(?:date|dates|dob|d\.o\.b\.?|birthday|fecha|datum|data)\b|[a-zäöüß]{3,}datum\b", re.I
)
_PHONE = re.compile(
    r"\b(?:phone|mobile|telephone|landline|cell|tel[ée]fono|m[óo]vil|t[ée]l[ée]phone|portable|"
    r"telefon|handy|telem[óo]vel|celular)\b",
    re.I,
)


# "which rooms need cleaning (kitchen, bathroom)": the rooms that need it, as many as apply
_WHICH_NEED = re.compile(
    r"^(?:which|what)\s+[a-z]+s\s+(?:need|needs|require|want)\s+[a-z]+ing\s*\(", re.I
)


def one_kind_item(raw: str, item: dict | None) -> dict | None:
    """ "due date or date of birth": one date; "phone or mobile": one phone (see the module)."""
    if item and len(item.get("options") or []) >= 2 and _WHICH_NEED.match(raw.strip()):
        return {**item, "hint": "multiselect"}
    if item is not None and ("fields" in item or item.get("clause") or not item.get("options")):
        return item  # only an item the engine would offer as a choice, or lose
    said = re.sub(r"\s+", " ", raw.strip(" .;:"))
    if "(" in said or "/" in said or "?" in said:
        return item
    cond = _COND.search(said)
    core = said[: cond.start()] if cond else said
    pieces = _OR.split(core)
    if len(pieces) != 2 or len(core.split()) > 12:
        return item
    for kind in (_DATE, _PHONE):
        last = kind.search(pieces[1])
        # "start or end date": the second piece's noun is the first's too
        first = kind.search(pieces[0]) or (
            kind is _DATE and last and len(pieces[0].split()) == 1
        )  # not "mum's or dad's mobile": whose number, a choice settled later
        if first and last:
            base = item or {"required": False, "optional": False, "hint": ""}
            return {
                **base,
                "phrase": core.lower(),
                "options": [],
                "hint": "",
                "optional": bool(cond) or base.get("optional", False),
            }
    return item


# ---------------------------------------------------------------------------------------
# money is a number

_MONEY = re.compile(
    r"\b(?:spend|spending|rent|rents|deposit|salary|wage|income|loyer|miete|kaltmiete|"
    r"warmmiete|kaution|alquiler|renda|aluguel|aluguer|fianza|caution|cau[çc][ãa]o|gasto|gastos|"
    r"d[ée]penses?|ausgaben|mensalidade|importe|montant|betrag|salaire|sueldo|gehalt|"
    r"sal[áa]rio|valor|fees?|beitrag|cuota|cotisation|price(?!\s+(?:list|plan|match|tier)))\b|"
    r"\b\w*(?:miete|kosten)\b",
    re.I,
)
# a bill, an invoice: an amount only when the words say one
_BILL = re.compile(r"\b(?:bill|bills|factura|facture|rechnung|conta|\w+rechnung)\b", re.I)
_AMOUNT = re.compile(
    r"\b(?:monthly|average|amount|approx\w*|how much|per (?:month|year|week|quarter)|annual|"
    r"mensual|media|medio|importe|montant|moyen(?:ne)?|mensuel(?:le)?|monatlich\w*|"
    r"durchschnittlich\w*|betrag|h[öo]he|valor|m[ée]di[oa]|mensal|quanto|cu[áa]nto|combien|"
    r"wie viel)\b",
    re.I,
)
# what names no amount: where, who, how, whether, a kind, a scheme, a copy
_NOT_AMOUNT = re.compile(
    r"\b(?:address|payer|scheme|upload|copy|photo|scan|attach\w*|reason|type|method|date|"
    r"who|why|how(?! much)|when|whether|dispute|waiver|request|and|min|max(?= and)|provider|supplier|dirección|adresse|"
    r"morada|endere[çc]o|fecha|datum|data|raz[óo]n|motif|grund|or)\b",
    re.I,
)


_RANGE = re.compile(r"\b(?:band|range|bracket|tranche|rango|faixa|spanne)s?\b", re.I)
_HOW_MUCH = re.compile(r"^¿?(?:how much|what is|combien|cu[áa]nto|quanto|wie viel)\b", re.I)


def _money(label: str) -> bool:
    """An amount of money the visitor types; "salary range" (a band), "comment gérez-vous vos
    dépenses ?" (a question of how) name none."""
    if _NOT_AMOUNT.search(label) or _RANGE.search(label):
        return False
    if label.rstrip().endswith("?") and not _HOW_MUCH.match(label):
        return False
    return bool(_MONEY.search(label) or (_BILL.search(label) and _AMOUNT.search(label)))


# ---------------------------------------------------------------------------------------
# a third person kept

_YOUR_CONTACT = re.compile(r"\byour\s+(?:own\s+|full\s+)?(?:name|e-?mail|phone|details)\b", re.I)
_ABOUT_ANOTHER = re.compile(
    r"\bnominat\w*|\bnominee|\bon behalf of\b|\brefer(?:ring)? an? (?:friend|patient|client|pupil)|"
    r"\b(?:child|children|kid|son|daughter|patient|pupil|student|nominee|teacher|baby|friend|"
    r"colleague)(?:'s|s')",
    re.I,
)
_THIRD = {"they": "you", "their": "your", "them": "you", "theirs": "yours"}
_YOU_WORD = re.compile(r"\b(?:you|your|yours)\b", re.I)


_PLAIN = re.compile(
    r"^(?:you|your|yours|they|their|them|theirs|re|d|ll|ve|do|does|did|is|are|was|were|would|"
    r"will|can|could|have|has|had|what|why|how|when|which|who|where|the|a|an|to|of|it)$",
    re.I,
)
_PERSON = re.compile(r"\b(?:you|your|yours|they|their|them|theirs)\b", re.I)


def _said_item(label: str, original: str) -> str | None:
    """The listed item the label was read from (all its own words in one item)."""
    label = re.sub(r"\([^)]*\)", " ", label)  # "(years)": the engine's unit
    words = [w.lower() for w in re.findall(r"[a-z]+", label, re.I) if not _PLAIN.match(w)]
    if not words:
        return None
    for item in re.split(r"[,;:.\n()]|\s+and\s+", original):
        low = item.lower()
        if all(re.search(rf"\b{re.escape(w)}", low) for w in words):
            return item
    return None


def _keep_third(field: dict, original: str) -> None:
    """The label's "you" words back to the item's own third person, one for one."""
    item = _said_item(field["label"], original)
    said = [w.lower() for w in _PERSON.findall(item or "")]
    spoken = _YOU_WORD.findall(field["label"])
    if not said or len(said) != len(spoken) or all(w not in _THIRD for w in said):
        return
    words = iter(said)

    def back(m: re.Match) -> str:
        own = next(words)
        word = own if own in _THIRD else m.group(0)
        return word[:1].upper() + word[1:] if m.group(0)[0].isupper() else word

    field["label"] = _YOU_WORD.sub(back, field["label"])


# ---------------------------------------------------------------------------------------
# "welche Arbeiten (…)": several answers

_WHICH_PLURAL = re.compile(
    r"\b(?:welche\s+(?P<de>[A-ZÄÖÜ]?[a-zäöüß]+(?:en|ern|s)|[a-zäöüß]*(?:kurse|tage|r[äa]ume|"
    r"dienste|ger[äa]te|produkte|getr[äa]nke|sorten|themen|angebote|extras))|(?:quels|quelles)\s+(?P<fr>\w+)|"
    r"(?:qu[ée]|que|cu[áa]les|quais)\s+(?P<es>\w+s))\s*\(",
    re.I,
)
_SINGULAR_DE = re.compile(r"(?:größe|farbe|sorte|marke|uhrzeit)$", re.I)


def _which_plural(original: str) -> set[str]:
    found = set()
    for m in _WHICH_PLURAL.finditer(original):
        noun = next(g for g in m.groups() if g)
        if not _SINGULAR_DE.search(noun):
            found.add(noun.lower())
    return found


def _same_twice(field: dict, original: str) -> None:
    """ "Móvil o móvil" (teléfono and móvil glossed alike): the marketer's two words back."""
    twice = re.match(r"^(\S+) (o|ou|oder|or) \1$", field["label"], re.I)
    said = twice and re.search(
        rf"\b([^\W\d_]+)\s+{twice[2]}\s+({re.escape(twice[1])})\b", original, re.I
    )
    if said:
        field["label"] = said.group(0)[:1].upper() + said.group(0)[1:]


def ask_as_meant(fields: list[dict], original: str, lang: str | None) -> None:
    """Money a number, a third person kept, "welche Arbeiten (…)" several (see the module)."""
    another = not lang and (_YOUR_CONTACT.search(original) or _ABOUT_ANOTHER.search(original))
    plural = _which_plural(original) if lang else set()
    for field in fields:
        label = field.get("label") or ""
        if field["type"] in ("text", "file") and not field.get("options") and _money(label):
            if field["type"] == "text" or _AMOUNT.search(label):
                field["type"] = "number"
                field.pop("max_length", None)
                field.pop("accept", None)
                field.pop("max_files", None)
        if another and label.endswith("?") and field["type"] not in ("email", "phone"):
            _keep_third(field, original)
        if field["type"] in ("phone", "date"):
            _same_twice(field, original)
        words = {w.lower() for w in re.findall(r"\w+", label)}
        if field["type"] == "select" and len(field.get("options") or []) >= 2 and words & plural:
            field["type"] = "multiselect"
            field.pop("placeholder", None)
