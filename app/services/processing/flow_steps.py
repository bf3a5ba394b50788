"""The deterministic steps flows are made of (SPEC §6.1). Each runs inside the
flow's write transaction, records itself with ``record_step`` (actions + event)
and is idempotent per submission, so reprocessing never duplicates an entity:
emails carry dedupe keys, activities/tasks/tickets are looked up first."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db import dumps, new_id, now_iso
from app.errors import Conflict, NotFound
from app.services import sequences
from app.services.campaigns.members import add_member_tx, campaign_for_form_tx
from app.services.campaigns.welcome import welcome_content
from app.services.mail import placeholders
from app.services.mail.outbox import queue_email
from app.services.mail.render import render_email
from app.services.processing import routing, summary, work
from app.services.processing.steps import record_step

# The placeholders a confirmation message may use (besides {{data.<field>}});
# the form editor refuses others on save (services/forms/config.py).
CONFIRMATION_VARIABLES = frozenset(
    {"name", "first_name", "email", "company", "form_name", "booking_url", "ticket_reference"}
)


@dataclass
class FlowContext:
    """What the steps of one run share."""

    workspace_id: str
    submission: dict
    form: dict
    contact: dict | None
    email: str | None
    route: routing.Route | None = None
    ticket: tuple | None = None
    campaign: dict | None = None  # the active campaign the form feeds (email_marketing)
    created: dict = field(default_factory=dict)
    finished: bool = False

    @property
    def sid(self) -> str:
        return self.submission["id"]

    @property
    def name(self) -> str:
        data = self.submission["data"]
        return (self.contact or {}).get("name") or data.get("name") or data.get("first_name") or ""


def step(
    conn,
    fc: FlowContext,
    name: str,
    status: str = "done",
    *,
    entity_id=None,
    details=None,
    event=None,
):
    handler_id = fc.route.handler_id if fc.route else None
    return record_step(
        conn,
        fc.workspace_id,
        fc.sid,
        name,
        status,
        entity_id=entity_id,
        details=details,
        event=event,
        form_id=fc.form["id"],
        handler_id=handler_id,
    )


def _summary(fc: FlowContext) -> str:
    lines = [
        f"{k}: {v if not isinstance(v, list) else ', '.join(map(str, v))}"
        for k, v in fc.submission["data"].items()
    ]
    return "\n".join(lines)


def _send(
    conn,
    fc: FlowContext,
    kind: str,
    subject: str,
    text: str,
    *,
    to: str | None = None,
    key: str,
) -> str:
    # The text is the plain result; message.html escapes it for the HTML body.
    body_html = render_email(
        "message.html", {"subject": subject, "body": text, "form_name": fc.form["name"]}
    )
    return queue_email(
        conn,
        fc.workspace_id,
        to=to or fc.email,
        subject=subject,
        body_text=text,
        body_html=body_html,
        kind=kind,
        contact_id=fc.submission["contact_id"],
        submission_id=fc.sid,
        dedupe_key=f"{fc.sid}:{key}",
    )


def _variables(fc: FlowContext, **extra) -> dict:
    data = fc.submission["data"]
    return {
        "name": fc.name,
        "first_name": str(data.get("first_name") or "") or fc.name.partition(" ")[0],
        "company": str(data.get("company") or ""),
        "email": fc.email,
        "form_name": fc.form["name"],
        "data": data,
        "booking_url": fc.form["auto"].get("booking_url", ""),
        **extra,
    }


# -- steps ---------------------------------------------------------------------------------
def confirmation(
    conn, fc: FlowContext, *, default: str | None, name: str = "confirmation", **extra
):
    """The submitter's confirmation: the form's template, else ``default`` (None: skip)."""
    if not fc.email:
        return step(conn, fc, name, "skipped", details={"reason": "no email address"})
    source = fc.form["auto"].get("confirmation_template") or default
    if not source:
        return step(conn, fc, name, "skipped", details={"reason": "no confirmation template set"})
    # Placeholders only (SPEC §13): an old template with Jinja code sends it as text.
    text = placeholders.fill(source, _variables(fc, **extra))
    subject = f"We received your message — {fc.form['name']}"
    if extra.get("ticket_reference"):
        subject = f"[{extra['ticket_reference']}] {subject}"
    email_id = _send(conn, fc, "transactional", subject, text, key=name)
    fc.created.setdefault("emails", []).append(email_id)
    return step(conn, fc, name, entity_id=email_id, details={"to": fc.email})


def activity(conn, fc: FlowContext, kind: str = "form_submission"):
    if not fc.form["auto"].get("log_activity", True):
        return step(
            conn,
            fc,
            "activity",
            "skipped",
            details={"reason": "activity logging is off for this form"},
        )
    existing = conn.value(
        "SELECT id FROM activities WHERE submission_id = ? AND kind = ?", (fc.sid, kind)
    )
    activity_id = existing or new_id("act")
    if not existing:
        conn.execute(
            "INSERT INTO activities (id, workspace_id, contact_id, submission_id, kind, summary, details,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                activity_id,
                fc.workspace_id,
                fc.submission["contact_id"],
                fc.sid,
                kind,
                f"Submitted “{fc.form['name']}”",
                dumps({"form_id": fc.form["id"]}),
                now_iso(),
            ),
        )
    fc.created["activity_id"] = activity_id
    return step(conn, fc, "activity", entity_id=activity_id, details={"kind": kind})


def _headline(conn, fc: FlowContext) -> str:
    """The submission's one-line summary as far as the flow got (who, what, routed to)."""
    contact = fc.contact or {}
    handler = fc.route.handler if fc.route else None
    return summary.summary_from_row(
        {
            "data": fc.submission["data"],
            "form_name": fc.form["name"],
            "form_type": fc.form.get("type"),
            "contact_name": contact.get("name"),
            "contact_email": fc.email,
            "company_name": conn.value(
                "SELECT name FROM companies WHERE id = ? AND workspace_id = ?",
                (contact.get("company_id"), fc.workspace_id),
            ),
            "handler_name": handler["name"] if handler else None,
            "handler_type": handler["type"] if handler else None,
            "assigned_type": fc.route.kind if fc.route else None,
        },
        conn.value(
            "SELECT json_extract(settings, '$.currency') FROM workspaces WHERE id = ?",
            (fc.workspace_id,),
        )
        or "USD",
    )


