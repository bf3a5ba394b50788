"""The local engine's agent (SPEC §6.5): deterministic lead scoring and plans.

Signals: business vs free-mail domain, budget, team/company size, job-title
seniority, intent words, a returning contact. Sales leads get qualify_lead plus
a follow-up that fits the score; support requests get a ticket, an answer, and
an escalation when the visitor is angry or reports an outage. Only actions the
form allows are planned.
"""

from __future__ import annotations

import re

from app.services.crm.deals import MAX_AMOUNT
from app.services.crm.normalize import email_domain, is_free_mail

INTENT_WORDS = (
    "demo",
    "pricing",
    "price",
    "quote",
    "buy",
    "buying",
    "purchase",
    "urgent",
    "asap",
    "evaluate",
    "evaluating",
    "trial",
    "proposal",
)
ESCALATION_WORDS = (
    "outage",
    "down",
    "urgent",
    "asap",
    "emergency",
    "critical",
    "angry",
    "furious",
    "unacceptable",
    "terrible",
    "worst",
    "refund",
    "cancel",
    "lawyer",
    "production",
)
_EXEC = re.compile(
    r"\b(ceo|cfo|cto|coo|cmo|cro|cio|ciso|chief|founder|co-founder|owner|president|partner)\b"
)
_SENIOR = re.compile(r"\b(vp|v\.p\.|svp|evp|vice president|head|director)\b")
_MANAGER = re.compile(r"\b(manager|lead|principal)\b")
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*([km])?\b", re.I)


def _words(text: str, vocabulary) -> list[str]:
    found = []
    for word in vocabulary:
        if re.search(rf"\b{re.escape(word)}\b", text) and word not in found:
            found.append(word)
    return found


def _field(data: dict, *needles: str) -> str:
    """The submitted value whose key is one of ``needles``, else the first key containing one."""
    filled = {k.lower(): v for k, v in data.items() if v not in (None, "", [])}
    hits = [filled[n] for n in needles if n in filled]
    hits += [v for k, v in filled.items() for n in needles if n in k]
    if not hits:
        return ""
    value = hits[0]
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _company_name(data: dict) -> str:
    value = _field(data, "company", "company_name", "organization", "organisation")
    return "" if re.fullmatch(r"[\d\s,.+<>$kK-]*", value) else value


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


def _signals(context: dict) -> dict:
    submission = context.get("submission") or {}
    data = {k: v for k, v in (submission.get("data") or {}).items() if not str(k).startswith("_")}
    contact = context.get("contact") or {}
    history = context.get("history") or {}
    email = contact.get("email") or _field(data, "email")
    text = " ".join(str(v) for v in data.values() if isinstance(v, str | int | float)).lower()
    title = _field(data, "title", "role", "position", "job").lower()
    name = contact.get("name") or _field(data, "name")
    return {
        "email": email,
        "domain": email_domain(email),
        "free_mail": bool(email) and is_free_mail(email),
        "budget": parse_amount(_field(data, "budget")),
        "budget_text": _field(data, "budget"),
        "size": parse_amount(_field(data, "size", "employees", "headcount", "team")),
        "title": title,
        "intent": _words(text, INTENT_WORDS),
        "angry": _words(text, ESCALATION_WORDS),
        "returning": bool(history.get("previous_submissions"))
        or (contact.get("submission_count") or 0) > 1,
        "open_deals": history.get("open_deals") or [],
        "first_name": contact.get("first_name") or (name.split()[0] if name else ""),
        "company": (context.get("company") or {}).get("name") or _company_name(data),
        "subject": _field(data, "subject", "topic"),
        "message": _field(
            data, "message", "question", "details", "description", "comment", "issue"
        ),
    }


