"""What a deal's fields may hold (SPEC §7, issue 14 item 10): each check answers the value
to store or a ValidationError naming its field in words a person can act on."""

from __future__ import annotations

import re
from datetime import date

from app.errors import ValidationError
from app.services.accounts.currency import check_currency

STAGES = ("open", "qualified", "proposal", "won", "lost")
OPEN_STAGES = ("open", "qualified", "proposal")
CLOSED_STAGES = ("won", "lost")
MAX_AMOUNT = 1e12


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


def clean_currency(value) -> str | None:
    """An ISO 4217 code ("eur" is EUR); None or "" means the workspace currency."""
    if value is None or value == "":
        return None
    code = check_currency(value) if isinstance(value, str) else None
    if not code:
        raise ValidationError(
            fields={"currency": "Use a three-letter ISO 4217 code such as USD, EUR or JPY."}
        )
    return code


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def clean_close_date(value) -> str | None:
    """The expected close date as YYYY-MM-DD (a calendar day, no time); None clears it."""
    if value is None or value == "":
        return None
    text = value.strip() if isinstance(value, str) else ""
    try:
        if not _DATE.match(text):
            raise ValueError
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValidationError(
            fields={"expected_close_date": "Give the date as YYYY-MM-DD, e.g. 2026-12-31."}
        ) from None


def check_owner_tx(conn, workspace_id: str, value) -> str | None:
    """The owner is the account id of an active member of this workspace; None for nobody."""
    if value is None or value == "":
        return None
    if not (isinstance(value, str) and is_member_tx(conn, workspace_id, value)):
        raise ValidationError(fields={"owner_id": "Choose an active member of this workspace."})
    return value


def clean_name(value) -> str:
    name = (value or "").strip() if isinstance(value, str) else ""
    if not name:
        raise ValidationError(fields={"name": "Give the deal a name."})
    if len(name) > 200:
        raise ValidationError(fields={"name": "Keep the name under 200 characters."})
    return name


def is_member_tx(conn, workspace_id: str, account_id: str) -> bool:
    return bool(
        conn.value(
            "SELECT 1 FROM memberships WHERE workspace_id = ? AND account_id = ? AND status = 'active'",
            (workspace_id, account_id),
        )
    )