def notify(conn, fc: FlowContext, extra_handlers: list | None = None):
    """Tell the form's notify list (and whoever routing picked) by email."""
    ids = list(fc.form["auto"].get("notify_handler_ids") or [])
    handlers = [h for h in (extra_handlers or []) if h]
    handlers += conn.all(
        f"SELECT * FROM handlers WHERE workspace_id = ? AND active = 1 AND removed_at IS NULL"
        f" AND id IN ({','.join('?' * len(ids)) or 'NULL'})",
        (fc.workspace_id, *ids),
    )
    notified, headline = [], _headline(conn, fc)
    for handler in {h["id"]: h for h in handlers}.values():
        if handler["type"] != "human" or not handler["email"]:
            continue
        subject = f"New submission: {headline}"
        text = f"{headline}\n\n{_summary(fc)}\n\nOpen it in FormAgent: /submissions/{fc.sid}"
        _send(
            conn,
            fc,
            "notification",
            subject,
            text,
            to=handler["email"],
            key=f"notify:{handler['id']}",
        )
        notified.append(handler["id"])
    if not notified:
        return step(conn, fc, "notify", "skipped", details={"reason": "nobody to notify by email"})
    return step(conn, fc, "notify", details={"handler_ids": notified})


def route(conn, fc: FlowContext):
    fc.route = routing.route_submission(
        conn, fc.workspace_id, fc.submission, fc.form.get("assignment")
    )
    r = fc.route
    if r.kind is None:
        return step(conn, fc, "route", "skipped", details={"reason": r.reason})
    details = {"kind": r.kind, "reason": r.reason, "group_id": r.group_id}
    if r.kind == "broadcast":
        details["offered_to"] = [m["id"] for m in r.notify]
    return step(
        conn,
        fc,
        "route",
        entity_id=r.handler_id or r.group_id,
        details=details,
        event="submission_routed",
    )


def ticket(conn, fc: FlowContext):
    title = f"{fc.form['name']}: " + str(
        fc.submission["data"].get("subject") or fc.email or "new request"
    )
    ticket_id, reference = work.create_ticket_tx(
        conn,
        fc.workspace_id,
        title=title[:300],
        description=_summary(fc),
        submission_id=fc.sid,
        contact_id=fc.submission["contact_id"],
    )
    fc.ticket = (ticket_id, reference)
    fc.created["ticket_id"] = ticket_id
    return step(conn, fc, "ticket", entity_id=ticket_id, details={"reference": reference})


