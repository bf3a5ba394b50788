"""Words for the visitor on one field, said the marketer's way (issue 20, stop 30).

A field carries two texts besides its label: the help under it ("We only call about your
booking.") and the example inside it, the placeholder ("Tell us about your project"). The
readers knew "set the help text of phone to …"; marketers say "add help text under phone:
…", "phone: add a note '…'", "message placeholder: '…'", "preferred date: explain that we're
closed on Mondays", "under the phone field, say '…'", "give the message box an example like
'…'", "no placeholder on name", and in their own language "ajoute un texte d'aide sous le
téléphone : …". Read as anything else, such a note added a field labelled "Help text" or
"Little note", or renamed the field to the words meant for under it.

``plain(text, fields)`` says such a note as "set the help text of <key>: <text>" (or the
placeholder, or "remove the placeholder of <key>") when it names exactly one field of the form
and the words to show; otherwise it returns the note as it was, for the other readers.
"""

from __future__ import annotations

import re

from app.services.llm.local_refine_targets import glossed

_HELP = (
    r"help(?:\s+text)?|hint|tip|note|explanation|tooltip|small print|instructions?|"
    r"texte d'aide|aide|indication|texto de ayuda|ayuda|nota|indicaci[óo]n|hilfetext|hinweis|"
    r"erkl[äa]rung|texto de ajuda|ajuda|dica|testo di aiuto|aiuto|suggerimento|hulptekst|"
    r"toelichting|uitleg"
)
_EXAMPLE = (
    r"placeholder|example(?:\s+text)?|sample(?:\s+text)?|grey(?:ed)?[- ]out text|"
    r"exemple|texte indicatif|ejemplo|marcador de posici[óo]n|platzhalter|beispiel(?:text)?|"
    r"exemplo|segnaposto|esempio|voorbeeld(?:tekst)?"
)
_ATTR = rf"(?P<attr>{_HELP}|{_EXAMPLE})"
_ADD = (
    r"(?:add|put|give|write|set|include|show|place|ajoute[rz]?|mets|mettez|a[ñn]ade|agrega|pon|"
    r"f[üu]ge|f[üu]gen sie|setze|coloca|adiciona|p[õo]e|aggiungi|metti|inserisci|voeg|zet)"
)
_A = (
    r"(?:(?:a|an|the|some|un|une|le|la|l'|el|una|unos|einen|eine|den|die|das|um|uma|o|uno|il|lo|"
    r"een|de|het)\s*)?(?:(?:little|short|small|quick|brief|petit[e]?|peque[ñn][oa]|kleinen?|kurzen?|"
    r"breve|piccol[oa]|korte?)\s+)?"
)
_AT = (
    r"(?:under(?:neath)?|below|beneath|to|on|for|in|of|at|by|next to|sous|dans|au|aux|à|a|de|du|des|al|"
    r"del|en|para|beim|bei|zum|zur|f[üu]r|unter|no|na|ao|do|da|sotto|alla|allo|nel|nella|bij|"
    r"voor|onder|aan)"
)
_THE = r"(?:(?:the|le|la|les|l'|el|los|las|der|die|das|dem|den|o|a|os|as|il|lo|i|gli|de|het)\s*)?"
_KIND = r"(?:\s+(?:field|box|question|input|champ|campo|feld|veld))?"
_SAYS = r"(?:\s*:\s*|\s+(?:saying|that says|which says|reading|to say|like|disant|diciendo|mit|dizendo|che dice|met)\s+:?\s*)"

