"""A form's spam settings (SPEC §19), kept in its ``security`` block beside §5's limits:

- ``review_threshold`` / ``block_threshold``: score at which a submission is
  quarantined / refused (defaults 50 / 100; see capture/spam_signals.py);
- ``free_mail``: ``allow`` | ``score`` (the free_mail signal) | ``block`` (a 422 asking
  for a work address); sales forms default to ``score``, the others to ``allow``;
- ``blocked_words``: words or phrases that fire the blocked_words signal;
- ``challenge``: proof-of-work ``off`` | ``on`` | ``auto`` (on during a burst).
"""

from __future__ import annotations

from app.services.forms.fields import _choice, _Errors, _int, _str_list

FREE_MAIL_POLICIES = ("allow", "score", "block")
CHALLENGE_MODES = ("off", "on", "auto")
MAX_BLOCKED_WORDS = 200
MAX_SCORE = 1000


def spam_settings(raw: dict, form_type: str, errors: _Errors) -> dict:
    """The spam keys of a normalized security block (``raw`` is the block as given)."""
    review = _int(
        raw.get("review_threshold"),
        "security.review_threshold",
        errors,
        default=50,
        lo=1,
        hi=MAX_SCORE,
    )
    block = _int(
        raw.get("block_threshold"),
        "security.block_threshold",
        errors,
        default=100,
        lo=1,
        hi=MAX_SCORE,
    )
    if block <= review:
        errors.add(
            "security.block_threshold",
            f"The block threshold must be above the review threshold ({review}).",
        )
    words = []
    for word in _str_list(raw.get("blocked_words"), "security.blocked_words", errors):
        word = " ".join(word.lower().split())[:60]
        if word and word not in words:
            words.append(word)
    if len(words) > MAX_BLOCKED_WORDS:
        errors.add("security.blocked_words", f"Keep it to {MAX_BLOCKED_WORDS} words or phrases.")
    return {
        "review_threshold": review,
        "block_threshold": block,
        "free_mail": _choice(
            raw.get("free_mail"),
            "security.free_mail",
            errors,
            FREE_MAIL_POLICIES,
            "score" if form_type == "sales" else "allow",
        ),
        "blocked_words": words[:MAX_BLOCKED_WORDS],
        "challenge": _choice(
            raw.get("challenge"), "security.challenge", errors, CHALLENGE_MODES, "off"
        ),
    }


def with_defaults(security: dict, form_type: str) -> dict:
    """A stored security block with the spam keys filled (forms saved before §19)."""
    if "challenge" in security:
        return security
    return {**spam_settings({}, form_type, _Errors()), **security}
