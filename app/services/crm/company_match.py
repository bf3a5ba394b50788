"""Which company a contact belongs to, decided one way for capture, hand edits and imports.

The order, so the same person always lands on the same company:
1. a company whose (normalised) name is the one given: "Acme, Inc." is "acme";
2. else the company that owns the contact's business email domain (never gmail.com and
   the like), whether or not a name was given: "ACME Europe" at @acme.com is Acme;
3. else a new company of that name, which takes the business domain as its own when no
   other company has it, so the next person from @acme.com without a Company field
   joins it.
Placeholders ("n/a", "-", "none", "self"...) count as no name at all.
"""

from __future__ import annotations

from app.db import new_id, now_iso
from app.services.crm.normalize import business_domain, company_name


def company_by_domain_tx(conn, workspace_id: str, domain: str | None) -> str | None:
    if not domain:
        return None
    return conn.value(
        "SELECT id FROM companies WHERE workspace_id = ? AND domain = ? ORDER BY created_at, id LIMIT 1",
        (workspace_id, domain),
    )


# The company of this name (with its domain) and the owner of the domain, in one
# statement: on the capture path a name that matches no company (a person from
# @acme.com typing "ACME Europe") was a second query.
_MATCH_SQL = (
    "SELECT n.id, n.domain, (SELECT o.id FROM companies o WHERE o.workspace_id = ? AND o.domain = ?"
    " ORDER BY o.created_at, o.id LIMIT 1) AS domain_owner"
    " FROM (SELECT 1 AS one) AS x"
    " LEFT JOIN companies n ON n.workspace_id = ? AND n.name_normalized = ?"
)


def match_company_tx(
    conn, workspace_id: str, name: str | None, email: str | None, *, create: bool = True
) -> str | None:
    """The company for this name and email (rules in the module docstring); None when neither
    names one. ``create=False`` only links to companies that already exist."""
    normalized, domain = company_name(name), business_domain(email)
    if not normalized:
        return company_by_domain_tx(conn, workspace_id, domain)
    row = conn.one(_MATCH_SQL, (workspace_id, domain, workspace_id, normalized))
    if row["id"]:
        if domain and not row["domain"] and not row["domain_owner"]:
            conn.execute("UPDATE companies SET domain = ? WHERE id = ?", (domain, row["id"]))
        return row["id"]
    found = row["domain_owner"]
    if found or not create:
        return found
    company_id = new_id("company")
    conn.execute(
        "INSERT INTO companies (id, workspace_id, name, name_normalized, domain, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (company_id, workspace_id, str(name).strip()[:200], normalized, domain, now_iso()),
    )
    return company_id
