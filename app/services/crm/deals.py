"""Deals (SPEC §7): stages, the board, hand edits, and the agents' upsert."""

from __future__ import annotations

from app.db import (
    exists_in_workspace,
    fetch_page,
    get_in_workspace,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import NotFound, ValidationError
from app.services.events.log import emit

STAGES = ("open", "qualified", "proposal", "won", "lost")
OPEN_STAGES = ("open", "qualified", "proposal")
CLOSED_STAGES = ("won", "lost")
MAX_AMOUNT = 1e12
FIELDS = (
    "id",
    "name",
    "amount",
    "stage",
    "contact_id",
    "company_id",
    "source_submission_id",
    "created_at",
    "updated_at",
    "closed_at",
)
# What an edit may write (the rest is set once, at creation).
EDITABLE_COLUMNS = (
    "name",
    "amount",
    "stage",
    "contact_id",
    "company_id",
    "closed_at",
    "updated_at",
)


def deal_shape(row: dict) -> dict:
    return {k: row[k] for k in FIELDS}


# -- validation ---------------------------------------------------------------
def clean_amount(value, field: str = "amount") -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool):
        raise ValidationError(fields={field: "Give the amount as a number, e.g. 1500 or 1500.50."})
    try:
        amount = (
            float(str(value).replace(",", "").strip()) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int of 400 digits
        raise ValidationError(
            fields={field: "Give the amount as a number, e.g. 1500 or 1500.50."}
        ) from None
    if amount != amount or amount < 0 or amount > MAX_AMOUNT:
        raise ValidationError(fields={field: "The amount must be between 0 and 1 000 000 000 000."})
    return round(amount, 2)


def clean_stage(value) -> str:
    if value not in STAGES:
        raise ValidationError(fields={"stage": f"Choose one of: {', '.join(STAGES)}."})
    return value


def clean_name(value) -> str:
    name = (value or "").strip() if isinstance(value, str) else ""
    if not name:
        raise ValidationError(fields={"name": "Give the deal a name."})
    if len(name) > 200:
        raise ValidationError(fields={"name": "Keep the name under 200 characters."})
    return name


def _check_links(conn, workspace_id: str, contact_id, company_id) -> None:
    """Links must point inside the workspace: an unknown or foreign id is a 404 naming the field."""
    if contact_id and not exists_in_workspace(conn, "contacts", contact_id, workspace_id):
        raise NotFound(
            "Contact not found.", fields={"contact_id": "No such contact in this workspace."}
        )
    if company_id and not exists_in_workspace(conn, "companies", company_id, workspace_id):
        raise NotFound(
            "Company not found.", fields={"company_id": "No such company in this workspace."}
        )


def _closed_at(
    old_stage: str | None, new_stage: str, old_closed_at: str | None, now: str
) -> str | None:
    """won/lost stamp closed_at when the deal enters a closed stage; reopening clears it."""
    if new_stage in CLOSED_STAGES:
        return old_closed_at if old_stage == new_stage and old_closed_at else now
    return None


# -- writes inside a caller's transaction --------------------------------------
def upsert_open_deal_tx(
    conn,
    workspace_id: str,
    *,
    contact_id: str,
    company_id: str | None,
    name: str | None,
    amount=None,
    source_submission_id: str | None = None,
) -> tuple[str, bool]:
    """The contact's open deal (open|qualified|proposal) is updated, else a new one made.

    ``amount`` None leaves an existing amount alone. Emits ``deal_created`` or
    ``deal_updated``. Returns (deal_id, created)."""
    contact = get_in_workspace(
        conn,
        "contacts",
        contact_id,
        workspace_id,
        columns=("id", "name", "email", "company_id"),
        missing="Contact not found.",
    )
    company_id = company_id or contact["company_id"]
    _check_links(conn, workspace_id, None, company_id)
    now = now_iso()
    existing = conn.one(
        "SELECT * FROM deals WHERE workspace_id = ? AND contact_id = ? AND stage IN ('open', 'qualified', 'proposal')"
        " ORDER BY updated_at DESC, id DESC LIMIT 1",
        (workspace_id, contact_id),
    )
    if existing:
        new_amount = existing["amount"] if amount is None else clean_amount(amount)
        conn.execute(
            "UPDATE deals SET amount = ?, company_id = COALESCE(company_id, ?), updated_at = ? WHERE id = ?",
            (new_amount, company_id, now, existing["id"]),
        )
        emit(
            conn,
            workspace_id,
            "deal_updated",
            submission_id=source_submission_id,
            details={"deal_id": existing["id"], "contact_id": contact_id, "amount": new_amount},
        )
        return existing["id"], False
    deal_name = (name or "").strip()[:200] or f"Deal with {contact['name'] or contact['email']}"
    deal_id = _insert(
        conn,
        workspace_id,
        name=deal_name,
        amount=clean_amount(amount),
        stage="open",
        contact_id=contact_id,
        company_id=company_id,
        source_submission_id=source_submission_id,
        now=now,
    )
    return deal_id, True


def _insert(
    conn, workspace_id, *, name, amount, stage, contact_id, company_id, source_submission_id, now
) -> str:
    deal_id = new_id("deal")
    conn.execute(
        "INSERT INTO deals (id, workspace_id, name, amount, stage, contact_id, company_id, source_submission_id,"
        " created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            deal_id,
            workspace_id,
            name,
            amount,
            stage,
            contact_id,
            company_id,
            source_submission_id,
            now,
            now,
            _closed_at(None, stage, None, now),
        ),
    )
    emit(
        conn,
        workspace_id,
        "deal_created",
        submission_id=source_submission_id,
        details={"deal_id": deal_id, "contact_id": contact_id, "stage": stage, "amount": amount},
    )
    return deal_id


