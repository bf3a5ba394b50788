"""A heading written as a sentence, an instruction to the visitor or a question names the form
by its subject (local engine, issue 20, round 21a).

Rounds 18d and 20a name headings that say what the form is ("Enquiry form for our studio",
"Tell us about a broken heater"). A heading addressed to the visitor still fell back to a
stock kind name, or was title-cased verbatim: "Become a stallholder at our Christmas market"
was named "Become a Stallholder at Our Christmas Market", "Volunteer at our food bank" a
"Volunteer Application", "Tell us about a problem with your broadband" a "Support Request",
"How was your stay with us?" an "Internal Request", "Why are you cancelling your gym
membership?" a "Feedback Survey", "Contact us: …, budget, …" a "Pricing Request".
``sentence_subject`` names such a form as a marketer would, a noun phrase for its subject:

- "Become a <role> at <thing>", "Apply to exhibit at <thing>" → "<Thing> <Role> Application";
- "Join <group>", "Want to join <group>?" → "<Group> Application" (an event's "Registration");
- "Volunteer at <thing>" → "<Thing> Volunteer Application", "Help out at <thing>" → "<Thing>
  Helper Sign-up";
- "Tell us about a problem with / what went wrong with / something wrong with <thing>" →
  "<Thing> Problem Report" ("<Thing> Complaint" on a complaint form); "Unhappy with <thing>?",
  "Complain about <thing>" → "<Thing> Complaint";
- "How was <occasion>?", "How did you find / What did you think of <thing>?", "How did we do
  on <thing>?", "Tell us about your experience at <thing>" → "<Thing> Feedback";
- "Why are you cancelling / leaving <thing>?" → "<Thing> Cancellation Survey" ("Exit Survey",
  "Unsubscribe Survey" when nothing is named);
- "Ask for details about / Request information about <thing>", "Find out more about <thing>"
  → "<Thing> Information Request";
- "Contact us", "Get in touch" as the whole heading → "Contact Us" in place of a stock name;
- "Nominate a colleague for <award>" → "<Award> Nomination".

Only a stock or bare kind name, or the heading itself title-cased, is replaced; a heading that
is already a noun phrase ("Dog grooming appointment") never reaches here, and a subject that
is a clause, a pronoun or a mailing list ("Join our newsletter") names nothing. English only.
"""

from __future__ import annotations

import re

from app.services.llm.local_subject_name import STOCK_NAMES, _singular, _title

# bare kind names the engine gives, which say nothing of the subject
_BARE = STOCK_NAMES | {
    "Complaint",
    "Volunteer Application",
    "Volunteer Sign-up",
    "Nomination",
    "Unsubscribe Request",
    "Sign-up",
    "Signup",
    "Registration",
    "Membership Application",
    "Information Request",
    "Enquiry",
    "Sponsorship Enquiry",
    "Call for Speakers",
    "Callback Request",
}
# a heading segment: up to a colon, full stop, question or exclamation mark, or spaced dash
_SEGMENT = re.compile(r"^\s*(?P<head>[^:;\n.!?()]{2,90}?)\s*(?P<end>[:;\n.!?(]|\s[-–—]\s|$)")

# what may stand before the subject: "our", "today's", "your last"
_LEAD = re.compile(
    r"^(?:(?:a|an|the|our|your|my|their|this|today['’]s|this\s+week['’]s|last|latest|recent|"
    r"most\s+recent|new|local|small|little|annual|yearly|upcoming|next)\s+)+",
    re.I,
)
# what may follow it and says nothing: "with us", "today", "recently"
_TAIL = re.compile(
    r"\s+(?:with\s+us|today|tonight|recently|this\s+(?:week|month|year)|last\s+(?:week|month|"
    r"night|time)|so\s+far|at\s+all|please)$",
    re.I,
)
# a subject that is no noun phrase: a clause, a pronoun, a number
_NO_THING = re.compile(
    r"\b(?:who|that|which|when|where|if|so|because|and|or|us|them|it|this|you|we|they|me|"
    r"him|her|what|how|why|here|there|anything|something|everything)\b|"
    r"[\d/&]|^\w+ing\s+(?:a|an|the|your|our|my|some)\b",
    re.I,
)
# a thing joined that is a mailing list, a call or the business itself: no group's name
_NO_GROUP = re.compile(
    r"^(?:team|staff|crew|family|community|club|group|list|movement|mission|cause|party|fun|"
    r"network|us|waitlist|wait\s+list|newsletter|mailing\s+list|e-?mail\s+list)$|"
    r"news|updates|mailing|webinar|beta|wait\s*list|launch|live\s*stream|call\b|meeting|"
    r"conversation|discussion",
    re.I,
)
# business words that end a cancelled subscription: "our meal kit service" → "meal kit"
_BUSINESS = re.compile(r"\s+(?:service|services|company|business|app|platform|box)$", re.I)
# where a subject stops: "noise from a neighbour" → "noise"
_CUT = re.compile(r"\s+(?:from|in|at|on|to|with|for|since|after|before|during|by|near)\s+.*$", re.I)

