"""What every form kind of the local engine is made of (see ``local_kinds``)."""

from __future__ import annotations

from app.services.forms.config import FLOW_DEFAULT_ACTIONS

SALES_ACTIONS = list(FLOW_DEFAULT_ACTIONS["sales_lead"])
MARKETING_ACTIONS = ["send_email", "enroll_sequence"]
SUPPORT_ACTIONS = list(FLOW_DEFAULT_ACTIONS["support_triage"])
ENQUIRY = r"\benquir\w*|\binquir\w*"
# "workshop proposal", "session proposals", "propose a talk", "call for workshops": someone
# offering to take part (read by the application kind, hidden from the pricing kind)
PARTICIPATION_PROPOSAL = (
    r"\b(?:workshop|session|talk|paper|panel|presentation|poster|abstract|tutorial|masterclass|"
    r"lightning talk|speaker|speaking|conference|track|breakout|demo session)s? "
    r"(?:proposals?|submissions?|pitch(?:es)?)\b|"
    r"\bpropos(?:e|ing) (?:a|an|your|their) (?:[\w-]+ )?(?:talk|workshop|session|paper|panel|"
    r"presentation|poster|tutorial)\b|\bcall for (?:workshops|sessions|talks|abstracts|panels)\b|"
    # "Pitch us your startup", "startup pitch submission": a founder applying to be heard
    r"\bpitch (?:us|me) (?:your|an?) \w+|\b(?:startup|founder|business) pitch(?:es)?\b|"
    r"\bpitch (?:your|a) (?:startup|business|company|idea)\b|"
    # "Freelance writer pitch", "story pitch", "guest post pitch": a writer offering a piece
    r"\b(?:writer|writers'?|freelance|story|article|editorial|guest post|feature) pitch(?:es)?\b"
)

# "product registration", "register your new boiler": registering something bought (not a
# place at an event), a case for the team with the product's details
PRODUCT_REGISTRATION = (
    r"\bproduct registrations?\b|\bregist(?:er|ering) (?:your|a|the|their) (?:new )?"
    r"(?:product|device|appliance|purchase|machine|bike|e-bike|boiler|tv|phone|laptop)s?\b"
)


def kind(key, name, form_type, flow, autonomy, actions, cues, fields, core, goal, thanks):
    return {
        "key": key,
        "name": name,
        "type": form_type,
        "flow": flow,
        "autonomy": autonomy,
        "actions": actions,
        "cues": cues,
        "fields": fields,
        "core": core,
        "goal": goal,
        "thanks": thanks,
    }
