"""Options a description lists after a verb phrase or after a reason, a type or a category
("… and choose the topics you care about: recipes, events, discounts", "pick what you'd
like: tours, tastings", "reason for return: faulty, too small", "type of enquiry: sales,
support", "cochez ce qui vous intéresse : …", "motivo: …", "Art der Anfrage: …").

Read as they stand, the colon opens a new list: every answer became a text field of its
own and the phrase before it one more ("Choose", "Reason"). ``options_after_leads``
rewrites each such run, before the description is translated or read, into the shape the
list reader already knows — one item with its answers in brackets: "topics you care
about (multi-select: recipes, events, discounts)", "reason for return (faulty, too
small)". A verb phrase becomes the question it asks ("pick what you'd like" → "what would
you like"); several answers may be ticked unless the wording says one ("pick one meal
option", "which one", "choisissez une formule"). Answers stop where a field begins again
("…, wrong order, details": "details" is a field), and a run whose first answers are
fields themselves ("choose how we reach you: email, phone") is left alone.
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for

# ":" (not in "10:30" or "https://") or a spaced dash opens the answers
OPENER = re.compile(r"(?<![\d/])\s*:(?![\d/])\s*|\s[-–—]\s+")
# where the answers end: the sentence, a bracket, another colon or dash
ANSWERS_END = re.compile(r"[.;!?\n)(]|\s[-–—]\s|:")
# the phrase before the colon starts after the last list separator
LEAD_START = re.compile(r".*(?:[,;.!?(\n]|\s[-–—]\s)", re.S)
CONNECTOR = re.compile(
    r"^(?:(?:and|then|also|plus|just|finally|lastly|y|luego|et|puis|und|dann|e|depois)\s+)+", re.I
)
# a conjunction inside the lead: "your name, your email and select all that …"
LEAD_JOIN = re.compile(r".*\s(?:and|y|et|und|e)\s+(?=\S)", re.I | re.S)
JOIN = {
    None: r"and|or",
    "es": r"y|e|o|u",
    "fr": r"et|ou",
    "de": r"und|oder",
    "pt": r"e|ou",
}

# A reason, a cause, a type, a category or a topic named before its answers
REASON = re.compile(
    r"^(?:(?:the|your|their|main|primary)\s+)*(?:"
    r"reasons?|cause|why)\b.{0,50}$|"
    r"^(?:(?:the|your|their)\s+)*(?:type|kind|category|nature|topic|subject|area)\s+of\s+"
    r"(?:the\s+|your\s+)?[\w-]+(?:\s+[\w-]+)?$|"
    r"^(?:(?:the|your|their)\s+)*(?:[\w-]+\s+)?(?:type|category|topic|priority|urgency|level|plan|"
    r"package|tier)$|"
    # es / fr / de / pt, as the marketer wrote them
    r"^(?:(?:el|la|le|der|die|o|a|su|votre)\s+)?(?:motivos?|raz[oó]n|raison|motif|grund|causa|"
    r"k[üu]ndigungsgrund|r[üu]ckgabegrund|r[üu]cksendegrund)\b.{0,40}$|"
    r"^(?:por\s*qu[eé]|pourquoi|warum|porqu[eê]|por\s+que)\b.{0,50}$|"
    r"^(?:tipo|type|categor[ií]a|cat[ée]gorie|categoria)\s+d[eao]s?\s+[\w-]+$|"
    r"^(?:art|kategorie)\s+(?:der|des|ihrer|ihres)\s+[\w-]+$|"
    r"^(?:categor[ií]a|cat[ée]gorie|kategorie|categoria|tema|th[èe]me|thema|sujet|asunto|assunto|"
    r"prioridad|priorit[ée]|priorit[äa]t|prioridade|dringlichkeit|urgencia|urgence|urg[êe]ncia)$",
    re.I,
)
# A verb asking the visitor to choose, then what they choose ("choose the topics you care
# about", "let them pick what they'd like", "cochez ce qui vous intéresse")
VERB = re.compile(
    r"^(?:please\s+)?(?:(?:let|have|ask)\s+(?:them|people|visitors|customers|guests|users|"
    r"members|clients|parents|attendees|the\s+\w+)\s+)?"
    r"(?P<verb>choose|pick|select|tick|check|mark|"
    r"cochez|choisissez|s[ée]lectionnez|choisir|cocher|"
    r"marque|marquen|elija|elijan|seleccione|selecciona|escoja|elige|marca|"
    r"w[äa]hlen\s+sie|w[äa]hle|kreuzen\s+sie|ausw[äa]hlen|"
    r"escolha|selecione|assinale)\s+(?P<rest>.+)$",
    re.I,
)
# A verb asking to say which: only before "which" / "what" ("let us know which apply")
SAY = re.compile(
    r"^(?:please\s+)?(?:let\s+us\s+know|tell\s+us|say|indicate|indiquez|indique|ind[ií]quenos)"
    r"\s+(?P<rest>(?:which|what|ce\s+qui|ce\s+que|lo\s+que|o\s+que|qu[eé]|cu[aá]l(?:es)?|quels?|"
    r"quelles?|welche)\b.+)$",
    re.I,
)
QUESTION = re.compile(r"^(?:which|what)\b.+$", re.I)
# "what you will get: a guide, tips", "what we need: …": what the form offers or we ask
OURS = re.compile(r"\b(?:we|us|our|i|get|gets|receive|happens|included|includes)\b", re.I)
# the chooser's words that make a list of answers no choice of one
ONE = re.compile(r"^(?:one|a|an|une?|una?|uno|um|uma|eine?n?|which\s+one)\b|\bone\b", re.I)
ARTICLE = re.compile(
    r"^(?:(?:the|your|their|a|an|one|all|any|all\s+of|any\s+of|each|le|la|les|l'|une?|vos|votre|"
    r"el|los|las|una?|sus?|der|die|das|den|ihre?n?|eine?n?|o|os|as|um|uma|seus?|suas?)\s+)+",
    re.I,
)
# a plural head noun ("topics", "sessions", "actividades", "Themen"): several answers
PLURAL = re.compile(r"^[\w'-]*(?:[^s's]s|en)$", re.I)
# "you'd like" → "would you like": the verb phrase as the question it asks
_INVERT = [
    (r"^(what|which)(?:\s+ones?)?\s+(?:you|they)(?:'d|’d|\s+would)\s+", r"\1 would you "),
    (r"^(what|which)(?:\s+ones?)?\s+(?:you|they)(?:'re|’re|\s+are)\s+", r"\1 are you "),
    (r"^(what|which)(?:\s+ones?)?\s+(?:you|they)\s+(want|need|prefer|like)\b", r"\1 do you \2"),
    (r"^(what|which)(?:\s+ones?)?\s+(?:interests?|interest)\s+(?:you|them)\b", r"\1 interests you"),
    (
        r"^(what|which)(?:\s+ones?)?\s+(?:apply|applies)\b(?:\s+to\s+(?:you|them))?",
        r"which apply to you",
    ),
    (r"^(what|which)\b", r"\1"),
]
# "all that interest you", "the ones you'd like to hear about": what is asked, as "what"
_ANY_THAT = re.compile(
    r"^(?:(?:all|any)\s+(?:that|which)|(?:those|the\s+ones|ones|anything|everything)"
    r"(?:\s+(?:that|which))?|whichever|whatever|"
    r"(?:all|any)\s+of\s+(?:the\s+)?(?:ones|these|those)(?:\s+(?:that|which))?)\s+",
    re.I,
)
# an answer that is a field of its own: the answers stopped before it
FIELD_AFTER = re.compile(
    r"^(?:and\s+)?(?:your\s+|their\s+|any\s+|a\s+|the\s+)?(?:"
    r"details?|description|message|comments?|notes?|anything\s+else|other\s+comments|"
    r"describe|tell\s+us|explain|upload|attach|photos?|pictures?|"
    r"mensaje|mensagem|nachricht|commentaires?|comentarios?|coment[aá]rios?|kommentare?|"
    r"bemerkungen|anmerkungen|beschreibung|descripci[oó]n|descri[çc][ãa]o|d[ée]tails?|"
    r"detalles|detalhes|pr[ée]cisions)\b",
    re.I,
)


def options_after_leads(text: str, lang: str | None = None) -> str:
    """``text`` with each "lead: A, B, C" run as "phrase (A, B, C)" (see the module doc)."""
    out, at = [], 0
    for match in OPENER.finditer(text):
        if match.start() < at:
            continue
        found = _read(text, at, match, lang)
        if found is None:
            continue
        start, end, replacement = found
        out += [text[at:start], replacement]
        at = end
    return "".join(out) + text[at:] if out else text


def _read(text: str, at: int, match: re.Match, lang: str | None):
    before = text[at : match.start()]
    cut = LEAD_START.match(before)
    lead_at = at + (cut.end() if cut else 0)
    lead = text[lead_at : match.start()]
    joined = LEAD_JOIN.match(lead)
    if joined:
        lead_at += joined.end()
        lead = lead[joined.end() :]
    stripped = lead.lstrip()
    connector = CONNECTOR.match(stripped)
    lead_at += len(lead) - len(stripped) + (connector.end() if connector else 0)
    lead = text[lead_at : match.start()].strip()
    if not lead or len(lead.split()) > 9:
        return None
    phrase, several = _phrase(lead)
    if phrase is None:
        return None
    stop = ANSWERS_END.search(text, match.end())
    end = stop.start() if stop else len(text)
    if stop and stop.group(0) == ":":
        # "priority: low, medium, high, issue category: …": the next lead is no answer
        comma = text.rfind(",", match.end(), end)
        if comma < 0:
            return None
        end = comma
    answers, rest_at = _answers(text, match.end(), end, lang)
    if len(answers) < 2:
        return None
    inner = ", ".join(answers)
    replacement = f"{phrase} ({'multi-select: ' if several else ''}{inner})"
    while rest_at < end and text[rest_at].isspace():
        rest_at += 1
    if rest_at < end:  # "…, wrong order, details": the list goes on after the answers
        replacement += ", "
        return lead_at, rest_at, replacement
    return lead_at, end, replacement


def _phrase(lead: str) -> tuple[str | None, bool]:
    """(the item's phrase, several answers may be ticked), or (None, False): no chooser."""
    if REASON.match(lead):
        return lead, False
    verb = VERB.match(lead) or SAY.match(lead)
    rest = verb.group("rest").strip() if verb else None
    if rest is None and QUESTION.match(lead) and len(lead.split()) <= 7 and not OURS.search(lead):
        rest = lead  # "which one would you like: …", "what would you like: …"
    if not rest or re.fullmatch(r"(?:us|them|from|below|these|the following|one)", rest, re.I):
        return None, False
    one = bool(ONE.search(rest))
    asked = _ANY_THAT.sub("what ", rest, count=1)
    if QUESTION.match(asked):
        for pattern, said in _INVERT:
            question, n = re.subn(pattern, said, asked, count=1, flags=re.I)
            if n:
                return question.rstrip("?"), not one and _several_asked(asked)
    noun = ARTICLE.sub("", rest).strip()
    if not noun:
        return None, False
    words = noun.split()
    clause = next(
        (
            i
            for i, w in enumerate(words)
            if re.fullmatch(r"you|they|that|which|que|qui|die", w, re.I)
        ),
        len(words),
    )
    head = words[max(clause - 1, 0)]
    what = re.match(r"(?:ce\s+qu[ei]|lo\s+que|o\s+que|was)\b", noun, re.I)
    several = not one and (bool(what) or bool(PLURAL.match(head)))
    return noun, several


# words after "what" / "which" that are no noun of what is chosen
_NO_NOUN = re.compile(
    r"(?:you|they|you'd|you’d|they'd|they’d|you're|you’re|they're|they’re|would|do|does|did|are|is|was|were|can|could|should|will|needs?|"
    r"interests?|apply|applies|ones?|of)$",
    re.I,
)
# what one may want several of: "what would you like", "what needs doing", "which apply"
_WANTED = re.compile(
    r"\b(?:like|want|need|needs|interest|interests|interested|apply|applies|bring|hear|"
    r"doing|prefer)\b",
    re.I,
)


def _several_asked(asked: str) -> bool:
    """ "which packages interest you", "what would you like": several; "which role are you
    applying for", "what brought you in today": one."""
    word = re.match(r"(?:what|which)\s+(?:kinds?\s+of\s+|types?\s+of\s+)?([\w'-]+)", asked, re.I)
    if word and not _NO_NOUN.match(word.group(1)):
        return bool(PLURAL.match(word.group(1)))
    return bool(_WANTED.search(asked))


def _answers(text: str, start: int, end: int, lang: str | None) -> tuple[list[str], int]:
    """The answers between ``start`` and ``end`` and where the list of fields goes on."""
    pieces = []
    for m in re.finditer(r"[^,]+", text[start:end]):
        pieces.append((start + m.start(), m.group(0)))
    if not pieces:
        return [], end
    last_at, last = pieces[-1]
    split = re.split(rf"\s+(?:{JOIN[lang]})\s+", last.strip(), flags=re.I)
    if len(pieces) >= 2 and len(split) == 2:  # "…, events and discounts"
        pieces[-1:] = [(last_at, split[0]), (last_at + last.rfind(split[1]), split[1])]
    answers = []
    for at, piece in pieces:
        word = piece.strip()
        bare = CONNECTOR.sub("", word)  # "…, plus name and email": a field again
        if not bare:
            continue
        head = re.split(rf"\s+(?:{JOIN[lang]})\s+", bare, flags=re.I)[
            0
        ]  # "preferred date and time"
        if FIELD_AFTER.match(bare) or concept_for(bare) or (head != bare and concept_for(head)):
            if len(answers) < 2:
                return [], end
            return answers, at + len(piece) - len(piece.lstrip())
        if len(word.split()) > 6 or len(word) > 60:
            return [], end
        answers.append(word)
    return answers, end
