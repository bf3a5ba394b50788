"""Who offers what to whom: vendors pitching and competitors, read from the
structure of a message rather than from a list of sales phrases (issue 20).

A buyer asks for something *for us* ("can you show us", "we need"); a vendor
offers something *to you* ("we can deliver 40 leads a month to your team",
"can I book 15 minutes to show you"); a competitor says they make the same
thing ("I work at a company that makes something like yours", "we're building
a similar tool") or asks how you build yours ("what database do you use",
"under the hood"). The patterns below encode those roles — subject, offer verb,
recipient — so new wordings of the same move are recognised.
"""

from __future__ import annotations

import re

from app.services.llm.local_cold_pitch import asks_ours, cold_pitch

_WE = r"(?:we|we'?re|we are|our (?:team|agency|studio|company|firm|service|platform|experts?))"
_CAN = r"(?:\s*(?:can|could|will|would|'d|'ll|are able to|would be happy to|'d be happy to|are happy to|love to|'d love to))*"
_OFFER = (
    r"(?:deliver|provide|offer|supply|produce|generate|send|bring|build|create|put together|"
    r"design|source|book|set up|handle|manage|take care of|run|list|showcase|promote)\w*"
)
_TO_YOU = r"\b(?:you|your|yours|teams like yours|companies like yours|businesses like yours)\b"
# "We can deliver 40 qualified leads a month straight to your sales team."
OFFER_TO_YOU = re.compile(
    rf"\b{_WE}{_CAN}\s+{_OFFER}\b[^.?!]{{0,90}}?{_TO_YOU}|"
    rf"\b(?:shall|can|may|could) i (?:send|share|put together|prepare|book|offer)\b[^.?!]{{0,60}}?{_TO_YOU}|"
    # a paid placement sold to us: "a listing package", "sponsored listing", "our media kit"
    r"\b(?:listing|advertising|sponsorship|featured) (?:package|plan|slot)s?\b|\bsponsored (?:listing|post|"
    r"placement)s?\b|\bour media kit\b",
    re.I,
)
# A buyer may offer something too ("our team can send you our current flow"); what they
# need, look for or want to decide says who is buying.
BUYER_NEED = re.compile(
    r"\b(?:we|i) (?:now |also |really |just )?(?:need|are looking for|'re looking for|am looking for|'m looking for|want to (?:buy|switch|move))\b|"
    r"\bwe(?:'re| are)? (?:hoping|looking|aiming) to\b|\blooking to (?:decide|buy|switch|replace|roll)\b|"
    r"\bcan you show us\b|\bsend (?:us|me) (?:pricing|a quote)\b|"
    r"\b(?:we|i)(?: want|'d like| would like) (?:a|an|your|to (?:buy|try|use|see|get|roll))\b|"
    # an agency reselling our product to its own clients buys it: "resell your forms under our
    # brand", "do you have an agency plan?", "white-label"
    r"\b(?:resell|rebrand|white-?label) (?:your|it|the product)\b|\bwhite-?label(?:led|ed)?\b|"
    r"\b(?:agency|reseller|partner) (?:plan|pricing|tier|account)s?\b",
    re.I,
)
# "Can I book 15 minutes to show you how?" / "open to a 20 minute chat to see if we can help you"
SHOW_YOU = re.compile(
    r"\b(?:show|walk) you (?:how|what|our|through our)\b|"
    r"\b(?:\d+|fifteen|twenty|thirty|a few)[- ]?(?:minutes?|mins?)\b[^.?!]{0,60}\b(?:show you|help you|"
    r"see if we)\b|\bsee if we can help (?:you|your)\b|\bwould you like a free\b|\bfree (?:sample|audit|"
    r"storyboard|mock-?up|trial of our|consultation from us)\b",
    re.I,
)
_MAKER = (
    r"(?:make|makes|making|made|build|builds|building|built|develop|develops|developing|developed|"
    r"launched|created|sell|sells|selling|run|runs|work on|working on)"
)
_SAME_THING = (
    r"(?:something (?:like|similar to) (?:yours|this|what you do)|(?:a |an )?(?:similar|competing|rival) "
    r"(?:\w+ ){0,2}(?:tool|product|platform|app|service|solution|builder|software)|"
    r"(?:a |an )?(?:\w+ ){0,2}(?:tool|product|platform|app|service|builder|software|solution) "
    r"(?:(?:much|very much|a lot|just|quite|rather) )?(?:like|similar to) yours|"
    r"(?:a |an )(?:\w+ ){0,2}(?:tool|product|platform|app|builder|software) (?:too|as well)\b)"
)
# "I work at a company that makes something like yours" / "we're building a similar tool"
SAME_MAKER = re.compile(rf"\b{_MAKER}\s+{_SAME_THING}|\ba competitor of yours\b", re.I)
# "we also build form software", "as a fellow vendor in this space", "we're in the same
# market": the sender says their own company makes what we make.
SAME_SPACE = re.compile(
    r"\bfellow (?:vendors?|providers?|makers?|builders?|founders? in (?:this|the same) (?:space|market))\b|"
    r"\b(?:we'?re|we are|i'?m|i am) (?:also )?in the same (?:space|market|business|industry|category)\b|"
    r"\bin (?:this|the same) space (?:too|as well|as you)\b|\bcompet(?:e|es|ing) (?:directly )?(?:with|against) (?:you|yours|your \w+)\b|"
    r"\b(?:of|at|run|runs|own|owns|from) (?:a|an) (?:[\w-]+ ){0,2}(?:tool|platform|builder|software|product|"
    r"app|company|startup|solution) (?:(?:much|very much|quite|a lot) )?(?:like|similar to) yours\b|"
    r"\bwe(?:'re| are) (?:also )?(?:a|an) (?:[\w-]+ ){0,2}(?:tool|platform|builder|software|product|app|"
    r"vendor|saas|provider)(?: company| startup)?,? (?:too|as well)\b|"
    r"\bwe (?:make|build|develop|sell|offer) (?:exactly )?the same (?:kind of )?(?:thing|product|tool|software|service)\b",
    re.I,
)
ALSO_MAKE = re.compile(
    r"\bwe (?:also|too) (?:make|build|develop|sell|run|provide)\s+(?:[\w-]+\s+){0,3}?(?:software|tools?|"
    r"platforms?|apps?|products?|solutions?|builders?|forms?|saas)\b",
    re.I,
)
# The sender's own product: "I run a form builder startup", "we've launched our own lead
# capture tool", "my company makes online survey software", "our team ships a form product".
_SENDER = (
    r"(?:i|we|my (?:company|startup|team|firm|business)|our (?:team|company|startup|firm|business))"
)
_MAKES = (
    r"(?:'ve|'re|'m| have| are| am| also| too)*\s*(?:also\s+|too\s+)?(?:run|runs|own|owns|make|makes|build|"
    r"builds|building|built|develop|develops|developing|developed|ship|ships|shipped|launched|created|"
    r"made|founded|sell|sells|"
    r"have|has|started|work on|working on)"
)
_THING = (
    r"(?:startup|tool|product|platform|app|software|builder|solution|saas|service|plugin|"
    r"extension|add-?on|widget|alternative)s?"
)
OWN_PRODUCT = re.compile(
    rf"\b{_SENDER}{_MAKES}\b[^.?!]{{0,50}}?\b{_THING}\b|"
    # "founder of another form builder here", "CEO of a survey startup", "co-founder at a
    # lead capture startup", "the founder of FormPilot, another form builder"
    rf"\b(?:co-?)?(?:founder|ceo|cto|maker|builder|creator|team) (?:of|at|behind) (?:[\w-]+,? )?"
    rf"(?:another|a|an|our) (?:[\w-]+ ){{0,3}}?{_THING}\b|"
    # "our startup does AI lead qualification too"
    # "we're a fellow startup in online surveys"
    r"\bfellow (?:startup|company|saas|founder|maker|builder|vendor)s?\b|"
    rf"\b(?:my|our) (?:startup|company|team|firm|business|product|platform|tool) (?:also )?"
    rf"(?:does|do) [^.?!]{{0,50}}? (?:too|as well)\b",
    re.I,
)
# What one maker asks another: to swap notes, compare approaches, talk about the space.
PEER_EXCHANGE = re.compile(
    r"\b(?:swap|swapping|trade|trading|compare|comparing|exchange|exchanging|share|sharing) "
    r"(?:notes|approaches|ideas|thoughts|experiences|learnings|war stories)\b|"
    r"\b(?:chat|talk|catch up|conversation) about the (?:space|market|industry|category)\b|"
    r"\btalk shop\b|\blearn from each other\b|\bin the same category\b|"
    r"\b(?:jam|brainstorm|riff) on (?:ideas|it|this)\b|\bbounce ideas\b",
    re.I,
)
# "I run a form builder startup too", "my company makes survey software as well": the
# sender's product is ours ("too" / "as well" says the same kind).
OWN_TOO = re.compile(
    rf"\b{_SENDER}{_MAKES}\b[^.?!]{{0,50}}?\b(?:startup|tool|product|platform|app|software|builder|"
    r"solution|saas)s?,? (?:too|as well)\b",
    re.I,
)
# Asking how the product is built, not what it does for them.
INTERNALS = re.compile(
    r"\bunder the hood\b|\bwhat (?:database|stack|tech stack|language|framework|model)s? (?:do|does) you\b|"
    r"\byour (?:architecture|tech stack|infrastructure|scoring model)\b|\bat your scale\b|"
    r"\bhow (?:do|did) you (?:build|built|implement|architect)\b",
    re.I,
)