# each reading: a pattern and whether its words are help, an example or said by the attr word
_READINGS = (
    # "add help text under phone: …", "ajoute un texte d'aide sous le téléphone : …",
    # "voeg een hulptekst toe bij telefoon: …", "add a little note under guests saying …"
    (
        rf"^{_ADD}?\s*{_A}{_ATTR}(?:\s+text)?(?:\s+toe)?\s+{_AT}\s+{_THE}(?P<x>[^:'\"“”]+?){_KIND}{_SAYS}(?P<t>.+)$",
        None,
    ),
    # "füge beim Telefon einen Hinweis hinzu: …"
    (
        rf"^{_ADD}\s+{_AT}\s+{_THE}(?P<x>[^:'\"“”]+?)\s+{_A}{_ATTR}\s+(?:hinzu|toe)\s*:\s*(?P<t>.+)$",
        None,
    ),
    # "phone: add a note '…'", "message placeholder: '…'", "phone – help text: …"
    (
        rf"^{_THE}(?P<x>[^:'\"“”]+?){_KIND}\s*(?::|[-–])\s*(?:{_ADD}\s+)?{_A}{_ATTR}{_SAYS}?\s*(?P<t>['\"“‘].+)$",
        None,
    ),
    (
        rf"^{_THE}(?P<x>[^:'\"“”]+?){_KIND}\s+{_ATTR}\s*(?::|=|\s+should be\s+|\s+is\s+)\s*(?P<t>.+)$",
        None,
    ),
    # "give the message box an example like '…'"
    (rf"^give\s+{_THE}(?P<x>[^:'\"“”]+?){_KIND}\s+{_A}{_ATTR}{_SAYS}?\s*(?P<t>['\"“‘].+)$", None),
    # "current tool: add examples like Typeform, Google Forms", "give role examples such as CTO"
    (
        rf"^{_THE}(?P<x>[^:'\"“”]+?){_KIND}\s*:\s*(?:add|give|show|put|use)\s+(?:an?\s+|some\s+)?examples?\s+"
        r"(?:like|such as|e\.g\.?)\s+(?P<t>.+)$",
        "examples",
    ),
    # "preferred date: explain that we're closed on Mondays"
    (
        rf"^{_THE}(?P<x>[^:'\"“”]+?){_KIND}\s*:\s*(?:explain|mention|say|tell (?:them|people|visitors|guests|customers)|"
        r"let (?:them|people) know)\s+(?:that\s+)?(?P<t>.+)$",
        "help",
    ),
    # "under the phone field, say '…'", "below email put: we never share it"
    (
        rf"^(?:under(?:neath)?|below|beneath)\s+{_THE}(?P<x>[^,:'\"“”]+?){_KIND}\s*,?\s*(?:say|write|put|add|show|"
        r"explain|mention)\s*:?\s+(?:that\s+)?(?P<t>.+)$",
        "help",
    ),
    # "tell people under preferred date that we confirm within 24 hours"
    (
        rf"^(?:tell|remind|let)\s+(?:people|them|visitors|customers|guests|users)\s+(?:know\s+)?(?:under(?:neath)?|"
        rf"below|beneath|next to|at|by)\s+{_THE}(?P<x>.+?){_KIND}\s+that\s+(?P<t>.+)$",
        "help",
    ),
    # "the email field should say 'We never share your email' underneath"
    (
        rf"^{_THE}(?P<x>[^'\"“”]+?){_KIND}\s+should\s+(?:say|read|show)\s+(?P<t>.+?)\s+(?:underneath|below|under it|beneath)$",
        "help",
    ),
)
_REMOVE = re.compile(
    rf"^(?:no|without|remove|delete|drop|clear|take off|get rid of)\s+{_THE}(?P<attr>placeholder|example|hint|help text)"
    rf"\s+(?:on|for|in|from|of|under)\s+{_THE}(?P<x>.+?){_KIND}(?:,?\s+please)?$",
    re.I,
)
_QUOTED = re.compile(r"['\"“‘](?P<q>.+)['\"”’]")


def plain(text: str, fields: list) -> str:
    said = text.strip()  # the words to show keep their full stop
    removed = _REMOVE.match(said.rstrip(".!"))
    if removed:
        field = _field(fields, removed["x"])
        kind = "placeholder" if re.match(_EXAMPLE, removed["attr"], re.I) else "help text"
        return f"remove the {kind} of {field['name']}" if field else text
    for pattern, kind in _READINGS:
        m = re.match(pattern, said, re.I)
        if not m:
            continue
        field = _field(fields, m["x"])
        words = _words(m["t"])
        if field is None or not words or _labelled(fields, m, field):
            continue
        if kind is None:
            kind = "placeholder" if re.fullmatch(_EXAMPLE, m["attr"], re.I) else "help"
        if kind == "examples":  # the examples said, shown as the marketer's "e.g."
            return f"set the placeholder of {field['name']}: e.g. {words}"
        return f"set the {'help text' if kind == 'help' else 'placeholder'} of {field['name']}: {words}"
    return text


def _field(fields: list, said: str) -> dict | None:
    """The field named by its label or key, in any language; never one that merely shares a
    word with a longer note ("make urgent a yes/no question and add help text: …")."""
    return glossed(fields, said.strip())


def _labelled(fields: list, m: re.Match, field: dict) -> bool:
    """ "emergency contact note: optional" on a form with an "Emergency contact note" field:
    the attr word is the label's own, and the note is about that field."""
    whole = _field(fields, f"{m['x']} {m['attr']}") if m.re.groupindex.get("attr") else None
    return whole is not None and whole is not field


def _words(text: str) -> str:
    """The words to show: what is quoted, else all of it."""
    quoted = _QUOTED.search(text)
    return (quoted["q"] if quoted else text).strip().strip("'\"“”‘’").strip()