def score_lead(s: dict) -> tuple[str, int, list[str], list[str]]:
    """(score, points, reasons, tags) from the signals."""
    points, reasons, tags = 0, [], []

    def add(n, reason, tag=None):
        nonlocal points
        points += n
        reasons.append(reason)
        if tag:
            tags.append(tag)

    if s["domain"] and not s["free_mail"]:
        add(2, f"business email domain ({s['domain']})", "business-domain")
    elif s["free_mail"]:
        add(-1, f"free-mail address ({s['domain']})", "free-mail")
    if s["budget"]:
        n = 3 if s["budget"] >= 50_000 else 2 if s["budget"] >= 10_000 else 1
        add(n, f"budget {s['budget_text']}", "budget-50k-plus" if n == 3 else None)
    if s["size"]:
        if s["size"] >= 200:
            add(2, f"{int(s['size'])}-person company", "enterprise")
        elif s["size"] >= 50:
            add(1, f"{int(s['size'])}-person company", "mid-market")
        else:
            reasons.append(f"small team ({int(s['size'])})")
    if _EXEC.search(s["title"]):
        add(3, f"executive title ({s['title']})", "decision-maker")
    elif _SENIOR.search(s["title"]):
        add(2, f"senior title ({s['title']})", "decision-maker")
    elif _MANAGER.search(s["title"]):
        add(1, f"manager title ({s['title']})")
    if s["intent"]:
        add(
            min(3, len(s["intent"])),
            "intent: " + ", ".join(s["intent"]),
            *[f"intent-{w}" for w in s["intent"][:1]],
        )
    if s["returning"]:
        add(1, "returning contact", "returning")
    score = "high" if points >= 6 else "medium" if points >= 3 else "low"
    return score, points, reasons, [f"lead-{score}", *tags]


def plan_agent_actions(context: dict) -> dict:
    """A plan in the shape of ``agent_prompt.validate_plan`` for a sales lead or a support request."""
    form = context.get("form") or {}
    support = form.get("flow_id") == "support_triage" or form.get("type") == "support"
    signals = _signals(context)
    plan = _support_plan(context, signals) if support else _sales_plan(context, signals)
    allowed = set(context.get("allowed_actions") or [])
    plan["actions"] = [a for a in plan["actions"] if a["action"] in allowed]
    if "qualify_lead" not in allowed and not support:
        # Tags still reach the contact through contact_updates.
        plan["contact_updates"]["tags_add"] = plan.pop("_tags", [])
    plan.pop("_tags", None)
    return plan


def _greeting(s: dict) -> str:
    return f"Hi {s['first_name']}," if s["first_name"] else "Hello,"


def _signature(context: dict) -> str:
    name = (context.get("workspace") or {}).get("name") or "our"
    return f"Best regards,\nThe {name} team" if name != "our" else "Best regards,\nThe team"


def _topic(s: dict, form: dict) -> str:
    for word, topic in (
        ("demo", "a demo"),
        ("pricing", "pricing"),
        ("price", "pricing"),
        ("quote", "a quote"),
        ("trial", "a trial"),
        ("proposal", "a proposal"),
    ):
        if word in s["intent"]:
            return topic
    return form.get("name") or "your request"


def _sales_plan(context: dict, s: dict) -> dict:
    form = context.get("form") or {}
    allowed = set(context.get("allowed_actions") or [])
    score, points, reasons, tags = score_lead(s)
    reason = (
        f"Scored {score} ({points} points): " + ("; ".join(reasons) or "no strong signals") + "."
    )
    actions = [
        {"action": "qualify_lead", "details": {"score": score, "reason": reason, "tags": tags}}
    ]
    follow = {"high": _high_actions, "medium": _medium_actions, "low": _low_actions}[score](
        context, s, allowed
    )
    actions += follow
    steps = (
        ", ".join(a["action"] for a in actions if a["action"] in allowed) or "no allowed actions"
    )
    deal_note = ""
    if score == "high" and s["open_deals"]:
        deal_note = f" The contact already has an open deal ({s['open_deals'][0].get('name')}), so it is updated rather than duplicated."
    reasoning = f"{reason} Plan: {steps}.{deal_note}"
    return {
        "reasoning": reasoning,
        "actions": actions,
        "_tags": tags,
        "contact_updates": {
            "tags_add": [],
            "notes": f"Agent ({form.get('name', 'form')}): {reason}",
        },
    }


def _sentence_end(text: str) -> str:
    """'… for BigCorp Inc.' must not become 'Inc..'."""
    return text if text.endswith((".", "!", "?")) else text + "."