# "We help SaaS companies 3x their demo bookings": a claim about what the sender does for
# businesses like the reader's; a buyer describing their own clients says what they need.
HELP_CLAIM = re.compile(
    r"\bwe help (?:[\w-]+ ){0,3}?(?:companies|businesses|brands|teams|firms|startups|agencies|founders|"
    r"shops|stores|clinics|practices)\b[^.?!]{0,60}?\b(?:\d+(?:\.\d+)?x|double|triple|grow|boost|"
    r"increase|get more)\b|\bdone[- ]for[- ]you\b",
    re.I,
)

# "We're building a survey tool ourselves. How do you handle duplicates?": a maker of our kind
# of product (forms, surveys, lead capture) asking how ours works, with no need of their own.
OUR_KIND = re.compile(
    rf"\b{_SENDER}{_MAKES}\b[^.?!]{{0,30}}?\b(?:forms?|form-builder|surveys?|quiz(?:zes)?|polls?|"
    rf"questionnaires?|lead[- ]?(?:capture|gen\w*|scoring)|booking)[- ](?:[\w-]+ )?{_THING}\b",
    re.I,
)
HOW_YOURS = re.compile(
    r"\bhow (?:(?:do|does|did) )?you(?:r [\w-]+)? (?:handle|do|deal with|manage|approach|build|implement|"
    r"scale|store|detect|prevent|filter|score|route)\b|\bwhat (?:do |does )?your (?:[\w-]+ ){1,4}"
    r"(?:looks? like|use|run on)\b|\bunder the hood\b",
    re.I,
)
# A recruiter sells people: "we place senior engineers", "I recruit SDRs for SaaS companies",
# "open to seeing a few profiles", "happy to share three CVs".
PLACES_PEOPLE = re.compile(
    r"\b(?:we|i) (?:place|recruit|headhunt|source)s? (?:[\w-]+ ){0,3}?(?:engineers|developers|"
    r"designers|candidates|talent|marketers|salespeople|sdrs|bdrs|account executives|hires|"
    r"contractors|staff)\b|\b(?:see|seeing|review|share|sharing|send(?: you| over)?) (?:a few |some |"
    r"\w+ )?(?:candidate )?(?:profiles|cvs|resumes)\b",
    re.I,
)


