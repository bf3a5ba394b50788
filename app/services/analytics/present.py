"""How analytics numbers read on the page: money in the workspace currency (the
accounts' format_money), durations in words, percentages, deltas ("▲ 12%"), bar widths."""

from __future__ import annotations

from app.services.accounts.currency import DEFAULT_CURRENCY, format_money


def money(amount, currency: str = DEFAULT_CURRENCY) -> str:
    return "—" if amount is None else format_money(amount, currency)


def duration(seconds) -> str:
    if seconds is None:
        return "—"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def percent(value) -> str:
    return "—" if value is None else f"{value:g}%"


def number(value) -> str:
    return "—" if value is None else f"{value:,}"


def show(value, kind: str, currency: str) -> str:
    if kind == "money":
        return money(value, currency)
    if kind == "duration":
        return duration(value)
    if kind == "percent":
        return percent(value)
    return number(value)


def change(kpi: dict, kind: str, currency: str, lower_is_better: bool = False) -> dict:
    """The delta line of a KPI card: text, and whether the change is good news."""
    diff = kpi["change"]
    if diff is None or kpi["previous"] is None:
        return {"text": "no earlier data", "tone": "flat"}
    if diff == 0:
        return {"text": "no change", "tone": "flat"}
    arrow = "▲" if diff > 0 else "▼"
    if kpi["change_percent"] is not None and kind != "percent":
        amount = f"{abs(kpi['change_percent']):g}%"
    elif kind == "percent":
        amount = f"{abs(diff):g} points"
    else:
        amount = show(abs(diff), kind, currency)
    good = (diff < 0) if lower_is_better else (diff > 0)
    return {"text": f"{arrow} {amount}", "tone": "up" if good else "down"}


def width(value, largest) -> float:
    """A bar's width in % of the largest value of its chart."""
    return round(value / largest * 100, 1) if largest and value else 0
