"""What a form is for, read from the whole description (local engine, SPEC §6.5).

Every kind of form has weighted cues: intent ("complain", "request a quote",
"reserve"), audience ("employers who want to hire", "journalists") and
industry nouns ("valuation", "wholesale", "warranty"). The kind whose cues
weigh most wins; a cue right before "form", "request"… ("a feedback form")
names what the form IS and weighs more. Typos in the words that matter
("newsleter", "apointment") are corrected first, so one slip does not lose the
purpose.
"""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

from app.services.llm.local_domain import without_request_types
from app.services.llm.local_home_jobs import job_to_do, without_job_word
from app.services.llm.local_kinds import DEFAULT_KIND, KINDS
from app.services.llm.local_kinds_base import PARTICIPATION_PROPOSAL

HEAD = (
    r"\s+(?:form|forms|survey|request|requests|signup|sign-up|sign up|page|questionnaire|inquiry|"
    r"enquiry|enquiries|application|applications|booking|claim)\b"
)
HEAD_BONUS = 5

# Words a typo must not lose: the corrected spelling replaces a close misspelling.
VOCABULARY = (
    "newsletter subscribe subscription support appointment appointments booking reservation "
    "request requests platform demonstration registration register application complaint "
    "complaints warranty quotation wholesale valuation feedback survey webinar waitlist enquiry "
    "enquiries inquiry inquiries consultation schedule pricing estimate maintenance partnership "
    "volunteer internship download checklist customer customers service reserve quote demo "
    "careers candidates employers employees problem problems report refund return returns invoice billing "
    "satisfaction questionnaire proposal"
).split()
_WORD = re.compile(r"[a-z]{4,}")
_BY_LETTER: dict[str, list[str]] = {}
for _v in VOCABULARY:
    _BY_LETTER.setdefault(_v[0], []).append(_v)


@functools.lru_cache(maxsize=256)  # called by intent, fields and naming for one description
def correct_typos(text: str) -> str:
    """Lower-cased text with close misspellings of VOCABULARY words corrected."""
    return _WORD.sub(lambda match: _fix(match.group(0)), text.lower())


# Real English words a slip away from a purpose word ("estate" / estimate, "compliments" /
# complaints, "customs" / customers, "picking" / pricing): never corrected. Generated from
# the system word lists by scripts/build_word_neighbours.py.
NEIGHBOURS_FILE = Path(__file__).parent / "data" / "intent_word_neighbours.txt"


@functools.lru_cache(maxsize=1)
def _real_words() -> frozenset:
    lines = NEIGHBOURS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@functools.lru_cache(maxsize=8192)  # difflib is slow; the flow model reads ~800 descriptions
def _fix(word: str) -> str:
    return word if word in _real_words() else nearest(word)


def nearest(word: str) -> str:
    """The VOCABULARY word ``word`` is a close misspelling of (``word`` itself when none)."""
    if word in VOCABULARY:
        return word
    # Only a word with the same first letter and a close length can be meant (a similarity of
    # 0.84 needs 2·min(len) >= 0.84·(len a + len b)); filtering first keeps difflib fast.
    near = [
        v
        for v in _BY_LETTER.get(word[0], ())
        if 2 * min(len(v), len(word)) >= 0.84 * (len(v) + len(word))
    ]
    close = difflib.get_close_matches(word, near, n=1, cutoff=0.84)
    if not close:
        return word
    target = close[0]
    # An inflection ("estimated", "surveyor") is a real word, not a typo.
    if word.startswith(target) or target.startswith(word):
        return word
    return target


