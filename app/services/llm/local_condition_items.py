"""A list item that carries a condition and the question it opens (SPEC §17 ``show_if``, issue 20).

Marketers write a follow-up in the same breath as its condition, with no comma between
them: "refund or exchange, if exchange what size", "membership (monthly, student), if
student which university", "attending (yes, no), if yes which meal (…)", "own or rent (own,
rent), if rent does the landlord allow pets", "age, parent's name if under 16 …" (and,
read in English, "si oui lequel", "falls ja welche", "si étudiant quelle université").
Read whole, the item is one field's nonsense ("Exchange what size?" as Yes/No), or the
condition takes the next item of the list instead of its own follow-up.

``condition_then_asked(text)`` puts the comma back between the condition and what it
opens, when the condition is an answer the list offers just before ("exchange" of
"refund or exchange"), a "yes" / "so" / "no", or an age ("under 16"); the list reader
(``local_show_if_items``) then shows the follow-up on that answer; written in es / fr / de /
pt it is done before the reading in English, so the follow-up keeps the marketer's words.
An age compares with the age the list asks ("parent's name if under 16": Age < 16), also
said in another language ("si moins de 18 ans", ``foreign_age``); the form's only email
asked of a parent on an age stays shown to every visitor (``reach_everyone``).

A question mark ends an item even when no comma follows it ("can we enter if you're not
home? photos", ``local_question_ends``); a permission asked on a condition with its "?" is a
Yes/No question (``asked_on_condition``), and a permission's "Yes" opens no count asked
after it ("can we access the back garden? how many windows", ``permission_asked``).
Left alone: an "if" whose words are no answer offered ("if you have one", "if known"),
"if over 100 guests" on a list that asks no age.
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm.local_field_typos import correct_field_words
from app.services.llm.local_fields import RefineError, find_field

# "under 18", "over 65 years old", "younger than 16": an age said as the condition
AGE = re.compile(
    r"(?:under|over|below|above|younger than|older than)\s+\d{1,3}"
    r"(?:\s*(?:years?(?:\s+old)?|yrs?|y\.?o\.?|anni|jaar|ans|a[ñn]os|jahre|anos))?",
    re.I,
)
# "if under 18 years old", "if under 18 anni": the age alone (a rule on the age asked, not
# a count of years)
_YEARS = re.compile(
    r"(?P<age>\bif\s+(?:under|over|younger than|older than)\s+\d{1,3})\s*"
    r"(?:years?(?:\s+old)?|yrs?|y\.?o\.?|anni|jaar|ans|a[ñn]os|jahre|anos)\b",
    re.I,
)
# what we do or a qualifier, not a follow-up: "if not sure leave blank", "if yes we'll call"
_NOT_ASKED = re.compile(
    r"^(?:sure|known|applicable|relevant|needed|necessary|available|possible|certain|we|we'll|"
    r"i|i'll|you|you're|please\s+(?:let|tell|call|leave)|just|leave|skip|ignore|then\s+we|"
    r"that|this|it|it's|there|otherwise)\b",
    re.I,
)
# "if", and the "se" / "als" a Dutch or Italian reading leaves as written
_IF = re.compile(
    r"^(?P<lead>\s*(?:and\s+|but\s+)?(?:only\s+)?)(?P<if>if|se|als)\s+(?P<rest>\S.*)$", re.I | re.S
)
# the same said in es / fr / de / pt before the reading in English, so the follow-up is an
# item of its own there too (and keeps the marketer's words: "Quelle université ?"); "en caso
# afirmativo" is "if yes" whole
_IF_SAID = {
    "es": (r"si|en caso afirmativo", r"s[ií]|no"),
    "fr": (r"si|dans l'affirmative", r"oui|non"),
    "de": (r"falls|wenn", r"ja|nein"),
    "pt": (r"se|caso|em caso afirmativo", r"sim|n[aã]o"),
}
_AFFIRMATIVE = re.compile(r"^(?:en caso afirmativo|dans l'affirmative|em caso afirmativo)$", re.I)


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if not unicodedata.combining(c))


def _items(text: str) -> list[tuple[int, int]]:
    """(start, end) of each item between top-level commas and semicolons."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;:":
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _offered(item: str) -> list[str]:
    """The answers an item offers, as written: those in its brackets ("(too small, too big,
    other)"), else the words either side of an "or" / "/" ("refund or exchange", "do you own
    or rent your home")."""
    inner = re.findall(r"\(([^)]*)\)", item)
    if inner:
        parts = re.split(r"\s*(?:,|/|\bor\b|\bou\b|\boder\b|\bo\b)\s*", " ".join(inner))
    else:
        pairs = re.findall(r"([\w'-]+)\s*(?:/|\s(?:or|ou|oder|o)\s)\s*([\w'-]+)", item)
        parts = [word for pair in pairs for word in pair]
    parts = [p.strip(" .?!¿\"'") for p in parts]
    return [p for p in parts if p and len(p) <= 30]


