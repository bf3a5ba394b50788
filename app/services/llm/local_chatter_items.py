"""Items said around chatter are the fields they name (round 33b).

A marketer types a list as they talk, and the talk around an item is no field:

- "…, we come to you so we need your address" asks the address: the clause before
  "so we need your X" says why, and is no field ("We come to"). Also "nous venons chez vous
  donc nous avons besoin de votre adresse", "vamos a su domicilio así que necesitamos su
  dirección", "wir kommen zu Ihnen, daher brauchen wir Ihre Adresse", "vamos até si por
  isso precisamos da sua morada".
- "…, we need your address so that we can price the job, number of windows": the reason
  after the item runs to the next comma; the list goes on after it.
- "They give name, shipping address, …", "People fill in name, email, …": the people who
  fill in the form and their verb lead the list; the first item is a field like the rest
  (the verb is read as "provide", a cue that opens a list).
- "send me the recording if I can't attend" in a list is the visitor's own wish, a yes/no
  box (``SENT_TO_ME``, written as a quoted tick box), and no cue for a list of "me the
  recording" (``WEAK_START`` in local_extract).

``without_chatter`` rewrites the description before it is read.
"""

from __future__ import annotations

import re

# The clause that says why: "we come to you so", "we'll ring you, so", "nous venons chez
# vous donc", "vamos a su domicilio así que", "wir kommen zu Ihnen, daher", "por isso"
_WHY = (
    r"(?:(?:and\s+)?so|therefore|which is why|which means|donc|alors|c'est pourquoi|"
    r"as[íi] que|por eso|por lo que|daher|deshalb|darum|also|por isso|ent[ãa]o|portanto)"
)
_WE_NEED = (
    r"(?:(?:we|i)(?:'ll| will| would)?\s+(?:need|require)|nous avons besoin d[e']|"
    r"on a besoin d[e']|il nous faut|necesitamos|necesitaremos|brauchen wir|ben[öo]tigen wir|"
    r"precisamos d[aeo]?|vamos precisar d[aeo]?)"
)
_YOUR = r"(?:(?:your|the|their|votre|vos|la|le|sus|sua|seu|su|tu|ihren|ihre|deinen|deine)\s+|l')"
# ", we come to you so we need your address" → ", address"
CHATTER_BEFORE = re.compile(
    rf"(?<=[,;:–—-])(\s*)(?:we|i|nous|on|vamos|venimos|wir|n[óo]s)\b[^,;.()?!]{{2,60}}?,?\s+"
    rf"{_WHY}\s+(?:(?:we|i)\s+)?{_WE_NEED}\s*{_YOUR}(?=[^\W\d_])",
    re.I,
)
# "we need your address so that we can price the job, …" → "we need your address, …"
# "…, number of bedrooms so we can prepare, asking price": the reason runs to the comma
REASON_AFTER = re.compile(
    r"(,[^,;.()?!]{2,60}?)\s+(?:so(?: that)?|in order to|to be able to|because|as)\s+"
    r"(?:we|i)\b[^,;.()?!]*(?=,\s*(?!(?:or|and|then|email|text|call|ring|phone|write)\b))",
    re.I,
)
# "They give name, …", "People fill in name, …": the people who fill it in and their verb
_PEOPLE = (
    r"they|you|people|customers|clients|visitors|users|parents|guests|applicants|patients|"
    r"members|students|candidates|buyers|callers|volunteers|families|tenants|residents|"
    r"attendees|participants|entrants"
)
THEY_GIVE = re.compile(
    rf"\b((?:{_PEOPLE})\s+(?:will\s+|would\s+|should\s+|must\s+|can\s+|need to\s+|have to\s+|"
    r"just\s+)?)(?:give|supply|type(?: in)?|put down|write down|fill in|fill out)\s+"
    r"(?!(?:us|me|their|your|the|a|an|this|our|it|them|that|some|any)\b)(?=[\w' -]{1,30},)",
    re.I,
)
# "…, and they tell us their level (…)", "ils indiquent aussi leur niveau", "también nos dan
# su nivel", "außerdem geben sie ihr Niveau an", "e também indicam o seu nível": the item
# is the level; "and also when you can drop it off": the item is when
_ALSO = r"(?:also|too|as well|aussi|[ée]galement|tambi[ée]n|auch|au(?:ß|ss)erdem|tamb[ée]m)"
THEY_TELL = re.compile(
    rf"(?<=[,;:])(\s*)(?:(?:and|et|y|und|e)\s+)?(?:{_ALSO}\s+)?(?:"
    rf"(?:{_PEOPLE})\s+(?:{_ALSO}\s+)?(?:give|tell|let|provide|enter|indicate|pick|choose|"
    rf"select)\s+(?:us\s+)?(?:know\s+)?(?:{_ALSO}\s+)?(?:their|your)|"
    r"(?:ils|elles|vous|on)\s+(?:nous\s+)?(?:indiquent|indiquez|donnent|donnez|pr[ée]cisent|"
    rf"pr[ée]cisez|choisissent|choisissez)\s+(?:{_ALSO}\s+)?(?:leur|leurs|votre|vos)|"
    rf"(?:nos\s+)?(?:dan|indican|eligen|dicen)\s+(?:{_ALSO}\s+)?(?:su|sus)|"
    rf"(?:sie\s+)?(?:geben|nennen|w[äa]hlen)\s+(?:sie\s+)?(?:{_ALSO}\s+)?(?:ihr|ihre|ihren)|"
    r"(?:eles|elas|voc[êe]s?)?\s*(?:nos\s+)?(?:indicam|d[ãa]o|escolhem|dizem)\s+"
    rf"(?:{_ALSO}\s+)?(?:o seu|a sua|os seus|as suas|seu|sua)|(?:and\s+)?also)\s+"
    r"(?=[^\W\d_])(?![^,;]*:)",  # "wählen Sie Ihre Themen: A, B": the question of its answers
    re.I,
)
_SEPARABLE = re.compile(r"(?<=[,;:])([^,;:.()]*?)\s+an\b(?=\s*(?:\(|[,;.]|$))", re.I)


