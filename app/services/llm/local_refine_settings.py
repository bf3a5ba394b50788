"""Refinements of the form as a whole (issue 20): its name, description, thank-you
message, button, redirect, flow, type, the agent's autonomy and allowed actions. Each
handler takes the draft and the match of its phrasing in ``local_refine.HANDLERS``."""

from __future__ import annotations

import re

from app.services.accounts.workspaces import slugify
from app.services.forms.config import ALLOWED_ACTIONS, AUTONOMY_LEVELS, FLOWS, FORM_TYPES
from app.services.llm.local_fields import RefineError, split_list, strip_quotes


def thank_you(draft, m):
    draft.setdefault("response", {})["thank_you_message"] = strip_quotes(m["text"])


def button(draft, m):
    draft["theme"] = {**(draft.get("theme") or {}), "button_label": strip_quotes(m["text"])[:60]}


def redirect(draft, m):
    url = strip_quotes(m["url"])
    if not re.match(r"^https?://\S+$", url):
        raise RefineError(f"“{url}” is not a full http(s) address")
    draft.setdefault("response", {})["redirect_url"] = url


def form_name(draft, m):
    draft["name"] = strip_quotes(m["new"])
    draft["slug"] = slugify(draft["name"], "form")


def description(draft, m):
    draft["description"] = strip_quotes(m["text"])


def autonomy(draft, m):
    word = m["level"].lower()
    level = (
        "semi_autonomous"
        if "semi" in word
        else "fully_autonomous"
        if re.search(r"full|autonom|autopilot", word)
        else "draft"
        if re.search(r"draft|approv|review", word)
        else "notify_only"
        if re.search(r"notif|summary|none|off", word)
        else None
    )
    if level not in AUTONOMY_LEVELS:
        raise RefineError(f"Unknown autonomy level (use one of {', '.join(AUTONOMY_LEVELS)})")
    draft.setdefault("agent", {})["autonomy_level"] = level


FLOW_WORDS = [
    ("sales", "sales_lead"),
    ("lead", "sales_lead"),
    ("market", "email_marketing"),
    ("email", "email_marketing"),
    ("newsletter", "email_marketing"),
    ("support", "support_triage"),
    ("triage", "support_triage"),
    ("book", "booking_request"),
    ("meeting", "booking_request"),
    ("notif", "notify_only"),
    ("internal", "notify_only"),
    ("direct", "direct_route"),
    ("rout", "direct_route"),
    ("general", "direct_route"),
]


def flow(draft, m):
    word = m["flow"].lower().strip().replace(" ", "_")
    flow = word if word in FLOWS else next((f for key, f in FLOW_WORDS if key in word), None)
    if not flow:
        raise RefineError(f"Unknown flow (use one of {', '.join(FLOWS)})")
    draft["flow_id"] = flow
    draft.setdefault("auto", {})["create_contact"] = flow != "notify_only"


def form_type(draft, m):
    word = m["type"].lower().strip()
    if word not in FORM_TYPES:
        raise RefineError(f"Unknown form type (use one of {', '.join(FORM_TYPES)})")
    draft["type"] = word


ACTION_WORDS = [
    ("qualif", "qualify_lead"),
    ("scor", "qualify_lead"),
    ("deal", "create_deal"),
    ("ticket", "create_ticket"),
    ("book", "book_meeting"),
    ("meeting", "book_meeting"),
    ("sequence", "enroll_sequence"),
    ("enrol", "enroll_sequence"),
    ("nurtur", "enroll_sequence"),
    ("escalat", "escalate"),
    ("respon", "respond_direct"),
    ("repl", "respond_direct"),
    ("direct", "respond_direct"),
    ("email", "send_email"),
    ("mail", "send_email"),
]


def _actions(text: str) -> list[str]:
    found = []
    for part in split_list(re.sub(r"\b(?:the|agent|to|actions?)\b", " ", text.lower())):
        word = part.strip().replace(" ", "_")
        action = (
            word
            if word in ALLOWED_ACTIONS
            else next((a for key, a in ACTION_WORDS if key in word), None)
        )
        if not action:
            raise RefineError(f"Unknown action “{part.strip()}” (use {', '.join(ALLOWED_ACTIONS)})")
        found.append(action)
    return found


def allow(draft, m):
    agent = draft.setdefault("agent", {})
    current = list(agent.get("allowed_actions") or [])
    agent["allowed_actions"] = current + [a for a in _actions(m["actions"]) if a not in current]


def disallow(draft, m):
    agent = draft.setdefault("agent", {})
    blocked = set(_actions(m["actions"]))
    agent["allowed_actions"] = [a for a in agent.get("allowed_actions") or [] if a not in blocked]