# ---- a role applied for ----
_BECOME = re.compile(
    r"^(?:apply\s+to\s+)?(?:become|be)\s+(?:an?|one\s+of\s+our)\s+(?P<role>[a-z][a-z -]{1,30}?)"
    r"(?:\s+(?P<prep>at|for|with|in|on|of)\s+(?P<thing>.+))?$",
    re.I,
)
_APPLY_TO = re.compile(
    r"^apply\s+to\s+(?P<verb>exhibit|perform|speak|trade|teach|mentor|host|judge|sponsor|sell|"
    r"cater|play|compete|busk)\s+(?:(?:at|for|with|in|on)\s+)?(?P<thing>.+)$",
    re.I,
)
_ROLE = dict(
    pair.split(":")
    for pair in "exhibit:Exhibitor perform:Performer speak:Speaker trade:Trader teach:Tutor "
    "mentor:Mentor host:Host judge:Judge sponsor:Sponsor sell:Trader cater:Caterer play:Player "
    "compete:Competitor busk:Busker".split()
)
_JOIN = re.compile(
    r"^(?:(?:do\s+you\s+|would\s+you\s+like\s+to\s+|fancy\s+|why\s+not\s+)?want\s+to\s+|"
    r"would\s+you\s+like\s+to\s+|come\s+and\s+|apply\s+to\s+|sign\s+up\s+to\s+)?join\s+"
    r"(?P<thing>.+)$",
    re.I,
)
_HIRING = ("job_application", "staffing")
_STAFF = re.compile(r"\b(?:team|staff|crew|workforce|department|office|practice|firm)$", re.I)
_JOIN_NOUN = {"event": "Registration", "webinar": "Registration", "course": "Enrolment"}
_VOLUNTEER = re.compile(
    r"^(?:(?:sign\s+up|apply|want|would\s+you\s+like)\s+to\s+)?(?:volunteer|volunteering)\s+(?:at|for|with|in)\s+(?P<thing>.+)$|"
    r"^help\s+(?:out\s+)?at\s+(?P<helped>.+)$",
    re.I,
)

# ---- a problem, a complaint ----
_PROBLEM = re.compile(
    r"^(?:(?:tell\s+us|let\s+us\s+know)\s+(?:about\s+(?:a|an|any)\s+(?:problem|issue|fault)|"
    r"what\s+went\s+wrong|what['’]s\s+wrong)\s+with\s+|"
    r"(?:report\s+(?:a|an)\s+(?:problem|issue|fault)\s+with\s+)|"
    r"(?:(?:got|have\s+you\s+got|do\s+you\s+have|had|have\s+you\s+had)\s+(?:a|an|any)\s+(?:problems?|issues?)\s+with\s+)|"
    r"(?:what\s+went\s+wrong|(?:is\s+there\s+)?(?:something|anything)\s+wrong|"
    r"(?:a\s+|any\s+)?(?:problems?|issues?|trouble)|having\s+(?:problems?|issues?|trouble))"
    r"\s+with\s+)(?P<thing>.+)$",
    re.I,
)
_COMPLAINT = re.compile(
    r"^(?:(?:are\s+you\s+)?(?:unhappy|not\s+happy|disappointed|dissatisfied)\s+with\s+|"
    r"(?:complain|make\s+a\s+complaint|raise\s+a\s+complaint)\s+about\s+)(?P<thing>.+)$",
    re.I,
)

# ---- feedback on an occasion ----
_FEEDBACK = re.compile(
    r"^(?:how\s+was|how\s+did\s+you\s+(?:find|like|enjoy)|what\s+did\s+you\s+(?:think|make)\s+of|"
    r"what\s+did\s+you\s+think\s+about|did\s+you\s+enjoy|enjoyed|how\s+did\s+we\s+do\s+(?:on|with|"
    r"at|for)|(?:tell\s+us\s+about|rate|share)\s+your\s+(?:experience|visit|time)\s+(?:at|with|"
    r"on|of)|rate|how\s+did\s+(?:it|things)\s+go\s+(?:at|with))\s+(?P<thing>.+)$",
    re.I,
)
# "your stay at our campsite" → "Campsite Stay"
_AT_PLACE = re.compile(
    r"^(?P<what>[a-z][a-z -]{1,30}?)\s+(?:at|in|to)\s+(?:our|the)\s+(?P<place>[a-z][a-z -]{1,30})$",
    re.I,
)

