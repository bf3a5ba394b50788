"""Contact search as a salesperson uses it (SPEC §7, issue 21): any part of the email,
a word inside a name or company, the start of a tag; case and accents ignored; best
match first; kept up to date by the contact services and, for submissions, by the
processing job within a second of the 201."""

from __future__ import annotations

import asyncio
import shutil
import time

from app.db import Database, new_id, now_iso
from app.db.migrate import MIGRATIONS_DIR, migrate
from app.services.crm.search import list_contacts
from app.services.platform.jobs import run_due_jobs
from tests.conftest import make_settings
from tests.factory import make_contact, make_form, submit
from tests.helpers import User, drain_jobs, soup
from tests.helpers_platform import running_app


async def _ids(user, q, **params) -> list[str]:
    r = await user.api.get("/api/contacts", params={"q": q, **params})
    assert r.status_code == 200, r.text
    return [c["id"] for c in r.json()["data"]]


async def test_any_part_of_the_email_finds_the_contact(user):
    maria = await make_contact(user, "maria.santos@northwind-traders.com", name="Maria Santos")
    await make_contact(user, "li@contoso.io", name="Li Wei")
    for q in ("northwind", "NorthWind", "traders", "wind-trad", "santos@north", "maria.santos"):
        assert await _ids(user, q) == [maria["id"]], q
    assert await _ids(user, "northwind-traders.com") == [maria["id"]]
    assert await _ids(user, "fabrikam") == []


async def test_a_word_inside_a_name_or_company(user):
    ana = await make_contact(
        user, "a@x.io", name="Ana García López", company="Blue Harbor Logistics"
    )
    await make_contact(user, "b@y.io", name="Bob Stone", company="Stone Works")
    for q in ("garcia", "lopez", "ana garcia", "harbor", "logist", "arbo", "blue harbor"):
        assert await _ids(user, q) == [ana["id"]], q


async def test_case_and_accents_are_ignored(user):
    elise = await make_contact(user, "e@example.fr", name="Élise Ørsted")
    muller = await make_contact(user, "m@example.de", name="Jürgen Müller", company="Straße AG")
    for q in ("elise", "ELISE", "Élise", "élise", "orsted", "ØRSTED"):
        assert await _ids(user, q) == [elise["id"]], q
    for q in ("MÜLLER", "muller", "Muller", "jurgen", "strasse"):
        assert await _ids(user, q) == [muller["id"]], q


async def test_tags_match_by_their_start(user):
    tagged = await make_contact(user, "t@x.io", tags=["enterprise-2026", "vip"])
    assert await _ids(user, "enterp") == [tagged["id"]]
    assert await _ids(user, "VIP") == [tagged["id"]]
    assert await _ids(user, "prise") == []  # a tag is matched by its start only


async def test_ranked_exact_then_prefix_then_substring_newest_first(user):
    inner = await make_contact(user, "jo@x.io", name="Joanne Smith")  # substring "ann"
    anna = await make_contact(user, "anna@y.io", name="Anna Berg")  # prefix
    ann_lee = await make_contact(user, "lee@z.io", name="Ann Lee")  # exact word
    annabel = await make_contact(user, "bel@w.io", name="Annabel Kay")  # prefix, newer
    ann_mail = await make_contact(user, "ann@v.io", name="Vera Hill")  # exact: local part
    assert await _ids(user, "ann") == [
        ann_mail["id"],
        ann_lee["id"],
        annabel["id"],
        anna["id"],
        inner["id"],
    ]
    # an edit makes Anna the most recently active of the prefix matches
    await user.api.put(f"/api/contacts/{anna['id']}", json={"phone": "+49 30 1234"})
    assert (await _ids(user, "ann"))[2:4] == [anna["id"], annabel["id"]]
    # a sort asked for wins over the ranking ("ann lee" sorts before "anna berg")
    by_name = await _ids(user, "ann", sort="name")
    assert by_name == [ann_lee["id"], anna["id"], annabel["id"], inner["id"], ann_mail["id"]]
    # so does a filter (then newest first)
    await user.api.put(f"/api/contacts/{inner['id']}", json={"status": "customer"})
    assert await _ids(user, "ann", status="customer") == [inner["id"]]


