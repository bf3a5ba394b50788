"""Questions the marketer writes as fragments of a sentence, and follow-ups (round 31c).

``asked_fragment`` (end of ``local_extract._item``) reads one listed item:

- an embedded question is asked as a question, never cut to its clause: "which way the roof
  faces" is "Which way does the roof face?" (not "Way the roof faces"), "how big the roof
  is" is "How big is the roof?";
- "any behaviour we should know about", "anything we should know about your property" is a
  free-text question in the marketer's words ("Any behaviour we should know about?"), not a
  one-line "Behaviour";
- a recollection ("when was it last tuned", "when did you last service the boiler", "wann
  war die letzte Wartung", "¿cuándo fue la última revisión?") is something the visitor
  remembers roughly ("about two years ago"): one line of text, asked as written, not a date
  picker. A planned date ("when would you like us to come"), a date named as one ("date of
  last visit") and when a fault was first noticed ("when did you first notice the leak", a
  start dated as in round 16c) stay dates;
- a follow-up "which ones if so" is asked "Which ones?" (the show_if reader has taken the
  "if so"), not "Ones";
- "date of last visit (dd/mm/yyyy)": the brackets give a date's format, not three answers.

``already_asked`` (``local_form_fields._add_hints``): a word of the description that would
add a catalogue field ("your website") adds none when a listed field of the same type
already asks it in other words ("your website or LinkedIn"): one concept, one field.
"""

from __future__ import annotations

import re

from app.services.llm.local_clause_items import about_you, clause_question

# "when was it last tuned", "when did you first think about leaving"; the half-translated
# "when war die letzte wartung", "when fue la ultima revision", "when ... la derniere fois"
_RECALLED = re.compile(
    r"^[¿\s]*(?:when|since when|cu[áa]ndo|quand|wann|quando)\b(?!.*\b(?:would|will|should|"
    r"could|can|next|want|like|prefer|suit|need)\b).*\b(?:last|first|previous(?:ly)?|ago|"
    r"letzte\w*|zuletzt|erste\w*|[úu]ltim[oa]|derni[èe]re?|premi[èe]re?|primeir[oa]|"
    r"primer[oa]?)\b",
    re.I,
)
# "when did you first notice the leak": when a fault began, dated like "when did it start"
_NOTICED = re.compile(
    r"\bfirst\s+(?:notic|spot|see|saw|appear|happen|start|began|begin|occur|experienc)", re.I
)
_SHOULD_KNOW = re.compile(
    r"^(?:and |also |plus )?(?:any|anything(?: else)?)\b(?:(?! if\b)[\w' -]){0,40}?\b(?:we|i)\s+"
    r"(?:should|need to|ought to|must|might need to|would need to)\s+(?:know|be aware)"
    r"(?:\s+(?:about|of))?(?:\s+[\w' -]{1,40})?$",
    re.I,
)
# "algo que debamos saber sobre su comportamiento", "quelque chose à savoir sur son
# comportement", "algo que devamos saber sobre o comportamento" (read half in English)
_SHOULD_KNOW_SAID = re.compile(
    r"^(?:algo(?: m[áa]s)?|quelque chose|alguma coisa|algo mais)\b.{0,60}?\b(?:saber|savoir)\b",
    re.I,
)
_SUBJECT = r"(?:the|your|their|its|our|his|her|this|that|each)\s+[\w'-]+(?:\s+[\w'-]+)?"
_LEAD = r"(?:(?:roughly|approximately|about|exactly)\s+)?"
_WH = (
    r"(?:which|what)\s+[a-z]+|how\s+(?:big|large|old|far|long|tall|high|wide|deep|often|much)|"
    r"what|where|why|when|who"
)
# "how big the roof is", "how far you are willing to travel": the verb "be" goes first
_BE = re.compile(
    rf"^{_LEAD}(?P<wh>{_WH})\s+(?P<who>{_SUBJECT}|you|they|we)\s+(?P<be>is|are|was|were)"
    r"(?P<rest>(?:\s+[\w'-]+){0,5})\s*\??$",
    re.I,
)
# "which way the roof faces", "what colour your door is painted" (not "what time suits you")
_DO = re.compile(
    rf"^{_LEAD}(?P<wh>{_WH})\s+(?P<who>{_SUBJECT})\s+(?P<verb>[a-z]+[^s\W]s)"
    r"(?P<rest>(?:\s+[\w'-]+){0,4})\s*\??$",
    re.I,
)
_NOT_VERB = re.compile(r"^(?:is|was|plus|less|ss)$|(?:ness|ous|ics|ss|us|is)$", re.I)
# "which ones (if so)": the follow-up's question, not "Ones"
_BARE_WH = re.compile(r"^(?:which|what)\s+(?:ones?|kinds?|sorts?|types?|else|for)$", re.I)
# "which days you can help": the modal goes first
_MODALS = ("can", "could", "will", "would", "should", "might")
_MODAL = re.compile(
    rf"^{_LEAD}(?P<wh>{_WH})\s+(?P<who>{_SUBJECT}|you|they|we)\s+"
    rf"(?P<verb>{'|'.join(_MODALS)})(?P<rest>(?:\s+[\w'-]+){{1,5}})\s*\??$",
    re.I,
)
# "date of last visit (dd/mm/yyyy)": the format of a date, not three answers
_DATE_PARTS = re.compile(r"^(?:dd|jj|tt|mm|yy|yyyy|aa|aaaa|jjjj)$", re.I)
_IF_SO = re.compile(r"\bif (?:so|yes)\b", re.I)


