"""Deals (SPEC §7): stages, the board, hand edits, and the agents' upsert."""

from __future__ import annotations

from app.db import (
    exists_in_workspace,
    fetch_page,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import NotFound, ValidationError
from app.services.accounts.currency import DEFAULT_CURRENCY, check_currency, format_money
from app.services.crm import deal_activity
from app.services.crm.deal_fields import (  # noqa: F401 - STAGES, MAX_AMOUNT: part of this module's API
    CLOSED_STAGES,
    MAX_AMOUNT,
    OPEN_STAGES,
    STAGES,
    check_owner_tx,
    clean_amount,
    clean_close_date,
    clean_currency,
    clean_name,
    clean_stage,
    is_member_tx,
)
from app.services.events.log import emit

FIELDS = (
    "id",
    "name",
    "amount",
    "currency",
    "stage",
    "owner_id",
    "expected_close_date",
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
    "currency",
    "stage",
    "owner_id",
    "expected_close_date",
    "contact_id",
    "company_id",
    "closed_at",
    "updated_at",
)


def deal_shape(row: dict, workspace_currency: str | None = None) -> dict:
    """The API shape; a deal stored without a currency (made before deals had one) is in
    the workspace currency."""
    shape = {k: row.get(k) for k in FIELDS}
    shape["currency"] = row.get("currency") or workspace_currency or DEFAULT_CURRENCY
    return shape


async def workspace_currency(db, workspace_id: str) -> str:
    return await db.read(workspace_currency_tx, workspace_id)


def workspace_currency_tx(conn, workspace_id: str) -> str:
    settings = loads(
        conn.value("SELECT settings FROM workspaces WHERE id = ?", (workspace_id,)), {}
    )
    return check_currency((settings or {}).get("currency") or "") or DEFAULT_CURRENCY


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
        if new_amount != existing["amount"]:
            money = format_money(
                new_amount, existing["currency"] or workspace_currency_tx(conn, workspace_id)
            )
            deal_activity.record_tx(
                conn,
                workspace_id,
                existing["id"],
                "edited",
                None,
                body=f"Amount set to {money} by the agent",
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
        {
            "name": deal_name,
            "amount": clean_amount(amount),
            "stage": "open",
            "contact_id": contact_id,
            "company_id": company_id,
            "source_submission_id": source_submission_id,
        },
        None,
        now=now,
    )
    return deal_id, True


_INSERT_COLUMNS = ("id", "workspace_id", *FIELDS[1:])
_INSERT_SQL = (
    f"INSERT INTO deals ({', '.join(_INSERT_COLUMNS)})"  # noqa: S608 - fixed column names
    f" VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
)


def _insert(conn, workspace_id: str, values: dict, actor: dict | None, *, now: str) -> str:
    deal_id = new_id("deal")
    values = {
        "currency": None,
        "owner_id": None,
        "expected_close_date": None,
        **values,
        "id": deal_id,
        "workspace_id": workspace_id,
        "created_at": now,
        "updated_at": now,
        "closed_at": _closed_at(None, values["stage"], None, now),
    }
    values["currency"] = values["currency"] or workspace_currency_tx(conn, workspace_id)
    conn.execute(_INSERT_SQL, tuple(values[k] for k in _INSERT_COLUMNS))
    deal_activity.record_tx(
        conn, workspace_id, deal_id, "created", actor, to_stage=values["stage"], now=now
    )
    emit(
        conn,
        workspace_id,
        "deal_created",
        submission_id=values["source_submission_id"],
        details={
            "deal_id": deal_id,
            "contact_id": values["contact_id"],
            "stage": values["stage"],
            "amount": values["amount"],
        },
    )
    return deal_id


# -- hand-made deals ------------------------------------------------------------
def _clean(conn, workspace_id: str, data: dict, keys) -> dict:
    """Every given key checked; all the problems reported at once (422 naming each field)."""
    cleaners = {
        "name": clean_name,
        "amount": clean_amount,
        "stage": clean_stage,
        "currency": clean_currency,
        "expected_close_date": clean_close_date,
        "owner_id": lambda v: check_owner_tx(conn, workspace_id, v),
    }
    errors, values = {}, {}
    for key in keys:
        if key in data:
            try:
                values[key] = cleaners[key](data[key])
            except ValidationError as exc:
                errors.update(exc.fields)
    if errors:
        raise ValidationError(fields=errors)
    return values


def create_deal_tx(conn, workspace_id: str, data: dict, actor: dict | None = None) -> str:
    """A deal made by hand; the owner defaults to the person making it."""
    data = {"stage": "open", "name": None, **data}
    if actor and actor.get("id") and "owner_id" not in data:
        data["owner_id"] = actor["id"] if is_member_tx(conn, workspace_id, actor["id"]) else None
    values = _clean(
        conn,
        workspace_id,
        data,
        ("name", "amount", "stage", "currency", "expected_close_date", "owner_id"),
    )
    values.setdefault("amount", 0.0)
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
    values.update(contact_id=contact_id, company_id=company_id, source_submission_id=source)
    return _insert(conn, workspace_id, values, actor, now=now_iso())


EDIT_KEYS = ("name", "amount", "currency", "stage", "owner_id", "expected_close_date")


def update_deal_tx(conn, workspace_id: str, deal_id: str, data: dict, actor=None) -> None:
    """Edit any of EDIT_KEYS, the contact or the company; stage changes keep closed_at
    right and go on the deal's timeline with who made them."""
    current = get_in_workspace(conn, "deals", deal_id, workspace_id, missing="Deal not found.")
    updates = _clean(conn, workspace_id, data, EDIT_KEYS)
    if "currency" in updates and updates["currency"] is None:
        updates["currency"] = workspace_currency_tx(conn, workspace_id)
    for key in ("contact_id", "company_id"):
        if key in data:
            updates[key] = data[key] or None
    _check_links(conn, workspace_id, updates.get("contact_id"), updates.get("company_id"))
    now = now_iso()
    stage = updates.get("stage", current["stage"])
    updates["closed_at"] = _closed_at(current["stage"], stage, current["closed_at"], now)
    updates["updated_at"] = now
    update_columns(conn, "deals", deal_id, workspace_id, updates, allowed=EDITABLE_COLUMNS)
    before = {
        **current,
        "currency": current["currency"] or workspace_currency_tx(conn, workspace_id),
    }
    changed = [k for k in EDIT_KEYS if k in updates and updates[k] != before[k] and k != "stage"]
    if changed:
        deal_activity.record_edit_tx(
            conn, workspace_id, {**current, **updates}, changed, actor, now
        )
    if stage != current["stage"]:
        deal_activity.record_tx(
            conn,
            workspace_id,
            deal_id,
            "stage",
            actor,
            from_stage=current["stage"],
            to_stage=stage,
            now=now,
        )
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
    row = get_in_workspace(conn, "deals", deal_id, workspace_id, missing="Deal not found.")
    return deal_shape(row, workspace_currency_tx(conn, workspace_id))


async def get_deal(db, workspace_id: str, deal_id: str) -> dict:
    return await db.read(get_deal_tx, workspace_id, deal_id)


async def create_deal(db, workspace_id: str, data: dict, actor: dict | None = None) -> dict:
    return await db.write(
        lambda conn: get_deal_tx(
            conn, workspace_id, create_deal_tx(conn, workspace_id, data, actor)
        )
    )


async def update_deal(
    db, workspace_id: str, deal_id: str, data: dict, actor: dict | None = None
) -> dict:
    def fn(conn):
        update_deal_tx(conn, workspace_id, deal_id, data, actor)
        return get_deal_tx(conn, workspace_id, deal_id)

    return await db.write(fn)


async def move_deal(
    db, workspace_id: str, deal_id: str, stage: str, actor: dict | None = None
) -> dict:
    return await update_deal(db, workspace_id, deal_id, {"stage": stage}, actor)


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

    def fn(conn):
        rows, next_cursor = fetch_page(
            conn, "SELECT * FROM deals", where, params, cursor=cursor, limit=limit
        )
        currency = workspace_currency_tx(conn, workspace_id)
        return [deal_shape(r, currency) for r in rows], next_cursor

    return await db.read(fn)