# ---- leaving ----
_LEAVING = re.compile(
    r"^(?:(?:sorry\s+to\s+see\s+you\s+go\s*[,!]?\s*)?why\s+(?:are\s+you|did\s+you|have\s+you|"
    r"you['’]re)\s+|(?=(?:leaving|cancelling|unsubscribing)(?:\s+us)?$))(?P<verb>cancel(?:l?ing|l?ed)?|leav(?:e|ing)|left|unsubscrib(?:e|ing|ed)|"
    r"clos(?:e|ing|ed)|end(?:ing|ed)?|quit(?:ting)?|stop(?:ping|ped)?|go(?:ing)?|"
    r"downgrad(?:e|ing|ed))\b(?:\s+us\b)?\s*(?P<thing>.*)$",
    re.I,
)

# ---- information asked for ----
_INFO = re.compile(
    r"^(?:(?:ask\s+(?:us\s+)?for|request|get|order|want|need|would\s+you\s+like)\s+(?:some\s+)?(?:more\s+|full\s+)?(?:details|information|"
    r"info)|find\s+out\s+more|learn\s+more)\s+(?:about|on)\s+(?P<thing>.+)$",
    re.I,
)

# ---- a contact heading ----
_CONTACT = re.compile(
    r"^(?:contact\s+us|get\s+in\s+touch(?:\s+with\s+us)?|talk\s+to\s+us|drop\s+us\s+a\s+line|"
    r"reach\s+out(?:\s+to\s+us)?|say\s+hello|write\s+to\s+us|send\s+us\s+a\s+message)$",
    re.I,
)

# ---- the kind's own word with its subject (round 22a) ----
# "Boiler repair callback", "Allotment waiting list": a noun phrase ending with the kind
_ENDS_KIND = re.compile(
    r"^(?P<thing>[a-z][a-z' -]{1,40}?)\s+(?P<kind>call-?backs?|call\s+backs?|waiting\s+lists?|"
    r"wait\s*lists?)(?:\s+(?:form|sign-?up|page))?$",
    re.I,
)
# words that make the phrase a sentence or a whose-it-is, not a subject: "Join our waiting list"
_NOT_MODIFIER = re.compile(
    r"\b(?:our|your|the|an?|my|their|to|me|us|join|get|request|ask|book|sign|add|put|want|"
    r"need|please|for|on|onto)\b",
    re.I,
)
# "Complaint about a taxi driver", "Feedback on the new menu", "Enquiry about our classes"
_KIND_ABOUT = re.compile(
    r"^(?:(?:a|an|your|our|quick|short)\s+)?(?P<kind>complaints?|feedback|enquir(?:y|ies)|"
    r"inquir(?:y|ies)|questions?)(?:\s+form)?\s+(?:about|regarding|concerning|on|re|"
    r"over|relating\s+to|in\s+relation\s+to)\s+(?P<thing>.+)$",
    re.I,
)
# "Request a quote for garden landscaping", "Ask for a callback about your pension", "Join the
# waiting list for our puppy classes"
_ASK_KIND = re.compile(
    r"(?:^|\b)(?:request|get|ask\s+for|book|arrange|join|go\s+on|get\s+on|sign\s+up\s+"
    r"(?:to|for))\s+(?:an?\s+|the\s+|our\s+|your\s+)?(?:(?:free|quick|no-obligation|"
    r"fixed-price)\s+)?(?P<kind>quote|quotation|estimate|call-?back|call\s+back|waiting\s+list|"
    r"wait\s*list)\s+(?:for|about|regarding|on|concerning|at)\s+(?P<thing>.+)$",
    re.I,
)
# a subject that names nothing: "Free callback", "a quote for our services", "a callback on
# Tuesday", "feedback on your experience"
_VAGUE = re.compile(
    r"^(?:free|quick|instant|fast|same-day|online|simple|short|new|experience|time|needs|"
    r"requirements|project|job|work|services?|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|tomorrow|weekdays?|weekends?|morning|afternoon|evening)$",
    re.I,
)
_KIND_SAID = {
    "complaint": "Complaint",
    "feedback": "Feedback",
    "enquiry": "Enquiry",
    "inquiry": "Enquiry",
    "question": "Question",
    "quote": "Quote",
    "quotation": "Quote",
    "estimate": "Estimate",
    "callback": "Callback",
    "waiting list": "Waiting List",
    "waitlist": "Waitlist",
}


