"""Lead scoring for the local agent: what the person wrote, not only who they are.

Signals come from the submission (the message first), the contact and the
company. A non-buyer — a competitor researching, a student, a journalist or
analyst, a job seeker, a vendor pitching, an existing customer asking for
support, a request to stop emailing, a test — scores low and gets no deal,
whatever the domain or title. Timelines, volumes, budgets and pain raise a
score; a free-mail address costs nothing when the text shows a serious buyer;
a one-person company claiming a six-figure budget is tempered.
"""

from __future__ import annotations

import re

from app.services.crm.deals import MAX_AMOUNT
from app.services.crm.normalize import email_domain, is_free_mail
from app.services.llm.local_buyer_scale import (
    SOLO_RE,
    buyer_scale,
    only_segment_discount,
    partnership,
    with_plan_ask,
)
from app.services.llm.local_called import called
from app.services.llm.local_cold_pitch import without_track_record
from app.services.llm.local_lead_asks import COMPARING_RE, without_no_timeline
from app.services.llm.local_lead_cues import gloss, glossed_from
from app.services.llm.local_non_buyers import STOP_SENDING, rival
from app.services.llm.local_noted import PAIN_RE, timings, volume_phrase
from app.services.llm.local_noted_foreign import FOREIGN_TIMING
from app.services.llm.local_own_account import own_account
from app.services.llm.local_pitch import buyer_asks, pitch_kind
from app.services.llm.local_purpose import form_purpose, partner_offer, supplier_offer

