"""Cursors are read in one place: whatever a client sends as ``cursor`` — garbage,
or base64 JSON of the wrong shape — is a 400 ``invalid_cursor`` on every list of
the API and a 400 page that says what to do, never a 500; a real cursor pages on."""

from __future__ import annotations

import base64
import json

from app.db.pagination import encode_cursor
from tests.factory import make_contact, make_form
from tests.test_api_contract import api_routes


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# Each decodes (or nearly) but is not a cursor any list handed out.
WRONG = [
    encode_cursor([1, 2]),
    encode_cursor([["2026-01-01"], {"id": "x"}]),
    encode_cursor(["2026-01-01"]),
    encode_cursor(["2026-01-01", "a", "b"]),
    encode_cursor([True, "x"]),
    _b64(json.dumps({"created_at": "2026", "id": "x"}).encode()),
    _b64(b'"just a string"'),
    _b64(b"null"),
    _b64(b"\xff\xfe not utf-8"),
    _b64(b"[1, 2"),
    "!!not-a-cursor!!",
]
PAGES = ["/submissions", "/contacts", "/companies", "/drafts", "/deals?view=list", "/forms"]


async def test_every_api_list_answers_400_to_a_cursor_it_did_not_hand_out(app, user):
    await make_form(user)
    lists, problems = [], []
    for path, route in api_routes(app):
        if "{" in path or "GET" not in (route.methods or ()):
            continue
        first = await user.api.get(path)
        if not first.headers.get("content-type", "").startswith("application/json"):
            continue  # the docs page
        if first.status_code != 200 or "next_cursor" not in first.json():
            continue
        lists.append(path)
        for cursor in WRONG:
            r = await user.api.get(path, params={"cursor": cursor})
            if r.status_code != 400 or r.json()["error"]["code"] != "invalid_cursor":
                problems.append(f"{path} cursor={cursor}: {r.status_code} {r.text[:100]}")
    for expected in ("/api/submissions", "/api/contacts", "/api/companies", "/api/drafts"):
        assert expected in lists
    assert {"/api/deals", "/api/forms", "/api/events"} <= set(lists)
    assert not problems, "\n".join(problems)


async def test_list_pages_answer_a_wrong_cursor_with_a_400_page(user):
    form_id = (await make_form(user))["id"]
    for path in [*PAGES, f"/forms/{form_id}/spam"]:
        sep = "&" if "?" in path else "?"
        for cursor in WRONG:
            r = await user.web.get(f"{path}{sep}cursor={cursor}")
            assert r.status_code == 400, (path, cursor, r.status_code)
            assert "use the next_cursor of a previous page" in r.text, path


async def test_contact_sorts_page_on_with_their_own_cursors(user):
    for i in range(5):
        await make_contact(user, f"p{i}@example.com", name=f"Person {i}")
    for sort in ("name", "-created_at", "submission_count", "-last_seen"):
        seen, cursor = [], None
        for _ in range(5):
            params = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
            body = (await user.api.get("/api/contacts", params=params)).json()
            seen += [c["email"] for c in body["data"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert sorted(seen) == [f"p{i}@example.com" for i in range(5)], sort
