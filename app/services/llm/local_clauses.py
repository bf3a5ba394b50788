"""List items written as clauses or questions, turned into clean fields (issue 20).

Marketers name fields as nouns ("postcode"), but just as often as clauses:
"ask whether they have a water line", "is it urgent", "the regions they
serve", "a good time for the technician to come", "was it stolen or damaged".
``split_items`` cuts a list on commas, semicolons, "and", "&" — never
inside brackets or inside an "A, B or C" choice — and ``clause_item`` reads the
grammar of one item: a yes/no question (aux + subject, "whether/if …") becomes
a Yes/No choice labelled by its predicate ("Urgent?", "Has a water line?"); an
"A or B" predicate becomes a choice with those options; "which X they …" and
"the X they …" keep the noun ("Route", "Regions served"); a purpose tail ("for
the technician to come") is dropped. Nothing here knows an industry's words.
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for
from app.services.llm.local_either_or import keep_either_or
from app.services.llm.local_item_asked import keep_asked_and
from app.services.llm.local_item_pairs import expand
from app.services.llm.local_kept_items import time_clause
from app.services.llm.local_lead_options import join_lead_options
from app.services.llm.local_own_labels import best_time
from app.services.llm.local_standalone_answers import hyphened
from app.services.llm.local_visitor_voice import to_visitor
from app.services.llm.local_whether_and import keep_whether_and, thing_needs
from app.services.llm.local_whether_question import whether_question
from app.services.llm.local_whole_items import keep_told_and

# A choice lead right before "A, B or C" keeps the group together as options.
# "whether you're a landlord, tenant or agent" / "are you buying, selling or renting" too.
_CHOICE_LEAD = r"(?:prefer|prefers|choose|pick|between|want|wants|like|either|which|type|kind)"
_OPTION = r"[\w'-]+(?: [\w'-]+){0,2}"
# a question's options are short ("is it on a trailer, indoor or outdoor storage" is two items)
# "¿está dañado, roto o incompleto?", "est-il abîmé, volé ou perdu", "ist es beschädigt, …":
# the same question, left as said by the glossary
_STATE_ABROAD = (
    r"(?:est[aá]|estaba|fue|foi|estava|est-(?:il|elle)|[ée]tait-(?:il|elle)|ist (?:es|er|sie)|"
    r"war (?:es|er|sie))"
)
# "is it damaged, stolen or missing", "was the parcel late, damaged or lost": one question, its
# answers (a state of a thing, never a field noun: "is it urgent, phone or email" is three items)
_ASKED = (
    r"(?:(?:whether|if) (?:you|they|he|she)(?:'re| are)(?: an?)?|are (?:you|they)(?: an?)?|"
    rf"(?:is|was|are|were) (?:it|they|(?:the|your|their) [\w-]+)|{_STATE_ABROAD})"
)
_SHORT = r"[\w'-]+(?: [\w'-]+)?"
OPTION_GROUP = re.compile(
    rf"(\b{_CHOICE_LEAD}\s+)((?:{_OPTION}, )+{_OPTION},? or {_OPTION})|"
    rf"(\b{_ASKED}\s+)((?:{_SHORT}, )+{_SHORT},? or {_SHORT})(?=\s*(?:[,;.?]|$))",
    re.I,
)
_SEP = re.compile(r"\s*;\s*|\s*,\s*|\s+(?:and|as well as|&)\s+|\s\+\s", re.I)
_GUARD = "\u0001"  # stands in for a comma inside a protected choice group


# "pick-up and return dates" names two dates: the plural head belongs to each.
SHARED_PLURAL = re.compile(  # not "number of pupils and preferred dates"
    r"(?<!\bof )(?<!\bfor )\b((?!(?:the|their|your|and|or|names?|e-?mails?|phones?|dates?|times?)\b)[\w-]+) and ((?!(?:the|their|your)\b)[\w-]+) (date|time|postcode|address)(?:e?s)\b",
    re.I,
)


# "bride and groom names", "mum and dad's names": two people's names asked in one field (not
# "first and last names", two parts of one name)
_NOT_PERSON = (
    r"(?:first|last|given|family|middle|maiden|full|user|display|company|business|brand|product|"
    r"team|pet|street|file|domain|trading|legal|and|or|the|their|your)"
)
TWO_NAMES = re.compile(
    rf"\b((?!{_NOT_PERSON}\b)[\w-]+) and ((?!{_NOT_PERSON}\b)[\w-]+(?:'s|s')? names)\b", re.I
)
_AND = "\u0002"  # stands in for the "and" inside two people's names
# "first and last names": the two parts, each a field
FIRST_LAST = re.compile(r"\bfirst and (last|sur|family) names?\b", re.I)
# "emergency contact name and number", "GP name and address": both are the contact's
_HEAD_WORD = (
    r"(?!(?:your|their|his|her|my|our|the|a|an|full|first|last|and|just|so|only|also|with|plus|"
    r"or|then|both|optional|required|name|is|are|ask|for)\b)[a-z][\w'-]*"
)
HEAD_NAME_AND = re.compile(
    rf"(?<![\w'-])({_HEAD_WORD}(?: {_HEAD_WORD}){{0,2}}) name (?:and|&) "
    r"(phone number|phone|mobile|number|email address|email|address)\b",
    re.I,
)


# "min and max price" names two prices
MIN_MAX = re.compile(
    r"\b(min(?:imum)?|max(?:imum)?) and (min(?:imum)?|max(?:imum)?) ([\w-]+)", re.I
)


def split_items(segment: str) -> list[str]:
    """The items of a list, brackets and "A, B or C" choices kept whole."""
    segment = re.sub(r"[ \t]+", " ", segment)  # the glossary's "roto  or  incompleto"
    segment = expand(segment)  # "start and end time", "rate A, B and C (1-5)"
    segment = SHARED_PLURAL.sub(r"\1 \3, \2 \3", segment)
    segment = MIN_MAX.sub(r"\1 \3, \2 \3", segment)
    segment = FIRST_LAST.sub(r"first name, \1 name", segment)
    segment = HEAD_NAME_AND.sub(r"\1 name, \1 \2", segment)
    segment = TWO_NAMES.sub(rf"\1{_AND}\2", segment)
    segment = keep_whether_and(segment, _AND)  # "whether the stairs and landing need doing"
    segment = keep_asked_and(segment, _AND)  # "do you need plates and cutlery?": one question
    segment = keep_told_and(segment, _AND)  # "tell us about your home and garden": one question
    segment = keep_either_or(segment, _AND, _GUARD)  # "front only or front and back"
    text = OPTION_GROUP.sub(_guarded, segment)
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0:
            sep = _SEP.match(text, i)
            if sep and sep.end() > i and (i == 0 or _SEP.match(text, i - 1) is None):
                parts.append(text[start:i])
                start = sep.end()
    parts.append(text[start:])
    parts = [p.replace(_GUARD, ",").replace(_AND, " and ").strip() for p in parts]
    return join_lead_options([p for p in parts if p])


def _guarded(m: re.Match) -> str:
    """An "A, B or C" group kept as one item; a question's group only when its answers are
    states, not fields ("is it urgent, phone or email" lists three things)."""
    group = m.group(2) or m.group(4)
    if re.match(r"to\s", group, re.I):  # "like to order, delivery or collection": two items
        return m.group(0)
    if m.group(4) and any(concept_for(p) for p in re.split(r",\s*|,?\s+or\s+", group)):
        return m.group(0)
    return (m.group(1) or m.group(3)) + group.replace(",", _GUARD)


_AUX = r"(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|shall)"
_PRONOUN = r"(?:they|you|it|he|she|we|there|i)"
_CONTRACTED = r"(?:they|you|it|he|she|we|i)(?:'re|'ve|'d|'ll|'s)"
AUX_QUESTION = re.compile(
    rf"^{_AUX}\s+(?:({_PRONOUN})\b|((?:the |a |any |your |their )?[\w'-]+))\s*(.*)$", re.I
)
# "may we contact you", "might we share your story": asking the visitor's permission; "may"
# is not in _AUX, where "may 2025" would read as a question
MAY_WE = re.compile(r"^(?:may|might)\s+(?:we|i)\s+(\w.*)$", re.I)
WHETHER = re.compile(r"^(?:ask(?:ing)?\s+(?:them\s+|people\s+)?)?(?:whether|if)\s+(.+)$", re.I)
WHICH_NOUN = re.compile(
    rf"^(?:which|what)\s+((?:[\w-]+\s+){{0,2}}?[\w-]+)\s+(?:{_CONTRACTED}|{_PRONOUN}\s+\w+)\b.*$",
    re.I,
)
# "which evening suits", "what day works", "which slot works best", "which time of day suits
# you best": the question keeps its verb; its noun names the field
WHICH_SUITS = re.compile(
    r"^(?!.*\bneeds? work\b)(?:which|what)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:suits?|works?|fits?|would (?:suit|work)|"
    r"is (?:best|easiest|most convenient|better))(?:\s+(?:for\s+)?(?:you|them|best|better|most|"
    r"everyone)|\s+for\s+(?:a|an|the|your|their|our)\s+[\w-]+)*$",
    re.I,
)
WHICH_ONLY = re.compile(r"^which\s+((?:[\w-]+\s*){1,3})$", re.I)
# A question put to the visitor: "what software are you using now", "which sessions will you
# attend", "which year group is your child in", "which services interest you". It keeps its
# shape as the label; its noun names the field (never "Software are").
WHICH_ASKED = re.compile(
    rf"^(?:which|what)\s+((?:[\w-]+\s+){{0,2}}?[\w-]+)\s+(?:{_AUX}|am)\s+"
    rf"(?:you|they|we|i|it|(?:your|their|the|our|my) [\w-]+)\b|"
    r"^(?:which|what)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?!(?:are|is|was|were|do|does)\b)[\w-]+"
    r"\s+(?:to |for )?(?:you|them)$",
    re.I,
)
RELATIVE = re.compile(
    rf"^(?:the |their |any |your )?((?:[\w-]+\s+){{0,2}}?[\w-]+?)\s+(?:that |which |who )?"
    rf"(?:{_CONTRACTED}|(?:they|you|we)\s+(\w+))\b(.*)$",
    re.I,
)
PURPOSE = re.compile(r"\s+(?:for (?:the|a|an|our) \w+ to|for (?:us|them|you) to) \w+.*$", re.I)
SHARED_PREPOSITION = re.compile(
    r"^((?:[\w'-]+ ){0,2}[\w'-]+) ((to|in|at|by|for|on|from|with|via) (?:[\w'-]+ ){0,3}[\w'-]+) or (\3 (?:[\w'-]+ ){0,3}[\w'-]+)$",
    re.I,
)
WHEN_LAST = re.compile(
    r"^when (?:was|were|is|are) (?:it|they|the \w+) ((?:last|first|next) \w+.*)$", re.I
)
GOOD_TIME = re.compile(
    r"^(?:a |the )?(?:good|best|convenient|suitable|ideal|preferred)\s+(time|times|day|days|date|dates|slot)\b",
    re.I,
)
_WANT = re.compile(
    r"^(?:'d like|would like|'d prefer|would prefer|want|wants|prefer|prefers)\s+(?:to have\s+)?",
    re.I,
)
_FILLER = re.compile(r"\b(?:already|too|also|as well)\b", re.I)
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
# a number of things ("3 websites", "a few dates", "two referees")
_COUNTED = re.compile(r"^(?:\d+|one|two|three|four|five|a few|a couple of)\s", re.I)
# a clause that turns its noun around: what is not wanted, disliked, avoided
_TURNED = re.compile(
    r"\b(?:not|never|don't|doesn't|didn't|won't|can't|cannot|dislike[sd]?|hate[sd]?|avoid(?:ed)?|"
    r"(?:are|is|'re) allergic to)\b",
    re.I,
)
# Verb → past participle ("the regions they serve" → "Regions served"). A verb written in
# the past already ("bugs you found", "the animal you saw") keeps its own participle: the
# rule "add -ed" made "Bugs founded", "Item lefted", "Plants grewed".
_IRREGULAR = {
    "sell": "sold", "sold": "sold", "run": "run", "ran": "run", "buy": "bought",
    "bought": "bought", "make": "made", "made": "made", "teach": "taught", "taught": "taught",
    "hold": "held", "held": "held", "keep": "kept", "kept": "kept", "speak": "spoken",
    "spoke": "spoken", "grow": "grown", "grew": "grown", "do": "done", "did": "done",
    "have": "had", "had": "had", "get": "got", "got": "got", "find": "found", "found": "found",
    "leave": "left", "left": "left", "see": "seen", "saw": "seen", "meet": "met", "met": "met",
    "lend": "lent", "lent": "lent", "feed": "fed", "fed": "fed", "read": "read",
    "bring": "brought", "brought": "brought", "tell": "told", "told": "told", "hear": "heard",
    "heard": "heard", "pay": "paid", "paid": "paid", "send": "sent", "sent": "sent",
    "spend": "spent", "spent": "spent", "build": "built", "built": "built", "feel": "felt",
    "felt": "felt", "lose": "lost", "lost": "lost", "catch": "caught", "caught": "caught",
    "think": "thought", "thought": "thought", "write": "written", "wrote": "written",
    "drive": "driven", "drove": "driven", "ride": "ridden", "rode": "ridden", "fly": "flown",
    "flew": "flown", "choose": "chosen", "chose": "chosen", "break": "broken",
    "broke": "broken", "steal": "stolen", "stole": "stolen", "wear": "worn", "wore": "worn",
    "know": "known", "knew": "known", "draw": "drawn", "drew": "drawn", "throw": "thrown",
    "threw": "thrown", "begin": "begun", "began": "begun", "sing": "sung", "sang": "sung",
    "swim": "swum", "swam": "swum", "come": "come", "came": "come", "go": "gone",
    "went": "gone", "eat": "eaten", "ate": "eaten", "give": "given", "gave": "given",
    "take": "taken", "took": "taken", "win": "won", "won": "won", "lead": "led", "led": "led",
    "stand": "stood", "stood": "stood", "sit": "sat", "sat": "sat", "say": "said",
    "said": "said", "fall": "fallen", "fell": "fallen", "forget": "forgotten",
    "forgot": "forgotten", "hide": "hidden", "hid": "hidden", "shake": "shaken",
    "shook": "shaken", "tear": "torn", "tore": "torn", "wake": "woken", "woke": "woken",
    "hang": "hung", "hung": "hung", "dig": "dug", "dug": "dug", "shoot": "shot", "shot": "shot",
    "sow": "sown", "sew": "sewn", "mean": "meant", "meant": "meant", "sleep": "slept",
    "slept": "slept", "seek": "sought", "sought": "sought", "fight": "fought",
    "fought": "fought", "lay": "laid", "laid": "laid", "become": "become", "became": "become",
    "understand": "understood", "understood": "understood", "hurt": "hurt", "cut": "cut",
    "put": "put", "set": "set", "hit": "hit", "let": "let", "shut": "shut", "cost": "cost",
    "spread": "spread", "quit": "quit", "bet": "bet", "bid": "bid", "burst": "burst",
}  # fmt: skip


def _options(predicate: str) -> list[str]:
    """ "still or sparkling", "red, white or both" → the options; [] when not a short choice."""
    body = re.sub(r"^(?:\w+ ){0,2}?(?:between|either)\s+", "", predicate.strip(" ?"), flags=re.I)
    pieces = [p.strip() for p in re.split(r"\s*,\s*|\s+or\s+", body) if p.strip()]
    if " or " not in f" {body} " or not 2 <= len(pieces) <= 6:
        return []
    if not all(1 <= len(p.split()) <= 3 for p in pieces):
        return []
    return [p[:1].upper() + p[1:] for p in pieces]


def _shared_noun(options: list[str]) -> list[str]:
    """ "a new or existing patient" → New patient / Existing patient: the noun said once after
    the last answer belongs to every answer when the answers are words that describe it."""
    last = options[-1].split() if options else []
    if (
        len(last) == 2
        and all(len(o.split()) == 1 for o in options[:-1])
        and all(
            w.lower() in _SHARED_NOUN_ADJECTIVES or re.fullmatch(r"\d+-[a-z]+", w, re.I)  # "1-day"
            for w in [*options[:-1], last[0]]
        )
    ):
        return [f"{o} {last[1]}" for o in options[:-1]] + [options[-1]]
    return options


# Words that describe the noun said once after the last answer ("new or existing patient",
# "petrol or diesel car", "personal or business account")
_SHARED_NOUN_ADJECTIVES = set(
    "new existing current former returning regular first-time occasional private business "
    "personal commercial residential domestic international local full-time part-time "
    "petrol diesel electric hybrid manual automatic single double twin small medium large "
    "indoor outdoor online in-person virtual public internal external junior senior "
    "morning afternoon evening weekday weekend early late".split()  # "a morning or afternoon slot"
)


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", _FILLER.sub("", text)).strip(" ?.,")
    return text[:1].upper() + text[1:]


def _predicate_label(predicate: str) -> str:
    """ "have a water line" → "Has a water line?"; "has been restarted" → "Restarted?"."""
    p = re.sub(r"^(?:(?:has|have|had)\s+)?(?:been|being)\s+", "", predicate.strip(), flags=re.I)
    p = _WANT.sub("want ", p) if _WANT.match(p) else p
    p = re.sub(
        r"^(?:has|have|had)\s+(?=\w+ed\b)", "", p, flags=re.I
    )  # "have fundraised" → "Fundraised"
    p = re.sub(r"^(?:have|had)\b", "has", p, flags=re.I)
    p = re.sub(r"^(?:are|is|was|were|be)\s+", "", p, flags=re.I)
    return _sentence(_ARTICLE.sub("", to_visitor(p))) + "?"


def _choice(predicate: str) -> tuple[list[str], str]:
    """Options and a label when the predicate is a short "A or B" / "A, B or C" choice."""
    body = re.sub(  # "looking for a full-time or part-time role", "contact you by email or phone"
        r"^(?:want|wants|prefer|prefers|choose|like|be|have|looking for|seeking|interested in|"
        r"(?:contact|reach|call|get back to|reply to|write to)\s+(?:you|them))\s+",
        "",
        _WANT.sub("", predicate.strip()),
        flags=re.I,
    )
    # "prefer we contact you by phone or email", "prefer we call or email you": how we answer
    said_how = re.sub(r"^(?:that\s+)?(?:we|i|us to|me to)\s+", "", body, flags=re.I)
    if said_how != body:
        said_how = re.sub(
            r"^(?:contact|reach|get back to|reply to|write to)\s+(?:you|them)\s+",
            "",
            said_how,
            flags=re.I,
        )
        body = re.sub(r"\s+(?:you|them)$", "", said_how.strip(" ?"), flags=re.I)
    aux = re.match(r"^(are|is|am|will|would)\s+", body, re.I)
    body = body[aux.end() :] if aux else body
    options = _shared_noun(answers_without_lead_verb(_options(body)))
    if options and aux:  # "whether they are a business or an individual"
        return options, f"{aux.group(1).capitalize()} you {to_visitor(body).strip(' ?')}?"
    return options, (_sentence(body) + "?" if options else "")


_LEAD_VERB = re.compile(
    r"^(?:(?:attend|attending|come|coming|join|joining|be|travel|travell?ing|go|going|pay|paying|"
    r"prefer|use|using|visit|visiting)\s+)?(?:(?:for|by|via|as|with)\s+)?",
    re.I,
)


def answers_without_lead_verb(options: list[str]) -> list[str]:
    """ "a business or an individual" → Business / Individual; "attend in person or
    online" → In person / Online (a verb the first answer carries for all of them)."""
    options = [_ARTICLE.sub("", o) for o in options]
    if options and len(options[0].split()) > 1:
        head = _LEAD_VERB.match(options[0])
        if head and head.end() and not any(_LEAD_VERB.match(o).end() for o in options[1:]):
            options[0] = _ARTICLE.sub("", options[0][head.end() :])  # "for a personal" → personal
    return [hyphened(o[:1].upper() + o[1:]) for o in options if o]


