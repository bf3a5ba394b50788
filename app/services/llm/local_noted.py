"""What a lead's message says, as whole phrases a reply can quote (issue 20).

The local agent echoes the person's own specifics — how many of what ("14 intake forms",
"800 leads a month"), when ("by 15 March", "next quarter") and what hurts ("losing bookings
between the phone line and the website") — verbatim, so the reply is grounded and reads
like a person wrote it. A phrase is whole or absent: "30+ forms across our" or "by 2" (from
"by 20 January") is worse than saying nothing, so every pattern ends on a word that
completes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.services.llm.local_cold_pitch import without_track_record
from app.services.llm.local_lead_cues import dutch_or_italian, foreign, message_language
from app.services.llm.local_noted_foreign import FOREIGN_TIMING, foreign_pain
from app.services.llm.local_reply_words import say

PAIN_RE = re.compile(
    r"\blos(?:e|ing)\b|\bdrowning\b|\bleak\w*\b|\bnobody follows up\b|\breplace\b|\bconsolidat\w+|"
    r"\bspreadsheets?\b|\bstruggl\w+|\bneed (?:a fix|to fix)\b|\bfix\b|\bproper fix\b",
    re.I,
)
_MONTHS = (
    "january|february|march|april|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_FULL_MONTHS = "january|february|march|april|june|july|august|september|october|november|december"
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_PERIOD = r"(?:week|month|quarter|year|term|semester|summer|autumn|fall|winter|spring)"
# A season or an event of their year: "before the spring season", "ahead of our busy season",
# "in time for Christmas", "before the new school year".
_SEASON = (
    r"(?:(?:(?:spring|summer|autumn|fall|winter)(?: (?:season|term|rush|sales?|holidays|campaign|launch))?"
    r"|(?:busy|holiday|peak|festive|christmas|high|ski|wedding|tourist|tax|booking) (?:season|period|rush)"
    r"|christmas|easter|the holidays|new (?:year|school year|academic year|financial year|term|season)"
    r"|(?:launch|go-live|opening|reopening|rebrand|relaunch))\b)"
)
_Q = r"q[1-4](?: \d{4})?(?: (?:rollout|launch|start|go-live|deadline|kick-?off|budget))?\b"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS}|may)\b(?: \d{{4}})?"
    rf"|(?:{_MONTHS}|may) \d{{1,2}}(?:st|nd|rd|th)?\b|(?:{_FULL_MONTHS})\b(?: \d{{4}})?"
    rf"|{_DAYS}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|{_Q})"
)
TIMING = re.compile(
    rf"\b(?:by|before|until|from|in|after|around) (?:the )?(?:end|start|beginning|middle) of "
    rf"(?:the |this |next )?(?:{_PERIOD}|{_FULL_MONTHS}|may|q[1-4])\b"
    rf"|\b(?:by|before|until|from|on|in|starting|after|around) {_DATE}"
    rf"|\b(?:(?:later|early|sometime) )?(?:this|next) (?:{_PERIOD}|{_DAYS})\b"
    rf"|(?:(?<=\bends )|(?<=\bexpires )|(?<=\bcloses )|(?<=\bends on ))(?:this |next )?(?:{_DAYS})\b"
    rf"|\b{_Q}"
    r"|\b(?:with)?in (?:the next )?(?:\d+|two|three|four|five|six|a few|a couple of) (?:days|weeks|months)\b"
    rf"|\b(?:{_FULL_MONTHS})\b|\basap\b|\btomorrow\b|\bright away\b"
    # "before our spring campaign in March" is one time, said back whole
    rf"|\b(?:by|before|ahead of|in time for|until) (?:the |our |this |next )?{_SEASON}"
    rf"(?: in (?:{_FULL_MONTHS})\b)?",
    re.I,
)
# a range is said whole: "10-15 client sites", not "15 client sites"
_NUMBER = (
    r"(?:about |around |roughly |over |nearly |some |approx\.? )?\d[\d,.]*(?:k\b)?(?:[-–]\d+)?\+?"
)
_NOT_COUNTED = (
    r"(?:days|weeks|months|years|hours|minutes|mins|seconds|percent|times|am|pm|"
    r"euros|dollars|pounds|vendors|providers|suppliers|options|alternatives|solutions|quotes)\b"
)
_RATE = (
    r"(?: (?:a|per|each|every) (?:year|month|week|day|term|quarter|season)\b"
    r"|/(?:year|yr|month|mo|week|day)\b| (?:annually|monthly|weekly|daily)\b)?"
)
# A counted noun is a plural ("forms", "reps"), not "business" or the modifier "sales".
_NOUN = rf"(?!{_NOT_COUNTED}|(?:sales|news|ops|series|species)\b)[a-z]+[a-rt-z]s\b"
# How many of what: a number, at most two describing words, then a plural noun, then a rate.
VOLUME = re.compile(
    rf"(?<![\w$£€/]){_NUMBER}\s*(?:[a-z]+(?:-[a-z]+)? ){{0,2}}?{_NOUN}{_RATE}"
    r"|\b\d[\d,]*-(?:person|people|strong|seat|bed|room|site|store|location)\b"
    # "a 30-person architecture firm": one describing word may stand before the noun
    r"(?: (?:(?!and\b|or\b|with\b|in\b)[a-z]+ )?(?:company|group|team|firm|business|organisation|organization|practice|hotel|hospital|"
    r"agency|studio|consultancy|startup))?",
    re.I,
)
# In es/fr/de/pt a count is the number and its noun ("12 agences", "18 Standorte").
_FOREIGN_VOLUME = re.compile(
    r"(?<![\w$£€/])\d[\d.,]*\+?\s+(?!(?:und|y|et|e|de|da|do|du|des|por|par|pour|para|pro|en|em|"
    r"días|dias|jours|tage|semanas|semaines|wochen|meses|mois|monate|años|anos|ans|jahre|"
    r"horas|heures|stunden|euros?|eur)\b)[^\W\d_]{3,}"
    # a point of sale is two words: "3 punti vendita", "4 puntos de venta", "2 points de vente"
    r"(?: (?:di |de )?(?:vendita|venta|venda|vente)\b)?"
    # and its rate, said whole: "300 pedidos por mês", "40 demandes par semaine", "200 pro Monat"
    r"(?: (?:por|al|par|pro|im|a|each|per) (?:m[êe]s|mes|mois|monat|semana|semaine|woche|d[íi]a|dia|jour|tag|"
    r"a[ñn]o|ano|an|jahr)\b)?",
    re.I,
)
# A pain phrase ends where the sentence turns to what they want next.
_CLAUSE_END = re.compile(
    r"[.,;:!?\n(]| and (?:we |i )?(?:want|need|would|are|plan|hope|looking)\b| but | so ", re.I
)
_GERUND = {
    "lose": "losing",
    "loses": "losing",
    "losing": "losing",
    "leak": "leaking",
    "leaks": "leaking",
    "leaking": "leaking",
    "replace": "replacing",
    "replacing": "replacing",
    "struggle": "struggling",
    "struggling": "struggling",
    "drowning": "drowning",
}
_YOUR = {
    "our": "your",
    "we": "you",
    "us": "you",
    "my": "your",
    "i": "you",
    "ourselves": "yourselves",
}


# What a buyer's security or compliance review needs ("SOC2 details and SSO before we can go
# further", "Hosting in der EU"): said back in their spelling, so a specialist covers it
_NEEDS = re.compile(
    r"(?<![\w-])(?:SOC ?2(?: Type (?:II|I|2|1))?|SSO|SAML|single sign-on|GDPR|DSGVO|RGPD|LGPD|"
    r"HIPAA|ISO ?27001|data residency|(?:EU|UK) hosting|hosting in (?:the )?(?:EU|UK)|"
    r"Hosting in der EU|alojamiento en la UE|h[ée]bergement (?:en|dans l')(?:UE|Europe)|"
    r"audit logs?|2FA|two-factor(?: authentication)?|WCAG(?: ?\d(?:\.\d)?)?)(?!\w)",
    re.I,
)
# a tool it must work with: "integrating with Salesforce", "sync with HubSpot"
_WITH_TOOL = re.compile(
    r"\b(?:integrat\w* (?:it )?(?:with|into)|connect\w* (?:it )?(?:to|with)|sync\w* (?:it )?with) "
    r"(Salesforce|HubSpot|Pipedrive|Zoho(?: CRM)?|Dynamics(?: 365)?|Marketo|Mailchimp|Slack|"
    r"Zapier|Microsoft Teams|SAP|Workday)\b",
    re.I,
)


@dataclass
class Noted:
    volumes: list[str] = field(default_factory=list)
    timing: list[str] = field(default_factory=list)
    pain: str = ""
    question: str = ""
    needs: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.volumes or self.timing or self.pain or self.question or self.needs)


# "Can we speak on Friday?" says when to talk, not when the project is due
_TALK = re.compile(r"\b(?:talk|speak|chat|call|meet|catch up)\b", re.I)


def timings(message: str, pattern: re.Pattern = TIMING) -> list[re.Match]:
    """The times a message names, the project's first: a time to talk ("can we talk this
    week?") counts only when the message names no other."""
    found = list(pattern.finditer(message))

    def sentence(m: re.Match) -> str:
        start = max(message.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (message.find(c, m.end()) for c in ".!?\n") if i >= 0]
        return message[start : min(ends, default=len(message))]

    project = [m for m in found if not _TALK.search(sentence(m))]
    return project or found


