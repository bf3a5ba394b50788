"""Cues for three purposes the kind cues misread (local engine, issue 20; used by
``local_kinds_enquiries`` and ``local_kinds_people``).

- A home or business service taken on a plan or a contract — pool care, lawn care, window
  cleaning, IT maintenance — is sold: "contact us for a pool care plan" is a sales lead,
  not a question to route nor a support request.
- A trade emergency — a burst pipe, a lockout, a boiler breakdown — goes to a person at
  once: there is no slot to book.
- A form staff fill in about a colleague — an onboarding checklist for HR, access for new
  starters — is an internal request, not a checklist to download.
- A hall or a room hired from one time to another ("date, start and end time") asks for a
  slot in the diary: the secretary checks it and confirms, a booking (round 40b); a venue
  hire that names no times is a sales enquiry (packages, a show round, a quote).
"""

from __future__ import annotations

_SERVICE = (
    r"(?:care|cleaning|clean|maintenance|servicing|service|gardening|landscaping|pest control|"
    r"valeting|grooming|inspection|support|upkeep|mowing|cutting|checks?)"
)
_TERMS = r"(?:plans?|contracts?|packages?|subscriptions?|agreements?|retainers?)"
# offered ("a pool care plan", "our annual boiler service plan", "care plans"), not one the
# visitor has ("cancel your cleaning plan", "your maintenance contract visit")
SERVICE_PLAN = (
    rf"\b(?:a|an|our|the|for|about|on)\s+(?:[\w-]+\s+){{0,3}}?{_SERVICE} {_TERMS}\b|"
    r"\b(?:a|an|our)\s+(?:monthly|weekly|fortnightly|quarterly|annual|yearly|regular|seasonal|"
    r"maintenance) (?:plans?|contracts?|service contracts?)\b|"
    rf"^(?:[\w-]+\s+){{0,3}}?{_SERVICE} (?:plans|contracts|packages)\b"
)
_TRADE = (
    r"(?:plumb\w*|locksmiths?|electricians?|electrical|boilers?|heating|gas engineers?|glaziers?|"
    r"roofers?|drain\w*|engineers?|call-?outs?|call ?backs?|repairs?|tow\w*|recovery|glass repair)"
)
TRADE_EMERGENCY = (
    rf"\b(?:emergency|urgent|24/7|24-hour|out-of-hours|out of hours) {_TRADE}\b|"
    r"\blocked out\b|\block-?outs?\b|\bburst (?:pipes?|mains?)\b|\bboiler (?:breakdowns?|broken down)\b|"
    r"\b(?:no|lost) (?:heating|hot water|power)\b|\bflood(?:ed|ing)\b(?= (?:home|house|kitchen|bathroom))"
)
# who fills it in is staff, about a colleague
STAFF_FORM = (
    r"\bemployee (?:name|id|number|details)\b|\bnew (?:starters?|hires?|joiners?)\b|\bleavers\b|"
    r"\boff-?boarding\b|"
    r"\b(?:filled (?:in|out)|completed|used) by (?:the |our )?(?:hr|managers?|line managers?|"
    r"staff|employees|people team|hr team)\b|\bfor (?:the |our )?(?:hr|people) (?:team|department)\b|"
    r"\bfor hr\b(?!\s+(?:leaders?|professionals?|managers?|directors?|people|teams?)\b)|"
    r"(?<!customer )(?<!client )\bon-?boarding checklists?\b(?! (?:download|pdf|ebook|guide))"
)
# "start and end time", "start time, finish time", "arrival time, departure time"
HIRED_SLOT = (
    r"\bstart (?:and|&) (?:end|finish) times?\b|"
    r"\b(?:start|arrival|access) time\b[^.]*\b(?:end|finish|departure) time\b"
)
