"""Yes/no questions written as a bare item of a list (issue 20).

Marketers list yes/no questions as short notes, not as sentences: "pets?", "first
visit?", "remote ok?", "own the home?", "lift in the building?", "parking needed",
"scaffolding required", "already a customer". Each is a Yes/No choice, not a text box.

A question mark on a phrase that names a value ("budget?", "dog's breed?", "number of
guests?", "special requests?", "allergies?") keeps the value's field: the mark says
"ask this", not "yes or no". "any X" stays as the field reader makes it (a need to
describe), and so do wh-questions and choices ("A or B?").
"""

from __future__ import annotations

import re

# Words that start a question to describe, or a choice, never a yes/no note
_OPEN = re.compile(
    r"^(?:what|why|how|when|where|which|who|whom|whose|any|anything|something|whether|if|"
    r"please|describe|tell|list|name|enter|upload|attach|preferred|favou?rite|ideal|desired|"
    r"expected|approximate|estimated|current|main|best|typical|average|total)\b|"
    r"\s(?:or|and)\s|/|"
    r"\s(?:which|what|whose|where|how many|how much)\b",  # "currently using which roaster?"
    re.I,
)
# A predicate after its subject: "parking needed", "remote ok", "cover arranged"
_PREDICATE = re.compile(
    r"^(?P<subject>(?:[\w'-]+ ){0,3}?[\w'-]+) (?P<word>needed|required|wanted|ok|okay|allowed|"
    r"arranged|included|accepted|provided|booked|insured|vaccinated|neutered|chipped|"
    r"microchipped|installed|attached|connected|permitted|welcome|checked|approved|signed|"
    r"completed|confirmed|verified|registered|trained|certified|licensed|qualified|paid|"
    r"damaged|broken|fenced|furnished|enclosed|serviced|fitted|working|done|aware)$",
    re.I,
)
# "already a customer", "already registered", "currently insured"
_ALREADY = re.compile(
    r"^(?:already|currently|previously|ever) (?:an? )?[\w'-]+(?: [\w'-]+)?$", re.I
)
# A verb or a preposition that makes the note a state to confirm: "own the home?",
# "on medication?", "bringing a guest?", "need a meeting room?"
_STATE = re.compile(
    r"^(?:own|owns|have|has|need|needs|want|wants|use|uses|using|bring|bringing|attending|"
    r"coming|staying|joining|travell?ing|driving|renting|smoking|on|in|at|with|under|over|"
    r"currently|already|first|ever|still|been|tried|able|happy|willing|ok|okay)\b",
    re.I,
)
# Nouns of things to list or describe: "special requests?", "equipment needed" ask
# which ones, not whether.
_LISTED = re.compile(
    r"\b(?:requests?|notes?|comments?|questions?|ideas?|suggestions?|concerns?|goals?|plans?|"
    r"needs|requirements?|preferences?|interests?|hobbies|skills?|topics?|equipment|"
    r"materials?|supplies|items?|tools?|parts?|services?|documents?|documentation|information|"
    r"info|help|support|software|hardware|products?|furniture|kit|gear|stuff|things?|"
    r"changes?|repairs?|work|features?|modules?|spaces?|staff|people|hours|days|languages?|"
    r"sizes?|colou?rs?|quantity|quantities|amount|details|reasons?|expectations?|spaces|"
    r"rooms|seats|tickets|places|spots|methods?|means|channels?|ways?|options?|choices?)$",
    re.I,
)


# "any accidents in the last 5 years?", "any claims in the past three years?", "any
# convictions within the last 12 months?": asked of a span of time, "any X" asks whether.
_ANY_SINCE = re.compile(
    r"^(?!how\b|number\b|no\.?\s)(?:(?:any|ever had any|have you had any)\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+\s+(?:in|within|during|over)\s+"
    r"(?:the\s+)?(?:last|past|previous)\s+(?:\d+|\w+\s+)?\s*(?:years?|months?|weeks?|days?)$",
    re.I,
)


# "flow rate required", "power output needed": the amount a measure must reach, not whether
MEASURE = re.compile(
    r"(?:rate|flow|output|power|capacity|voltage|wattage|amperage|pressure|load|speed|"
    r"temperature|volume|weight|size|length|width|height|depth|area|range|resolution|"
    r"throughput|bandwidth|storage|torque|tolerance|dimensions|coverage)$",
    re.I,
)
# "pages needed", "copies required": a plural counted, how many (a question mark asks whether)
_COUNTED = re.compile(r"[a-z]{2,}[^su's]s$", re.I)
# "any pets joining?", "any kids under 5 coming": whether someone takes part, not which ones
_ANY_JOINING = re.compile(
    r"^any\s+(?P<who>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+[a-z]{3,}ing$",
    re.I,
)
# "bringing kids?", "coming with children?": whether they come along; how many is a follow-up
_ALONG = re.compile(
    r"^(?:(?:are you|will you be)\s+)?(?:bringing|(?:coming|travell?ing|arriving) with)\s+"
    r"(?:any\s+|your\s+)?[\w'-]+$",
    re.I,
)
_TOPIC = re.compile(r"\b(?:with|about|for|of|in|on|regarding|to|from|\w+ing)\b", re.I)
# A verb before a thing asks whether the visitor has, needs or uses it, whatever the thing
# ("needs a phone?", "own a car?", "still use your university email?"); the thing alone asks
# for it ("phone number?", "your phone?", "website?")
_HAS_THING = re.compile(
    r"^(?:(?:still|already|currently|ever|also)\s+)?(?:own|owns|have|has|had|got|need|needs|"
    r"want|wants|use|uses|using|bring|bringing|get|getting)\s+(?:an?|the|your|their|any|some)?\b",
    re.I,
)
# An occasion asked alone is whether it is one ("birthday? we'll bring a cake", "anyone's
# anniversary?"); someone's own ("child's birthday") is a date
_OCCASION = re.compile(
    r"^(?:(?:is it|it's|anyone's|anybody's|someone's|somebody's)\s+)?(?:an?\s+)?"
    r"(?:birthday|anniversary|special occasion|celebration)$",
    re.I,
)


