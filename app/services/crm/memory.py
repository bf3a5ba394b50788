"""Contact memory (SPEC §5 step 7), run inside the capture transaction.

Find the contact by (workspace, lower(email)); create it or fill in only the
properties that are still empty; append a touchpoint; bump the counters; match
or create the company by normalized name; apply mapped custom fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import dumps, loads, new_id
from app.services.crm.company_match import match_company_tx
from app.services.crm.normalize import complete_name
from app.services.forms.config import CUSTOM_FIELD_PREFIX, MAPPING_TARGETS

# The contact columns a form can map a field to (contact.<column>, besides the email).
CONTACT_PROPS = tuple(
    t.removeprefix("contact.")
    for t in MAPPING_TARGETS
    if t.startswith("contact.") and t != "contact.email"
)
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")


@dataclass
class Remembered:
    contact_id: str
    company_id: str | None
    is_new: bool
    # utm_source ('' for none) of the contact's first touchpoint before this one; None: no earlier one
    first_source: str | None = None


def mapped_values(form: dict, data: dict) -> dict:
    """{target: value} for every mapped field with a value ("contact.name" -> "Ada")."""
    values = {}
    for name, target in (form.get("field_mapping") or {}).items():
        value = data.get(name)
        if value not in (None, "", []):
            values[target] = (
                value
                if isinstance(value, str)
                else (", ".join(map(str, value)) if isinstance(value, list) else value)
            )
    return values


def submitter_email(form: dict, data: dict) -> str | None:
    """The submitted email: the field mapped to contact.email, else the first email field."""
    for name, target in (form.get("field_mapping") or {}).items():
        if target == "contact.email" and isinstance(data.get(name), str) and data[name].strip():
            return data[name].strip()
    for field in form.get("fields", []):
        if (
            field["type"] == "email"
            and isinstance(data.get(field["name"]), str)
            and data[field["name"]].strip()
        ):
            return data[field["name"]].strip()
    return None


def _custom_fields(current: dict, values: dict) -> dict:
    merged = dict(current)
    for target, value in values.items():
        if target.startswith(CUSTOM_FIELD_PREFIX):
            key = target[len(CUSTOM_FIELD_PREFIX) :]
            if merged.get(key) in (None, "", []):
                merged[key] = value
    return merged


def _create(
    conn, workspace_id: str, email: str, values: dict, company_id, form: dict, now: str
) -> str:
    """The new contact, ``unindexed`` until the process_submission job indexes it for
    search and the list's filters and sorts (migration 0150): the 201 does not wait."""
    contact_id = new_id("contact")
    props = {p: str(values.get(f"contact.{p}", ""))[:500] for p in CONTACT_PROPS}
    props["name"], props["first_name"], props["last_name"] = complete_name(
        props["name"], props["first_name"], props["last_name"]
    )
    conn.execute(
        "INSERT INTO contacts (id, workspace_id, email, email_lower, name, first_name, last_name, phone, company_id,"
        " status, source, tags, custom_fields, submission_count, first_seen, last_seen, created_at, updated_at,"
        " unindexed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'lead', ?, '[]', ?, 1, ?, ?, ?, ?, 1)",
        (
            contact_id,
            workspace_id,
            email,
            email.lower(),
            props["name"],
            props["first_name"],
            props["last_name"],
            props["phone"],
            company_id,
            f"form:{form['slug']}",
            dumps(_custom_fields({}, values)),
            now,
            now,
            now,
            now,
        ),
    )
    return contact_id


def _update(conn, row: dict, values: dict, company_id, now: str) -> str | None:
    """Fill only empty properties; returns the contact's company afterwards."""
    sets, params = [], []
    merged = {}
    for prop in CONTACT_PROPS:
        new = values.get(f"contact.{prop}")
        merged[prop] = row[prop] or ("" if new in (None, "") else str(new)[:500])
    merged["name"], merged["first_name"], merged["last_name"] = complete_name(
        merged["name"], merged["first_name"], merged["last_name"]
    )
    for prop in CONTACT_PROPS:
        if merged[prop] and not row[prop]:
            sets.append(f"{prop} = ?")
            params.append(merged[prop][:500])
    if company_id and not row["company_id"]:
        sets.append("company_id = ?")
        params.append(company_id)
    custom = _custom_fields(loads(row["custom_fields"], {}), values)
    if custom != loads(row["custom_fields"], {}):
        sets.append("custom_fields = ?")
        params.append(dumps(custom))
    sets.append("submission_count = submission_count + 1, last_seen = ?, updated_at = ?")
    params.extend([now, now])
    conn.execute(f"UPDATE contacts SET {', '.join(sets)} WHERE id = ?", (*params, row["id"]))  # noqa: S608 - fixed names
    return row["company_id"] or company_id


def remember(
    conn,
    workspace_id: str,
    form: dict,
    *,
    submission_id: str,
    email: str,
    data: dict,
    meta: dict,
    now: str,
) -> Remembered:
    """Create or update the submitter's contact (and company) and append a touchpoint."""
    values = mapped_values(form, data)
    company_id = match_company_tx(
        conn,
        workspace_id,
        str(values.get("company.name") or ""),
        email,
        create=form.get("auto", {}).get("create_company", True),
    )
    # The first touchpoint's source rides along: the analytics rollup credits it (first touch).
    row = conn.one(
        "SELECT id, name, first_name, last_name, phone, company_id, custom_fields,"
        " (SELECT COALESCE(t.utm_source, '') FROM touchpoints t WHERE t.contact_id = c.id"
        "  ORDER BY t.created_at, t.id LIMIT 1) AS first_source"
        " FROM contacts c WHERE c.workspace_id = ? AND c.email_lower = ?",
        (workspace_id, email.lower()),
    )
    first_source = None
    if row is None:
        contact_id, is_new = _create(conn, workspace_id, email, values, company_id, form, now), True
    else:
        contact_id, is_new, first_source = row["id"], False, row["first_source"]
        company_id = _update(conn, row, values, company_id, now)
    utm = meta.get("utm") or {}
    conn.execute(
        "INSERT INTO touchpoints (id, workspace_id, contact_id, submission_id, form_id, utm_source, utm_medium,"
        " utm_campaign, utm_content, utm_term, page_url, referrer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("tp"),
            workspace_id,
            contact_id,
            submission_id,
            form["id"],
            *(utm.get(k) for k in UTM_KEYS),
            meta.get("page_url"),
            meta.get("referrer"),
            now,
        ),
    )
    return Remembered(contact_id, company_id, is_new, first_source)
