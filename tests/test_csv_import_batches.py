"""A big contacts import never holds the shared writer (SPEC §13): it commits
``import_batch_rows`` rows per transaction, other workspaces' writes go in
between batches, and nothing is lost or made twice when an import stops part-way
and is confirmed again."""

from __future__ import annotations

import asyncio

import pytest

from app.services.crm import csv_import_apply
from tests.conftest import make_settings
from tests.factory import make_form, submit
from tests.helpers import User

BATCH = 50


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path, import_batch_rows=BATCH)


def _csv(count: int) -> bytes:
    lines = ["email,name"] + [f"person{i}@example.com,Person {i}" for i in range(count)]
    return ("\n".join(lines) + "\n").encode()


def _upload(content: bytes) -> dict:
    return {"files": {"file": ("contacts.csv", content, "text/csv")}}


async def _count(db, workspace_id: str) -> int:
    return await db.fetchval(
        "SELECT COUNT(*) FROM contacts WHERE workspace_id = ?", (workspace_id,)
    )


async def test_another_workspaces_submission_goes_in_between_import_batches(app, client, user, db):
    other = await User.signup(app, "bob@example.org", name="Bob", workspace="Bob Co")
    form = await make_form(other)
    importing = asyncio.create_task(user.api.post("/api/contacts/import", **_upload(_csv(3000))))
    while await _count(db, user.workspace_id) == 0:  # the first batch is committed
        await asyncio.sleep(0.001)
    r = await submit(client, form["id"], {"email": "visitor@example.net"})
    assert r.status_code == 201, r.text
    done = await importing
    assert done.status_code == 201 and done.json()["summary"]["create"] == 3000
    visitor = await db.fetchval(
        "SELECT rowid FROM contacts WHERE email_lower = 'visitor@example.net'"
    )
    written_after = await db.fetchval(
        "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND rowid > ?",
        (user.workspace_id, visitor),
    )
    assert written_after > 0  # the visitor did not wait for the whole import
    await other.close()


def _fail_in_batch(monkeypatch, number: int) -> None:
    """Make the ``number``-th batch's transaction fail (a crash mid-import)."""
    real, calls = csv_import_apply._insert_rows, {"n": 0}

    def insert(conn, workspace_id, rows, now):
        calls["n"] += 1
        if calls["n"] == number:
            raise RuntimeError("simulated crash")
        real(conn, workspace_id, rows, now)

    monkeypatch.setattr(csv_import_apply, "_insert_rows", insert)


async def test_each_batch_is_one_transaction_of_import_batch_rows(monkeypatch, user, db):
    _fail_in_batch(monkeypatch, 3)
    crashed = await user.api.post("/api/contacts/import", **_upload(_csv(500)))
    assert crashed.status_code == 500
    assert await _count(db, user.workspace_id) == 2 * BATCH  # two whole batches, no more
    monkeypatch.undo()
    again = await user.api.post("/api/contacts/import", **_upload(_csv(500)))
    assert again.status_code == 201
    summary = again.json()["summary"]
    assert summary["create"] == 500 - 2 * BATCH and summary["unchanged"] == 2 * BATCH
    assert await _count(db, user.workspace_id) == 500  # the same file again made no duplicates


async def _stored_upload(user, content: bytes) -> str:
    token = await user.csrf("/contacts/import")
    r = await user.web.post(
        "/contacts/import",
        data={"csrf_token": token},
        files={"file": ("list.csv", content, "text/csv")},
    )
    assert r.status_code == 303, r.text
    return r.headers["location"]


async def test_a_confirmed_import_resumes_after_its_last_batch(monkeypatch, user, db):
    preview_url = await _stored_upload(user, _csv(400))
    confirm = {"map_0": "email", "map_1": "name", "action": "import"}
    _fail_in_batch(monkeypatch, 4)
    crashed = await user.post_form(preview_url, confirm)
    assert crashed.status_code == 500
    assert await _count(db, user.workspace_id) == 3 * BATCH
    monkeypatch.undo()
    assert (await user.web.get(preview_url)).status_code == 200  # the upload waits to finish
    r = await user.post_form(preview_url, {**confirm, "map_1": ""})  # the first mapping holds
    assert r.status_code == 303
    assert await _count(db, user.workspace_id) == 400
    names = await db.fetchval(
        "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND name LIKE 'Person %'",
        (user.workspace_id,),
    )
    assert names == 400
    event = await db.fetchone("SELECT details FROM events WHERE type = 'contacts_imported'")
    assert '"created":400' in event["details"].replace(" ", "")  # one event, whole-file counts
    assert (await user.web.get(preview_url)).status_code == 404


async def test_two_confirms_of_one_upload_import_it_once(user, db):
    preview_url = await _stored_upload(user, _csv(600))
    confirm = {"map_0": "email", "map_1": "name", "action": "import"}
    token = await user.csrf("/contacts")
    results = await asyncio.gather(
        *(user.web.post(preview_url, data={**confirm, "csrf_token": token}) for _ in range(2))
    )
    assert sorted(r.status_code for r in results)[0] == 303
    assert {r.status_code for r in results} <= {303, 404, 409}
    assert await _count(db, user.workspace_id) == 600
    events = await db.fetchval("SELECT COUNT(*) FROM events WHERE type = 'contacts_imported'")
    assert events == 1