def assign_ticket(conn, fc: FlowContext):
    if fc.ticket and fc.route and fc.route.kind == "handler" and not fc.route.is_agent:
        conn.execute(
            "UPDATE tickets SET assignee_id = ?, updated_at = ? WHERE id = ? AND assignee_id IS NULL",
            (fc.route.handler_id, now_iso(), fc.ticket[0]),
        )
        step(
            conn,
            fc,
            "ticket_assigned",
            entity_id=fc.ticket[0],
            details={"handler_id": fc.route.handler_id},
        )


def task(conn, fc: FlowContext):
    assignee = (
        fc.route.handler_id
        if fc.route and fc.route.kind == "handler" and not fc.route.is_agent
        else None
    )
    task_id = work.create_task_tx(
        conn,
        fc.workspace_id,
        title=f"Follow up: {fc.form['name']}" + (f" — {fc.email}" if fc.email else ""),
        description=_summary(fc),
        submission_id=fc.sid,
        contact_id=fc.submission["contact_id"],
        assignee_id=assignee,
    )
    fc.created["task_id"] = task_id
    return step(conn, fc, "task", entity_id=task_id, details={"assignee_id": assignee})


def campaign(conn, fc: FlowContext):
    """Join the active campaign the form feeds, with the campaign's tags."""
    fc.campaign = campaign_for_form_tx(conn, fc.workspace_id, fc.form["id"])
    if fc.campaign is None:
        reason = "no active campaign is linked to this form"
        return step(conn, fc, "campaign", "skipped", details={"reason": reason})
    details = {"campaign_id": fc.campaign["id"], "tags": fc.campaign["contact_tags"]}
    contact_id = fc.submission["contact_id"]
    if not contact_id:
        details["reason"] = "no contact: the submission has no email address"
        return step(conn, fc, "campaign", "skipped", entity_id=fc.campaign["id"], details=details)
    joined = add_member_tx(
        conn, fc.workspace_id, fc.campaign, contact_id, source="submission", submission_id=fc.sid
    )
    return step(
        conn, fc, "campaign", entity_id=fc.campaign["id"], details={**details, "joined": joined}
    )


def welcome(conn, fc: FlowContext):
    """The campaign's welcome email with its asset (marketing mail); without a
    campaign, the form's own confirmation template as before."""
    if fc.campaign is None:
        return confirmation(conn, fc, default=None, name="welcome_email")
    if not fc.email:
        return step(conn, fc, "welcome_email", "skipped", details={"reason": "no email address"})
    subject, text, html = welcome_content(conn, fc.workspace_id, fc.campaign, _variables(fc))
    body_html = html or render_email(
        "message.html", {"subject": subject, "body": text, "form_name": fc.form["name"]}
    )
    email_id = queue_email(
        conn,
        fc.workspace_id,
        to=fc.email,
        subject=subject,
        body_text=text,
        body_html=body_html,
        kind="marketing",
        contact_id=fc.submission["contact_id"],
        submission_id=fc.sid,
        related={"campaign_id": fc.campaign["id"]},
        dedupe_key=f"{fc.sid}:welcome_email",
    )
    fc.created.setdefault("emails", []).append(email_id)
    return step(conn, fc, "welcome_email", entity_id=email_id, details={"to": fc.email})


def enroll_in_sequence(conn, fc: FlowContext):
    """Enroll the contact in the nurture sequence: its campaign's, else the form's
    ``auto.sequence_id``. Idempotent: a live enrollment is kept, not doubled."""
    if not fc.submission["contact_id"]:
        return step(conn, fc, "sequence", "skipped", details={"reason": "no contact"})
    campaign_id, sequence_id = sequences.nurture_sequence_tx(conn, fc.workspace_id, fc.form)
    if not sequence_id:
        reason = "no nurture sequence is set for this form or its campaign"
        return step(conn, fc, "sequence", "skipped", details={"reason": reason})
    try:
        row, created = sequences.ensure_enrolled_tx(
            conn,
            fc.workspace_id,
            sequence_id,
            fc.submission["contact_id"],
            campaign_id=campaign_id,
            submission_id=fc.sid,
        )
    except (NotFound, Conflict) as exc:  # the sequence was deleted; the contact unsubscribed
        return step(conn, fc, "sequence", "skipped", details={"reason": exc.message})
    fc.created["enrollment_id"] = row["id"]
    return step(
        conn,
        fc,
        "sequence",
        entity_id=row["id"],
        details={"sequence_id": sequence_id, "created": created},
    )