def _done(label: str | None, predicate: str, keep_label: bool = False) -> dict:
    """A yes/no field, or a choice when the question offers "A or B"."""
    options, choice_label = _choice(predicate)
    if options:
        label = label if keep_label else choice_label
    else:
        options, label = ["Yes", "No"], label or _predicate_label(predicate)
    words = re.sub(
        rf"\b(?:{_AUX}|{_PRONOUN}|the|a|an|any|to|our|your|their|been)\b",
        " ",
        predicate,
        flags=re.I,
    )
    return {"label": label, "options": options, "name": words, "yes_no": options == ["Yes", "No"]}


_CONTRACTION = ((r"'d\b", " would"), (r"'ve\b", " have"), (r"'re\b", " are"), (r"'ll\b", " will"))
# "if a tail lift is needed": the subject is what is asked about ("Tail lift needed?").
NEEDED = re.compile(
    r"^(?:(?:the|a|an|any|their|your) )?((?:[\w-]+ ){0,2}[\w-]+) (?:is|are) "
    r"(needed|required|wanted|necessary|available|included|possible)$",
    re.I,
)
WHETHER_SUBJECT = re.compile(
    r"^(?:they|you|he|she|it|there|(?:the|a|any|their|your) [\w-]+)\s+(.*)$", re.I
)
# A head that says nothing without its clause ("one thing we could improve", "anything
# you'd change", "the main reason you left").
VAGUE_HEAD = re.compile(
    r"(?:(?:(?:the|a|any|one) )?(?:one|main|biggest|first|other|only|more)\s+|(?:a|the|any)\s+)?"
    r"(?:things?|something|anything|change|improvement|reason|way|idea|aspect|part|feature|bit)",
    re.I,
)
# "link to something", "photo of anything": a noun that only the clause after it explains
_TO_SOMETHING = re.compile(r"\b(?:to|of|about|for|with|from) (?:something|anything)$", re.I)
# A short time or place after a relative clause's verb: part of the question.
WHEN_WHERE = re.compile(
    r"(?:this|last|next|in the last|in the past|over the last) (?:\w+ )?(?:year|month|week|season|"
    r"term|time|visit|summer|winter)|recently|so far|before|already|at (?:the|our) \w+|"
    r"on (?:the|our) \w+|in (?:the|our) \w+|(?:in|during|since) \d{4}",
    re.I,
)
# A limit the person sets on a sum ("you can afford", "you'd be willing to pay")
AFFORD = re.compile(
    r"^(?:can|could|would|will|'d|are willing to|'re willing to|want to)\s+(?:be willing to\s+)?"
    r"(?:afford|pay|spend|borrow|invest|put down|raise)\b",
    re.I,
)
NOT_CLAUSE = re.compile(
    r"^(?:what|why|how|when|where|who|describe|whether|if|anything|something|tell (?:us|me) about)\b",
    re.I,
)


