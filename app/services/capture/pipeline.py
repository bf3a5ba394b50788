"""The public submission pipeline (SPEC §5), shared by the JSON endpoint and the
hosted page's plain POST.

The hot path is ONE write transaction (``pipeline_tx``): form lookup, origin,
parsing, honeypot, validation, limits, duplicate check, the submission, contact
memory, events and the job are all decided and stored in the same
``BEGIN IMMEDIATE`` hop to the database thread, so several server
processes agree (every counter is an indexed query, nothing lives in memory
but a memo of each form's normalized config keyed by its stored columns). What needs
no database (parsing; validation against the form as stored, when this process holds
it) is done before, on the event loop (``pre_check``), and answered in its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.db import clock, dumps, loads, new_id, now_iso
from app.db.clock import iso, parse_iso
from app.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    Gone,
    NotFound,
    RateLimited,
    UnsupportedMediaType,
    ValidationError,
)
from app.services.analytics.counters import Counts
from app.services.capture import partials, spam, spam_check
from app.services.capture.intake import (  # noqa: F401 - re-exported for the routes
    MAX_KEYS,
    Prepared,
    check_key_count,
    honeypot_filled,
    pairs_to_dict,
    parse_body,
    prepare,
)
from app.services.consent.records import record_from_submission_tx as record_consents_tx
from app.services.crm import memory as contact_memory
from app.services.events.log import emit
from app.services.experiments.assign import variant_fields_tx
from app.services.files.uploads import attach_uploads_tx, has_file_fields
from app.services.forms.config import normalize_config
from app.services.forms.forms import CONFIG_ROW_COLUMNS, JSON_COLUMNS
from app.services.forms.localize import thank_you_message
from app.services.forms.patterns import warm as warm_patterns
from app.services.platform.jobs import enqueue

FORM_COLUMNS = CONFIG_ROW_COLUMNS


# -- the form ---------------------------------------------------------------------
_CONFIGS: dict[tuple, dict] = {}


def _config(row: dict) -> dict:
    """normalize_config of a row, memoized on the row's own columns: an edit is a new
    key, so every process always sees the form as stored."""
    key = (row["id"], *(row[c] for c in FORM_COLUMNS))
    cached = _CONFIGS.get(key)
    if cached is None:
        raw = {k: row[k] for k in FORM_COLUMNS}
        for name in JSON_COLUMNS:
            raw[name] = loads(row[name], [] if name == "fields" else {})
        if len(_CONFIGS) > 512:
            _CONFIGS.clear()
        cached = _CONFIGS[key] = normalize_config(raw)
    return cached


def form_from_row(row: dict) -> dict:
    """A forms row as a normalized config dict with id, workspace_id and assignment."""
    config = dict(_config(row))
    config.update(
        id=row["id"],
        workspace_id=row["workspace_id"],
        status=row["status"],
        updated_at=row["updated_at"],
        version=row["version"],
    )
    config["assignment"] = (
        {"type": row["assignment_type"], "id": row["assignment_id"]}
        if row["assignment_type"] and row["assignment_id"]
        else None
    )
    return config


STATE_SQL = (
    "SELECT f.updated_at, f.status, w.status AS workspace_status FROM forms f"
    " JOIN workspaces w ON w.id = f.workspace_id WHERE f.id = ?"
)
_FORMS: dict[str, dict] = {}  # form id -> the form as of its updated_at (read-only)


def check_state(state: dict | None) -> None:
    """404 unknown or draft (drafts are not public), 410 paused/archived or workspace archived."""
    if state is None or state["status"] == "draft":
        raise NotFound("This form does not exist.", code="form_not_found")
    if state["status"] in ("paused", "archived") or state["workspace_status"] != "active":
        raise Gone("This form is not available.", code="form_unavailable")


def _state_tx(conn, form_id: str) -> dict | None:
    """The form's state, read once per capture batch: nothing in the batch's transaction
    writes forms or workspaces, and it holds the write lock (or, on PostgreSQL, one
    snapshot), so a second read could not see anything else."""
    memo = getattr(conn, "capture_memo", None)
    if memo is None:
        return conn.one(STATE_SQL, (form_id,))
    key = ("form_state", form_id)
    if key not in memo:
        memo[key] = conn.one(STATE_SQL, (form_id,))
    return memo[key]


def load_form_tx(conn, form_id: str) -> dict:
    """The submittable form. Every transaction asks the database for its state (one
    primary-key lookup), so a pause or an edit from any process counts at once; the full row is
    re-read only when ``updated_at`` moved (the Forms service bumps it on every change)."""
    state = _state_tx(conn, form_id)
    check_state(state)
    cached = _FORMS.get(form_id)
    if cached is not None and cached["updated_at"] == state["updated_at"]:
        return cached
    form = form_from_row(conn.one("SELECT * FROM forms WHERE id = ?", (form_id,)))
    if len(_FORMS) > 5000:
        _FORMS.clear()  # bounded; refills at one query per form
    _FORMS[form_id] = form
    return form


async def public_form(db, form_id: str) -> dict:
    """The form visitors may submit to: 404 unknown or draft, 410 paused/archived."""
    return await db.read(load_form_tx, form_id)


def allowed_origin(form: dict, origin: str | None, own_origin: str) -> str:
    """The value for Access-Control-Allow-Origin, or 403 when the origin is refused."""
    allowed = form["security"]["allowed_origins"]
    if not allowed:
        return "*"
    if origin is None:
        return "*"  # not a browser's cross-origin call (curl, a server): nothing CORS can protect
    origin = origin.lower().rstrip("/")
    if origin in allowed or origin == own_origin:
        return origin
    raise Forbidden(
        "This form does not accept submissions from this website.", code="origin_not_allowed"
    )


# -- storing (steps 5b-8, one transaction) ---------------------------------------------
def _retry_after(oldest: str | None, period_s: int) -> int:
    if not oldest:
        return period_s
    return max(1, int(period_s - (clock.utcnow() - parse_iso(oldest)).total_seconds()) + 1)


def _limits(conn, p: Prepared):
    """The first anti-spam rule this submission breaks, as (reason, error), or None."""
    form, sec = p.form, p.form["security"]
    now = clock.utcnow()
    hour_ago = iso(now - timedelta(seconds=3600))
    if p.ip:
        row = conn.one(
            "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM submissions"
            " WHERE form_id = ? AND ip = ? AND created_at > ?",
            (form["id"], p.ip, hour_ago),
        )
        p.extra["ip_count"] = row["n"]  # the spam score's ip_rate signal reads it
        if row["n"] >= sec["max_submissions_per_ip"]:
            return "rate_limit_ip", RateLimited(
                "Too many submissions from your network in the last hour; please try again later.",
                retry_after=_retry_after(row["oldest"], 3600),
                code="rate_limited",
            )
    if p.email:
        window_s = sec["duplicate_window_minutes"] * 60
        window_start = iso(now - timedelta(seconds=window_s))
        # one indexed range scan answers both the hourly count and the duplicate window
        row = conn.one(
            "SELECT SUM(created_at > ?) AS n, MIN(CASE WHEN created_at > ? THEN created_at END) AS oldest,"
            " MAX(created_at) AS newest FROM submissions WHERE form_id = ? AND email_lower = ?"
            " AND created_at > ?",
            (hour_ago, hour_ago, form["id"], p.email.lower(), min(hour_ago, window_start)),
        )
        if (row["n"] or 0) >= sec["max_submissions_per_email"]:
            return "rate_limit_email", RateLimited(
                "Too many submissions with this email address in the last hour; please try again later.",
                retry_after=_retry_after(row["oldest"], 3600),
                code="rate_limited",
            )
        if window_s and row["newest"] and row["newest"] > window_start:
            return "duplicate", Conflict(
                "We already received this submission a moment ago.", code="duplicate_submission"
            )
    return None


@dataclass
class Stored:
    submission_id: str | None = None
    contact_id: str | None = None
    is_new_contact: bool = False
    rejected: Exception | None = None


def store_tx(conn, p: Prepared, counts: Counts | None = None) -> Stored:
    """Steps 5b-8 in the caller's transaction (all or nothing). A spam rejection commits its log row
    and is returned (not raised) so the caller answers 429/409 after the commit. The rollup
    counts go to ``counts`` (the caller writes them before its COMMIT), else are written here."""
    if counts is None:
        counts = Counts()
        stored = store_tx(conn, p, counts)
        counts.write_tx(conn)
        return stored
    form, ws = p.form, p.form["workspace_id"]
    broken = _limits(conn, p)
    if broken:
        reason, error = broken
        spam.log_tx(
            conn,
            ws,
            form["id"],
            reason,
            ip=p.ip,
            email=p.email,
            details={"code": error.code},
            counts=counts,
        )
        return Stored(rejected=error)
    judged = spam_check.judge_tx(conn, p, p.extra.get("ip_count"))
    if judged.action in ("block", "refuse"):
        return _refused(conn, p, judged, counts)
    quarantined = judged.action == "quarantine"
    now, submission_id = now_iso(), new_id("sub")
    if has_file_fields(form):  # SPEC §17: the upload tokens become this submission's files
        # from the tokens as sent each time: a retried transaction (PostgreSQL) runs this again
        p.data = dict(p.extra.setdefault("sent", dict(p.data)))
        refused = attach_uploads_tx(conn, form, submission_id, p.data, now)
        if refused is not None:
            return Stored(rejected=refused)
        p.encoded = None  # the values are now the files' names
    memory = None
    if (
        p.email
        and not quarantined
        and form["flow_id"] != "notify_only"
        and form["auto"].get("create_contact", True)
    ):
        # Contact memory runs first so the submission row is written once, contact included
        # (an UPDATE afterwards cost a second write of the row and its indexes).
        memory = contact_memory.remember(
            conn,
            ws,
            form,
            submission_id=submission_id,
            email=p.email,
            data=p.data,
            meta=p.meta,
            now=now,
        )
    conn.execute(
        "INSERT INTO submissions (id, workspace_id, form_id, flow_id, data, meta, field_interactions, email_lower,"
        " ip, experiment_id, variant_id, contact_id, company_id, is_new_contact, form_version, status,"
        " spam_score, spam_verdict, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            submission_id,
            ws,
            form["id"],
            form["flow_id"],
            *p.as_json(),
            p.email.lower() if p.email else None,
            p.ip,
            p.experiment_id,
            p.variant_id,
            memory and memory.contact_id,
            memory and memory.company_id,
            int(bool(memory and memory.is_new)),
            form.get("version"),
            "quarantined" if quarantined else "received",
            judged.verdict and judged.verdict.score,
            judged.verdict and dumps(judged.verdict.as_json()),
            now,
        ),
    )
    if p.resume_token:  # no query at all for a submission without one
        partials.complete_tx(conn, ws, form["id"], p.resume_token)
    if quarantined:  # held for a person: no contact, no job, counted as spam until released
        counts.spam(ws, now)
        emit(
            conn,
            ws,
            "submission_quarantined",
            submission_id=submission_id,
            form_id=form["id"],
            details={"score": judged.verdict.score, "signals": list(judged.verdict.fired)},
            created_at=now,
        )
        return Stored(submission_id)
    source = p.meta["utm"].get("utm_source") or ""
    counts.submission(
        ws,
        now,
        form["id"],
        source=source,
        first_source=""
        if memory is None
        else (source if memory.first_source is None else memory.first_source),
        matched=memory is not None,
        new_contact=bool(memory and memory.is_new),
    )
    if memory is not None and memory.is_new:
        counts.contact(ws, now)
    stored = Stored(submission_id)
    emit(
        conn,
        ws,
        "submission_received",
        submission_id=submission_id,
        form_id=form["id"],
        details={"form_name": form["name"], "flow_id": form["flow_id"], "email": p.email},
        created_at=now,
    )
    if memory is not None:
        emit(
            conn,
            ws,
            "contact_created" if memory.is_new else "contact_matched",
            submission_id=submission_id,
            form_id=form["id"],
            details={"contact_id": memory.contact_id, "company_id": memory.company_id},
            created_at=now,
        )
        stored.contact_id, stored.is_new_contact = memory.contact_id, memory.is_new
        record_consents_tx(conn, p, submission_id, memory.contact_id, now)  # SPEC §19
    enqueue(conn, "process_submission", {"submission_id": submission_id}, workspace_id=ws, now=now)
    return stored


REFUSALS = {
    "pow_expired": "This form was open too long to send; reload the page and send it again.",
    "pow_replayed": "This submission was already received.",
}


def _refused(conn, p: Prepared, judged, counts: Counts) -> Stored:
    """A spam-log row for a refused submission. Over the block threshold it looks
    accepted (a bot learns nothing, as with the honeypot); a replayed or expired
    proof-of-work is answered 403 so a person knows to send again."""
    verdict = judged.verdict.as_json() if judged.verdict else {}
    reason = judged.reason or "score"
    spam.log_tx(
        conn,
        p.form["workspace_id"],
        p.form["id"],
        reason,
        ip=p.ip,
        email=p.email,
        details=verdict,
        counts=counts,
    )
    if judged.action == "block":
        return Stored(new_id("sub"))
    return Stored(rejected=Forbidden(REFUSALS[reason], code="challenge_failed"))


def success_body(form: dict, submission_id: str, body: dict | None = None) -> dict:
    response = form["response"]
    return {
        "submission_id": submission_id,
        "message": thank_you_message(form, body),
        "redirect_url": response["redirect_url"] or None,
    }


@dataclass
class Incoming:
    """A raw public submission: everything the one-transaction pipeline needs."""

    form_id: str
    content_type: str
    raw: bytes
    origin: str | None
    own_origin: str
    ip: str | None
    user_agent: str | None
    body: dict | None = None  # already parsed (multipart; JSON and urlencoded by pre_check)
    # Found by pre_check before the transaction, answered at their own step of §5 in it:
    parse_error: Exception | None = None
    checked_form: dict | None = None  # the form as stored that the body was validated against
    prepared: Prepared | None = None
    invalid: ValidationError | None = None


@dataclass
class Outcome:
    status: int
    body: dict | None = None
    error: Exception | None = None
    cors: str | None = None  # Access-Control-Allow-Origin once the origin is checked


def pre_check(req: Incoming) -> None:
    """The steps that need no database, done before the write transaction (on the event
    loop), so the one writer thread does less per submission: parse the body, and
    validate it when this process holds the form as stored (``load_form_tx``'s cache)
    and no experiment variant is named. Nothing is answered here: pipeline_tx answers
    each finding at its own step of §5 (after the form and origin checks), and
    validates again in the transaction if the form it loads is not the one used here."""
    if req.body is None:
        try:
            req.body = parse_body(req.content_type, req.raw)
        except (BadRequest, UnsupportedMediaType) as exc:
            req.parse_error = exc
            return
    form = _FORMS.get(req.form_id)
    if form is None or req.body.get("_variant_id") or honeypot_filled(form, req.body):
        return
    req.checked_form = form
    try:
        req.prepared = prepare(form, req.body, ip=req.ip, user_agent=req.user_agent)
    except ValidationError as exc:
        req.invalid = exc
    else:
        req.prepared.as_json()


def as_seen_tx(conn, form: dict, body: dict) -> dict:
    """The form with the fields of the experiment variant the visitor was shown."""
    fields = variant_fields_tx(conn, form["id"], body.get("_variant_id"))
    return form if fields is None else {**form, "fields": fields}


def pipeline_tx(conn, req: Incoming, counts: Counts) -> Outcome:
    """Steps 1-8 in ONE write transaction (one hop to the database thread).

    A 4xx found before anything is written is returned, not raised (the empty
    transaction commits), so the answer keeps its CORS header; a spam rejection
    commits its log row; any unexpected failure raises and rolls everything back."""
    form = load_form_tx(conn, req.form_id)
    cors = allowed_origin(form, req.origin, req.own_origin)
    try:
        if req.parse_error is not None:
            raise req.parse_error
        body = req.body if req.body is not None else parse_body(req.content_type, req.raw)
        if honeypot_filled(form, body):
            spam.log_tx(
                conn,
                form["workspace_id"],
                form["id"],
                "honeypot",
                ip=req.ip,
                email=None,
                details={"field": form["security"]["honeypot_field"]},
                counts=counts,
            )
            return Outcome(200, success_body(form, new_id("sub")), cors=cors)
        if req.checked_form is form:  # validated by pre_check against this very form
            if req.invalid is not None:
                raise req.invalid
            prepared = req.prepared
        else:
            prepared = prepare(
                as_seen_tx(conn, form, body), body, ip=req.ip, user_agent=req.user_agent
            )
    except (BadRequest, UnsupportedMediaType, ValidationError) as exc:
        return Outcome(exc.status, error=exc, cors=cors)
    stored = store_tx(conn, prepared, counts)
    if stored.rejected is not None:
        return Outcome(stored.rejected.status, error=stored.rejected, cors=cors)
    return Outcome(201, success_body(form, stored.submission_id, body), cors=cors)


async def submit(
    db, form: dict, body: dict, *, ip: str | None, user_agent: str | None
) -> tuple[int, dict]:
    """Steps 4-8 for a parsed body; returns (status, success body) or raises the 4xx."""
    if honeypot_filled(form, body):
        await db.write(
            spam.log_tx,
            form["workspace_id"],
            form["id"],
            "honeypot",
            ip=ip,
            email=None,
            details={"field": form["security"]["honeypot_field"]},
        )
        return 200, success_body(form, new_id("sub"))  # looks like success: a bot learns nothing
    form = await db.read(as_seen_tx, form, body)
    await warm_patterns(form["fields"])  # this path validates on the event loop
    prepared = prepare(form, body, ip=ip, user_agent=user_agent)
    stored = await db.write(store_tx, prepared)
    if stored.rejected is not None:
        raise stored.rejected
    return 201, success_body(form, stored.submission_id, body)
