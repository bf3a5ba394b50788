"""A cold pitch, read from its three moves (round 40).

A seller writing to a business's own contact form does what no buyer does: they judge the
reader's business ("I noticed your site isn't ranking", "Ihre Anzeigen könnten besser
laufen", "jullie website mist een call-to-action"), claim a track record with other
companies ("we've helped 50+ SaaS companies 3x their traffic", "hemos ayudado a más de 60
empresas") and close by asking for a call ("open to a quick call?", "¿os viene bien una
llamada rápida?"). Each move alone is something a buyer may write (an agency buyer says what
it has done for its clients; a buyer asks for a call); two together, with no need of their
own, are a pitch. Some offers are pitches on their own: link building, a sponsorship of
their show.

``local_pitch.pitch_kind`` reads this after its own patterns and before a buyer's need. A
buyer's track record ("our consultancy has helped over 200 clinics") is not what they buy
for: the scorer and the reply count it only when the message says the forms are for them
("… 60+ local businesses; we need one tool across all of them").
"""

from __future__ import annotations

import re

from app.services.llm.local_buyer_scale import PLAN_ASK_RE

_COMPANIES = (
    r"(?:companies|brands|businesses|clients|customers|startups|teams|firms|agencies|"
    r"organi[sz]ations|stores|shops|retailers|clinics|practices|saas|founders|"
    r"empresas|marcas|clientes|entreprises|soci[ée]t[ée]s|[ée]diteurs|unternehmen|firmen|kunden|"
    r"aziende|clienti|bedrijven|klanten|[\w-]*bedrijven)"
)
_MANY = (
    r"(?:over |more than |some |about |nearly |m[áa]s de |plus de |[üu]ber |mehr als |oltre |"
    r"pi[ùu] di |mais de |meer dan )?(?:\d[\d,.]*\+?|hundreds of|dozens of|cientos de|centaines d')"
)
# the companies they say they helped, counted: "has helped over 200 clinics"
HELPED = re.compile(
    # "we've helped 120+ B2B brands", "… over 100 couples plan their weddings"
    rf"\b(?:'ve|have|has)(?: already)? (?:helped|partnered with|supported|grown) "
    rf"{_MANY}(?: [\w-]+){{0,3}}? (?:{_COMPANIES}|[a-z]{{2,}}s)\b|"
    rf"\b(?:hemos (?:ayudado|trabajado con|acompañado)|ayudamos|ajudamos|j[áa] ajudamos|"
    rf"nous avons (?:d[ée]j[àa] )?(?:aid[ée]|accompagn[ée])|abbiamo (?:gi[àa] )?"
    rf"(?:aiutato|supportato|accompagnato)|aiutiamo) (?:a )?{_MANY}(?: [\w-]+){{0,2}} {_COMPANIES}\b|"
    rf"\b(?:wir haben|wij hebben|we hebben) (?:bereits |schon |al )?{_MANY}(?: [\w-]+){{0,2}} "
    rf"{_COMPANIES}\b[^.?!]{{0,40}}?\b(?:geholfen|unterst[üu]tzt|begleitet|geholpen|ondersteund)\b",
    re.I,
)
# what they did for other companies, counted, or whom they serve: the seller's track record
TRACK_RECORD = re.compile(
    rf"{HELPED.pattern}|"
    rf"\b(?:'ve|have|has)(?: already)? worked with {_MANY}(?: [\w-]+){{0,3}} {_COMPANIES}\b|"
    # "we've translated sites for 300+ software companies"
    rf"\b(?:we|i)(?:'ve| have) (?:already )?\w+(?: [\w-]+){{0,2}} (?:for|with) {_MANY}(?: [\w-]+){{0,3}} "
    rf"{_COMPANIES}\b|"
    # "for software companies like yours", "per aziende software come la vostra"
    rf"\b(?:'ve|have) helped (?:[\w-]+ )?{_COMPANIES} (?:like|such as) [A-Za-z]|"
    rf"\b{_COMPANIES}(?: (?:de )?[\w-]+)? (?:like yours|like you|such as yours|como la vuestra|como la suya|como vosotros|"
    rf"comme (?:vous|la v[ôo]tre)|wie (?:ihres|ihre|sie)|come (?:la )?vostra|como a (?:sua|vossa)|"
    rf"zoals (?:jullie|het uwe))\b",
    re.I,
)
_YOUR_THING = (
    r"(?:web)?site|homepage|landing pages?|rankings?|traffic|ads|seo|conversion rate|funnel|"
    r"google (?:ads|ranking)"
)
# what they say about the reader's own business: an audit, a flaw, a ranking it lacks
ABOUT_YOU = re.compile(
    rf"\b(?:noticed|saw|came across|checked|reviewed|audited|analy[sz]ed|looked at|ran an? (?:quick |free |short )?"
    rf"(?:audit|review|analysis) of) (?:that )?your (?:{_YOUR_THING})\b|"
    rf"\byour (?:{_YOUR_THING}) (?:isn'?t|is not|is only|doesn'?t|does not|could|lacks|is missing|has no|"
    rf"needs|has (?:\d+|a few|"
    rf"some|several) (?:\w+ )?(?:issues|errors|problems))\b|\b(?:holding back|hurting|costing you) your\b|"
    r"\bhe (?:revisado|visto|analizado|auditado) (?:vuestra|su|tu) (?:web|p[áa]gina|sitio)\b|"
    r"\bno (?:aparece|aparec[ée]is|sale) en google\b|"
    r"\bvotre site (?:n'|ne |pourrait|manque)|\bj'ai (?:regard[ée]|analys[ée]|audit[ée]) votre site\b|"
    r"\bihre (?:website|webseite|seite|anzeigen|rankings?) (?:k[öo]nnte\w*|ist nicht|fehlt|hat \d+)\b|"
    r"\bil vostro sito (?:non|potrebbe)\b|\bo (?:vosso|seu) site (?:n[ãa]o|poderia)\b|"
    r"\bjullie (?:website|site|advertenties) (?:mist|kan|is niet|scoort)\b",
    re.I,
)
# the seller's close: a call they ask the reader to give them
CALL_ASK = re.compile(
    r"\b(?:open to|up for|free for|time for|fancy|worth) (?:a )?(?:quick |short |brief |\d+[- ]?min\w* )?"
    r"(?:call|chat|conversation|intro)\b|\b(?:does|would) (?:that|this) (?:sound|be) (?:interesting|"
    r"of interest|useful)\b|(?:^|[.!?] )interested\?|"
    r"\b(?:llamada|charla) (?:r[áa]pida|breve)\b|\bbreve llamada\b|\bcourt [ée]change\b|\bbref appel\b|"
    r"\bkurzes? (?:gespr[äa]ch|telefonat|call)\b|\bbreve (?:chiamata|call)\b|"
    r"\b(?:conversa|chamada) (?:r[áa]pida|breve)\b|\bkort (?:gesprek|belletje)\b|"
    r"\bkurze[nm]? (?:termin|austausch)\b|\bdo the same for you\b|"
    # an offer to send examples or show how: "¿te puedo enviar algunos ejemplos?"
    r"\b(?:(?:te|os|le) (?:puedo|podemos) (?:enviar|mandar|mostrar)|puis-je vous (?:envoyer|montrer)|"
    r"darf ich ihnen\b[^.?!]{0,40}\b(?:zeigen|schicken|senden)|posso (?:te |lhe |vos )?(?:enviar|mostrar)|"
    r"posso (?:inviarvi|mostrarvi)|mag ik (?:je|jullie|u)\b[^.?!]{0,30}\b(?:sturen|laten zien))\b",
    re.I,
)
# offers that are pitches whatever else is said
PITCH_OFFER = re.compile(
    r"\blink[- ]?building\b|\bguest posts?\b|\b(?:like|want|love) to sponsor (?:our|my|the)\b|"
    r"\bfor a (?:small|modest|low|flat|one-off|fixed) fee\b|\bsponsor (?:our|my) (?:podcast|newsletter|show|event|conference|summit|channel)\b|"
    r"\bexhibitor (?:booths?|packages?|spaces?|stands?|spots?)\b|\blike to (?:exhibit|advertise)\b|"
    # "would you like to sponsor an issue?": their audience, sold to us
    r"\b(?:would you|do you want|are you interested|interested) (?:like |in )?(?:to )?sponsor(?:ing)?\b|"
    r"\bsponsor(?:ing)? (?:an?|one|the next|our next) (?:issue|episode|edition|post|video|send|newsletter)\b|"
    # "wondered if you'd donate a prize or sponsor a table?": our money asked for their event
    r"\b(?:would you|could you|wondered if you'?d|will you|can you|are you able to|might you)\b"
    r"[^.?!]{0,30}\b(?:donate|sponsor|contribute to|support our (?:gala|event|fundraiser|charity))\b|"
    r"\b(?:podr[íi]an|pourriez-vous|k[öo]nnten sie|poderiam|potreste)\b[^.?!]{0,30}\b(?:patrocinar|donar|"
    r"parrainer|sponsoriser|faire un don|sponsern|spenden|doar|sponsorizzare|donare)\b|"
    # "interested in listing your product? commission-based": a marketplace selling to us
    r"\binterested in (?:listing|featuring|adding) your\b|"
    r"\blist(?:ing)? your (?:product|app|software|tool|platform|company) (?:on|in) (?:our|the)\b|"
    r"\bcommission[- ]based\b|"
    # "would you be interested in buying a list of 10,000 HR managers?"
    r"\b(?:interested in|like to|want to) (?:buy|buying|purchas\w+|get|getting|receiv\w+) (?:a|our) "
    r"(?:[\w-]+ ){0,3}(?:list|database|data ?set)\b|"
    # "we sell verified B2B lead lists - 10,000 contacts for $499. Interested?"
    r"\b(?:lead|email|contact|prospect|b2b|sales) (?:lists?|databases?)\b|"
    r"\bwe (?:sell|offer|provide)\b[^.?!]{0,80}[.!-]?\s*(?:interested|want (?:some|one|them|it))\?",
    re.I,
)