INTENT_WORDS = (
    "demo",
    "pricing",
    "price",
    "quote",
    "rfq",
    "rfp",
    "tender",
    "procurement",
    "proposal",
    "buy",
    "buying",
    "purchase",
    "order",
    "contract",
    "wholesale",
    "resell",
    "evaluate",
    "evaluating",
    "trial",
    "upgrade",
    "urgent",
    "asap",
    "sign",
    "roll out",
    "rollout",
    "happy to pay",
    "ready to pay",
    "want to start",
    "cost",
    "quote request",
    "integrate",
    "integration",
    "webhooks",
)
STRONG_INTENT = {
    "quote",
    "rfq",
    "rfp",
    "tender",
    "buy",
    "purchase",
    "order",
    "contract",
    "proposal",
    "wholesale",
    "sign",
    "happy to pay",
    "ready to pay",
    "procurement",
    "quote request",
}
# (kind, reason, pattern): the first that matches makes the lead a non-buyer.
NON_BUYERS = [
    (
        "opt-out",
        "asked not to be contacted",
        r"\bunsubscribe\b|\bremove me\b|\bstop (?:sending|emailing|contacting|mailing)\b|"
        r"\bdon'?t (?:contact|email|mail) me\b|\bopt(?:[- ])?out\b|\bnever signed up\b|\btake me off\b|"
        r"\bno more emails\b|\bremoved from (?:all|your|the) (?:mailing )?lists?\b|"
        # es, pt, fr, de (it, nl below): "darme de baja", "removam meu email da lista", "désabonnez-moi",
        # "bitte austragen", "keine E-Mails mehr"
        r"\bdar(?:me)? de baja\b|\b(?:quitar|eliminar|borrar)(?:me)? de (?:la|su|vuestra|sus) lista|"
        r"\bno (?:me )?(?:env[íi]en|manden|escriban) m[áa]s\b|\bremov\w* (?:o )?meu (?:e-?mail|contac?to)\b|"
        r"\bdescadastr\w+|\bn[ãa]o (?:me )?(?:enviem|mandem) mais\b|\bd[ée]sabonn\w+|\bd[ée]sinscri\w+|"
        r"\bne plus recevoir\b|\bretirez-moi\b|\babmelden\b|\baustragen\b|" + STOP_SENDING + r"|"
        r"\bkeine (?:weiteren )?(?:e-?mails|newsletter|werbung)(?: mehr)?\b|"
        # it, nl: "cancellatemi", "non voglio più ricevere", "uitschrijven", "geen e-mails meer"
        r"\bcancellat(?:emi|ami)\b|\bdisiscriv\w*|\b(?:rimuovetemi|toglietemi)\b|"
        r"\bnon (?:voglio|desidero) pi[ùu] ricevere\b|\bnon (?:inviatemi|mandatemi) pi[ùu]\b|"
        r"\buitschrijven\b|\bschrijf (?:mij|me) uit\b|\bgeen (?:e-?mails|nieuwsbrieven?) meer\b|"
        # "ich habe mich nie bei Ihnen angemeldet. Bitte löschen Sie meine Adresse."
        r"\bnie (?:bei (?:ihnen|euch) )?angemeldet\b|"
        r"\b(?:l[öo]schen|entfernen) sie (?:bitte )?meine (?:adresse|e-?mail\w*|daten)\b",
    ),
    (
        "data-request",
        "a data-protection request, not a sales enquiry",
        # "under GDPR, send me my data": a request about their data; "GDPR data residency"
        # asked before a demo is a buyer's requirement
        r"\b(?:under|per|according to) (?:the )?gdpr\b|\bgdpr (?:request|art\w*)\b|"
        r"\barticle 1[5-7]\b|\bsubject access\b|\bdelete (?:my|all) (?:data|information)\b|"
        r"\b(?:all )?(?:the )?(?:personal )?data you (?:hold|have|store|keep) (?:on|about) me\b",
    ),
    (
        "competitor",
        "a competitor researching",
        r"\bcompetitive (?:research|analysis|intel\w*|landscape)\b|\bcompetitors?\b|\bbenchmark\w*|"
        r"\bfor our own (?:form builder|form tool|product|platform)\b|\bour own (?:[\w-]+ ){0,3}roadmap\b|"
        r"\bbuilding something similar\b|\bour (?:own )?(?:product|competing) team\b|"
        r"\bcompare (?:it|your \w+) (?:with|to) ours\b|\bour prices\b|\bcompar\w*(?: \w+)? (?:to|with) ours\b|"
        r"\bthan ours\b|\b(?:doing|conducting|carrying out) (?:some )?market research\b|\b(?:tools|vendors|players) in this space\b",
    ),
    (
        "press",
        "press or analyst enquiry",
        r"\bfeaturing\b|\bnext (?:week|month)'?s issue\b|\bour readers\b|"
        r"\banswer (?:\d+|a few|some|our) questions\b|"
        r"\bjournalist\b|\breporter\b|\bwriting (?:a|an) (?:piece|article|story)\b|\bfor (?:an|my|our|the) "
        r"(?:article|story|piece)\b|\blooking for (?:a )?comment\b|\bquote from your\b|\bmarket guide\b|"
        r"\bbriefing\b|\bmagazine\b|\bblog about\b|\bwrite a review\b|\binterview your\b|"
        # a round-up for an issue: "our March edition", "a short company description and a logo"
        r"\bround-?ups?\b|\bfor (?:our|the|next|this) (?:\w+ )?(?:edition|issue)\b|"
        r"\bcompany description and (?:a |your )?(?:screenshot|logo|headshot)s?\b",
    ),
    (
        "student",
        "a student or academic, not a buyer",
        r"\bstudents?\b|\bthesis\b|\bdissertation\b|\bschool project\b|\buni(?:versity)? (?:assignment|project)\b|"
        r"\b(?:uni(?:versity)?|college|class|group) (?:\w+ )?project\b|"
        r"\bassignment\b|\bacademic (?:study|research|paper)\b|\bfor my (?:research|studies|course)\b|"
        r"\bcoursework\b|\bstudent discounts?\b|\basking for myself\b",
    ),
    # a recruiter offering candidates asks "are you hiring?" too, but sells: read first ("we need" buys)
    (
        "vendor",
        "a vendor pitching their own services",
        r"\b(?:candidates|engineers|developers|contractors|designers) (?:\w+ )?available "
        r"(?:immediately|now|to start)\b|\b(?:recruitment|staffing|talent) (?:agency|partner|firm)\b(?![^.?!]*\bwe need\b)",
    ),
    (
        "job-seeker",
        "looking for a job",
        r"\bare you hiring\b|\bany (?:job )?openings?\b|\bopenings for\b|\blooking for a job\b|\bmy cv\b|\bmy resume\b|"
        r"\bjoin your team\b|\bcareers page\b|\bwork for you\b|\battached my cv\b|\bcv link\b|"
        # a job they saw advertised: "is the role still open", "apply for the … job"
        r"\byou(?:'re| are) hiring\b|\b(?:role|position|job|vacancy|opening) (?:is )?still (?:open|available)\b|"
        r"\bapply for (?:the|your|a) [\w -]{0,40}?(?:role|position|job|vacancy|opening)\b",
    ),
    (
        "vendor",
        "a vendor pitching their own services",
        r"\bwe help (?:\w+ )?(?:companies|businesses|brands) like yours\b|"
        r"\bworth a (?:quick |short |\d+[- ]?min(?:ute)?s? )?(?:call|chat)\b|"
        r"\bspecial offer\b|\b\d+% off\b|\bguarantee(?:d)?\b|\bwe offer\b|\bwe noticed your\b|"
        r"\b(?:would you like|want) to advertise\b|\badvertis\w+ (?:in|with) our\b|\bour fee\b|\bvendor directory\b|"
        r"\bcan i send over\b|\blove to show you (?:our|my)\b|\bdo you have 15 minutes\b|\bfor a fee\b|"
        r"\brates from\b|\bour (?:packages|prices|rates|fees|plans) (?:start|begin)\b|\bwe can fix that\b|\bwe can (?:double|triple|boost|increase|grow|get you)\b|"
        r"\bor you don'?t pay\b|\bbacklinks?\b|\bbuy \w+ cheap\b|\bguest on our podcast\b|\bbug bounty\b|\bour (?:sales enablement|outbound|seo|lead generation) "
        r"(?:platform|service|services|agency)\b|\bgreat candidate for your\b|"
        # selling space: "sponsored slots start at $2,500", "our media kit", "placements begin at"
        r"\bsponsor(?:ed|ship) (?:slots?|posts?|placements?|packages?|spots?|opportunit\w+)\b|\bmedia kit\b|"
        r"\brate card\b|\b(?:slots|placements|spots|packages) (?:start|begin) (?:at|from)\b",
    ),
    (
        "support",
        "an existing customer asking for support",
        r"(?<!our )(?<!your )(?<!their )\b(?:already|existing|current) (?:a )?customers?\b|\bwe'?ve been (?:a )?customers? (?:for|since)\b|"
        r"\bour (?:[\w-]+ )?(?:emails?|notifications?|confirmations?) (?:now )?go(?:es)? (?:to|into) spam\b|\bour account is\b|\bcan'?t log ?in\b|\blocked\b|"
        r"\bnot working\b|\bhas been failing\b|\bfailing since\b|\bcharged twice\b|\brefund\b|\breissue\b|"
        r"\b(?:we were|i was|we got|i got|been) (?:over)?charged (?:twice|for|too)\b|"
        r"\b(?:fix|correct|amend) (?:the|our|my|this) (?:invoice|bill)\b|"
        r"\bi bought from you\b|\bdeleted (?:all )?my\b|\bwebsite is down\b|\bwrong vat\b|\bour invoice\b|"
        # an invoice already issued: "an invoice copy for November", "resend last month's invoice"
        r"\binvoice copy\b|\bcopy of (?:the|our|my|an|last month'?s) invoice\b|"
        r"\bresend (?:me |us )?(?:the |our |last month'?s |this month'?s )?(?:invoice|receipt)\b|\bwe pay (?:monthly|yearly|annually)\b|"
        r"\bwrong amount\b|\bour (?:subscription|plan|licen[cs]e) (?:is|was|has)\b|"
        # a customer's own account or product: "can you check our account", "since your
        # update the export fails", "we pay for the Business plan", "our forms stopped …"
        r"\b(?:check|look (?:into|at)) (?:on )?our account\b|"
        r"\b(?:since|after) (?:your|the) (?:last |latest |recent |new )?(?:update|release|upgrade|migration)\b|"
        r"\bwe(?:'re| are)? (?:already )?(?:pay(?:ing)? for|on|subscribed to) (?:the|your|our) \w+ (?:plan|tier)\b|"
        r"\bpaying customers?\b|\bwe (?:already )?use your (?:forms?|product|tool|app|software|platform)\b"
        r"[^.?!]{0,80}?\b(?:doesn'?t|don'?t|won'?t|isn'?t|stopped|no longer|fails?|broke)\b|"
        r"\b(?:embedded|embed(?:ded)?) (?:form|widget)s? (?:\w+ )?(?:doesn'?t|won'?t|isn'?t|stopped|no longer) "
        r"(?:load|show|display|work|appear|submit)\w*|\bour (?:[\w-]+ )?(?:forms?|account|dashboard|integration|webhooks?|exports?|"
        r"workspace|widget|emails?|notifications?)\b(?: [\w-]+){0,2} (?:stopped|isn'?t|aren'?t|won'?t|"
        r"doesn'?t|don'?t|fails?|failed|broke|shows? a blank|is blank)\b|"
        r"\bour (?:[\w-]+ ){0,2}(?:submissions?|leads|entries|responses)\b(?: [\w-]+){0,4} (?:never|didn'?t|did not|"
        r"haven'?t|have not|no longer) (?:reach|arriv|come|came|show|sync|appear)\w*|"
        # "since yesterday submissions from our checkout survey aren't showing up"
        r"\b(?:since|as of) (?:yesterday|this morning|last \w+|monday|tuesday|wednesday|thursday|friday)\b"
        r"[^.?!]{0,60}?\b(?:aren'?t|isn'?t|are not|is not|stopped|no longer) (?:show|arriv|com|appear|sync|load)\w*",
    ),
]
# A customer buying more ("on the Starter plan and want to upgrade", "25 extra seats") is
# a sale, not a support request.
EXPANSION_RE = re.compile(
    r"\b(?:want|wants|need|needs|like|plan|planning|looking|ready|hoping) to upgrade\b|"
    r"\bupgrad(?:e|ing) (?:to|our|from)\b|\b(?:add|adding|buy|need|want) (?:another |\d+ )?(?:more |extra |additional )?"
    r"(?:seats|users|licen[cs]es|accounts|workspaces)\b|\b(?:\d+ )?(?:more|extra|additional) "
    r"(?:seats|users|licen[cs]es)\b|\bexpand(?:ing)? (?:to|our|the)\b",
    re.I,
)
# A buyer may describe trouble with the tool they use now ("our current forms keep breaking,
# we want to move"): that is why they buy, not a support request to us.
SWITCHING_RE = re.compile(
    r"\b(?:want|wanting|looking|need|needs|plan|planning|hoping|ready) to (?:move|switch|migrate|replace|change)\b|"
    r"\breplacement\b|\bswitch(?:ing)? (?:to|from|away|providers?|vendors?|tools?)\b|\bmov(?:e|ing) away from\b",
    re.I,
)
OLD_TOOL_RE = re.compile(
    r"\b(?:current|existing|present|old|previous|legacy) (?:[\w-]+ ){0,2}?(?:vendor|provider|tool|system|"
    r"platform|solution|software|forms?|supplier|setup|stack)(?:'s)?\b",
    re.I,
)
# ... unless they say the tool is ours: "our existing forms stopped sending; we're a current
# customer on the Team plan" is a customer's support request.
OUR_CUSTOMER_RE = re.compile(
    r"\b(?:we'?re|we are|i'?m|i am) (?:already )?(?:an? )?(?:current |existing |paying |long-?time )?customers?\b|"
    r"\bon (?:the|your) [\w-]+ (?:plan|tier)\b|\bwe (?:already )?use your\b",
    re.I,
)
TEST_RE = re.compile(r"^\W*(?:test(?:ing)?(?: test)*|asdf\w*|qwerty\w*|x+|n/?a|none)\W*$", re.I)
# a prize or a giveaway nobody entered: junk, never answered
SCAM_RE = re.compile(
    r"\byou(?:'ve| have)? won\b|\bclaim (?:it |your (?:prize|reward|\w+) )?now\b|"
    r"\b(?:btc|bitcoin|crypto) giveaway\b|\bclick here to claim\b",
    re.I,
)
PLACEHOLDER_DOMAINS = {
    "example.com",
    "company.com",
    "yourdomain.com",
    "domain.com",
    "test.com",
    "x.com",
    "mailinator.com",
}
TIMELINE_RE = re.compile(
    r"\b(?:this|next) (?:week|month|quarter)\b|\bby (?:the )?end of\b|\bby (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"\bby \d+(?!,\d| (?:[a-z-]+ )?(?!(?:days|weeks|months)\b)[a-z]{3,}s\b)(?:st|nd|rd|th)?(?: (?:of )?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b)?|\bbefore (?:our|the|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|then|\d)\b|\bdeadline\b|\b(?:with)?in (?:the next )?(?:\d+|two|three|four|a few) (?:days|weeks)\b|"
    r"\bq[1-4]\b|\basap\b|\burgent\w*\b|\bthis week\b|\btomorrow\b|\b(?:due|by|before) (?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b|"
    r"\b(?:next|this|on) (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bstarting\b|\bcloses\b|\bdecision by\b|"
    r"\b(?:ends|expires|closes|runs out) (?:on )?(?:this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bcan sign\b|\bready to (?:buy|sign|start)\b|\bcontract (?:ends|renewal)\b|\blive (?:before|by|in)\b|"
    r"\bwhen can we start\b|\b(?:\d{1,2}(?:st|nd|rd|th)? )?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b|\bspring\b|\b(?:before|by|this|over the) (?:summer|autumn|fall|winter)\b|\bbusy season\b|\bneed (?:someone|it|this) (?:this|by)\b",
    re.I,
)
# A count of things: "12 entities", "40 tonnes", "500-person", "80 used cars" (not durations).
VOLUME_RE = re.compile(
    r"(?<![\w/])\d[\d,.]*\+?\s*(?:-\s*)?(?:[a-z]+(?:-[a-z]+)?\s+)?(?!(?:days|weeks|months|years|hours|minutes|mins|seconds|percent|times|"
    r"links|am|pm|vendors|providers|suppliers|options|alternatives|solutions|quotes)\b)(?:person|storey|bed|kg|sq ?m|square|[a-z]{3,}s)\b",
    re.I,
)
MONEY_RE = re.compile(
    r"[£$€]\s?\d|\b\d+(?:[.,]\d+)?\s?k\b(?!\s+(?!(?:euros|dollars|pounds)\b)[a-z]+[a-rt-z]s\b)|\bbudget (?:is |of |around |approved|signed off)|\bbudget \d|"
    # a budget and its figure in any language: "budget circa 200 euro", "presupuesto de unos 500 euros"
    r"\b(?<!no )(?:budget|presupuesto|or[çc]amento)\b(?:ca\.|[^.;!?\d]){1,25}?\d[\d.,]*\s?(?:k\b|euros?\b|eur\b|€|"
    r"dollars?\b|usd\b|pounds?\b|gbp\b|chf\b|reais\b)",
    re.I,
)
HESITATION_RE = re.compile(
    r"\bjust (?:exploring|curious|looking|browsing|researching)\b|\bno rush\b|\bmaybe\b|\bsomeday\b|"
    r"\bnothing urgent\b|\bnot urgent\b|\blater this year\b|\bnext year'?s? budget\b|\bbudget planning\b|"
    r"\bjust comparing\b|\bis (?:it|this) free\b|"
    r"\bcheapest\b|\bwhat is (?:this|a)\b|\bdiscounts?\b",
    re.I,
)
RECURRING_RE = re.compile(
    r"\b(?:weekly|monthly|every (?:week|month)|a (?:week|month)|per (?:week|month)|recurring|"
    r"\d+-month contract|annual contract)\b",
    re.I,
)
REFERRAL_RE = re.compile(
    r"\brecommended (?:you|us)\b|\breferred (?:me|us)\b|\bword of mouth\b", re.I
)
# Softer doubt, and asking for material rather than a conversation: one point each.
TENTATIVE_RE = re.compile(
    r"\bmight\b|\bperhaps\b|\bpossibly\b|\bthinking about\b|\bconsidering\b", re.I
)
INFO_ONLY_RE = re.compile(
    r"\bsend (?:me|us) (?:a |an |some |the |your )?(?:\w+ )?(?:video|brochure|info|information|deck|pdf|"
    r"price list|overview)\b",
    re.I,
)
SOFT_TIMELINE_RE = re.compile(
    r"\blater this year\b|\bnext year\b|\bin (?:a few|\d+|two|three|six) months\b|\bthis year\b",
    re.I,
)
# Who writes and what for, read from the message when no title or budget says it: the owner
# of the business ("I run a small bakery", "my shop"), and a need of their own ("we need
# online booking"); the foreign-language gloss says the same in English.
OWNER_RE = re.compile(
    r"\bi (?:own|run|manage) (?:a|an|my|our|the|two|three|\d+)\b|\b(?:i'?m|i am) the (?:owner|founder)\b|"
    r"\bowner of (?:a|an|my|our|the)\b|\bmy (?:own |small |little )?(?:business|company|shop|firm|store|"
    r"practice|salon|restaurant|hair salon|bakery|caf[eé]|bar|pub|studio|clinic|gym|garage|workshop|agency|"
    r"boutique|florist|bookshop|farm|brewery|winery|barbershop|spa)\b",
    re.I,
)
NEED_RE = re.compile(
    r"\b(?:we|i) (?:really |urgently |just |only )?need\b(?! to (?:know|ask|understand|check))|"
    r"\b(?:we'?re|we are|i'?m|i am) looking for (?:a|an|some|online|\w+ing)\b",
    re.I,
)
# Titles, also as written in German, French, Spanish and Portuguese.
_EXEC = re.compile(
    r"\b(ceo|cfo|cto|coo|cmo|cro|cio|ciso|chief|founder|co-founder|owner|president|partner|"
    r"geschäftsführer(?:in)?|managing director|general manager|executive director|inhaber(?:in)?|"
    r"gründer(?:in)?|vorstand|g[ée]rante?|pdg|fondat(?:eur|rice)|pr[ée]sidente?|propri[ée]taire|"
    r"directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|due[ñn][oa]|propietari[oa]|fundador[ao]?|"
    r"director[ao]? general|gerente general|s[óo]ci[oa](?:[- ](?:gerente|diretor[ao]?|fundador[ao]?))?|"
    r"diretor[ao]? geral|propriet[áa]ri[oa])(?!\w)"
)
# "Vertriebsleiter", "Einkaufsleiterin": a head of (not a team lead)
_SENIOR = re.compile(
    r"\b(vp|v\.p\.|svp|evp|vice president|head|director|procurement|purchasing|buyer|"
    r"(?!team)\w*leiter(?:in)?|leitung|"
    r"direktor(?:in)?|einkauf\w*|directeur|directrice|responsable|directora?|diretora?|jef[ea]|gerente|"
    r"compras|achats?)(?!\w)"
)
_MANAGER = re.compile(
    r"\b(manager|lead|principal|teamleiter(?:in)?|chef de projet|coordinador[a]?)\b"
)
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*([km])?\b", re.I)


