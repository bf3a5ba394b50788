"""The optimisation assistant's rules (SPEC §10): form and numbers in, suggestions out.

Each source reads the numbers of one form (suggestion_data.py) and answers its
suggestions, most important first; each stays silent below its minimum sample, so a
handful of visitors never produces advice. Sources: field stats (answered, left
empty, time spent, starts that never became submissions), outcomes (deals by
answered field), escalation reasons that name a field, and reviewers' notes on
rejected agent drafts. Spam is not a source: blocked spam never reaches the form's
numbers, and no form change would block it better than the honeypot and limits
already do. Experiment results (SPEC §9) plug into SOURCES as one more
``source(form, numbers) -> [suggestion]`` once experiments exist.
"""

from __future__ import annotations

import hashlib

MIN_SUBMISSIONS = 30  # submissions (with interaction data) before any field rule speaks
MIN_FOCUSED = 30  # visitors who focused a field before its skip rate means anything
MIN_STARTS = 50  # starts before the abandonment rate means anything
MIN_GROUP = 20  # submissions on each side of an outcome comparison
MIN_REVIEWED = 10  # reviewed agent drafts before their rejection rate means anything
# What the empty state tells people to wait for.
MINIMUMS = f"at least {MIN_SUBMISSIONS} submissions, or {MIN_STARTS} starts"

RARELY_FILLED = 0.25  # an optional field answered by fewer than this share of senders
OFTEN_SKIPPED = 0.50  # an optional field left empty by this share of those who focus it
HIGH_ABANDON = 0.40  # this share of starters leaving is worth acting on
SLOW_FIELD_MS = 15_000
DEAL_LIFT = 2.0  # answered-vs-not deal rates this far apart make a field worth requiring
HIGH_REJECTION = 0.30
HIGH_ESCALATION = 0.20  # this share of submissions handed to a person is worth a look


# -- small helpers ---------------------------------------------------------------


def _pct(ratio: float) -> str:
    return f"{round(ratio * 100)} %"


def _label(field: dict) -> str:
    return f"“{field.get('label') or field['name']}”"


def _protected(form: dict, field: dict) -> bool:
    """The email field fills contact.email: the assistant never proposes touching it."""
    mapping = form.get("field_mapping") or {}
    return field["type"] == "email" or mapping.get(field["name"]) == "contact.email"


def _fingerprint(form_id: str, kind: str, field: str | None) -> str:
    digest = hashlib.sha256(f"{form_id}:{kind}:{field or ''}".encode()).hexdigest()
    return "sugg_" + digest[:16]


def _suggestion(form, kind, field, title, evidence, change, describe, metric, sample) -> dict:
    return {
        "id": _fingerprint(form["id"], kind, field),
        "form_id": form["id"],
        "kind": kind,
        "field": field,
        "title": title,
        "evidence": evidence,
        "change": change,
        "change_text": describe,
        "metric": round(float(metric), 4),
        "sample": int(sample),
    }


def _candidates(form: dict) -> list[dict]:
    return [f for f in form["fields"] if f["type"] != "hidden" and not _protected(form, f)]


# -- rules: field stats -------------------------------------------------------------


def _unused_fields(form: dict, numbers: dict) -> list[dict]:
    """Optional fields few senders answer, or most who focus them leave empty → remove."""
    out, sent = [], numbers["sampled"]
    for f in _candidates(form):
        if f.get("required"):
            continue
        evidence, metric, sample = [], None, 0
        answered = numbers["answered"].get(f["name"], 0)
        if sent >= MIN_SUBMISSIONS and answered / sent < RARELY_FILLED:
            evidence.append(
                f"None of the people who sent the form answered {_label(f)} (n={sent})."
                if not answered
                else f"Only {_pct(answered / sent)} of the people who sent the form answered "
                f"{_label(f)} (n={sent})."
            )
            metric, sample = answered / sent, sent
        seen = numbers["interactions"].get(f["name"])
        if seen and seen["focused"] >= MIN_FOCUSED:
            skipped = 1 - seen["focused_filled"] / seen["focused"]
            if skipped >= OFTEN_SKIPPED:
                evidence.append(
                    f"{_pct(skipped)} of the visitors who clicked into {_label(f)} left it empty "
                    f"(n={seen['focused']})."
                )
                if metric is None:
                    metric, sample = skipped, seen["focused"]
        if evidence:
            out.append(
                _suggestion(
                    form,
                    "remove_field",
                    f["name"],
                    f"Remove {_label(f)}: hardly anyone answers it",
                    evidence,
                    {"op": "delete_field", "field": f["name"]},
                    f"Delete the field {_label(f)}.",
                    metric,
                    sample,
                )
            )
    return out


def _slowest(form: dict, numbers: dict) -> dict | None:
    timed = [
        (numbers["interactions"][f["name"]]["avg_ms"] or 0, f)
        for f in _candidates(form)
        if (numbers["interactions"].get(f["name"]) or {}).get("focused", 0) >= MIN_FOCUSED
    ]
    timed = [(ms, f) for ms, f in timed if ms >= SLOW_FIELD_MS]
    return max(timed, key=lambda pair: pair[0])[1] if timed else None


