"""Fields a description names, kept as fields ("…: event date, number of guests,
dietary requirements and venue" → four fields with sensible types).

Lists are read where marketers write them: after a colon or a dash, after
"ask for", "need", "with", "tell us", "pick"…; each item becomes a catalogue
field when it names one ("party size", "phone number") or a new field whose
type follows from its words ("date" → date, "number of" → number, "link" →
url, "(A, B, C)" or "A/B/C" → a dropdown, "why…", "describe…" → long text).
Negated items ("no account numbers please") are collected apart so that no
field asks for them. Each item is read by ``local_extract_item``.
"""

from __future__ import annotations

import re

from app.services.llm.local_answer_asides import FLAGGED_ALONE
from app.services.llm.local_answer_shapes import bare_answers, own_question
from app.services.llm.local_asked_as_meant import one_kind_item
from app.services.llm.local_asked_kind import asked_kind
from app.services.llm.local_chatter_items import WISHED as _WISHED
from app.services.llm.local_clause_items import cue_in_clause, joined_relatives
from app.services.llm.local_dated_answers import ORDINAL_DATE_AHEAD
from app.services.llm.local_described_words import describes_only
from app.services.llm.local_domain import concept_for
from app.services.llm.local_extract_item import (
    BRACKET_LIST,
    FIELD_NOUN,
    LEAVE_VERB,
    STATEMENT,
    _items,
    _shared_head,
)
from app.services.llm.local_extract_item import _item as _read_item
from app.services.llm.local_fragments import asked_fragment
from app.services.llm.local_item_asked import asked_item
from app.services.llm.local_item_parts import with_inside_item
from app.services.llm.local_item_wording import worded_item
from app.services.llm.local_kept_items import dated_item, in_relative, only_list
from app.services.llm.local_list_end import STOP
from app.services.llm.local_polite_items import polite_item
from app.services.llm.local_scales import judged
from app.services.llm.local_stray import (
    ASKS_ABOUT,
    QUALIFIER_AFTER_CUE,
    about_form,
    opening_purpose,
)
from app.services.llm.local_valued_items import valued_item
from app.services.llm.local_whole_items import whole_item


def _item(raw: str, listed: bool = False) -> dict | None:
    """One item, as its whole wording asks it (local_item_wording)."""
    raw = polite_item(raw)  # "bitte E-Mail eingeben": the email
    listed = listed or judged(raw)  # "I feel valued (Strongly agree, …)": a statement to judge
    read = _read_item(raw, listed) or valued_item(raw, _read_item)  # "size of site in acres"
    item = whole_item(raw, asked_item(raw, worded_item(raw, read)))
    item = bare_answers(raw, one_kind_item(raw, item))  # "due date or date of birth": one date
    item = asked_kind(raw, item)  # "what will you use the photos for": a question, no upload
    return asked_fragment(raw, item)  # "which way the roof faces": asked as a question