# a buyer asks about what we sell ("worth a quick chat? we'd love a partner plan"); not any
# price question ("how much do you spend on ads?" is a seller's)
_WANTS_OURS = re.compile(
    r"\b(?:use|try|buy|embed|resell|roll out|switch to|move to) your\b|\bpricing for\b|"
    r"\bhow much (?:is|does|would) (?:it|this|that|your|the)\b|\byour (?:pricing|plans?|prices)\b",
    re.I,
)


def asks_ours(text: str) -> bool:
    """They ask for our product: its price, a plan for their clients, to use it."""
    return bool(PLAN_ASK_RE.search(text) or _WANTS_OURS.search(text))


def cold_pitch(text: str) -> bool:
    """Two of a seller's three moves (judging your business, a track record, asking for a
    call) by someone who asks nothing of what we sell, or an offer only a seller makes."""
    if PITCH_OFFER.search(text):
        return True
    moves = sum(bool(p.search(text)) for p in (TRACK_RECORD, ABOUT_YOU, CALL_ASK))
    return moves >= 2 and not asks_ours(text)


# the companies of a track record are what they buy for: "… across all of them"
_FOR_THEM = re.compile(r"\b(?:all|each|every one|both) of them\b|\bfor them\b", re.I)


def without_track_record(text: str) -> str:
    """The text with the companies they say they helped blanked out (same length: positions
    still hold), unless the message buys for those companies. Whom they built sites for or
    work with may be their clients still, and stays."""
    if _FOR_THEM.search(text):
        return text
    return HELPED.sub(lambda m: " " * len(m.group(0)), text)
