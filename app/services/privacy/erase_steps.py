"""The steps of an erasure (app/services/privacy/erase.py runs them in order): each
takes one table's (or one feature's) copies of a person's data out, in its own short
transaction, as ``fn(conn, person)``. Another feature erases its table by adding a
step to ``ERASE_STEPS`` (uploads, the consent log, partial submissions).

What stays, and why: every row keeps existing (submissions, emails, deals, events), so
counts, rollups and the analytics totals stay right; a submission keeps its field
names with each answer replaced by the erasure marker (field statistics stay right)
and its utm tags (the rollups' keys)."""

from __future__ import annotations

from collections.abc import Callable

from app.db import dumps, loads
from app.services.consent import erase_contact_consents_tx
from app.services.crm.search_index import forget_contacts_tx
from app.services.files.uploads import erase_uploads_tx
from app.services.privacy.person import Person, in_list
from app.services.privacy.rows import Scan, scrub_rows
from app.services.privacy.scrub import ERASED


def _subs(p: Person) -> tuple[str, list]:
    return in_list(p.submission_ids)


def erase_submissions(conn, p: Person) -> None:
    """Answers become the marker (field names stay); IP, address and notes go; utm stays."""
    marks, ids = _subs(p)
    for row in conn.all(f"SELECT id, data, meta FROM submissions WHERE id IN ({marks})", ids):
        data = {
            k: (v if v in (None, "", [], False) else ERASED)
            for k, v in loads(row["data"], {}).items()
        }
        meta = loads(row["meta"], {})
        kept = {"utm": meta["utm"]} if isinstance(meta.get("utm"), dict) else {}
        conn.execute(
            "UPDATE submissions SET data = ?, meta = ?, email_lower = NULL, ip = NULL WHERE id = ?",
            (dumps(data), dumps(p.needles.value(kept) | {"erased": True}), row["id"]),
        )
    scrub_rows(
        conn,
        "submissions",
        f"id IN ({marks})",
        ids,
        p.needles,
        text=("agent_notes", "agent_flag"),
        json=("actions", "field_interactions", "created_entities"),
    )


def erase_emails(conn, p: Person) -> None:
    """The outbox keeps that an email was sent and when, not to whom or what it said."""
    marks, ids = _subs(p)
    addr_marks, addrs = in_list(p.addresses)
    where = (
        f"workspace_id = ? AND (contact_id = ? OR submission_id IN ({marks})"
        f" OR lower(to_addr) IN ({addr_marks}))"
    )
    params = [p.workspace_id, p.contact_id, *ids, *addrs]
    conn.execute(
        f"UPDATE emails SET status = 'suppressed' WHERE {where} AND status = 'queued'", params
    )
    scrub_rows(
        conn,
        "emails",
        where,
        params,
        p.needles,
        json=("related",),
        fixed={
            "to_addr": ERASED,
            "subject": ERASED,
            "body_text": "",
            "body_html": None,
            "headers": "{}",
            "last_error": None,
        },
    )


def erase_notes(conn, p: Person) -> None:
    marks, ids = _subs(p)
    scrub_rows(
        conn,
        "notes",
        f"workspace_id = ? AND (contact_id = ? OR submission_id IN ({marks}))",
        [p.workspace_id, p.contact_id, *ids],
        p.needles,
        blank=("body",),
    )


def erase_activities(conn, p: Person) -> None:
    marks, ids = _subs(p)
    scrub_rows(
        conn,
        "activities",
        f"workspace_id = ? AND (contact_id = ? OR submission_id IN ({marks}))",
        [p.workspace_id, p.contact_id, *ids],
        p.needles,
        text=("summary",),
        json=("details",),
    )


def erase_deals(conn, p: Person) -> None:
    """Deals keep stage and amount (revenue stays right); names lose the person's words."""
    marks, ids = _subs(p)
    deal_marks, deal_ids = in_list(p.deal_ids)
    scrub_rows(
        conn,
        "deals",
        f"workspace_id = ? AND (contact_id = ? OR source_submission_id IN ({marks}))",
        [p.workspace_id, p.contact_id, *ids],
        p.needles,
        text=("name",),
    )
    scrub_rows(
        conn,
        "deal_activities",
        f"deal_id IN ({deal_marks})",
        deal_ids,
        p.needles,
        text=("body",),
    )


def erase_work_items(conn, p: Person) -> None:
    """Tasks and tickets about them keep their status; their text quoting them goes."""
    marks, ids = _subs(p)
    for table in ("tasks", "tickets"):
        scrub_rows(
            conn,
            table,
            f"workspace_id = ? AND (contact_id = ? OR submission_id IN ({marks}))",
            [p.workspace_id, p.contact_id, *ids],
            p.needles,
            text=("title",),
            blank=("description",),
        )


def erase_events(conn, p: Person) -> None:
    marks, ids = _subs(p)
    scrub_rows(
        conn,
        "events",
        f"workspace_id = ? AND submission_id IN ({marks})",
        [p.workspace_id, *ids],
        p.needles,
        key=("seq",),
        json=("details",),
    )


def erase_agent_work(conn, p: Person) -> None:
    """Agent runs, drafts, action results and errors about their submissions."""
    marks, ids = _subs(p)
    where, params = f"workspace_id = ? AND submission_id IN ({marks})", [p.workspace_id, *ids]
    scrub_rows(
        conn,
        "agent_runs",
        where,
        params,
        p.needles,
        key=("submission_id",),
        json=("plan", "blocked"),
        text=("last_error",),
    )
    scrub_rows(
        conn,
        "drafts",
        where,
        params,
        p.needles,
        text=("reasoning", "note"),
        json=("planned_actions", "contact_updates", "blocked_actions"),
    )
    scrub_rows(
        conn,
        "action_runs",
        where,
        params,
        p.needles,
        key=("submission_id", "action_index"),
        json=("result",),
    )
    scrub_rows(conn, "errors", where, params, p.needles, text=("message",), json=("details",))


