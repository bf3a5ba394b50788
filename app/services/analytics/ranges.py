"""The date range of an analytics question (SPEC §10): 7, 30 or 90 days ending today, or a
custom from/to; the previous period of equal length gives the deltas. Days are UTC days,
the unit of the rollups (analytics_daily, form_daily_stats)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.db import clock
from app.errors import ValidationError

PRESETS = {"7d": 7, "30d": 30, "90d": 90}
DEFAULT = "30d"
MAX_DAYS = 732


@dataclass(frozen=True)
class Period:
    start: date  # first day, inclusive
    end: date  # last day, inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def first_day(self) -> str:
        return self.start.isoformat()

    @property
    def last_day(self) -> str:
        return self.end.isoformat()

    @property
    def since(self) -> str:
        """Lower bound for created_at-like timestamps (inclusive)."""
        return self.start.isoformat()

    @property
    def until(self) -> str:
        """Upper bound for created_at-like timestamps (exclusive): the day after ``end``."""
        return (self.end + timedelta(days=1)).isoformat()

    def each_day(self) -> list[str]:
        return [(self.start + timedelta(days=i)).isoformat() for i in range(self.days)]


@dataclass(frozen=True)
class DateRange:
    key: str  # "7d", "30d", "90d" or "custom"
    current: Period
    previous: Period

    def as_json(self) -> dict:
        return {
            "range": self.key,
            "from": self.current.first_day,
            "to": self.current.last_day,
            "days": self.current.days,
            "previous": {"from": self.previous.first_day, "to": self.previous.last_day},
        }

    def query(self) -> dict:
        """The query parameters that ask for this range again (links, CSV exports)."""
        if self.key == "custom":
            return {"from": self.current.first_day, "to": self.current.last_day}
        return {"range": self.key}


def _day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "Dates are written YYYY-MM-DD.", fields={name: f"{value!r} is not a date (YYYY-MM-DD)."}
        ) from None


def parse_range(params) -> DateRange:
    """``range=7d|30d|90d`` or ``from=YYYY-MM-DD&to=YYYY-MM-DD`` (both inclusive)."""
    today = clock.utcnow().date()
    start, end = params.get("from") or "", params.get("to") or ""
    if start or end:
        if not (start and end):
            missing = "to" if start else "from"
            raise ValidationError(
                "A custom range needs both from and to.",
                fields={missing: "Give the other end of the range (YYYY-MM-DD)."},
            )
        first, last = _day(start, "from"), _day(end, "to")
        if last < first:
            raise ValidationError(
                "The range ends before it starts.", fields={"to": "Pick a day on or after from."}
            )
        if (last - first).days + 1 > MAX_DAYS:
            raise ValidationError(
                f"A range covers at most {MAX_DAYS} days.",
                fields={"from": f"Pick a range of {MAX_DAYS} days or fewer."},
            )
        key = "custom"
    else:
        key = params.get("range") or DEFAULT
        if key not in PRESETS:
            raise ValidationError(
                "Unknown range.", fields={"range": "Use 7d, 30d, 90d, or from and to."}
            )
        last = today
        first = today - timedelta(days=PRESETS[key] - 1)
    length = (last - first).days + 1
    previous = Period(first - timedelta(days=length), first - timedelta(days=1))
    return DateRange(key, Period(first, last), previous)


def delta(current, previous) -> dict:
    """A KPI with its previous value and the change (percent is None when there was nothing before)."""
    change = None if current is None or previous is None else round(current - previous, 4)
    percent = None
    if change is not None and previous:
        percent = round(change / previous * 100, 1)
    return {"value": current, "previous": previous, "change": change, "change_percent": percent}