def yes_no_item(text: str, asked: bool, names_value) -> dict | None:
    """{phrase, label} when ``text`` (one list item, brackets removed) is a yes/no note;
    ``asked``: it was written with a question mark; ``names_value(phrase, loosely=True)``:
    whether a phrase names a value the field reader types (a catalogue field, a date, a
    number…; loosely: also any phrase ending in a field noun)."""
    t = re.sub(r"\s+", " ", text.strip(" ¿¡?.!\"'“”")).strip()
    t = re.sub(r"^(?:the|their|your|his|her|its)\s+", "", t, flags=re.I)
    words = t.split()
    if asked and _ANY_SINCE.match(t):  # "any claims in the last 5 years?": whether, not how many
        return _question(t.lower(), t)
    if asked and _ALONG.match(t):
        return _question(t.lower(), t)
    joining = _ANY_JOINING.match(t)
    if joining and not _TOPIC.search(joining["who"]):
        return _question(t.lower(), t)
    if not 1 <= len(words) <= 6 or _OPEN.search(t):
        return None
    if asked and (_HAS_THING.match(t) or _OCCASION.match(t)):
        return _question(t.lower(), t)
    low = t.lower()
    predicate = _PREDICATE.match(t)
    if predicate:
        subject = predicate["subject"]
        # "phone needed" asks for the phone; "meeting space needed?" asks whether
        # "type of scaffold needed": which one, never whether
        which = re.match(
            r"(?:type|kind|sort|size|amount|length|brand|make|style)s? of\s", subject, re.I
        )
        head = subject.split()[-1]
        if (
            which
            or MEASURE.match(head)
            or (_COUNTED.match(head) and not asked)
            or names_value(subject.lower(), loosely=not asked)
            or (_LISTED.search(subject) and not asked)
        ):
            return None
        return _question(low, t)
    if _ALREADY.match(t):
        return _question(low, t)
    if asked and re.match(r"interested in\s", t, re.I):  # "interested in the course?"
        return _question(low, t)
    if not asked or re.match(r"(?:a|an)\s", t, re.I):
        return None  # "… ask for a cloud migration assessment?": a thing, not a yes/no
    if _STATE.match(t) and not names_value(low, loosely=False):  # not "first name?"
        return _question(low, t)
    # "exam this year?": when it is asked about is no value to type
    bare = re.sub(
        r"\s+(?:(?:this|next|last) (?:year|month|week|term|season)|today|tomorrow)$", "", low
    )
    # "landlord property?", "rental home?": what kind of place it is, not its address
    kind_of_place = re.search(r"\w+ (?:property|home|house|flat|apartment|building)$", bare)
    if _LISTED.search(t) or names_value(bare, loosely=not kind_of_place):
        return None
    return _question(low, t)


# "first time buyer", "first-time car owner": a kind of person, said as a noun phrase; not
# "first time here", "first time doing yoga", "first time at the club" (a question's words)
_FIRST_TIME_NOUN = re.compile(
    r"^first[- ]time\s+(?P<noun>(?!(?:here|there|with|at|in|on|to|for|using|as|we|you|this|"
    r"that|ever|back)\b)(?![\w'-]+ing\b)[\w'-]+(?:\s+[\w'-]+){0,2})$",
    re.I,
)


_DONE = re.compile(r"\s(?:given|done|taken|made|seen|received|\w+ed)$", re.I)


def _question(phrase: str, text: str) -> dict:
    label = re.sub(r"\b(?:ok|okay)\b", "OK", text, flags=re.I)
    noun = _FIRST_TIME_NOUN.match(label)
    if noun:  # "first time buyer?" names who they are: "First-time buyer?", not "Is this your…"
        label = "First-time " + noun["noun"]
    elif re.match(r"first\s", label, re.I) and not _DONE.search(label):
        # "first visit?" asks whether this is the first; "first aid given?" whether it was done
        label = "Is this your " + label[:1].lower() + label[1:]
    return {"phrase": phrase, "label": label[:1].upper() + label[1:] + "?"}