def noted(message: str) -> Noted:
    """The volumes, timing and pain point of a message, each a whole phrase in its words."""
    message = message or ""
    out = Noted()
    taken: list[tuple[int, int]] = []

    def free(m) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    other = foreign(message) or dutch_or_italian(message)
    for m in timings(message, FOREIGN_TIMING if other else TIMING):
        if free(m) and len(out.timing) < 2:
            out.timing.append(m.group(0))
            taken.append(m.span())
    volume = _FOREIGN_VOLUME if other else VOLUME
    for m in volume.finditer(without_track_record(message)):
        counted = re.match(r"\D*(\d[\d,.]*)", m.group(0))
        if counted and any(counted[1] in v for v in out.volumes):
            continue  # "14 clinics … for 14 sites": one count said twice
        if free(m) and len(out.volumes) < 3:
            phrase = m.group(0).strip()
            phrase = phrase[0].lower() + phrase[1:]  # "About 800 leads" mid-sentence
            out.volumes.append(f"a {phrase}" if re.match(r"\d[\d,]*-(?!\d)", phrase) else phrase)
            taken.append(m.span())
    out.pain = _pain(message) or foreign_pain(message, message_language(message))
    if out.pain:  # a count or a time the pain sentence already says is not said twice
        out.volumes = [v for v in out.volumes if v not in out.pain]
        out.timing = [t for t in out.timing if _to_you(t) not in out.pain]
    out.question = asked(message)
    needs = [m.group(0) for m in _NEEDS.finditer(message) if free(m)]
    needs += [m.group(1) for m in _WITH_TOOL.finditer(message) if free(m)]
    out.needs = [n for n in dict.fromkeys(needs) if n not in out.question][:3]
    return out