def _high_actions(context: dict, s: dict, allowed: set) -> list[dict]:
    form = context.get("form") or {}
    who = s["company"] or s["first_name"] or s["email"] or "New lead"
    deal = {
        "action": "create_deal",
        "details": {
            "name": f"{who} — {form.get('name') or 'inbound'}",
            "amount": float(s["budget"] or 0),
        },
    }
    topic = _topic(s, form)
    echo = _echo(s)
    if "book_meeting" in allowed and form.get("booking_url"):
        body = (
            f"{_greeting(s)}\n\nThank you for asking about {_sentence_end(topic + (' for ' + s['company'] if s['company'] else ''))} "
            f"{echo}The quickest way forward is a 30-minute call with one of our specialists, "
            f"who will tailor it to your situation. Pick a time that suits you with the link below.\n\n"
            f"{_signature(context)}"
        )
        return [
            deal,
            {
                "action": "book_meeting",
                "details": {"subject": f"Let's schedule {topic}", "body": body},
            },
        ]
    body = (
        f"{_greeting(s)}\n\nThank you for asking about {_sentence_end(topic + (' for ' + s['company'] if s['company'] else ''))} "
        f"{echo}I'd like to set up a 30-minute call with one of our specialists to walk through it with your "
        f"situation in mind. Reply with two or three times that suit you this week and we will confirm.\n\n"
        f"{_signature(context)}"
    )
    subject = f"Your request for {topic}" + (f", {s['first_name']}" if s["first_name"] else "")
    return [deal, {"action": "send_email", "details": {"subject": subject, "body": body}}]


def _echo(s: dict) -> str:
    parts = []
    if s["budget_text"]:
        parts.append(f"a budget of {s['budget_text']}")
    if s["size"]:
        parts.append(f"a team of about {int(s['size'])}")
    return f"You mentioned {' and '.join(parts)}, which helps us prepare. " if parts else ""


def _medium_actions(context: dict, s: dict, allowed: set) -> list[dict]:
    topic = _topic(s, context.get("form") or {})
    body = (
        f"{_greeting(s)}\n\nThanks for your interest in {topic}. To point you to the right specialist, "
        f"could you tell us a little more: what you are hoping to achieve, your timeline, and roughly how "
        f"many people would use it? We will follow up with the details that matter for you.\n\n"
        f"{_signature(context)}"
    )
    return [{"action": "send_email", "details": {"subject": f"About {topic}", "body": body}}]


def _low_actions(context: dict, s: dict, allowed: set) -> list[dict]:
    body = (
        f"{_greeting(s)}\n\nThank you for getting in touch. We have received your message and will make "
        f"sure it reaches the right person. In the meantime we will share a few useful guides from time to "
        f"time; if you would like to talk to someone directly, just reply to this email.\n\n"
        f"{_signature(context)}"
    )
    actions = [
        {"action": "send_email", "details": {"subject": "Thanks for reaching out", "body": body}}
    ]
    if "enroll_sequence" in allowed:
        actions.append({"action": "enroll_sequence", "details": {"sequence": "nurture"}})
    return actions


def _support_plan(context: dict, s: dict) -> dict:
    allowed = set(context.get("allowed_actions") or [])
    ticket = context.get("ticket")
    title = (s["subject"] or s["message"] or "Support request")[:80]
    priority = (
        "urgent"
        if {"outage", "down", "critical", "emergency", "production"} & set(s["angry"])
        else "high"
        if s["angry"]
        else "normal"
    )
    actions = []
    if not ticket:
        actions.append(
            {
                "action": "create_ticket",
                "details": {
                    "title": title,
                    "description": s["message"] or title,
                    "priority": priority,
                },
            }
        )
    ref = f" (reference {ticket['reference']})" if ticket and ticket.get("reference") else ""
    reply = (
        f"{_greeting(s)}\n\nThanks for contacting support. Your request is logged{ref} and "
        + (
            "marked urgent; a senior engineer is looking at it now."
            if priority == "urgent"
            else "a support engineer will reply within one business day."
        )
        + f"\n\n{_signature(context)}"
    )
    if "send_email" in allowed:
        actions.append(
            {
                "action": "send_email",
                "details": {"subject": f"We received your request: {title}", "body": reply},
            }
        )
    else:
        actions.append({"action": "respond_direct", "details": {"message": reply}})
    if s["angry"]:
        actions.append(
            {
                "action": "escalate",
                "details": {
                    "reason": f"Support request needs a human now (signals: {', '.join(s['angry'])})."
                },
            }
        )
    why = f"priority {priority}" + (
        f"; escalation words: {', '.join(s['angry'])}" if s["angry"] else ""
    )
    reasoning = (
        f"Support request: {title!r}, {why}. "
        + ("A ticket already exists for it. " if ticket else "A ticket is opened. ")
        + "The visitor gets an acknowledgement"
        + (" and a human takes over." if s["angry"] else ".")
    )
    return {
        "reasoning": reasoning,
        "actions": actions,
        "contact_updates": {
            "tags_add": ["support"],
            "notes": f"Support request ({priority}): {title}",
        },
    }
