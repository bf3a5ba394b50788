"""Field patterns cannot stall anyone (SPEC §13): they run in a linear-time engine,
patterns that engine cannot run are refused at save with the reason beside the
field, and long patterns are refused.

The catastrophic case is asserted by mechanism, not by a stopwatch: with a
backtracking engine ``(a|a)*`` against 40 a's and a "b" takes about 2^40 steps
(hours), so these tests could only pass (well inside the suite's timeout) when
the match is linear."""

from __future__ import annotations

from tests.factory import make_form, set_form, submit
from tests.helpers import soup

EVIL = "(a|a)*"
FIELDS = [
    {"name": "email", "type": "email", "label": "Email"},
    {"name": "code", "type": "text", "label": "Code", "regex": EVIL},
]


async def test_catastrophic_pattern_answers_at_once_on_the_endpoint(app, client, user):
    form = await make_form(user, fields=FIELDS)
    r = await submit(client, form["id"], {"email": "x@example.com", "code": "a" * 40 + "b"})
    assert r.status_code == 422
    assert r.json()["error"]["fields"] == {"code": "This value is not in the expected format."}
    ok = await submit(client, form["id"], {"email": "y@example.com", "code": "a" * 5000})
    assert ok.status_code == 201, ok.text


async def test_catastrophic_pattern_answers_at_once_on_the_hosted_page(app, client, user):
    # The hosted page validates on the event loop: a backtracking match would freeze the server.
    form = await make_form(user, fields=FIELDS)
    r = await client.post(
        f"/f/{form['id']}", data={"email": "x@example.com", "code": "a" * 40 + "b"}
    )
    assert r.status_code == 422
    assert "not in the expected format" in soup(r).get_text()


async def test_patterns_the_safe_engine_cannot_run_are_refused_at_save(user):
    for pattern, says in (
        (r"(\w)\1", "backreferences"),
        (r"(?=.*\d).+", "lookaround"),
        (r"(?<!x)y", "lookaround"),
        ("(unclosed", "does not compile"),
        ("a" * 501, "under 500 characters"),
    ):
        body = {"name": "Codes", "fields": [{"name": "code", "type": "text", "regex": pattern}]}
        r = await user.api.post("/api/forms", json=body)
        assert r.status_code == 422, pattern
        assert says in r.json()["error"]["fields"]["fields[0].regex"], pattern
    assert (await user.api.get("/api/forms")).json()["data"] == []


async def test_editor_shows_why_a_pattern_is_refused_beside_the_field(app, user):
    form = await make_form(user, fields=FIELDS)
    r = await user.post_form(
        f"/forms/{form['id']}/fields/code",
        {"name": "code", "type": "text", "label": "Code", "regex": r"(\d)\1"},
        htmx=True,
    )
    assert r.status_code == 422
    error = soup(r).select_one("#edit-code-regex-error")
    assert error is not None and "backreferences" in error.get_text()
    stored = (await user.api.get(f"/api/forms/{form['id']}")).json()
    assert stored["fields"][1]["regex"] == EVIL  # nothing was saved


async def test_a_stored_pattern_the_engine_refuses_constrains_nothing(app, client, user):
    # Saved before patterns were checked this way: the visitor is not blamed, nothing 500s.
    form = await make_form(user, fields=FIELDS)
    legacy = [FIELDS[0], {**FIELDS[1], "regex": r"(a)\1"}]
    await set_form(app, form["id"], fields=legacy)
    r = await submit(client, form["id"], {"email": "z@example.com", "code": "anything"})
    assert r.status_code == 201, r.text


async def test_browsers_never_judge_a_pattern_themselves(app, client, user):
    # One engine decides: the schema embed.js renders from and the hosted page carry no
    # pattern, so a browser's regex dialect can never disagree with the server's answer.
    form = await make_form(user, fields=FIELDS)
    schema = (await client.get(f"/api/forms/{form['id']}/schema")).json()
    assert all("regex" not in field and "pattern" not in field for field in schema["fields"])
    page = soup(await client.get(f"/f/{form['id']}"))
    assert page.select_one("input[name=code]") is not None
    assert page.select("[pattern]") == []
