"""One line per submission that a person reads (SPEC §16):

"Jane Miller (CFO, BigCorp) asked to talk to sales — routed to Lead qualifier
(AI agent) · deal $4,800 · replied in 2 min".

Built from the submission, its contact and company, who it went to and what it
created; the dashboard feed, /live, the submissions list and notifications all
use it. Computed on read with one query for a page of submissions (indexed
look-ups, see 0041_summary_indexes.sql), so it is never stale after an approval
or a deal moving to won. Never shows None, False, an id or a step name.
"""

from __future__ import annotations

from app.db import loads
from app.db.clock import parse_iso
from app.services.accounts.currency import format_money

# What someone did, by the form's type (SPEC §4 form types).
_VERBS = {
    "sales": "asked to talk to sales",
    "support": "asked for help",
    "marketing": "signed up",
}
_TITLE_KEYS = ("job_title", "title", "role", "position")
_STATUS_WORDS = {
    "received": "waiting to be processed",
    "processing": "being processed",
    "awaiting_approval": "draft waiting for approval",
    "needs_human_review": "needs a person's review",
    "failed": "processing failed",
}
_SQL = (
    "SELECT s.id, s.data, s.status, s.outcome, s.assigned_type, s.created_at, s.processed_at,"
    " f.name AS form_name, f.type AS form_type, f.security AS form_security, c.name AS contact_name, c.email AS contact_email,"
    " co.name AS company_name, h.name AS handler_name, h.type AS handler_type,"
    " (SELECT reference FROM tickets t WHERE t.submission_id = s.id) AS ticket_reference,"
    " (SELECT json_array(d.amount, d.stage) FROM deals d WHERE d.workspace_id = s.workspace_id"
    "  AND d.source_submission_id = s.id ORDER BY d.created_at LIMIT 1) AS deal,"
    " (SELECT MIN(e.created_at) FROM emails e WHERE e.submission_id = s.id"
    "  AND e.kind <> 'notification') AS first_reply_at"
    " FROM submissions s"
    " LEFT JOIN forms f ON f.id = s.form_id"
    " LEFT JOIN contacts c ON c.id = s.contact_id AND c.workspace_id = s.workspace_id"
    " LEFT JOIN companies co ON co.id = c.company_id AND co.workspace_id = s.workspace_id"
    " LEFT JOIN handlers h ON h.id = s.assigned_id AND h.workspace_id = s.workspace_id"
    "  AND s.assigned_type = 'handler'"
)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def who(data: dict, contact_name="", company="", email="") -> str:
    """ "Jane Miller (CFO, BigCorp)", else the email, else "Someone"."""
    name = _text(contact_name) or _text(data.get("name"))
    if not name:
        name = " ".join(
            p for p in (_text(data.get("first_name")), _text(data.get("last_name"))) if p
        )
    title = next((_text(data.get(k)) for k in _TITLE_KEYS if _text(data.get(k))), "")
    company = _text(company) or _text(data.get("company"))
    about = ", ".join(p for p in (title, company) if p)
    person = name or _text(email) or _text(data.get("email")) or "Someone"
    return f"{person} ({about})" if about else person


def what(form_type, form_name, form_security=None) -> str:
    """What they did: the form's type says it ("asked for help"); a general form, or a sales
    form that sells to people (it allows free-mail addresses: a couple, a homeowner), by its
    name: "sent Wedding Enquiry", not "asked to talk to sales"."""
    security = loads(form_security, {}) if isinstance(form_security, str) else form_security
    to_people = form_type == "sales" and (security or {}).get("free_mail") == "allow"
    verb = None if to_people else _VERBS.get(form_type or "")
    if verb:
        return verb
    name = _text(form_name)
    return f"sent {name}" if name else "sent a form"


def duration_words(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min".replace(" 0 min", "")
    return f"{seconds // 86400} d"


def _routed(row: dict) -> str | None:
    if row.get("handler_name"):
        kind = " (AI agent)" if row.get("handler_type") == "agent" else ""
        return f"routed to {row['handler_name']}{kind}"
    outcome = row.get("outcome") or ""
    if outcome == "awaiting_claim" or row.get("assigned_type") == "broadcast":
        return "offered to the team"
    if outcome == "unassigned":
        return "not assigned yet"
    return None


def _deal(row: dict, currency: str) -> str | None:
    deal = loads(row.get("deal"), None) if isinstance(row.get("deal"), str) else row.get("deal")
    if not deal:
        return None
    amount, stage = deal
    if not amount:  # no budget given yet: a "$0" deal says something false
        return "deal won" if stage == "won" else "deal opened"
    money = format_money(amount, currency)
    return f"deal {money} won" if stage == "won" else f"deal {money}"


def _reply(row: dict) -> str | None:
    if not row.get("first_reply_at"):
        return None
    seconds = (parse_iso(row["first_reply_at"]) - parse_iso(row["created_at"])).total_seconds()
    return f"replied in {duration_words(seconds)}"


def summary_from_row(row: dict, currency: str) -> str:
    """The sentence for one row of ``_SQL`` (or the same keys from a flow in progress)."""
    data = loads(row["data"], {}) if isinstance(row.get("data"), str) else (row.get("data") or {})
    data = data if isinstance(data, dict) else {}
    head = (
        f"{who(data, row.get('contact_name'), row.get('company_name'), row.get('contact_email'))}"
        f" {what(row.get('form_type'), row.get('form_name'), row.get('form_security'))}"
    )
    ticket = row.get("ticket_reference")
    parts = [
        _routed(row),
        f"ticket {ticket}" if ticket else None,
        _deal(row, currency),
        _STATUS_WORDS.get(row.get("status") or ""),
        _reply(row),
    ]
    tail = " · ".join(p for p in parts if p)
    return f"{head} — {tail}" if tail else head


def summaries_tx(conn, workspace_id: str, submission_ids, currency: str) -> dict[str, str]:
    ids = sorted({i for i in submission_ids if i})[:500]
    if not ids:
        return {}
    rows = conn.all(
        f"{_SQL} WHERE s.workspace_id = ? AND s.id IN ({','.join('?' * len(ids))})",
        (workspace_id, *ids),
    )
    return {row["id"]: summary_from_row(row, currency) for row in rows}


async def summaries(db, workspace_id: str, submission_ids, currency: str) -> dict[str, str]:
    """{submission id: its one-line summary} for the submissions of this workspace."""
    return await db.read(summaries_tx, workspace_id, list(submission_ids), currency)