def _answer_at(rest: str, offered: list[str], aged: bool, yes: str) -> tuple[int, str] | None:
    """(where the answer the condition names ends in ``rest``, the answer as the list
    offers it: "etudiant" read in English is the list's "étudiant"), when the rest goes on;
    ``aged``: the list asks an age ("if over 100 guests" counts guests); ``yes``: the words
    for yes and no."""
    folded = _fold(rest)
    m = re.match(rf"(?:{yes})\b", rest, re.I) or (AGE.match(rest) if aged else None)
    if m:
        return m.end(), rest[: m.end()]
    lead = re.match(r"(?:(?:by|with|via|an?|the|it'?s|they'?re)\s+)?", folded).end()
    for option in sorted(offered, key=len, reverse=True):
        plain = _fold(option)
        if plain not in ("yes", "no") and re.match(rf"{re.escape(plain)}\b", folded[lead:]):
            return lead + len(plain), rest[:lead] + option
    return None


def condition_then_asked(text: str, lang: str | None = None) -> str:
    """``text`` with a comma between each item's condition and the follow-up it opens
    (``lang``: said in es / fr / de / pt, not read in English yet)."""
    text = _YEARS.sub(r"\g<age>", text)
    spans, aged = _items(text), asks_age(text) and not lang
    leads, yes = _IF_SAID.get(lang, (None, r"yes|so|no|not"))
    said_if = leads and re.compile(rf"^(?P<lead>\s*)(?P<if>{leads})\s+(?P<rest>\S.*)$", re.I | re.S)
    out, last = [], 0
    for i, (start, end) in enumerate(spans):
        item = text[start:end]
        m = said_if.match(item) if said_if else _IF.match(item)
        if not m or i == 0:
            continue
        rest = m["rest"].rstrip(" .!")
        if _AFFIRMATIVE.match(m["if"]):  # "en caso afirmativo cuál": "if yes" said whole
            found = (0, "")
        else:
            offered = _offered(text[spans[i - 1][0] : spans[i - 1][1]])
            found = _answer_at(rest, offered, aged, yes)
        if found is None:
            continue
        at, answer = found
        if_word = m["if"] if lang else "if"  # "se" / "als" left by the Dutch / Italian reading
        follow = rest[at:].strip()
        if not follow and answer != rest[:at]:  # "si étudiant, …": the answer as offered
            out.append(f"{text[last : start + m.end('lead')]}{if_word} {answer}")
            last = start + m.start("rest") + at
            continue
        if not follow or _NOT_ASKED.match(follow) or follow.startswith("("):
            continue
        if AGE.fullmatch(answer):  # "if under 12 parent's name": the item, then its age
            out.append(f"{text[last : start + m.end('lead')]}{follow} if {answer}")
            last = start + m.start("rest") + len(rest)
            continue
        said = f"{if_word} {answer}".strip() + ("," if rest[at : at + 1].isspace() else ", ")
        out.append(f"{text[last : start + m.end('lead')]}{said}")
        last = start + m.start("rest") + at
    return "".join(out) + text[last:]


# -- a permission asked on a condition ---------------------------------------------

_WHILE = re.compile(r"\b(?:if|when|whenever|while|unless|in case)\b", re.I)


def asked_on_condition(piece: str) -> bool:
    """ "can we enter if you're not home?": a question the visitor answers Yes or No (the
    answer depends on their situation), not a permission box left unticked for "no"."""
    return "?" in piece and bool(_WHILE.search(piece))


_PERMISSION = re.compile(r"^\s*(?:can|may|could)\s+(?:we|i|our\s+\w+)\b", re.I)


def permission_asked(question: str) -> bool:
    """ "can we access the back garden?": its "Yes" lets us in, it opens no question."""
    return bool(_PERMISSION.match(question))


# -- an age as the condition ---------------------------------------------------------

_AGE_ASKED = re.compile(
    r"(?:^|[,;:(]|\band\s)\s*(?:your\s+|their\s+|the\s+)?(?:[\w']+\s+)?age\b", re.I
)