# ("ask our founder to speak": asking one of us to do something, not for fields)
LIST_START = re.compile(
    r":|\s[-–—]\s(?!(?:yes|y)\s*(?:/|or)\s*(?:no|n)\b)|\b(?:ask(?:ing)? [a-z-]+(?:ers|ants|ents|ists|ees|ors|ians) (?:for|about)|ask(?:ing)?(?!\s+(?:our|us|me|my)\b(?:\s+[\w-]+){0,3}\s+to\b)(?!\s+(?:here|away|anything)\b|\s+(?:our|the|a|an|your)\s+[\w-]+(?:\s+a\s+question)?\s*(?:[.?!]|$))(?: them| people| users)?(?: for| about)?|asks? for|need(?:s|ed)?(?!\s+(?:(?:it|them|this|that|something|anything|work)\s+)?(?:doing|fixing|done|mending|repairing|sorting|replacing|[a-z]+ing(?=\s*\())\b|\s+(?:it|them|this)\s+(?:back\s+)?by\b)(?: to know)?(?: their| the)?|"
    r"we need(?: to know)?|includes?|including|collects?|captures?|specify|enter|provide|tell(?:ing)? (?:us|me)(?! more\b)(?: about)?|"
    r"(?:want|need|like|have) to know|find out)\s",
    re.I,
)
# Weaker list cues: what follows must look like fields (FIELD_NOUN) to count.
# ("send me the recording": the visitor's wish, a yes/no box, no list; "send me your CV": a list)
# "pick a slot", "choose a date": an act of booking, an item itself (local_extract_item.SLOT_ACT)
_SLOT_NEXT = (
    r"(?!\s+(?:a|an|your|the)\s+(?:\w+\s+)?(?:time ?slot|slot|time|date|day)s?\s*(?:[,.;]|$))"
)
WEAK_START = re.compile(
    rf"\b(?:with|give us|give(?= (?:their|your|us their|us your) )|(?<=should )give|(?<=must )give|"
    rf"(?<=need to )give|{LEAVE_VERB}|pick(?! up\b){_SLOT_NEXT}|choose{_SLOT_NEXT}|"
    rf"send(?!\s+me\s+{_WISHED})(?:\s+me\b)?|submit|"
    rf"select{_SLOT_NEXT}|also|plus(?= an? (?:optional|extra)\b))\s|;",
    re.I,
)
_PER_SPAN = re.compile(
    r"\s*(?:per|a|each|every)\s+(?:day|week|month|year|term|session|night)\b", re.I
)
# "app installed? (yes/no), …": a question mark before its answers ends no sentence
# "Which plan? (basic, plus, premium)": the answers of the question before, in brackets
SENTENCE = re.compile(rf"(?<=[.!?])(?!{ORDINAL_DATE_AHEAD})\s+(?!\()|\n+", re.I)
NEGATION = re.compile(
    r"\b(?:no|not|don't|do not|never|without)\s+(?:ask(?:ing)?\s+(?:for\s+)?|need\s+(?:for\s+)?)?"
    r"(?:their\s+|the\s+|any\s+)?([a-z][\w\s-]{1,40}?)(?=\s+(?:please|pls|needed|required)\b|[,.!;:()]|$)",
    re.I,
)


def negated(text: str) -> list[str]:
    """Phrases the description says not to ask for ("no account numbers please")."""
    found = []
    for match in NEGATION.finditer(text):
        if re.search(
            r"\b(?:what'?s|what is|is|are|it'?s|that'?s|was|were|if|unless|when|you'?re|they'?re|"
            r"we'?re|i'?m|you|they|he|she)\s*$",
            text[: match.start()],
            re.I,
        ):
            # "what's not working" names a problem, "if no one is in" / "if you're not
            # home" (a question's condition) says when, "veg you don't like" is asked:
            # none rules anything out
            continue
        if re.search(r"\b(?:for|of|why|about)\s*$", text[: match.start()], re.I) or (
            text.count("(", 0, match.start()) > text.count(")", 0, match.start())
        ):
            continue  # "reasons for not renewing", "(too many emails, not relevant)": asked, not ruled out
        phrase = match.group(1).strip().lower()
        if phrase and not re.match(
            r"^(?:rush|need|problem|more|longer|one|thing|nothing)\b", phrase
        ):
            found.append(re.sub(r"s\b", "", phrase))
    return found


# "when someone leaves our newsletter, ask why": when the form is used, not a question
CONTEXT = re.compile(
    r"^(?:when|whenever|once|after)\s+(?:someone|somebody|anyone|people|an? (?:customer|visitor|user|"
    r"member|client|subscriber|guest|patient)|customers|users|visitors|members|clients|subscribers)\b",
    re.I,
)
_PIECE = (
    r"(?:[^,.:;]{1,60}|\s*(?:does|do|is|are|has|have|will|would|can|what|which|how|when|where|"
    r"why|who)\b[^,.:;]{1,75})"
)
LIST_SENTENCE = re.compile(
    # a listed question may be long ("does your child have any medical conditions we should
    # know about"); a piece of a list is still one
    rf"^(?:{_PIECE},){{2,}}{_PIECE}$|^[^.:;]{{1,40}}\s\+\s[^.:;]{{1,60}}$|"
    r"^(?:\S+\s+){0,7}\S+\s+and\s+(?:\S+\s*){1,4}$"
)
# "we", "please" or a verb ("couples should give …") make a sentence, not a bare list
FIRST_PERSON = re.compile(
    r"\b(?:we|i|us|our|my|me|pls|please|we'(?:re|ll|d)|should|must|will|can|could|may|might|"
    r"need to|have to|has to)\b",
    re.I,
)


