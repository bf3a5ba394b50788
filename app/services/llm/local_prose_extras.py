"""Extras the marketer describes in prose after the list (round 41b): "…, plus a box to get
birthday treats (optional birthday)", "and a checkbox so they can hear about our workshops",
"with an option to join our tasting club", "y una casilla para recibir un regalo",
"ein Kästchen, um Einladungen zu erhalten".

Said that way, the box has no quoted words and no item of its own, so it was read as a stray
"Checkbox" field or dropped, and "(optional birthday)" went with it as an aside.
``prose_extras`` writes each box as the quoted tick box ``local_tick_box`` lifts (labelled in
the person's own voice: "Send me birthday treats", "Quiero recibir un regalo") and each
"(optional X)" as an item of its own, "X (optional)". A box to write in ("a box to tell us
about your dog") is a text box and stays as said."""

from __future__ import annotations

import re

_LEAD = (
    r"(?P<lead>\s*[,;]?\s*(?:\b(?:and|plus|also|with|y|con|et|avec|und|dazu|mit|e|com|ed|en)\s+)*)"
)
_END = r"(?=\s*(?:[,.;:!?\n(]|$))"
_WHO = (
    r"(?:they|people|customers|guests|members|owners|parents|visitors|subscribers|clients|"
    r"patients|readers|fans|users|you|he|she)"
)
# a box to write in is the comment box; a box to agree or confirm is read as it is said
# ("a checkbox to accept the terms": "I accept the terms", ``local_consent``)
_WRITE = (
    r"(?:write|describe|tell|explain|add|type|enter|leave|note|list|say|share|comment|give|"
    r"provide|fill|put|include|mention|detail|upload|attach|paste|answer|"
    r"escribir|dejar|comentar|indicar|describir|a[ñn]adir|[ée]crire|laisser|"
    r"commenter|indiquer|d[ée]crire|ajouter|escrever|deixar|descrever|scrivere|lasciare|"
    r"commentare|indicare|descrivere|aggiungere)\b"
)
_AGREE = re.compile(
    r"(?:accept|agree|confirm|consent|opt|acknowledge|declare|certify|allow|authori[sz]e|grant|"
    r"indicate|mark|tick|check|aceptar|confirmar|accepter|confirmer|aceitar|accettare|"
    r"confermare)\b",
    re.I,
)
# es / fr / pt / it: what the box is for starts with a verb in the infinitive ("recibir",
# "recevoir", "receber", "ricevere"); "une case pour vos commentaires" is a comment box
_INFINITIVE = re.compile(r"^\w+(?:ar|er|ir|re|oir)\b", re.I)
_EN = re.compile(
    _LEAD + r"\b(?:a|an|one)\s+(?:(?P<tick>(?:tick|check)[- ]?box)|(?P<box>box)|option|choice)\s+"
    r"(?:(?:that\s+)?" + _WHO + r"\s+can\s+tick\s+(?:if\s+" + _WHO + r"\s+want\s+)?to\s+|"
    r"to\s+|so\s+(?:that\s+)?(?:(?P<we>we)|" + _WHO + r")\s+can\s+|"
    r"for\s+(?:them|people|those)\s+to\s+|"
    r"if\s+" + _WHO + r"(?:'d|\s+would)\s+like\s+(?:to\s+)?|"
    r"if\s+" + _WHO + r"\s+wants?\s+(?:to\s+)?|"
    r"where\s+" + _WHO + r"\s+can\s+)(?:(?:also|then|too)\s+)?(?P<vp>[^,.;:!?\n()\"“]+?)" + _END,
    re.I,
)
# es / fr / pt / it: the box "for" doing something, said in the infinitive
_FOREIGN = (
    (
        r"(?:una\s+)?(?:casilla|opci[oó]n)\s+(?:para|por si (?:quieren|desean)|si (?:quieren|desean))",
        "Quiero",
    ),
    (
        r"(?:une\s+)?(?:case(?: à cocher)?|option)\s+(?:pour|si (?:ils|elles|vous) (?:veulent|souhaitent|voulez|souhaitez))",
        "Je souhaite",
    ),
    (r"(?:uma\s+)?(?:caixinha|caixa|op[cç][aã]o)\s+(?:para|se quiserem)", "Quero"),
    (r"(?:una\s+)?(?:casell(?:a|ina)|opzione)\s+(?:per|se vogliono)", "Desidero"),
)
# de / nl: "ein Kästchen, um Einladungen zu erhalten": "Ich möchte Einladungen erhalten";
# "een vakje om aanbiedingen te ontvangen": "Ik wil aanbiedingen ontvangen"
_TO_VERB = (
    (r"(?:ein(?:e)?\s+)?(?:K[äa]stchen|H[äa]kchen|Ankreuzfeld|Option),?\s+um", "zu", "Ich möchte"),
    (r"(?:een\s+)?(?:vakje|hokje|optie),?\s+om", "te", "Ik wil"),
)
_FOREIGN_RES = tuple(
    (re.compile(_LEAD + rf"\b{box}\s+(?P<vp>[^,.;:!?\n()\"“]+?)" + _END, re.I), voice)
    for box, voice in _FOREIGN
)
_TO_VERB_RES = tuple(
    (
        re.compile(
            _LEAD + rf"\b{box}\s+(?P<vp>[^,.;:!?\n()\"“]+?)\s+{to}\s+(?P<verb>\w+)" + _END, re.I
        ),
        voice,
    )
    for box, to, voice in _TO_VERB
)
# the business speaks of "our …": in the person's voice it is "your …"
_VOICE = {
    "en": (
        ("our", "your"),
        ("ours", "yours"),
        ("us", "you"),
        ("we", "you"),
        ("their", "my"),
        ("them", "me"),
        ("they", "I"),
        ("themselves", "myself"),
    ),
    "Quiero": (("nuestro", "su"), ("nuestra", "su"), ("nuestros", "sus"), ("nuestras", "sus")),
    "Je souhaite": (("notre", "votre"), ("nos", "vos")),
    "Quero": (("nosso", "seu"), ("nossa", "sua"), ("nossos", "seus"), ("nossas", "suas")),
    "Desidero": (
        ("nostro", "vostro"),
        ("nostra", "vostra"),
        ("nostri", "vostri"),
        ("nostre", "vostre"),
    ),
    "Ich möchte": (
        ("unser", "Ihr"),
        ("unsere", "Ihre"),
        ("unseren", "Ihren"),
        ("unserem", "Ihrem"),
        ("unserer", "Ihrer"),
    ),
    "Ik wil": (("onze", "jullie"), ("ons", "jullie")),
}
# "(optional birthday)", "(fecha de nacimiento opcional)": an item the person may skip
_OPTIONAL_FIRST = re.compile(r"\s*\(\s*(?P<word>optional)\s+(?P<x>[\w'’ -]{2,40}?)\s*\)", re.I)
_OPTIONAL_AFTER = re.compile(
    r"\s*\(\s*(?P<x>[\w'’ -]{3,40}?)\s+(?P<word>opcional|optionnel(?:le)?|fac[ou]ltati(?:f|ve|vo|va)|"
    r"optional|freiwillig|opzionale|optioneel|facultatief)\s*\)",
    re.I,
)
# "(optional attachment)", "(optional upload)": how the item before is given, not an item
_NOT_ITEM = re.compile(
    r"^(?:but|if|for|only|also|too|as|de|es|est|ist|é|è)\b|\b(?:attachments?|uploads?|files?|"
    r"fields?|text|free text|dropdown|extras?|questions?|answers?|box|links?|pdf|documents?|"
    r"formats?|entry|input|photos?|images?|pictures?)$",
    re.I,
)