# "…, send me the recording if I can't attend, …": the visitor's wish, a tick box ("send
# me your CV", "send me a photo of the damage": the marketer asking, a list)
WISHED = (
    r"(?:the|a copy|copies|updates|news|reminders?|a reminder|my|more)\b"
    r"(?![^,;.()]*\b(?:photos?|pictures?|images?|files?|documents?|cvs?|r[ée]sum[ée]s?|scans?|"
    r"videos?|drawings?|plans?|receipts?)\b)"
)
# ("envoyez-moi vos photos", "schicken Sie mir Ihre Unterlagen": the marketer asking)
_ABROAD = (
    r"(?:envoyez-moi|env[íi](?:e|en)me|m[áa]nd(?:e|en)me|(?:schicken|senden) sie mir|envie-me)"
    r"(?!\s+(?:vos|votre|tes|ton|ta|su|sus|tu|tus|ihre?[nms]?|deine?[nms]?|seus?|suas?|"
    r"o seu|a sua)\b)"
)
SENT_TO_ME = re.compile(
    r"(?<=[,;:–—-])(\s*)(?:and\s+)?(?:also\s+)?"
    rf"((?:send|e-?mail|text) me\s+{WISHED}[^,;.()?!\"]{{0,80}}?|"
    rf"{_ABROAD}\b[^,;.()?!\"]{{3,80}}?)"
    r"\s*(?=[,;.]|$)",
    re.I,
)


def _box(m: re.Match) -> str:
    wish = m.group(2).strip()
    return f'{m.group(1)}a tick box for "{wish[:1].upper()}{wish[1:]}"'


def without_chatter(text: str) -> str:
    """The description with the talk around its items taken out (see the module)."""
    text = SENT_TO_ME.sub(_box, text)
    told = THEY_TELL.sub(r"\1", text)
    if told != text and re.search(r"\b(?:geben|nennen)\b", text, re.I):
        told = _SEPARABLE.sub(r"\1", told)  # "geben sie ihr Niveau an": the Niveau
    text = told
    text = CHATTER_BEFORE.sub(r"\1", text)
    text = REASON_AFTER.sub(r"\1", text)
    return THEY_GIVE.sub(r"\1provide ", text)