# A B2B service whose name sounds like support ("managed IT support", "outsourced helpdesk",
# "maintenance contracts", "support plans") asked for by a prospect — a quote, a proposal,
# a tender, pricing, "we sell / provide …" — is a sale: the service nouns are what is sold,
# not a problem to triage. A customer reporting a problem ("report a fault", "what's
# wrong", "describe the issue", "how urgent") keeps them.
SERVICE_NOUNS = re.compile(
    r"\b(?:(?:managed|outsourced|24/7|it|technical|tech|customer|remote|on-?site|first[- ]line|"
    r"second[- ]line|desktop|network)[ -])*(?:support|help ?desks?|maintenance|customer service)"
    r"(?:[ -](?:services?|contracts?|plans?|desks?|outsourcing|packages?|agreements?|hours|"
    r"needs|team|partner|provider|retainers?))*\b|\btickets? volumes?\b|\bvolume of tickets\b"
)
SALE_ASKED = re.compile(
    r"\bquot(?:e|es|ation|ations)\b|\bproposals?\b|\btenders?\b|\bpricing\b|\bprices?\b|\brfps?\b|"
    r"\brfqs?\b|\bestimates?\b|\bcosts?\b|\bhow much\b|\bprospects?\b|\bnew clients\b|"
    r"\b(?:we|our (?:company|firm|team)) (?:sell|provide|offer|deliver|supply)\b|\boutsourc\w+|"
    r"\bmanaged (?:it|security|services?)\b|\b(?:contracts?|plans?|packages?) (?:enquir|inquir)\w*"
)
PROBLEM_REPORTED = re.compile(
    r"\breport\w*|\bfaults?\b|\bbroken\b|\bnot working\b|\bis down\b|\bwent down\b|\bwhat'?s wrong\b|"
    r"\bwhat went wrong\b|\b(?:the|an?|their|your) (?:issue|problem|error)s?\b|\bdescribe\b|\burgen\w+|"
    r"\boutages?\b|\bcomplain\w*|\bexisting (?:customers|clients)\b|\bfor our (?:customers|clients)\b|"
    r"\b(?:our|existing|current) \w+ (?:customers|clients)\b|\bcan'?t\b|\brefund\w*|\bwarrant\w+"
)


def selling_a_service(text: str) -> bool:
    """Whether the support-sounding nouns of ``text`` name a service a prospect asks for."""
    return bool(
        SERVICE_NOUNS.search(text) and SALE_ASKED.search(text) and not PROBLEM_REPORTED.search(text)
    )


# "a quick survey question: how did you hear about us?", "feedback on how people heard
# about us": one marketing-attribution question is a field, not what the form is for.
ATTRIBUTION = re.compile(
    r"\b(?:surveys?|polls?|feedback|questionnaires?)\b(?!\s+(?:forms?|surveys?|pages?)\b)"
    r"(?=[^.?!]{0,40}?\b(?:how|where) (?:did |do |have )?(?:you|they|people|customers|clients|"
    r"students|parents|members|guests|\w+) (?:first )?(?:hear|heard|f[oi]und|find out|learn(?:ed|t)?|"
    r"discover(?:ed)?|come across) (?:about |out about |of )?(?:us|our|the)\b)"
)


OPENING_BONUS = 3
_BREAK = re.compile(r"[:.;?!—–]|\s-\s")


def _opening(text: str) -> str:
    """The clause that states the purpose ("Register for a watercolour class", "Mailing list
    for our law practice") when more follows it, so a later word ("suggestions for future
    classes", "demo interest") does not outweigh it; "" when there is no such clause."""
    found = _BREAK.search(text)
    if not found or len(text) - found.end() < 15:
        return ""
    opening = text[: found.start()]
    # "subscribers to our meal kit who got a box with missing items": people described by
    # what happened to them are the audience, not the purpose
    return "" if re.search(r"\bwho\b", opening) else opening


# "…, interested in a quote (yes/no)": a yes/no question in the list is a field, so its
# words ("quote", "demo", "audit") say nothing about what the form is for
YES_NO_ITEM = re.compile(r"(?<=[,:;])[^,:;.()]*\((?:yes|y)\s*/\s*(?:no|n)\)", re.I)


# "…, project type (…), approximate budget, …": a budget asked in the list (not a budgeting
# app, not one option of "reason (budget, support, other)") makes a form named "contact form" a sales enquiry
BUDGET_ASKED = re.compile(
    r"(?:^|[,:;]|\s-|\band)\s*(?:(?:an?|your|the|their)\s+)?(?:(?:approximate|approx\.?|rough|"
    r"estimated|indicative|expected|total|overall|project|available|likely)\s+)?budgets?"
    r"(?:\s+(?:range|bracket|band))?\s*(?=$|[,.;:()]|\s(?:and|or)\b)"
)
CONTACT_FORM = re.compile(
    r"\bcontact(?: us)? forms?\b|\bcontact us\b|\bget in touch\b|\breach out\b"
)