def _voiced(text: str, voice: str) -> str:
    swaps = dict(_VOICE[voice])
    return re.sub(
        r"\b\w+\b",
        lambda m: swaps.get(m.group(0).lower(), m.group(0)),
        re.sub(r"\s+", " ", text).strip(),
    )


def _english_label(vp: str) -> str:
    vp = _voiced(vp, "en")
    wish = re.match(r"(?:get|receive|be sent)\s+(?P<x>.+)", vp, re.I)
    if wish:
        return f"Send me {wish['x']}"
    wish = re.match(r"(?:hear|learn|find out|be told|know)\s+(?:about|of)\s+(?P<x>.+)", vp, re.I)
    if wish:
        return f"Tell me about {wish['x']}"
    wish = re.match(r"be (?:added|put) (?:to|on) (?P<x>.+)", vp, re.I)
    if wish:
        return f"Add me to {wish['x']}"
    wish = re.match(r"(?:request|ask for|have)\s+(?P<x>.+)", vp, re.I)
    if wish:
        return f"I'd like {wish['x']}"
    if re.match(r"you\s+to\b", vp, re.I):  # "if they'd like us to collect the bike"
        return f"I'd like {vp}"
    return f"I'd like to {vp}"


def _box(lead: str, label: str) -> str:
    joined = ", " if lead.strip() or lead.startswith(" ") else ""
    return f'{joined}a tick box for "{label[:1].upper() + label[1:]}"'


def _optional(m: re.Match) -> str:
    item = re.sub(r"\s+", " ", m["x"]).strip()
    if _NOT_ITEM.match(item):
        return m.group(0)
    return f", {item} ({m['word'].lower()})"


def prose_extras(text: str) -> str:
    """``text`` with each box described in prose written as a quoted tick box, and each
    "(optional X)" as the item "X (optional)"."""

    def english(m: re.Match) -> str:
        vp = m["vp"].strip()
        if _AGREE.match(vp) or (m["box"] and re.match(_WRITE, vp, re.I)):
            return m.group(0)
        if not m["tick"] and not m["lead"].strip():  # "choose a box to send a friend": a thing
            return m.group(0)
        if m["we"]:  # "so we can text them offers": "Text me offers"
            return _box(m["lead"], _voiced(vp, "en"))
        return _box(m["lead"], _english_label(vp))

    text = _EN.sub(english, text)

    def foreign(m: re.Match, voice: str) -> str:
        vp = m["vp"].strip()
        if not _INFINITIVE.match(vp) or _AGREE.match(vp) or re.match(_WRITE, vp, re.I):
            return m.group(0)
        return _box(m["lead"], f"{voice} {_voiced(vp, voice)}")

    for pattern, voice in _FOREIGN_RES:
        text = pattern.sub(lambda m, v=voice: foreign(m, v), text)
    for pattern, voice in _TO_VERB_RES:
        text = pattern.sub(
            lambda m, v=voice: _box(m["lead"], f"{v} {_voiced(m['vp'], v)} {m['verb']}"), text
        )
    text = _OPTIONAL_FIRST.sub(_optional, text)
    return _OPTIONAL_AFTER.sub(_optional, text)