# An intent word that names a thing of theirs: "quote forms", "pricing pages", "demo requests",
# a "sign-up" form.
_NAMES_A_THING = re.compile(
    r"\s+(?:forms?|pages|requests|calculators?|builders?|templates|workflows|process(?:es)?)\b|-(?:up|in)\b"
)


def words_in(text: str, vocabulary) -> list[str]:
    """The vocabulary words the text uses, except negated ones ("nothing urgent", "not buying")."""
    found = []
    for word in vocabulary:
        for match in re.finditer(rf"\b{re.escape(word)}\b", text):
            before = text[max(0, match.start() - 20) : match.start()]
            if _NAMES_A_THING.match(text, match.end()):
                continue  # "our quote forms go to four teams": what they run, not what they ask
            if not re.search(r"\b(?:not|nothing|no|isn't|aren't|never)\s+(?:\w+\s+)?$", before):
                if word not in found:
                    found.append(word)
                break
    return found


def field_value(data: dict, *needles: str) -> str:
    """The submitted value whose key is one of ``needles``, else the first key containing one."""
    filled = {k.lower(): v for k, v in data.items() if v not in (None, "", [])}
    hits = [filled[n] for n in needles if n in filled]
    hits += [v for k, v in filled.items() for n in needles if n in k]
    if not hits:
        return ""
    value = hits[0]
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def parse_amount(text: str) -> float | None:
    """'$50K+' -> 50000, '$10K-$50K' -> 30000, '<$10K' -> 5000, '120000' -> 120000."""
    values = []
    for digits, suffix in _NUMBER.findall(text or ""):
        number = float(digits.replace(",", ""))
        number *= {"k": 1_000, "m": 1_000_000}.get(suffix.lower(), 1)
        if number <= MAX_AMOUNT:  # 400 nines parse as infinity: not a budget or a team size
            values.append(number)
    if not values:
        return None
    lowered = text.lower()
    if len(values) >= 2:
        return round((values[0] + values[1]) / 2)
    if "<" in lowered or "under" in lowered or "less" in lowered:
        return round(values[0] / 2)
    return values[0]


