"""The spam score (SPEC §19): named signals, each with a documented default weight.

A submission's score is the sum of the weights of the signals that fired (a form's
tuned weight replaces the default; see spam_tuning.py). At or above the form's block
threshold (default 100) it is refused as SPEC §5 refuses spam; at or above the review
threshold (default 50) it is stored ``quarantined`` for a person to release or confirm.

| signal            | default weight | fires when                                              |
|-------------------|---------------:|---------------------------------------------------------|
| honeypot          | 100 (fixed)    | the hidden honeypot field is filled (§5 step 4)         |
| too_fast          | 40             | less than 2 s from render to submit                     |
| pow_missing       | 60             | the challenge is on and no solution came with it        |
| pow_invalid       | 100            | a solution that is wrong, forged or for another form    |
| disposable_email  | 50             | the email's domain is on the disposable-domain list     |
| free_mail         | 20             | free-mail domain, form's free-mail policy is "score"    |
| links             | 15 per link    | links in text fields (at most 3 counted: 45)            |
| blocked_words     | 60             | a word from the form's blocked-words list appears       |
| repeated_content  | 30             | one value pasted in several fields, or a word repeated  |
| ip_rate           | 25             | this IP sent half the form's hourly per-IP limit already |

Everything here is pure Python over the request: the only database reads are the IP
count the §5 rate limit makes anyway, and the form's tuned weights, read only when a
signal fired.

Render time: the hosted page embeds a signed render time (``_rt``); embed.js sends the
milliseconds it measured (``_elapsed``), a claim a bot can forge. When the challenge is
on, the challenge's signed issue time bounds that claim (the time counted is the smaller
of the two), so a forged time is worth at most ``too_fast`` (40) while skipping the
work costs ``pow_missing`` (60): forging never pays more than solving. A submission with
no time at all (a server posting to the API) is not suspicious for it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
MIN_SECONDS = 2.0
MAX_LINKS_COUNTED = 3
DEFAULT_REVIEW_THRESHOLD = 50
DEFAULT_BLOCK_THRESHOLD = 100


@dataclass(frozen=True)
class Signal:
    name: str
    weight: float
    label: str
    per_unit: bool = False  # the weight counts once per unit of the value (links)
    tunable: bool = True


SIGNALS = {
    s.name: s
    for s in (
        Signal("honeypot", 100, "Hidden honeypot field filled", tunable=False),
        Signal("too_fast", 40, "Sent less than 2 seconds after the form appeared"),
        Signal("pow_missing", 60, "No proof-of-work solution (the challenge is on)"),
        Signal("pow_invalid", 100, "Proof-of-work solution wrong or forged"),
        Signal("disposable_email", 50, "Disposable email address"),
        Signal("free_mail", 20, "Free-mail address on a business form"),
        Signal("links", 15, "Links in text fields", per_unit=True),
        Signal("blocked_words", 60, "Contains a blocked word"),
        Signal("repeated_content", 30, "Repeated content"),
        Signal("ip_rate", 25, "Many submissions from this IP address in the last hour"),
    )
}


def _domains(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


_LISTS: dict[str, tuple[float, float, frozenset[str]]] = {}
RECHECK_SECONDS = 60.0


def domain_list(name: str) -> frozenset[str]:
    """A shipped domain list; re-read when its file changed (checked once a minute), so
    ``formagent update-disposable-domains`` reaches running servers without a restart."""
    now = time.monotonic()
    cached = _LISTS.get(name)
    if cached is not None and now - cached[0] < RECHECK_SECONDS:
        return cached[2]
    mtime = (DATA / name).stat().st_mtime
    if cached is not None and cached[1] == mtime:
        _LISTS[name] = (now, mtime, cached[2])
        return cached[2]
    found = _domains(name)
    _LISTS[name] = (now, mtime, found)
    return found


def reload_lists() -> None:
    _LISTS.clear()


@dataclass
class Verdict:
    """The signals that fired ({name: value}), their weights and the sum."""

    fired: dict = field(default_factory=dict)
    weights: dict = field(default_factory=dict)
    score: float = 0.0

    def as_json(self) -> dict:
        return {
            "score": self.score,
            "signals": [
                {"signal": n, "value": v, "weight": self.weights[n]} for n, v in self.fired.items()
            ],
        }


LINK_RE = re.compile(r"https?://|www\.|\[url|<a\s", re.I)
WORD_RE = re.compile(r"\w{4,}")
URL_RE = re.compile(r"(?:https?://|www\.)\S*")


def _texts(fields: list, data: dict) -> list[str]:
    out = []
    for f in fields:
        if f["type"] in ("text", "textarea"):
            value = data.get(f["name"])
            if value and isinstance(value, str):
                out.append(value)
    return out


def _links(joined: str) -> int:
    """Links in the (lowercased) text; the substring checks spare most texts the regex."""
    if "http" in joined or "www." in joined or "[url" in joined or "<a" in joined:
        return len(LINK_RE.findall(joined))
    return 0


def _repeated(texts: list[str]) -> bool:
    long = [t.strip().lower() for t in texts if len(t) >= 8]
    if len(long) != len(set(long)):
        return True  # the same value pasted into two fields
    for text in texts:
        if len(text) < 40:
            continue  # too short to hold ten words of four letters
        words = WORD_RE.findall(URL_RE.sub(" ", text.lower()))  # links count as links
        if len(words) >= 10 and max(words.count(w) for w in set(words)) * 2 >= len(words):
            return True  # one word is half the text
    return False


def _blocked(words: list[str], texts: list[str]) -> str | None:
    if not words:
        return None
    joined = " ".join(texts).lower()
    return next((w for w in words if re.search(r"\b" + re.escape(w) + r"\b", joined)), None)


def detect(
    security: dict,
    fields: list,
    data: dict,
    email: str | None,
    *,
    elapsed: float | None,
    pow_state: str | None,
    ip_count: int | None,
) -> dict:
    """The signals that fire for this submission: {name: value}. ``pow_state`` is None
    when the challenge is off, else "ok", "missing" or "invalid"."""
    fired: dict = {}
    if elapsed is not None and elapsed < MIN_SECONDS:
        fired["too_fast"] = round(max(elapsed, 0.0), 2)
    if pow_state in ("missing", "invalid"):
        fired["pow_" + pow_state] = True
    domain = email.rsplit("@", 1)[-1].lower() if email and "@" in email else ""
    if domain and domain in domain_list("disposable_domains.txt"):
        fired["disposable_email"] = domain
    if (
        domain
        and security["free_mail"] == "score"
        and domain in domain_list("free_mail_domains.txt")
    ):
        fired["free_mail"] = domain
    texts = _texts(fields, data)
    if not texts:
        return _ip_rate(fired, security, ip_count)
    links = _links("\n".join(texts).lower())
    if links:
        fired["links"] = links
    if word := _blocked(security["blocked_words"], texts):
        fired["blocked_words"] = word
    if _repeated(texts):
        fired["repeated_content"] = True
    return _ip_rate(fired, security, ip_count)


def _ip_rate(fired: dict, security: dict, ip_count: int | None) -> dict:
    limit = security["max_submissions_per_ip"]
    if ip_count is not None and limit > 1 and ip_count * 2 >= limit:
        fired["ip_rate"] = ip_count
    return fired


def weigh(fired: dict, tuned: dict) -> Verdict:
    """The verdict for ``fired`` with the form's tuned weights (defaults elsewhere)."""
    verdict = Verdict(fired)
    for name, value in fired.items():
        signal = SIGNALS[name]
        weight = tuned.get(name, signal.weight)
        verdict.weights[name] = round(weight, 2)
        units = min(int(value), MAX_LINKS_COUNTED) if signal.per_unit else 1
        verdict.score += weight * units
    verdict.score = round(verdict.score, 2)
    return verdict


def is_free_mail(email: str | None) -> bool:
    domain = email.rsplit("@", 1)[-1].lower() if email and "@" in email else ""
    return bool(domain) and domain in domain_list("free_mail_domains.txt")


def explain(name: str, value, weight: float) -> str:
    """One signal of a verdict as a sentence for the spam page."""
    text = {
        "honeypot": "The hidden honeypot field was filled in",
        "too_fast": f"It was sent {value} seconds after the form appeared (under 2 s is suspicious)",
        "pow_missing": "It came without the proof-of-work solution the form asks browsers for",
        "pow_invalid": "Its proof-of-work solution was wrong or forged",
        "disposable_email": f"The email address is at {value}, a disposable-email provider",
        "free_mail": f"The email address is at {value}, a free-mail provider, on a business form",
        "links": f"Its text has {value} link{'s' if value != 1 else ''}",
        "blocked_words": f"It contains the blocked word “{value}”",
        "repeated_content": "The same text is repeated (in several fields, or one word over and over)",
        "ip_rate": f"Its IP address had already sent {value} submissions in the hour",
    }.get(name, name)
    return f"{text}: +{weight:g}."