def _abandonment(form: dict, numbers: dict) -> list[dict]:
    """Many starters leave and one field eats their time → make it optional, or ask it last."""
    starts, sent = numbers["starts"], numbers["submissions"]
    if starts < MIN_STARTS or sent > starts:
        return []
    left = 1 - sent / starts
    field = _slowest(form, numbers) if left >= HIGH_ABANDON else None
    if field is None:
        return []
    seen = numbers["interactions"][field["name"]]
    evidence = [
        f"{_pct(left)} of the visitors who started the form left without sending it (n={starts}).",
        f"They spend {seen['avg_ms'] / 1000:.0f} s on average on {_label(field)}, the slowest "
        f"question (n={seen['focused']}).",
    ]
    if field.get("required"):
        change = {"op": "set_required", "field": field["name"], "required": False}
        return [
            _suggestion(
                form,
                "make_optional",
                field["name"],
                f"Make {_label(field)} optional: it holds visitors up",
                evidence,
                change,
                f"Make {_label(field)} optional.",
                left,
                starts,
            )
        ]
    if form["fields"][-1]["name"] == field["name"]:
        return []
    return [
        _suggestion(
            form,
            "reorder",
            field["name"],
            f"Ask {_label(field)} last: it holds visitors up",
            evidence,
            {"op": "move_to_end", "field": field["name"]},
            f"Move {_label(field)} to the end of the form.",
            left,
            starts,
        )
    ]


# -- rules: outcomes ---------------------------------------------------------------------


def _fields_that_sell(form: dict, numbers: dict) -> list[dict]:
    """An optional field whose answer goes with far more deals → require it."""
    out, sent, deals = [], numbers["sampled"], numbers["deals"]
    for f in _candidates(form):
        answered = numbers["answered"].get(f["name"], 0)
        if f.get("required") or answered < MIN_GROUP or sent - answered < MIN_GROUP:
            continue
        won_with = deals["answered"].get(f["name"], 0)
        with_rate = won_with / answered
        without_rate = (deals["total"] - won_with) / (sent - answered)
        if won_with < 2 or with_rate < DEAL_LIFT * without_rate:
            continue
        out.append(
            _suggestion(
                form,
                "make_required",
                f["name"],
                f"Make {_label(f)} required: leads who answer it become deals",
                [
                    f"{_pct(with_rate)} of the leads who answered {_label(f)} became deals "
                    f"(n={answered}), against {_pct(without_rate)} of those who did not "
                    f"(n={sent - answered}).",
                ],
                {"op": "set_required", "field": f["name"], "required": True},
                f"Make {_label(f)} required.",
                with_rate - without_rate,
                sent,
            )
        )
    return out


# -- rules: agent notes ---------------------------------------------------------------------


def _rejected_drafts(form: dict, numbers: dict) -> list[dict]:
    """Reviewers keep rejecting the agent's drafts → put their notes into its instructions."""
    drafts = numbers["drafts"]
    reviewed = drafts["approved"] + drafts["rejected"]
    if reviewed < MIN_REVIEWED or not drafts["notes"]:
        return []
    rate = drafts["rejected"] / reviewed
    if rate < HIGH_REJECTION:
        return []
    notes = "; ".join(drafts["notes"])
    text = f"Reviewers have asked: {notes}."
    return [
        _suggestion(
            form,
            "change_instructions",
            None,
            "Teach the agent what reviewers keep correcting",
            [
                f"Reviewers rejected {_pct(rate)} of the agent's drafts for this form "
                f"(n={reviewed}).",
                f"Their most frequent notes: {notes}.",
            ],
            {"op": "append_instructions", "text": text},
            f"Add to the agent's instructions: {text}",
            rate,
            reviewed,
        )
    ]


def _mentions(field: dict, reason: str) -> bool:
    text = reason.casefold()
    return any(
        word and word.casefold() in text
        for word in (field.get("label"), field["name"].replace("_", " "))
    )


def _escalated_for_missing_answers(form: dict, numbers: dict) -> list[dict]:
    """The agent keeps escalating over something an optional field asks → require it."""
    escalations, sent = numbers["escalations"], numbers["submissions"]
    if sent < MIN_SUBMISSIONS or escalations["total"] / sent < HIGH_ESCALATION:
        return []
    out = []
    for f in _candidates(form):
        named = [r for r in escalations["reasons"] if _mentions(f, r["reason"])]
        count = sum(r["n"] for r in named)
        if f.get("required") or count < escalations["total"] / 2:
            continue
        quoted = "; ".join(f"“{r['reason']}” ({r['n']})" for r in named[:3])
        out.append(
            _suggestion(
                form,
                "make_required",
                f["name"],
                f"Make {_label(f)} required: the agent escalates without it",
                [
                    f"The agent handed {_pct(escalations['total'] / sent)} of the submissions "
                    f"to a person (n={sent}).",
                    f"{count} of those {escalations['total']} escalations name {_label(f)}: "
                    f"{quoted}.",
                ],
                {"op": "set_required", "field": f["name"], "required": True},
                f"Make {_label(f)} required.",
                count / escalations["total"],
                sent,
            )
        )
    return out


# Each source reads the numbers of one form and answers its suggestions, most
# important first. Experiment results (SPEC §9) join here once experiments exist.
SOURCES = (
    _abandonment,
    _unused_fields,
    _fields_that_sell,
    _escalated_for_missing_answers,
    _rejected_drafts,
)


def compute(form: dict, numbers: dict) -> list[dict]:
    """Every suggestion the numbers support for ``form`` (pure: form and numbers in).
    Two sources proposing the same change make one suggestion with both evidences."""
    merged: dict[str, dict] = {}
    for source in SOURCES:
        for s in source(form, numbers):
            if s["id"] in merged:
                merged[s["id"]]["evidence"] += s["evidence"]
            else:
                merged[s["id"]] = s
    return list(merged.values())