QUOTE_REQUEST_RE = re.compile(
    r"\bwhat would (?:that|it|this|(?:a|an|one)(?: [\w-]+){1,8}?) cost\b|\bhow much would\b|\bcan you quote\b|\bplease quote\b|"
    r"\bsend (?:me|us) (?:a |an )?(?:formal )?(?:quote|offer|proposal)\b|\bsend (?:a|an) (?:formal )?(?:quote|offer|proposal)\b|\bquote (?:me|us) for\b|\b(?:we'?d|i'?d) like a quote\b",
    re.I,
)
NON_BUYER_TITLES = [
    ("press", "press or analyst enquiry", r"\b(?:reporter|journalist|editor|correspondent)\b"),
    ("student", "a student or academic, not a buyer", r"\bstudent\b|\bphd\b"),
]


def non_buyer(text: str, email: str, name: str, title: str = "") -> tuple[str, str] | None:
    """(kind, reason) when the message (or the job title) shows this is not someone buying."""
    for kind, reason, pattern in NON_BUYERS:
        leaving = SWITCHING_RE.search(text) or (
            OLD_TOOL_RE.search(text) and not OUR_CUSTOMER_RE.search(text)
        )
        buying = kind == "vendor" and buyer_asks(text)  # "worth a chat? we'd love a partner plan"
        if kind == "support" and (leaving or EXPANSION_RE.search(text)) or buying:
            continue
        if re.search(pattern, text, re.I):
            return kind, reason
    pitch = pitch_kind(text) or rival(text, email) or own_account(text)
    if pitch:
        return pitch
    for kind, reason, pattern in NON_BUYER_TITLES:
        if re.search(pattern, title or "", re.I):
            return kind, reason
    if re.match(r"(?:students?|stud|etu|alumnos?|estudiantes?)\.", email_domain(email) or ""):
        return "student", "a student address"
    if (
        email_domain(email) in PLACEHOLDER_DOMAINS
        or TEST_RE.match(name or "")
        or (text.strip() and TEST_RE.match(text.strip()))
        or SCAM_RE.search(text)
    ):
        return "test", "a test or junk submission"
    return None


