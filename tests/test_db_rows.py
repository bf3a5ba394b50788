"""The app/db row helpers on a real database: this workspace's row or NotFound,
updates only from an allow-list, keyset pages that walk a table without gaps; and
through the API, an id sent as an object or a list is not found (4xx), never a 500."""

from __future__ import annotations

import pytest

from app.db import (
    exists_in_workspace,
    fetch_page,
    get_in_workspace,
    update_columns,
    value_in_workspace,
)
from app.db.pagination import decode_cursor
from app.errors import BadRequest, NotFound
from tests.factory import make_contact, make_deal, make_form, submitted


def _seed(conn):
    conn.execute("CREATE TABLE notes_t (id TEXT, workspace_id TEXT, body TEXT, created_at TEXT)")
    conn.executemany(
        "INSERT INTO notes_t VALUES (?, ?, ?, ?)",
        [
            (f"n{i:02d}", "ws_a" if i % 3 else "ws_b", f"body {i}", f"2026-01-{1 + i // 4:02d}")
            for i in range(30)
        ],
    )


async def test_a_row_of_another_workspace_is_not_found(db):
    await db.write(_seed)
    row = await db.read(get_in_workspace, "notes_t", "n01", "ws_a", columns=("body",))
    assert row == {"body": "body 1"}
    with pytest.raises(NotFound, match="No such note."):
        await db.read(get_in_workspace, "notes_t", "n03", "ws_a", missing="No such note.")
    assert await db.read(exists_in_workspace, "notes_t", "n03", "ws_b")
    assert not await db.read(exists_in_workspace, "notes_t", {"id": "n03"}, "ws_b")
    assert await db.read(value_in_workspace, "notes_t", "n04", "ws_a", "body") == "body 4"
    assert await db.read(value_in_workspace, "notes_t", "n04", "ws_b", "body") is None


async def test_update_columns_writes_only_allowed_columns_of_this_workspace(db):
    await db.write(_seed)
    allowed = ("body",)
    changed = await db.write(
        update_columns, "notes_t", "n01", "ws_a", {"body": "x"}, allowed=allowed
    )
    assert changed == 1
    assert (
        await db.write(update_columns, "notes_t", "n01", "ws_b", {"body": "y"}, allowed=allowed)
        == 0
    )
    assert await db.read(value_in_workspace, "notes_t", "n01", "ws_a", "body") == "x"
    for stray in ({"created_at": "now"}, {"body = 'z', created_at": "now"}):
        with pytest.raises(ValueError, match="not allowed"):
            await db.write(update_columns, "notes_t", "n01", "ws_a", stray, allowed=allowed)
    with pytest.raises(ValueError, match="not an SQL identifier"):
        await db.write(
            update_columns, "notes_t; DROP TABLE x", "n01", "ws_a", {"body": "q"}, allowed=allowed
        )
    assert await db.read(value_in_workspace, "notes_t", "n01", "ws_a", "body") == "x"


@pytest.mark.parametrize("descending", [True, False])
async def test_fetch_page_walks_every_row_once_in_order(db, descending):
    await db.write(_seed)
    seen, cursor = [], None
    for _ in range(20):
        rows, cursor = await db.read(
            fetch_page,
            "SELECT * FROM notes_t",
            ["workspace_id = ?"],
            ["ws_a"],
            cursor=cursor,
            limit=3,
            descending=descending,
        )
        seen += [r["id"] for r in rows]
        if cursor is None:
            break
        assert len(decode_cursor(cursor)) == 2
    expected = sorted(
        (f"n{i:02d}" for i in range(30) if i % 3),
        key=lambda i: (f"2026-01-{1 + int(i[1:]) // 4:02d}", i),
    )
    assert seen == (expected[::-1] if descending else expected)
    with pytest.raises(BadRequest):
        await db.read(fetch_page, "SELECT * FROM notes_t", ["1 = 1"], [], cursor="WzEsMl0", limit=3)


async def test_ids_sent_as_objects_or_lists_are_not_found_not_a_crash(user):
    contact = await make_contact(user, "ada@example.com", name="Ada")
    deal = await make_deal(user, name="Deal", contact_id=contact["id"])
    form_id = (await make_form(user))["id"]
    submission_id = await submitted(user, form_id, {"email": "visitor@example.com"})
    odd_ids = [{"id": contact["id"]}, [contact["id"]]]
    for odd in odd_ids:
        answers = [
            await user.api.put(f"/api/deals/{deal['id']}", json={"contact_id": odd}),
            await user.api.post("/api/deals", json={"name": "D", "company_id": odd}),
            await user.api.put(
                f"/api/submissions/{submission_id}",
                json={"assigned_to": {"type": "handler", "id": odd}},
            ),
            await user.api.post(
                "/api/handler-groups", json={"name": "G", "settings": {"fallback_handler_id": odd}}
            ),
        ]
        for r in answers:
            assert r.status_code in (404, 422), (odd, r.request.url, r.status_code, r.text)
            assert "error" in r.json()
    r = await user.api.get(f"/api/deals/{deal['id']}")
    assert r.json()["contact_id"] == contact["id"]  # nothing was written