# -- hand-made deals ------------------------------------------------------------
def create_deal_tx(conn, workspace_id: str, data: dict) -> str:
    errors, values = {}, {}
    for key, fn in (("name", clean_name), ("amount", clean_amount), ("stage", clean_stage)):
        try:
            values[key] = fn(data.get(key, "open" if key == "stage" else None))
        except ValidationError as exc:
            errors.update(exc.fields)
    if errors:
        raise ValidationError(fields=errors)
    contact_id, company_id = data.get("contact_id") or None, data.get("company_id") or None
    _check_links(conn, workspace_id, contact_id, company_id)
    if contact_id and not company_id:
        company_id = conn.value("SELECT company_id FROM contacts WHERE id = ?", (contact_id,))
    source = data.get("source_submission_id") or None
    if source and not exists_in_workspace(conn, "submissions", source, workspace_id):
        raise NotFound(
            "Submission not found.",
            fields={"source_submission_id": "No such submission in this workspace."},
        )
    return _insert(
        conn,
        workspace_id,
        contact_id=contact_id,
        company_id=company_id,
        source_submission_id=source,
        now=now_iso(),
        **values,
    )


def update_deal_tx(conn, workspace_id: str, deal_id: str, data: dict) -> None:
    """Edit name, amount, stage, contact or company; stage changes keep closed_at right."""
    current = get_in_workspace(conn, "deals", deal_id, workspace_id, missing="Deal not found.")
    errors, updates = {}, {}
    for key, fn in (("name", clean_name), ("amount", clean_amount), ("stage", clean_stage)):
        if key in data:
            try:
                updates[key] = fn(data[key])
            except ValidationError as exc:
                errors.update(exc.fields)
    if errors:
        raise ValidationError(fields=errors)
    for key in ("contact_id", "company_id"):
        if key in data:
            updates[key] = data[key] or None
    _check_links(conn, workspace_id, updates.get("contact_id"), updates.get("company_id"))
    now = now_iso()
    stage = updates.get("stage", current["stage"])
    updates["closed_at"] = _closed_at(current["stage"], stage, current["closed_at"], now)
    updates["updated_at"] = now
    update_columns(conn, "deals", deal_id, workspace_id, updates, allowed=EDITABLE_COLUMNS)
    if stage != current["stage"]:
        emit(
            conn,
            workspace_id,
            "deal_stage_changed",
            submission_id=current["source_submission_id"],
            details={
                "deal_id": deal_id,
                "from": current["stage"],
                "to": stage,
                "amount": updates.get("amount", current["amount"]),
            },
        )
    else:
        emit(
            conn,
            workspace_id,
            "deal_updated",
            details={"deal_id": deal_id, "fields": sorted(k for k in data if k in updates)},
        )


def get_deal_tx(conn, workspace_id: str, deal_id: str) -> dict:
    return deal_shape(
        get_in_workspace(conn, "deals", deal_id, workspace_id, missing="Deal not found.")
    )


async def get_deal(db, workspace_id: str, deal_id: str) -> dict:
    return await db.read(get_deal_tx, workspace_id, deal_id)


async def create_deal(db, workspace_id: str, data: dict) -> dict:
    return await db.write(
        lambda conn: get_deal_tx(conn, workspace_id, create_deal_tx(conn, workspace_id, data))
    )


async def update_deal(db, workspace_id: str, deal_id: str, data: dict) -> dict:
    def fn(conn):
        update_deal_tx(conn, workspace_id, deal_id, data)
        return get_deal_tx(conn, workspace_id, deal_id)

    return await db.write(fn)


async def move_deal(db, workspace_id: str, deal_id: str, stage: str) -> dict:
    return await update_deal(db, workspace_id, deal_id, {"stage": stage})


# -- lists and the board -----------------------------------------------------------
async def list_deals(
    db,
    workspace_id: str,
    *,
    stage=None,
    contact_id=None,
    company_id=None,
    limit: int = 50,
    cursor: str | None = None,
    updated_since: str | None = None,
) -> tuple[list[dict], str | None]:
    """Newest first, keyset on (created_at, id); ``cursor`` as the request sent it."""
    where, params = ["workspace_id = ?"], [workspace_id]
    if updated_since:
        where.append("updated_at >= ?")
        params.append(updated_since)
    if stage:
        where.append("stage = ?")
        params.append(clean_stage(stage))
    for key, value in (("contact_id", contact_id), ("company_id", company_id)):
        if value:
            where.append(f"{key} = ?")
            params.append(value)
    rows, next_cursor = await db.read(
        fetch_page, "SELECT * FROM deals", where, params, cursor=cursor, limit=limit
    )
    return [deal_shape(r) for r in rows], next_cursor


BOARD_LIMIT = 100


async def board(db, workspace_id: str) -> list[dict]:
    """One column per stage: count and amount total over ALL its deals, the newest 100 cards."""

    def fn(conn):
        totals = {
            r["stage"]: r
            for r in conn.all(
                "SELECT stage, COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total FROM deals"
                " WHERE workspace_id = ? GROUP BY stage",
                (workspace_id,),
            )
        }
        columns = []
        for stage in STAGES:
            rows = conn.all(
                "SELECT d.*, c.name AS contact_name, c.email AS contact_email, co.name AS company_name FROM deals d"
                " LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id"
                " WHERE d.workspace_id = ? AND d.stage = ? ORDER BY d.updated_at DESC, d.id DESC LIMIT ?",
                (workspace_id, stage, BOARD_LIMIT),
            )
            info = totals.get(stage, {"count": 0, "total": 0})
            columns.append(
                {
                    "stage": stage,
                    "count": info["count"],
                    "total": round(info["total"], 2),
                    "deals": rows,
                }
            )
        return columns

    return await db.read(fn)
