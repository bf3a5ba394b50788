"""CRM data quality (issue 14 item 12): placeholder companies, names split and joined,
contacts linked to the company of their business email domain, free mail never."""

from __future__ import annotations

import pytest

from app.db.migrate import MIGRATIONS_DIR, _statements
from tests.factory import make_contact, make_form, submitted
from tests.helpers import drain_jobs

FIELDS = [
    {"name": "email", "type": "email", "required": True},
    {"name": "name", "type": "text"},
    {"name": "first_name", "type": "text"},
    {"name": "last_name", "type": "text"},
    {"name": "company", "type": "text"},
]
PLACEHOLDERS = [
    "n/a",
    "N/A",
    "-",
    "--",
    "none",
    "None",
    "na",
    "NA",
    "nil",
    "self",
    "private",
    "individual",
    "n.a.",
    "Self-employed",
    "null",
    "?",
    "  ",
    "no company",
]


@pytest.fixture
async def form(user):
    return await make_form(user, fields=FIELDS, security={"duplicate_window_minutes": 0})


async def contact_of(user, email: str) -> dict:
    await drain_jobs(user.app)  # a submission's contact is indexed for search by its job
    found = (await user.api.get("/api/contacts", params={"q": email})).json()["data"]
    return next(c for c in found if c["email"] == email)


async def company_names(user) -> list[str]:
    return sorted(c["name"] for c in (await user.api.get("/api/companies")).json()["data"])


@pytest.mark.parametrize("value", PLACEHOLDERS)
async def test_a_placeholder_never_becomes_a_company(user, form, value):
    await submitted(user, form["id"], {"email": "p@gmail.com", "company": value})
    assert (await contact_of(user, "p@gmail.com"))["company_id"] is None
    made = await make_contact(user, "q@yahoo.com", company=value)
    assert made["company_id"] is None
    assert await company_names(user) == []


async def test_a_real_company_still_becomes_one(user, form):
    await submitted(user, form["id"], {"email": "a@gmail.com", "company": "NA Systems"})
    assert await company_names(user) == ["NA Systems"]


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("Dana Scully", "Dana", "Scully"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Scully, Dana", "Dana", "Scully"),
        ("Dr. Dana Scully", "Dana", "Scully"),
        ("Cher", "Cher", ""),
    ],
)
async def test_a_full_name_fills_first_and_last(user, form, name, first, last):
    await submitted(user, form["id"], {"email": "n@example.org", "name": name})
    c = await contact_of(user, "n@example.org")
    assert (c["name"], c["first_name"], c["last_name"]) == (name, first, last)
    api = await make_contact(user, "m@example.org", name=name)
    assert (api["first_name"], api["last_name"]) == (first, last)


async def test_first_and_last_fill_the_full_name_and_a_given_part_is_kept(user, form):
    await submitted(
        user, form["id"], {"email": "f@example.org", "first_name": "Fox", "last_name": "Mulder"}
    )
    c = await contact_of(user, "f@example.org")
    assert (c["name"], c["first_name"], c["last_name"]) == ("Fox Mulder", "Fox", "Mulder")
    # a first name that agrees with the full name completes the last name; one that does not is left alone
    await submitted(
        user, form["id"], {"email": "g@example.org", "name": "Dana Scully", "first_name": "Dana"}
    )
    await submitted(
        user, form["id"], {"email": "h@example.org", "name": "Dana Scully", "first_name": "Dee"}
    )
    assert (await contact_of(user, "g@example.org"))["last_name"] == "Scully"
    assert (await contact_of(user, "h@example.org"))["last_name"] == ""


async def test_a_returning_contact_gets_its_empty_parts_filled_never_overwritten(user, form):
    await submitted(user, form["id"], {"email": "r@example.org"})
    await submitted(user, form["id"], {"email": "r@example.org", "name": "Rita Returns"})
    c = await contact_of(user, "r@example.org")
    assert (c["name"], c["first_name"], c["last_name"]) == ("Rita Returns", "Rita", "Returns")
    await submitted(user, form["id"], {"email": "r@example.org", "name": "Other Person"})
    assert (await contact_of(user, "r@example.org"))["first_name"] == "Rita"


async def test_editing_the_name_moves_the_parts_that_came_from_it(user):
    c = await make_contact(user, "e@example.org", name="Old Name")
    r = await user.api.put(f"/api/contacts/{c['id']}", json={"name": "New Person"})
    assert (r.json()["first_name"], r.json()["last_name"]) == ("New", "Person")
    r = await user.api.put(f"/api/contacts/{c['id']}", json={"first_name": "Nina"})
    assert (r.json()["name"], r.json()["first_name"]) == ("Nina Person", "Nina")