def _question(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ?")
    return text[:1].upper() + text[1:] + "?"


def _base(verb: str) -> str:
    """ "faces" → "face", "watches" → "watch", "carries" → "carry", "has" → "have"."""
    low = verb.lower()
    if low == "has":
        return "have"
    if low.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|z|o)es$", low):
        return verb[:-2]
    return verb[:-1]


def _embedded(said: str) -> str | None:
    """ "which way the roof faces" → "Which way does the roof face?" (None: not one). "what
    your turnover is" is left to the item reader: "Turnover" names what is asked."""
    be, modal, do = _BE.match(said), _MODAL.match(said), _DO.match(said)
    if be and be["wh"].lower() not in ("what", "who"):
        return _question(f"{be['wh']} {be['be']} {be['who']}{be['rest']}")
    if modal:
        return _question(f"{modal['wh']} {modal['verb']} {modal['who']}{modal['rest']}")
    if do and do["verb"].lower() == "has" and do["rest"]:  # "how long it has been trading"
        return _question(f"{do['wh']} has {do['who']}{do['rest']}")
    if do and not _NOT_VERB.search(do["verb"]):
        return _question(f"{do['wh']} does {do['who']} {_base(do['verb'])}{do['rest']}")
    return None


def asked_fragment(raw: str, item: dict | None) -> dict | None:
    """The item asked as the fragment means it (see the module)."""
    said = re.sub(r"\s+", " ", raw).strip(" .;:")
    # "any wishes you'd like to tell us about", "about you" (round 32c)
    clause = clause_question(said) or (about_you(said) if item is None else None)
    if clause and (item is None or not (item.get("options") or "fields" in item)):
        new = {"phrase": said.lower(), "options": [], "required": False, "optional": False}
        return {**(item or new), "label": clause, "hint": "textarea"}
    if item is None and len(said.split()) <= 12 and _SHOULD_KNOW_SAID.search(said):
        new = {"phrase": said.lower(), "options": [], "required": False, "optional": False}
        return {**new, "label": _question(said), "hint": "textarea"}
    if item is None or "fields" in item:
        return item
    if len(item.get("options") or []) >= 2 and all(_DATE_PARTS.match(o) for o in item["options"]):
        return {**item, "options": [], "hint": "date"}
    if item.get("options"):
        return item
    if _RECALLED.search(said) and not _IF_SO.search(said) and not _NOTICED.search(said):
        return {**item, "label": _question(said), "hint": "text"}
    if _SHOULD_KNOW.match(said) or _SHOULD_KNOW_SAID.search(said):
        return {**item, "label": _question(said), "hint": "textarea"}
    if _BARE_WH.match(said):
        return {**item, "label": _question(said)}
    question = _embedded(said)
    if question:
        return {**item, "label": question}
    return item


def already_asked(fields: list[dict], pattern: str, hint: dict) -> bool:
    """Whether a field asks what a description word would add (``hint``, the catalogue's)."""
    for f in fields:
        words = f"{f['name'].replace('_', ' ')} {f.get('label') or ''}".lower()
        if re.search(pattern, words):
            return True  # a named field already asks it ("headcount"): one concept, one field
        if re.search(pattern, " ".join(f.get("options") or []).lower()):
            return True  # "channels (phone, email, chat)": an answer, not a question
        said = hint["label"].lower()
        if f["type"] == hint["type"] == "url" and re.search(rf"\b{re.escape(said)}\b", words):
            return True  # "your website or LinkedIn": the website is asked
    return False


# ---------------------------------------------------------------------------------------
# The label in the marketer's language: "in welche Richtung das Dach zeigt" is asked
# "In welche Richtung zeigt das Dach?"; "hacia dónde mira el tejado" gets its "¿…?".

_DE_WH = (
    r"(?:(?:in|an|auf|aus|bei|mit|nach|von|zu|für|um|über|unter)\s+)?"
    r"(?:welche[nrms]?\s+[A-ZÄÖÜ][\wäöüß]+|wie\s+(?:groß|alt|oft|viele?|lange?|weit|hoch|"
    r"schnell|teuer|breit|tief|schwer|spät|früh|dringend)|was|wo|wohin|woher|wann|warum|wer)"
)
_DE_CLAUSE = re.compile(
    rf"^(?P<wh>{_DE_WH})\s+(?P<middle>(?:der|die|das|dein|deine|ihr|ihre|Ihr|Ihre|sein|seine|"
    r"es|er|sie|Sie|du|man)\b(?:\s+[\wäöüß]+){0,4}?)\s+(?P<verb>[a-zäöüß]+)\s*\??$",
)
_DE_NOT_VERB = re.compile(r"^(?:ungefähr|etwa|genau|circa|ca|derzeit|aktuell|jetzt|heute)$")
_ES_WH = re.compile(
    r"^(?:(?:hacia|desde|de|a|en|por|para|con)\s+)?(?:dónde|adónde|qué|cuándo|cuánt[oa]s?|"
    r"cómo|cuál(?:es)?|quién(?:es)?)\b[^?¿]*$",
    re.I,
)


def asked_labels(fields: list[dict], lang: str | None) -> None:
    """A label in German or Spanish written as an embedded question is asked as one."""
    for f in fields:
        label = (f.get("label") or "").strip()
        if lang == "de":
            clause = _DE_CLAUSE.match(label[:1].lower() + label[1:])
            if clause and not _DE_NOT_VERB.match(clause["verb"]):
                question = f"{clause['wh']} {clause['verb']} {clause['middle']}?"
                f["label"] = question[:1].upper() + question[1:]
        elif lang == "es" and _ES_WH.match(label):
            f["label"] = f"¿{label[:1].upper()}{label[1:]}?"