def asks_age(text: str) -> bool:
    """Whether the list asks an age ("age", "child's age"): a rule compares with it."""
    return bool(_AGE_ASKED.search(text))


# "si moins de 18 ans", "falls unter 18", "si es menor de 18", "se menor de 18 anos": an age
# said after the item, read as the English "if under 18" (the foreign reader would take any
# other trailing condition for "if known")
_FOREIGN_AGE = re.compile(
    r"^\s*(?:si|falls|wenn|sofern|se|caso)\s+(?:(?:es|est|il|elle|(?:l'|el |la |le |o |a )?\w+ "
    r"(?:a|est|es|tiene|ist|tem|for|e|é))\s+)?(?:(?P<under>moins de|menos de|menor de|menor que|"
    r"unter|j[uü]nger als|[aâ]g[ée]e? de moins de)|(?P<over>plus de|m[aá]s de|mayor de|mayor que|"
    r"[uü]ber|[aä]lter als|maior de|mais de))\s+(?P<n>\d{1,3})(?:\s*(?:ans|a[ñn]os|jahre[n]?|anos))?"
    r"\s*$",
    re.I,
)


def foreign_age(said: str) -> str | None:
    """The English of an age condition said in es/fr/de/pt ("si moins de 18 ans" → " if under
    18"), or None."""
    m = _FOREIGN_AGE.match(said)
    if not m:
        return None
    return f" if {'under' if m['under'] else 'over'} {m['n']}"


# -- the form's only email, asked of someone else on an age -------------------------

# "Parent's email", "Parent email", "Parent/guardian phone number"
_WHOSE = re.compile(
    r"^(?P<whose>[\w'’/ -]+?)\s+(?P<what>e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|"
    r"contact number)$",
    re.I,
)
# "Email du parent", "E-Mail der Eltern", "email del tutor": whose it is, said after it
_WHOSE_AFTER = re.compile(
    r"^\S+\s+(?:du|de la|des|de l'|der|del|de los|de las|dei|della|dos|das|da|do|van de|van)\s",
    re.I,
)
_PLAIN_LABEL = {"email": "Email", "phone": "Phone"}


def reach_everyone(fields: list) -> None:
    """ "parent's email if under 18" on a form with no other way to reach the visitor: every
    visitor still leaves one (an adult gives their own), so the field is always shown and its
    help says whose to give: "Email", help "Under 18? Please give a parent's email". A
    parent's phone shown on the age beside an email everyone gives keeps its rule."""
    contacts = [f for f in fields if f.get("type") in _PLAIN_LABEL]
    for field in contacts:
        conds = (field.get("show_if") or {}).get("all") or []
        label = field.get("label", "")
        whose = _WHOSE.match(label)
        shown = [f for f in contacts if f is not field and not f.get("show_if")]
        if len(conds) != 1 or conds[0].get("op") not in ("lt", "gt") or shown:
            continue
        if not whose:  # said in another language: shown to all, in the marketer's words
            if _WHOSE_AFTER.match(label):
                field.pop("show_if")
                field["required"] = True
            continue
        age = f"{'Under' if conds[0]['op'] == 'lt' else 'Over'} {conds[0]['value']}"
        article = "an" if whose["whose"][:1].lower() in "aeiou" else "a"
        whose_said = re.sub(r"(?<![’'s])$", "'s", whose["whose"].lower())  # "parent" → "parent's"
        field.pop("show_if")
        field["label"] = _PLAIN_LABEL[field["type"]]
        field["help"] = f"{age}? Please give {article} {whose_said} {whose['what'].lower()}."
        field["required"] = True  # the one way to reach every visitor


# "nome del genitore se minore di 18 anni", "naam ouder als jonger dan 18": the item's own
# words, labelled without the age the rule reads
_SAID_AGE = re.compile(
    r"\s+(?:se|als|indien)\s+(?:minore|maggiore|jonger|ouder|ha meno|ha pi[uù]|under|over)\b.*$",
    re.I,
)


def before_age(piece: str) -> str:
    return _SAID_AGE.sub("", piece)


def as_read(fields: list, target: str) -> dict | None:
    """The field the reader made of a follow-up whose words it corrected ("quelle universite",
    read in English from "quelle université", is its "Quelle university"), so the rule shows
    that field rather than a second one."""
    read = correct_field_words(target.strip().lower())
    if read == target.strip().lower():
        return None
    try:
        return find_field(fields, read)
    except RefineError:
        return None