def _bare_list(sentence: str) -> bool:
    """Three or more short comma-separated phrases and nothing else (no "we", "please")."""
    items = [i.strip() for i in re.split(r",|\s+(?:and|&)\s+(?=[^,]*$)", sentence)]
    return (
        len(items) >= 3
        and not FIRST_PERSON.search(sentence)
        and all(1 <= len(i.split()) <= 6 for i in items)
    )


# A weak piece alone that ends in what the form is ("phone repair booking", "phone
# upgrade request form") names the form
FORM_NAME = re.compile(
    r"\b(?:form|booking|request|application|survey|enquiry|inquiry|registration|sign-?up|"
    r"questionnaire|appointment|reservation)s?$",
    re.I,
)
HOOK = re.compile(
    r"^(?:need|needing|looking for|want|got|have you got)\s+(?:a|an|some|any)\s+[\w' -]{1,40}\?$",
    re.I,
)
CONTINUED = re.compile(r"^(?:and|plus|&)\s+(?:also\s+)?", re.I)
CHOICE_QUESTION = re.compile(
    r"^((?:[\w-]+(?: [\w-]+){0,2}, )+[\w-]+(?: [\w-]+){0,2} or [\w-]+(?: [\w-]+){0,2})\?$"
)


def named_fields(text: str, not_asked: list[str] | None = None) -> list[dict]:
    """[{phrase, options, required, hint}] for each field the description names, in order;
    ``not_asked`` collects the pieces read as the purpose or a heading (no field either in
    passing: "peça o seu orçamento" asks no budget)."""
    not_asked = [] if not_asked is None else not_asked
    items, asking, list_asked = [], False, False
    sentences = SENTENCE.split(text)
    for n, sentence in enumerate(sentences):
        after_list_question, list_asked = list_asked, False
        if about_form(sentence) and not (
            LIST_START.search(sentence) or WEAK_START.search(sentence)
        ):
            continue  # "It goes on our careers page, under open roles": where the form sits
        if HOOK.match(sentence.strip()):
            continue  # "Need a tradesperson?": the form's opening line, not a field
        choice = CHOICE_QUESTION.match(sentence.strip())
        if choice:  # "suit, shirt or alterations?" is one dropdown
            options = [
                o.strip() for o in re.split(r"\s*,\s*|\s+or\s+", choice.group(1)) if o.strip()
            ]
            items.append(
                {
                    "phrase": choice.group(1).lower(),
                    "options": [o[:1].upper() + o[1:] for o in options],
                    "required": False,
                    "optional": False,
                    "hint": "",
                }
            )
            continue
        if items and n and CONTINUED.match(sentence.strip()) and len(sentence.split()) <= 10:
            # "… when would you like a call? and any topics for next time.": the list goes on
            # after a question mark
            item = _item(CONTINUED.sub("", sentence.strip()).rstrip(".!?"), listed=True)
            if item and "fields" not in item:
                items.append(item)
                continue
        if items and n and FLAGGED_ALONE.match(sentence):  # "… any comments. Name optional."
            item = _item(sentence.strip().rstrip(".!"), listed=True)
            if item and "fields" not in item:
                items.append({**item, "optional": True})
                continue
        if STOP.match(sentence):  # "… been to a gym before? Nothing else.": the list is over
            asking = list_asked = False
            continue
        short_question = sentence.strip().endswith("?") and len(sentence.split()) <= 6
        if short_question and items and not LIST_START.search(sentence):
            # "… date, time, wear glasses already? contact lenses?": a question is a field too
            item = _item(sentence.strip())  # its question mark says how it is answered
            if item and "fields" not in item:
                items.append(item)
            asking = True
            continue
        one_more = asking or (
            # "website? monthly ad spend (under 5k, 5-20k)": the answers' commas make no list
            after_list_question
            and "," not in re.sub(r"\([^)]*\)", "", sentence)
            and not _NOT_ASKED.search(sentence)
        )
        if one_more and len(sentence.split()) <= 8 and not LIST_START.search(sentence):
            # "When did you last visit? What would bring you back? One thing we should
            # change.": a short sentence in a run of questions is one more
            item = _item(sentence.strip().rstrip(".!?"), listed=True)
            if item and "fields" not in item:
                items.append(item)
                continue
        asking = sentence.strip().endswith("?") and bool(items)
        before = len(items)
        for segment, strong in _list_segments(sentence, after_purpose=n > 0):
            raws = joined_relatives(_items(segment))  # "etwas, das wir wissen sollten"
            raws = [r for r in raws if not _NOTE.search(r) or r.strip().endswith("?")]
            if (
                n == 0
                and not items
                and raws
                and (
                    opening_purpose(raws[0], alone=len(raws) == 1)
                    or _titled(raws)
                    or (len(raws) == 1 and _QUOTED_TITLE.match(raws[0]) is not None)
                    or (
                        len(raws) == 1
                        and ASKS_ABOUT.match(sentence)
                        and _before_colon(sentence, segment)
                    )
                )
            ):
                # "Dental practice — schedule a check-up. …", "Roofer: free roof inspection.":
                # the form's purpose in its opening words, not a question on it
                not_asked.append(raws.pop(0))
            if not strong and len(raws) == 1 and _own_heading(sentence, segment):
                not_asked.append(raws[0])  # "… work with our skincare brand: name, …"
                continue
            heading = len(raws) == 1 and _before_colon(sentence, segment)
            found = []
            # "la date à laquelle vous souhaitez que nous commencions": a date all the same
            read = [_item(raw, listed=strong == "bare") or dated_item(raw) for raw in raws]
            if strong is True and len(raws) >= 3 and 3 * read.count(None) <= len(raws):
                # "…, photos of damage, staff member checking it in": in a list that is
                # fields, a piece with no field noun is asked all the same, never dropped
                read = [
                    item
                    or (
                        _item(raw, listed=True)
                        if k and not _NOT_ASKED.search(raw.strip()) and not _opens(sentence, raw)
                        else None
                    )
                    for k, (item, raw) in enumerate(zip(read, raws, strict=True))
                ]
            for item in read:
                found += item.get("fields", [item]) if item else []
            if heading and len(found) == 1:
                found[0]["_heading"] = True
            if not strong and len(found) == 1 and FORM_NAME.search(found[0]["phrase"]):
                continue  # "Phone repair booking - name, …": the form's name, not a field
            if not strong and not any(
                concept_for(i["phrase"])
                or FIELD_NOUN.search(i["phrase"])
                or i.get("clause")
                or i["optional"]  # "their home gym as an optional extra": said to be a field
                for i in found
            ):
                continue
            found = [i for i in found if not CONTEXT.match(i["phrase"])]
            later = (
                sentence[sentence.find(segment) + len(segment) :]
                + " "
                + " ".join(sentences[n + 1 :])
            )
            if describes_only(sentence, segment, found, later):
                continue  # "Hiring - baristas and porters. Name, …": who, not what to ask
            items += [
                i
                for i in found
                if all(i["phrase"] != other["phrase"] or other.get("_heading") for other in items)
            ]
        choice = _verb_choice(sentence, items)
        if choice:
            items.append(choice)
        # "email, would a pause help instead? anything else": one piece after the list's own
        # question is one more item ("first time cook? yes/no, dietary needs" is no run)
        list_asked = sentence.strip().endswith("?") and len(items) > before
    return _without_headings(_answers_to_their_noun(items), not_asked)