_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*\?")  # "5.000 envíos?" is one
_ASKS_FROM = re.compile(
    r"(?:^|,\s+|\s-\s+)(?=(?:¿|what|how|which|is|are|can|could|do|does|will|would|when|was|wie|"
    r"welche[rsn]?|gibt|kann|qu[eé]|cu[aá]nto|c[oó]mo|puedo|hay|combien|quel(?:le)?s?|est-ce|"
    r"quanto|qual|como|posso|h[aá]|quant[ie]|quale|quali|come|cosa|potete|possiamo|"
    r"wat|hoe|hoeveel|welke|wanneer|kunnen|kunt|kan)\b)",
    re.I,
)
# A request for a call or a demo is answered by the reply itself, not quoted back.
_MEETING = re.compile(
    r"\b(?:demo|call|meeting|chat|talk|speak|termin|gespr[aä]ch|anrufen|r[uü]ckruf|sprechen|"
    r"llamad\w*|llamar\w*|hablar|reuni[oó]n|appel\w*|rappel\w*|parler|rendez-vous|chamada|"
    r"ligar|ligue\w*|falar|reuni[aã]o|chiamata|telefonata|sentirci|parlare|incontro|appuntamento|"
    r"bellen|terugbellen|gesprek|afspraak|spreken|kennismak\w*)\b",
    re.I,
)


