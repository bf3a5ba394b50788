"""The local engine's agent (SPEC §6.5): deterministic plans from ``local_scoring``.

Sales leads get qualify_lead plus a follow-up that fits the score: a deal and a
personal email for high leads, a discovery email for medium ones, an
acknowledgement for low ones; non-buyers get no deal and no pitch. Emails are
grounded (issue 20): they quote what the person gave (a range stays a range),
echo the specifics of the message verbatim, and promise marketing only with
consent. Support requests get a ticket, an answer, and an escalation when the
visitor is angry or reports an outage. Only actions the form allows are planned.
"""

from __future__ import annotations

import re

from app.services.llm.grounding import ticked_opt_in
from app.services.llm.local_buyer_scale import buyer_scale
from app.services.llm.local_lead_asks import NO_TIMELINE_RE, asks_price
from app.services.llm.local_lead_cues import message_language
from app.services.llm.local_noted import echo, noted
from app.services.llm.local_pitch import BUYER_NEED
from app.services.llm.local_reply_words import reply_language, say, topic_in
from app.services.llm.local_scoring import (
    NEED_RE,
    TIMELINE_RE,
    VOLUME_RE,
    parse_amount,  # noqa: F401  (re-exported: tests and callers import it from here)
    score_lead,
    signals,
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


def _words(text: str, vocabulary) -> list[str]:
    found = []
    for word in vocabulary:
        if re.search(rf"\b{re.escape(word)}\b", text) and word not in found:
            found.append(word)
    return found


def has_marketing_consent(context: dict, data: dict) -> bool:
    """Consent to marketing: the contact's recorded consent, or a ticked opt-in box in this submission."""
    contact = context.get("contact") or {}
    if contact.get("status") == "unsubscribed":
        return False
    if contact.get("marketing_consent"):
        return True
    return ticked_opt_in(data)


def _signals(context: dict) -> dict:
    s = signals(context)
    s["angry"] = _words(s["text"], ESCALATION_WORDS)
    s["consent"] = has_marketing_consent(context, s["data"])
    s["lang"] = reply_language(s["message"])  # answered in the language they wrote in
    return s


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
    if s["first_name"]:
        return say("greeting", s["lang"], name=s["first_name"])
    return say("greeting_anon", s["lang"])


def _signature(context: dict, lang: str = "en") -> str:
    name = (context.get("workspace") or {}).get("name")
    return say("signature", lang, team=name) if name else say("signature_anon", lang)


TOPIC_WORDS = {
    "demo": "a demo",
    "pricing": "pricing",
    "price": "pricing",
    "quote": "a quote",
    "rfq": "a quote",
    "tender": "your tender",
    "upgrade": "an upgrade",
    "trial": "a trial",
    "proposal": "a proposal",
    "wholesale": "wholesale supply",
}


def _topic(s: dict, form: dict) -> str:
    """What they asked about: a tender they run; else the form's own kind (a demo request is
    about a demo, even when the message talks about "our quote forms", but "Pricing?" sent on
    the demo form asks a price, not a demo); else the message's intent."""
    if "tender" in s["intent"]:
        return TOPIC_WORDS["tender"]
    kind = (form.get("name") or "").lower()
    for word in ("demo", "pricing", "quote"):
        if re.search(rf"\b{word}\b", kind):
            priced = {"pricing", "price", "cost"} & set(s["intent"]) or asks_price(
                s["message"] or ""
            )
            if word == "demo" and priced and "demo" not in s["intent"]:
                return TOPIC_WORDS["pricing"]
            return TOPIC_WORDS[word]
    for word, topic in TOPIC_WORDS.items():
        if word in s["intent"]:
            return topic
    return ""


def _opening(s: dict, topic: str) -> str:
    """ "Thank you for asking about a demo for BigCorp." or, with no clear topic, "… for your enquiry"."""
    lang = s["lang"]
    company = say("for_company", lang, company=s["company"]) if s["company"] else ""
    if topic == "your tender":
        return say("opening_tender", lang)
    if topic:
        return _sentence_end(
            say("opening_topic", lang, topic=topic_in(topic, lang), company=company)
        )
    return say("opening", lang) + (
        _sentence_end(say("on_behalf", lang, company=s["company"])) if s["company"] else "."
    )


def _sales_plan(context: dict, s: dict) -> dict:
    form = context.get("form") or {}
    allowed = set(context.get("allowed_actions") or [])
    score, points, reasons, tags = score_lead(s)
    used = _fields_used(s)
    reason = (
        f"Scored {score} ({points} points): " + ("; ".join(reasons) or "no strong signals") + "."
    )
    actions = [
        {"action": "qualify_lead", "details": {"score": score, "reason": reason, "tags": tags}}
    ]
    if s["not_buyer"]:
        follow = _non_buyer_actions(context, s, allowed)
    else:
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
    consent_note = (
        ""
        if s["consent"] or s["not_buyer"]
        else " No marketing consent on record, so no newsletter or nurture promise."
    )
    reasoning = f"{reason} Fields used: {', '.join(used) or 'none'}. Plan: {steps}.{deal_note}{consent_note}"
    updates_tags = ["do-not-contact"] if (s["not_buyer"] or ("",))[0] == "opt-out" else []
    return {
        "reasoning": reasoning,
        "actions": actions,
        "_tags": tags,
        "contact_updates": {
            "tags_add": updates_tags,
            "notes": f"Agent ({form.get('name', 'form')}): {reason}",
        },
    }


def _fields_used(s: dict) -> list[str]:
    """The submitted fields the score and the reply rest on (cited in the reasoning)."""
    keys = [
        k
        for k, v in s["data"].items()
        if v not in (None, "", [])
        and re.search(
            r"email|budget|size|employees|title|role|timeline|message|question|details|company",
            k,
            re.I,
        )
    ]
    return keys


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
    topic, lang = _topic(s, form), s["lang"]
    echo = _echo(s)
    opening = _opening(s, topic)
    if "book_meeting" in allowed and form.get("booking_url"):
        body = (
            f"{_greeting(s)}\n\n{opening} {echo}{say('book', lang)}\n\n{_signature(context, lang)}"
        )
        subject = say("subject_book", lang, topic=topic or "your enquiry")
        return [deal, {"action": "book_meeting", "details": {"subject": subject, "body": body}}]
    body = f"{_greeting(s)}\n\n{opening} {echo}{say('call', lang)}\n\n{_signature(context, lang)}"
    if topic == "your tender":
        subject = say("subject_tender", lang)
    elif topic:
        subject = say("subject_topic", lang, topic=topic_in(topic, lang))
    else:
        subject = say("subject", lang)
    subject += f", {s['first_name']}" if s["first_name"] else ""
    return [deal, {"action": "send_email", "details": {"subject": subject, "body": body}}]


def _echo(s: dict) -> str:
    """What the person told us, quoted as given: ranges stay ranges, numbers are theirs."""
    given = []
    if s["budget_text"]:
        given.append(say("budget", s["lang"], v=s["budget_text"]))
    if s["size_text"]:
        given.append(say("size", s["lang"], v=s["size_text"]))
    quote = (message_language(s["message"] or "") or "en") != s["lang"]
    said = echo(noted(s["message"]), given, s["lang"], quote)
    return f"{said} " if said else ""


def _medium_actions(context: dict, s: dict, allowed: set) -> list[dict]:
    topic, lang = _topic(s, context.get("form") or {}), s["lang"]
    where = topic_in(topic, lang)
    thanks = say("interest_topic", lang, topic=where) if topic else say("interest", lang)
    told, price = _price_answered(s)
    quote = (message_language(s["message"] or "") or "en") != lang
    said = " ".join(filter(None, (echo(told, [], lang, quote), price)))
    if said:
        thanks += f" {said}"
    message = s["message"] or ""
    # never ask again for what they already told us ("no fixed timeline yet" is an answer; "I
    # just need one contact form" says what they want); a couple or a homeowner is asked what
    # they have in mind, not how many people would use it
    people = s.get("sells_to_people")
    # a business says what it wants with "a booking form for my website" or "we'd like to use
    # it for …"; a couple's "we'd like a new kitchen" still leaves what they have in mind
    scale = buyer_scale(message.lower(), message)
    wants = not people and (BUYER_NEED.search(message) or scale.own_use)
    need = NEED_RE.search(message) or "we need" in s["gloss"].split(" . ") or wants
    asks = [] if need else [say("q_in_mind" if people else "q_goal", lang)]
    if not (
        TIMELINE_RE.search(message)
        or NO_TIMELINE_RE.search(message)
        or told.timing
        or s["timeline_text"]
    ):
        asks.append(say("q_timeline", lang))
    if not (people or VOLUME_RE.search(message) or s["size_text"] or scale.units):
        asks.append(say("q_people", lang))
    if asks:
        questions = ", ".join(asks[:-1]) + (say("and", lang) if len(asks) > 1 else "") + asks[-1]
        follow = say("ask_more", lang, questions=questions)
    else:
        follow = say("follow_up", lang)
    body = f"{_greeting(s)}\n\n{thanks} {follow}\n\n{_signature(context, lang)}"
    subject = say("subject_about_topic", lang, topic=where) if topic else say("subject_about", lang)
    return [{"action": "send_email", "details": {"subject": subject, "body": body}}]


def _price_answered(s: dict):
    """What their message said, and the answer to a price question: "how much is it?" is
    answered with the plans, not only with "we will make sure you get an answer"."""
    told = noted(s["message"])
    if not asks_price(s["message"] or ""):
        return told, ""
    question, told.question = told.question, ""
    if question and asks_price(question):
        return told, say("asked_price", s["lang"], q=question)
    told.question = question
    return told, say("price", s["lang"])


def _low_actions(context: dict, s: dict, allowed: set) -> list[dict]:
    # Marketing ("guides from time to time", a nurture sequence) only with consent.
    lang = s["lang"]
    later = say("guides", lang) if s["consent"] else ""
    told, price = _price_answered(s)
    asked = say("asked", lang, q=told.question) + " " if told.question else ""
    asked += f"{price} " if price else ""
    received = say("received", lang, later=later, asked=asked)
    body = f"{_greeting(s)}\n\n{received}\n\n{_signature(context, lang)}"
    subject = say("subject_received", lang)
    actions = [{"action": "send_email", "details": {"subject": subject, "body": body}}]
    if "enroll_sequence" in allowed and s["consent"]:
        actions.append({"action": "enroll_sequence", "details": {"sequence": "nurture"}})
    return actions


# The non-buyers who get an acknowledgement (local_reply_words has each one's sentence).
NON_BUYER_REPLIES = ("student", "job-seeker", "press", "support", "investor")
ESCALATE = {
    "opt-out": "Asked to stop receiving emails: unsubscribe this contact; no reply was sent.",
    "data-request": "A data-protection request: it needs a human answer within the legal deadline.",
    "press": "Press or analyst enquiry: route to whoever handles press.",
    "investor": "An investor asking about funding: route to the founders.",
    "support": "An existing customer needs support, not sales: route to the support team.",
}


def _non_buyer_actions(context: dict, s: dict, allowed: set) -> list[dict]:
    """No deal, no sales pitch, no marketing: an acknowledgement where one helps, a human where needed."""
    kind = s["not_buyer"][0]
    actions = []
    if kind in NON_BUYER_REPLIES:
        lang = s["lang"]
        body = f"{_greeting(s)}\n\n{say(kind, lang)}\n\n{_signature(context, lang)}"
        subject = say("subject_noted", lang)
        actions.append({"action": "send_email", "details": {"subject": subject, "body": body}})
    if kind in ESCALATE:
        actions.append({"action": "escalate", "details": {"reason": ESCALATE[kind]}})
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
    lang = s["lang"]
    has_ref = ticket and ticket.get("reference")
    ref = say("support_ref", lang, ref=ticket["reference"]) if has_ref else ""
    reply = (
        f"{_greeting(s)}\n\n{say('support_logged', lang, ref=ref)}"
        + say("support_urgent" if priority == "urgent" else "support_normal", lang)
        + f"\n\n{_signature(context, lang)}"
    )
    if "send_email" in allowed:
        actions.append(
            {
                "action": "send_email",
                "details": {"subject": say("subject_support", lang, title=title), "body": reply},
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
        + f" Fields used: {', '.join(k for k, v in s['data'].items() if v not in (None, '', [])) or 'none'}."
    )
    return {
        "reasoning": reasoning,
        "actions": actions,
        "contact_updates": {
            "tags_add": ["support"],
            "notes": f"Support request ({priority}): {title}",
        },
    }
