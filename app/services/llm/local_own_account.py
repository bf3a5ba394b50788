"""A customer writing about their own account is asking for support, not buying (issue 20).

The support table in local_scoring knows the usual words ("already a customer", "not
working"); a customer often says neither and speaks of what they own instead: "we bought
the Pro plan last month, how do I change the logo on our forms?", "I signed up last week",
"I forgot my password", "please cancel our subscription", "none of our submissions show up,
is something down?". Someone moving to us or buying more of us is still a buyer.
"""

from __future__ import annotations

import re

_THINGS = r"(?:forms?|account|workspace|dashboard|submissions?|subscription|plan|invoices?|integration|settings)"
# what one does to what one has: "how do I change the logo on our forms" (not "how could we
# use it for our forms", which is a buyer asking)
_OPERATE = (
    r"(?:change|add|remove|edit|delete|export|download|connect|reset|update|rename|move|find|"
    r"turn off|turn on|disable|enable|access|restore|recover|transfer)"
)
OWN_ACCOUNT = re.compile(
    # what they bought or joined: "we bought the Pro plan", "I signed up last week"
    r"\b(?:we|i) (?:bought|purchased|paid for|subscribed to|signed up for) (?:the|your|a|an) [\w-]+ "
    r"(?:plan|tier|subscription|licen[cs]e)\b|\b(?:we|i) signed up (?:last|yesterday|this|a few|two|three|\d+)\b|"
    # an account of their own to operate: password, cancellation, a how-to on their forms
    r"\b(?:forgot|reset|change|changed|lost) (?:my|our) password\b|\bpassword reset\b|"
    r"\breset (?:e-?mail|link) (?:never|doesn'?t|didn'?t|hasn'?t)\b|"
    r"\b(?:cancel|close|delete|pause|downgrade) (?:our|my) (?:subscription|account|plan|workspace)\b|"
    rf"\bhow (?:do|can|should) (?:i|we) {_OPERATE}\b[\w' -]{{0,40}}?\b(?:on|in|to|from|of|for) (?:our|my) {_THINGS}\b|"
    rf"\b(?:connect|link) (?:my|our) {_THINGS}\b|"
    # their own data gone missing: "none of our submissions show up", "is something down?"
    r"\b(?:none|nothing) of our (?:[\w-]+ ){0,2}(?:submissions|forms|leads|entries|responses)\b|"
    r"\bis (?:something|anything|your (?:site|app|service|server|platform)) down\b",
    re.I,
)
# A buyer leaving another tool or buying more of ours: "cancel our Typeform account and move
# to you", "upgrade our plan", "add 10 users to our account".
_BUYING = re.compile(
    r"\b(?:switch|switching|move|moving|migrate|migrating|replace|replacing)\b|\bupgrad\w*|"
    r"\b(?:more|extra|additional) (?:seats|users|licen[cs]es|forms|people)\b|\badd \d+ (?:seats|users)\b",
    re.I,
)


def own_account(text: str) -> tuple[str, str] | None:
    """("support", reason) when the message is about an account the writer already has."""
    if OWN_ACCOUNT.search(text) and not _BUYING.search(text):
        return "support", "an existing customer asking about their own account"
    return None
