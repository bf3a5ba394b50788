"""The event catalogue (SPEC §11, CONVENTIONS "Events are a contract").

Every event type is declared here once: its name, a label for people, the tone
its badge takes on the live page, whether webhooks may deliver it (SPEC §18),
and the keys of its ``details``. ``emit()`` refuses a type that is not here;
the live page, the dashboard feed, the API docs and (later) webhooks read from
here; tests/test_event_catalogue.py checks the code against it both ways.

Webhooks may deliver what an integration acts on: submissions and their
outcome, agent decisions, contacts, deals, work items, forms, email. They do
not deliver a flow's internal steps, workspace administration (members, keys,
handlers) or operations noise (dead jobs, stuck agents, spam with its IPs).

``planned`` names the later feature that will emit a type the SPEC already
lists; the test fails once such a type is emitted and still marked planned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

TONES = ("neutral", "info", "success", "warning", "danger")
# What processing.steps.record_step adds to the details of every step event.
STEP = ("step", "status", "entity_id")
# What every enrollment event carries (app/services/sequences/enrollments.py).
ENROLL = ("enrollment_id", "sequence_id", "contact_id")


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    tone: str = "neutral"
    webhook: bool = False
    details: tuple[str, ...] = ()
    planned: str | None = None
    area: str = ""


class UnknownEventType(ValueError):
    """A type missing from the catalogue: a typo, or a new event not declared yet."""

    def __init__(self, name):
        super().__init__(
            f"{name!r} is not in the event catalogue; declare it in app/services/events/catalogue.py"
        )


E = EventType


def _area(area: str, *entries: EventType) -> list[EventType]:
    return [replace(e, area=area) for e in entries]


_ENTRIES = [
    *_area(
        "Submissions",
        E("submission_received", "New submission", "info", True, ("form_name", "flow_id", "email")),
        E(
            "submission_abandoned",
            "Form abandoned",
            "warning",
            True,
            ("form_name", "email", "partial_id", "progress", "follow_up"),
        ),
        E("spam_blocked", "Spam blocked", "danger", False, ("reason", "spam_id", "ip")),
        E(
            "submission_quarantined",
            "Held in spam quarantine",
            "warning",
            False,
            ("score", "signals"),
        ),
        E("submission_released", "Released from quarantine", "success", False, ("by", "signals")),
        E("spam_confirmed", "Confirmed as spam", "danger", False, ("by", "signals")),
        E(
            "submission_processing",
            "Processing started",
            "info",
            False,
            (*STEP, "flow", "reprocess"),
        ),
        E(
            "submission_routed",
            "Routed",
            "info",
            False,
            (*STEP, "kind", "reason", "group_id", "offered_to"),
        ),
        E(
            "handler_assigned",
            "Handler assigned",
            "info",
            True,
            ("handler_id", "handler_name", "handler_type", "strategy", "group_id"),
        ),
        E("submission_claimed", "Claimed", "info", True, (*STEP, "group_id")),
        E(
            "submission_processed",
            "Processed",
            "success",
            True,
            (*STEP, "outcome", "duration_ms"),
        ),
        E(
            "submission_awaiting_approval",
            "Waiting for approval",
            "warning",
            True,
            (*STEP, "outcome", "duration_ms"),
        ),
        E(
            "submission_needs_human_review",
            "Needs human review",
            "warning",
            True,
            (*STEP, "outcome", "duration_ms", "error"),
        ),
        E(
            "submission_updated",
            "Submission updated",
            "neutral",
            True,
            (*STEP, "outcome", "assigned_type", "assigned_id"),
        ),
        E("submission_reprocess", "Reprocessing requested", "neutral", False, STEP),
        E("submission_reviewed", "Reviewed", "success", True, (*STEP, "reviewed_by", "taken_over")),
    ),
    *_area(
        "Flow steps",
        E("confirmation", "Confirmation email", details=(*STEP, "to", "reason")),
        E("welcome_email", "Welcome email", details=(*STEP, "to", "reason")),
        E("activity", "Activity logged", details=(*STEP, "kind", "reason")),
        E("notify", "Team notified", details=(*STEP, "handler_ids", "reason")),
        E("route", "Not routed", details=(*STEP, "reason")),
        E("ticket", "Ticket step", details=(*STEP, "reference")),
        E("ticket_assigned", "Ticket assigned", details=(*STEP, "handler_id")),
        E("task", "Task step", details=(*STEP, "assignee_id")),
        E("campaign", "Campaign step", details=(*STEP, "reason", "campaign_id", "tags", "joined")),
        E("sequence", "Sequence step", details=(*STEP, "reason", "sequence_id", "created")),
        E("agent", "Agent step", details=(*STEP, "reason")),
        E(
            "double_opt_in",
            "Waiting for email confirmation",
            details=(*STEP, "contact_id", "expires_at"),
        ),
        E(
            "opt_in_confirmed",
            "Email confirmed (double opt-in)",
            "success",
            True,
            (*STEP, "contact_id"),
        ),
    ),
    *_area(
        "Agents",
        E("agent_processing", "Agent working", "info", True, (*STEP, "replaying_stored_plan")),
        E(
            "agent_action",
            "Agent action",
            "info",
            True,
            # action and index, then what the action reports (see agents/actions.py)
            (
                *STEP,
                "action",
                "index",
                "reason",
                "email_id",
                "to",
                "subject",
                "deal_id",
                "ticket_id",
                "reference",
                "created",
                "amount",
                "priority",
                "sequence",
                "notified",
                "assigned_to",
                "stored",
                "message",
                "score",
                "tags",
                "note",
                "tags_add",
                "note_id",
            ),
        ),
        E(
            "agent_action_blocked",
            "Agent action blocked",
            "danger",
            True,
            (*STEP, "action", "index", "reason"),
        ),
        E("agent_draft", "Draft for approval", "warning", True, (*STEP, "draft_id", "actions")),
        E(
            "agent_completed",
            "Agent finished",
            "success",
            True,
            (
                *STEP,
                "review_due_at",
                "autonomy",
                "actions",
                "blocked",
                "notified",
                "draft_id",
                "already_approved",
            ),
        ),
        E(
            "agent_error",
            "Agent error",
            "danger",
            True,
            (*STEP, "kind", "error", "requeues", "engine"),
        ),
        E(
            "agent_retry",
            "Agent retry",
            "warning",
            True,
            (*STEP, "attempt", "error", "retry_in_seconds", "run_at", "reason", "action"),
        ),
        E(
            "agent_ungrounded",
            "Message quoted facts not in the inputs",
            "warning",
            True,
            (*STEP, "numbers", "facts", "attempt", "outcome"),
        ),
        E(
            "agent_escalated",
            "Escalated to a human",
            "warning",
            True,
            (*STEP, "reason", "notified", "assigned_to"),
        ),
        E(
            "human_approved",
            "Approved",
            "success",
            True,
            (*STEP, "draft_id", "reviewed_by", "edited", "actions"),
        ),
        E(
            "human_rejected",
            "Rejected",
            "danger",
            True,
            (*STEP, "draft_id", "reviewed_by", "note"),
        ),
        E(
            "human_override",
            "Human override",
            "warning",
            True,
            planned="SPEC §6: a person overriding an agent's decision",
        ),
        E("handler_stuck", "Agent stuck", "danger", False, ("last_heartbeat_at",)),
    ),
    *_area(
        "Contacts and deals",
        E(
            "contact_created",
            "Contact created",
            "success",
            True,
            ("contact_id", "company_id", "source"),
        ),
        E("contact_matched", "Contact matched", "neutral", True, ("contact_id", "company_id")),
        # SPEC §19: the contact's consent log
        E(
            "consent_granted",
            "Consent given",
            "success",
            True,
            ("consent_id", "contact_id", "source"),
        ),
        E(
            "consent_withdrawn",
            "Consent withdrawn",
            "warning",
            True,
            ("consent_id", "contact_id", "source"),
        ),
        E("contact_updated", "Contact updated", "neutral", True, ("contact_id", "fields")),
        E("contact_tagged", "Contact tagged", "neutral", True, ("contact_id", "added")),
        E("contact_untagged", "Tags removed", "neutral", True, ("contact_id", "removed")),
        E("contact_deleted", "Contact deleted", "neutral", True, ("contact_id", "by")),
        # No personal data: the person's address and name are gone when this is written.
        E(
            "contact_erased",
            "Contact erased",
            "warning",
            True,
            ("contact_id", "submissions", "by"),
        ),
        E(
            "contact_merged",
            "Contacts merged",
            "neutral",
            True,
            ("contact_id", "merged_id", "merged_email", "moved"),
        ),
        E(
            "contacts_imported",
            "Contacts imported",
            "success",
            False,
            ("created", "updated", "unchanged", "skipped", "by"),
        ),
        E("note_added", "Note added", "neutral", True, ("note_id", "contact_id")),
        E(
            "deal_created",
            "Deal created",
            "success",
            True,
            ("deal_id", "contact_id", "stage", "amount"),
        ),
        E(
            "deal_updated",
            "Deal updated",
            "neutral",
            True,
            ("deal_id", "contact_id", "amount", "fields"),
        ),
        E(
            "deal_stage_changed",
            "Deal stage changed",
            "info",
            True,
            ("deal_id", "from", "to", "amount"),
        ),
    ),
    *_area(
        "Tasks and tickets",
        E("task_created", "Task created", "neutral", True, ("task_id", "title")),
        E(
            "task_updated",
            "Task updated",
            "neutral",
            True,
            ("task_id", "title", "description", "status", "assignee_id", "due_at"),
        ),
        E("ticket_created", "Ticket created", "neutral", True, ("ticket_id", "reference", "title")),
        E(
            "ticket_updated",
            "Ticket updated",
            "neutral",
            True,
            ("ticket_id", "title", "description", "status", "assignee_id", "due_at", "priority"),
        ),
        E("assignments_released", "Assignments released", "warning", False, ("count",)),
    ),
    *_area(
        "Email and sequences",
        E("email_queued", "Email queued", "neutral", True, ("email_id", "to", "subject", "kind")),
        E("email_sent", "Email sent", "success", True, ("email_id", "to", "subject", "error")),
        E("email_failed", "Email failed", "danger", True, ("email_id", "to", "subject", "error")),
        E(
            "email_suppressed",
            "Email not sent (suppressed)",
            "warning",
            True,
            ("email_id", "to", "subject", "reason"),
        ),
        E("contact_unsubscribed", "Contact unsubscribed", "warning", True, ("contact_id", "email")),
        E(
            "sequence_step_sent",
            "Sequence step sent",
            "success",
            True,
            (*ENROLL, "step", "email_id"),
        ),
        E("enrollment_created", "Enrolled in a sequence", "info", True, (*ENROLL, "sequence_name")),
        E("enrollment_paused", "Enrollment paused", "neutral", True, ENROLL),
        E("enrollment_resumed", "Enrollment resumed", "neutral", True, ENROLL),
        E("enrollment_replied", "Contact replied", "success", True, ENROLL),
        E("enrollment_completed", "Sequence completed", "success", True, (*ENROLL, "steps")),
        E("enrollment_stopped", "Enrollment stopped", "neutral", True, (*ENROLL, "reason")),
    ),
    *_area(
        "Campaigns",
        E("campaign_created", "Campaign created", "neutral", True, ("campaign_id", "name")),
        E("campaign_updated", "Campaign changed", "neutral", True, ("campaign_id", "fields")),
        E("campaign_deleted", "Campaign deleted", "neutral", True, ("campaign_id", "name")),
        E(
            "campaign_contact_added",
            "Joined a campaign",
            "info",
            True,
            ("campaign_id", "contact_id", "source"),
        ),
        E(
            "campaign_contact_removed",
            "Left a campaign",
            "neutral",
            True,
            ("campaign_id", "contact_id"),
        ),
        E(
            "broadcast_started",
            "Broadcast started",
            "info",
            True,
            ("broadcast_id", "campaign_id", "tag", "subject", "total"),
        ),
        E(
            "broadcast_finished",
            "Broadcast finished",
            "success",
            True,
            ("broadcast_id", "campaign_id", "tag", "queued", "status"),
        ),
    ),
    *_area(
        "Experiments",
        E(
            "experiment_variant",
            "New challenger",
            "neutral",
            True,
            ("experiment_id", "variant_id", "label", "rationale"),
        ),
        E(
            "optimization_run",
            "Optimization run",
            "info",
            True,
            ("experiment_id", "outcome", "message"),
        ),
        E(
            "experiment_promoted",
            "Variant promoted",
            "success",
            True,
            ("experiment_id", "variant_id", "label", "message"),
        ),
        E(
            "experiment_rolled_back",
            "Promotion rolled back",
            "danger",
            True,
            ("experiment_id", "variant_id", "label", "message"),
        ),
    ),
    *_area(
        "Forms",
        E("form_created", "Form created", "neutral", True, ("name", "by")),
        E("form_active", "Form published", "success", True, ("from", "to")),
        E("form_paused", "Form paused", "warning", True, ("from", "to")),
        E("form_archived", "Form archived", "neutral", True, ("from", "to")),
        E("form_draft", "Form back to draft", "neutral", True, ("from", "to")),
    ),
    *_area(
        "Workspace and team",
        E("workspace_created", "Workspace created", details=("by",)),
        E("workspace_updated", "Workspace settings changed", details=("by", "changed")),
        E("workspace_archived", "Workspace archived", "danger", details=("by",)),
        E(
            "member_invited",
            "Member invited",
            details=("member_id", "email", "role", "status", "by"),
        ),
        E("member_joined", "Member joined", details=("member_id", "email", "role")),
        E("member_role_changed", "Member role changed", details=("member_id", "from", "to", "by")),
        E("member_removed", "Member removed", details=("member_id", "email", "left", "by")),
        E("api_key_created", "API key created", details=("api_key_id", "name", "by")),
        E("api_key_revoked", "API key revoked", details=("api_key_id", "by")),
        E("handler_created", "Handler added", details=("name",)),
        E("handler_updated", "Handler changed", details=("changed",)),
        E("handler_removed", "Handler removed"),
        E("group_created", "Group created", details=("group_id", "name")),
        E("group_deleted", "Group deleted", details=("group_id",)),
        E("job_dead", "Job failed", "danger", False, ("job_id", "kind", "error")),
    ),
    *_area(
        "Integrations",
        E(
            "webhook_paused",
            "Webhook paused",
            "danger",
            False,
            ("endpoint_id", "url", "failures", "error"),
        ),
        E(
            "webhook_disabled",
            "Webhook disabled (410 Gone)",
            "danger",
            False,
            ("endpoint_id", "url"),
        ),
    ),
]

CATALOGUE: dict[str, EventType] = {e.name: e for e in _ENTRIES}


def check_type(name: str) -> None:
    """Raise UnknownEventType unless ``name`` is declared (one dict lookup: emit's hot path)."""
    if name not in CATALOGUE:
        raise UnknownEventType(name)


def label_of(name: str) -> str:
    """The label people read; a type from an older release shows as words."""
    entry = CATALOGUE.get(name)
    return entry.label if entry else name.replace("_", " ").capitalize()


def tone_of(name: str) -> str:
    entry = CATALOGUE.get(name)
    return entry.tone if entry else "neutral"


def choices_by_area() -> list[tuple[str, list[tuple[str, str]]]]:
    """(area, [(type, label), ...]) in catalogue order: the live page's type menu."""
    areas: dict[str, list[tuple[str, str]]] = {}
    for e in _ENTRIES:
        areas.setdefault(e.area, []).append((e.name, e.label))
    return list(areas.items())


def types_markdown() -> str:
    """The catalogue as a list for the API documentation."""
    lines = []
    for area, entries in choices_by_area():
        lines.append(f"\n**{area}**\n")
        for name, label in entries:
            e = CATALOGUE[name]
            keys = ", ".join(f"`{k}`" for k in e.details) or "none"
            notes = [
                *(["webhooks"] if e.webhook else []),
                *([f"not yet emitted: {e.planned}"] if e.planned else []),
            ]
            lines.append(
                f"- `{name}` — {label}. Details: {keys}."
                + (f" ({'; '.join(notes)})" if notes else "")
            )
    return "\n".join(lines).strip()