async def test_a_business_domain_links_to_its_company_however_the_company_came(user, form):
    # the company from a field takes the business domain ...
    await submitted(
        user, form["id"], {"email": "ann@northwind.example", "company": "Northwind, Inc."}
    )
    northwind = (await contact_of(user, "ann@northwind.example"))["company_id"]
    companies = (await user.api.get("/api/companies")).json()["data"]
    assert [(c["name"], c["domain"]) for c in companies] == [
        ("Northwind, Inc.", "northwind.example")
    ]
    # ... so a colleague without a Company field, one with a placeholder, one who spells it
    # differently, one made by hand and one imported all land on the same company
    await submitted(user, form["id"], {"email": "bob@northwind.example"})
    await submitted(user, form["id"], {"email": "cy@northwind.example", "company": "n/a"})
    await submitted(
        user, form["id"], {"email": "di@northwind.example", "company": "Northwind Europe"}
    )
    by_hand = await make_contact(user, "ed@northwind.example")
    csv = b"email,company\nfay@northwind.example,NW Traders\n"
    r = await user.api.post("/api/contacts/import", files={"file": ("c.csv", csv, "text/csv")})
    assert r.status_code == 201, r.text
    for email in ("bob", "cy", "di", "fay"):
        assert (await contact_of(user, f"{email}@northwind.example"))["company_id"] == northwind
    assert by_hand["company_id"] == northwind
    assert await company_names(user) == ["Northwind, Inc."]


async def test_a_named_company_wins_over_the_domain_and_a_domain_alone_creates_nothing(user, form):
    await submitted(user, form["id"], {"email": "x@globex.example", "company": "Globex"})
    await submitted(user, form["id"], {"email": "y@initech.example", "company": "Globex"})
    await submitted(user, form["id"], {"email": "z@umbrella.example"})
    assert (await contact_of(user, "y@initech.example"))["company_id"] == (
        await contact_of(user, "x@globex.example")
    )["company_id"]
    assert (await contact_of(user, "z@umbrella.example"))["company_id"] is None
    assert await company_names(user) == ["Globex"]


async def test_free_mail_never_links_by_domain(user, form):
    await submitted(user, form["id"], {"email": "a@gmail.com", "company": "Acme"})
    await submitted(user, form["id"], {"email": "b@gmail.com"})
    companies = (await user.api.get("/api/companies")).json()["data"]
    assert [(c["name"], c["domain"]) for c in companies] == [("Acme", None)]
    assert (await contact_of(user, "b@gmail.com"))["company_id"] is None
    assert (await make_contact(user, "c@gmail.com"))["company_id"] is None


async def test_domains_link_only_inside_the_workspace(two_workspaces):
    alice, bob = two_workspaces
    await make_contact(alice, "a@stark.example", company="Stark")
    made = await make_contact(bob, "b@stark.example")
    assert made["company_id"] is None


async def test_the_migration_removes_placeholder_companies_and_keeps_the_rest(user, db):
    """Bad data stored before the rule existed is cleaned only by migration 0077: run its
    statements again over companies made the old way."""
    real = await make_contact(user, "a@acme.example", company="Acme")
    gone = await make_contact(user, "b@gmail.com")
    deal = (await user.api.post("/api/deals", json={"name": "D", "contact_id": gone["id"]})).json()

    def old_style(conn):
        for cid, name in (("company_na", "N/A"), ("company_dash", "-")):
            conn.execute(
                "INSERT INTO companies (id, workspace_id, name, name_normalized, created_at)"
                " VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')",
                (cid, user.workspace_id, name, name.lower()),
            )
        conn.execute("UPDATE contacts SET company_id = 'company_na' WHERE id = ?", (gone["id"],))
        conn.execute("UPDATE deals SET company_id = 'company_dash' WHERE id = ?", (deal["id"],))

    await db.write(old_style)
    sql = (MIGRATIONS_DIR / "0077_company_placeholders.sql").read_text()

    def run(conn):
        for statement in list(_statements(sql))[1:]:  # the index exists already
            conn.execute(statement)

    await db.write(run)
    assert await company_names(user) == ["Acme"]
    assert (await user.api.get(f"/api/contacts/{gone['id']}")).json()["company_id"] is None
    assert (await user.api.get(f"/api/contacts/{real['id']}")).json()["company_id"] == real[
        "company_id"
    ]
    assert (await user.api.get(f"/api/deals/{deal['id']}")).json()["company_id"] is None