async def test_one_and_two_letters_match_the_start_of_words(user):
    anna = await make_contact(user, "anna@x.io", name="Anna Berg")
    joanne = await make_contact(user, "jo@y.io", name="Joanne Smith")
    assert await _ids(user, "an") == [anna["id"]]  # not Joanne: too short for "inside"
    assert set(await _ids(user, "j")) == {joanne["id"]}
    assert set(await _ids(user, "s")) == {joanne["id"]}


async def test_ranked_pages_walk_every_match_once_in_order(user):
    names = ["Acme", "Bigacme One", "Acmeco", "Acme Two", "Bigacme Two", "Acmeville", "Xacmey"]
    made = {n: await make_contact(user, f"c{i}@example.org", name=n) for i, n in enumerate(names)}
    whole = await _ids(user, "acme", limit=50)
    expected = ["Acme Two", "Acme", "Acmeville", "Acmeco", "Xacmey", "Bigacme Two", "Bigacme One"]
    assert whole == [made[n]["id"] for n in expected]  # exact, prefix, inside; newest first
    for size in (1, 2, 3):
        seen, cursor = [], None
        while True:
            params = {"q": "acme", "limit": size, **({"cursor": cursor} if cursor else {})}
            body = (await user.api.get("/api/contacts", params=params)).json()
            seen += [c["id"] for c in body["data"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert seen == whole, size
    bad = await user.api.get(
        "/api/contacts", params={"q": "acme", "cursor": "WyIyMDI2IiwiYyJd"}
    )  # a created_at cursor is not a ranked one
    assert bad.status_code == 400


async def test_merged_contacts_disappear_and_edits_follow(user):
    keep = await make_contact(user, "keep@x.io", name="Kept Person")
    gone = await make_contact(user, "quixote@lamancha.es", name="Alonso Quixano")
    assert await _ids(user, "quixano") == [gone["id"]]
    r = await user.api.post(f"/api/contacts/{keep['id']}/merge", json={"other_id": gone["id"]})
    assert r.status_code == 200, r.text
    assert await _ids(user, "lamancha") == []
    # the survivor keeps its own name and email
    assert await _ids(user, "kept") == [keep["id"]]
    await user.api.put(f"/api/contacts/{keep['id']}", json={"tags": ["knight-errant"]})
    assert await _ids(user, "knight") == [keep["id"]]


async def test_imported_contacts_are_found(user):
    csv = "email,name,company\nzed@zeta-labs.io,Zedekiah Öz,Zeta Labs\n".encode()
    r = await user.api.post("/api/contacts/import", files={"file": ("c.csv", csv, "text/csv")})
    assert r.status_code == 201, r.text
    found = await _ids(user, "zeta")
    assert len(found) == 1
    assert await _ids(user, "oz") == found and await _ids(user, "labs") == found


async def test_submitted_contact_is_searchable_within_a_second_of_the_201(tmp_path):
    """The capture transaction does not write the index: the processing job that runs
    after each submission does, and a worker picks it up at once."""
    async with running_app(tmp_path, workers=1, worker_poll_seconds=0.05) as app:
        user = await User.signup(app, "owner@example.com")
        form = await make_form(user)
        r = await submit(
            user, form["id"], {"email": "quentin@zanzibar-imports.com", "name": "Quentin Ozark"}
        )
        accepted = time.monotonic()
        assert r.status_code == 201, r.text
        found = await _ids(user, "zanzibar")
        while not found and time.monotonic() - accepted < 1.0:
            await asyncio.sleep(0.02)  # the worker runs on this event loop meanwhile
            found = await _ids(user, "zanzibar")
        assert found, "not searchable within a second of the 201"
        assert await _ids(user, "ozark") == found


async def test_a_submission_is_indexed_by_its_processing_job(app, user):
    form = await make_form(user)
    r = await submit(user, form["id"], {"email": "ines@qubit-labs.eu", "name": "Inés Quiroga"})
    assert r.status_code == 201
    assert await _ids(user, "qubit") == []  # derived data: not written by the 201 itself
    await drain_jobs(app)
    assert len(await _ids(user, "qubit")) == 1
    assert await _ids(user, "ines quiroga") == await _ids(user, "qubit")


async def test_migration_indexes_existing_contacts(tmp_path):
    """Contacts stored before migration 0063 are indexed by the job it queues."""
    older = tmp_path / "older"
    older.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if path.name < "0063":
            shutil.copy(path, older / path.name)
    db = await Database.open(tmp_path / "app.db")
    try:
        await migrate(db, older)
        now, contact_id = now_iso(), new_id("contact")

        def seed(conn):
            conn.execute(
                "INSERT INTO accounts (id, email, email_lower, name, password_hash, status, created_at)"
                " VALUES ('acct_1', 'o@x.io', 'o@x.io', '', 'x', 'active', ?)",
                (now,),
            )
            conn.execute(
                "INSERT INTO workspaces (id, name, slug, owner_id, settings, status, created_at)"
                " VALUES ('ws_1', 'W', 'w', 'acct_1', '{}', 'active', ?)",
                (now,),
            )
            conn.execute(
                "INSERT INTO contacts (id, workspace_id, email, email_lower, name, tags, created_at,"
                " updated_at) VALUES (?, 'ws_1', 'Renée@Oldco.example', 'renée@oldco.example',"
                " 'Renée Dubois', '[\"legacy\"]', ?, ?)",
                (contact_id, now, now),
            )

        await db.write(seed)
        assert "0063_contact_search_fts.sql" in await migrate(db)
        assert (await list_contacts(db, "ws_1", q="oldco"))[0] == []
        assert await run_due_jobs(db, make_settings(tmp_path), None) == 1
        for q in ("oldco", "renee", "DUBOIS", "leg"):
            items, _ = await list_contacts(db, "ws_1", q=q)
            assert [c["id"] for c in items] == [contact_id], q
    finally:
        await db.close()


async def test_contacts_page_searches_the_same_way(user):
    maria = await make_contact(user, "maria@northwind-traders.com", name="María Santos")
    await make_contact(user, "li@contoso.io", name="Li Wei")
    r = await user.web.get("/contacts", params={"q": "SANTOS"})
    page = soup(r)
    assert r.status_code == 200
    links = [a["href"] for a in page.select("#contact-results a[href^='/contacts/contact_']")]
    assert links and set(links) == {f"/contacts/{maria['id']}"}
    sort = page.find("select", id="f-sort")
    assert sort.find("option", selected=True).get_text(strip=True) == "Best match"
    r = await user.web.get("/contacts", params={"q": "north"}, headers={"HX-Request": "true"})
    assert f"/contacts/{maria['id']}" in r.text and "Li Wei" not in r.text


async def test_contact_of_a_failed_flow_is_still_found(app, user, monkeypatch):
    form = await make_form(user, flow_id="booking_request")

    def broken(conn, fc, *a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr("app.services.processing.flow_steps.activity", broken)
    r = await submit(user, form["id"], {"email": "ursula@volcano-tours.is", "name": "Ursula"})
    assert r.status_code == 201
    await app.state.db.execute("UPDATE jobs SET max_attempts = 1")
    await drain_jobs(app)
    sub = (await user.api.get(f"/api/submissions/{r.json()['submission_id']}")).json()
    assert sub["status"] == "needs_human_review"
    assert [
        c["email"]
        for c in (await user.api.get("/api/contacts", params={"q": "volcano"})).json()["data"]
    ] == ["ursula@volcano-tours.is"]


async def test_deleted_contacts_disappear_from_search(user):
    gone = await make_contact(user, "rip@vanished-co.net", name="Ozymandias King", tags=["kings"])
    kept = await make_contact(user, "kept@vanished-co.net", name="Kept King")
    assert set(await _ids(user, "vanished")) == {gone["id"], kept["id"]}
    token = await user.csrf("/contacts")
    r = await user.web.post(
        "/contacts/bulk",
        data={"csrf_token": token, "action": "delete", "confirm": "yes", "ids": [gone["id"]]},
    )
    assert r.status_code == 303
    assert await _ids(user, "ozymandias") == [] and await _ids(user, "kings") == []
    for q in ("vanished", "king"):
        assert await _ids(user, q) == [kept["id"]], q
    r = await user.web.get("/search", params={"q": "ozymandias"})
    assert "Ozymandias" not in r.text