# Pieces of a list that are no question however they are read: "nothing else", "so", what
# the visitor may do ("you can stay anonymous"), what happens later
_NOT_ASKED = re.compile(
    r"^(?:so|and|then|you|we|we'?ll|i|they|it)\b|\b(?:nothing else|mehr nicht|sonst nichts|"
    r"nada m[aá]s|rien d'autre|mais nada|you|sometimes|later|anonymous|they|them)\b",
    re.I,
)


def _opens(sentence: str, raw: str) -> bool:
    """The piece is the sentence's first words: its heading, not a question."""
    return sentence.strip().lower().startswith(raw.strip().lower())


# A note to whoever builds the form, said in the list: "bank details will be collected
# later", "we know who they are" ask nothing
_NOTE = re.compile(
    r"\b(?:will|would|can) be (?:collected|asked|taken|requested|sent|handled|gathered|added|"
    r"done|provided|checked|set) (?:later|separately|afterwards|elsewhere|by email|at onboarding)\b|"
    r"\b(?:we|they) (?:already )?know (?:who|what|which|their|them|it)\b|\bno need (?:to|for)\b",
    re.I,
)


# "Plumbing quote request, contact details and …": a list opened by the form's own title
_TITLE = re.compile(
    r"^(?!.*\b(?:for|of|to|on|about|your|their|the|my|our|reason|type|date|number|status|"
    r"details|previous|last)\b)(?:[\w-]+\s+){1,4}(?:form|request|application|enquiry|inquiry|"
    r"registration|sign-?up|questionnaire)$",
    re.I,
)