# Money offered to the company, not a purchase: "we invest in seed-stage SaaS", "are you
# raising?", "wir investieren in", "nous investissons dans".
INVESTOR = re.compile(
    r"\bwe(?:'re| are)? (?:an? )?(?:invest(?:ing|s)? in|(?:angel|vc|venture) (?:investors?|fund|firm))\b|"
    r"\bare you (?:currently |already )?(?:raising|fundraising|open to (?:investment|investors))\b|"
    r"\b(?:your|a|the) (?:next |first )?(?:pre-seed|seed|series [a-d]|funding|investment) (?:round|raise)\b|"
    r"\byour next round\b|\bi (?:lead|make|manage) (?:our |the fund'?s )?(?:[\w-]+ )?investments\b|"
    r"\b(?:term sheet|cap table|our (?:vc )?fund|venture capital)\b|"
    r"\b(?:invertimos en|nous investissons dans|wir investieren in|investimos em|investiamo in|wij investeren in)\b|"
    r"\b(?:est[áa]is|[êe]tes-vous|sind sie|est[ãa]o|state|zijn jullie) (?:\w+ )?(?:levantando|en lev[ée]e de fonds|"
    r"auf kapitalsuche|a captar|raccogliendo|aan het ophalen)\b",
    re.I,
)


def pitch_kind(text: str) -> tuple[str, str] | None:
    """("vendor" | "competitor" | "investor", reason) when the message offers to us or comes
    from a rival."""
    if INVESTOR.search(text) and not BUYER_NEED.search(text):
        return "investor", "an investor asking about funding"
    if SAME_MAKER.search(text) or SAME_SPACE.search(text):
        return "competitor", "a competitor (they make something similar)"
    if ALSO_MAKE.search(text) and not BUYER_NEED.search(text):
        return "competitor", "a competitor (they make the same kind of product)"
    if not BUYER_NEED.search(text) and (
        OWN_TOO.search(text) or OWN_PRODUCT.search(text) and PEER_EXCHANGE.search(text)
    ):
        return "competitor", "a competitor (a maker of the same kind of product, comparing notes)"
    if INTERNALS.search(text) and re.search(
        r"\b(?:similar|competing|like yours|our product)\b", text, re.I
    ):
        return "competitor", "a competitor asking how the product is built"
    if OUR_KIND.search(text) and HOW_YOURS.search(text) and not BUYER_NEED.search(text):
        return (
            "competitor",
            "a competitor (they make the same kind of product, asking how ours works)",
        )
    offer = OFFER_TO_YOU.search(text) or HELP_CLAIM.search(text) or PLACES_PEOPLE.search(text)
    if (offer or cold_pitch(text)) and not BUYER_NEED.search(text) or SHOW_YOU.search(text):
        return "vendor", "a vendor offering their services to us"
    return None


def buyer_asks(text: str) -> bool:
    """A need of their own or a question about our product: a buyer, whatever sales words
    they use ("worth a quick chat? we'd love a partner plan")."""
    return bool(BUYER_NEED.search(text) or asks_ours(text))