def score_lead(s: dict) -> tuple[str, int, list[str], list[str]]:
    """(score, points, reasons, tags) from the signals (``local_agent.signals``)."""
    points, reasons, tags = 0, [], []

    def add(n, reason, tag=None):
        nonlocal points
        points += n
        reasons.append(reason)
        if tag:
            tags.append(tag)

    if s["not_buyer"]:
        kind, why = s["not_buyer"]
        reasons.append(f"not a buyer: {why}")
        customer = ["existing-customer"] if kind == "support" else []  # for the support team
        return "low", 0, reasons, ["lead-low", "not-a-buyer", kind, *customer]
    text = s["message"].lower() or s["text"]  # what they wrote, not the options they picked
    text = f"{text} . {s['gloss']}" if s.get("gloss") else text
    timeline = TIMELINE_RE.search(without_no_timeline(text))
    volume = VOLUME_RE.search(without_track_record(text))  # not "we've helped 200 clinics"
    said_when = without_no_timeline(s["message"])
    foreign_when = FOREIGN_TIMING.search(said_when) if s.get("gloss") else None
    money, pain = MONEY_RE.search(text), PAIN_RE.search(text)
    hesitant = HESITATION_RE.search(text) or TENTATIVE_RE.search(text)
    scale = buyer_scale(text, s["message"])  # who buys and how big, from what they write
    need = NEED_RE.search(text) or scale.own_use
    serious = sum(bool(x) for x in (timeline, volume, money or s["budget"], pain or need)) >= 2
    if s["domain"] and not s["free_mail"]:
        add(2, f"business email domain ({s['domain']})", "business-domain")
    elif s["free_mail"] and s.get("sells_to_people"):
        # a couple's or a homeowner's gmail is the address this form expects, as a company
        # domain is on a business form
        add(2, f"a personal address ({s['domain']}), as expected on this form", "personal-address")
    elif s["free_mail"] and not (serious or scale.own):
        add(-1, f"free-mail address ({s['domain']})", "free-mail")
    elif s["free_mail"]:
        reasons.append(f"free-mail address ({s['domain']}), but {scale.free_mail(serious)}")
        tags.append("free-mail")
    solo = (s["size"] is not None and s["size"] <= 10) or SOLO_RE.search(text)
    small = solo or (s["size"] is not None and s["size"] <= 50)
    if s["budget"] and solo and s["budget"] >= 50_000:
        reasons.append(
            f"budget {s['budget_text']} is implausible for a one-person company: not counted"
        )
        tags.append("implausible-budget")
    elif s["budget"]:
        n = 3 if s["budget"] >= 50_000 else 2 if s["budget"] >= 10_000 else 1
        add(n, f"budget {s['budget_text']}", "budget-50k-plus" if n == 3 else None)
    elif money:
        add(2, f"mentions a budget ({_budget_said(text, money)})")
    if s["size"]:
        if s["size"] >= 200:
            add(2, f"company size {s['size_text']}", "enterprise")
        elif s["size"] >= 50:
            add(1, f"company size {s['size_text']}", "mid-market")
        else:
            reasons.append(f"small team ({s['size_text']})")
    if _EXEC.search(s["title"]):
        add(1 if solo else 2 if small else 3, f"executive title ({s['title']})", "decision-maker")
    elif _SENIOR.search(s["title"]):
        add(2, f"senior title ({s['title']})", "decision-maker")
    elif _MANAGER.search(s["title"]):
        add(1, f"manager title ({s['title']})")
    elif OWNER_RE.search(text) or scale.one_business:  # "I have a small cattery"
        add(1 if solo else 2, "the owner writes (a decision-maker)", "decision-maker")
    if QUOTE_REQUEST_RE.search(text) and "quote request" not in s["intent"]:
        s["intent"] = [*s["intent"], "quote request"]
    if COMPARING_RE.search(text) and not {"evaluate", "evaluating"} & set(s["intent"]):
        s["intent"] = [*s["intent"], "comparing vendors"]
    if s.get("fit"):  # a partner on the partner form, a supplier on the supplier form: the
        # offer is the intent (one point, as a single intent word); intent words still count.
        add(0 if s["intent"] else 1, f"what the {s['purpose']} form is for: {s['fit']}")
        tags.append(f"{s['purpose']}-fit")
    if {"evaluate", "evaluating", "comparing vendors"} & set(s["intent"]):
        tags.append("evaluating")
    if s["intent"]:
        strong = any(w in STRONG_INTENT for w in s["intent"])
        add(
            2 if strong else min(2, len(s["intent"])),
            "intent: " + ", ".join(s["intent"]),
            f"intent-{s['intent'][0]}",
        )
    if hesitant:  # "we might look at tools next quarter" is not a timeline
        timeline = foreign_when = None
    if (
        timeline
        or foreign_when
        or (s["timeline_text"].lower() in ("this month", "this quarter") and not hesitant)
    ):
        # their words, whole: "by 20 January", not "by 2"; "avant l'été", not the gloss
        said = foreign_when or next(iter(timings(said_when)), None)
        shown = said.group(0) if said else timeline.group(0) if timeline else s["timeline_text"]
        if not said and timeline and timeline.start() >= len(s["message"]):
            shown = glossed_from(s["message"], shown) or shown
        add(2, f"timeline: {shown}", "timeline")
    elif SOFT_TIMELINE_RE.search(text) or s["timeline_text"].lower().startswith("next"):
        add(1, "a later timeline")
    elif s["timeline_text"].lower().startswith("just"):
        add(-2, f"timeline: {s['timeline_text']}")
    if volume:
        count = parse_amount(volume.group(0)) or 0
        shown = volume_phrase(without_track_record(s["message"])) or volume.group(0)
        add(2 if count >= 50 else 1, f"volume: {shown[0].lower()}{shown[1:]}", "volume")
    if RECURRING_RE.search(text):
        add(1, f"recurring need: {RECURRING_RE.search(text).group(0)}")
    if pain:
        add(1, f"pain point: {pain.group(0)}")
    elif need:
        add(1, f"a need of their own: {need.group(0)}")
    if REFERRAL_RE.search(text):
        add(2, "referred by someone", "referral")
    if s["phone"]:
        add(1, "left a phone number")
    if HESITATION_RE.search(text) and not only_segment_discount(text, HESITATION_RE):
        add(-1, f"hesitant: {HESITATION_RE.search(text).group(0)}")  # low urgency: -1, never high
    elif TENTATIVE_RE.search(text):
        add(-1, f"tentative: {TENTATIVE_RE.search(text).group(0)}")
    if INFO_ONLY_RE.search(text):
        add(-1, f"asks for material only: {INFO_ONLY_RE.search(text).group(0)}")
    if s["returning"]:
        add(1, "returning contact", "returning")
    score = "high" if points >= 6 else "medium" if points >= 3 else "low"
    specific = any(
        (
            s["budget"] and "implausible-budget" not in tags,
            money,
            timeline or foreign_when,  # "antes del 15/03": their date, read in their words
            volume,
            pain,
            need,
            s["returning"],
        )
    )
    if score == "high" and not specific:
        score, why = "medium", "no budget, timeline, volume or need stated yet"
        reasons.append(f"kept at medium: {why}")
    elif score == "high" and HESITATION_RE.search(text):
        score = "medium"
        reasons.append("kept at medium: no urgency")
    elif score == "high" and "implausible-budget" in tags:
        score = "medium"
    elif (
        score == "high"
        and (solo or scale.one_business)
        and (not s["budget"] or s["budget"] < 10_000)
    ):
        score = "medium"
        reasons.append("kept at medium: a small company with a small budget")
    elif (
        score == "high"
        and small
        and not (s["budget"] or money)
        and not _EXEC.search(s["title"])
        and not (s.get("fit") and volume)
        and not (timeline and (scale.units or volume and "decision-maker" in tags))
    ):
        # A team of 11-50 with no budget and no owner or executive writing: promising, not yet
        # a deal. A partner on the partner form who states the clients they serve has stated
        # their scale: that, not a budget, is what a reseller brings. A director who says how
        # many, or a team that counts the places it runs ("6 gyms"), and by when has scoped it.
        score = "medium"
        reasons.append("kept at medium: a small team, no budget stated")
    if score == "high" and s.get("channel"):
        score = "medium"
        reasons.append(
            f"kept at medium: a partnership offer ({s['channel']}) on a sales form, not a "
            "purchase: route it to partnerships"
        )
        tags.append("partner-enquiry")
    return score, points, reasons, [f"lead-{score}", *tags]


