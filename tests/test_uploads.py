"""File uploads (SPEC §17): the field type, POST /api/forms/{id}/uploads, attaching
tokens at capture, /files/{id} downloads, the hosted page's plain multipart post,
exports and the purge of files never attached."""

from __future__ import annotations

import csv
import io
import struct
import zlib
from pathlib import Path

from app.services.files.purge import purge_uploads
from app.services.platform.jobs import JobContext
from tests.factory import CONTACT_FIELDS, make_form, submit, submitted
from tests.helpers import soup

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def png(width: int = 1, height: int = 1) -> bytes:
    """A real (tiny) PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def file_field(**extra) -> dict:
    return {"name": "attachment", "type": "file", "label": "Your brief", **extra}


async def file_form(who, **extra) -> dict:
    return await make_form(who, fields=[*CONTACT_FIELDS, file_field(**extra)])


def upload(who, form_id: str, name: str, content: bytes, field: str = "attachment", **kwargs):
    client = getattr(who, "web", who)
    return client.post(
        f"/api/forms/{form_id}/uploads",
        data={"field": field},
        files={"file": (name, content, "image/png")},
        **kwargs,
    )


async def token_of(who, form_id: str, name: str, content: bytes, **kwargs) -> str:
    r = await upload(who, form_id, name, content, **kwargs)
    assert r.status_code == 201, r.text
    return r.json()["token"]


# -- the field's config -------------------------------------------------------------
async def test_file_field_config_defaults_and_limits(user):
    form = await file_form(user, accept=["PDF", "image/*"])
    field = form["fields"][-1]
    assert field["accept"] == [".pdf", "image/*"]
    assert (field["max_size_mb"], field["max_files"]) == (10, 1)

    body = {"name": "F", "fields": [file_field(max_size_mb=26)]}
    r = await user.api.post("/api/forms", json=body)
    assert r.status_code == 422
    assert "25" in r.json()["error"]["fields"]["fields[0].max_size_mb"]
    body = {"name": "F", "fields": [file_field(accept=[".exe", ".html"])]}
    r = await user.api.post("/api/forms", json=body)
    assert r.status_code == 422
    message = r.json()["error"]["fields"]["fields[0].accept"]
    assert ".exe" in message and ".html" in message


async def test_schema_gives_embed_the_file_rules(user):
    form = await file_form(user, accept=[".pdf"], max_files=3)
    r = await user.web.get(f"/api/forms/{form['id']}/schema")
    field = r.json()["fields"][-1]
    assert (field["type"], field["accept"], field["max_files"], field["max_size_mb"]) == (
        "file",
        [".pdf"],
        3,
        10,
    )
    assert "accept" not in r.json()["fields"][0]  # other fields keep their shape


# -- uploading ------------------------------------------------------------------
async def test_upload_answers_a_token_and_the_type_read_from_the_bytes(user, settings):
    form = await file_form(user)
    r = await upload(user, form["id"], "brief.png", PDF)  # named .png, sent as image/png
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["content_type"] == "application/pdf"
    assert body["name"] == "brief.png.pdf"  # downloads with the extension of what it is
    assert body["size"] == len(PDF) and len(body["token"]) >= 20
    blobs = list((Path(settings.data_dir) / "files" / user.workspace_id).rglob("*"))
    assert [p.read_bytes() for p in blobs if p.is_file()] == [PDF]


async def test_html_named_png_is_refused(user, db):
    form = await file_form(user, accept=["image/*", ".txt"])
    r = await upload(user, form["id"], "cat.png", HTML)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "file_type_not_allowed"
    assert "PNG" in error["fields"]["attachment"]
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    assert (await upload(user, form["id"], "logo.svg", svg)).status_code == 422
    assert (
        await upload(user, form["id"], "notes.txt", b"plain notes\nline 2\n")
    ).status_code == 201
    assert await db.fetchval("SELECT COUNT(*) FROM uploads") == 1


async def test_accept_list_limits_the_types(user):
    form = await file_form(user, accept=[".pdf"])
    r = await upload(user, form["id"], "photo.png", png())
    assert r.status_code == 422
    assert r.json()["error"]["fields"]["attachment"] == "Choose a PDF file."
    assert (await upload(user, form["id"], "brief.pdf", PDF)).status_code == 201


async def test_size_limit_per_field(user):
    form = await file_form(user, max_size_mb=1)
    big = PDF + b"0" * (1024 * 1024)
    r = await upload(user, form["id"], "big.pdf", big)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "file_too_large"
    assert "1 MB" in r.json()["error"]["fields"]["attachment"]
    empty = await upload(user, form["id"], "empty.pdf", b"")
    assert empty.status_code == 422 and "empty" in empty.json()["error"]["message"]


async def test_upload_needs_a_file_field_multipart_and_an_allowed_origin(user, app):
    form = await file_form(user)
    r = await upload(user, form["id"], "b.pdf", PDF, field="email")
    assert r.status_code == 422 and r.json()["error"]["code"] == "unknown_file_field"
    r = await user.web.post(f"/api/forms/{form['id']}/uploads", json={"file": "x"})
    assert r.status_code == 415
    r = await user.web.post(
        f"/api/forms/{form['id']}/uploads",
        data={"field": "attachment"},
        files={"other": ("a", b"b")},
    )
    assert r.status_code == 400
    assert (await upload(user, "frm_missing", "b.pdf", PDF)).status_code == 404
    r = await user.api.put(
        f"/api/forms/{form['id']}", json={"security": {"allowed_origins": ["https://shop.example"]}}
    )
    assert r.status_code == 200, r.text
    refused = await upload(
        user, form["id"], "b.pdf", PDF, headers={"Origin": "https://evil.example"}
    )
    assert refused.status_code == 403
    allowed = await upload(
        user, form["id"], "b.pdf", PDF, headers={"Origin": "https://shop.example"}
    )
    assert allowed.status_code == 201
    assert allowed.headers["access-control-allow-origin"] == "https://shop.example"


async def test_uploads_are_rate_limited_per_ip(user, monkeypatch):
    from app.services.files import uploads

    monkeypatch.setattr(uploads, "UPLOADS_PER_IP_HOUR", 2)
    form = await file_form(user)
    for _ in range(2):
        assert (await upload(user, form["id"], "b.pdf", PDF)).status_code == 201
    r = await upload(user, form["id"], "b.pdf", PDF)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


# -- attaching at capture --------------------------------------------------------
async def test_submission_attaches_tokens_and_shows_files(user):
    form = await file_form(user, max_files=2)
    first = await token_of(user, form["id"], "brief.pdf", PDF)
    second = await token_of(user, form["id"], "mock.png", png())
    sid = await submitted(
        user, form["id"], {"email": "ann@example.com", "attachment": [first, second]}
    )
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["data"]["attachment"] == ["brief.pdf", "mock.png"]
    files = item["files"]
    assert [(f["name"], f["size"], f["content_type"]) for f in files] == [
        ("brief.pdf", len(PDF), "application/pdf"),
        ("mock.png", len(png()), "image/png"),
    ]
    assert files[0]["url"] == f"http://testserver/files/{files[0]['id']}"
    listed = (await user.api.get("/api/submissions", params={"form": form["id"]})).json()["data"]
    assert listed[0]["files"] == files

    page = soup(await user.web.get(f"/submissions/{sid}"))
    links = page.select(".file-list a")
    assert [a.text for a in links] == ["brief.pdf", "mock.png"]
    assert links[0]["href"] == f"/files/{files[0]['id']}"
    assert "bytes" in page.select_one(".file-list").text


async def test_count_limit_and_required(user):
    form = await file_form(user, required=True)
    a = await token_of(user, form["id"], "a.pdf", PDF)
    b = await token_of(user, form["id"], "b.pdf", PDF + b" ")
    r = await submit(user, form["id"], {"email": "a@example.com", "attachment": [a, b]})
    assert r.status_code == 422
    assert r.json()["error"]["fields"]["attachment"] == "Attach at most 1 file(s)."
    r = await submit(user, form["id"], {"email": "a@example.com"})
    assert r.status_code == 422 and "required" in r.json()["error"]["fields"]["attachment"]
    r = await submit(user, form["id"], {"email": "a@example.com", "attachment": "not a token!"})
    assert r.status_code == 422


async def test_token_reuse_refused(user, db):
    form = await file_form(user)
    token = await token_of(user, form["id"], "a.pdf", PDF)
    await submitted(user, form["id"], {"email": "a@example.com", "attachment": [token]})
    r = await submit(user, form["id"], {"email": "b@example.com", "attachment": [token]})
    assert r.status_code == 422
    assert "already" in r.json()["error"]["fields"]["attachment"]
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 1


async def test_token_of_another_form_or_field_refused(user, db):
    form = await make_form(
        user, fields=[*CONTACT_FIELDS, file_field(), file_field(name="photo", label="Photo")]
    )
    other = await file_form(user)
    elsewhere = await token_of(user, other["id"], "a.pdf", PDF)
    r = await submit(user, form["id"], {"email": "a@example.com", "attachment": [elsewhere]})
    assert r.status_code == 422 and "upload it again" in r.json()["error"]["fields"]["attachment"]
    photo = await token_of(user, form["id"], "p.png", png(), field="photo")
    r = await submit(user, form["id"], {"email": "a@example.com", "attachment": [photo]})
    assert r.status_code == 422
    assert await db.fetchval("SELECT COUNT(*) FROM uploads WHERE submission_id IS NOT NULL") == 0
    sid = await submitted(user, form["id"], {"email": "a@example.com", "photo": [photo]})
    assert await db.fetchval("SELECT submission_id FROM uploads WHERE token = ?", (photo,)) == sid


# -- downloading --------------------------------------------------------------
async def _attached(user) -> tuple[str, dict]:
    form = await file_form(user)
    token = await token_of(user, form["id"], 'evil"\r\nX-Bad: 1.pdf', PDF)
    sid = await submitted(user, form["id"], {"email": "a@example.com", "attachment": [token]})
    file = (await user.api.get(f"/api/submissions/{sid}")).json()["files"][0]
    return sid, file


async def test_download_is_an_attachment_never_inline(user):
    _, file = await _attached(user)
    r = await user.web.get(f"/files/{file['id']}")
    assert r.status_code == 200
    assert r.content == PDF
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["x-content-type-options"] == "nosniff"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="evil') and disposition.count('"') == 2
    assert "\r" not in disposition and "\n" not in disposition and "X-Bad: 1" not in r.headers


async def test_download_needs_a_member_or_a_key_with_submissions_read(user, app):
    _, file = await _attached(user)
    path = f"/files/{file['id']}"
    async with __import__("httpx").AsyncClient(
        transport=__import__("httpx").ASGITransport(app=app), base_url="http://testserver"
    ) as anonymous:
        r = await anonymous.get(path)
        assert r.status_code in (302, 303) and "/login" in r.headers["location"]
    reader = user.key_client(await user.create_api_key(["submissions:read"]))
    other = user.key_client(await user.create_api_key(["contacts:read"]))
    assert (await reader.get(path)).content == PDF
    assert (await other.get(path)).status_code == 403
    await reader.aclose()
    await other.aclose()


async def test_another_workspaces_file_is_404(two_workspaces):
    alice, bob = two_workspaces
    _, file = await _attached(alice)
    assert (await bob.web.get(f"/files/{file['id']}")).status_code == 404
    assert (await bob.web.get("/files/file_nothing")).status_code == 404
    assert (await alice.web.get(f"/files/{file['id']}")).status_code == 200


async def test_unattached_upload_is_not_downloadable(user, db):
    form = await file_form(user)
    token = await token_of(user, form["id"], "a.pdf", PDF)
    file_id = await db.fetchval("SELECT id FROM uploads WHERE token = ?", (token,))
    assert (await user.web.get(f"/files/{file_id}")).status_code == 404


# -- the hosted page without JavaScript ---------------------------------------------
async def test_hosted_form_posts_files_as_multipart(user, db):
    form = await file_form(user, max_files=2, accept=[".pdf", "image/*"])
    page = soup(await user.web.get(f"/f/{form['id']}"))
    tag = page.select_one("form.fa-form")
    assert tag["enctype"] == "multipart/form-data"
    picker = tag.select_one("input[type=file]")
    assert picker["name"] == "attachment" and picker["accept"] == ".pdf,image/*"
    assert picker.has_attr("multiple")

    files = [
        ("attachment", ("brief.pdf", PDF, "application/pdf")),
        ("attachment", ("p.png", png(), "image/png")),
    ]
    r = await user.web.post(f"/f/{form['id']}", data={"email": "ann@example.com"}, files=files)
    assert r.status_code == 200, r.text
    assert soup(r).select_one(".fa-done") is not None
    rows = await db.fetchall("SELECT name, submission_id FROM uploads ORDER BY name")
    assert [row["name"] for row in rows] == ["brief.pdf", "p.png"]
    assert all(row["submission_id"] for row in rows)


async def test_hosted_post_keeps_received_files_when_another_field_fails(user, db):
    form = await file_form(user)
    files = {"attachment": ("brief.pdf", PDF, "application/pdf")}
    r = await user.web.post(f"/f/{form['id']}", data={"email": "not an email"}, files=files)
    assert r.status_code == 422
    kept = soup(r).select('input[type=hidden][name="attachment"]')
    assert len(kept) == 1
    assert not soup(r).select_one("input[type=file]").has_attr("required")
    r = await user.web.post(
        f"/f/{form['id']}",
        data={"email": "ann@example.com", "attachment": kept[0]["value"]},
        files={"attachment": ("", b"", "application/octet-stream")},
    )
    assert r.status_code == 200, r.text
    assert await db.fetchval("SELECT COUNT(*) FROM uploads WHERE submission_id IS NOT NULL") == 1


async def test_hosted_post_refuses_a_spoofed_file_on_its_field(user, db):
    form = await file_form(user, accept=["image/*"])
    files = {"attachment": ("cat.png", HTML, "image/png")}
    r = await user.web.post(f"/f/{form['id']}", data={"email": "ann@example.com"}, files=files)
    assert r.status_code == 422
    error = soup(r).select_one(".fa-field-file .fa-error")
    assert error is not None and "PNG" in error.text
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 0


async def test_hosted_body_cap_is_raised_only_for_file_forms(user):
    plain = await make_form(user)
    big = {"file": ("a.pdf", PDF + b"0" * 100_000, "application/pdf")}
    r = await user.web.post(f"/f/{plain['id']}", data={"email": "a@example.com"}, files=big)
    assert r.status_code == 413
    form = await file_form(user, max_size_mb=1)
    files = {"attachment": ("a.pdf", PDF + b"0" * 100_000, "application/pdf")}
    r = await user.web.post(f"/f/{form['id']}", data={"email": "a@example.com"}, files=files)
    assert r.status_code == 200, r.text
    huge = {"attachment": ("a.pdf", PDF + b"0" * (1024 * 1024 + 70_000), "application/pdf")}
    r = await user.web.post(f"/f/{form['id']}", data={"email": "a@example.com"}, files=huge)
    assert r.status_code == 413


# -- exports and the purge ------------------------------------------------------------
async def test_csv_export_lists_file_names_and_links(user):
    form = await file_form(user)
    token = await token_of(user, form["id"], "brief.pdf", PDF)
    sid = await submitted(user, form["id"], {"email": "a@example.com", "attachment": [token]})
    file_id = (await user.api.get(f"/api/submissions/{sid}")).json()["files"][0]["id"]
    r = await user.api.get(f"/api/forms/{form['id']}/submissions.csv")
    assert r.status_code == 200, r.text
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows[0]["attachment"] == "brief.pdf"
    assert rows[0]["files"] == f"brief.pdf http://testserver/files/{file_id}"


async def test_purge_deletes_unattached_uploads_after_a_day(user, app, settings, freeze_clock):
    form = await file_form(user)
    kept = await token_of(user, form["id"], "a.pdf", PDF)
    await submitted(user, form["id"], {"email": "a@example.com", "attachment": [kept]})
    await token_of(user, form["id"], "same.pdf", PDF)  # the same bytes as the attached one
    await token_of(user, form["id"], "lost.png", png(2, 2))
    root = Path(settings.data_dir) / "files"
    ctx = JobContext(app.state.db, settings, app.state, None)

    freeze_clock.advance(hours=23)
    assert await purge_uploads(ctx) == 0
    freeze_clock.advance(hours=2)
    assert await purge_uploads(ctx) == 2
    names = await app.state.db.fetchall("SELECT name FROM uploads")
    assert [r["name"] for r in names] == ["a.pdf"]
    blobs = [p.read_bytes() for p in root.rglob("*") if p.is_file()]
    assert blobs == [PDF]  # the shared blob stays for the attached file, the lost one is gone


async def test_contact_timeline_lists_the_files_sent(user):
    form = await file_form(user)
    token = await token_of(user, form["id"], "brief.pdf", PDF)
    sid = await submitted(user, form["id"], {"email": "ann@example.com", "attachment": [token]})
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    contact_id, file_id = item["contact_id"], item["files"][0]["id"]
    timeline = (await user.api.get(f"/api/contacts/{contact_id}/timeline")).json()
    entries = timeline["data"] if isinstance(timeline, dict) else timeline
    (entry,) = [e for e in entries if e["kind"] == "file"]
    assert entry["title"] == "Sent a file: brief.pdf" and entry["link"] == f"/files/{file_id}"
    page = soup(await user.web.get(f"/contacts/{contact_id}"))
    link = page.select_one("[data-kind=file] a")
    assert link is not None and link["href"] == f"/files/{file_id}"


async def test_editor_adds_a_file_field_with_its_limits(user):
    form = await make_form(user)
    r = await user.post_form(
        f"/forms/{form['id']}/fields",
        {
            "label": "Brief",
            "name": "brief",
            "type": "file",
            "accept": ".pdf, image/*",
            "max_size_mb": "5",
            "max_files": "2",
        },
        htmx=True,
    )
    assert r.status_code == 200, r.text
    stored = (await user.api.get(f"/api/forms/{form['id']}")).json()["fields"][-1]
    assert (stored["type"], stored["accept"], stored["max_size_mb"], stored["max_files"]) == (
        "file",
        [".pdf", "image/*"],
        5,
        2,
    )
    preview = soup(r).select_one("#form-preview input[type=file][name=brief]")
    assert preview is not None and preview["accept"] == ".pdf,image/*"
    bad = await user.post_form(
        f"/forms/{form['id']}/fields",
        {"label": "Exe", "name": "exe", "type": "file", "accept": ".exe", "max_size_mb": "99"},
        htmx=True,
    )
    assert bad.status_code == 422
    assert (
        "not an accepted file type" in soup(bad).select_one("#add-accept-error").get_text().lower()
    )
    assert "25" in soup(bad).select_one("#add-max_size_mb-error").get_text()
    edit = soup(await user.web.get(f"/forms/{form['id']}/fields/brief/edit"))
    assert edit.select_one("#edit-brief-accept")["value"] == ".pdf, image/*"


async def test_erase_uploads_removes_rows_then_blobs(user, app, settings, freeze_clock):
    """What the privacy erasure calls (SPEC §19): rows at once, the blob once unused."""
    from app.services.files.purge import delete_orphan_blobs
    from app.services.files.uploads import erase_uploads_tx

    form = await file_form(user)
    token = await token_of(user, form["id"], "brief.pdf", PDF)
    sid = await submitted(user, form["id"], {"email": "a@example.com", "attachment": [token]})
    await token_of(user, form["id"], "again.pdf", PDF)  # the same bytes, never attached
    file_id = (await user.api.get(f"/api/submissions/{sid}")).json()["files"][0]["id"]

    assert await app.state.db.write(erase_uploads_tx, "ws_other", [sid]) == 0  # other workspace
    assert await app.state.db.write(erase_uploads_tx, user.workspace_id, [sid]) == 1
    assert (await user.web.get(f"/files/{file_id}")).status_code == 404
    root = Path(settings.data_dir) / "files"
    await delete_orphan_blobs(app.state.db, settings.data_dir)
    assert [p.read_bytes() for p in root.rglob("*") if p.is_file()] == [PDF]  # still used
    freeze_clock.advance(hours=25)
    assert await purge_uploads(JobContext(app.state.db, settings, app.state, None)) == 1
    assert [p for p in root.rglob("*") if p.is_file()] == []


async def test_contact_export_lists_files_and_erasure_removes_them(user, app, settings):
    """The privacy export names the files; the erasure takes them out (SPEC §19)."""
    form = await file_form(user)
    token = await token_of(user, form["id"], "passport.pdf", PDF)
    sid = await submitted(user, form["id"], {"email": "kim@example.com", "attachment": [token]})
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    contact_id, file_id = item["contact_id"], item["files"][0]["id"]

    export = (await user.api.get(f"/api/contacts/{contact_id}/export")).json()
    (entry,) = export["uploaded_files"]
    assert (entry["id"], entry["name"], entry["submission_id"]) == (file_id, "passport.pdf", sid)

    r = await user.api.post(f"/api/contacts/{contact_id}/erase", json={})
    assert r.status_code == 200, r.text
    assert (await user.web.get(f"/files/{file_id}")).status_code == 404
    assert await app.state.db.fetchval("SELECT COUNT(*) FROM uploads") == 0
    await purge_uploads(JobContext(app.state.db, settings, app.state, None))
    assert [p for p in (Path(settings.data_dir) / "files").rglob("*") if p.is_file()] == []
