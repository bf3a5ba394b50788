"""Plan guardrails (SPEC §6.4): the shape is checked, then each action against
the form's allowed actions. Disallowed actions are blocked (the runner logs
``agent_action_blocked`` and flags the submission); the others still run.

Each action keeps its index in the plan as returned by the model, so the
idempotency key (submission, index) does not shift when an action is blocked.
"""

from __future__ import annotations

from app.errors import ValidationError
from app.services.forms.config import ALLOWED_ACTIONS
from app.services.llm.agent_prompt import validate_plan
from app.services.llm.errors import LLMInvalidOutput


def normalise_plan(raw) -> dict:
    """The model's answer as a plan; LLMInvalidOutput when its shape is wrong."""
    try:
        return validate_plan(raw)
    except ValueError as exc:
        raise LLMInvalidOutput(f"The AI model's plan was not usable: {exc}.") from None


def check_plan(plan: dict, allowed_actions: list[str]) -> dict:
    """Split a normalised plan into runnable and blocked actions."""
    allowed = set(allowed_actions)
    runnable, blocked = [], []
    for index, item in enumerate(plan["actions"]):
        name = item["action"]
        if name in allowed:
            runnable.append({"index": index, "action": name, "details": item["details"]})
            continue
        reason = (
            "not an action FormAgent knows"
            if name not in ALLOWED_ACTIONS
            else "not in this form's allowed actions"
        )
        blocked.append(
            {"index": index, "action": name, "details": item["details"], "reason": reason}
        )
    return {
        "reasoning": plan["reasoning"],
        "actions": runnable,
        "blocked": blocked,
        "contact_updates": plan["contact_updates"],
    }


def check_edited_actions(edited, allowed_actions: list[str]) -> list[dict]:
    """A reviewer's edited action list (draft approval): 422 with a message per problem."""
    if not isinstance(edited, list):
        raise ValidationError(
            fields={"planned_actions": "Send a list of {action, details} objects."}
        )
    try:
        plan = validate_plan({"reasoning": "", "actions": edited, "contact_updates": {}})
    except ValueError as exc:
        raise ValidationError(
            fields={"planned_actions": f"{str(exc)[:1].upper()}{str(exc)[1:]}."}
        ) from None
    refused = [a["action"] for a in plan["actions"] if a["action"] not in set(allowed_actions)]
    if refused:
        allowed = ", ".join(allowed_actions) or "none"
        raise ValidationError(
            fields={
                "planned_actions": (
                    f"{', '.join(sorted(set(refused)))} is not allowed by this form's agent settings (allowed: {allowed})."
                )
            }
        )
    return [
        {"index": i, "action": a["action"], "details": a["details"]}
        for i, a in enumerate(plan["actions"])
    ]