# "Webinar registration: 'Scaling your agency' on 12 March.": the event's title, quoted
_QUOTED_TITLE = re.compile(r"^\s*['\"“‘][^'\"”’]{3,80}['\"”’](?:\s+on\s+[^,;]+)?\s*$")


def _titled(raws: list[str]) -> bool:
    return len(raws) > 1 and _TITLE.match(raws[0].strip()) is not None


def context_free(text: str, not_asked: list[str] = ()) -> str:
    """The description without its words about the form ("Landlords complete this when they
    list a flat, usually from their phone.") and the pieces ``named_fields`` read as its
    purpose or a heading: they name no field, not even in passing."""
    for piece in not_asked:
        text = re.sub(re.escape(piece.strip()), " ", text, flags=re.I)
    kept = []
    for sentence in SENTENCE.split(text):
        if about_form(sentence):
            cue = re.search(r"[:;]|\s[-–—]\s", sentence)
            if not cue:
                continue
            sentence = sentence[cue.end() :]
        kept.append(sentence)
    return " ".join(kept)


def _before_colon(sentence: str, segment: str) -> bool:
    """The segment ends where a colon or a spaced dash opens a list ("Tell us about your
    event: date, …", "Ask a pharmacist - name, …")."""
    at = sentence.find(segment)
    after = sentence[at + len(segment) :]
    return at >= 0 and bool(re.match(r"\s*:|\s+[-–—]\s", after))


# the business's own thing ("our skincare brand", "my candle shop")
_OURS = re.compile(r"^(?:our|my)\s+[^,()]+$", re.I)


def _own_heading(sentence: str, segment: str) -> bool:
    """The business's own thing right before the list opens ("influencers who want to work
    with our skincare brand: name, …", or "… brand. Name, …"): who the form is for, never a
    question to the visitor."""
    at = sentence.find(segment)
    after = sentence[at + len(segment) :].lstrip() if at >= 0 else ""
    closed = segment.strip().endswith(".")  # the sentence ends on it
    return _OURS.match(segment.strip()) is not None and (
        closed or after[:1] in (":", "-", "–", "—")
    )


def _without_headings(items: list[dict], not_asked: list[str]) -> list[dict]:
    """A lone piece right before a colon that opens a list of fields is the list's heading
    ("Tell us about the project you need:", "Give us the details of your trip:", "…, sent by
    email after checkout:"), not a question. Kept when what follows is no list of fields."""
    kept = []
    for i, item in enumerate(items):
        if item.pop("_heading", False) and not _names_a_field(item["phrase"], items[i + 1 :]):
            after = items[i + 1 : i + 3]
            if len(after) == 2 and any(_field_like(a) for a in after):
                not_asked.append(item["phrase"])
                continue
        kept.append(item)
    return kept


# Words that gather fields under them ("contact details:", "the basics:")
GATHERING = re.compile(r"\b(?:details|info|information|basics|fields|questions?|data)$", re.I)


def _names_a_field(phrase: str, listed: list[dict]) -> bool:
    """ "Courier booking - delivery address: name, …": a field noun before the colon is a
    field, not a heading ("by email", "contact details", "your event" are headings, and so
    is "Monthly recipes email: collect email, …", whose noun the list asks itself)."""
    if re.match(r"(?:by|via|for|about|on|in|with|from|to)\b", phrase, re.I):
        return False
    last = phrase.split()[-1].lower() if phrase.split() else ""
    if any(i["phrase"].split()[-1:] == [last] for i in listed if i["phrase"]):
        return False
    return bool(concept_for(phrase)) or (
        bool(FIELD_NOUN.fullmatch(last)) and not GATHERING.search(phrase)
    )


