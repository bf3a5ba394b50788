"""Contacts CSV import (SPEC §7): decode, detect the column mapping, preview per
row, then import. A file with row errors imports nothing (unless the rows with
errors are skipped); a valid file is written in short batches (csv_import_apply),
so a big import never holds up other workspaces' writes (SPEC §13).

Existing contacts (same email) are updated without overwriting: only their empty
fields are filled and new tags added; rows that would change nothing are
reported as "unchanged"."""

from __future__ import annotations

import asyncio
import csv
import io
import re

from app.errors import BadRequest, PayloadTooLarge, ValidationError
from app.services.crm.contacts import EMAIL_RE, MAX_TAGS, STATUSES, normalize_tags
from app.services.crm.csv_import_apply import (
    DEFAULT_BATCH_ROWS,
    Tally,
    match_tx,
    write_batches,
)
from app.services.events.log import emit

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
TARGETS = (
    "email",
    "name",
    "first_name",
    "last_name",
    "phone",
    "company",
    "status",
    "source",
    "tags",
    "custom",
    "",
)
TARGET_LABELS = {
    "email": "Email",
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "phone": "Phone",
    "company": "Company",
    "status": "Status",
    "source": "Source",
    "tags": "Tags",
    "custom": "Custom field (column name)",
    "": "Ignore this column",
}
SYNONYMS = {
    "email": {"email", "e-mail", "emailaddress", "e-mailaddress", "mail", "email address"},
    "name": {"name", "fullname", "contactname", "full name"},
    "first_name": {"firstname", "first", "givenname", "forename", "vorname"},
    "last_name": {"lastname", "last", "surname", "familyname", "nachname"},
    "phone": {"phone", "telephone", "tel", "mobile", "phonenumber", "cell"},
    "company": {
        "company",
        "companyname",
        "organization",
        "organisation",
        "org",
        "account",
        "employer",
        "firma",
    },
    "status": {"status", "leadstatus", "stage"},
    "source": {"source", "leadsource", "origin"},
    "tags": {"tags", "tag", "labels", "label", "segments"},
}


