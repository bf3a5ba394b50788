"""Email text (SPEC §8, §13): what users write is {{placeholders}} with
fallbacks, never Jinja; our own email templates live in services/mail with a
sandboxed, autoescaping, strict environment; subjects are one header line;
each email has a dedupe key so reprocessing sends nothing twice."""

from __future__ import annotations

import time

import jinja2
import pytest

from app.services.mail.render import TEMPLATES_DIR, render_email
from tests.factory import make_form, set_form, submit
from tests.helpers import drain_jobs, soup

FORMS = "/api/forms"


async def confirmation_for(app, client, form, data) -> dict:
    r = await submit(client, form["id"], data)
    assert r.status_code == 201, r.text
    await drain_jobs(app)
    return await app.state.db.fetchone(
        "SELECT * FROM emails WHERE submission_id = ? AND to_addr = ?",
        (r.json()["submission_id"], data["email"]),
    )


def booking(template: str) -> dict:
    return {
        "flow_id": "booking_request",
        "auto": {"booking_url": "https://cal.test/x", "confirmation_template": template},
    }


async def test_placeholders_fill_in_with_fallbacks(app, client, user):
    form = await make_form(
        user,
        **booking(
            "Hi {{first_name|there}}! {{ name }} at {{company | your team}}: {{data.message}}"
            " {{form_name}} {{booking_url}}"
        ),
    )
    email = await confirmation_for(
        app, client, form, {"email": "ann@x.test", "name": "Ann Lee", "message": "2 seats"}
    )
    assert email["body_text"] == (
        "Hi Ann! Ann Lee at your team: 2 seats Demo request https://cal.test/x"
    )
    nameless = await confirmation_for(app, client, form, {"email": "who@x.test"})
    assert nameless["body_text"].startswith("Hi there!  at your team: ")


async def test_default_confirmations_use_the_fallback(app, client, user):
    form = await make_form(user, flow_id="direct_route")
    email = await confirmation_for(app, client, form, {"email": "nobody@x.test"})
    assert email["body_text"].startswith("Hi there,\n\nThanks for contacting us through")


async def test_values_are_escaped_in_the_html_body_and_plain_in_the_text(app, client, user):
    form = await make_form(user, **booking("Hi {{name}}!"))
    email = await confirmation_for(
        app, client, form, {"email": "q@x.test", "name": "<b>Zed</b> & co"}
    )
    assert email["body_text"] == "Hi <b>Zed</b> & co!"
    assert "<b>Zed</b>" not in email["body_html"]
    assert "&lt;b&gt;Zed&lt;/b&gt; &amp; co" in email["body_html"]


@pytest.mark.parametrize(
    "template, quoted",
    [
        ("{% for i in range(10**6) %}x{% endfor %}", "{% for i in range(10**6) %}"),
        ("Hi {{ ''.__class__.__mro__ }}", "{{ ''.__class__.__mro__ }}"),
        ("Hi {{ name or 'there' }}", "{{ name or 'there' }}"),
        ("{# note #}Hi", "{# note #}"),
    ],
)
async def test_template_code_is_refused_on_save_naming_the_field(user, template, quoted):
    r = await user.api.post(
        FORMS, json={"name": "Code", "auto": {"confirmation_template": template}}
    )
    assert r.status_code == 422, r.text
    message = r.json()["error"]["fields"]["auto.confirmation_template"]
    assert quoted in message and "{{first_name|there}}" in message


async def test_unknown_variables_are_refused_on_save(user):
    r = await user.api.post(
        FORMS, json={"name": "Typo", "auto": {"confirmation_template": "Hi {{frist_name}}"}}
    )
    assert r.status_code == 422
    message = r.json()["error"]["fields"]["auto.confirmation_template"]
    assert "{{frist_name}}" in message and "{{first_name}}" in message


async def test_an_old_jinja_template_is_sent_as_text_and_never_runs(app, client, user):
    form = await make_form(user, **booking("Hi {{ name }}!"))
    loops = "{% for i in range(10**7) %}{% for j in range(10**7) %}x{% endfor %}{% endfor %}"
    stored = {
        "booking_url": "https://cal.test/x",
        "confirmation_template": "Hi {{ name }}! " + loops,
    }
    await set_form(app, form["id"], auto=stored)  # saved before placeholders were enforced
    began = time.monotonic()
    email = await confirmation_for(app, client, form, {"email": "o@x.test", "name": "Ola"})
    assert time.monotonic() - began < 2
    assert email["body_text"] == "Hi Ola! " + loops


async def test_the_editor_explains_the_syntax_and_shows_the_error_by_the_field(app, user):
    form = await make_form(user)
    page = await user.web.get(f"/forms/{form['id']}")
    assert page.status_code == 200
    assert "{{first_name|there}}" in page.text and "{{data.&lt;field name&gt;}}" in page.text
    template = "Hi {% if name %}{{name}}{% endif %}"
    r = await user.post_form(
        f"/forms/{form['id']}/settings",
        {"_section": "auto", "confirmation_template": template},
        htmx=True,
    )
    assert r.status_code == 422
    field = soup(r).select_one("#sec-auto .has-error")
    assert "“{% if name %}” is not a placeholder" in field.select_one(".error").get_text()
    assert field.select_one("textarea").get_text() == template  # the input is kept


async def test_a_line_break_in_the_form_name_stays_out_of_the_subject(app, client, user):
    form = await make_form(user, **booking("Hi {{name}}"))
    await set_form(app, form["id"], name="Demo\r\nBcc: victim@x.test")  # an old form's name
    email = await confirmation_for(app, client, form, {"email": "s@x.test", "name": "Sam"})
    assert email["subject"] == "We received your message — Demo Bcc: victim@x.test"


async def test_reprocessing_sends_nothing_twice(app, client, db, user):
    form = await make_form(user, **booking("Hi {{name}}"))
    email = await confirmation_for(app, client, form, {"email": "r@x.test", "name": "Rae"})
    assert email["dedupe_key"] == f"{email['submission_id']}:confirmation"
    r = await user.api.post(f"/api/submissions/{email['submission_id']}/reprocess")
    assert r.status_code == 202, r.text
    await drain_jobs(app)
    rows = await db.fetchall("SELECT id FROM emails WHERE to_addr = 'r@x.test'")
    assert rows == [{"id": email["id"]}]
    jobs = await db.fetchval("SELECT COUNT(*) FROM jobs WHERE kind = 'deliver_email'")
    assert jobs == await db.fetchval("SELECT COUNT(*) FROM emails")


def test_email_templates_are_strict_and_autoescaped():
    assert sorted(p.name for p in TEMPLATES_DIR.iterdir()) == [
        "invite.html",
        "invite.txt",
        "message.html",
    ]
    html = render_email("message.html", {"subject": "s", "body": "<i>a</i>\nb", "form_name": "F&G"})
    assert "&lt;i&gt;a&lt;/i&gt;<br>b<br>" in html and "F&amp;G" in html
    with pytest.raises(jinja2.UndefinedError):
        render_email("message.html", {"subject": "s", "body": "b"})  # a missing variable