# One or two words after "budget is" / "budget of": "signed off", "$5,000", "around 20k".
_WORD = r"(?:[^\s.,;:!?()]|[.,](?=\d))+"
_BUDGET_WORDS = re.compile(rf"{_WORD}(?: (?!(?:and|but|for|with|to|so|as|in|we|i)\b){_WORD})?")


_AMOUNT = re.compile(
    r"[£$€]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|thousand)\b)?(?:\s?(?:/|per |a )(?:year|yr|month|mo|"
    r"annum|user|seat)\b)?",
    re.I,
)


# A figure with its unit and rate, in any of the five languages: "50 euro im monat", "40k a year"
_FIGURE = re.compile(
    r"\d[\d,.]*(?:\s?(?:k|m|bn|million|thousand)\b)?(?:\s?(?:euros?|eur|dollars?|pounds?|usd|gbp|"
    r"reais|€|\$|£))?(?:\s?(?:/|(?:a|per|im|pro|al|por|par|ao|a[ou]) )(?:year|yr|month|mo|annum|user|"
    r"seat|jahr|monat|a[ñn]o|ano|mes|m[êe]s|mois|an|mese|anno|maand|jaar)\b)?",
    re.I,
)


def _budget_said(text: str, money: re.Match) -> str:
    """The budget as written, whole: "budget is signed off", not "budget is"; "budget 50 euro
    im monat", not "budget 5"; "around $40k a year", not "around $40k a"."""
    said = money.group(0).strip()
    if said[:1] in "£$€":  # "€30k/year", not "€3"
        whole = _AMOUNT.match(text, money.start())
        said = whole.group(0) if whole else said
    elif said[-1:].isdigit() or said[:1].isalpha() and re.search(r"\d", said):
        # "budget 5…", "budget circa 200 euro": the figure is said whole, with its rate
        at = re.search(r"\d", said).start()
        said = said[:at] + _FIGURE.match(text, money.start() + at).group(0)
    if re.fullmatch(r"budget (?:is|of|around)", said, re.I):
        start = money.end() + len(text[money.end() :]) - len(text[money.end() :].lstrip())
        figure = _AMOUNT.match(text, start)
        rest = figure or _BUDGET_WORDS.match(text[money.end() :])
        said = f"{said} {rest.group(0).strip()}" if rest else said
    return said


