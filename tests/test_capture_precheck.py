"""The submission endpoint parses and validates before its write transaction when the
process already holds the form (capture.pipeline.pre_check). The answers must be the
ones §5 gives in its order, and always against the form as stored at that moment."""

from __future__ import annotations

from tests.factory import make_form, set_form, submit, submitted

OPEN = {"max_submissions_per_ip": 1000}
FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "phone", "type": "text", "label": "Phone"},
]


async def test_an_edit_made_elsewhere_counts_at_once(app, user):
    form = await make_form(user, fields=FIELDS, security=OPEN)
    await submitted(user, form["id"], {"email": "a@a.test"})  # the process now holds the form
    # Another process makes phone required (straight in the database, as it would).
    required = [FIELDS[0], {**FIELDS[1], "required": True}]
    await set_form(app, form["id"], fields=required)
    r = await submit(user, form["id"], {"email": "b@b.test"})
    assert r.status_code == 422 and "phone" in r.json()["error"]["fields"], r.text
    # ... and back: what the stale copy would refuse is accepted.
    await set_form(app, form["id"], fields=FIELDS)
    await submitted(user, form["id"], {"email": "c@c.test"})


async def test_form_state_and_honeypot_come_before_body_and_fields(app, user):
    form = await make_form(user, fields=FIELDS, security=OPEN)
    await submitted(user, form["id"], {"email": "a@a.test"})
    r = await submit(user, form["id"], {"email": "not an email", "_hp": "bot"})
    assert r.status_code == 200 and r.json()["submission_id"], r.text  # honeypot first
    await set_form(app, form["id"], status="paused")
    r = await submit(user, form["id"], {"email": "not an email"})
    assert r.status_code == 410, r.text  # not the 422 the body would get
    r = await user.web.post(
        f"/api/submissions/{form['id']}",
        content=b"{broken",
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 410, r.text  # not the 400 of the malformed body