def _field_like(item: dict) -> bool:
    return bool(
        concept_for(item["phrase"]) or FIELD_NOUN.search(item["phrase"]) or item.get("clause")
    )


def _answers_to_their_noun(items: list[dict]) -> list[dict]:
    """Answers read apart from their noun (a bare "(a, b)" item, named "choice") are the
    previous item's: "laptop needed (yes/no)" is one question, never "Laptop" + "Choice"."""
    out: list[dict] = []
    for item in items:
        before = out[-1] if out else None
        if own_question(item, before):  # "…, delivery address, red/white/mixed": wine
            out.append(item)
            continue
        if (
            item["phrase"] == "choice"
            and before is not None
            and not before["options"]
            and not before["hint"]
        ):
            before["options"] = item["options"]
            before["hint"] = item["hint"]
            continue
        out.append(item)
    return out


# "let them choose morning or afternoon", "guests prefer the sunrise or sunset sailing":
# an "A or B" after choose/pick/prefer is a dropdown wherever it sits in the sentence.
VERB_CHOICE = re.compile(
    r"\b(?:choose|chooses|pick|picks|prefer|prefers|select|selects|opt for|decide between)\s+"
    r"(?:between |either |from )?(?:the |a |an |their )?"
    r"([\w'-]+(?: [\w'-]+)?) or (?:the |a |an )?([\w'-]+(?: [\w'-]+){0,2}?)(?=\s*(?:[,.;:!?)]|\band\b|$))",
    re.I,
)


def _verb_choice(sentence: str, items: list) -> dict | None:
    match = VERB_CHOICE.search(sentence)
    if not match:
        return None
    pieces = [match.group(1).strip(), match.group(2).strip()]
    head = _shared_head(pieces)
    options = [p if not head or p.endswith(" " + head) else f"{p} {head}" for p in pieces]
    options = [o[:1].upper() + o[1:] for o in options]
    low = {o.lower() for o in options} | {p.lower() for p in pieces}
    # the list reader already made it a choice ("we call or email you" → Call / Email)
    if any(
        re.search(rf"\b{re.escape(o.lower())}\b", said)
        for i in items
        for o in i["options"]
        for said in low
    ):
        return None
    phrase = f"{pieces[0]} or {pieces[1]}".lower()
    return {"phrase": phrase, "options": options, "required": False, "optional": False, "hint": ""}


# a cue verb inside a "whether" clause about a thing is the clause's verb, not a list's
WHETHER_THING = re.compile(
    r"\b(?:whether|if)\s+(?:the|a|an|any|your|their|this)\s+(?:[\w'-]+\s+){0,3}$", re.I
)


def _subject_before_dash(sentence: str, piece: str, cue: tuple) -> bool:
    """One phrase between a heading's colon and a dash that opens the list names the subject."""
    opener = sentence[cue[0] : cue[1]]
    return (
        bool(re.fullmatch(r"\s*[-–—]\s*", opener))
        and bool(piece.strip())
        and not re.search(r",|\band\b|\(", piece)
        and ":" in sentence[: cue[0] - len(piece)]
    )