def signals(context: dict) -> dict:
    submission = context.get("submission") or {}
    data = {k: v for k, v in (submission.get("data") or {}).items() if not str(k).startswith("_")}
    contact = context.get("contact") or {}
    history = context.get("history") or {}
    email = contact.get("email") or field_value(data, "email")
    text = " ".join(str(v) for v in data.values() if isinstance(v, str | int | float)).lower()
    message = field_value(
        data, "message", "question", "details", "description", "comment", "issue", "requirements"
    )
    title = field_value(data, "title", "role", "position", "job").lower()
    name = contact.get("name") or field_value(data, "name")
    size_text = field_value(data, "size", "employees", "headcount", "team")
    body = message.lower() or text
    glossed = gloss(body)  # a message in es, fr, de or pt: its cues in English
    body = f"{body} . {glossed}" if glossed else body
    purpose = form_purpose(context.get("form"))
    not_buyer = non_buyer(body, email, name, title)
    fit = (
        partner_offer(body, broad=True)
        if purpose == "partner"
        else supplier_offer(body)
        if purpose == "supplier"
        else None
    )
    if fit and not_buyer and not_buyer[0] == "vendor":
        not_buyer = None  # offering is what this form asks for
    return {
        "purpose": purpose,
        "fit": fit,
        "channel": partnership(body) if purpose == "buyer" else None,
        "email": email,
        "domain": email_domain(email),
        "free_mail": bool(email) and is_free_mail(email),
        # a sales form that allows free mail sells to people (a couple, a homeowner): their
        # gmail says nothing about them (a contact form allows it by default, so it does not count)
        "sells_to_people": (context.get("form") or {}).get("type") == "sales"
        and (context.get("form") or {}).get("free_mail") == "allow",
        "budget": parse_amount(field_value(data, "budget")),
        "budget_text": field_value(data, "budget"),
        "size": parse_amount(size_text) if size_text else None,
        "phone": field_value(data, "phone", "mobile", "tel"),
        "size_text": size_text,
        "timeline_text": field_value(data, "timeline", "timeframe"),
        "title": title,
        "text": text,
        "intent": with_plan_ask(body, words_in(body, INTENT_WORDS)),
        "not_buyer": not_buyer,
        "returning": bool(history.get("previous_submissions"))
        or (contact.get("submission_count") or 0) > 1,
        "open_deals": history.get("open_deals") or [],
        "first_name": contact.get("first_name") or called(name),  # "Ana", "Mrs Patel"; not "Dr."
        "company": (context.get("company") or {}).get("name") or _company_name(data),
        "subject": field_value(data, "subject", "topic"),
        "message": message,
        "gloss": glossed,
        "data": data,
    }


def _company_name(data: dict) -> str:
    value = field_value(data, "company", "company_name", "organization", "organisation")
    return "" if re.fullmatch(r"[\d\s,.+<>$kK-]*", value) else value
