"""The audit trail as sentences people read: "Alice Owner changed bob@example.com's
role from member to admin." Built from the stored action, names and details, so a
renamed member or a deleted key still reads as it was then."""

from __future__ import annotations

ROLE_WORDS = {"owner": "owner", "admin": "admin", "member": "member", "viewer": "viewer"}
SETTING_WORDS = {
    "name": "the name",
    "timezone": "the time zone",
    "currency": "the currency",
    "default_from_email": "the default from-email",
    "postal_address": "the postal address",
    "logo_url": "the logo",
    "spam_log_days": "how long spam logs are kept",
    "submission_retention_months": "how long submissions are kept",
}


def _role(value) -> str:
    return ROLE_WORDS.get(value, str(value or "no role"))


def _list(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _what(entry: dict) -> str:
    d, label = entry["details"], entry["target_label"] or entry["target_id"] or "someone"
    action = entry["action"]
    sentences = {
        "member.invited": lambda: f"invited {label} as {_role(d.get('role'))}",
        "member.joined": lambda: f"joined the workspace as {_role(d.get('role'))}",
        "member.role_changed": lambda: (
            f"changed {label}'s role from {_role(d.get('from'))} to {_role(d.get('to'))}"
        ),
        "member.removed": lambda: f"removed {label} from the workspace",
        "member.left": lambda: "left the workspace",
        "api_key.created": lambda: f"created the API key “{label}”",
        "api_key.revoked": lambda: f"revoked the API key “{label}”",
        "webhook.created": lambda: f"added a webhook to {label}",
        "webhook.updated": lambda: (
            f"changed the webhook to {label}"
            + (f" ({_list(list(d.get('changed') or []))})" if d.get("changed") else "")
        ),
        "webhook.secret_rotated": lambda: f"replaced the signing secret of the webhook to {label}",
        "webhook.deleted": lambda: f"deleted the webhook to {label}",
        "workspace.updated": lambda: (
            "changed "
            + (_list([SETTING_WORDS.get(k, k) for k in d.get("changed") or []]) or "nothing")
            + " in the workspace settings"
        ),
        "workspace.deleted": lambda: "deleted the workspace",
        "contact.exported": lambda: f"exported the data of contact {label}",
        "contact.erased": lambda: f"erased contact {label} and their personal data",
    }
    return sentences.get(action, lambda: action)()


def sentence(entry: dict) -> str:
    """One entry as a sentence; the key, when the actor used one, is named after them."""
    actor = entry["actor"]
    who = actor["name"] or "Someone"
    if actor["api_key_id"]:
        who += " (with an API key)"
    return f"{who} {_what(entry)}."