# The opening words name the form ("Bike repair booking - …", "iPhone repair appointment
# booking: …"): what the marketer called it beats the domain nouns of its list ("what's the
# problem (broken screen, faulty battery)")
STATED_BONUS = 8
# Asking one of OUR people to speak at THEIR event is an enquiry to book them (a fee, a
# date), not someone applying to speak: hidden from the application kind.
SPEAKER_WANTED = re.compile(
    r"\b(?:ask|asks|invite|invites|book|books|hire|hires|request|requests|want|wants|send|sends)\s+"
    r"(?:our|us|me)\s+(?:[\w-]+\s+){0,3}?(?:to (?:speak|talk|present|give a talk|give a keynote)|"
    r"as (?:a |an |their |the )?(?:keynote )?speaker)\b[^.:;]*|"
    r"\bspeaker (?:requests?|enquir(?:y|ies)|inquir(?:y|ies)|bookings?)\b|\brequest (?:a|our) speaker\b",
    re.I,
)
# A job to do at the customer's home (local_home_jobs) is priced by the trade: a quote
HOME_JOB_BONUS = 10
STATED = {
    "booking": re.compile(
        r"^\W*(?:(?!(?:about|regarding|re|for|with|on|to|of|my|your|their|an?|the|cancel\w*|"
        r"complain\w*|complaints?|chang\w*|problems?|issues?|missed|lost)\b)[\w'-]+ ){0,4}"
        r"(?:booking|appointment|reservation)s?(?: (?:form|request|page))?"
        r"\s*(?:[:.;—–]|\s-\s)"
    ),
}


def kind_scores(description: str) -> list[tuple[int, dict]]:
    text = YES_NO_ITEM.sub(
        " question", ATTRIBUTION.sub("question", without_request_types(correct_typos(description)))
    )
    sold = SERVICE_NOUNS.sub(" the service ", text) if selling_a_service(text) else None
    # a workshop / talk proposal is someone offering to take part, not a proposal to price
    offered = re.sub(PARTICIPATION_PROPOSAL, " submission ", text)
    seen_by = {"support": sold or text, "pricing": offered}
    if SPEAKER_WANTED.search(text):  # their event, not ours: booking our speaker
        text = SPEAKER_WANTED.sub(" a speaker booking ", text)
    if BUDGET_ASKED.search(text):  # a contact form asking the budget is a sales enquiry
        seen_by["contact"] = CONTACT_FORM.sub(" form ", text)
    home_job = job_to_do(text)
    if home_job:  # "describe the job", "odd jobs": work a customer wants done, not employment
        seen_by["job_application"] = without_job_word(text)
    opening = _opening(text)
    scored = []
    for kind in KINDS:
        total, read = 0, seen_by.get(kind["key"], text)
        for pattern, weight in kind["cues"]:
            if re.search(rf"(?:{pattern})", read):
                total += weight
                if re.search(rf"(?:{pattern}){HEAD}", read):
                    total += HEAD_BONUS
                # a strong purpose word in the opening clause; a weak noun there ("piano
                # lessons interest form") is left to the model as before
                if weight >= 5 and opening and re.search(rf"(?:{pattern})", opening):
                    total += OPENING_BONUS
        if total and kind["key"] in STATED and STATED[kind["key"]].search(text):
            total += STATED_BONUS
        if home_job and kind["key"] == "pricing":
            total += HOME_JOB_BONUS
        scored.append((total, kind))
    return scored


def detect_kind(description: str) -> dict:
    """The kind whose cues weigh most (the earlier kind wins a tie); the contact form otherwise."""
    best, best_score = None, 0
    for total, kind in kind_scores(description):
        if total > best_score:
            best, best_score = kind, total
    return best or next(k for k in KINDS if k["key"] == DEFAULT_KIND)


def flow_scores(description: str) -> dict[str, int]:
    """The best cue score of the kinds of each flow."""
    best: dict[str, int] = {}
    for total, kind in kind_scores(description):
        best[kind["flow"]] = max(best.get(kind["flow"], 0), total)
    return best