def decode(raw: bytes) -> str:
    """UTF-8 with or without a BOM; anything else is refused with what to do."""
    if len(raw) > MAX_BYTES:
        raise PayloadTooLarge("The file is larger than 10 MB; split it into smaller files.")
    if not raw.strip():
        raise BadRequest(
            "The file is empty. Upload a CSV with a header row and one contact per row.",
            code="empty_file",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadRequest(
            "The file is not UTF-8 text. In your spreadsheet choose 'Save as' → 'CSV UTF-8' "
            "and upload it again.",
            code="bad_encoding",
        ) from None
    if "\x00" in text:
        raise BadRequest(
            "The file looks binary (it contains NUL bytes). Upload a CSV text file.",
            code="bad_encoding",
        )
    return text


def parse(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows; the delimiter (, ; tab) is detected from the first lines."""
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in r)]
    if not rows:
        raise BadRequest("The file has no rows.", code="empty_file")
    header = [h.strip() for h in rows[0]]
    if len(rows) - 1 > MAX_ROWS:
        raise ValidationError(
            f"The file has {len(rows) - 1} rows; import at most {MAX_ROWS} at a time."
        )
    seen = set()
    for h in header:
        if not h:
            raise ValidationError(
                "A column has no name in the header row; give every column a name."
            )
        if h.lower() in seen:
            raise ValidationError(
                f"The column '{h}' appears twice in the header row; rename one of them."
            )
        seen.add(h.lower())
    return header, rows[1:]


def _key(header: str) -> str:
    return re.sub(r"[\s_\-.]+", "", header.lower())


def detect_mapping(header: list[str]) -> dict[str, str]:
    mapping, used = {}, set()
    for h in header:
        target = next(
            (t for t, names in SYNONYMS.items() if _key(h) in {_key(n) for n in names}), ""
        )
        if target in used:
            target = ""
        used.add(target)
        mapping[h] = target
    return mapping


def check_mapping(header: list[str], mapping) -> dict[str, str]:
    if not isinstance(mapping, dict):
        raise ValidationError(
            fields={"mapping": 'Give the mapping as an object: {"column": "email", ...}.'}
        )
    unknown = [c for c in mapping if c not in header]
    if unknown:
        raise ValidationError(fields={"mapping": f"No column called {unknown[0]!r} in the file."})
    result = {h: mapping.get(h, "") or "" for h in header}
    for column, target in result.items():
        if target not in TARGETS:
            raise ValidationError(
                fields={
                    "mapping": f"Column {column!r}: choose one of {', '.join(t for t in TARGETS if t)}, or leave it empty."
                }
            )
    targets = [t for t in result.values() if t and t != "custom"]
    if "email" not in targets:
        raise ValidationError(
            "No column holds the email address. Add an 'email' column to the file, or map one "
            "column to Email.",
            fields={"mapping": "Map one column to Email."},
            code="missing_email_column",
        )
    duplicate = next((t for t in targets if targets.count(t) > 1), None)
    if duplicate:
        raise ValidationError(
            fields={"mapping": f"Two columns are mapped to {TARGET_LABELS[duplicate]}; keep one."}
        )
    return result


def _row_values(header, row, mapping) -> dict:
    values, custom = {}, {}
    for index, column in enumerate(header):
        target = mapping.get(column, "")
        cell = row[index].strip() if index < len(row) else ""
        if target == "custom":
            if cell:
                custom[column] = cell
        elif target:
            values[target] = cell
    values["custom_fields"] = custom
    return values


def _row_errors(values: dict) -> list[str]:
    errors = []
    email = values.get("email", "")
    if not email:
        errors.append("The email is empty.")
    elif len(email) > 254 or not EMAIL_RE.match(email):
        errors.append(f"{email!r} is not a valid email address.")
    if values.get("status") and values["status"].lower() not in STATUSES:
        errors.append(f"Status {values['status']!r} is not one of {', '.join(STATUSES)}.")
    for key, limit in (
        ("name", 200),
        ("first_name", 100),
        ("last_name", 100),
        ("phone", 50),
        ("source", 100),
        ("company", 200),
    ):
        if len(values.get(key, "")) > limit:
            errors.append(f"The {key.replace('_', ' ')} is longer than {limit} characters.")
    try:
        values["tags"] = normalize_tags(re.split(r"[;,|]", values.get("tags", "")))
    except ValidationError as exc:
        values["tags"] = []
        errors.append(exc.fields["tags"])
    if len(values["tags"]) > MAX_TAGS:
        errors.append(f"A contact can have at most {MAX_TAGS} tags.")
    return errors


def analyze_tx(conn, workspace_id: str, header, rows, mapping) -> list[dict]:
    """One result per data row: action create | update | unchanged | error, with reasons."""
    results, first_row_of = [], {}
    for offset, row in enumerate(rows):
        number = offset + 2  # the header is line 1, as in a spreadsheet
        values = _row_values(header, row, mapping)
        errors = _row_errors(values)
        lowered = values.get("email", "").lower()
        if not errors and lowered in first_row_of:
            errors.append(f"Duplicate of row {first_row_of[lowered]} (same email).")
        first_row_of.setdefault(lowered, number)
        results.append(
            {
                "row": number,
                "email": values.get("email", ""),
                "values": values,
                "errors": errors,
                "action": "error" if errors else "create",
                "fills": [],
            }
        )
    match_tx(conn, workspace_id, results)
    return results


def summarize(results: list[dict]) -> dict:
    counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
    for r in results:
        counts[r["action"]] += 1
    return counts


def public_row(result: dict) -> dict:
    return {k: result[k] for k in ("row", "email", "action", "errors", "fills")}


def analysis_tx(conn, workspace_id: str, text: str, mapping=None) -> tuple[dict, list[dict]]:
    """(report, per-row results) of a file under a mapping (the detected one by default)."""
    header, rows = parse(text)
    detected = detect_mapping(header)
    mapping = check_mapping(header, detected if mapping is None else mapping)
    results = analyze_tx(conn, workspace_id, header, rows, mapping)
    report = {
        "columns": header,
        "mapping": mapping,
        "detected_mapping": detected,
        "rows_total": len(results),
        "summary": summarize(results),
    }
    return report, results


def preview_tx(conn, workspace_id: str, text: str, mapping=None) -> dict:
    """The dry run: what an import would do, row by row (the first 100 and up to 200 errors)."""
    report, results = analysis_tx(conn, workspace_id, text, mapping)
    shown = results[:100] + [r for r in results[100:] if r["errors"]][:200]
    return {**report, "dry_run": True, "rows": [public_row(r) for r in shown]}


def refuse_row_errors(results: list[dict], skip_errors: bool) -> list[dict]:
    """The rows with errors; any of them refuses the whole import (422) unless skipped."""
    bad = [r for r in results if r["errors"]]
    if bad and not skip_errors:
        fields = {f"row {r['row']}": " ".join(r["errors"]) for r in bad[:50]}
        raise ValidationError(
            f"{len(bad)} row(s) have errors, so nothing was imported. Fix them and upload again, "
            "or choose to skip the rows with errors.",
            fields=fields,
            code="import_rows_invalid",
        )
    return bad


def imported_tx(conn, workspace_id: str, summary: dict, actor: str) -> None:
    """The ``contacts_imported`` event, once every batch is in."""
    emit(
        conn,
        workspace_id,
        "contacts_imported",
        details={
            "created": summary["create"],
            "updated": summary["update"],
            "unchanged": summary["unchanged"],
            "skipped": summary["error"],
            "by": actor,
        },
    )


def result_of(report: dict, tally: Tally, bad: list[dict]) -> dict:
    """The import's answer: the counts of what the batches did, plus the skipped rows."""
    summary = {**tally.as_dict(), "error": len(bad)}
    errors = [public_row(r) for r in bad[:200]]
    return {**report, "summary": summary, "dry_run": False, "imported": True, "errors": errors}


async def preview_text(db, workspace_id: str, text: str, mapping=None) -> dict:
    """A dry run over already-decoded CSV text (the page keeps the upload between steps)."""
    return await db.read(preview_tx, workspace_id, text, mapping)


async def run_import(
    db,
    workspace_id: str,
    raw: bytes,
    mapping=None,
    *,
    dry_run: bool = False,
    skip_errors: bool = False,
    actor: str = "",
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> dict:
    """Preview (``dry_run``) or import an uploaded file. Analysis reads; the rows are then
    written in batches, and uploading the same file again creates nothing twice."""
    text = await asyncio.to_thread(decode, raw)
    if dry_run:
        return await db.read(preview_tx, workspace_id, text, mapping)
    report, results = await db.read(analysis_tx, workspace_id, text, mapping)
    bad = refuse_row_errors(results, skip_errors)
    valid = [r for r in results if not r["errors"]]
    tally = await write_batches(db, workspace_id, valid, batch_rows=batch_rows)
    result = result_of(report, tally, bad)
    await db.write(imported_tx, workspace_id, result["summary"], actor)
    return result
