"""A note for the visitor said around the field it goes under, in any order (issue 20, round 44c).

Marketers put the field first, last or in the middle of the note, and call the words "a note",
"a line", "a short note saying": "under how urgent add a note: for gas leaks call 0800 111 999",
"add a line saying we only call about repairs under phone", "how urgent: add a note saying …",
"add the note 'we only call about repairs' below the phone field", "sous urgence ajoute une
note : …", "unter Dringlichkeit einen Hinweis hinzufügen: …". Read as they were, the help
became "a note: for gas leaks …", went under the last field, or a field "Note saying …" (or an
answer) was added: silent wrong edits.

``plain(text, fields)`` says such a note as "set the help text of <key>: <words>" when the place
names exactly one field of the form; otherwise it returns the note as it was.
"""

from __future__ import annotations

import re

from app.services.llm.local_refine_visitor_text import _A, _ADD, _HELP, _KIND, _SAYS, _THE, _field

# what a marketer calls the words under a field
_NOTE = (
    rf"(?:{_HELP}|line|sentence|message|notice|disclaimer|warning|reminder|remarque|mention|"
    r"avertissement|aviso|advertencia|notiz|anmerkung|warnung|opmerking|notitie|waarschuwing|"
    r"observa[çc][ãa]o|avviso|avvertenza)(?:\s+text)?"
)
# where the words go: under a field (never "for" or "on", which are often the words' own)
_UNDER = (
    r"(?:under(?:neath)?|below|beneath|next to|sous|en dessous d[eu]|au-dessous d[eu]|debajo de(?:l)?|"
    r"bajo|unter(?:halb)?|sotto|onder|abaixo d[oae]|embaixo d[oae])"
)
_FIELD = rf"{_THE}(?P<x>[^:'\"“”,]+?){_KIND}"
# the verb said last: "unter Dringlichkeit einen Hinweis hinzufügen", "… une note ajouter"
_ADD_LAST = (
    r"(?:hinzuf[üu]gen|erg[äa]nzen|toevoegen|ajouter|a[ñn]adir|agregar|adicionar|aggiungere)"
)
_QUOTED = r"(?P<q>['\"“‘].+['\"”’])"
_READINGS = [
    # "under how urgent add a note: …", "under the phone, add a short note saying …", "for the
    # phone field add a note: …",
    # "sous urgence ajoute une note : …", "debajo de urgencia añade una nota: …"
    re.compile(
        rf"^(?:{_UNDER}|for|on|pour|para|f[üu]r|per|voor)\s+{_FIELD}\s*,?\s*{_ADD}\s+{_A}{_NOTE}{_SAYS}(?P<t>.+)$",
        re.I,
    ),
    # "voeg onder urgentie een opmerking toe: …", "füge unter Dringlichkeit einen Hinweis hinzu: …",
    # "zet onder urgentie een notitie: …": the verb first, the place before the note
    re.compile(
        rf"^{_ADD}\s+{_UNDER}\s+{_FIELD}\s+{_A}{_NOTE}(?:\s+(?:toe|hinzu))?{_SAYS}(?P<t>.+)$", re.I
    ),
    # "unter Dringlichkeit einen Hinweis hinzufügen: …"
    re.compile(rf"^{_UNDER}\s+{_FIELD}\s*,?\s*{_A}{_NOTE}\s+{_ADD_LAST}{_SAYS}(?P<t>.+)$", re.I),
    # "put a note under the date that we're closed on Mondays"
    re.compile(
        rf"^{_ADD}\s+{_A}{_NOTE}\s+{_UNDER}\s+{_FIELD}\s+(?:saying\s+)?(?P<t>that\s+.+)$", re.I
    ),
    # "how urgent: add a note saying …", "phone – add a line: …"
    re.compile(rf"^{_FIELD}\s*(?::|\s[-–]\s)\s*{_ADD}\s+{_A}{_NOTE}{_SAYS}(?P<t>.+)$", re.I),
    # "add a line saying we only call about repairs under phone", "ajoute une note disant … sous
    # urgence", "add the note '…' below the phone field": the place said last (the last
    # "under": "kids under 5 go free under number of guests")
    re.compile(
        rf"^{_ADD}\s+{_A}{_NOTE}(?:{_SAYS}|\s+(?=['\"“‘]))(?P<t>.+)\s+{_UNDER}\s+"
        rf"{_THE}(?P<x>[^:'\"“”,]+?){_KIND}$",
        re.I,
    ),
]


def plain(text: str, fields: list) -> str:
    said = text.strip()
    for pattern in _READINGS:
        m = pattern.match(said)
        if not m:
            continue
        field = _field(fields, m["x"])
        words = _words(m["t"])
        if field is not None and words:
            return f"set the help text of {field['name']}: {words}"
    return text


def _words(text: str) -> str:
    """The words to show: what is quoted, else all of it ("that" of "saying that" left off)."""
    said = re.sub(r"^(?:that|que|dass|che|dat)\s+", "", text.strip(), flags=re.I)
    quoted = re.fullmatch(_QUOTED, said)
    return (quoted["q"][1:-1] if quoted else said).strip()