def clause_item(text: str) -> dict | None:
    """{label, options, name[, yes_no]} for an item written as a clause; None for a noun phrase."""
    t = re.sub(r"\s+", " ", text.strip(" .!?\"'")).strip()
    t = re.sub(
        r"^(?:from|for|by|in|on|at|to) (?=which\b|what\b)", "", t, flags=re.I
    )  # "from which month"
    whether = WHETHER.match(t)
    if whether:
        rest = whether.group(1)
        for pattern, repl in _CONTRACTION:
            rest = re.sub(pattern, repl, rest, count=1, flags=re.I)
        modal = re.match(rf"^(we|i)\s+({_AUX})\s+(.+)$", rest, re.I)
        if modal:  # "whether we can have a key" → "Can we have a key?"
            label = (
                _sentence(f"{modal.group(2)} {modal.group(1)} {to_visitor(modal.group(3))}") + "?"
            )
            return _done(label, modal.group(3), keep_label=True)
        needed = NEEDED.match(rest)
        if needed:
            label = _sentence(f"{needed.group(1)} {needed.group(2)}") + "?"
            return _done(label, f"{needed.group(1)} {needed.group(2)}", keep_label=True)
        needs = thing_needs(rest)  # "whether the stairs need doing"
        if needs:
            return _done(needs, rest, keep_label=True)
        asked = whether_you(rest)
        if asked:  # "whether they've done yoga before" → "Have you done yoga before?"
            return _done(
                asked[0], asked[1]
            )  # a choice keeps its short label ("Still or sparkling?")
        subject = WHETHER_SUBJECT.match(rest)
        predicate = subject.group(1) if subject else rest
        # "whether the property has a garden" → "Does the property have a garden?"
        about = whether_question(rest)
        return _done(about, predicate, keep_label=True) if about else _done(None, predicate)
    permission = MAY_WE.match(t)
    if permission:  # "may we contact you" → "May we contact you?" (never a month "May")
        return _done(_sentence(to_visitor(t)) + "?", permission.group(1), keep_label=True)
    question = AUX_QUESTION.match(t)
    if question:
        aux = t.split(" ", 1)[0].lower()
        pronoun, noun, rest = question.group(1), question.group(2), question.group(3)
        if (
            pronoun
            and pronoun.lower() in ("we", "i")
            or aux in ("will", "would", "can", "could", "should", "shall")
        ):
            if pronoun and pronoun.lower() not in ("we", "i", "they", "you"):
                return None
            return _done(_sentence(to_visitor(t)) + "?", rest, keep_label=True)
        if (
            pronoun
            and pronoun.lower() in ("you", "they")
            and aux in ("did", "do", "have", "are", "were")
        ):
            # "did you talk to a colleague already", "have you been to a dentist this year",
            # "are you a member of another gym": the question keeps its subject ("Did you
            # already talk to a colleague?"), never "Talk to a colleague?" or "To a dentist?"
            return _done(_asked_of_you(t), rest, keep_label=True)
        if pronoun and aux in ("do", "does", "did"):  # "does it contain nuts": a verb, kept asked
            return _done(_sentence(to_visitor(t)) + "?", rest, keep_label=True)
        if (
            pronoun
        ):  # "is it urgent" → "Urgent?"; "are they a first-time buyer" → "First-time buyer?"
            return _done(None, rest if aux not in ("has", "have", "had") else f"{aux} {rest}")
        if noun and rest:  # "is the dog nervous around other dogs?" stays a question to the visitor
            # "is the bike lost, stolen or damaged": the answers are the predicate's, not "Bike lost"
            said = rest if "," in rest and _choice(rest)[0] else f"{noun} {rest}"
            return _done(_sentence(to_visitor(t)) + "?", said, keep_label=True)
        return None
    shared = SHARED_PREPOSITION.match(t)
    if (
        shared
    ):  # "delivery to one address or to each person" → Delivery: To one address / To each person
        options = [shared.group(2), shared.group(4)]
        return {
            "label": _sentence(shared.group(1)),
            "options": [_sentence(o) for o in options],
            "name": shared.group(1),
        }
    last = WHEN_LAST.match(t)
    if last:  # "when was it last swept" → "Last swept" (a date)
        return {
            "label": _sentence(last.group(1)),
            "options": [],
            "name": last.group(1),
            "hint": "date",
        }
    if best_time(t):  # "best time for access": the marketer's words (round 29b)
        return best_time(t)
    if GOOD_TIME.match(t):  # "a good time for the technician to come" → "Preferred time"
        word = GOOD_TIME.match(t).group(1).lower()
        return {"label": f"Preferred {word}", "options": [], "name": f"preferred {word}"}
    suits = WHICH_SUITS.match(t)
    if suits:  # "which evening suits" → "Which evening suits you?", never "Evening suits"
        said = to_visitor(t)
        if not re.search(r"\b(?:you|for)\b", said, re.I):  # "… works for a call" says for what
            said += " for you" if re.search(r"\b(?:works?|is)\b", said, re.I) else " you"
        return {
            "label": _sentence(said) + "?",
            "options": [],
            "name": suits.group(1),
            "asked": True,
        }
    asked = WHICH_ASKED.match(t)
    if asked:
        noun = asked.group(1) or asked.group(2)
        return {"label": _sentence(to_visitor(t)) + "?", "options": [], "name": noun, "asked": True}
    which = WHICH_NOUN.match(t) or WHICH_ONLY.match(t)
    if which and not re.match(
        rf"^(?:what|which) (?:(?:\w+ly|almost|just|still|ever|first) )?(?:{_AUX}|needs?|went|happened|must|might|\w+ed|made|brought|led|kept|"
        rf"drew|got|took|gave|sent|put|made|left|found|told|caught|won|brings|makes)\b",
        t,
        re.I,
    ):
        noun = which.group(1).strip()
        aim = re.search(r"\bto (start|begin|move|join|arrive|leave|travel|visit|finish)$", t, re.I)
        if aim and re.fullmatch(r"day|date|month|week|time|year", noun, re.I):
            noun = (
                f"{aim.group(1).lower()} {noun}"  # "which day they'd want to start" → "Start day"
            )
        return {"label": _sentence(noun), "options": [], "name": noun}
    vague = re.match(
        rf"^(?:{VAGUE_HEAD.pattern})\s+(?!(?:for|of|to|with|about|on|in|at|from)\b)(?:that |which )?"
        rf"(?:[\w'-]+\s+){{1,}}[\w'-]+$",
        t,
        re.I,
    )
    if vague and not NOT_CLAUSE.match(t):  # "the one thing your child is most excited about"
        return {"label": _sentence(_ARTICLE.sub("", t)), "options": [], "name": t}
    relative = RELATIVE.match(t)
    if relative and not NOT_CLAUSE.match(t) and VAGUE_HEAD.fullmatch(relative.group(1)):
        # "one thing we could have done better": the clause is the question, not the noun
        return {"label": _sentence(_ARTICLE.sub("", t)), "options": [], "name": t}
    if relative and not NOT_CLAUSE.match(t) and _TO_SOMETHING.search(relative.group(1)):
        # "a link to something you've written": the clause says which, the noun what it is
        label = _sentence(to_visitor(_ARTICLE.sub("", t)))
        return {"label": label, "options": [], "name": relative.group(1)}
    if relative and not NOT_CLAUSE.match(t):
        noun, verb, tail = relative.group(1), relative.group(2), relative.group(3).strip()
        if re.fullmatch(r"e-?mail(?: address)?", noun, re.I):
            # "the email you ordered with": which email is the question, keep the clause
            return {
                "label": _sentence(to_visitor(_ARTICLE.sub("", t))),
                "options": [],
                "name": noun,
            }
        dated = time_clause(noun, verb, tail, to_visitor(_ARTICLE.sub("", t)))
        if dated:  # "the day you'd like us to begin": the clause says which day
            return dated
        if _COUNTED.match(noun) or _TURNED.search(t[relative.end(1) :]):
            # "3 websites you like", "colours you want to avoid", "veg you don't like": the
            # noun alone asks for something else ("Preferred 3 websites", "Colours")
            said = t if _COUNTED.match(noun) else _ARTICLE.sub("", t)  # "a few dates …"
            return {"label": _sentence(to_visitor(said)), "options": [], "name": noun}
        if verb and verb.lower() in ("have", "had", "has", "get", "got"):
            pass  # "the tutor you had" → "Tutor"
        elif AFFORD.match(f"{verb or ''} {tail}".strip()):
            # "rent you can afford": the clause says which rent (not the rent paid now)
            return {
                "label": _sentence(to_visitor(_ARTICLE.sub("", t))),
                "options": [],
                "name": noun,
            }
        elif re.fullmatch(r"most|least|best|the most|the least", tail.strip(), re.I):
            # "the module you liked best": the clause is the question
            return {"label": _sentence(to_visitor(_ARTICLE.sub("", t))), "options": [], "name": t}
        elif (
            verb and not tail and re.fullmatch(r"(?:like|prefer|love|fancy|favou?r)s?", verb, re.I)
        ):
            noun = f"preferred {noun}"  # "style they like" → "Preferred style", not "Style liked"
        elif (
            len(noun.split()) == 1 and verb and not tail
        ):  # "the regions they serve" → "Regions served"
            noun = f"{noun} {_participle(verb)}"
        elif len(noun.split()) == 1 and verb and WHEN_WHERE.fullmatch(tail):
            # "books you bought this year" → "Books bought this year", not "Books" (the
            # "year" says when, not what is asked: the type follows the noun)
            noun = f"{noun} {_participle(verb)}"
            return {"label": _sentence(f"{noun} {tail}"), "options": [], "name": noun}
        return {"label": _sentence(noun), "options": [], "name": noun}
    stripped = PURPOSE.sub("", t)
    if stripped != t and stripped.strip() and not NOT_CLAUSE.match(t):
        return {"label": _sentence(_ARTICLE.sub("", stripped)), "options": [], "name": stripped}
    return None