def erase_notifications(conn, p: Person) -> None:
    marks, ids = _subs(p)
    scrub_rows(
        conn,
        "notifications",
        f"workspace_id = ? AND entity_id IN (?, {marks})",
        [p.workspace_id, p.contact_id, *ids],
        p.needles,
        text=("text",),
    )


def erase_contact_trail(conn, p: Person) -> None:
    """Touchpoints keep their utm tags (the rollups' keys), not the pages' addresses;
    enrollments keep their progress, not the subjects in their history."""
    where, params = "workspace_id = ? AND contact_id = ?", [p.workspace_id, p.contact_id]
    scrub_rows(
        conn,
        "touchpoints",
        where,
        params,
        p.needles,
        null=("page_url", "referrer"),
        text=("utm_content", "utm_term"),
    )
    scrub_rows(conn, "enrollments", where, params, p.needles, json=("history",))
    forget_contacts_tx(conn, [p.contact_id])


def erase_logs(conn, p: Person) -> None:
    """Spam rows keep counting (the totals) without the address or IP; a contacts CSV
    waiting to be imported loses their lines."""
    addr_marks, addrs = in_list(p.addresses)
    scrub_rows(
        conn,
        "spam_log",
        f"workspace_id = ? AND lower(email) IN ({addr_marks})",
        [p.workspace_id, *addrs],
        p.needles,
        null=("email", "ip"),
        json=("details",),
    )
    _erase_import_lines(conn, p)


def erase_consent_log(conn, p: Person) -> None:
    """The consent log keeps what was agreed and when, not who (IP, browser, notes)."""
    erase_contact_consents_tx(conn, p.workspace_id, p.contact_id)


def erase_partials(conn, p: Person) -> None:
    """Unfinished answers saved under their address keep counting as started or abandoned,
    without who typed them or what."""
    addr_marks, addrs = in_list(p.addresses)
    where = f"workspace_id = ? AND lower(email) IN ({addr_marks})"
    for row in conn.all(
        f"SELECT id, data FROM partial_submissions WHERE {where}", [p.workspace_id, *addrs]
    ):
        data = {
            k: (v if v in (None, "", [], False) else ERASED)
            for k, v in loads(row["data"], {}).items()
        }
        conn.execute(
            "UPDATE partial_submissions SET email = ?, name = NULL, data = ?, page_url = NULL,"
            " ip = NULL WHERE id = ?",
            (ERASED, dumps(data), row["id"]),
        )


def _erase_import_lines(conn, p: Person) -> None:
    """An uploaded CSV still waiting for its confirmation: their lines are dropped."""
    for row in conn.all(
        "SELECT id, content FROM contact_imports WHERE workspace_id = ?", (p.workspace_id,)
    ):
        lines = row["content"].splitlines(keepends=True)
        kept = [line for line in lines if not p.needles.found_in(line)]
        if len(kept) != len(lines):
            conn.execute(
                "UPDATE contact_imports SET content = ? WHERE id = ?", ("".join(kept), row["id"])
            )


def erase_uploads(conn, p: Person) -> None:
    """The files they sent go (SPEC §17): the rows now, each blob at the uploads purge's
    next run once no other row shares its bytes (app/services/files/purge.py)."""
    erase_uploads_tx(conn, p.workspace_id, p.submission_ids)


# In order; the contact row itself is emptied last (_finish_tx). Other features add
# theirs here (uploads, consent log, partial submissions).
# Copies not linked to the person by id (logs, payloads, free text): rows that mention
# their address, phone, full name or contact id anywhere are found on a reader, then
# scrubbed a chunk at a time (app/services/privacy/erase.py).
SCANS = [
    Scan("notes", ("body",), text=("body",)),
    Scan("deal_activities", ("body",), text=("body",)),
    Scan("tasks", ("title", "description"), text=("title", "description")),
    Scan("tickets", ("title", "description"), text=("title", "description")),
    Scan("events", ("details",), key=("seq",), json=("details",)),
    Scan("errors", ("message", "details"), text=("message",), json=("details",)),
    Scan("llm_calls", ("error",), text=("error",)),
    # Webhook deliveries froze the event (with the submission) in their body.
    Scan(
        "webhook_deliveries",
        ("body", "response_excerpt", "error"),
        json=("body",),
        text=("response_excerpt", "error"),
    ),
    Scan("notifications", ("text",), text=("text",)),
    Scan("spam_log", ("details",), json=("details",)),
    Scan("jobs", ("payload", "last_error"), json=("payload",), text=("last_error",)),
    Scan(
        "idempotency_keys",
        ("response_body",),
        key=("workspace_id", "idem_key"),
        json=("response_body",),
    ),
]

# In order; the contact row itself is emptied last (erase._finish_tx). Other features add
# theirs here (uploads, consent log, partial submissions): a function(conn, person) run in
# its own transaction, or a Scan.
ERASE_STEPS: list[Callable | Scan] = [
    erase_submissions,
    erase_emails,
    erase_notes,
    erase_activities,
    erase_deals,
    erase_work_items,
    erase_events,
    erase_agent_work,
    erase_notifications,
    erase_contact_trail,
    erase_logs,
    erase_partials,
    erase_consent_log,
    erase_uploads,
    *SCANS,
]
