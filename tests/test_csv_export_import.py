"""CSV export (contacts, a form's submissions; formulas neutralised) and contacts
import (preview, mapping, per-row errors, encodings, all-or-nothing, 10 000 rows)."""

from __future__ import annotations

import csv
import io
import json

from tests.factory import make_contact, make_form, make_viewer, submitted

EVIL = "=cmd|' /C calc'!A0"


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


async def test_contacts_csv_neutralises_formulas(user):
    await make_contact(
        user,
        "evil@example.com",
        name=EVIL,
        phone="+1 555",
        tags=["@home", "-x"],
        custom_fields={"note": "=1+1"},
    )
    await make_contact(user, "plain@example.com", name="Plain Person")
    r = await user.api.get("/api/contacts.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = rows_of(r)
    header = rows[0]
    assert header[:3] == ["id", "email", "name"]
    evil = next(row for row in rows if row[1] == "evil@example.com")
    col = dict(zip(header, evil, strict=True))
    assert col["name"] == "'" + EVIL
    assert col["phone"] == "'+1 555"
    assert col["tags"] == "'@home, -x"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert len(rows) == 3
    filtered = rows_of(await user.api.get("/api/contacts.csv", params={"q": "plain"}))
    assert [r[1] for r in filtered[1:]] == ["plain@example.com"]
    assert (await user.api.get("/api/contacts.csv", params={"status": "nope"})).status_code == 422


async def test_submissions_csv_columns_and_escaping(user):
    form_id = (await make_form(user))["id"]
    await submitted(
        user,
        form_id,
        {
            "email": "s@example.com",
            "name": EVIL,
            "message": "@SUM(A1)",
            "_meta": {
                "page_url": "https://site.example/pricing",
                "referrer": "-x",
                "utm_source": "news",
                "utm_campaign": "spring",
            },
        },
    )
    await submitted(user, form_id, {"email": "t@example.com", "name": "Tom"})
    r = await user.api.get(f"/api/forms/{form_id}/submissions.csv")
    assert r.status_code == 200, r.text
    rows = rows_of(r)
    assert rows[0] == [
        "id",
        "created_at",
        "status",
        "email",
        "name",
        "company",
        "message",
        "page_url",
        "referrer",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_content",
        "utm_term",
    ]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["name"] == "'" + EVIL and first["message"] == "'@SUM(A1)"
    assert first["email"] == "s@example.com" and first["status"]
    assert first["page_url"] == "https://site.example/pricing" and first["referrer"] == "'-x"
    assert (
        first["utm_source"] == "news"
        and first["utm_campaign"] == "spring"
        and first["utm_medium"] == ""
    )
    assert len(rows) == 3
    key = await user.create_api_key(["contacts:read"])
    async with user.key_client(key) as client:
        assert (await client.get(f"/api/forms/{form_id}/submissions.csv")).status_code == 403


def upload(content: bytes, **fields):
    return {
        "files": {"file": ("contacts.csv", content, "text/csv")},
        "data": {k: (json.dumps(v) if isinstance(v, dict) else str(v)) for k, v in fields.items()},
    }


async def test_import_preview_then_confirm(user):
    existing = await make_contact(user, "old@example.com", last_name="Name", tags=["vip"])
    content = (
        "E-Mail;First Name;Surname;Organisation;Tags;Shoe size\n"
        "new@example.com;Nina;New;Newco;a, b;42\n"
        "OLD@example.com;Otto;Old;Oldco;c;44\n"
    ).encode("utf-8-sig")
    r = await user.api.post("/api/contacts/import", **upload(content, dry_run="true"))
    assert r.status_code == 200, r.text
    preview = r.json()
    assert preview["mapping"] == {
        "E-Mail": "email",
        "First Name": "first_name",
        "Surname": "last_name",
        "Organisation": "company",
        "Tags": "tags",
        "Shoe size": "",
    }
    assert preview["summary"] == {"create": 1, "update": 1, "unchanged": 0, "error": 0}
    assert preview["rows"][1]["action"] == "update" and "first_name" in preview["rows"][1]["fills"]
    assert (
        len((await user.api.get("/api/contacts")).json()["data"]) == 1
    )  # a preview changes nothing

    mapping = {**preview["mapping"], "Shoe size": "custom"}
    r = await user.api.post("/api/contacts/import", **upload(content, mapping=mapping))
    assert r.status_code == 201, r.text
    assert r.json()["summary"]["create"] == 1
    new = (await user.api.get("/api/contacts", params={"q": "new@"})).json()["data"][0]
    assert (
        new["name"] == "Nina New"
        and new["tags"] == ["a", "b"]
        and new["custom_fields"] == {"Shoe size": "42"}
    )
    assert new["source"] == "import" and new["company_id"]
    old = (await user.api.get(f"/api/contacts/{existing['id']}")).json()
    assert (
        old["name"] == "Name" and old["last_name"] == "Name"
    )  # non-empty values are never overwritten
    assert (
        old["first_name"] == "Otto"
        and old["tags"] == ["vip", "c"]
        and old["custom_fields"] == {"Shoe size": "44"}
    )
    again = await user.api.post(
        "/api/contacts/import", **upload(content, mapping=mapping, dry_run=1)
    )
    assert again.json()["summary"] == {"create": 0, "update": 0, "unchanged": 2, "error": 0}


async def test_import_row_errors_refuse_everything_unless_skipped(user):
    content = (
        b"email,name\n"
        b"good@example.com,Good\n"
        b"not-an-email,Bad\n"
        b"dup@example.com,One\n"
        b"DUP@example.com,Two\n"
    )
    r = await user.api.post("/api/contacts/import", **upload(content))
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "import_rows_invalid" and "nothing was imported" in error["message"]
    assert "not a valid email" in error["fields"]["row 3"]
    assert "Duplicate of row 4" in error["fields"]["row 5"]
    assert (await user.api.get("/api/contacts")).json()["data"] == []  # no partial import
    r = await user.api.post("/api/contacts/import", **upload(content, skip_errors="true"))
    assert r.status_code == 201
    assert r.json()["summary"] == {"create": 2, "update": 0, "unchanged": 0, "error": 2}
    emails = sorted(c["email"] for c in (await user.api.get("/api/contacts")).json()["data"])
    assert emails == ["dup@example.com", "good@example.com"]


async def test_import_bad_files_get_clear_messages(user):
    r = await user.api.post(
        "/api/contacts/import", **upload("email,name\nzoë@example.com,Zoë\n".encode("latin-1"))
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_encoding"
    assert "UTF-8" in r.json()["error"]["message"]
    r = await user.api.post("/api/contacts/import", **upload("email\n".encode("utf-16")))
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_encoding"
    r = await user.api.post("/api/contacts/import", **upload(b"name,phone\nAda,1\n"))
    assert r.status_code == 422 and r.json()["error"]["code"] == "missing_email_column"
    assert "email" in r.json()["error"]["message"].lower()
    r = await user.api.post("/api/contacts/import", **upload(b""))
    assert r.status_code == 400
    r = await user.api.post("/api/contacts/import", **upload(b"email,email\na@b.co,c@d.co\n"))
    assert r.status_code == 422 and "twice" in r.json()["error"]["message"]
    r = await user.api.post(
        "/api/contacts/import", **upload(b"email\na@b.co\n", mapping="{not json")
    )
    assert r.status_code == 400
    r = await user.api.post(
        "/api/contacts/import", **upload(b"email\na@b.co\n", mapping={"email": "password"})
    )
    assert r.status_code == 422 and "mapping" in r.json()["error"]["fields"]
    r = await user.api.post("/api/contacts/import", json={"file": "email\n"})
    assert r.status_code == 415
    r = await user.api.post(
        "/api/contacts/import", data={"x": "1"}, files={"other": ("a.csv", b"email\n")}
    )
    assert r.status_code == 422 and "file" in r.json()["error"]["fields"]


async def test_import_10000_rows_in_one_go(user):
    lines = ["email,first_name,last_name,company,tags"]
    lines += [
        f"user{i}@example{i % 200}.com,First{i},Last{i},Company {i % 200},t{i % 5}"
        for i in range(10_000)
    ]
    content = ("\n".join(lines) + "\n").encode()
    r = await user.api.post("/api/contacts/import", **upload(content))
    assert r.status_code == 201, r.text[:500]
    assert r.json()["summary"]["create"] == 10_000
    page = (await user.api.get("/api/contacts", params={"q": "user9999@"})).json()["data"]
    assert page[0]["first_name"] == "First9999" and page[0]["tags"] == ["t4"]
    companies = (await user.api.get("/api/companies", params={"limit": 200})).json()
    assert len(companies["data"]) == 200 and companies["next_cursor"] is None


async def test_viewer_cannot_import(app):
    viewer = await make_viewer(app)
    try:
        r = await viewer.api.post("/api/contacts/import", **upload(b"email\na@b.co\n"))
        assert r.status_code == 403
    finally:
        await viewer.close()
