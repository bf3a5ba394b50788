"""Where the capture pipeline asks for a spam verdict (SPEC §19), after §5's limits.

``judge_tx`` answers pass, quarantine, block (the score) or refuse (a replayed or
expired proof-of-work). It costs no query unless a signal fired (then one read of the
form's tuned weights) or the form's challenge is on (the single-use row).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import clock
from app.errors import ValidationError
from app.services.capture import pow as challenge
from app.services.capture.spam_signals import Verdict, detect, is_free_mail, weigh

FREE_MAIL_MESSAGE = "Please use your work email address; free-mail addresses are not accepted here."


@dataclass
class Judgement:
    action: str  # "pass" | "quarantine" | "block" | "refuse"
    verdict: Verdict | None = None
    reason: str = ""  # for "refuse": pow_expired | pow_replayed


PASS = Judgement("pass")


def inputs(body: dict) -> dict:
    """The reserved keys the verdict reads: ``_pow``, ``_rt`` (hosted page), ``_elapsed``."""
    return {"pow": body.get("_pow"), "rt": body.get("_rt"), "elapsed": body.get("_elapsed")}


def free_mail_refusal(form: dict, email: str | None) -> ValidationError | None:
    """The 422 for a free-mail address on a form whose policy is ``block``."""
    if form["security"]["free_mail"] != "block" or not is_free_mail(email):
        return None
    name = next((k for k, v in form["field_mapping"].items() if v == "contact.email"), "email")
    return ValidationError(FREE_MAIL_MESSAGE, fields={name: FREE_MAIL_MESSAGE})


def _claimed_seconds(value) -> float | None:
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1e10:
        return value / 1000
    return None


def _elapsed(form_id: str, extra: dict, issued) -> float | None:
    """Seconds from render to submit: the smallest of what can be told (a claim by
    embed.js cannot stretch past the signed issue time of its challenge)."""
    known = [
        t
        for t in (
            challenge.stamp_elapsed(form_id, extra.get("rt")),
            None if issued is None else (clock.utcnow() - issued).total_seconds(),
            _claimed_seconds(extra.get("elapsed")),
        )
        if t is not None
    ]
    return min(known) if known else None


def tuned_weights_tx(conn, form_id: str) -> dict:
    rows = conn.all("SELECT signal, weight FROM spam_weights WHERE form_id = ?", (form_id,))
    return {r["signal"]: r["weight"] for r in rows}


def judge_tx(conn, p, ip_count: int | None) -> Judgement:
    """The verdict for a prepared submission (``p.extra`` holds ``inputs(body)``)."""
    form, sec = p.form, p.form["security"]
    pow_state, issued = None, None
    if sec["challenge"] != "off":
        required = challenge.challenge_on(form["id"], sec["challenge"])
        raw = p.extra.get("pow")
        if required or raw not in (None, "", {}):
            state, solution = challenge.check_solution(form["id"], raw)
            if state == "expired":
                return Judgement("refuse", reason="pow_expired")
            if state == "ok":
                if not challenge.use_tx(conn, form["id"], solution):
                    return Judgement("refuse", reason="pow_replayed")
                issued = solution["issued_at"]
            pow_state = state
        if sec["challenge"] == "auto":
            challenge.note_submission(form["id"])
    fired = detect(
        sec,
        form["fields"],
        p.data,
        p.email,
        elapsed=_elapsed(form["id"], p.extra, issued),
        pow_state=pow_state,
        ip_count=ip_count,
    )
    if not fired:
        return PASS
    verdict = weigh(fired, tuned_weights_tx(conn, form["id"]))
    if verdict.score >= sec["block_threshold"]:
        return Judgement("block", verdict)
    if verdict.score >= sec["review_threshold"]:
        return Judgement("quarantine", verdict)
    return Judgement("pass", verdict)