def asked(message: str) -> str:
    """The person's own question, whole ("what's the cheapest option?"), so a reply can say
    it was heard; "" when there is none worth quoting (a greeting, a request for a call, a
    question too short to say anything or too long to quote)."""
    for m in _SENTENCE.finditer(message or ""):
        sentence = m.group(0).strip()
        starts = [s.end() for s in _ASKS_FROM.finditer(sentence)]
        question = sentence[starts[-1] :] if starts else sentence
        question = re.sub(
            r"^(?:hi|hey|hello|hallo|hola|bonjour|ol[aá]|buongiorno|salve|ciao|goedemorgen|"
            r"goedemiddag|goedendag|hoi)\b[\s,!]*",
            "",
            question,
            flags=re.I,
        )
        if len(question.split()) >= 4 and len(question) <= 120 and not _MEETING.search(question):
            return question
    return ""


def volume_phrase(message: str) -> str:
    """The first count of the message in its own words ("14 intake forms", "18 Standorte")."""
    other = foreign(message) or dutch_or_italian(message)
    m = (_FOREIGN_VOLUME if other else VOLUME).search(message or "")
    return m.group(0) if m else ""


def _pain(message: str) -> str:
    """ "losing bookings between the phone line and the website": the clause from the pain
    verb to where the sentence turns, in the second person; "" when it is no clause."""
    m = PAIN_RE.search(message)
    if not m or foreign(message):
        return ""
    first = m.group(0).lower()
    if first.startswith("consolidat"):
        verb = "consolidating"
    else:
        verb = _GERUND.get(first)
    if not verb:
        return ""
    rest = message[m.end() :]
    end = _CLAUSE_END.search(rest)
    rest = rest[: end.start()] if end else rest
    words = rest.split()
    if len(words) > 16:  # too long to say back whole: never cut a clause in the middle
        return ""
    if not words or len(words) < 2 and len(rest) > 60:
        return ""
    return f"{verb} {_to_you(' '.join(words))}"


def _to_you(text: str) -> str:
    """Their words said back to them: "before our busy season" → "before your busy season"."""
    return " ".join(_YOUR.get(w.lower(), w) for w in text.split())


def echo(noted_: Noted, given: list[str], lang: str = "en", quote: bool = False) -> str:
    """ "You mentioned a company size of 201-1000 and 14 intake forms, and your timeline (by 15
    March). You told us you are losing …" — what they gave, then what their message said.
    ``quote``: the message is in another language than the reply (an Italian lead answered in
    English), so its words are said back as quotes ("“8 siti web”", "“entro marzo”")."""
    mark = (lambda text: f"“{text}”") if quote else (lambda text: text)
    facts = [*given, *map(mark, noted_.volumes)]
    timing = _join([mark(t) for t in noted_.timing], say("and", lang))
    sentences = []
    if facts or timing:
        said = _join(facts, say("and", lang))
        if timing:
            joint = ("," if len(facts) > 1 else "") + say("and", lang) if facts else ""
            said += joint + say("timeline", lang, v=timing)
        sentences.append(say("mentioned", lang, facts=said))
    if noted_.pain:
        sentences.append(say("pain", lang, v=noted_.pain))
    if noted_.question:
        sentences.append(say("asked", lang, q=noted_.question))
    if noted_.needs:
        sentences.append(say("needs", lang, v=_join(noted_.needs, say("and", lang))))
    return " ".join(sentences)


def _join(items: list[str], conjunction: str = " and ") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conjunction + items[-1]