def _list_segments(sentence: str, after_purpose: bool = False) -> list[tuple[str, bool | str]]:
    """(segment, strong) for the parts of a sentence that hold a list of fields ("bare":
    a sentence after the purpose sentence that is nothing but a list)."""
    statement = STATEMENT.match(sentence.strip())
    if statement:
        return [(statement.group(1) + " " + statement.group(2), True)]
    only = only_list(sentence)  # "only name and mobile and the best day to ring"
    if only:
        return [(only, True)]
    clause = SUBORDINATE.search(sentence)  # "… so we can call back with a rough price": not a list
    limit = clause.start() if clause else len(sentence)
    cues = sorted(
        (start, end, strong)
        for pattern, strong in ((LIST_START, True), (WEAK_START, False))
        for start, end in ((m.start(), m.end()) for m in pattern.finditer(sentence))
        if start < limit
        and not _in_brackets(sentence, start)
        and not INSIDE_ITEM.search(sentence[:start])
        and not _noun_with_yes_no(sentence, start, end)
        and not with_inside_item(sentence, start, end)  # "…, experience with animals"
        and not QUALIFIER_AFTER_CUE.match(sentence, end)  # "dietary needs if any"
        and not _opens_question(sentence, start, end)
        and not _asked_in_list(sentence, start)
        # "services you need (design, SEO)", "hours you need covered (…)": the brackets are
        # the answers of the item the verb ends, not a list it opens
        and not _answers_follow(sentence, start, end)
        and not re.match(r"\s*by\b", sentence[end:], re.I)  # "needed by date": a deadline
        and not _PER_SPAN.match(sentence, end)  # "hours needed per week": one amount
        and not in_relative(sentence, start)  # "the date you need the van"
        and not cue_in_clause(sentence, start)  # "any wishes you'd like to tell us about"
        and not WHETHER_THING.search(sentence[:start])  # "if the hedge needs trimming"
    )
    plain = sentence.strip().rstrip(".!?").replace(";", ",")
    unbracketed = re.sub(r"\s*\([^)]*\)", "", plain)  # "recordings (upload)" is one item
    # "Customers leave their name, phone, …": the list starts after the verb of its subject
    led = bool(cues) and "," in sentence and cues[0][0] < sentence.index(",")
    if (
        after_purpose
        and _bare_list(unbracketed)
        and not led
        and not any(strong for _, _, strong in cues)
    ):
        # "Tracking number, what was damaged, when it arrived, a photo.": a sentence that is
        # nothing but a list names fields, whatever its nouns ("rider height, inseam")
        cues = [(0, 0, "bare")]
    elif LIST_SENTENCE.match(plain):
        cues = [(0, 0, False)] + cues
    elif "," in sentence and (not cues or cues[0][0] > sentence.index(",")):
        comma = sentence.index(",")
        if len(sentence.split()) <= 10:  # "Business type, monthly spend estimate."
            comma = -1
        cues = [(comma, comma + 1, False)] + cues
    segments = [(m.group(1) or m.group(2), True) for m in BRACKET_LIST.finditer(sentence)]
    for i, (_, end, strong) in enumerate(cues):
        stop = cues[i + 1][0] if i + 1 < len(cues) else limit
        piece = sentence[end:stop]
        if i + 1 < len(cues) and (SUBJECT_ONLY.match(piece) or MAKING_THE_FORM.search(piece)):
            continue  # the subject of the next cue ("staff tell us …"), not a field
        if i + 1 < len(cues) and _subject_before_dash(sentence, piece, cues[i + 1]):
            continue  # "Event registration: guitar classes for adults - name, …": the subject
        if i + 1 < len(cues) and "," in piece and SUBJECT_ONLY.match(piece.rsplit(",", 1)[1]):
            piece = piece.rsplit(",", 1)[0]  # "…, parents give their name": the subject too
        if stop > end:
            segments.append((piece, strong))
    return segments


# "…, moving date, tell us about the job": inside a list, "tell us about X" is one item
# (a free-text question), not a cue for a list of "the job"
TELL_ABOUT = re.compile(r"tell(?:ing)? (?:us|me) about\s", re.I)


def _asked_in_list(sentence: str, start: int) -> bool:
    return (
        TELL_ABOUT.match(sentence, start) is not None
        # "…: tell us about you and your dog, email": first in the list, as much one item
        and re.search(r"(?:,|:|\s[-–—]|\band)\s*$", sentence[:start]) is not None
    )