def _kind_named(head: str) -> str | None:
    """ "Boiler repair callback" → "Boiler Repair Callback"; "Complaint about a taxi driver"
    → "Taxi Driver Complaint"; "Request a quote for garden landscaping" → "Garden Landscaping
    Quote" (round 22a)."""
    ends = _ENDS_KIND.match(head)
    if ends and not _NOT_MODIFIER.search(ends["thing"]):
        thing = _thing(ends["thing"], cut=False)
        return (
            f"{_title(thing)} {_kind_word(ends['kind'])}"
            if thing and not _VAGUE.match(thing)
            else None
        )
    said = _KIND_ABOUT.match(head) or _ASK_KIND.search(head)
    if not said:
        return None
    text = _TAIL.sub("", _LEAD.sub("", said["thing"].strip()))
    place = _AT_PLACE.match(text)  # "a place at our nursery" → "Nursery Place"
    thing = _thing(f"{place['place']} {place['what']}" if place else text)
    return (
        f"{_title(thing)} {_kind_word(said['kind'])}" if thing and not _VAGUE.match(thing) else None
    )


def _kind_word(said: str) -> str:
    word = re.sub(r"[\s-]+", " ", said.lower()).replace("call back", "callback")
    word = re.sub(r"(?<=[^s])s$", "", re.sub(r"ies$", "y", word))  # "enquiries": "enquiry"
    return _KIND_SAID.get(word.replace("wait list", "waitlist"), _title(word))


# ---- a nomination ----
_NOMINATE = re.compile(
    r"^(?:nominate\s+(?:[a-z'’-]+\s+){0,3}?|nominations?\s+)for\s+(?:the\s+|our\s+|an?\s+|this\s+year['’]s\s+)?"
    r"(?P<thing>.+)$",
    re.I,
)


def sentence_subject(original: str, name: str, kind_key: str | None = None) -> str | None:
    """The name an English sentence, instruction or question heading gives a form named by a
    bare kind name or by the heading itself, or None."""
    heads = _segments(original)
    if not heads:
        return None
    said, plain = _plain(heads[0]), _plain(name)
    # the heading title-cased, whole or cut at its "for": "Become a Mentor"
    verbatim = said == plain or (plain.count(" ") > 0 and said.startswith(plain + " "))
    if name not in _BARE and not verbatim:
        return None
    for head in heads:
        named = _named(head, name, kind_key, verbatim)
        if named:
            return named
    return None


def _named(head: str, name: str, kind_key: str | None, verbatim: bool) -> str | None:
    head = re.sub(r"^(?:please\s+|hey[,!]?\s+|hi[,!]?\s+)", "", head.strip(), flags=re.I)
    if _CONTACT.match(head):
        return "Contact Us" if not verbatim else None  # "Get in Touch" reads well as it is
    return (
        _kind_named(head)
        or _role(head, kind_key, plain=verbatim or name in STOCK_NAMES)
        or _problem(head, name)
        or _feedback(head)
        or _leaving(head)
        or _about(_INFO, head, "Information Request")
        or _about(_NOMINATE, head, "Nomination", cut=False)
        or _done_thing(head)
    )


# "Order a birthday cake", "Report graffiti in your area": the thing done to names the form
_DONE_TO = re.compile(
    r"^(?:(?P<verb>order|book|reserve)\s+(?:an?|the|some|your)|(?P<noted>report)(?:\s+(?:an?|the|some))?)"
    r"\s+(?P<what>[a-z][\w'-]*"
    r"(?:\s+(?!(?:for|with|to|of|from|at|and|or|by)\b)[a-z][\w'-]*){0,2}?)(?:\s+(?:in|near|on|around)\s+(?:your|our|the)\s+"
    r"(?:area|street|road|neighbourhood|neighborhood|town|city|estate))?$",
    re.I,
)
_KIND_LAST = re.compile(
    r"\b(?:complaint|appointment|booking|order|report|request|enquiry|concern)$", re.I
)
_OWN_KINDS = {
    "form",
    "call",
    "callback",
    "demo",
    "meeting",
    "consultation",
    "quote",
    "visit",
    "problem",
    "issue",
}
_DONE_AS = {"order": "Order", "book": "Booking", "reserve": "Reservation", "report": "Report"}


def _done_thing(head: str) -> str | None:
    said = _DONE_TO.match(head.strip())
    if not said or said["what"].lower() in _OWN_KINDS:  # "Book a demo": the kind's own name
        return None
    what = _singular(said["what"])
    if _KIND_LAST.search(what):  # "Report a noise complaint" → "Noise Complaint"
        return _title(what)
    return _title(f"{what} {_DONE_AS[(said['verb'] or said['noted']).lower()]}")


