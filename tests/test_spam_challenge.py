"""SPEC §19 proof-of-work challenge (server side): in the schema while on, bound to
the form, single use, refused when replayed or expired; auto mode during bursts; the
disposable-domain list and its CLI command."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest

from app.cli import main as cli
from app.services.capture import pow as challenge
from app.services.capture.pow import purge_used
from tests.factory import make_form, submit, submitted


def solve(c: dict) -> dict:
    """What embed-pow.js does, in Python: the first nonce with enough zero bits."""
    nonce = 0
    while (
        challenge.leading_zero_bits(hashlib.sha256(f"{c['salt']}{nonce}".encode()).digest())
        < c["difficulty"]
    ):
        nonce += 1
    return {**c, "nonce": nonce}


async def _challenge(client, form_id: str) -> dict:
    r = await client.get(f"/api/forms/{form_id}/schema")
    assert r.status_code == 200
    return r.json()["challenge"]


async def _score(db, sid: str):
    return await db.fetchval("SELECT spam_score FROM submissions WHERE id = ?", (sid,))


async def test_the_schema_carries_a_fresh_challenge_only_while_on(app, client, user):
    off = await make_form(user)
    r = await client.get(f"/api/forms/{off['id']}/schema")
    assert "challenge" not in r.json() and r.headers["etag"]
    on = await make_form(user, name="Guarded", security={"challenge": "on"})
    first, second = await _challenge(client, on["id"]), await _challenge(client, on["id"])
    assert set(first) == {"salt", "difficulty", "expires_at", "sig"}
    assert first["salt"] != second["salt"] and first["difficulty"] == challenge.DEFAULT_DIFFICULTY
    again = await client.get(f"/api/forms/{on['id']}/schema")
    assert "etag" not in again.headers and again.headers["cache-control"] == "no-store"


async def test_a_solved_challenge_is_accepted_once(app, client, db, user, freeze_clock):
    form = await make_form(user, security={"challenge": "on"})
    solution = solve(await _challenge(client, form["id"]))
    freeze_clock.advance(seconds=3)  # a person takes a moment (under 2 s is too_fast)
    sid = await submitted(client, form["id"], {"email": "a@corp.test", "_pow": solution})
    assert await _score(db, sid) is None  # no pow signal: it was solved
    replay = await submit(client, form["id"], {"email": "b@corp.test", "_pow": solution})
    assert replay.status_code == 403 and replay.json()["error"]["code"] == "challenge_failed"
    assert await db.fetchval("SELECT reason FROM spam_log") == "pow_replayed"
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 1


async def test_an_expired_solution_is_refused(app, client, db, user, freeze_clock):
    form = await make_form(user, security={"challenge": "on"})
    solution = solve(await _challenge(client, form["id"]))
    freeze_clock.advance(minutes=10, seconds=1)
    r = await submit(client, form["id"], {"email": "late@corp.test", "_pow": solution})
    assert r.status_code == 403 and "reload the page" in r.json()["error"]["message"]
    assert await db.fetchval("SELECT reason FROM spam_log") == "pow_expired"
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 0


async def test_a_challenge_is_bound_to_its_form(app, client, db, user):
    one = await make_form(
        user, security={"challenge": "on", "review_threshold": 500, "block_threshold": 1000}
    )
    two = await make_form(user, name="Other", security={"challenge": "on"})
    solution = solve(await _challenge(client, two["id"]))
    sid = await submitted(client, one["id"], {"email": "x@corp.test", "_pow": solution})
    assert await _score(db, sid) == 100  # pow_invalid


async def test_the_challenge_time_bounds_a_claimed_elapsed_time(
    app, client, db, user, freeze_clock
):
    form = await make_form(user, security={"challenge": "on"})
    solution = solve(await _challenge(client, form["id"]))
    claimed = {"email": "fast@corp.test", "_pow": solution, "_elapsed": 60000}
    sid = await submitted(client, form["id"], claimed)
    assert await _score(db, sid) == 40  # issued a moment ago: too_fast despite the claim
    freeze_clock.advance(seconds=5)
    solution = solve(await _challenge(client, form["id"]))
    freeze_clock.advance(seconds=5)
    sid = await submitted(client, form["id"], {"email": "slow@corp.test", "_pow": solution})
    assert await _score(db, sid) is None


async def test_used_challenges_are_purged_after_expiry(app, client, db, user, freeze_clock):
    form = await make_form(user, security={"challenge": "on"})
    solution = solve(await _challenge(client, form["id"]))
    await submitted(client, form["id"], {"email": "a@corp.test", "_pow": solution})
    ctx = SimpleNamespace(db=db, settings=app.state.settings)
    assert await purge_used(ctx) == 0
    freeze_clock.advance(minutes=11)
    assert await purge_used(ctx) == 1
    assert await db.fetchval("SELECT COUNT(*) FROM pow_used") == 0


async def test_no_used_challenge_rows_for_forms_with_the_challenge_off(app, client, db, user):
    form = await make_form(user)
    other = await make_form(user, name="Guarded", security={"challenge": "on"})
    solution = solve(await _challenge(client, other["id"]))
    await submitted(client, form["id"], {"email": "a@corp.test", "_pow": solution})
    assert await db.fetchval("SELECT COUNT(*) FROM pow_used") == 0


async def test_auto_switches_the_challenge_on_during_a_burst(app, client, user):
    form = await make_form(user, security={"challenge": "auto", "max_submissions_per_ip": 1000})
    assert "challenge" not in (await client.get(f"/api/forms/{form['id']}/schema")).json()
    for i in range(challenge.BURST_SUBMISSIONS):
        await submitted(client, form["id"], {"email": f"b{i}@corp.test"})
    assert "challenge" in (await client.get(f"/api/forms/{form['id']}/schema")).json()
    # now a submission without a solution is held for review, with a solution it passes
    held = await submitted(client, form["id"], {"email": "nopow@corp.test"})
    item = (await user.api.get(f"/api/submissions/{held}")).json()
    assert item["status"] == "quarantined"


# -- the disposable-domain list --------------------------------------------------------
def _list(tmp_path, domains) -> str:
    path = tmp_path / "new.txt"
    path.write_text("# my list\n" + "\n".join(domains) + "\n")
    return str(path)


def test_update_disposable_domains_replaces_the_list_atomically(tmp_path, capsys):
    target = tmp_path / "lists"
    target.mkdir()
    (target / "disposable_domains.txt").write_text("old.test\n")
    domains = [f"Throwaway{i}.test" for i in range(12)]
    assert (
        cli(["update-disposable-domains", _list(tmp_path, domains), "--list-dir", str(target)]) == 0
    )
    assert "12 domains" in capsys.readouterr().out
    lines = (target / "disposable_domains.txt").read_text().splitlines()
    assert [x for x in lines if not x.startswith("#")] == sorted(d.lower() for d in domains)
    assert [p.name for p in target.iterdir()] == ["disposable_domains.txt"]  # no temp file left


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (["only.test"], "at least 10"),
        ([f"d{i}.test" for i in range(12)] + ["not a domain"], "line 14"),
    ],
)
def test_a_bad_list_changes_nothing(tmp_path, capsys, content, message):
    target = tmp_path / "lists"
    target.mkdir()
    (target / "disposable_domains.txt").write_text("old.test\n")
    assert (
        cli(["update-disposable-domains", _list(tmp_path, content), "--list-dir", str(target)]) == 1
    )
    assert message in capsys.readouterr().err
    assert (target / "disposable_domains.txt").read_text() == "old.test\n"


def test_a_missing_file_is_a_clear_error(tmp_path, capsys):
    assert (
        cli(["update-disposable-domains", str(tmp_path / "nope.txt"), "--list-dir", str(tmp_path)])
        == 1
    )
    assert "Could not read" in capsys.readouterr().err


def test_the_shipped_list_parses():
    from app.services.capture.disposable import parse_domains
    from app.services.capture.spam_signals import DATA

    assert "mailinator.com" in parse_domains((DATA / "disposable_domains.txt").read_text())
