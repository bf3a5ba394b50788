"""Every analytics table as CSV (SPEC §10, §16): the same reports the API answers,
flattened to rows; cells a spreadsheet would run as formulas are neutralised with the
CRM exporter's safe_cell. Reports are aggregates (a row per day, form, source…), so
each file is built in memory."""

from __future__ import annotations

import csv
import io

from app.errors import NotFound
from app.services.analytics import (
    agents,
    channels,
    fields,
    forms,
    funnel,
    overview,
    sequences,
    speed,
    volume,
)
from app.services.crm.csv_export import safe_cell

TABLES = (
    "overview",
    "funnel",
    "channels",
    "paths",
    "speed",
    "forms",
    "fields",
    "volume",
    "agents",
    "sequences",
)


def to_csv(columns: list[tuple[str, str]], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(key)) for key, _ in columns])
    return out.getvalue()


def _kpi_rows(kpis: dict, labels) -> list[dict]:
    return [{"metric": label, **kpis[key]} for key, label in labels]


KPI_COLUMNS = [
    ("metric", "Metric"),
    ("value", "Value"),
    ("previous", "Previous period"),
    ("change", "Change"),
    ("change_percent", "Change %"),
]


def table(report: str, data: dict) -> tuple[list, list[dict]]:
    """The columns and rows of ``report`` (one of TABLES) from its JSON answer."""
    if report in ("overview", "form"):
        labels = overview.KPIS if report == "overview" else forms.METRICS
        return KPI_COLUMNS, _kpi_rows(data["kpis"], labels)
    if report == "funnel":
        cols = [("label", "Step"), ("count", "Count"), ("percent_of_first", "% of views")]
        return cols + [("percent_of_previous", "% of previous step")], data["steps"]
    if report == "channels":
        cols = [("source", "Source"), ("submissions", "Submissions"), ("contacts", "New contacts")]
        cols += [("deals", "Deals"), ("won", "Won"), ("revenue", "Revenue")]
        return cols + [("conversion_rate", "Deals per submission %")], data["channels"]
    if report == "paths":
        rows = [{**p, "path": " → ".join(s or "direct" for s in p["path"])} for p in data["paths"]]
        cols = [("path", "Touchpoint path"), ("deals", "Deals"), ("won", "Won")]
        return cols + [("revenue", "Revenue")], rows
    if report == "speed":
        cols = [("bucket", "First response within"), ("count", "Submissions"), ("percent", "%")]
        return cols, data["buckets"]
    if report == "forms":
        return [("name", "Form")] + [(k, label) for k, label in forms.METRICS], data["forms"]
    if report == "fields":
        cols = [
            ("label", "Field"),
            ("focused_percent", "Focused %"),
            ("filled_percent", "Filled %"),
        ]
        cols += [("avg_time_seconds", "Average time (s)"), ("drop_off_percent", "Drop-off %")]
        return cols, data["fields"]
    if report == "volume":
        cols = [("day", "Day"), ("views", "Views"), ("starts", "Starts")]
        return cols + [("submissions", "Submissions"), ("spam", "Spam blocked")], data["days"]
    if report == "agents":
        rows = [{**row, "name": row["handler"]["name"]} for row in data["handlers"]]
        return AGENT_COLUMNS, rows
    if report == "sequences":
        cols = [("name", "Sequence"), ("enrolled", "Enrolled"), ("active", "Active")]
        cols += [("completed", "Completed"), ("stopped", "Stopped")]
        return cols + [("completion_rate", "Completion %")], data["sequences"]
    raise NotFound("No such analytics table.")


AGENT_COLUMNS = [
    ("name", "Handler"),
    ("handled", "Submissions"),
    ("avg_handling_seconds", "Average handling (s)"),
    ("success_rate", "Success %"),
    ("escalation_rate", "Escalation %"),
    ("error_rate", "Error %"),
    ("recovery_rate", "Recovery %"),
    ("actions_per_submission", "Actions per submission"),
]


async def report_data(db, ws: str, report: str, r, *, attribution="last_touch", form_id=None):
    """The JSON answer behind ``report`` (for the page's CSV links)."""
    if report == "overview":
        return await overview.overview(db, ws, r)
    if report == "funnel":
        return await funnel.funnel(db, ws, r)
    if report in ("channels", "paths"):
        return await channels.channels(db, ws, r, attribution)
    if report == "speed":
        return await speed.speed(db, ws, r)
    if report == "forms":
        return await forms.compare_forms(db, ws, r)
    if report == "fields":
        if not form_id:
            raise NotFound("Pick a form for its field analytics.")
        return await fields.field_stats(db, ws, form_id, r)
    if report == "volume":
        return await volume.daily_volume(db, ws, r)
    if report == "agents":
        return await agents.all_agents(db, ws, r)
    if report == "sequences":
        return await sequences.sequence_health(db, ws, r)
    raise NotFound("No such analytics table.")