SUBJECT_ONLY = re.compile(
    r"^\s*(?:the |our |their )?(?:staff|people|customers|clients|users|visitors|they|we|you|members|employees|"
    r"tenants|guests|parents|patients|students|buyers|callers|applicants|someone|everyone|"
    r"homeowners|owners|residents|families|households|landlords|shoppers|visitors|travell?ers)\s*$",
    re.I,
)
# "can you make a form where people (tell us …)", "could you build me a form that (asks
# for …)": asking for the form, never an item of it
MAKING_THE_FORM = re.compile(
    r"\b(?:make|create|build|set up|design|put together|do|need|want|like)\s+(?:me\s+|us\s+)?"
    r"(?:a|an|the|one|our)\s+(?:[\w-]+\s+){0,3}?(?:form|page|survey|questionnaire)\s+"
    r"(?:where|that|which|so|for|to|in which|asking)\b(?:\s+[\w'-]+){0,3}\s*$",
    re.I,
)
# A cue verb whose subject is "what"/"it" is part of an item ("what needs fixing").
INSIDE_ITEM = re.compile(
    r"(?<!\bform )(?<!\bpage )\b(?:what|which|who|that|it|anything|something|everything)\s*$|"
    r"\b(?:whether|if|do|does|did|can|could|will|would|should) (?:they|you|we|i|it|he|she|anyone)\s*$|"
    # "whether the boiler needs servicing": the thing the question is about
    r"\bwhether (?:the|your|their) [\w'-]+(?: (?:and )?[\w'-]+){0,3}\s*$|"
    r"\bhow(?: long| much| many| often| soon)?(?:\s+[\w']+){0,2}\s*$|"
    # "how satisfied are you with repairs": what the question is about, inside it
    r"\bhow\s+[\w']+\s+(?:are|were|is|was)\s+(?:you|they|we)\s*$|"
    # "which apps they need (…)": the verb of the item's own clause
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:they|you|we|i)\s*$|"
    # "which areas need work (…)": the question's own subject and verb
    r"(?:^|[,;:(]|\band)\s*(?:which|what)\s+[\w-]+(?:\s+[\w-]+)?\s*$|"
    # "what's wrong with the order", "what is missing from the box"
    r"\bwhat(?:'s|’s| is| was| went| were)(?:\s+[\w']+){0,2}\s*$|"
    # "address to send the new card to": what the address is for, inside the item
    r"\b(?:address|e-?mail|postcode|name|number)\s+to\s*$|"
    # "ok for us to leave it with a neighbour", "happy for us to send": asking leave
    r"\b(?:ok|okay|alright|fine|happy)\s+(?:for\s+(?:us|you|them|me)\s+)?to\s*$|"
    # "does your dog get on with other dogs": a question item, asked to its end
    r"(?:^|[,;:]|\s[-–—])\s*(?:and\s+)?(?:do|does|did|is|are|was|were|can|could|will|would|has|have)\s+"
    r"(?:you|they|he|she|it|(?:your|their|the|his|her) [\w-]+)(?:\s+[\w'-]+){1,4}\s*$",
    re.I,
)


def _answers_follow(sentence: str, start: int, end: int) -> bool:
    """The cue ends an item whose bracketed answers follow it: right away ("services
    needed (…)") or after a word or two of a "you"/"they" clause ("hours you need covered (…)")."""
    after = sentence[end:]
    if after.lstrip().startswith("("):
        return True
    relative = re.search(r"\b(?:you|they|we)\s*$", sentence[:start], re.I)
    return bool(relative and re.match(r"\s*(?:[\w-]+\s+){1,2}\(", after))


def _noun_with_yes_no(sentence: str, start: int, end: int) -> bool:
    """ "home with garden (yes/no)", "car with tow bar (Y/N)": one yes/no item about a noun
    with something, not a list cue ("with") after a field "home"."""
    if sentence[start:end].strip().lower() != "with":
        return False
    before = re.search(r"(?:^|[,:;–—-])\s*([\w' -]+?)\s*$", sentence[:start])
    after = re.match(
        r"\s*([^,;()]+?)\s*\??\s*\((?:yes|y)\s*(?:/|or)\s*(?:no|n)\)", sentence[end:], re.I
    )
    return bool(before and after) and len(before.group(1).split()) <= 3 >= len(
        after.group(1).split()
    )


def _opens_question(sentence: str, start: int, end: int) -> bool:
    """ "…, need a meeting room?", "…, include breakfast?": a verb opening a short question
    in the list is that question (a yes/no), not a cue that starts a new list."""
    return (
        sentence[start:end].strip()[:1].isalpha()
        and re.search(r"(?:^|[,;])\s*(?:and\s+)?$", sentence[:start]) is not None
        and re.match(r"[^,;:()]{1,40}\?", sentence[end:]) is not None
    )


SUBORDINATE = re.compile(
    # "so a partner can call them back", "so the team can …": who acts may be named too
    r"\bso (?:that|(?:we|they|i|you|(?:a|an|the|our)(?: [\w-]+){1,2}) (?:can|could|will|'ll|may))\b|"
    r"\bbecause\b|\bin order to\b",
    re.I,
)


def _in_brackets(text: str, index: int) -> bool:
    return text.count("(", 0, index) > text.count(")", 0, index)