def _segments(original: str) -> list[str]:
    """The heading and, after a short exclamation or sentence ("Sorry to see you go!"), the
    one after it."""
    heads, text = [], original.strip()
    for _ in range(2):
        m = _SEGMENT.match(text)
        if not m:
            break
        heads.append(m["head"].strip())
        if m["end"].strip() not in ("!", "."):
            break
        text = text[m.end() :]
    return heads


def _role(head: str, kind_key: str | None, plain: bool = True) -> str | None:
    become = _BECOME.match(head)
    if become:
        role = _singular(_LEAD.sub("", become["role"]).strip())
        thing = _thing(become["thing"]) if become["thing"] else ""
        if (become["thing"] and not thing) or not (thing or plain):
            return None  # "Apply to be a speaker": "Call for Speakers" says as much
        if role.lower() == "member":
            return _title(f"{thing} Membership Application".strip())
        if _NO_THING.search(role) or len(role.split()) > 3:
            return None
        return _title(f"{thing} {role} Application".strip())
    apply = _APPLY_TO.match(head)
    if apply:
        thing = _thing(apply["thing"])
        return _title(f"{thing} {_ROLE[apply['verb'].lower()]} Application") if thing else None
    volunteer = _VOLUNTEER.match(head)
    if volunteer:
        thing = _thing(volunteer["thing"] or volunteer["helped"])
        if not thing:
            return None
        return _title(thing) + (
            " Volunteer Application" if volunteer["thing"] else " Helper Sign-up"
        )
    join = _JOIN.match(head)
    if join and kind_key not in ("newsletter", "waitlist"):
        thing = _thing(join["thing"], cut=False)
        if not thing or _NO_GROUP.search(thing) or kind_key in _HIRING and _STAFF.search(thing):
            return None  # "Join our sales team" is a job application
        return _title(f"{thing} {_JOIN_NOUN.get(kind_key or '', 'Application')}")
    return None


def _problem(head: str, name: str) -> str | None:
    complaint = _COMPLAINT.match(head)
    if complaint:
        thing = _thing(complaint["thing"])
        return _title(thing) + " Complaint" if thing else None
    problem = _PROBLEM.match(head)
    if not problem:
        return None
    thing = _thing(problem["thing"])
    if not thing:
        return None
    return _title(thing) + (" Complaint" if name == "Complaint" else " Problem Report")


def _feedback(head: str) -> str | None:
    said = _FEEDBACK.match(head)
    if not said:
        return None
    text = _TAIL.sub("", _LEAD.sub("", said["thing"].strip()))
    place = _AT_PLACE.match(text)
    if place:
        what, where = _thing(place["what"]), _thing(place["place"])
        return _title(f"{where} {what} Feedback") if what and where else None
    thing = _thing(text)
    return _title(thing) + " Feedback" if thing else None


def _leaving(head: str) -> str | None:
    said = _LEAVING.match(head)
    if not said:
        return None
    verb = said["verb"].lower()
    thing = _thing(_BUSINESS.sub("", _TAIL.sub("", said["thing"].strip()))) if said["thing"] else ""
    if said["thing"] and not thing:
        return None
    if verb.startswith("unsubscrib") and not thing:
        return "Unsubscribe Survey"
    if verb.startswith(("leav", "left", "go", "quit")) and not thing:
        return "Exit Survey"
    done = "Closure" if verb.startswith("clos") else "Cancellation"
    if verb.startswith("downgrad"):  # "Why did you downgrade?": no cancellation
        done = "Downgrade"
    return _title(f"{thing} {done} Survey".strip())


def _about(pattern: re.Pattern, head: str, noun: str, cut: bool = True) -> str | None:
    said = pattern.match(head)
    if not said:
        return None
    thing = _thing(said["thing"], cut=cut, most=4 if cut else 5)  # "employee of the year award"
    return f"{_title(thing)} {noun}" if thing else None


def _thing(text: str, cut: bool = True, most: int = 4) -> str:
    """The subject as a name's words: "our summer craft fair" → "summer craft fair"; "" when
    it is a clause, a pronoun or more than four words."""
    text = _TAIL.sub("", _LEAD.sub("", text.strip().strip("'\"’"))).strip()
    if cut:
        text = _CUT.sub("", text)
    text = _LEAD.sub("", text).strip()
    if not text or _NO_THING.search(text) or not 1 <= len(text.split()) <= most:
        return ""
    return _singular(text)


def _plain(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()