_PARTICIPLE = re.compile(
    r"^(?:\w+ed|been|done|had|seen|made|got|gotten|sold|bought|won|told|spoken|heard|met|left|lost|"
    r"paid|taken|given|written|driven|flown|worn|known|grown|shown|run|come|become|kept|held|"
    r"brought|built|sent|spent|found|read|ever|already|never|previously|recently|sung|swum|"
    r"begun|drunk|eaten|fallen|forgotten|ridden|risen|stolen|thought|taught|caught|chosen|"
    r"broken|frozen|woken|understood|stood|felt|dealt|meant|slept)\b",
    re.I,
)
_TO_YOU = {"has": "have", "is": "are", "was": "were", "does": "do", "am": "are"}


def whether_you(rest: str) -> tuple[str, str] | None:
    """(the question to the visitor, its predicate) for "they / you …" after "whether": the
    visitor is asked as a person would ask ("Do you have a car?", "Are you a member?")."""
    said = re.match(r"^(?:they|you)\s+(.+)$", rest, re.I)
    if not said:
        return None
    predicate = said.group(1)
    aux = re.match(
        r"^(have|has|had|are|is|were|was|do|does|did|can|will|would)\s+(.+)$", predicate, re.I
    )
    if aux and (aux.group(1).lower() not in ("have", "has") or _PARTICIPLE.match(aux.group(2))):
        verb = _TO_YOU.get(aux.group(1).lower(), aux.group(1).lower())
        question = f"{verb} you {to_visitor(aux.group(2))}"
    else:  # a main verb: "they need parking", "they have a car"
        question = "do you " + re.sub(r"^has\b", "have", to_visitor(predicate), flags=re.I)
    return _sentence(question) + "?", predicate


def _asked_of_you(question: str) -> str:
    """ "did they talk to a colleague already" → "Did you already talk to a colleague?": the
    visitor is asked, and a trailing "already" / "before" stays ("already" after the subject)."""
    said = re.sub(r"\s+", " ", to_visitor(question)).strip(" ?.,")
    tail = re.search(r"\s+already$", said, re.I)
    if tail:
        said = re.sub(r"^(\w+ you)\b", r"\1 already", said[: tail.start()], flags=re.I)
    return said[:1].upper() + said[1:] + "?"


def _participle(verb: str) -> str:
    verb = verb.lower()
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ed") and not verb.endswith(
        "eed"
    ):  # in the past already ("the courses they completed")
        return verb
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", verb):  # "plan" → "planned"
        return verb + verb[-1] + "ed"
    return verb + "ed"
